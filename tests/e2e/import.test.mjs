// Files in other formats open with a report of what was guessed or left out: TimelineJS
// examples as the npm package ships them, and a GeoJSON file of dated points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, ready, ARTIFACTS, settled, settledRowCount } from './harness.mjs';

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
  assert.equal(await settledRowCount(page), timeline.events.length);
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
  // The heading and the tab's title name the file's chronicle, not the article's.
  // (The template's own title slide names it “MY OWN CSV”.)
  const title = await page.locator('h1.app-title').textContent();
  assert.equal(title, 'MY OWN CSV');
  await page.waitForFunction((title) => document.title === title, title, { timeout: 5000 });
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
  assert.equal(await settledRowCount(page), 5);
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
  const before = await settledRowCount(page);
  const path = join(dir, 'table.csv');
  await writeFile(path, 'Date,Title\n2010-11-23,Shelling\n');
  await page.locator('#dataset-file').setInputFiles(path);
  const alert = page.getByRole('alert', { name: 'Dataset problems' });
  await alert.waitFor();
  const text = await alert.textContent();
  for (const format of ['TimelineJS3 JSON', 'TimelineJS spreadsheet (CSV)', 'GeoJSON FeatureCollection']) {
    assert.ok(text.includes(format), `${format} in: ${text}`);
  }
  assert.equal(await settledRowCount(page), before);
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

  const before = await settledRowCount(page);
  const path = join(dir, 'own.csv');
  await writeFile(path, 'Year,Month,Day,Headline,Text\n2019,6,30,Meeting at Panmunjom,Trump and Kim\n');
  await page.locator('#dataset-file').setInputFiles(path);
  const alert = page.getByRole('alert', { name: 'Dataset problems' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded .*Check the connection and try again/);
  assert.equal(await settledRowCount(page), before, 'the built-in data stays');

  // Once the module can be fetched, the same file opens: a failed attempt is not kept.
  refuse = false;
  await page.locator('#dataset-file').setInputFiles([]);
  await page.locator('#dataset-file').setInputFiles(path);
  await rows(page).filter({ hasText: 'Meeting at Panmunjom' }).waitFor();
  assert.ok(requests.some((p) => p.endsWith('/files_bg.wasm')));
  await context.close();
});

const timeline = (page) => page.getByRole('region', { name: 'Timeline' });
/// The distinct events drawn as marks on the timeline (single marks, not "Earlier" squares).
const markedIds = async (page) => [...new Set(await timeline(page).locator('.tl-mark:not(.chip)[data-event-id]')
  .evaluateAll((marks) => marks.map((m) => m.dataset.eventId)))].sort();
const tickLabels = (page) => timeline(page).locator('svg.tl-axis text').allTextContents();

/// A reader's own chronicle of the Korean War, in TimelineJS3 JSON.
const KOREAN_WAR = {
  title: { text: { headline: 'The Korean War' } },
  events: [
    ['1950', '6', '25', 'North Korea invades the South'],
    ['1950', '9', '15', 'Landing at Incheon'],
    ['1950', '10', '25', 'Chinese forces enter the war'],
    ['1951', '7', '10', 'Armistice talks open at Kaesong'],
    ['1953', '7', '27', 'Armistice signed at Panmunjom'],
  ].map(([year, month, day, headline]) => ({
    start_date: { year, month, day },
    text: { headline, text: `${headline}.` },
  })),
};

test('a chronicle of another period is on the timeline, and its zoom buttons name it', async () => {
  const { page, context, record } = await openPage(env, '#/', { viewport: { width: 1440, height: 900 } });
  const region = timeline(page);
  await region.getByRole('button', { name: 'Oct–Dec' }).waitFor();
  const path = join(dir, 'korean-war.json');
  await writeFile(path, JSON.stringify(KOREAN_WAR));
  await page.locator('#dataset-file').setInputFiles(path);
  await page.locator('.dataset-name', { hasText: 'korean-war.json' }).waitFor();

  // The buttons name the file's own months and years; the article's are gone.
  await region.getByRole('button', { name: 'Jun 1950 – Jul 1953' }).waitFor();
  await region.getByRole('button', { name: 'All 1950–1953' }).waitFor();
  assert.equal(await region.getByRole('button', { name: 'Oct–Dec' }).count(), 0);
  assert.equal(await region.getByRole('button', { name: 'All 2010' }).count(), 0);
  // Every event is a mark in the first view, and the axis counts the war's years.
  await settled(page);
  const ids = await rows(page).locator('a[data-event-id]')
    .evaluateAll((links) => [...new Set(links.map((a) => a.dataset.eventId))].sort());
  assert.equal(ids.length, KOREAN_WAR.events.length);
  assert.deepEqual(await markedIds(page), ids);
  const years = (await tickLabels(page)).join(' ').match(/\b\d{4}\b/g);
  assert.ok(years.length > 0 && years.every((y) => y >= '1950' && y <= '1953'), years.join(' '));
  await report(page).getByRole('button', { name: 'Dismiss' }).click();
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}timeline-korean-war-1440x900.png` });
  await region.screenshot({ path: `${ARTIFACTS}timeline-korean-war.png` });

  // All its years, then back to its months.
  await region.getByRole('button', { name: 'All 1950–1953' }).click();
  assert.deepEqual(await markedIds(page), ids);
  const labels = await tickLabels(page);
  for (const year of ['1951', '1952', '1953']) assert.ok(labels.includes(year), labels.join(' '));
  await region.getByRole('button', { name: 'Jun 1950 – Jul 1953' }).click();
  assert.deepEqual(await markedIds(page), ids);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a chronicle over a century gets round years on its axis', async () => {
  const { page, context, record } = await openPage(env, '#/', { viewport: { width: 1440, height: 900 } });
  const path = new URL('eras.json', TEMPLATES).pathname;
  await page.locator('#dataset-file').setInputFiles(path);
  await page.locator('.dataset-name', { hasText: 'eras.json' }).waitFor();
  const region = timeline(page);
  await region.getByRole('button', { name: '602–698', exact: true }).waitFor();
  await region.getByRole('button', { name: 'All 602–698', exact: true }).waitFor();
  assert.ok((await markedIds(page)).length > 0, 'its events are marks');
  const labels = await region.locator('.tl-tick:not(.major) text').allTextContents();
  assert.ok(labels.length >= 3, labels.join(' '));
  // Every label a round year, in steps of one size.
  const years = labels.map(Number);
  assert.ok(years.every((y) => Number.isInteger(y) && y % 10 === 0 && y >= 602 && y <= 698), labels.join(' '));
  const steps = new Set(years.slice(1).map((y, i) => y - years[i]));
  assert.equal(steps.size, 1, labels.join(' '));
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a link\'s span outside an opened chronicle\'s years is brought inside them', async () => {
  const { page, context, record } = await openPage(env, '#/?span=2010-11-20,2010-11-30');
  const path = join(dir, 'korean-war.json');
  await writeFile(path, JSON.stringify(KOREAN_WAR));
  await page.locator('#dataset-file').setInputFiles(path);
  await timeline(page).getByRole('button', { name: 'All 1950–1953' }).waitFor();
  // Ten days, the last of the chronicle's years.
  const labels = await tickLabels(page);
  assert.ok(labels.includes('Dec 1953'), labels.join(' '));
  assert.ok(labels.includes('31'), labels.join(' '));
  assert.ok(!labels.join(' ').includes('2010'), labels.join(' '));
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the files module loads while the reader chooses: the picker opened, the export menu opened', async () => {
  for (const open of [
    async (page) => {
      const chooser = page.waitForEvent('filechooser');
      await page.locator('#dataset-file').click();
      await chooser;
    },
    (page) => page.locator('details.export > summary').click(),
  ]) {
    const { page, context, record } = await openPage(env, '#/');
    const fetched = page.waitForRequest(/\/files_bg\.wasm$/, { timeout: 10000 });
    await open(page);
    await fetched;
    assert.deepEqual(record.errors, []);
    await context.close();
  }
});
