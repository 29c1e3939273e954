// A reader's own chronicle: an opened file is kept in the browser and named in the link, so
// it opens again on reload and offline; the indicator goes back to the article and forgets
// the file; a link naming a file this browser does not have says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, ready, ARTIFACTS, settledRowCount } from './harness.mjs';

const TEMPLATES = new URL('../../node_modules/@knight-lab/timelinejs/src/template/', import.meta.url);
const GEOJSON = new URL('../fixtures/dated-points.geojson', import.meta.url).pathname;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const rows = (page) => page.getByRole('region', { name: 'Event list' }).locator('tbody tr');
const indicator = (page) => page.getByRole('status', { name: 'Dataset shown' });
const details = (page) => page.getByRole('region', { name: 'Details' });
const linkData = (page) => new URL(page.url()).hash.match(/[?&]data=([^&]*)/)?.[1] ?? null;

// The link's fingerprint of a file: FNV-1a (32 bits) of its UTF-8 bytes.
function fingerprint(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await ready(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('an opened dataset survives a reload and an offline reload', async () => {
  const { page, context, record } = await openPage(env, '#/');
  await controlled(page);
  const path = new URL('eras.json', TEMPLATES).pathname;
  const bytes = await readFile(path);
  const timeline = JSON.parse(bytes.toString('utf8'));
  await page.locator('#dataset-file').setInputFiles(path);
  await indicator(page).filter({ hasText: 'kept in this browser' }).waitFor();
  assert.match(await indicator(page).textContent(), /Viewing: eras\.json/);
  assert.equal(linkData(page), `eras.json~${fingerprint(bytes)}`);
  const headline = timeline.events.find((e) => e.text.headline.startsWith('Muhammad')).text.headline;
  await rows(page).filter({ hasText: headline }).getByRole('link').first().click();
  await details(page).getByRole('heading', { name: headline }).waitFor();
  const link = page.url();
  assert.match(link, /#\/event\/0622-08-09-muhammad-migrates-from-mecca-to-medina\?.*data=eras\.json~/);

  for (const offline of [false, true]) {
    await context.setOffline(offline);
    await page.reload();
    await ready(page);
    assert.equal(page.url(), link);
    await details(page).getByRole('heading', { name: headline }).waitFor();
    assert.equal(await settledRowCount(page), timeline.events.length, offline ? 'offline' : 'online');
    assert.match(await indicator(page).textContent(), /Viewing: eras\.json \(kept in this browser\)/);
  }
  await page.screenshot({ path: `${ARTIFACTS}kept-offline.png` });
  await context.setOffline(false);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the indicator goes back to the article, opens the kept file again, and forgets it', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const builtIn = await settledRowCount(page);
  await page.locator('#dataset-file').setInputFiles(new URL('my-own-timeline.csv', TEMPLATES).pathname);
  await indicator(page).filter({ hasText: 'kept in this browser' }).waitFor();
  const own = await settledRowCount(page);
  assert.notEqual(own, builtIn);
  const keptLink = page.url();

  await indicator(page).getByRole('button', { name: 'Back to the article' }).click();
  await page.locator('.dataset-name', { hasText: 'Built-in' }).waitFor();
  assert.equal(await settledRowCount(page), builtIn);
  assert.equal(linkData(page), null);
  // Still kept: offered again.
  await indicator(page).filter({ hasText: 'my-own-timeline.csv is kept in this browser' }).waitFor();
  await indicator(page).getByRole('button', { name: 'Open it' }).click();
  await indicator(page).filter({ hasText: 'Viewing: my-own-timeline.csv' }).waitFor();
  assert.equal(await settledRowCount(page), own);
  // Back goes back to the built-in chronicle, Forward to the file.
  await page.goBack();
  await page.locator('.dataset-name', { hasText: 'Built-in' }).waitFor();
  await page.goForward();
  await page.locator('.dataset-name', { hasText: 'my-own-timeline.csv' }).waitFor();

  await indicator(page).getByRole('button', { name: 'Forget it' }).click();
  await page.locator('.dataset-name', { hasText: 'Built-in' }).waitFor();
  assert.equal(await settledRowCount(page), builtIn);
  assert.equal(await indicator(page).count(), 0, 'nothing kept, nothing offered');
  assert.ok(!(await page.evaluate(() => caches.keys())).includes('korea2010-kept'), 'the cache is gone');
  // The link made with the file now finds nothing.
  await page.goto(keptLink);
  await page.getByRole('alert', { name: 'This link is for a dataset this browser does not have' }).waitFor();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a link naming a file this browser does not have says so, and offers the built-in chronicle', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${env.origin}/#/event/2010-11-23-yeonpyeong-shelling?data=other.json~deadbeef`);
  const alert = page.getByRole('alert', { name: 'This link is for a dataset this browser does not have' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /other\.json.*deadbeef/);
  await page.screenshot({ path: `${ARTIFACTS}kept-missing.png` });
  await alert.getByRole('button', { name: 'Continue with the built-in chronicle' }).click();
  await ready(page);
  // The rest of the link applies to the built-in chronicle.
  await details(page).getByRole('heading', { name: /Yeonpyeong/ }).waitFor();
  assert.equal(linkData(page), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link made with a file opens once the reader opens that file', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const hash = fingerprint(await readFile(GEOJSON));
  await page.goto(`${env.origin}/#/event/2010-11-23-shelling-of-yeonpyeong-island?data=dated-points.geojson~${hash}`);
  const alert = page.getByRole('alert', { name: 'This link is for a dataset this browser does not have' });
  await alert.waitFor();
  await alert.getByLabel('Open the file').setInputFiles(GEOJSON);
  await ready(page);
  await details(page).getByRole('heading', { name: 'Shelling of Yeonpyeong Island' }).waitFor();
  assert.match(await indicator(page).textContent(), /Viewing: dated-points\.geojson/);
  await context.close();
});
