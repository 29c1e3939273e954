// Every view state a reader sets is in the link and restored: the map's viewport and
// colouring, the timeline's visible range and lanes, the actors' mode, ego mode and network
// view, the event list's order. Set by hand, copied with "Copy link", opened in a fresh
// browser context; back/forward step through selections, not through zooms; a mangled
// parameter is reported and the rest still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

const SHELLING = '2010-11-23-yeonpyeong-shelling';
const WEN_VISIT = '2010-11-22-wen-russia-visit';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const region = (page, name) => page.getByRole('region', { name });
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

/// Waits until the address bar's link has every parameter of `params` (`key=value`).
async function linkHas(page, ...params) {
  await page.waitForFunction(
    (wanted) => {
      const query = new URLSearchParams(decodeURIComponent(location.hash).split('?')[1] ?? '');
      return wanted.every((p) => {
        const [key, value] = p.split('=');
        return value === undefined ? query.has(key) : query.get(key) === value;
      });
    },
    params,
  );
}

/// Everything the views show of their settings, in screen terms.
async function viewState(page) {
  return page.evaluate((shelling) => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), w: Math.round(r.width) };
    };
    const pressed = (selector) => [...document.querySelectorAll(`${selector} [aria-pressed="true"]`)]
      .map((b) => b.textContent.trim());
    const place = document.querySelector('.view-map .map-mark[data-place-id="yeonpyeong-island"]');
    const at = place?.getBoundingClientRect();
    const frame = document.querySelector('.view-map svg.map-svg').getBoundingClientRect();
    return {
      mapZoom: Number(document.querySelector('.view-map svg.map-svg').getAttribute('data-zoom')),
      yeonpyeongOnMap: at ? [at.x + at.width / 2 - frame.x, at.y + at.height / 2 - frame.y] : null,
      mapPressed: pressed('.view-map'),
      timelinePressed: pressed('.view-timeline'),
      shellingOnTimeline: box(document.querySelector(`.view-timeline [data-event-id="${shelling}"]`)),
      actorsPressed: pressed('.actors-head'),
      networkZoom: document.querySelector('.actors-svg')?.getAttribute('data-zoom') ?? null,
      sorted: [...document.querySelectorAll('.view-list [aria-sort]')]
        .map((th) => `${th.textContent.replace(/[▲▼]/g, '').trim()} ${th.getAttribute('aria-sort')}`),
    };
  }, SHELLING);
}

/// The same view: equal settings, the map's zoom and a mark's place to a link's precision.
function assertSameView(actual, expected, message) {
  const { mapZoom, yeonpyeongOnMap, ...rest } = actual;
  const { mapZoom: zoom, yeonpyeongOnMap: mark, ...expectedRest } = expected;
  assert.deepEqual(rest, expectedRest, message);
  assert.ok(Math.abs(mapZoom - zoom) <= 0.005, `${message}: map zoom ${mapZoom} for ${zoom}`);
  assert.equal(yeonpyeongOnMap === null, mark === null, message);
  if (mark) {
    const off = Math.hypot(yeonpyeongOnMap[0] - mark[0], yeonpyeongOnMap[1] - mark[1]);
    assert.ok(off <= 1, `${message}: a mark ${off.toFixed(2)} px away`);
  }
}

/// A zoom with the wheel: Ctrl held, since a plain turn over a view scrolls the page.
async function wheelOn(page, selector, deltaY) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.55);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, deltaY);
  await page.keyboard.up('Control');
}

test('a link copied after setting every view restores each of them in a fresh browser', async () => {
  const { page, context, record } = await openPage(env, `#/event/${SHELLING}`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  // Map: zoom with the wheel, colour by country.
  await wheelOn(page, '.view-map svg.map-svg', -250);
  await linkHas(page, 'map');
  await region(page, 'Map').getByRole('button', { name: 'Country', exact: true }).click();
  // Timeline: zoom in, lanes by storyline.
  const timeline = region(page, 'Timeline');
  await timeline.getByRole('button', { name: 'Zoom in' }).click();
  await timeline.getByRole('button', { name: 'Storylines', exact: true }).click();
  // Actors: ego mode, the network zoomed in, then the table.
  const actors = region(page, 'Actors');
  await actors.getByRole('button', { name: 'Ego' }).click();
  await actors.getByRole('button', { name: 'Zoom the network in' }).click();
  await linkHas(page, 'netview', 'net=ego');
  const networkZoom = await actors.locator('.actors-svg').getAttribute('data-zoom');
  await actors.getByRole('button', { name: 'Table', exact: true }).click();
  // Event list: by title, then reversed.
  const list = region(page, 'Event list');
  await list.getByRole('button', { name: /^Event/ }).click();
  await list.getByRole('button', { name: /^Event/ }).click();
  await linkHas(page, 'colour=country', 'span', 'lanes=storylines', 'net=table,ego', 'sort=-title');
  const sent = await viewState(page);
  assert.deepEqual(sent.mapPressed.filter((t) => t === 'Country'), ['Country']);
  assert.ok(sent.timelinePressed.includes('Storylines'));
  assert.deepEqual(sent.actorsPressed, ['Table', 'Ego']);
  assert.deepEqual(sent.sorted, ['Event descending']);

  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), 'the copied link is the address bar');
  assert.match(decodeURIComponent(copied), new RegExp(`#/event/${SHELLING}\\?`));
  assert.deepEqual(record.errors, []);

  // A colleague opens it: a new browser context, nothing shared but the link.
  const fresh = await openPage(env, new URL(copied).hash);
  await fresh.page.waitForTimeout(400);
  const received = await viewState(fresh.page);
  assertSameView(received, sent, 'every view shows what the sender saw');
  assert.equal(await hash(fresh.page), decodeURIComponent(new URL(copied).hash), 'and the link stays as it was');
  // The network's view came along too: it shows once the network is drawn again.
  await region(fresh.page, 'Actors').getByRole('button', { name: 'Network', exact: true }).click();
  await actors.getByRole('button', { name: 'Network', exact: true }).click();
  assert.equal(await region(fresh.page, 'Actors').locator('.actors-svg').getAttribute('data-zoom'), networkZoom);
  assertSameView(await viewState(fresh.page), await viewState(page), 'the network too');
  await fresh.page.screenshot({ path: `${ARTIFACTS}/view-state-restored.png` });
  assert.deepEqual(fresh.record.errors, []);
  await fresh.context.close();
  await context.close();
});

test('a selection is a step back leads to; zooming and panning refine the current step', async () => {
  const { page, context } = await openPage(env, '#/');
  const list = region(page, 'Event list');
  const start = await page.evaluate(() => history.length);
  await list.locator(`a[data-event-id="${WEN_VISIT}"]`).click();
  await page.waitForFunction((id) => location.hash.includes(id), WEN_VISIT);
  await wheelOn(page, '.view-map svg.map-svg', -200);
  await linkHas(page, 'map');
  const first = await viewState(page);
  const firstLink = await hash(page);
  assert.equal(await page.evaluate(() => history.length), start + 1, 'the zoom added no step');

  await list.locator(`a[data-event-id="${SHELLING}"]`).click();
  await page.waitForFunction((id) => location.hash.includes(id), SHELLING);
  await region(page, 'Timeline').getByRole('button', { name: 'Storylines', exact: true }).click();
  await wheelOn(page, '.view-map svg.map-svg', -300);
  await linkHas(page, 'lanes=storylines');
  await page.waitForFunction((z) => Number(document.querySelector('.view-map svg.map-svg').getAttribute('data-zoom')) !== z, first.mapZoom);
  await page.waitForTimeout(400);
  const second = await viewState(page);
  const secondLink = await hash(page);
  assert.match(secondLink, /map=/);
  assert.equal(await page.evaluate(() => history.length), start + 2);

  await page.goBack();
  await page.waitForFunction((id) => location.hash.includes(id), WEN_VISIT);
  assert.equal(await hash(page), firstLink, 'back: the first selection with its map as it was left');
  const back = await viewState(page);
  assertSameView(back, first, 'back: the map and the lanes as they were');

  await page.goForward();
  await page.waitForFunction((id) => location.hash.includes(id), SHELLING);
  assert.equal(await hash(page), secondLink);
  assertSameView(await viewState(page), second, 'forward: as they were');
  await context.close();
});

test('a link clicked right after a zoom keeps the zoom', async () => {
  const { page, context } = await openPage(env, '#/');
  // The wheel, then the click right after: long before the address bar is rewritten, so
  // the link's href does not have the zoom yet.
  const before = await page.evaluate((id) => new Promise((done) => {
    const svg = document.querySelector('.view-map svg.map-svg');
    const world = () => svg.querySelector('.map-world').getAttribute('transform');
    const unzoomed = world();
    const box = svg.getBoundingClientRect();
    // Ctrl held: a plain turn over the map scrolls the page instead of zooming.
    svg.dispatchEvent(new WheelEvent('wheel', {
      deltaY: -250, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2,
      ctrlKey: true, bubbles: true, cancelable: true,
    }));
    // The click comes as soon as the map shows the zoom, long before the address bar is
    // rewritten (a quarter second after the zoom settles).
    const click = (frames) => {
      if (world() === unzoomed && frames < 120) {
        requestAnimationFrame(() => click(frames + 1));
        return;
      }
      const link = document.querySelector(`.view-list a[data-event-id="${id}"]`);
      const [href, hash] = [link.getAttribute('href'), location.hash];
      link.click();
      done({ href, hash, zoomed: world() !== unzoomed });
    };
    click(0);
  }), SHELLING);
  assert.ok(before.zoomed, 'the map zoomed');
  assert.doesNotMatch(before.href, /map=/, 'the href was written before the zoom');
  assert.doesNotMatch(before.hash, /map=/);
  await page.waitForFunction((id) => location.hash.includes(id), SHELLING);
  assert.match(await hash(page), /map=/, 'the zoom came along');
  await context.close();
});

test('a mangled view parameter is named in a notice and the rest of the link still applies', async () => {
  const { page, context, record } = await openPage(
    env,
    '#/?map=north,east,far&span=2010-13-01,2010-12-01&lanes=wide&net=globe&sort=-title&colour=country',
  );
  const notices = page.locator('.notices');
  await notices.waitFor();
  const text = await notices.textContent();
  for (const part of ['map=north,east,far', 'span=2010-13-01,2010-12-01', 'lanes=wide', 'net=globe']) {
    assert.ok(text.includes(part), `${part} is named: ${text}`);
  }
  const state = await viewState(page);
  assert.deepEqual(state.sorted, ['Event descending'], 'the order still applies');
  assert.ok(state.mapPressed.includes('Country'), 'the colouring still applies');
  assert.equal(await hash(page), '#/?colour=country&sort=-title', 'the link keeps what was understood');
  // An out-of-range zoom is brought into range and said so.
  const far = await openPage(env, '#/?map=38,125,500');
  assert.match(await far.page.locator('.notices').textContent(), /map=38,125,500/);
  assert.equal(await far.page.locator('.view-map svg.map-svg').getAttribute('data-zoom'), '64.0000');
  assert.match(await hash(far.page), /map=[\d.]+,[\d.]+,64$/, 'the link says what is shown');
  await far.context.close();
  // Still usable: selecting an event works everywhere.
  await region(page, 'Event list').locator(`a[data-event-id="${SHELLING}"]`).click();
  await region(page, 'Details').getByRole('heading', { name: 'North Korea shells Yeonpyeong Island' }).waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});
