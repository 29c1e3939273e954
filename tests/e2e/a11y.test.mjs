// Accessibility: axe-core finds no serious or critical violations on the main routes in
// both themes; the app works at phone and desktop sizes (screenshots saved for review).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

const require = createRequire(import.meta.url);
let env;
let axeSource;
before(async () => {
  env = await launch();
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});
after(async () => { await env?.close(); });

const ROUTES = [
  ['overview', '#/'],
  ['event', '#/event/2010-11-23-yeonpyeong-shelling'],
  ['actor', '#/actor/yang-jiechi'],
  ['place', '#/place/dushanbe'],
  ['filtered', '#/?story=korea-crisis&country=russia&from=2010-11-01&to=2010-12-31&q=lavrov'],
];

async function seriousViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark']) {
  for (const [name, hash] of ROUTES) {
    test(`axe: no serious or critical violations on ${name} in the ${scheme} theme`, async () => {
      const { page, context } = await openPage(env, hash, { colorScheme: scheme });
      await page.waitForTimeout(300);
      assert.deepEqual(await seriousViolations(page), []);
      await context.close();
    });
  }
}

for (const [label, viewport] of [['phone', { width: 375, height: 812 }], ['desktop', { width: 1280, height: 800 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot at ${viewport.width}×${viewport.height} (${scheme}): nothing cut off`, async () => {
      const { page, context } = await openPage(env, '#/event/2010-11-23-yeonpyeong-shelling', { viewport, colorScheme: scheme });
      await page.waitForTimeout(500);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
      if (label === 'phone') {
        const tabs = page.getByRole('navigation', { name: 'Views' });
        assert.ok(await tabs.isVisible(), 'a tab bar picks the view on a phone');
        await tabs.getByRole('link', { name: 'Event list' }).click();
        await page.waitForURL(/view=list/);
        assert.ok(await page.getByRole('region', { name: 'Event list' }).isVisible());
      }
      await page.screenshot({ path: `${ARTIFACTS}/${label}-${viewport.width}x${viewport.height}-${scheme}.png` });
      await context.close();
    });
  }
}

test('the theme toggle persists the reader’s choice', async () => {
  const { page, context } = await openPage(env, '#/');
  const toggle = page.locator('.theme-toggle');
  await toggle.click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await toggle.click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await page.getByRole('region', { name: 'Details' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(20, 23, 27)');
  await context.close();
});

test('a keyboard-only journey: search, pick a result, step with arrows, open details, share', async () => {
  const { page, context } = await openPage(env, '#/');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', cls: el?.className?.baseVal ?? el?.className ?? '', event: el?.dataset?.eventId ?? '' };
  });
  const tabUntil = async (predicate, key = 'Tab', limit = 250) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press(key);
      if (predicate(await focused())) return true;
    }
    return false;
  };
  assert.ok(await tabUntil((f) => f.id === 'search-input'), 'Tab reaches the search field');
  await page.keyboard.type('dushanbe');
  await page.waitForURL(/q=dushanbe/);
  // Skip to the results: the first event link of the list.
  assert.ok(await tabUntil((f) => f.event !== '' && f.cls === ''), 'Tab reaches a result');
  const first = (await focused()).event;
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/event/${first}`));
  const heading = page.getByRole('region', { name: 'Details' }).locator('#details-heading');
  const firstTitle = await heading.textContent();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL((url) => !url.hash.includes(first));
  assert.notEqual(await heading.textContent(), firstTitle, 'the arrow stepped to the next result');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(new RegExp(`/event/${first}`));
  assert.ok(await tabUntil((f) => String(f.cls).includes('share-button'), 'Shift+Tab'), 'Shift+Tab reaches Copy link');
  await page.keyboard.press('Enter');
  await page.getByText('Link copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await context.close();
});
