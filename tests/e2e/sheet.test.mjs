// The details sheet on a phone (390×844, touch) in Chromium: it snaps to a peek (title,
// date, Previous/Next), half and full height; the map fits the space above it; "Close"
// lowers it and keeps the selection; starting a tour leaves the map in sight. Screenshots
// of the three heights, light and dark, go to the artifacts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

// Without the sheet's height transition, so what is measured is where it rests.
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' };
const MEETING = '2010-11-24-wen-medvedev-meeting';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const details = (page) => page.getByRole('region', { name: 'Details' });
const sheet = (page) => page.locator('.layout .side');
const handle = (page) => page.locator('.sheet-handle');
const snap = (page) => page.locator('.layout').getAttribute('data-sheet');
const box = (locator) => locator.boundingBox();

/// Waits until the sheet rests at `height` (its transition over).
async function settled(page, height) {
  await page.waitForFunction((h) => document.querySelector('.layout')?.dataset.sheet === h, height);
  await page.waitForFunction(() => new Promise((done) => {
    const side = document.querySelector('.layout .side');
    const first = side.getBoundingClientRect().top;
    setTimeout(() => done(side.getAnimations().length === 0 && side.getBoundingClientRect().top === first), 150);
  }));
}

/// The map's drawing ends above the sheet, and the selection's mark is inside both.
async function mapFitsAbove(page, placeId) {
  const frame = await box(page.locator('.map-frame'));
  const top = (await box(sheet(page))).y;
  assert.ok(frame.y >= 0, `the map starts on screen (${frame.y})`);
  assert.ok(frame.y + frame.height <= top + 1, `the map ends above the sheet (${frame.y + frame.height} > ${top})`);
  assert.ok(frame.height >= 140, `the map keeps some height (${frame.height})`);
  if (placeId) {
    const mark = await box(page.locator(`.map-mark[data-place-id="${placeId}"]`).first());
    const cy = mark.y + mark.height / 2;
    assert.ok(cy > frame.y && cy < frame.y + frame.height, `${placeId} is in sight above the sheet`);
  }
}

test('a shared link opens the sheet at half height with the map fitted above it', async () => {
  const { page, context, record } = await openPage(env, `#/event/${MEETING}?view=map`, PHONE);
  await settled(page, 'half');
  const sheetBox = await box(sheet(page));
  assert.ok(Math.abs(sheetBox.height - 422) <= 2, `half of the screen (${sheetBox.height})`);
  assert.equal(await details(page).locator('#details-heading').textContent(), 'Wen meets Medvedev and raises Korea');
  await mapFitsAbove(page, 'moscow');
  // The link's first fit is the one the map's final size calls for: fitting the selection
  // again, by hand, changes nothing.
  const zoom = () => page.locator('.map-svg').getAttribute('data-zoom');
  const first = await zoom();
  await page.getByRole('button', { name: 'Fit the selection' }).click();
  await page.waitForTimeout(300);
  assert.equal(await zoom(), first, 'the first fit was made for the map above the sheet');
  await page.screenshot({ path: `${ARTIFACTS}/sheet-half.png` });
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('the handle snaps the sheet to full height and to its peek, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(env, `#/event/${MEETING}?view=map`, { ...PHONE, colorScheme });
    await settled(page, 'half');
    const suffix = colorScheme === 'dark' ? '-dark' : '';
    if (colorScheme === 'dark') await page.screenshot({ path: `${ARTIFACTS}/sheet-half${suffix}.png` });
    assert.equal(await handle(page).getAttribute('aria-label'), 'Show the details full height');
    await handle(page).click();
    await settled(page, 'full');
    const full = await box(sheet(page));
    assert.ok(full.y <= 60 && full.y >= 50, `a strip of the view stays above (${full.y})`);
    await page.screenshot({ path: `${ARTIFACTS}/sheet-full${suffix}.png` });

    assert.equal(await handle(page).getAttribute('aria-label'), 'Show less of the details');
    await handle(page).click();
    await settled(page, 'peek');
    const peek = await box(sheet(page));
    assert.ok(peek.height < 220, `a peek is short (${peek.height})`);
    // The peek shows the title, the date and Previous/Next, whole.
    for (const part of [details(page).locator('#details-heading'), details(page).locator('.details-date'),
      details(page).getByRole('link', { name: /^← Previous/ }), details(page).getByRole('link', { name: /^Next →/ })]) {
      const b = await box(part);
      assert.ok(b.y >= peek.y && b.y + b.height <= peek.y + peek.height + 1, 'inside the peek');
    }
    await mapFitsAbove(page, 'moscow');
    await page.screenshot({ path: `${ARTIFACTS}/sheet-peek${suffix}.png` });
    await context.close();
  }
});

test('Close lowers the sheet to its peek and keeps the selection; Next keeps the peek', async () => {
  const { page, context } = await openPage(env, `#/event/${MEETING}?view=map`, PHONE);
  await settled(page, 'half');
  const frameBefore = await box(page.locator('.map-frame'));
  await details(page).getByRole('button', { name: 'Close' }).click();
  await settled(page, 'peek');
  assert.match(page.url(), new RegExp(`#/event/${MEETING}`));
  assert.equal(await details(page).locator('#details-heading').textContent(), 'Wen meets Medvedev and raises Korea');
  assert.equal(await page.locator(`.map-mark[aria-current="true"]`).count() > 0, true, 'still selected on the map');
  assert.ok((await box(page.locator('.map-frame'))).height > frameBefore.height + 150, 'the map takes the room');

  await details(page).getByRole('link', { name: /^Next →/ }).click();
  await page.waitForFunction((id) => !location.hash.includes(id), MEETING);
  assert.equal(await snap(page), 'peek');

  // At the peek the button clears the selection.
  await details(page).getByRole('button', { name: 'Clear the selection' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/?') || location.hash === '#/');
  assert.equal(await page.locator('.layout').getAttribute('data-sheet'), null);
  await context.close();
});

test('dragging the handle down lets the sheet rest at its peek', async () => {
  const { page, context } = await openPage(env, `#/event/${MEETING}?view=map`, PHONE);
  await settled(page, 'half');
  const grip = await box(handle(page));
  const x = grip.x + grip.width / 2;
  const y = grip.y + grip.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) {
    await page.mouse.move(x, y + step * 25);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  await settled(page, 'peek');
  await context.close();
});

test('starting a tour from the list of tours leaves the map in sight above the sheet', async () => {
  const { page, context } = await openPage(env, '#/?view=map', PHONE);
  const tour = page.getByRole('link', { name: 'Wen Jiabao\'s journey' });
  // The reader has scrolled down past the map to the tours.
  await page.evaluate(() => window.scrollTo(0, 400));
  await tour.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 300, 'the page is scrolled past the map');
  await tour.click();
  await page.waitForFunction(() => location.hash.includes('tour='));
  await settled(page, 'half');
  await mapFitsAbove(page);
  const tabs = await box(page.locator('.view-tabs'));
  const view = await box(page.getByRole('region', { name: 'Map' }));
  assert.ok(Math.abs(view.y - (tabs.y + tabs.height)) <= 2, `the map starts under the tabs (${view.y})`);
  await page.screenshot({ path: `${ARTIFACTS}/sheet-tour.png` });
  await context.close();
});
