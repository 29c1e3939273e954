// The Actors view in Chromium, used as a reader would: deep links to actors and events,
// the time window, a stable layout, hover, keyboard, zoom and pan, ego mode and the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launch, openPage, cspViolations, ARTIFACTS } from './harness.mjs';

const YANG = 'yang-jiechi';
const LAVROV = 'sergey-lavrov';
const ISLAMABAD_CALL = '2010-12-18-yang-lavrov-call';
const NOVEMBER = 'from=2010-11-01&to=2010-11-30';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const actors = (page) => page.getByRole('region', { name: 'Actors' });
const details = (page) => page.getByRole('region', { name: 'Details' });
const node = (page, id) => actors(page).locator(`a.actor-node[data-actor-id="${id}"]`);
const edge = (page, a, b) =>
  actors(page).locator(`.actor-edge[data-a="${a}"][data-b="${b}"], .actor-edge[data-a="${b}"][data-b="${a}"]`);

/// Opens a link and waits until the network is drawn (it is laid out just after first paint).
async function open(hash, options) {
  const opened = await openPage(env, hash, options);
  await actors(opened.page).locator('a.actor-node').first().waitFor({ timeout: 20000 });
  return opened;
}

async function currentActors(page) {
  const ids = await actors(page).locator('a.actor-node[aria-current="true"]')
    .evaluateAll((els) => els.map((el) => el.dataset.actorId));
  return ids.sort();
}

/// Every drawn node: id, layout position and screen position.
async function positions(page) {
  return actors(page).locator('a.actor-node').evaluateAll((els) => els.map((el) => {
    const dot = el.querySelector('.actor-dot');
    return [el.dataset.actorId, el.dataset.x, el.dataset.y, dot.getAttribute('cx'), dot.getAttribute('cy')];
  }));
}

async function zoom(page) {
  return Number(await actors(page).locator('.actors-svg').getAttribute('data-zoom'));
}

test('a link to Yang Jiechi shows his profile and marks his node as current', async () => {
  const { page, context, record } = await open(`#/actor/${YANG}`);
  assert.equal(await details(page).locator('#details-heading').textContent(), 'Yang Jiechi');
  assert.deepEqual(await currentActors(page), [YANG]);
  const yang = node(page, YANG);
  assert.match(await yang.getAttribute('aria-label'), /^Yang Jiechi, China, 5 events$/);
  assert.match(await yang.getAttribute('href'), /#\/actor\/yang-jiechi$/);
  // His ties are emphasised: the one with Lavrov carries the selection.
  assert.match(await edge(page, YANG, LAVROV).getAttribute('class'), /is-current/);
  // Every node is focusable and named with its affiliation and number of events.
  const names = await actors(page).locator('a.actor-node').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  assert.ok(names.length >= 60, `${names.length} nodes`);
  for (const name of names) assert.match(name, /^.+, .+, \d+ events?(, including its people's)?$/);
  const layoutMs = await actors(page).locator('.actors-svg').getAttribute('data-layout-ms');
  console.log(`# network graph + layout in the browser: ${layoutMs} ms`);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('selecting the Dec 18 Islamabad call marks both participants in the network', async () => {
  const { page, context } = await open('#/');
  assert.deepEqual(await currentActors(page), []);
  await page.getByRole('region', { name: 'Event list' }).locator(`a[data-event-id="${ISLAMABAD_CALL}"]`).click();
  await page.waitForURL(new RegExp(ISLAMABAD_CALL));
  await actors(page).locator('a.actor-node[aria-current="true"]').nth(1).waitFor();
  assert.deepEqual(await currentActors(page), [LAVROV, YANG].sort());
  const tie = edge(page, YANG, LAVROV);
  assert.match(await tie.getAttribute('class'), /is-current/);
  // Yang placed both calls: the tie has one arrowhead, and says who initiated.
  assert.equal(await tie.locator('.actor-arrow').count(), 1);
  assert.match(await tie.locator('title').textContent(), /2 initiated by Yang Jiechi/);
  await context.close();
});

test('with the window set to November, December-only contacts disappear', async () => {
  const all = await open('#/');
  assert.equal(await edge(all.page, 'li-hui', 'alexei-borodavkin').count(), 1);
  assert.equal(await edge(all.page, 'dai-bingguo', 'kim-jong-il').count(), 1);
  assert.equal(await edge(all.page, YANG, LAVROV).getAttribute('data-weight'), '3');
  await all.context.close();

  const { page, context } = await open(`#/?${NOVEMBER}`);
  // Li Hui met Borodavkin on Dec 16 and Dai Bingguo saw Kim Jong Il on Dec 8: both ties go.
  assert.equal(await edge(page, 'li-hui', 'alexei-borodavkin').count(), 0);
  assert.equal(await edge(page, 'dai-bingguo', 'kim-jong-il').count(), 0);
  // Li Hui has no event left: a faint ghost, neither a link nor in the tab order.
  assert.equal(await node(page, 'li-hui').count(), 0);
  assert.equal(await actors(page).locator('.actor-ghost[data-actor-id="li-hui"]').count(), 1);
  // Yang and Lavrov met in Wuhan and spoke on Nov 27; the Dec 18 call no longer counts.
  assert.equal(await edge(page, YANG, LAVROV).getAttribute('data-weight'), '2');
  assert.match(await node(page, YANG).getAttribute('aria-label'), /4 of 5 events in view$/);
  await context.close();
});

test('two loads of the same link give identical positions, whatever the filters', async () => {
  const first = await open(`#/event/${ISLAMABAD_CALL}?${NOVEMBER}`);
  const a = await positions(first.page);
  await first.context.close();
  const second = await open(`#/event/${ISLAMABAD_CALL}?${NOVEMBER}`);
  const b = await positions(second.page);
  await second.context.close();
  assert.ok(a.length > 30);
  assert.deepEqual(a, b);
  // The layout is the whole dataset's: filtering hides nodes but moves none.
  const unfiltered = await open('#/');
  const c = new Map((await positions(unfiltered.page)).map(([id, x, y]) => [id, `${x},${y}`]));
  await unfiltered.context.close();
  for (const [id, x, y] of a) assert.equal(c.get(id), `${x},${y}`, id);
});

test('hover lights up an actor and their contacts, here and from the other views', async () => {
  const { page, context } = await open('#/');
  await node(page, YANG).hover();
  await actors(page).locator(`a.actor-node.is-pinned[data-actor-id="${YANG}"]`).waitFor();
  assert.match(await node(page, LAVROV).getAttribute('class'), /is-lit/);
  assert.match(await node(page, 'li-hui').getAttribute('class'), /is-faded/);
  assert.match(await edge(page, YANG, LAVROV).getAttribute('class'), /is-lit/);
  // The hovered actor's label always shows.
  assert.equal(await actors(page).locator('.actor-label.is-pinned').textContent(), 'Yang Jiechi');

  // Pointing at the call in the event list lights up its two participants.
  await page.mouse.move(0, 0);
  await page.getByRole('region', { name: 'Event list' }).locator(`a[data-event-id="${ISLAMABAD_CALL}"]`).hover();
  await actors(page).locator(`a.actor-node.is-lit[data-actor-id="${LAVROV}"]`).waitFor();
  const lit = await actors(page).locator('a.actor-node.is-lit').evaluateAll((els) => els.map((el) => el.dataset.actorId));
  assert.deepEqual(lit.sort(), [LAVROV, YANG].sort());
  await context.close();
});

test('clicking a node opens the actor, and arrow keys move between nodes', async () => {
  const { page, context } = await open('#/');
  await node(page, LAVROV).click();
  await page.waitForURL(/#\/actor\/sergey-lavrov/);
  // The details render just after the link changes: wait for them, then check.
  await details(page).locator('#details-heading', { hasText: 'Sergey Lavrov' }).waitFor({ timeout: 5000 });
  assert.equal(await details(page).locator('#details-heading').textContent(), 'Sergey Lavrov');

  await node(page, YANG).focus();
  const before = await node(page, YANG).boundingBox();
  await page.keyboard.press('ArrowDown');
  const moved = await page.evaluate(() => document.activeElement?.dataset?.actorId);
  assert.ok(moved && moved !== YANG, `focus moved to ${moved}`);
  const after = await node(page, moved).boundingBox();
  assert.ok(after.y > before.y, 'ArrowDown moved down');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/actor/${moved}`));
  assert.deepEqual(await currentActors(page), [moved]);
  await context.close();
});

test('the network zooms and pans with buttons, keys, wheel and drag', async () => {
  const { page, context } = await open('#/');
  const url = page.url();
  const historyLength = await page.evaluate(() => history.length);
  const start = await zoom(page);
  await actors(page).getByRole('button', { name: 'Zoom the network in' }).click();
  assert.ok(await zoom(page) > start);
  await node(page, YANG).focus();
  const zoomed = await zoom(page);
  await page.keyboard.press('-');
  assert.ok(await zoom(page) < zoomed);
  await actors(page).getByRole('button', { name: 'Show the whole network' }).click();
  assert.equal(await zoom(page), start);

  const box = await actors(page).locator('.actors-svg').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await page.waitForFunction((k) => Number(document.querySelector('.actors-svg').dataset.zoom) > k, start);

  // A drag that starts on a node pans the drawing and does not open the node.
  const dot = await node(page, YANG).boundingBox();
  const cx = dot.x + dot.width / 2;
  const cy = dot.y + dot.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 30, cy + 20, { steps: 5 });
  await page.mouse.up();
  const after = await node(page, YANG).boundingBox();
  assert.ok(Math.abs(after.x - dot.x - 30) < 2 && Math.abs(after.y - dot.y - 20) < 2, JSON.stringify({ dot, after }));
  await page.waitForTimeout(100);
  // The link follows the zoom and the pan (netview=), in place; no actor was opened.
  const route = (href) => new URL(href).hash.split('?')[0];
  assert.equal(route(page.url()), route(url), 'the drag did not navigate');
  assert.equal(await page.evaluate(() => history.length), historyLength, 'nor add a step');
  await context.close();
});

test('ego mode shows only the selected actor and those they dealt with', async () => {
  const { page, context } = await open(`#/actor/${YANG}`);
  const all = await actors(page).locator('a.actor-node').count();
  await actors(page).getByRole('button', { name: 'Ego' }).click();
  await actors(page).getByRole('status').filter({ hasText: 'Showing Yang Jiechi' }).waitFor();
  const drawn = await actors(page).locator('a.actor-node').evaluateAll((els) => els.map((el) => el.dataset.actorId));
  assert.ok(drawn.length < all && drawn.length >= 4, `${drawn.length} of ${all}`);
  assert.ok(drawn.includes(YANG) && drawn.includes(LAVROV));
  assert.ok(!drawn.includes('li-hui'));
  // Every other node drawn is tied to Yang.
  for (const id of drawn.filter((id) => id !== YANG)) assert.equal(await edge(page, YANG, id).count(), 1, id);
  await actors(page).getByRole('button', { name: 'Ego' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.view-actors a.actor-node').length === n, all);
  await context.close();
});

test('the table of actors is sortable and follows filters and selection', async () => {
  const { page, context } = await open(`#/actor/${YANG}?${NOVEMBER}`);
  await actors(page).getByRole('button', { name: 'Table' }).click();
  const table = actors(page).getByRole('table');
  await table.waitFor();
  const names = () => table.locator('tbody th a').evaluateAll((els) => els.map((el) => el.dataset.actorId));
  const rows = await names();
  assert.ok(rows.length > 20);
  assert.ok(!rows.includes('li-hui'), 'no December-only actor');
  assert.equal(await table.locator(`a[data-actor-id="${YANG}"]`).getAttribute('aria-current'), 'true');
  // Busiest first by default; Name sorts A→Z, and again Z→A.
  assert.equal(await table.getByRole('columnheader', { name: /Events/ }).getAttribute('aria-sort'), 'descending');
  await table.getByRole('button', { name: 'Name' }).click();
  const nameHeader = table.getByRole('columnheader', { name: /Name/ });
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
  const labels = await table.locator('tbody th a').allTextContents();
  assert.deepEqual(labels, [...labels].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
  await table.getByRole('button', { name: 'Name' }).click();
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
  await context.close();
});

test('the Actors view passes an axe audit', async () => {
  const { page, context } = await open(`#/event/${ISLAMABAD_CALL}?${NOVEMBER}`, { bypassCSP: true });
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const audit = () => page.evaluate(() => window.axe.run('.view-actors', { runOnly: ['wcag2a', 'wcag2aa'] }));
  const problems = (result) => result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(problems(await audit()), []);
  await actors(page).getByRole('button', { name: 'Table' }).click();
  await actors(page).getByRole('table').waitFor();
  assert.deepEqual(problems(await audit()), []);
  await context.close();
});

test('screenshots of the network', async () => {
  const { page, context } = await open(`#/event/${ISLAMABAD_CALL}`);
  await actors(page).screenshot({ path: `${ARTIFACTS}actors-network.png` });
  await actors(page).getByRole('button', { name: 'Maximise the actors' }).click();
  await page.waitForURL(/stage=actors/);
  await page.waitForFunction(() => document.querySelector('.view-actors').getBoundingClientRect().width > 600);
  await page.waitForTimeout(100);
  // On stage, every actor is labelled.
  const labels = await actors(page).locator('.actor-label').count();
  assert.equal(labels, await actors(page).locator('a.actor-node').count());
  await page.screenshot({ path: `${ARTIFACTS}actors-network-enlarged.png` });
  // The first Escape clears the selection, the next gives the stage back.
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.hash.includes(ISLAMABAD_CALL));
  assert.match(page.url(), /stage=actors/);
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.hash.includes('stage='));
  await page.getByRole('region', { name: 'Map', exact: true }).waitFor();
  await context.close();
});
