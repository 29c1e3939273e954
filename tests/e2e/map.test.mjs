// The Map view in Chromium, used as a reader would: deep links frame their places, marks
// open their events, wheel, keys, drag, double-tap and pinch move the map, filters and hover
// from other views show on it, and nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, cspViolations, ARTIFACTS } from './harness.mjs';

const SHELLING = '2010-11-23-yeonpyeong-shelling';
const DATASET = JSON.parse(readFileSync(new URL('../../src/data/dataset.json', import.meta.url), 'utf8'));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const map = (page) => page.getByRole('region', { name: 'Map' });
const details = (page) => page.getByRole('region', { name: 'Details' });
const mark = (page, placeId) => map(page).locator(`.map-mark[data-place-id="${placeId}"]`);

/// The view as the SVG says it: zoom and the `<g>` transform (translate x, y and scale).
async function viewState(page) {
  const svg = map(page).locator('svg.map-svg');
  const zoom = Number(await svg.getAttribute('data-zoom'));
  const transform = await map(page).locator('g.map-world').getAttribute('transform');
  const [tx, ty, k] = transform.match(/-?[\d.]+(e-?\d+)?/g).map(Number);
  return { zoom, transform, tx, ty, k };
}

async function waitForChange(page, before) {
  await page.waitForFunction(
    (t) => document.querySelector('.view-map g.map-world')?.getAttribute('transform') !== t,
    before.transform,
  );
  return viewState(page);
}

async function preset(page, name) {
  await map(page).getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.map-presets button')]
      .some((b) => b.textContent === n && b.getAttribute('aria-pressed') === 'true'),
    name,
  );
}

/// A point of open map (basemap only: no mark, line, label or control within 12 px), in
/// page coordinates.
async function openSpot(page) {
  const spot = await page.evaluate(() => {
    const svg = document.querySelector('.view-map svg.map-svg').getBoundingClientRect();
    const clear = (x, y) => [-12, 0, 12].every((dx) => [-12, 0, 12].every((dy) => {
      const el = document.elementFromPoint(x + dx, y + dy);
      return el && el.closest('.map-base');
    }));
    for (let fy = 0.3; fy < 0.95; fy += 0.05) {
      for (let fx = 0.3; fx < 0.95; fx += 0.05) {
        const [x, y] = [svg.left + svg.width * fx, svg.top + svg.height * fy];
        if (clear(x, y)) return { x, y };
      }
    }
    return null;
  });
  assert.ok(spot, 'some open map is on screen');
  return spot;
}

/// A point of the map canvas (fractions of its box) in page coordinates.
async function canvasPoint(page, fx, fy) {
  const box = await map(page).locator('svg.map-svg').boundingBox();
  return { x: box.x + box.width * fx, y: box.y + box.height * fy, box };
}

test('a deep link to the shelling shows Yeonpyeong Island emphasised at peninsula zoom', async () => {
  const { page, context, record } = await openPage(env, `#/event/${SHELLING}`);
  const island = mark(page, 'yeonpyeong-island');
  await island.waitFor();
  assert.equal(await island.getAttribute('aria-current'), 'true');
  assert.match(await island.getAttribute('class'), /is-emphasised/);
  assert.match(await island.getAttribute('aria-label'), /North Korea shells Yeonpyeong Island, 23 Nov 2010/);
  // A selection ring is drawn, and every aria-current mark holds the shelling.
  assert.ok(await map(page).locator('.map-ring.is-selected').count() >= 1);
  for (const current of await map(page).locator('.map-mark[aria-current="true"]').all()) {
    assert.match(await current.getAttribute('aria-label'), /North Korea shells Yeonpyeong Island/);
  }
  // The island is on screen, well inside the canvas (both boxes read at once: the list may
  // still be scrolling the selected row into view).
  const inside = await page.evaluate(() => {
    const svg = document.querySelector('.view-map svg.map-svg').getBoundingClientRect();
    const at = document.querySelector('.view-map .map-mark[data-place-id="yeonpyeong-island"]').getBoundingClientRect();
    return at.left > svg.left && at.right < svg.right && at.top > svg.top && at.bottom < svg.bottom;
  });
  assert.ok(inside, 'the island is inside the canvas');
  // Peninsula zoom: within a factor of two of the Korean Peninsula preset.
  const deep = await viewState(page);
  await page.screenshot({ path: `${ARTIFACTS}map-deep-link-shelling.png` });
  await preset(page, 'Korean Peninsula');
  const peninsula = await viewState(page);
  const ratio = deep.zoom / peninsula.zoom;
  assert.ok(ratio > 0.5 && ratio < 2, `zoom ratio ${ratio}`);
  // The detailed coastline is drawn at this zoom (Yeonpyeong is a 7 km island).
  assert.ok(await map(page).locator('g.map-detail').count() >= 1);
  const countries = await map(page).locator('.map-country').allTextContents();
  assert.ok(countries.some((name) => /^(NORTH|SOUTH) KOREA$/.test(name)), countries.join());
  await map(page).screenshot({ path: `${ARTIFACTS}map-korean-peninsula.png` });
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('clicking the Dushanbe mark lists its events and selecting one updates the URL and the details', async () => {
  const { page, context, record } = await openPage(env, '#/');
  await preset(page, 'World');
  const dushanbe = mark(page, 'dushanbe');
  assert.match(await dushanbe.getAttribute('aria-label'), /^Dushanbe, \d+ events: /);
  await dushanbe.click();
  await page.waitForFunction(
    () => document.querySelector('.view-map .map-mark[data-place-id="dushanbe"]')?.getAttribute('aria-expanded') === 'true',
    null, { timeout: 3000 });
  const list = map(page).getByRole('group', { name: 'Events at Dushanbe' });
  await list.waitFor();
  const expected = DATASET.events.filter((e) => e.places.includes('dushanbe')).length;
  assert.equal(await list.locator('li a').count(), expected);
  assert.equal(await list.getByRole('link', { name: 'Dushanbe', exact: true }).getAttribute('href'), '#/place/dushanbe');
  const sco = list.getByRole('link', { name: /SCO prime ministers|Ninth SCO/ }).first();
  const id = await sco.getAttribute('data-event-id');
  assert.match(id, /sco/);
  await sco.click();
  await page.waitForURL(new RegExp(`#/event/${id}`));
  const heading = details(page).locator('#details-heading');
  await heading.waitFor();
  assert.match(await heading.textContent(), /SCO/);
  // The mark now holds the selection, and the list closed.
  await page.waitForFunction(() => document.querySelector('.view-map .map-mark[data-place-id="dushanbe"]')?.getAttribute('aria-current') === 'true');
  // (The pointer is moved off the map first: resting on the mark, it would peek the list open again.)
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => document.querySelectorAll('.view-map .map-tip').length === 0, null, { timeout: 2000 });
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the world view reads like a map and is saved as a screenshot', async () => {
  const { page, context, record } = await openPage(env, '#/');
  await preset(page, 'World');
  const base = map(page).locator('g.map-base');
  // The land is one path of every country's rings: at least one subpath per country.
  const land = await base.locator('.map-land').first().getAttribute('d');
  assert.ok((land.match(/M/g) ?? []).length > 150, 'countries are drawn');
  assert.ok((await base.locator('.map-coast').first().getAttribute('d')).length > 1000, 'coastlines');
  assert.ok((await base.locator('.map-borders').first().getAttribute('d')).length > 1000, 'borders');
  const places = await map(page).locator('.map-label').allTextContents();
  for (const name of ['Washington', 'Lisbon', 'St. Petersburg']) {
    assert.ok(places.includes(name), `${name} in ${places.join()}`);
  }
  // Every mark is focusable and named with its events' titles and dates.
  const marks = map(page).locator('.map-mark');
  assert.ok(await marks.count() > 20);
  for (const m of await marks.all()) {
    const tabbable = (await m.evaluate((el) => el.tagName)) === 'a' || (await m.getAttribute('tabindex')) === '0';
    assert.ok(tabbable);
    assert.match(await m.getAttribute('aria-label'), /, \d+ events?: .+\d{4}/);
  }
  // Trips, pipelines and boundaries are links to their events.
  const wen = map(page).locator('a.map-line[data-line-id="wen-itinerary"]');
  assert.match(await wen.getAttribute('aria-label'), /^Trip: Wen Jiabao's trip.*Opens .+2010/);
  assert.ok(await map(page).locator('a.map-line.is-pipeline').count() >= 3);
  assert.ok(await map(page).locator('a.map-line.is-boundary[data-line-id="northern-limit-line"]').count() === 1);
  // Arrowheads of one look share a path: one subpath each.
  const arrowheads = await map(page).locator('.map-arrow').evaluateAll((paths) => paths.map((p) => p.getAttribute('d').split('M').length - 1).reduce((a, b) => a + b, 0));
  assert.ok(arrowheads >= 10, `trips show their direction (${arrowheads} arrowheads)`);
  await map(page).screenshot({ path: `${ARTIFACTS}map-world.png` });
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('Ctrl + wheel zooms around the pointer without scrolling the page', async () => {
  const { page, context } = await openPage(env, '#/');
  await preset(page, 'Eurasia');
  const before = await viewState(page);
  const { x, y } = await canvasPoint(page, 0.7, 0.4);
  const scroller = () => page.evaluate(() => [window.scrollY, document.querySelector('.views').scrollTop]);
  const scrolledBefore = await scroller();
  await page.mouse.move(x, y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  const after = await waitForChange(page, before);
  assert.ok(after.zoom > before.zoom * 1.5, `${before.zoom} -> ${after.zoom}`);
  // The map point under the pointer stayed there.
  const box = (await canvasPoint(page, 0, 0)).box;
  const [px, py] = [x - box.x, y - box.y];
  const mapX = (px - before.tx) / before.k;
  const mapY = (py - before.ty) / before.k;
  assert.ok(Math.abs(mapX * after.k + after.tx - px) < 1.5);
  assert.ok(Math.abs(mapY * after.k + after.ty - py) < 1.5);
  assert.deepEqual(await scroller(), scrolledBefore);
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  const out = await waitForChange(page, after);
  assert.ok(out.zoom < after.zoom);
  await context.close();
});

test('the keyboard zooms and pans the focused map', async () => {
  const { page, context } = await openPage(env, '#/');
  await preset(page, 'Eurasia');
  await map(page).locator('svg.map-svg').focus();
  const start = await viewState(page);
  await page.keyboard.press('+');
  const zoomed = await waitForChange(page, start);
  assert.ok(Math.abs(zoomed.zoom / start.zoom - 1.5) < 0.01, `${start.zoom} -> ${zoomed.zoom}`);
  await page.keyboard.press('ArrowRight');
  const panned = await waitForChange(page, zoomed);
  assert.equal(panned.zoom, zoomed.zoom);
  assert.ok(panned.tx < zoomed.tx - 30, 'the map moved left to show the east');
  await page.keyboard.press('ArrowDown');
  const down = await waitForChange(page, panned);
  assert.ok(down.ty < panned.ty - 30);
  await page.keyboard.press('-');
  const out = await waitForChange(page, down);
  assert.ok(out.zoom < down.zoom);
  await page.keyboard.press('0');
  await waitForChange(page, out);
  assert.equal(await map(page).getByRole('button', { name: 'World', exact: true }).getAttribute('aria-pressed'), 'true');
  // The buttons do the same.
  const reset = await viewState(page);
  await map(page).getByRole('button', { name: 'Zoom in' }).click();
  const clicked = await waitForChange(page, reset);
  assert.ok(clicked.zoom > reset.zoom);
  await context.close();
});

test('dragging pans the map and does not select what it started on', async () => {
  const { page, context } = await openPage(env, '#/');
  await preset(page, 'Northeast Asia');
  const before = await viewState(page);
  const beijing = await mark(page, 'beijing').boundingBox();
  const from = { x: beijing.x + beijing.width / 2, y: beijing.y + beijing.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 40, from.y + 10, { steps: 4 });
  await page.mouse.move(from.x - 90, from.y + 25, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction((tx) => {
    const t = document.querySelector('.view-map g.map-world').getAttribute('transform');
    return Number(t.match(/-?[\d.]+/)[0]) < tx - 85;
  }, before.tx);
  const after = await viewState(page);
  assert.ok(Math.abs(after.tx - before.tx + 90) < 2, `dx ${after.tx - before.tx}`);
  assert.ok(Math.abs(after.ty - before.ty - 25) < 2, `dy ${after.ty - before.ty}`);
  assert.equal(after.zoom, before.zoom);
  assert.ok(!page.url().includes('#/event/'), 'the drag did not select Beijing\'s event');
  assert.equal(await map(page).locator('.map-mark[aria-expanded="true"]').count(), 0, 'nor open a list');
  assert.doesNotMatch(await map(page).locator('svg.map-svg').getAttribute('class'), /is-moving/);
  await context.close();
});

test('double-tap and pinch zoom on a touch screen', async () => {
  const { page, context } = await openPage(env, '#/', { hasTouch: true });
  await preset(page, 'Eurasia');
  const start = await viewState(page);
  const { x, y } = await openSpot(page);
  await page.touchscreen.tap(x, y);
  await page.touchscreen.tap(x, y);
  const tapped = await waitForChange(page, start);
  assert.ok(Math.abs(tapped.zoom / start.zoom - 2) < 0.01, `${start.zoom} -> ${tapped.zoom}`);

  const cdp = await context.newCDPSession(page);
  const c = await canvasPoint(page, 0.5, 0.5);
  const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [
      { x: c.x - spread, y: c.y, id: 1 },
      { x: c.x + spread, y: c.y, id: 2 },
    ],
  });
  await touch('touchStart', 30);
  for (const spread of [40, 50, 60]) await touch('touchMove', spread);
  await touch('touchEnd', 0);
  const pinched = await waitForChange(page, tapped);
  assert.ok(Math.abs(pinched.zoom / tapped.zoom - 2) < 0.05, `${tapped.zoom} -> ${pinched.zoom}`);
  await context.close();
});

test('filters, selection from other views and hover show on the map', async () => {
  const { page, context } = await openPage(env, '#/?story=energy');
  await preset(page, 'World');
  const energyPlaces = new Set(
    DATASET.events.filter((e) => e.storylines.includes('energy')).flatMap((e) => e.places),
  );
  const shown = await map(page).locator('.map-mark').evaluateAll((els) => els.map((e) => e.dataset.placeId));
  assert.deepEqual(new Set(shown), energyPlaces);
  // Lines whose events are all filtered out are dimmed and inert; the others stay links.
  const energyEvents = new Set(DATASET.events.filter((e) => e.storylines.includes('energy')).map((e) => e.id));
  for (const line of DATASET.lines) {
    const live = line.events.some((id) => energyEvents.has(id));
    assert.equal(await map(page).locator(`a.map-line[data-line-id="${line.id}"]`).count(), live ? 1 : 0, line.id);
  }
  assert.equal(await map(page).locator('g.map-line.is-dim').count(),
    DATASET.lines.filter((l) => !l.events.some((id) => energyEvents.has(id))).length);
  assert.equal(await map(page).locator('a.map-line[data-line-id="espo-skovorodino-daqing"]').count(), 1);

  // Hovering an event in the list rings its places on the map.
  await page.goto(`${env.origin}/#/`);
  await map(page).locator('.map-mark').first().waitFor();
  const row = page.getByRole('region', { name: 'Event list' }).locator(`a[data-event-id="${SHELLING}"]`);
  await row.hover();
  await map(page).locator('.map-ring.is-hovered').first().waitFor();
  // Colouring by country switches the marks' classes and the legend.
  await map(page).getByRole('button', { name: 'Country', exact: true }).click();
  await map(page).locator('.map-mark.cat-side-russia').first().waitFor();
  assert.match(await map(page).locator('.map-legend-colours').textContent(), /The two Koreas/);
  // Selecting in the list follows on the map: the fit button frames the selection.
  await row.click();
  await page.waitForURL(new RegExp(SHELLING));
  await mark(page, 'yeonpyeong-island').waitFor();
  const fit = map(page).getByRole('button', { name: 'Fit the selection' });
  assert.equal(await fit.isEnabled(), true);
  await preset(page, 'World');
  const world = await viewState(page);
  await fit.click();
  const fitted = await waitForChange(page, world);
  assert.ok(fitted.zoom > 10 * world.zoom);
  await context.close();
});

test('a selection made elsewhere brings its places into view, unless the reader just moved the map', async () => {
  const { page, context } = await openPage(env, '#/');
  const world = await viewState(page);
  const sco = DATASET.events.find((e) => e.places.includes('dushanbe') && /sco/.test(e.id)).id;
  await page.getByRole('region', { name: 'Event list' }).locator(`a[data-event-id="${sco}"]`).click();
  await page.waitForURL(new RegExp(sco));
  const framed = await waitForChange(page, world);
  assert.ok(framed.zoom > 3 * world.zoom, `${world.zoom} -> ${framed.zoom}`);
  const frame = await map(page).locator('svg.map-svg').boundingBox();
  const box = await mark(page, 'dushanbe').boundingBox();
  assert.ok(box.x >= frame.x && box.x + box.width <= frame.x + frame.width, 'Dushanbe is in view');
  // After a move by hand, the next selection keeps the reader's view where it can.
  await preset(page, 'World');
  const moved = await viewState(page);
  const moscowEvent = DATASET.events.find((e) => e.places.includes('moscow')).id;
  await page.getByRole('region', { name: 'Event list' }).locator(`a[data-event-id="${moscowEvent}"]`).click();
  await page.waitForURL(new RegExp(moscowEvent));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal((await viewState(page)).zoom, moved.zoom);
  await context.close();
});

test('the keyboard reaches a place list and Escape closes it before clearing the selection', async () => {
  const { page, context } = await openPage(env, '#/event/2010-11-24-wen-medvedev-meeting');
  const moscow = mark(page, 'moscow');
  await moscow.waitFor();
  await moscow.focus();
  await page.keyboard.press('Enter');
  const first = map(page).locator('.map-tip-list a').first();
  await page.waitForFunction(() => document.activeElement?.closest('.map-tip-list') != null);
  assert.equal(await first.evaluate((a) => a === document.activeElement), true);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('.view-map .map-tip') == null);
  assert.ok(page.url().includes('wen-medvedev-meeting'), 'the first Escape only closed the list');
  assert.equal(await moscow.evaluate((el) => el === document.activeElement), true, 'focus back on the mark');
  await context.close();
});

test('the overview leaves the detail layers until the first input; a deep link projects them before its first render', async () => {
  const projected = (page) => page.evaluate(() => ({
    details: performance.getEntriesByName('korea2010:details-projected')[0]?.startTime ?? null,
    basemap: performance.getEntriesByName('korea2010:basemap-projected')[0]?.startTime ?? null,
  }));
  for (const options of [{}, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }]) {
    const { page, context, record } = await openPage(env, '#/', options);
    await page.waitForTimeout(300);
    assert.equal((await projected(page)).details, null, 'no detail layer projected before any input');
    assert.equal(await map(page).locator('g.map-detail').count(), 0, 'the home view draws the world layer only');
    await page.mouse.move(200, 300);
    await page.waitForFunction(() => performance.getEntriesByName('korea2010:details-projected').length > 0);
    // Zoomed in, the detail layer is drawn.
    await preset(page, 'Korean Peninsula');
    await map(page).locator('g.map-detail path.map-land').waitFor();
    assert.deepEqual(record.errors, []);
    await context.close();
  }
  const { page, context } = await openPage(env, `#/event/${SHELLING}`);
  const { details, basemap } = await projected(page);
  assert.ok(details !== null && basemap !== null && details <= basemap, `a deep link projects its details first: ${details} ≤ ${basemap}`);
  assert.equal(await map(page).locator('g.map-detail path.map-land').count(), 1);
  await context.close();
});
