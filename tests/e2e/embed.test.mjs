// Embedding: "Copy embed code" gives an <iframe> of the current view; placed in a page on
// another origin it shows the chosen views in the compact page, with a working link to the
// full explorer, and needs no script on the host page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, ARTIFACTS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const SHELLING = '2010-11-23-yeonpyeong-shelling';
let env;
let host;
let hostDir;
before(async () => {
  env = await launch();
  hostDir = await mkdtemp(join(tmpdir(), 'korea2010-host-'));
  host = await startServer(hostDir, 0);
});
after(async () => {
  await env?.close();
  if (host) await new Promise((done) => host.close(done));
});

/// A plain article page on another origin with `snippet` in it.
async function hostPage(snippet) {
  await writeFile(join(hostDir, 'article.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>An article</title><body style="max-width:680px"><h1>An article</h1><p>Before.</p>${snippet}<p>After.</p></body></html>`);
  return `http://127.0.0.1:${host.address().port}/article.html`;
}

test('the embed code of a view, placed in a page elsewhere, shows that view and leads to the full explorer', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}?stage=map&lanes=storylines`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await page.getByRole('status').filter({ hasText: 'Embed code copied' }).waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet,
    `<iframe src="${env.origin}/#/event/${SHELLING}?lanes=storylines&amp;embed=map" title="Korea 2010 · China &amp; Russia, Oct–Dec 2010" width="100%" height="640" style="border:0;max-width:720px" loading="lazy"></iframe>`);

  const article = await context.newPage();
  const errors = [];
  article.on('pageerror', (e) => errors.push(String(e)));
  await article.goto(await hostPage(snippet));
  const frame = article.frameLocator('iframe');
  await frame.locator('main.views').waitFor({ timeout: 20000 });
  await frame.getByRole('region', { name: 'Map', exact: true }).waitFor();
  assert.equal(await frame.getByRole('region', { name: 'Timeline', exact: true }).count(), 0, 'only the chosen view');
  assert.equal(await frame.locator('#filter-rail, .folded-filters, .tours').count(), 0, 'no filters, no tours');
  // A column 600–700 px wide is a phone's layout: one view, its tab, the details as a sheet.
  const tabs = await frame.getByRole('navigation', { name: 'Views' }).locator('.view-tab').allTextContents();
  assert.deepEqual(tabs, ['Map']);
  assert.match(await frame.locator('#details-heading').textContent(), /Yeonpyeong/);
  await article.screenshot({ path: `${ARTIFACTS}embed-in-article.png` });
  // The way out, in the tab bar that stays in sight: the same view in the full explorer, in
  // a new tab.
  assert.ok(await frame.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /Open in the full explorer/ }).isVisible());
  const full = frame.getByRole('link', { name: /Open in the full explorer/ });
  assert.equal(await full.getAttribute('href'), `${env.origin}/#/event/${SHELLING}?lanes=storylines`);
  const [opened] = await Promise.all([context.waitForEvent('page'), full.click()]);
  await opened.locator('#search-input').waitFor({ timeout: 20000 });
  assert.match(opened.url(), new RegExp(`#/event/${SHELLING}\\?lanes=storylines$`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an embed link that names no view is reported and the full explorer shows', async () => {
  const { page, context } = await openPage(env, '#/?embed=globe');
  await page.locator('.notices').waitFor();
  assert.match(await page.locator('.notices').textContent(), /embed=globe/);
  assert.ok(await page.locator('#search-input').isVisible());
  await context.close();
});
