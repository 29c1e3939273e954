// The app shell and the deep-link contract, driven in Chromium as a reader would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, ready, cspViolations, settled } from './harness.mjs';

const SHELLING = '2010-11-23-yeonpyeong-shelling';
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

function details(page) {
  return page.getByRole('region', { name: 'Details' });
}

test('the overview shows the event list and the details region', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const list = page.getByRole('region', { name: 'Event list' });
  await list.waitFor();
  const rows = await list.locator('tbody tr').count();
  assert.ok(rows > 0, 'the list has rows');
  assert.match(await page.title(), /Korea 2010/);
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the list draws a screenful of rows with the views and the rest once they are painted', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The rows in the list at the moment the app marks its views rendered.
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'korea2010:views-rendered') {
        window.__rowsWithViews = document.querySelectorAll('#event-list tbody tr').length;
      }
      return mark(name, ...rest);
    };
  });
  await page.goto(`${env.origin}/#/`);
  await settled(page);
  const withViews = await page.evaluate(() => window.__rowsWithViews);
  const all = await page.locator('#event-list tbody tr').count();
  const events = Number(await page.locator('#event-list table').getAttribute('aria-rowcount')) - 1;
  assert.equal(all, events, 'every event has its row in the end');
  // 800 px of window at 32 px a row at the shortest, and a few more.
  assert.ok(withViews >= 25 && withViews < all, `${withViews} rows of ${all} with the views`);
  await context.close();
});

test('a deep link to one of the last events finds its row in the list from the start', async () => {
  const overview = await openPage(env, '#/');
  await settled(overview.page);
  const ids = await overview.page.locator('#event-list tbody a[data-event-id]')
    .evaluateAll((links) => [...new Set(links.map((a) => a.dataset.eventId))]);
  await overview.context.close();
  const last = ids.at(-2);
  const { page, context, record } = await openPage(env, `#/event/${last}?stage=list`);
  await settled(page);
  const row = page.locator(`#event-list tr.selected a[data-event-id="${last}"]`);
  assert.equal(await row.count(), 1);
  // Revealed in the list's own box: its top within the box's visible height.
  const [rowBox, frame] = await Promise.all([row.boundingBox(), page.locator('#event-list .table-scroll').boundingBox()]);
  assert.ok(rowBox.y >= frame.y && rowBox.y + rowBox.height <= frame.y + frame.height,
    `row at ${rowBox.y}–${rowBox.y + rowBox.height}, box ${frame.y}–${frame.y + frame.height}`);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a deep link to an event opens its details', async () => {
  const { page, context, record } = await openPage(env, `#/event/${SHELLING}`);
  const heading = details(page).getByRole('heading', { level: 2 });
  await assert.doesNotReject(heading.waitFor());
  assert.match(await heading.textContent(), /Yeonpyeong/);
  assert.match(await details(page).textContent(), /14:38/);
  // The title names the selection once it is on screen.
  await page.waitForFunction(() => /Yeonpyeong/.test(document.title), null, { timeout: 5000 });
  const current = page.getByRole('region', { name: 'Event list' }).locator('[aria-current="true"]');
  assert.equal(await current.count(), 1);
  assert.equal(await current.getAttribute('data-event-id'), SHELLING);
  assert.deepEqual(record.offOrigin, []);
  await context.close();
});

for (const [hash, expected] of [
  ['#/event/%%%', /not a valid event id/],
  ['#/nope', /no such page/],
  ['#/?from=banana', /not a date/],
  ['#/event/2010-01-01-no-such-event', /no event has the id/],
  ['#/?story=no-such-story&kind=visit', /no such story/],
]) {
  test(`a malformed link (${hash}) says what was not understood and the app stays usable`, async () => {
    const { page, context, record } = await openPage(env, hash);
    const alert = page.getByRole('alert', { name: 'Link problems' });
    await alert.waitFor();
    assert.match(await alert.textContent(), expected);
    const rows = page.getByRole('region', { name: 'Event list' }).locator('tbody tr');
    assert.ok((await rows.count()) > 0, 'events are still listed');
    // The app still navigates.
    await rows.first().getByRole('link').click();
    await details(page).locator('#details-heading').waitFor();
    assert.match(page.url(), /#\/event\//);
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test('the rest of a partly broken link still applies', async () => {
  const { page, context } = await openPage(env, '#/?kind=visit,%%bad&from=banana');
  const kinds = await page.getByRole('region', { name: 'Event list' }).locator('tbody tr').count();
  const all = await page.evaluate(() => document.querySelectorAll('.event-table tbody tr').length);
  assert.equal(kinds, all);
  assert.ok(page.url().includes('kind=visit'), page.url());
  assert.ok(!page.url().includes('banana'), 'the canonical link drops what was not understood');
  await context.close();
});

test('back and forward restore what the reader saw', async () => {
  const { page, context } = await openPage(env, '#/');
  const links = page.getByRole('region', { name: 'Event list' }).locator('tbody tr a');
  const first = await links.nth(0).getAttribute('data-event-id');
  const second = await links.nth(3).getAttribute('data-event-id');
  await links.nth(0).click();
  await page.waitForURL(new RegExp(first));
  await links.nth(3).click();
  await page.waitForURL(new RegExp(second));
  const heading = details(page).locator('#details-heading');
  const secondTitle = await heading.textContent();
  await page.goBack();
  await page.waitForURL(new RegExp(first));
  assert.notEqual(await heading.textContent(), secondTitle);
  await page.goForward();
  await page.waitForURL(new RegExp(second));
  assert.equal(await heading.textContent(), secondTitle);
  await page.reload();
  await ready(page);
  assert.equal(await details(page).locator('#details-heading').textContent(), secondTitle);
  await context.close();
});

test('the page is protected by a strict Content-Security-Policy', async () => {
  const { page, context } = await openPage(env, '#/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.equal(await page.locator('script[nonce]').count(), 0);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

/// The smallest width and height among the visible elements matching `selector`.
async function smallestTarget(page, selector) {
  return page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((el) => el.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0);
    return boxes.reduce((min, b) => ({ w: Math.min(min.w, b.width), h: Math.min(min.h, b.height) }), { w: Infinity, h: Infinity });
  });
}

test('controls are at least 24 px everywhere and 44 px on a touch phone', async () => {
  const controls = 'button, select, input[type="date"], .tour-step';
  const desk = await openPage(env, '#/?tour=wen-visit');
  await desk.page.locator('.tour-nav').waitFor();
  const small = await smallestTarget(desk.page, controls);
  assert.ok(small.w >= 24 && small.h >= 24, `smallest control ${small.w}×${small.h}`);
  await desk.context.close();

  const phone = await openPage(env, '#/?tour=wen-visit', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.locator('.tour-nav').waitFor();
  const finger = await smallestTarget(phone.page, controls);
  assert.ok(finger.w >= 44 && finger.h >= 44, `smallest control on a phone ${finger.w}×${finger.h}`);
  await phone.context.close();
});

test('a phone renders only the view its tab shows; a wide screen renders all four', async () => {
  const views = (page) => page.locator('main.views > section.view').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  const phone = await openPage(env, '#/event/2010-11-23-yeonpyeong-shelling?view=timeline', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.getByRole('region', { name: 'Timeline' }).waitFor();
  assert.deepEqual(await views(phone.page), ['Timeline']);
  await phone.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  await phone.page.waitForURL(/view=actors/);
  await phone.page.getByRole('region', { name: 'Actors' }).waitFor();
  assert.deepEqual(await views(phone.page), ['Actors']);
  await phone.context.close();

  const wide = await openPage(env, '#/?view=timeline');
  await wide.page.getByRole('region', { name: 'Event list' }).waitFor();
  assert.deepEqual((await views(wide.page)).sort(), ['Actors', 'Event list', 'Map', 'Timeline']);
  await wide.context.close();
});
