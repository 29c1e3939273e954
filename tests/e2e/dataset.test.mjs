// Opening other dataset files: a good one replaces the data, a bad one is explained and
// the current data stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, settledRowCount } from './harness.mjs';

let env;
let dir;
let dataset;
before(async () => {
  env = await launch();
  dir = await mkdtemp(join(tmpdir(), 'korea2010-datasets-'));
  dataset = JSON.parse(await readFile(new URL('../../src/data/dataset.json', import.meta.url), 'utf8'));
});
after(async () => { await env?.close(); });

const rows = (page) => page.getByRole('region', { name: 'Event list' }).locator('tbody tr');

async function file(name, text) {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

test('a valid dataset file replaces the data, and the built-in one comes back', async () => {
  const { page, context, record } = await openPage(env, '#/');
  const builtIn = await settledRowCount(page);
  const smaller = structuredClone(dataset);
  smaller.events = smaller.events.filter((e) => e.storylines.includes('wen-visit'));
  smaller.storylines = smaller.storylines.map((s) => ({ ...s, tour: s.tour.filter((t) => smaller.events.some((e) => e.id === t.event)) }));
  smaller.lines = smaller.lines
    .map((l) => ({ ...l, events: l.events.filter((id) => smaller.events.some((e) => e.id === id)) }))
    .filter((l) => l.events.length > 0);
  await page.locator('#dataset-file').setInputFiles(await file('wen-only.json', JSON.stringify(smaller)));
  await page.locator('.dataset-name', { hasText: 'wen-only.json' }).waitFor();
  assert.equal(await settledRowCount(page), smaller.events.length);
  await page.getByRole('button', { name: 'Back to the built-in dataset' }).click();
  await page.locator('.dataset-name', { hasText: 'Built-in' }).waitFor();
  assert.equal(await settledRowCount(page), builtIn);
  assert.deepEqual(record.errors, []);
  await context.close();
});

const broken = [
  ['not-json.json', () => '{ "events": [', /not a valid dataset/],
  ['dangling-actor.json', () => {
    const copy = structuredClone(dataset);
    copy.events[5].participants[0].actor = 'nobody-at-all';
    return JSON.stringify(copy);
  }, /participants\[0\]\.actor`: `nobody-at-all` is not an actor/],
  ['bad-date.json', () => {
    const copy = structuredClone(dataset);
    copy.events[7].start = '2010-13-45';
    return JSON.stringify(copy);
  }, /field `start`: `2010-13-45` is not a date/],
];

for (const [name, make, expected] of broken) {
  test(`a malformed dataset (${name}) is explained and the current data stays`, async () => {
    const { page, context, record } = await openPage(env, '#/event/2010-11-23-yeonpyeong-shelling');
    const before = await settledRowCount(page);
    await page.locator('#dataset-file').setInputFiles(await file(name, make()));
    const alert = page.getByRole('alert', { name: 'Dataset problems' });
    await alert.waitFor();
    assert.match(await alert.textContent(), expected);
    assert.equal(await settledRowCount(page), before, 'the data is unchanged');
    assert.match(await page.locator('.dataset-name').textContent(), /Built-in/);
    // Still usable.
    await rows(page).nth(2).getByRole('link').click();
    await page.waitForURL((url) => !url.hash.includes('yeonpyeong-shelling'));
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}
