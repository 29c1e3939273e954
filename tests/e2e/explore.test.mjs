// Exploring: facets, search, tours, sharing, shortcuts, exports — as a reader would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, ready, settledRowCount } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const list = (page) => page.getByRole('region', { name: 'Event list' });
const rows = (page) => list(page).locator('tbody tr');
const details = (page) => page.getByRole('region', { name: 'Details' });

async function eventIds(page) {
  return list(page).locator('tbody tr a[data-event-id]').evaluateAll((links) => links.map((a) => a.dataset.eventId));
}

test('the folded Actor facet makes its checkboxes when unfolded, and they filter like the others', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const facet = page.locator('details.facet', { has: page.locator('summary', { hasText: 'Actor' }) });
  assert.equal(await facet.evaluate((d) => d.open), false, 'folded at first');
  assert.equal(await facet.locator('input[type="checkbox"]').count(), 0, 'no checkboxes made while folded');
  await facet.locator('summary').click();
  const lavrov = facet.locator('input[data-facet="actor"][data-value="sergey-lavrov"]');
  await lavrov.waitFor({ timeout: 5000 });
  assert.ok(await facet.locator('input[type="checkbox"]').count() > 20, 'every actor once unfolded');
  const count = Number(await facet.locator('label[for="facet-actor-sergey-lavrov"] .facet-count').textContent());
  await lavrov.check();
  await page.waitForURL(/actor=sergey-lavrov/);
  assert.equal(await settledRowCount(page), count, 'the actor count predicted the list');
  // Folded again, the facet keeps its checkboxes (and its checked one) as they were.
  await facet.locator('summary').click();
  assert.equal(await facet.evaluate((d) => d.open), false);
  assert.equal(await lavrov.isChecked(), true);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('on a phone the facets start folded, make their checkboxes when opened, and stay open when cleared', async () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const { page, context, record } = await openPage(env, '#/', phone);
  await page.locator('#filter-rail details.facet').first().waitFor({ timeout: 20000 });
  const facets = page.locator('#filter-rail details.facet');
  assert.equal(await facets.count(), 4);
  assert.deepEqual(await facets.evaluateAll((all) => all.map((d) => d.open)), [false, false, false, false], 'every facet folded');
  assert.equal(await page.locator('#filter-rail input[type="checkbox"]').count(), 0, 'no checkboxes made while folded');

  const country = page.locator('details.facet', { has: page.locator('summary', { hasText: 'Country' }) });
  await country.locator('summary').click();
  const russia = country.locator('input[data-facet="country"][data-value="russia"]');
  await russia.waitFor({ timeout: 5000 });
  assert.equal(await page.locator('input[data-facet="story"]').count(), 0, 'the other facets still have none');
  const count = Number(await country.locator('label[for="facet-country-russia"] .facet-count').textContent());
  await russia.check();
  await page.waitForURL(/country=russia/);
  const summary = page.locator('#filter-rail .filter-summary');
  await page.waitForFunction((n) => document.querySelector('#filter-rail .filter-summary')?.textContent.startsWith(`${n} of `), count);
  assert.match(await summary.textContent(), new RegExp(`^${count} of \\d+ events`), 'the count predicted what is shown');
  await russia.uncheck();
  await page.waitForURL((url) => !/country=/.test(url.hash));
  assert.equal(await country.evaluate((d) => d.open), true, 'clearing its value does not fold it away');
  assert.equal(await russia.isChecked(), false);
  assert.deepEqual(record.errors, []);
  await context.close();

  // A link with a filter in force opens that facet, and only that one.
  const linked = await openPage(env, '#/?kind=meeting', phone);
  const kind = linked.page.locator('details.facet', { has: linked.page.locator('summary', { hasText: 'Kind of event' }) });
  await kind.locator('input[data-value="meeting"]').waitFor({ timeout: 20000 });
  assert.equal(await kind.evaluate((d) => d.open), true, 'the chosen facet is open');
  assert.equal(await kind.locator('input[data-value="meeting"]').isChecked(), true);
  assert.deepEqual(await linked.page.locator('#filter-rail details.facet').evaluateAll((all) => all.filter((d) => d.open).length), 1);
  await linked.context.close();
});

test('storyline Korea crisis and country Russia leave only Russia’s Korea events, and the counts agree', async () => {
  const { page, context } = await openPage(env, '#/');
  const story = page.locator('input[data-facet="story"][data-value="korea-crisis"]');
  const storyCount = Number(await page.locator('label[for="facet-story-korea-crisis"] .facet-count').textContent());
  await story.check();
  await page.waitForURL(/story=korea-crisis/);
  assert.equal(await settledRowCount(page), storyCount, 'the storyline count predicted the list');
  const russiaCount = Number(await page.locator('label[for="facet-country-russia"] .facet-count').textContent());
  await page.locator('input[data-facet="country"][data-value="russia"]').check();
  await page.waitForURL(/country=russia/);
  assert.equal(await settledRowCount(page), russiaCount, 'the country count predicted the list');
  assert.match(await page.locator('.filter-summary').textContent(), new RegExp(`^${russiaCount} of \\d+ events`));
  // Every remaining row is a Korea-crisis event with a Russian participant.
  for (const id of await eventIds(page)) {
    const row = list(page).locator(`tr:has(a[data-event-id="${id}"])`);
    assert.match(await row.locator('.col-stories').textContent(), /Korea crisis/);
  }
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.waitForURL((url) => !url.hash.includes('story='));
  assert.ok((await settledRowCount(page)) > russiaCount);
  await context.close();
});

for (const query of ['lavrov', 'Лавров']) {
  test(`searching “${query}” finds Lavrov’s events and highlights the match`, async () => {
    const { page, context } = await openPage(env, '#/');
    await page.keyboard.press('/');
    const search = page.getByLabel('Search events, people, places');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', '“/” focuses search');
    await search.pressSequentially(query, { delay: 20 });
    await page.waitForURL(/q=/);
    const ids = await eventIds(page);
    assert.ok(ids.length > 0 && ids.length < 30, `${ids.length} results`);
    assert.ok(ids.includes('2010-11-27-yang-lavrov-call') || ids.some((id) => id.includes('lavrov')), ids.join());
    // One history entry for the whole search, not one per keystroke.
    await page.goBack();
    await page.waitForURL((url) => !url.hash.includes('q='));
    await context.close();
  });
}

test('“/” focuses an empty search box, Enter opens the first result, and stepping from a row keeps the focus on the rows', async () => {
  const { page, context } = await openPage(env, '#/');
  await page.keyboard.press('/');
  const search = page.getByLabel('Search events, people, places');
  assert.equal(await search.inputValue(), '', 'the “/” that focused the box is not typed into it');
  await page.keyboard.type('Lavrov', { delay: 20 });
  await page.waitForURL(/q=Lavrov$/);
  const [first, second] = await eventIds(page);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/event/${first}\\?q=Lavrov$`));
  // Stepping with → from the selected row: the focus moves to the new row.
  await list(page).locator(`a[data-event-id="${first}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(new RegExp(`#/event/${second}`));
  await page.waitForFunction((id) => document.activeElement?.dataset.eventId === id
    && document.activeElement.closest('#event-list') !== null, second);
  await context.close();
});

test('an actor’s event count in the details is the one the country filter gives, inside the window', async () => {
  const { page, context } = await openPage(env, '#/actor/russia?from=2010-11-23&to=2010-11-30');
  const heading = details(page).locator('h3', { hasText: /^Events/ });
  await heading.waitFor();
  const [, inView, total] = (await heading.textContent()).match(/\((\d+) of (\d+) in view\)/);
  const facet = Number(await page.locator('label[for="facet-country-russia"] .facet-count').textContent());
  assert.equal(Number(inView), facet, await heading.textContent());
  assert.ok(Number(total) > Number(inView));
  assert.match(await heading.textContent(), /with its people/);
  // The network's node says the same number, and what it counts.
  const node = page.getByRole('region', { name: 'Actors' }).locator('a[data-actor-id="russia"]');
  const name = await node.getAttribute('aria-label');
  assert.match(name, new RegExp(`, ${facet} of ${total} events in view, including its people's$`), name);
  assert.equal(await node.locator('title').textContent(), name);
  assert.equal(await page.locator('label[for="facet-country-russia"] .facet-count').getAttribute('title'),
    `${facet} events with the other filters`);
  await context.close();
});

test('events far longer than the time window are listed after it and counted apart', async () => {
  const { page, context } = await openPage(env, '#/?from=2010-11-23&to=2010-11-30');
  await rows(page).first().waitFor();
  const flags = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.classList.contains('background')));
  const firstBackground = flags.indexOf(true);
  assert.ok(firstBackground > 0, 'some events only span the week');
  assert.ok(flags.slice(firstBackground).every(Boolean), 'they all come after the week’s own events');
  const count = await page.locator('.app-count').textContent();
  const spanning = flags.length - firstBackground;
  assert.match(count, new RegExp(`^${firstBackground} of \\d+ events in the window, and ${spanning} longer events? spanning it$`));
  await context.close();
});

test('a guided tour can be walked from start to end with the details following', async () => {
  const { page, context } = await openPage(env, '#/');
  await page.getByRole('link', { name: 'Wen Jiabao\'s journey' }).click();
  await page.waitForURL(/tour=wen-visit/);
  const kicker = page.locator('.tour-kicker');
  const steps = Number((await kicker.textContent()).match(/of (\d+)/)[1]);
  const seen = new Set();
  for (let step = 1; step <= steps; step += 1) {
    assert.match(await kicker.textContent(), new RegExp(`Step ${step} of ${steps}`));
    seen.add(await details(page).locator('#details-heading').textContent());
    if (step < steps) {
      const before = page.url();
      await page.getByRole('link', { name: 'Next step →' }).click();
      await page.waitForURL((url) => url.href !== before);
    }
  }
  assert.equal(seen.size, steps, 'each step shows a different event');
  assert.equal(await page.locator('.tour-nav a[rel="next"]').count(), 0, 'no next step at the end');
  await page.getByRole('link', { name: 'End tour' }).click();
  await page.waitForURL((url) => !url.hash.includes('tour='));
  await context.close();
});

test('the copied link reproduces the same state in a fresh page', async () => {
  const { page, context } = await openPage(env, '#/event/2010-11-23-yeonpyeong-shelling?story=korea-crisis&from=2010-11-01&to=2010-12-31');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  const heading = await details(page).locator('#details-heading').textContent();
  const count = await settledRowCount(page);
  const fresh = await context.newPage();
  await fresh.goto(copied);
  await ready(fresh);
  assert.equal(await details(fresh).locator('#details-heading').textContent(), heading);
  assert.equal(await rows(fresh).count(), count);
  assert.match(await fresh.title(), /Yeonpyeong/);
  await context.close();
});

test('Escape clears the selection and “?” opens the keyboard help', async () => {
  const { page, context } = await openPage(env, '#/event/2010-11-23-yeonpyeong-shelling');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match(page.url(), /event\//, 'the first Escape only closed the help');
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.hash.includes('/event/'));
  await context.close();
});

test('each export downloads a file that parses and matches the shown events', async () => {
  const { page, context } = await openPage(env, '#/?story=korea-crisis&country=russia');
  const shown = await settledRowCount(page);
  await page.locator('.export summary').click();
  const fetchExport = async (format) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`.export button[data-format="${format}"]`).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^korea2010-korea-crisis-russia\\.${format}$`));
    return readFile(await download.path(), 'utf8');
  };
  const csv = await fetchExport('csv');
  assert.equal(csv.trim().split('\r\n').length, shown + 1);
  const json = JSON.parse(await fetchExport('json'));
  assert.equal(json.events.length, shown);
  const geojson = JSON.parse(await fetchExport('geojson'));
  assert.equal(geojson.type, 'FeatureCollection');
  assert.ok(geojson.features.length > 0);
  const ics = await fetchExport('ics');
  assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, shown);
  for (const text of [csv, JSON.stringify(json), JSON.stringify(geojson), ics]) {
    assert.match(text, /Coping with Korea/);
  }
  await context.close();
});

test('printing renders the full chronology of the shown events, and only while printing', async () => {
  const { page, context, record } = await openPage(env, '#/?story=korea-crisis');
  const list = page.getByRole('region', { name: 'Event list' });
  await list.locator('tbody tr').first().waitFor();
  const shown = await list.locator('tbody tr a[data-event-id]').count();
  const printed = page.locator('.print-chronology article');
  assert.equal(await printed.count(), 0, 'no printout in the DOM on screen');
  await page.emulateMedia({ media: 'print' });
  await printed.first().waitFor({ state: 'attached' });
  assert.equal(await printed.count(), shown);
  assert.ok(await printed.first().isVisible(), 'the printout is visible in print media');
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => document.querySelectorAll('.print-chronology article').length === 0);
  assert.deepEqual(record.errors, []);
  await context.close();
});
