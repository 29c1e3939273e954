// Cooperative gestures in Chromium at 1280×800: the map, the network and the timeline sit
// in a column that scrolls, so a plain wheel turn over them scrolls the column (and says
// how to zoom), Ctrl + wheel or a turn after pressing the view zooms it, and the page
// itself — a fixed app on a wide screen — never scrolls, whatever panel the wheel is over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const region = (page, name) => page.getByRole('region', { name });
const scrolled = (page) => page.evaluate(() => ({
  page: window.scrollY,
  views: document.querySelector('.views').scrollTop,
}));
const mapZoom = (page) => page.locator('svg.map-svg').getAttribute('data-zoom').then(Number);
const networkZoom = (page) => page.locator('svg.actors-svg').getAttribute('data-zoom').then(Number);
const quarterTicks = (page) => region(page, 'Timeline').locator('.tl-tick text').allTextContents();

/// Waits until the column has stopped scrolling (the wheel scrolls smoothly).
async function still(page) {
  await page.waitForFunction(() => new Promise((done) => {
    const views = document.querySelector('.views');
    const first = views.scrollTop;
    setTimeout(() => done(views.scrollTop === first), 150);
  }));
}

async function centre(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a plain wheel over the map scrolls the column and shows how to zoom', async () => {
  const { page, context } = await openPage(env, '#/');
  const svg = page.locator('svg.map-svg');
  const zoom = await mapZoom(page);
  const at = await centre(svg);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => document.querySelector('.views').scrollTop > 0);
  const hint = region(page, 'Map').locator('.wheel-hint');
  await hint.waitFor();
  assert.match(await hint.textContent(), /^Hold (Ctrl|⌘) and scroll to zoom the map, or click it first$/);
  await page.screenshot({ path: `${ARTIFACTS}/gestures-map-hint.png` });
  assert.equal(await mapZoom(page), zoom, 'the map did not zoom');
  assert.equal((await scrolled(page)).page, 0, 'the page itself did not scroll');
  // The hint goes by itself.
  await hint.waitFor({ state: 'detached', timeout: 4000 });
  await context.close();
});

test('Ctrl + wheel, or a wheel after pressing the map, zooms it and scrolls nothing', async () => {
  const { page, context } = await openPage(env, '#/');
  const svg = page.locator('svg.map-svg');
  const zoom = await mapZoom(page);
  const at = await centre(svg);
  await page.mouse.move(at.x, at.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await page.waitForFunction((z) => Number(document.querySelector('svg.map-svg').dataset.zoom) > z, zoom);
  assert.deepEqual(await scrolled(page), { page: 0, views: 0 });
  assert.equal(await region(page, 'Map').locator('.wheel-hint').count(), 0);

  // Pressing the map (a tiny drag, not a click on anything) makes it the wheel's.
  const zoomed = await mapZoom(page);
  await page.mouse.down();
  await page.mouse.up();
  await page.mouse.wheel(0, 200);
  await page.waitForFunction((z) => Number(document.querySelector('svg.map-svg').dataset.zoom) < z, zoomed);
  assert.deepEqual(await scrolled(page), { page: 0, views: 0 });

  // A press elsewhere hands the wheel back to the column.
  await page.locator('.filters').click({ position: { x: 5, y: 5 } });
  const after = await mapZoom(page);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => document.querySelector('.views').scrollTop > 0);
  assert.equal(await mapZoom(page), after);
  await context.close();
});

test('the network and the timeline cooperate the same way', async () => {
  const { page, context } = await openPage(env, '#/');
  const network = page.locator('svg.actors-svg');
  const k = await networkZoom(page);
  let at = await centre(network);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -150);
  await region(page, 'Actors').locator('.wheel-hint').waitFor();
  assert.equal(await networkZoom(page), k);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await page.waitForFunction((z) => Number(document.querySelector('svg.actors-svg').dataset.zoom) > z, k);

  const ticks = await quarterTicks(page);
  const lanes = region(page, 'Timeline').locator('svg.tl-lanes');
  await lanes.scrollIntoViewIfNeeded();
  await still(page);
  const before = await scrolled(page);
  at = await centre(region(page, 'Timeline').locator('.tl-axis'));
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, 600);
  await region(page, 'Timeline').locator('.wheel-hint').waitFor();
  assert.deepEqual(await quarterTicks(page), ticks, 'the timeline did not zoom out to a year');
  await still(page);
  const max = await page.evaluate(() => { const v = document.querySelector('.views'); return v.scrollHeight - v.clientHeight; });
  assert.ok((await scrolled(page)).views > before.views || before.views >= max - 1, `the column scrolled (${before.views} of ${max})`);
  await region(page, 'Timeline').locator('.tl-axis').scrollIntoViewIfNeeded();
  await still(page);
  at = await centre(region(page, 'Timeline').locator('.tl-axis'));
  await page.mouse.move(at.x, at.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -600);
  await page.keyboard.up('Control');
  await page.waitForFunction((t) => JSON.stringify([...document.querySelectorAll('.tl-tick text')].map((e) => e.textContent)) !== t, JSON.stringify(ticks));
  assert.equal((await scrolled(page)).page, 0);
  await context.close();
});

test('the wheel over the filters scrolls the filters, never the page and its header', async () => {
  const { page, context } = await openPage(env, '#/');
  const filters = page.locator('.filters');
  const at = await centre(filters);
  await page.mouse.move(at.x, at.y);
  for (let turn = 0; turn < 12; turn += 1) await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => document.querySelector('.filters').scrollTop > 0);
  assert.equal((await scrolled(page)).page, 0);
  const header = await page.locator('.app-header').boundingBox();
  assert.equal(header.y, 0, 'the header stays in sight');
  // The app fills the window: nothing to scroll the page by.
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1));
  await context.close();
});
