// The explorer in a second engine: Firefox ESR (Debian's `firefox-esr`), driven over
// WebDriver BiDi by puppeteer-core. A smoke subset of the Chromium suite: load, a selection
// shown in every view, a deep link with a window, stepping with the keyboard, search, and
// the single file from disk. Run by `cargo xtask test` after the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';

const DIST = process.env.DIST_DIR ?? 'dist';
const SHELLING = '2010-11-23-yeonpyeong-shelling';
let browser;
let server;
let origin;

before(async () => {
  server = await startServer(DIST, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((done) => server.close(done));
});

/// A page at `url` (1280×800 unless told), recording errors and off-origin requests.
async function open(url, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const record = { errors: [], offOrigin: [] };
  page.on('pageerror', (error) => record.errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && record.errors.push(message.text()));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith('file:')) {
      record.offOrigin.push(url);
    }
  });
  await page.goto(url);
  await page.waitForSelector('#details-heading', { timeout: 60000 });
  return { page, record };
}

const heading = (page) => page.$eval('#details-heading', (h) => h.textContent);
const hash = (page) => page.evaluate(() => location.hash);

test('a deep link opens the event, selected in the map, the timeline, the actors and the list', async () => {
  const { page, record } = await open(`${origin}/#/event/${SHELLING}`);
  assert.match(await heading(page), /Yeonpyeong/);
  for (const view of ['Map', 'Timeline', 'Actors', 'Event list']) {
    const current = await page.$$eval(`section[aria-label="${view}"] [aria-current="true"]`, (els) => els.length);
    assert.ok(current > 0, `${view} marks the selection`);
  }
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.offOrigin, []);
  await page.close();
});

test('a link with a time window restores it, and the arrow key steps to the next event', async () => {
  const { page } = await open(`${origin}/#/event/${SHELLING}?from=2010-11-20&to=2010-11-30`);
  const from = await page.$eval('section[aria-label="Timeline"] input[type="date"]', (input) => input.value);
  assert.equal(from, '2010-11-20');
  const order = await page.$$eval('#event-list tbody a[data-event-id]', (links) => links.map((a) => a.dataset.eventId));
  const next = order[order.indexOf(SHELLING) + 1];
  await page.focus(`#event-list a[data-event-id="${SHELLING}"]`);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => location.hash.startsWith(`#/event/${id}`), {}, next);
  assert.match(await hash(page), /from=2010-11-20&to=2010-11-30/);
  await page.close();
});

test('search finds Lavrov in Cyrillic, and “/” is not typed into the box', async () => {
  const { page } = await open(`${origin}/#/`);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.keyboard.type('Лавров', { delay: 20 });
  await page.waitForFunction(() => location.hash.includes('q='));
  assert.equal(await page.$eval('#search-input', (input) => input.value), 'Лавров');
  const rows = await page.$$eval('#event-list tbody a[data-event-id]', (links) => links.length);
  assert.ok(rows > 0 && rows < 30, `${rows} results`);
  await page.close();
});

test('the folded Actor facet makes its checkboxes when unfolded, and one filters the list', async () => {
  const { page, record } = await open(`${origin}/#/`);
  const actorInputs = 'details.facet input[data-facet="actor"]';
  assert.equal((await page.$$(actorInputs)).length, 0, 'no checkboxes while folded');
  const summaries = await page.$$('details.facet summary');
  for (const summary of summaries) {
    if ((await summary.evaluate((s) => s.textContent)) === 'Actor') await summary.click();
  }
  await page.waitForSelector(`${actorInputs}[data-value="sergey-lavrov"]`, { timeout: 5000 });
  await page.click(`${actorInputs}[data-value="sergey-lavrov"]`);
  await page.waitForFunction(() => location.hash.includes('actor=sergey-lavrov'));
  const rows = await page.$$eval('#event-list tbody a[data-event-id]', (links) => links.length);
  assert.ok(rows > 0 && rows < 30, `${rows} rows`);
  assert.deepEqual(record.errors, []);
  await page.close();
});

test('the single file opens from disk and honours a deep link', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'korea2010-firefox-')), 'explorer.html');
  execFileSync('node', ['scripts/postbuild/main.mjs', 'single-file', '--from', DIST, '--out', file], { stdio: 'pipe' });
  const { page, record } = await open(`${pathToFileURL(file).href}#/event/${SHELLING}`);
  assert.match(await heading(page), /Yeonpyeong/);
  assert.deepEqual(record.errors, []);
  await page.close();
});

test('a phone\'s deep link fetches its first frame and the app takes over with the same event', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  const errors = [];
  const frames = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => request.url().includes('/first-frame/') && frames.push(new URL(request.url()).pathname));
  await page.goto(`${origin}/#/event/${SHELLING}`);
  await page.waitForFunction(() => performance.getEntriesByName('korea2010:views-painted').length > 0, { timeout: 60000 });
  assert.deepEqual(frames, [`/first-frame/${SHELLING}.html`]);
  assert.equal(await page.$$eval('.first-frame', (els) => els.length), 0, 'the app replaced the first frame');
  assert.match(await heading(page), /Yeonpyeong/);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: 'tests/e2e/artifacts/firefox-phone-deep-link.png' });
  await page.close();
});

test('at 1280×800 the views share the window and one takes the stage', async () => {
  const { page, record } = await open(`${origin}/#/event/${SHELLING}`);
  const boxOf = (selector) => page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, bottom: r.bottom, right: r.right };
  });
  for (const view of ['Map', 'Actors', 'Timeline']) {
    const b = await boxOf(`section[aria-label="${view}"]`);
    assert.ok(b.x >= 0 && b.y >= 0 && b.right <= 1280.5 && b.bottom <= 800.5, `${view} lies in the window: ${JSON.stringify(b)}`);
  }
  const map = await boxOf('.map-frame');
  assert.ok(map.width >= 400 && map.height >= 180, `map ${map.width}×${map.height}`);
  await page.screenshot({ path: 'tests/e2e/artifacts/firefox-layout-1280x800.png' });
  await page.click('section[aria-label="Map"] .stage-toggle');
  await page.waitForFunction(() => location.hash.includes('stage=map'));
  await page.waitForFunction(() => document.querySelector('.map-frame').getBoundingClientRect().height > 400);
  assert.equal(await page.$$eval('section[aria-label="Timeline"]', (els) => els.length), 0, 'the timeline gave way');
  assert.deepEqual(record.errors, []);
  await page.close();
});

test('a reader\'s own file opens through the files module, fetched only then', async () => {
  const { page, record } = await open(`${origin}/#/`);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /files(_bg\.wasm|\.js)$/.test(r.name))), false);
  const file = join(mkdtempSync(join(tmpdir(), 'korea2010-ff-')), 'own.csv');
  writeFileSync(file, 'Year,Month,Day,Headline,Text\n2019,6,30,Meeting at Panmunjom,Trump and Kim\n');
  const input = await page.$('#dataset-file');
  await input.uploadFile(file);
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].some((row) => row.textContent.includes('Meeting at Panmunjom')), { timeout: 30000 });
  assert.ok(fetched.some((path) => path.endsWith('/files_bg.wasm')), fetched.join(' '));
  assert.deepEqual(record.errors, []);
  await page.close();
});
