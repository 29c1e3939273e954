// Compare mode: a compare link opened fresh restores the pair, the anchor, the split and the
// period; the toggle and Back turn it on and off; the counts are a table a screen reader can
// read; the keyboard reaches a mark and selects its event; a link with unknown tracks or
// events is explained and still opens a working view; a big dataset is drawn per day; the
// network of ties that change at the split is drawn at the Actors view's positions, named
// and explained; pointing at a mark, a tie or an actor lights it everywhere in the view;
// the skip links lead to what is on screen. Screenshots at desktop and phone sizes, light
// and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

const require = createRequire(import.meta.url);
const SHELLING = '2010-11-23-yeonpyeong-shelling';
const WEN_VISIT = '2010-11-22-wen-russia-visit';
const DAI_SEOUL = '2010-11-27-dai-bingguo-seoul';
const DAI_PYONGYANG = '2010-12-08-dai-bingguo-pyongyang';
const YANG_LAVROV = '2010-11-27-yang-lavrov-call';

let env;
let dataset;
let axeSource;
before(async () => {
  env = await launch();
  dataset = JSON.parse(await readFile(new URL('../../src/data/dataset.json', import.meta.url), 'utf8'));
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});
after(async () => { await env?.close(); });

const compare = (page) => page.getByRole('region', { name: 'Compare' });
const params = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(decodeURIComponent(location.hash).split('?')[1] ?? '')));
const select = (page, label) => compare(page).getByLabel(label);
const title = (id) => dataset.events.find((e) => e.id === id).title;
const network = (page) => compare(page).getByRole('region', { name: 'Ties before and after the split' });
const lit = (locator, attribute) => locator.evaluateAll((marks, name) => marks.map((m) => m.getAttribute(name)).sort(), attribute);

/// axe's serious and critical findings inside `selector`.
async function serious(page, selector) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((s) => window.axe.run(document.querySelector(s), { resultTypes: ['violations'] }), selector);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('a compare link opened fresh restores the pair, the anchor, the split and the period', async () => {
  const link = `#/?compare=china,actor.sergey-lavrov&anchor=${WEN_VISIT}&split=${DAI_SEOUL}&days=14`;
  const { page, context, record } = await openPage(env, link);
  await compare(page).waitFor();
  assert.equal(await select(page, 'First track').inputValue(), 'china');
  assert.equal(await select(page, 'Second track').inputValue(), 'actor.sergey-lavrov');
  assert.equal(await select(page, 'Day 0 (anchor)').inputValue(), WEN_VISIT);
  assert.equal(await select(page, 'Split before/after').inputValue(), DAI_SEOUL);
  assert.equal(await select(page, 'Days each side').inputValue(), '14');
  // The summary names the anchor and both tracks; the table's caption names the split.
  const summary = await compare(page).locator('.cmp-summary').textContent();
  assert.match(summary, new RegExp(`In the 14 days after “${title(WEN_VISIT)}”: China took part in`));
  assert.match(summary, /Sergey Lavrov in/);
  const table = compare(page).getByRole('table');
  assert.match(await table.locator('caption').textContent(), new RegExp(title(DAI_SEOUL)));
  // Day 0 and the split are drawn; an event dated loosely is a range of days, not a day.
  assert.equal(await compare(page).locator('.cmp-split').count(), 1);
  const ranges = await compare(page).locator('.cmp-mark.range').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label')));
  assert.ok(ranges.length > 0, 'some marks are ranges');
  for (const name of ranges) assert.match(name, /, day −?\d+(–| to )−?\d+$/, name);
  const days = await compare(page).locator('.cmp-mark:not(.range)').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label')));
  for (const name of days) assert.match(name, /, day −?\d+$/, name);
  // The other views give way to the comparison, which has its own way out.
  assert.equal(await page.getByRole('region', { name: 'Map' }).count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Timeline' }).count(), 0);
  await compare(page).getByRole('button', { name: 'Close compare' }).waitFor();
  // The link stays as it was given (already canonical).
  assert.deepEqual(await params(page), {
    compare: 'china,actor.sergey-lavrov', anchor: WEN_VISIT, split: DAI_SEOUL, days: '14',
  });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the toggle turns compare mode on with China and Russia, and Back turns it off', async () => {
  const { page, context } = await openPage(env, '#/');
  const toggle = page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Compare', exact: true });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await compare(page).waitFor();
  assert.equal((await params(page)).compare, 'china,russia');
  assert.equal(await select(page, 'Day 0 (anchor)').inputValue(), SHELLING);
  assert.equal(await select(page, 'Split before/after').inputValue(), SHELLING);
  // A setting rewrites the link in place.
  await select(page, 'Second track').selectOption('koreas');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('compare=china,koreas'));
  assert.match(await compare(page).locator('.cmp-summary').textContent(), /The two Koreas in/);
  await select(page, 'Days each side').selectOption('10');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('days=10'));
  await page.goBack();
  await page.getByRole('region', { name: 'Map' }).waitFor();
  assert.equal(await compare(page).count(), 0);
  assert.equal((await params(page)).compare, undefined);
  await page.goForward();
  await compare(page).waitFor();
  assert.equal((await params(page)).compare, 'china,koreas');
  await compare(page).getByRole('button', { name: 'Close compare' }).click();
  await page.getByRole('region', { name: 'Map' }).waitFor();
  assert.equal((await params(page)).compare, undefined);
  await context.close();
});

test('on a phone the view tabs step aside while comparing and come back after', async () => {
  const { page, context } = await openPage(env, '#/?compare=china,russia', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await compare(page).waitFor();
  const tabs = page.getByRole('navigation', { name: 'Views' });
  assert.equal(await tabs.isVisible(), false, 'compare mode stands in for the views the tabs pick');
  await compare(page).getByRole('button', { name: 'Close compare' }).click();
  await page.getByRole('region', { name: 'Map' }).waitFor();
  assert.equal(await tabs.isVisible(), true);
  assert.equal(await tabs.getByRole('link', { name: 'Map' }).getAttribute('aria-current'), 'page');
  await context.close();
});

test('the before/after counts are a table with column and row headers', async () => {
  const { page, context } = await openPage(env, '#/?compare=china,russia&days=10');
  const table = compare(page).getByRole('table', { name: /Events the 10 days before and after/ });
  await table.waitFor();
  const columns = await table.getByRole('columnheader').allTextContents();
  assert.deepEqual(columns, ['Kind of event', 'China, before', 'China, after', 'Russia, before', 'Russia, after']);
  const rows = await table.getByRole('rowheader').allTextContents();
  assert.ok(rows.includes('Phone call'), rows.join(' | '));
  assert.deepEqual(rows.slice(-2), ['All events', 'Events it took part in']);
  // Every cell is a count, perhaps with what the dates cannot tell.
  const cells = await table.getByRole('cell').allTextContents();
  assert.equal(cells.length, rows.length * 4);
  for (const cell of cells) assert.match(cell, /^\d+( \((perhaps \d+)?(; )?(\d+ spanning)?\))?$/, cell);
  // axe finds nothing serious in the compare view, in either theme.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await serious(page, '.view-compare'), [], scheme);
  }
  await context.close();
});

test('the keyboard reaches a mark and selects its event, with a history entry', async () => {
  const { page, context } = await openPage(env, '#/?compare=china,russia&days=10');
  await compare(page).waitFor();
  await select(page, 'Days each side').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    mark: document.activeElement.classList.contains('cmp-mark'),
    id: document.activeElement.getAttribute('data-event-id'),
    name: document.activeElement.getAttribute('aria-label'),
  }));
  assert.ok(focused.mark, 'Tab from the settings lands on the first mark');
  const event = dataset.events.find((e) => e.id === focused.id);
  assert.ok(focused.name.includes(event.title), focused.name);
  assert.match(focused.name, /, day −?\d/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash.startsWith(`#/event/${id}`), focused.id);
  assert.equal((await params(page)).compare, 'china,russia', 'the comparison stays');
  const mark = compare(page).locator(`.cmp-mark[data-event-id="${focused.id}"]`).first();
  await page.waitForFunction((id) => document.querySelector(`.cmp-mark[data-event-id="${id}"]`)?.getAttribute('aria-current') === 'true', focused.id);
  assert.equal(await mark.getAttribute('aria-current'), 'true');
  assert.equal(await compare(page).locator('.cmp-mark[aria-current="true"]').count() >= 1, true);
  const details = page.getByRole('region', { name: 'Details' });
  assert.equal((await details.getByRole('heading', { level: 2 }).first().textContent()).trim(), event.title);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('/event/'));
  assert.equal(await compare(page).locator('.cmp-mark[aria-current="true"]').count(), 0);
  await context.close();
});

test('a link with an unknown track, anchor or period is explained and the view still works', async () => {
  const { page, context, record } = await openPage(env, '#/?compare=mars,actor.nobody-at-all&anchor=2010-13-99-nothing&days=0');
  const notices = page.getByRole('alert', { name: 'Link problems' });
  await notices.waitFor();
  const text = await notices.textContent();
  assert.match(text, /compare=mars/);
  assert.match(text, /actor\.nobody-at-all/);
  assert.match(text, /anchor=2010-13-99-nothing/);
  assert.match(text, /days=0/);
  await compare(page).waitFor();
  assert.equal(await select(page, 'First track').inputValue(), 'china');
  assert.equal(await select(page, 'Second track').inputValue(), 'russia');
  assert.equal(await select(page, 'Day 0 (anchor)').inputValue(), SHELLING);
  assert.equal((await params(page)).compare, 'china,russia', 'the link says what is shown');
  assert.ok(await compare(page).locator('.cmp-mark').count() > 10);
  // Stray settings without compare= are named too, and the views show as usual.
  const stray = await openPage(env, `#/?anchor=${WEN_VISIT}`);
  await stray.page.getByRole('alert', { name: 'Link problems' }).getByText(/only applies in compare mode/).waitFor();
  await stray.page.getByRole('region', { name: 'Map' }).waitFor();
  await stray.context.close();
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('an opened dataset of thousands of events is compared, crowded tracks drawn per day', async () => {
  // The built-in events thirty times over, on the same days.
  const big = structuredClone(dataset);
  const copies = [];
  for (let n = 1; n <= 30; n += 1) {
    for (const e of dataset.events) {
      copies.push({
        ...structuredClone(e),
        id: `${e.id}-copy-${n}`,
        former_ids: [],
        after: e.after ? `${e.after}-copy-${n}` : e.after,
      });
    }
  }
  big.events = dataset.events.concat(copies);
  const dir = await mkdtemp(join(tmpdir(), 'korea2010-compare-'));
  const path = join(dir, 'big.json');
  await writeFile(path, JSON.stringify(big));
  const { page, context, record } = await openPage(env, '#/');
  await page.locator('#dataset-file').setInputFiles(path);
  await page.locator('.dataset-name', { hasText: 'big.json' }).waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await compare(page).waitFor();
  const china = compare(page).getByRole('group', { name: /^China: / });
  assert.match(await china.getAttribute('aria-label'), /^China: \d{3,} events on the axis/);
  assert.ok(await china.locator('.cmp-bar').count() > 10, 'drawn as events per day');
  assert.match(await compare(page).locator('.cmp-summary').textContent(), /China took part in \d{3,} events/);
  await page.screenshot({ path: `${ARTIFACTS}compare-big-dataset.png` });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the network of ties that change at the split is drawn where the Actors view draws it, named and explained', async () => {
  const { page, context, record } = await openPage(env, '#/?compare=china,russia');
  const net = network(page);
  await net.locator('.cmp-net-svg .cmp-actor').first().waitFor();
  // The legend names the three kinds of tie and the two tracks' rings.
  const legend = await net.locator('.cmp-net-legend').textContent();
  for (const words of ['New after the split', 'Gone after the split', 'In both periods', 'China (first track)', 'Russia (second track)']) {
    assert.ok(legend.includes(words), `${words} in ${legend}`);
  }
  // A tie is a link named with its change: Dai Bingguo's visit to Pyongyang made a new one,
  // and the link leads to that visit.
  const tie = net.getByRole('link', { name: 'Dai Bingguo – Kim Jong Il: new after the split, 1 shared event' });
  assert.equal(await tie.getAttribute('data-change'), 'new');
  assert.equal(await tie.getAttribute('data-event-id'), DAI_PYONGYANG);
  // The kinds differ by their line, not only by colour.
  const dashes = await net.evaluate((el) => Object.fromEntries(['new', 'gone', 'kept'].map((change) => [change,
    getComputedStyle(el.querySelector(`.cmp-tie[data-change="${change}"] .cmp-tie-line`)).strokeDasharray])));
  assert.equal(dashes.new, 'none');
  assert.notEqual(dashes.gone, 'none');
  assert.notEqual(dashes.kept, 'none');
  assert.notEqual(dashes.gone, dashes.kept);
  // Each actor is a link named with its track and its events, ringed for its track.
  const dai = net.locator('.cmp-actor[data-actor-id="dai-bingguo"]');
  assert.match(await dai.getAttribute('aria-label'), /^Dai Bingguo, in the China track: acts in \d+ events? /);
  assert.equal(await dai.locator('.cmp-ring-0').count(), 1);
  assert.equal(await net.locator('.cmp-actor[data-actor-id="sergey-lavrov"] .cmp-ring-1').count(), 1);
  const kim = await net.locator('.cmp-actor[data-actor-id="kim-jong-il"]').getAttribute('aria-label');
  assert.equal(kim, 'Kim Jong Il: acts in 1 event after the split, none before');
  // Every tie and actor is a tab stop with a name.
  const marks = await net.locator('.cmp-tie, .cmp-actor').evaluateAll((all) => all.map((m) => [m.tabIndex, m.getAttribute('aria-label')]));
  assert.ok(marks.length > 20);
  for (const [tab, name] of marks) assert.ok(tab >= 0 && name, name);
  // The lists say the same in words: as many ties of each kind as the drawing has.
  const headings = await net.locator('.cmp-tie-lists h4').allTextContents();
  for (const [i, change] of ['new', 'gone', 'kept'].entries()) {
    const drawn = await net.locator(`.cmp-tie[data-change="${change}"]`).count();
    assert.equal(headings[i].match(/\((\d+)\)$/)[1], String(drawn), headings[i]);
  }
  assert.ok((await net.getByRole('listitem').allTextContents()).includes('Dai Bingguo – Kim Jong Il: new after the split, 1 shared event'));
  // Nothing serious for axe, in either theme.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await serious(page, '#cmp-network'), [], scheme);
  }
  // Every actor sits where the Actors view puts it.
  const at = (nodes) => nodes.evaluateAll((all) => Object.fromEntries(all.map((n) => [n.dataset.actorId, [Number(n.dataset.x), Number(n.dataset.y)]])));
  const here = await at(net.locator('.cmp-actor'));
  await compare(page).getByRole('button', { name: 'Close compare' }).click();
  const actors = page.getByRole('region', { name: 'Actors' });
  await actors.locator('.actor-node').first().waitFor();
  const there = await at(actors.locator('.actor-node'));
  assert.ok(Object.keys(here).length > 20);
  for (const [id, position] of Object.entries(here)) assert.deepEqual(position, there[id], id);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('pointing at a mark, a tie or an actor lights the same event or actor across the view', async () => {
  const { page, context, record } = await openPage(env, '#/?compare=china,russia');
  const net = network(page);
  await net.locator('.cmp-actor').first().waitFor();
  // An event of both tracks: its mark in China's lane lights its mark in Russia's, and its
  // tie in the network.
  await compare(page).locator(`.cmp-track-0 .cmp-mark[data-event-id="${YANG_LAVROV}"]`).hover();
  await compare(page).locator(`.cmp-track-1 .cmp-mark.is-lit[data-event-id="${YANG_LAVROV}"]`).waitFor();
  // (Xinhua reported the call.)
  assert.deepEqual(await lit(net.locator('.cmp-actor.is-lit'), 'data-actor-id'), ['sergey-lavrov', 'xinhua', 'yang-jiechi']);
  assert.match(await net.locator('.cmp-tie.is-lit').first().getAttribute('aria-label'), /^Yang Jiechi – Sergey Lavrov: in both periods/);
  assert.ok(await net.locator('.cmp-actor.is-faded').count() > 10, 'the rest steps back');
  // Dai Bingguo's visit to Pyongyang lights its tie and both its actors.
  await compare(page).locator(`.cmp-mark[data-event-id="${DAI_PYONGYANG}"]`).hover();
  await net.locator('.cmp-tie.is-lit[data-event-id="2010-12-08-dai-bingguo-pyongyang"]').waitFor();
  assert.deepEqual(await lit(net.locator('.cmp-actor.is-lit'), 'data-actor-id'), ['dai-bingguo', 'kim-jong-il']);
  // The keyboard lights what the pointer does: Dai Bingguo focused in the network lights
  // his two visits on the axis; his new tie focused, the visit it was made in. (The
  // pointer goes to the header first: the focus scrolls the page under it.)
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => document.querySelectorAll('.view-compare .is-lit').length === 0);
  await net.locator('.cmp-actor[data-actor-id="dai-bingguo"]').focus();
  await page.waitForFunction(() => document.querySelectorAll('.cmp-mark.is-lit').length === 2);
  assert.deepEqual(await lit(compare(page).locator('.cmp-mark.is-lit'), 'data-event-id'), [DAI_SEOUL, DAI_PYONGYANG]);
  await net.locator(`.cmp-tie[data-event-id="${DAI_PYONGYANG}"]`).focus();
  await page.waitForFunction(() => document.querySelectorAll('.cmp-mark.is-lit').length === 1);
  assert.deepEqual(await lit(compare(page).locator('.cmp-mark.is-lit'), 'data-event-id'), [DAI_PYONGYANG]);
  // Leaving lights nothing.
  await compare(page).getByRole('button', { name: 'Close compare' }).focus();
  await page.waitForFunction(() => document.querySelectorAll('.view-compare .is-lit').length === 0);
  assert.equal(await compare(page).locator('.is-faded').count(), 0);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('in compare mode the skip links lead to its parts on screen, and to the views again after it', async () => {
  const COMPARE = ['#search-input', '#view-compare', '#cmp-axis', '#cmp-counts', '#cmp-network'];
  const VIEWS = ['#search-input', '#view-map', '#view-actors', '#view-timeline', '#event-list'];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, context, record } = await openPage(env, '#/?compare=china,russia&days=14', { viewport });
    await network(page).locator('.cmp-actor').first().waitFor();
    const skips = page.locator('.skip-link');
    assert.deepEqual(await skips.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), COMPARE);
    for (const [i, target] of COMPARE.entries()) {
      assert.ok(await page.locator(target).isVisible(), `${target} is on screen at ${viewport.width}`);
      // Enter on the skip link moves the focus there, and the link stays as it was.
      await skips.nth(i).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, target.slice(1));
      assert.equal((await params(page)).compare, 'china,russia');
    }
    // After the search box, the results are the axis's marks.
    await page.locator('#search-input').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('cmp-mark'));
    // Leaving compare mode brings the views' skip links back, each to a view on screen.
    await compare(page).getByRole('button', { name: 'Close compare' }).click();
    await page.waitForFunction(() => document.querySelector('.skip-link:nth-child(2)')?.getAttribute('href') === '#view-map');
    assert.deepEqual(await skips.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), VIEWS);
    if (viewport.width > 900) {
      for (const target of VIEWS) assert.ok(await page.locator(target).isVisible(), target);
    }
    assert.deepEqual(record.errors, []);
    await context.close();
  }
});

for (const [label, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot of the network of ties at ${viewport.width}×${viewport.height} (${scheme})`, async () => {
      const { page, context, record } = await openPage(env, '#/?compare=china,russia', { viewport, colorScheme: scheme });
      const net = network(page);
      await net.locator('.cmp-actor').first().waitFor();
      await net.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      // The drawing fills its box and stays inside the window.
      const box = await net.locator('.cmp-net-svg').boundingBox();
      assert.ok(box.width > 300 && box.height > 300, JSON.stringify(box));
      assert.ok(box.x + box.width <= viewport.width, JSON.stringify(box));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: `${ARTIFACTS}compare-network-${label}-${scheme}.png` });
      assert.deepEqual(record.errors, []);
      await context.close();
    });
  }
}

for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot of compare mode at ${viewport.width}×${viewport.height} (${scheme})`, async () => {
      const { page, context, record } = await openPage(env, `#/event/${DAI_SEOUL}?compare=china,russia&days=14`, { viewport, colorScheme: scheme });
      await compare(page).waitFor();
      await page.waitForTimeout(300);
      // Nothing is wider than the window but the axis, which scrolls in its own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: `${ARTIFACTS}compare-${label}-${scheme}.png` });
      assert.deepEqual(record.errors, []);
      await context.close();
    });
  }
}
