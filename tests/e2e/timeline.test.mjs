// The Timeline view in Chromium, used as a reader would: brushing a time window, walking
// through events with the arrow keys, playback, deep links, zoom and pan, linked hover, and
// the density strips a large dataset is drawn with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, cspViolations, ARTIFACTS } from './harness.mjs';

const SHELLING = '2010-11-23-yeonpyeong-shelling';
const DATASET = JSON.parse(readFileSync(new URL('../../src/data/dataset.json', import.meta.url), 'utf8'));
const DAY_MS = 86_400_000;
/// Days from 1 Oct 2010, the left edge of the default view (which ends on 1 Jan 2011).
const dayOfQuarter = (iso) => (Date.parse(iso) - Date.parse('2010-10-01')) / DAY_MS;
const QUARTER_DAYS = 92;
/// The first and last day any event of the dataset covers.
const DATA_FIRST_DAY = DATASET.events.map((e) => e.start).sort()[0];
const DATA_LAST_DAY = DATASET.events.map((e) => e.end ?? e.start).sort().at(-1);

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const timeline = (page) => page.getByRole('region', { name: 'Timeline' });
const list = (page) => page.getByRole('region', { name: 'Event list' });

/// Ids of the events whose days overlap [from, to] (inclusive ISO dates), as the filter has it.
function eventsBetween(from, to) {
  return DATASET.events
    .filter((e) => e.start <= to && (e.end ?? e.start) >= from)
    .map((e) => e.id)
    .sort();
}

async function listedIds(page) {
  const ids = await list(page).locator('tbody tr a[data-event-id]').evaluateAll(
    (links) => links.map((a) => a.dataset.eventId),
  );
  return [...new Set(ids)].sort();
}

/// Page coordinates of a day (fraction allowed) on the brush band, in the default quarter view.
async function bandPoint(page, day) {
  const band = timeline(page).locator('.tl-band');
  // The band may start below the fold (an opened file's "Viewing" bar takes a line).
  await band.scrollIntoViewIfNeeded();
  const svgBox = await timeline(page).locator('svg.tl-axis').boundingBox();
  const x = Number(await band.getAttribute('x'));
  const width = Number(await band.getAttribute('width'));
  const y = Number(await band.getAttribute('y')) + Number(await band.getAttribute('height')) / 2;
  // Whole pixels: the browser drops a pointer's fraction, which near a day's edge would
  // move the point into the day before.
  return { x: Math.round(svgBox.x + x + (day / QUARTER_DAYS) * width), y: svgBox.y + y };
}

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 8, from.y + ((to.y - from.y) * step) / 8);
  }
  await page.mouse.up();
}

function hashParams(page) {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

test('the default view is a landmark with side lanes, named marks and no errors', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const region = timeline(page);
  await region.waitFor();
  for (const lane of ['China', 'Russia', 'The two Koreas', 'US and allies', 'Multilateral bodies', 'Others']) {
    assert.equal(await region.getByRole('group', { name: new RegExp(`^${lane}: \\d+ events$`) }).count(), 1, lane);
  }
  const marks = region.locator('.tl-mark');
  assert.ok((await marks.count()) > 80, 'every event is drawn in each of its lanes');
  const names = await marks.evaluateAll((all) => all.map((m) => [m.dataset.eventId, m.getAttribute('aria-label'), m.getAttribute('href')]));
  const titles = new Map(DATASET.events.map((e) => [e.id, e.title]));
  for (const [id, name, href] of names) {
    assert.ok(name.startsWith(titles.get(id)), `${id}: the name starts with the title (${name})`);
    assert.match(name, /\b(19|20)\d\d\b/, `${id}: the name carries the date`);
    assert.match(href, new RegExp(`#/event/${id}`));
  }
  // Dates known only roughly say so.
  const forum = region.locator('.tl-mark[data-event-id="2010-11-22-tiger-forum"]').first();
  assert.match(await forum.getAttribute('aria-label'), /about/);
  assert.match(await forum.getAttribute('class'), /uncertain/);
  // Background before the quarter sits in the "Earlier" strip.
  const cheonan = region.locator('.tl-mark.chip[data-event-id="2010-03-26-cheonan-sinking"]');
  assert.equal(await cheonan.count(), 1);
  assert.match(await cheonan.getAttribute('aria-label'), /26 Mar 2010/);
  await region.screenshot({ path: `${ARTIFACTS}timeline-default.png` });
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('brushing 9–17 December filters the list and writes from/to to the URL', async () => {
  const { page, context, record } = await openPage(env, '#/');
  await timeline(page).waitFor();
  const start = await bandPoint(page, dayOfQuarter('2010-12-09') + 0.3);
  const end = await bandPoint(page, dayOfQuarter('2010-12-18') - 0.3);
  await drag(page, start, end);
  await page.waitForURL(/from=2010-12-09/);
  const params = hashParams(page);
  assert.equal(params.get('from'), '2010-12-09');
  assert.equal(params.get('to'), '2010-12-17');
  assert.deepEqual(await listedIds(page), eventsBetween('2010-12-09', '2010-12-17'));
  // The map, when present, shows only events in the window too.
  const map = page.getByRole('region', { name: 'Map' });
  if ((await map.count()) > 0) {
    const onMap = await map.locator('[data-event-id]').evaluateAll((all) => all.map((m) => m.dataset.eventId));
    const allowed = new Set(eventsBetween('2010-12-09', '2010-12-17'));
    for (const id of onMap) assert.ok(allowed.has(id), `${id} is on the map but outside the window`);
  }
  // The brush shows the window; marks outside it are dimmed, not removed.
  assert.equal(await timeline(page).locator('.tl-brush-text').textContent(), '9–17 Dec 2010');
  assert.ok((await timeline(page).locator('.tl-mark.outside').count()) > 0);
  // One click clears it.
  await timeline(page).getByRole('button', { name: 'Clear time window' }).click();
  await page.waitForURL((url) => !url.hash.includes('from='));
  assert.equal((await listedIds(page)).length, DATASET.events.length);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('shift-drag on the lanes also brushes, and moving the brush keeps its length', async () => {
  const { page, context } = await openPage(env, '#/');
  await timeline(page).waitFor();
  await timeline(page).locator('svg.tl-lanes').scrollIntoViewIfNeeded();
  const lanes = await timeline(page).locator('svg.tl-lanes').boundingBox();
  const start = await bandPoint(page, dayOfQuarter('2010-11-01') + 0.4);
  const end = await bandPoint(page, dayOfQuarter('2010-11-08') - 0.4);
  await page.keyboard.down('Shift');
  await drag(page, { x: start.x, y: lanes.y + 20 }, { x: end.x, y: lanes.y + 20 });
  await page.keyboard.up('Shift');
  await page.waitForURL(/from=2010-11-01&to=2010-11-07/);
  // Drag the middle of the brush a week later.
  const middle = await bandPoint(page, dayOfQuarter('2010-11-04') + 0.5);
  const later = await bandPoint(page, dayOfQuarter('2010-11-11') + 0.5);
  await drag(page, middle, later);
  await page.waitForURL(/from=2010-11-08&to=2010-11-14/);
  await context.close();
});

test('a deep link with from/to restores the brush and the date fields', async () => {
  const { page, context } = await openPage(env, '#/?from=2010-12-09&to=2010-12-17');
  const region = timeline(page);
  const area = region.locator('.tl-brush-area');
  await area.waitFor();
  const expectedStart = await bandPoint(page, dayOfQuarter('2010-12-09'));
  const expectedEnd = await bandPoint(page, dayOfQuarter('2010-12-18'));
  const box = await area.boundingBox();
  assert.ok(Math.abs(box.x - expectedStart.x) < 1.5, `brush starts at 9 Dec (${box.x} vs ${expectedStart.x})`);
  assert.ok(Math.abs(box.x + box.width - expectedEnd.x) < 1.5, 'brush ends after 17 Dec');
  assert.equal(await region.getByLabel('From', { exact: true }).inputValue(), '2010-12-09');
  assert.equal(await region.getByLabel('to', { exact: true }).inputValue(), '2010-12-17');
  assert.deepEqual(await listedIds(page), eventsBetween('2010-12-09', '2010-12-17'));
  // The date fields set the window from the keyboard.
  await region.getByLabel('From', { exact: true }).fill('2010-12-01');
  await page.waitForURL(/from=2010-12-01&to=2010-12-17/);
  await context.close();
});

test('an event drawn in several lanes says so in each of its marks', async () => {
  const { page, context } = await openPage(env, '#/');
  const marks = timeline(page).locator('.tl-mark[data-event-id="2010-11-23-pm-joint-communique"]');
  await marks.first().waitFor();
  const names = await marks.evaluateAll((all) => all.map((m) => m.getAttribute('aria-label')));
  assert.ok(names.length >= 2, names.join(' | '));
  for (const name of names) assert.match(name, /\(also in the .+ lanes?\)/, name);
  const shelling = await timeline(page).locator(`.tl-mark[data-event-id="${SHELLING}"]`).evaluateAll((all) => all.map((m) => m.getAttribute('aria-label')));
  if (shelling.length === 1) assert.doesNotMatch(shelling[0], /also in the/);
  await context.close();
});

test('a date typed key by key applies only when complete, within the data, never swapped', async () => {
  const { page, context } = await openPage(env, '#/?from=2010-11-23');
  const region = timeline(page);
  const to = region.getByLabel('to', { exact: true });
  assert.equal(await to.getAttribute('min'), DATA_FIRST_DAY);
  assert.equal(await to.getAttribute('max'), DATA_LAST_DAY);
  // The date field reports each keystroke as a date (0002-…, 0020-…, 0201-…): none of them
  // may reach the link.
  await to.focus(); // (a click may open the date picker instead)
  const hashes = [];
  for (const key of '11302010') {
    await page.keyboard.press(key);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
    hashes.push(await page.evaluate(() => location.hash));
  }
  assert.ok(hashes.every((hash) => !/to=0/.test(hash)), hashes.join(' '));
  await page.keyboard.press('Enter');
  await page.waitForURL(/from=2010-11-23&to=2010-11-30/);
  // A start after the end is a problem to fix, not a silent swap.
  await region.getByLabel('From', { exact: true }).fill('2010-12-05');
  await region.getByLabel('From', { exact: true }).press('Enter');
  await region.locator('.tl-window-problem', { hasText: 'after it ends' }).waitFor();
  assert.match(page.url(), /from=2010-11-23&to=2010-11-30/);
  await context.close();
});

test('arrow keys, Home and End walk through the listed events', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}`);
  const region = timeline(page);
  const order = await list(page).locator('tbody tr a[data-event-id]').evaluateAll((all) => all.map((a) => a.dataset.eventId));
  const at = order.indexOf(SHELLING);
  assert.ok(at > 0 && at < order.length - 1);
  await region.locator('.tl-mark[aria-current="true"]').first().focus();
  // Each key waits until the view has rendered the step: focus follows the selection.
  const step = async (key, id) => {
    await page.keyboard.press(key);
    await page.waitForURL(new RegExp(`#/event/${id}`));
    await page.waitForFunction((id) => document.activeElement?.dataset.eventId === id, id);
  };
  await step('ArrowRight', order[at + 1]);
  await step('ArrowRight', order[at + 2]);
  await step('ArrowLeft', order[at + 1]);
  await step('ArrowLeft', SHELLING);
  await step('End', order.at(-1));
  await step('Home', order[0]);
  // Each step is a history entry.
  await page.goBack();
  await page.waitForURL(new RegExp(`#/event/${order.at(-1)}`));
  await context.close();
});

test('the arrow keys stay within the filters', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}?from=2010-12-09&to=2010-12-17`);
  const order = await listedIds(page);
  await timeline(page).getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/#\/event\/2010-12/);
  const id = new URL(page.url()).hash.match(/#\/event\/([^?]+)/)[1];
  assert.ok(order.includes(id), `${id} is within the window`);
  await context.close();
});

test('the selected event is marked in every lane it is drawn in', async () => {
  const { page, context } = await openPage(env, '#/event/2010-11-27-yang-lavrov-call');
  const current = timeline(page).locator('[aria-current="true"]');
  assert.equal(await current.count(), 2, 'China and Russia lanes');
  assert.deepEqual(
    await current.evaluateAll((all) => all.map((m) => m.dataset.eventId)),
    ['2010-11-27-yang-lavrov-call', '2010-11-27-yang-lavrov-call'],
  );
  // Selecting in the list moves the mark.
  await list(page).locator(`a[data-event-id="${SHELLING}"]`).click();
  await page.waitForURL(new RegExp(SHELLING));
  assert.equal(await timeline(page).locator(`[aria-current="true"][data-event-id="${SHELLING}"]`).count(), 1);
  await context.close();
});

test('an event selected elsewhere is panned and scrolled into view', async () => {
  const { page, context } = await openPage(env, '#/?from=2010-12-13&to=2010-12-19');
  const region = timeline(page);
  await region.getByRole('button', { name: 'Zoom to window' }).click();
  await region.getByRole('button', { name: 'Clear time window' }).click();
  await page.waitForURL((url) => !url.hash.includes('from='));
  assert.equal(await region.locator(`.tl-mark[data-event-id="${SHELLING}"]`).count(), 0, 'off screen at first');
  await list(page).locator(`a[data-event-id="${SHELLING}"]`).click();
  const mark = region.locator(`.tl-mark[aria-current="true"][data-event-id="${SHELLING}"]`);
  await mark.waitFor();
  // Its lane (the two Koreas) lies below the fold of the lanes: it is scrolled to.
  const body = await region.locator('.tl-body').boundingBox();
  const box = await mark.boundingBox();
  assert.ok(box.y >= body.y - 1 && box.y + box.height <= body.y + body.height + 1, 'the mark is visible');
  await context.close();
});

test('playback moves the window day by day and can be paused', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const region = timeline(page);
  await region.getByRole('button', { name: /Play/ }).click();
  await page.waitForURL(/from=2010-10-01&to=2010-10-07/);
  await page.waitForURL(/from=2010-10-02&to=2010-10-08/, { timeout: 5000 });
  assert.deepEqual(await listedIds(page), eventsBetween(hashParams(page).get('from'), hashParams(page).get('to')));
  await region.getByRole('button', { name: /Pause/ }).click();
  const paused = page.url();
  assert.equal(await region.getByRole('button', { name: /Play/ }).getAttribute('aria-pressed'), 'false');
  await page.waitForTimeout(2500);
  assert.equal(page.url(), paused, 'the window stays put after pausing');
  // Playing again continues from the window; a key press (the reader taking over) stops it.
  await region.getByRole('button', { name: /Play/ }).click();
  await page.waitForURL((url) => url.href !== paused, { timeout: 5000 });
  assert.equal(hashParams(page).get('from'), '2010-10-03');
  await region.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('+');
  await region.getByRole('button', { name: /Play/ }).waitFor();
  assert.equal(await region.getByRole('button', { name: /Play/ }).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('with reduced motion, playback jumps a week at a time', async () => {
  const { page, context } = await openPage(env, '#/', { reducedMotion: 'reduce' });
  const region = timeline(page);
  await region.getByLabel('Playback speed').selectOption('fast');
  await region.getByRole('button', { name: /Play/ }).click();
  await page.waitForURL(/from=2010-10-01&to=2010-10-07/);
  await page.waitForFunction(() => !location.hash.includes('from=2010-10-01'), null, { timeout: 10000 });
  assert.equal(hashParams(page).get('from'), '2010-10-08');
  assert.equal(hashParams(page).get('to'), '2010-10-14');
  await region.getByRole('button', { name: /Pause/ }).click();
  await context.close();
});

test('zooming onto a week shows days; dragging pans; the quarter comes back', async () => {
  const { page, context } = await openPage(env, '#/?from=2010-12-13&to=2010-12-19');
  const region = timeline(page);
  await region.getByRole('button', { name: 'Zoom to window' }).click();
  await region.getByRole('button', { name: 'Clear time window' }).click();
  await page.waitForURL((url) => !url.hash.includes('from='));
  const minorLabels = () => region.locator('.tl-tick:not(.major) text').allTextContents();
  assert.deepEqual((await minorLabels()).slice(0, 7), ['13', '14', '15', '16', '17', '18', '19']);
  assert.ok((await region.locator('.tl-label').count()) >= 5, 'marks carry their titles at this zoom');
  await region.screenshot({ path: `${ARTIFACTS}timeline-week.png` });

  // Drag the lanes to the right: earlier days come into view.
  const lanes = await region.locator('svg.tl-lanes').boundingBox();
  const y = lanes.y + 6;
  await drag(page, { x: lanes.x + 300, y }, { x: lanes.x + 430, y });
  const panned = await minorLabels();
  assert.ok(Number(panned[0]) < 13, `panned to earlier days (${panned.join(' ')})`);
  assert.ok(!page.url().includes('/event/'), 'a drag is not a click on a mark');

  // The wheel zooms out around the pointer; the button returns to the quarter.
  await page.mouse.move(lanes.x + 300, y);
  for (let turn = 0; turn < 4; turn += 1) await page.mouse.wheel(0, 600);
  await page.waitForFunction(() => [...document.querySelectorAll('.tl-tick:not(.major) text')].some((t) => /[A-Z]/.test(t.textContent)));
  await region.getByRole('button', { name: 'Oct–Dec' }).click();
  assert.deepEqual(await region.locator('.tl-tick.major text').allTextContents(), ['Oct 2010', 'Nov', 'Dec']);
  await context.close();
});

test('a two-finger pinch zooms the lanes', async () => {
  const { page, context, record } = await openPage(env, '#/', { hasTouch: true });
  const region = timeline(page);
  // (Larger touch targets push the lanes down: bring them on screen before touching them.)
  await region.locator('svg.tl-lanes').scrollIntoViewIfNeeded();
  const box = await region.locator('svg.tl-lanes').boundingBox();
  const labels = () => region.locator('.tl-tick:not(.major) text').allTextContents();
  assert.deepEqual(await labels(), ['1 Oct', '16 Oct', '1 Nov', '16 Nov', '1 Dec', '16 Dec']);
  const cdp = await context.newCDPSession(page);
  const [x, y] = [box.x + 350, box.y + 20];
  const fingers = (spread) => [{ x: x - spread, y, id: 0 }, { x: x + spread, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
  for (let step = 1; step <= 10; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(30 + step * 12) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // Five times closer: the axis now counts days.
  await page.waitForFunction(() => [...document.querySelectorAll('.tl-tick:not(.major) text')].every((t) => /^\d+$/.test(t.textContent)));
  assert.ok((await labels()).length >= 5);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('zooming out to all of 2010 brings Cheonan from the Earlier strip onto the axis', async () => {
  const { page, context } = await openPage(env, '#/');
  const region = timeline(page);
  await region.getByRole('button', { name: 'All 2010' }).click();
  const cheonan = region.locator('.tl-mark[data-event-id="2010-03-26-cheonan-sinking"]');
  await cheonan.first().waitFor();
  assert.match(await cheonan.first().getAttribute('class'), /\bdot\b/);
  assert.equal(await region.locator('.tl-mark.chip[data-event-id="2010-03-26-cheonan-sinking"]').count(), 0);
  // Keyboard zoom works the same way.
  await region.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('-');
  await context.close();
});

test('hovering links the timeline and the list both ways', async () => {
  const { page, context } = await openPage(env, '#/');
  const region = timeline(page);
  const mark = region.locator(`.tl-mark[data-event-id="${SHELLING}"]`).first();
  await mark.hover();
  await list(page).locator('tr.hovered').waitFor();
  assert.equal(await list(page).locator('tr.hovered a').getAttribute('data-event-id'), SHELLING);
  const other = '2010-12-28-cheng-guoping-moscow';
  await list(page).locator(`a[data-event-id="${other}"]`).hover();
  await region.locator(`.tl-mark.linked[data-event-id="${other}"]`).first().waitFor();
  assert.equal(await region.locator('.tl-mark.linked').count(), await region.locator(`.tl-mark[data-event-id="${other}"]`).count());
  await context.close();
});

test('lanes switch to storylines', async () => {
  const { page, context } = await openPage(env, '#/');
  const region = timeline(page);
  await region.getByRole('button', { name: 'Storylines' }).click();
  assert.equal(await region.getByRole('button', { name: 'Storylines' }).getAttribute('aria-pressed'), 'true');
  for (const story of DATASET.storylines) {
    assert.equal(await region.getByRole('group', { name: `${story.title}: ` }).count(), 1, story.title);
  }
  // The joint communiqué belongs to three storylines, so it is drawn three times.
  assert.equal(await region.locator('.tl-mark[data-event-id="2010-11-23-pm-joint-communique"]').count(), 3);
  await context.close();
});

test('the timeline passes an axe audit', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}?from=2010-11-20&to=2010-11-30`, { bypassCSP: true });
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run('.view-timeline', { runOnly: ['wcag2a', 'wcag2aa'] }));
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});

// --- Large datasets: density strips ---

/// The chronicle plus `extra` copies of its single-day events spread over the quarter: a
/// dataset far above the density threshold that still holds every real event.
function crowdedDataset(extra) {
  const data = structuredClone(DATASET);
  const templates = DATASET.events.filter((e) => !e.context && !e.end && e.precision === 'day');
  for (let k = 0; k < extra; k += 1) {
    const event = structuredClone(templates[k % templates.length]);
    event.start = new Date(Date.parse('2010-10-01') + ((k * 7) % QUARTER_DAYS) * DAY_MS).toISOString().slice(0, 10);
    event.id = `${event.start}-crowd-${k}`;
    // A copy is a new event: it has no old ids of its own.
    delete event.former_ids;
    data.events.push(event);
  }
  return data;
}

/// The chronicle's order (src/data/order.rs): by first day; on one day a known time (or part
/// of day) first, then single days, then ranges (shorter first); the id breaks ties. (The
/// crowded copies answer nothing, and the chronicle's own answers already sort after what
/// they answer.)
function chronicleOrder(events) {
  const PART_OF_DAY = { morning: 9 * 60, afternoon: 15 * 60, evening: 19 * 60, night: 22 * 60 };
  const minutes = (e) => (e.time
    ? Number(e.time.slice(0, 2)) * 60 + Number(e.time.slice(3, 5))
    : PART_OF_DAY[e.part_of_day] ?? Infinity);
  const key = (e) => {
    const end = e.end ?? e.start;
    return [e.start, minutes(e) < Infinity ? 0 : end > e.start ? 2 : 1, minutes(e), end, e.id];
  };
  const compare = (a, b) => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  };
  return events.map((e) => [key(e), e.id]).sort(([a], [b]) => compare(a, b)).map(([, id]) => id);
}

/// Events the default view draws: those overlapping the quarter, and background events that
/// began before it (the "Earlier" strip). A date known only to the month covers the month.
function eventsInQuarter(data) {
  const [q0, q1] = [Date.parse('2010-10-01'), Date.parse('2011-01-01')];
  return data.events.filter((e) => {
    let start = Date.parse(e.start);
    let end = Date.parse(e.end ?? e.start) + DAY_MS;
    if (e.precision === 'month' && !e.end) {
      const d = new Date(start);
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    return (e.context && start < q0) || (end > q0 && start < q1);
  }).length;
}

const CROWDED = crowdedDataset(5000);
let crowdedFile;

async function openCrowded(hash = '#/', options = {}) {
  if (!crowdedFile) {
    crowdedFile = join(await mkdtemp(join(tmpdir(), 'korea2010-density-')), 'crowded.json');
    await writeFile(crowdedFile, JSON.stringify(CROWDED));
  }
  const opened = await openPage(env, hash, options);
  await opened.page.locator('#dataset-file').setInputFiles(crowdedFile);
  await opened.page.locator('.dataset-name', { hasText: 'crowded.json' }).waitFor({ timeout: 30000 });
  await timeline(opened.page).locator('.tl-bin').first().waitFor({ timeout: 30000 });
  return opened;
}

/// The count a bar's or chip's title gives ("China: 57 events, 3 Dec 2010").
const countIn = (title) => Number(title.match(/: ([\d,]+) (?:background )?events?\b/)[1].replaceAll(',', ''));

test('a large dataset is drawn as density strips whose counts add up', async () => {
  const { page, context, record } = await openCrowded();
  const region = timeline(page);
  const note = await region.locator('.tl-density-note').textContent();
  const [, shown] = note.match(/^([\d,]+) events: zoom in to see single events$/);
  assert.equal(Number(shown.replaceAll(',', '')), eventsInQuarter(CROWDED));
  // No single marks without a selection, and a bounded drawing.
  assert.equal(await region.locator('.tl-mark').count(), 0);
  const bins = await region.locator('.tl-bin').count();
  assert.ok(bins > 50 && bins <= 6 * QUARTER_DAYS, `${bins} bars`);
  // Each lane's bars and "Earlier" chip add up to the lane's count; the busiest bar is the tallest.
  for (const lane of ['China', 'Russia', 'The two Koreas']) {
    const group = region.getByRole('group', { name: new RegExp(`^${lane}: \\d+ events$`) });
    const total = Number((await group.getAttribute('aria-label')).match(/: (\d+) events/)[1]);
    const bars = await group.locator('.tl-bin').evaluateAll((all) => all.map((g) => ({
      title: g.querySelector('title').textContent,
      height: Number(g.querySelector('.tl-bin-bar').getAttribute('height')),
    })));
    const chips = await group.locator('.tl-earlier-count title').allTextContents();
    const sum = bars.reduce((n, b) => n + countIn(b.title), 0) + chips.reduce((n, t) => n + countIn(t), 0);
    assert.equal(sum, total, lane);
    assert.ok(bars.every((b) => b.title.startsWith(`${lane}: `)));
    // Heights are proportional to the counts, the busiest bar filling the strip.
    const most = Math.max(...bars.map((b) => countIn(b.title)));
    const full = Math.max(...bars.map((b) => b.height));
    for (const b of bars) {
      const expected = Math.max(2, Math.round((countIn(b.title) * full) / most));
      assert.ok(Math.abs(b.height - expected) <= 1, `${b.title}: ${b.height} px, expected ${expected}`);
    }
  }
  // The Korean War and the Cheonan sinking are counted in the Earlier strip of the Koreas.
  const koreas = region.getByRole('group', { name: /^The two Koreas: / });
  assert.ok(countIn(await koreas.locator('.tl-earlier-count title').textContent()) >= 2);
  await region.screenshot({ path: `${ARTIFACTS}timeline-density.png` });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('picking a bar zooms onto its days until single events appear', async () => {
  const { page, context } = await openCrowded();
  const region = timeline(page);
  const day = String(Date.parse('2010-11-23') / DAY_MS);
  const bar = region.getByRole('group', { name: /^The two Koreas: / }).locator(`.tl-bin[data-from="${day}"]`);
  assert.match(await bar.locator('title').textContent(), /^The two Koreas: [\d,]+ events, 23 Nov 2010$/);
  await bar.locator('.tl-bin-track').click();
  // Three days around 23 Nov: few enough events for single, labelled marks.
  await region.locator('.tl-mark').first().waitFor();
  assert.equal(await region.locator('.tl-bin').count(), 0);
  assert.equal(await region.locator('.tl-density-note').count(), 0);
  assert.deepEqual((await region.locator('.tl-tick:not(.major) text').allTextContents()).slice(0, 3), ['22', '23', '24']);
  assert.ok((await region.locator(`.tl-mark[data-event-id="${SHELLING}"]`).count()) >= 1);
  // Back to the quarter: aggregated again. A bar is a button for the keyboard too.
  await region.getByRole('button', { name: 'Oct–Dec' }).click();
  await region.locator('.tl-bin').first().waitFor();
  const first = region.locator('.tl-bin').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await region.locator('.tl-mark').first().waitFor();
  assert.equal(await region.locator('.tl-bin').count(), 0);
  // Focus stayed in the timeline (not the page start), so Tab goes on to the new marks.
  assert.ok(await page.evaluate(() => document.activeElement?.closest('.view-timeline') != null), 'focus stays in the timeline');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('.tl-body') != null), 'Tab reaches the marks');
  await context.close();
});

test('each lane of bars is one tab stop, and the arrow keys move along it', async () => {
  const { page, context } = await openCrowded();
  const region = timeline(page);
  const lanes = await region.locator('.tl-bins').count();
  assert.ok(lanes >= 3);
  assert.equal(await region.locator('.tl-bin[tabindex="0"]').count(), lanes, 'one tab stop per lane');
  const china = region.getByRole('group', { name: /^China: / });
  const bars = china.locator('.tl-bin');
  assert.ok((await bars.count()) > 5);
  const focusedDay = () => page.evaluate(() => document.activeElement?.getAttribute('data-from') ?? null);
  await bars.first().focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedDay(), await bars.nth(1).getAttribute('data-from'));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedDay(), await bars.first().getAttribute('data-from'));
  await page.keyboard.press('End');
  assert.equal(await focusedDay(), await bars.last().getAttribute('data-from'));
  // The lane's one tab stop went along with the focus.
  assert.equal(await china.locator('.tl-bin[tabindex="0"]').count(), 1);
  assert.equal(await bars.last().getAttribute('tabindex'), '0');
  // Tab leaves the lane for the next one's stop.
  await page.keyboard.press('Tab');
  const lane = await page.evaluate(() => document.activeElement?.closest('.tl-lane')?.getAttribute('aria-label'));
  assert.match(lane ?? '', /^Russia: /);
  await context.close();
});

test('in density mode the selected event is still a single, current mark and the keys step on', async () => {
  const { page, context, record } = await openCrowded();
  const region = timeline(page);
  // The link keeps naming the opened file (`data=`), as every in-app link does.
  await page.evaluate((id) => { location.hash = `#/event/${id}?${location.hash.match(/data=[^&]*/)[0]}`; }, SHELLING);
  const current = region.locator(`.tl-mark[aria-current="true"][data-event-id="${SHELLING}"]`);
  await current.first().waitFor();
  assert.ok((await region.locator('.tl-bin').count()) > 0, 'still aggregated');
  assert.equal(await region.locator('.tl-mark').count(), await current.count(), 'only the selection is drawn singly');
  // The arrow keys walk the events in the chronicle's order, as the list has them.
  const order = chronicleOrder(CROWDED.events);
  const next = order[order.indexOf(SHELLING) + 1];
  await current.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(new RegExp(`#/event/${next}`));
  await region.locator(`.tl-mark[aria-current="true"][data-event-id="${next}"]`).first().waitFor();
  assert.equal(await region.locator(`.tl-mark[data-event-id="${SHELLING}"]`).count(), 0);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('in density mode the brush sets the window and dims the bars outside it', async () => {
  const { page, context } = await openCrowded();
  const region = timeline(page);
  await drag(page, await bandPoint(page, dayOfQuarter('2010-12-09') + 0.3), await bandPoint(page, dayOfQuarter('2010-12-18') - 0.3));
  await page.waitForURL(/from=2010-12-09&to=2010-12-17/);
  await region.locator('.tl-bin.outside').first().waitFor();
  const bars = await region.locator('.tl-bin').evaluateAll((all) => all.map((g) => [Number(g.dataset.from), g.classList.contains('outside')]));
  // An event is counted on its first day in view: a day has a lit bar when one of its events
  // overlaps the window (a long one may have begun before it), in the lanes of that event.
  const quarterStart = Date.parse('2010-10-01') / DAY_MS;
  const litDays = new Set(CROWDED.events
    .filter((e) => e.start <= '2010-12-17' && (e.end ?? e.start) >= '2010-12-09')
    .map((e) => Math.max(Date.parse(e.start) / DAY_MS, quarterStart)));
  const [from, to] = [Date.parse('2010-12-09') / DAY_MS, Date.parse('2010-12-17') / DAY_MS];
  assert.ok(bars.some(([d]) => d >= from && d <= to));
  for (const [d, outside] of bars) {
    if (!outside) assert.ok(litDays.has(d), `a bar of day ${d} is lit`);
    if (d >= from && d <= to) assert.equal(outside, false, `a bar of day ${d} is inside the window`);
  }
  for (const d of litDays) assert.ok(bars.some(([day, outside]) => day === d && !outside), `day ${d} has a lit bar`);
  await context.close();
});

test('the density timeline passes an axe audit and reads well in the dark theme', async () => {
  const { page, context } = await openCrowded(`#/event/${SHELLING}`, { bypassCSP: true, colorScheme: 'dark' });
  await timeline(page).locator('.tl-mark[aria-current="true"]').first().waitFor();
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run('.view-timeline', { runOnly: ['wcag2a', 'wcag2aa'] }));
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(problems, []);
  await timeline(page).screenshot({ path: `${ARTIFACTS}timeline-density-dark.png` });
  await context.close();
});
