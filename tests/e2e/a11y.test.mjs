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
  ['compare', '#/?compare=china,russia'],
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

// Keyboard cost: skip links to each view and to the results, and each facet one tab stop.
const focusedInfo = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return {
    id: el?.id ?? '',
    text: (el?.textContent ?? '').trim(),
    cls: el?.className?.baseVal ?? el?.className ?? '',
    facet: el?.dataset?.facet ?? '',
    value: el?.dataset?.value ?? '',
    event: el?.dataset?.eventId ?? '',
    region: el?.closest('section[aria-label]')?.getAttribute('aria-label') ?? '',
  };
});

/// Presses `key` until `predicate` holds for the focused element; the number of presses, or
/// null after `limit`.
async function pressUntil(page, predicate, key = 'Tab', limit = 250) {
  for (let i = 1; i <= limit; i += 1) {
    await page.keyboard.press(key);
    if (predicate(await focusedInfo(page))) return i;
  }
  return null;
}

for (const [link, region] of [['Skip to the map', 'Map'], ['Skip to the actors', 'Actors'], ['Skip to the timeline', 'Timeline'], ['Skip to the event list', 'Event list']]) {
  test(`“${link}” is among the first Tab stops and moves the focus into the ${region} view, keeping the link`, async () => {
    const hash = '#/event/2010-11-23-yeonpyeong-shelling?story=korea-crisis';
    const { page, context } = await openPage(env, hash);
    const before = page.url();
    const presses = await pressUntil(page, (f) => f.text === link, 'Tab', 12);
    assert.ok(presses !== null && presses <= 6, `${link} is Tab stop ${presses}`);
    assert.ok(await page.getByRole('link', { name: link }).isVisible(), 'the focused skip link shows');
    await page.keyboard.press('Enter');
    await page.waitForFunction((name) => document.activeElement?.closest('section[aria-label]')?.getAttribute('aria-label') === name, region);
    assert.equal(page.url(), before, 'the skip link did not change the link');
    assert.equal(await page.locator('.notices').count(), 0, 'nothing was reported as not understood');
    // The next Tab stays in the view.
    await page.keyboard.press('Tab');
    assert.equal((await focusedInfo(page)).region, region);
    await context.close();
  });
}

test('from the top of the overview, a skip link puts a node of the actor network under 20 key presses away (Tab alone takes over 90)', async () => {
  const { page, context } = await openPage(env, '#/');
  let keys = await pressUntil(page, (f) => f.text === 'Skip to the actors', 'Tab', 12);
  assert.ok(keys !== null, 'a skip link to the actors');
  await page.keyboard.press('Enter');
  keys += 1;
  const more = await pressUntil(page, (f) => String(f.cls).includes('actor-node'), 'Tab', 40);
  assert.ok(more !== null, 'Tab reaches a node after the skip link');
  keys += more;
  assert.equal((await focusedInfo(page)).region, 'Actors');
  assert.ok(keys < 20, `${keys} key presses to the first node`);
  await context.close();
});

test('“Skip to the results” after the search box focuses the first result in the event list', async () => {
  const { page, context } = await openPage(env, '#/');
  await page.keyboard.press('/');
  await page.keyboard.type('dushanbe');
  await page.waitForURL(/q=dushanbe/);
  const first = await page.getByRole('region', { name: 'Event list' }).locator('tbody a[data-event-id]').first().getAttribute('data-event-id');
  await page.keyboard.press('Tab');
  const link = await focusedInfo(page);
  assert.equal(link.text, 'Skip to the results', 'the next Tab stop after the search box');
  assert.ok(await page.getByRole('link', { name: 'Skip to the results' }).isVisible());
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.dataset?.eventId === id
    && document.activeElement.closest('#event-list') !== null, first);
  assert.match(page.url(), /#\/\?q=dushanbe$/, 'the link is unchanged');
  // Enter on the focused result opens it.
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/event/${first}`));
  await context.close();
});

test('a facet is one Tab stop: arrows and Home/End move inside it, Space toggles, Tab leaves it', async () => {
  const { page, context } = await openPage(env, '#/');
  // The Actor facet is folded, and makes its checkboxes when unfolded.
  await page.locator('details.facet summary', { hasText: 'Actor' }).click();
  await page.locator('input[data-facet="actor"]').first().waitFor();
  for (const facet of ['story', 'country', 'actor', 'kind']) {
    const stops = await page.locator(`input[data-facet="${facet}"][tabindex="0"]`).count();
    assert.equal(stops, 1, `${facet}: one checkbox is the tab stop`);
  }
  const values = await page.locator('input[data-facet="story"]').evaluateAll((inputs) => inputs.map((i) => i.dataset.value));
  assert.ok(values.length >= 3);
  await page.locator('.facet summary').first().focus();
  await page.keyboard.press('Tab');
  assert.deepEqual(await focusedInfo(page).then((f) => [f.facet, f.value]), ['story', values[0]], 'Tab enters at the first value');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focusedInfo(page)).value, values[1]);
  await page.keyboard.press('End');
  assert.equal((await focusedInfo(page)).value, values.at(-1));
  await page.keyboard.press('ArrowDown');
  assert.equal((await focusedInfo(page)).value, values.at(-1), '↓ stays on the last value');
  await page.keyboard.press('Home');
  assert.equal((await focusedInfo(page)).value, values[0]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForURL(new RegExp(`story=${values[1]}`));
  assert.equal((await focusedInfo(page)).value, values[1], 'the focus stays on the toggled value');
  await page.keyboard.press('Tab');
  const left = await focusedInfo(page);
  assert.notEqual(left.facet, 'story', 'one Tab leaves the group');
  assert.match(left.text, /Country/, 'and lands on the next facet');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focusedInfo(page)).value, values[1], 'Shift+Tab comes back to the value focused last');
  await context.close();
});

test('on a phone, a skip link to another view switches to that view and focuses it', async () => {
  const { page, context } = await openPage(env, '#/', { viewport: { width: 375, height: 812 } });
  assert.equal(await page.getByRole('region', { name: 'Actors' }).count(), 0, 'the phone shows the map only');
  assert.ok(await pressUntil(page, (f) => f.text === 'Skip to the actors', 'Tab', 12), 'a skip link to the actors');
  await page.keyboard.press('Enter');
  await page.waitForURL(/view=actors/);
  await page.waitForFunction(() => document.activeElement?.closest('section[aria-label]')?.getAttribute('aria-label') === 'Actors');
  await context.close();
});
