// Files in other formats open with a report of what was guessed or left out: TimelineJS
// examples as the npm package ships them, and a GeoJSON file of dated points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, ready, ARTIFACTS } from './harness.mjs';

const TEMPLATES = new URL('../../node_modules/@knight-lab/timelinejs/src/template/', import.meta.url);
const FIXTURES = new URL('../fixtures/', import.meta.url);

let env;
let dir;
before(async () => {
  await access(TEMPLATES).catch(() => {
    throw new Error(`${TEMPLATES.pathname} is missing: run \`npm ci\` in the repository first`);
  });
  env = await launch();
  dir = await mkdtemp(join(tmpdir(), 'korea2010-imports-'));
});
after(async () => { await env?.close(); });

const rows = (page) => page.getByRole('region', { name: 'Event list' }).locator('tbody tr');
const report = (page) => page.getByRole('status', { name: 'Import report' });

test('a TimelineJS example opens with its events and a report', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const path = new URL('eras.json', TEMPLATES).pathname;
  const timeline = JSON.parse(await readFile(path, 'utf8'));
  await page.locator('#dataset-file').setInputFiles(path);
  await page.locator('.dataset-name', { hasText: 'eras.json' }).waitFor();
  await report(page).waitFor();
  const text = await report(page).textContent();
  assert.match(text, new RegExp(`Read as TimelineJS3 JSON: ${timeline.events.length} event\\(s\\)`));
  assert.match(text, /Guessed.*with only a year: dated as that whole year/);
  assert.match(text, /eras made storylines/);
  assert.equal(await rows(page).count(), timeline.events.length);
  // An event of the file, with its headline and its link.
  const first = timeline.events.find((e) => e.text.headline.startsWith('Muhammad'));
  await rows(page).filter({ hasText: first.text.headline }).getByRole('link').first().click();
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByRole('heading', { name: first.text.headline }).waitFor();
  assert.equal(await details.getByRole('link', { name: 'source link' }).getAttribute('href'), first.media.url);
  await page.screenshot({ path: `${ARTIFACTS}import-timelinejs.png` });
  await report(page).getByRole('button', { name: 'Dismiss' }).click();
  await report(page).waitFor({ state: 'detached' });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the spreadsheet template as CSV opens with its rows', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const path = new URL('my-own-timeline.csv', TEMPLATES).pathname;
  await page.locator('#dataset-file').setInputFiles(path);
  await report(page).waitFor();
  assert.match(await report(page).textContent(), /Read as TimelineJS spreadsheet \(CSV\): \d+ event/);
  await rows(page).filter({ hasText: 'Ada Lovelace' }).first().waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a GeoJSON file of dated points opens with places on the map', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const path = new URL('dated-points.geojson', FIXTURES).pathname;
  await page.locator('#dataset-file').setInputFiles(path);
  await report(page).waitFor();
  const text = await report(page).textContent();
  assert.match(text, /Read as GeoJSON FeatureCollection of dated points: 5 event\(s\), 3 storyline\(s\), 3 place\(s\)/);
  assert.match(text, /Left out.*event left out: no start date \(“A point without a date”\)/);
  assert.equal(await rows(page).count(), 5);
  const map = page.getByRole('region', { name: 'Map' });
  for (const id of ['yeonpyeong-island', 'dushanbe', '59-94-n-30-31-e']) {
    await map.locator(`.map-mark[data-place-id="${id}"]`).waitFor();
  }
  await page.screenshot({ path: `${ARTIFACTS}import-geojson.png` });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a file in no supported format names the formats, and the data stays', async () => {
  const { page, context } = await openPage(env, '#/');
  const before = await rows(page).count();
  const path = join(dir, 'table.csv');
  await writeFile(path, 'Date,Title\n2010-11-23,Shelling\n');
  await page.locator('#dataset-file').setInputFiles(path);
  const alert = page.getByRole('alert', { name: 'Dataset problems' });
  await alert.waitFor();
  const text = await alert.textContent();
  for (const format of ['TimelineJS3 JSON', 'TimelineJS spreadsheet (CSV)', 'GeoJSON FeatureCollection']) {
    assert.ok(text.includes(format), `${format} in: ${text}`);
  }
  assert.equal(await rows(page).count(), before);
  assert.match(await page.locator('.dataset-name').textContent(), /Built-in/);
  await context.close();
});

test('the files module is fetched only when a file is opened, and its absence is explained', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const isFilesModule = (path) => /\/files(_bg\.wasm|\.js)$/.test(path);
  // The first attempt finds the module missing (a host that lost it, a dropped connection).
  let refuse = true;
  await context.route(/\/files(_bg\.wasm|\.js)$/, (route) => (refuse ? route.fulfill({ status: 404, body: '' }) : route.continue()));
  await page.goto(`${env.origin}/#/`);
  await ready(page);
  assert.deepEqual(requests.filter(isFilesModule), [], 'a first load does not fetch the files module');

  const before = await rows(page).count();
  const path = join(dir, 'own.csv');
  await writeFile(path, 'Year,Month,Day,Headline,Text\n2019,6,30,Meeting at Panmunjom,Trump and Kim\n');
  await page.locator('#dataset-file').setInputFiles(path);
  const alert = page.getByRole('alert', { name: 'Dataset problems' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded .*Check the connection and try again/);
  assert.equal(await rows(page).count(), before, 'the built-in data stays');

  // Once the module can be fetched, the same file opens: a failed attempt is not kept.
  refuse = false;
  await page.locator('#dataset-file').setInputFiles([]);
  await page.locator('#dataset-file').setInputFiles(path);
  await rows(page).filter({ hasText: 'Meeting at Panmunjom' }).waitFor();
  assert.ok(requests.some((p) => p.endsWith('/files_bg.wasm')));
  await context.close();
});
