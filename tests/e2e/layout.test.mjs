// The layout: every view has room to be read at the common screen sizes (screenshots in both
// themes, with a selection), one view can take the stage, the side panels fold to strips,
// and all of it is in the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const SHELLING = '2010-11-23-yeonpyeong-shelling';
const region = (page, name) => page.getByRole('region', { name, exact: true });

/// The box of `locator` in CSS px, and whether it lies whole inside the window.
async function box(page, locator) {
  const b = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  assert.ok(b, 'the element is laid out');
  return { ...b, inside: b.x >= 0 && b.y >= 0 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5 };
}

/// The names of the timeline lanes whose name shows inside the lanes' scrolling area.
async function visibleLanes(page) {
  return page.evaluate(() => {
    const body = document.querySelector('.view-timeline .tl-body').getBoundingClientRect();
    return [...document.querySelectorAll('.view-timeline .tl-lane-name')]
      .filter((name) => {
        const r = name.getBoundingClientRect();
        return r.height > 0 && r.top >= body.top - 1 && r.top + 10 <= body.bottom;
      })
      .map((name) => name.querySelector('title').textContent.split(':')[0]);
  });
}

const WIDE = [
  // [width, height, least map frame, least network canvas] in CSS px
  [1280, 800, [400, 180], [250, 220]],
  [1440, 900, [480, 220], [300, 260]],
  [1920, 1080, [700, 300], [450, 300]],
];

for (const [width, height, [mapW, mapH], [netW, netH]] of WIDE) {
  for (const scheme of ['light', 'dark']) {
    test(`at ${width}×${height} (${scheme}) the map, the actors and the timeline share the window, legibly`, async () => {
      const { page, context, record } = await openPage(env, '#/', { viewport: { width, height }, colorScheme: scheme });
      for (const name of ['Map', 'Actors', 'Timeline']) {
        assert.ok((await box(page, region(page, name))).inside, `${name} lies whole in the window`);
      }
      const map = await box(page, page.locator('.map-frame'));
      assert.ok(map.width >= mapW && map.height >= mapH, `map ${map.width}×${map.height}`);
      const net = await box(page, page.locator('.actors-canvas'));
      assert.ok(net.width >= netW && net.height >= netH, `network ${net.width}×${net.height}`);
      // The first lanes are China's and Russia's, in sight without scrolling.
      const lanes = await visibleLanes(page);
      assert.deepEqual(lanes.slice(0, 2), ['China', 'Russia'], `lanes in sight: ${lanes}`);
      // The header is one line; the page itself does not scroll either way.
      assert.ok((await box(page, page.locator('.app-header'))).height <= 56, 'a one-line header');
      const overflow = await page.evaluate(() => [
        document.documentElement.scrollWidth - document.documentElement.clientWidth,
        document.documentElement.scrollHeight - document.documentElement.clientHeight,
      ]);
      assert.deepEqual(overflow, [0, 0]);
      // The event list is right under the timeline, in the views' own scroll.
      const views = page.locator('main.views');
      await views.evaluate((el) => { el.scrollTop = el.scrollHeight; });
      assert.ok((await box(page, region(page, 'Event list').getByRole('heading', { name: 'Event list' }))).inside);
      await views.evaluate((el) => { el.scrollTop = 0; });

      // With a selection, as a shared link opens: screenshots for review.
      await page.evaluate((id) => { location.hash = `#/event/${id}`; }, SHELLING);
      await region(page, 'Details').getByRole('heading', { name: 'North Korea shells Yeonpyeong Island' }).waitFor();
      await page.waitForTimeout(400);
      assert.ok((await box(page, region(page, 'Details').getByRole('heading', { level: 2 }).first())).inside,
        'the selection heads the details column');
      await page.screenshot({ path: `${ARTIFACTS}layout-${width}x${height}-${scheme}.png` });
      assert.deepEqual(record.errors, []);
      await context.close();
    });
  }
}

for (const scheme of ['light', 'dark']) {
  test(`on a 390×844 phone (${scheme}) the header is short and the view starts under it`, async () => {
    const viewport = { width: 390, height: 844 };
    const { page, context, record } = await openPage(env, `#/event/${SHELLING}`, { viewport, colorScheme: scheme });
    await page.evaluate(() => window.scrollTo(0, 0));
    const header = await box(page, page.locator('.app-header'));
    assert.ok(header.height <= 100, `header ${header.height} px`);
    const head = await box(page, page.locator('.map-head'));
    assert.ok(head.height <= 56, `the map's head is one row (${head.height} px)`);
    const frame = await box(page, page.locator('.map-frame'));
    assert.ok(frame.width >= 330 && frame.height >= 200, `map ${frame.width}×${frame.height}`);
    assert.equal(await page.locator('.stage-toggle:visible, .fold-button:visible').count(), 0,
      'no stage or fold buttons: a phone shows one view at a time anyway');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: `${ARTIFACTS}layout-390x844-${scheme}.png` });
    assert.deepEqual(record.errors, []);
    await context.close();
  });
}

test('at laptop size the event list gives its titles more room than its dates', async () => {
  const { page, context } = await openPage(env, '#/?stage=list');
  const widths = await page.evaluate(() => Object.fromEntries(['col-date', 'col-title'].map((name) =>
    [name, document.querySelector(`#event-list tbody td.${name}`).getBoundingClientRect().width])));
  // The longest date wraps rather than widening its column past 9rem (144 px).
  assert.ok(widths['col-date'] <= 144, JSON.stringify(widths));
  assert.ok(widths['col-title'] >= 13 * 16 && widths['col-title'] > widths['col-date'], JSON.stringify(widths));
  await context.close();
});

test('the views follow the window when it is resized', async () => {
  const { page, context } = await openPage(env, '#/', { viewport: { width: 1280, height: 800 } });
  const sizes = () => page.evaluate(() => {
    const frame = document.querySelector('.map-frame').getBoundingClientRect();
    const svg = document.querySelector('.map-svg');
    const net = document.querySelector('.actors-svg');
    return {
      frame: [Math.round(frame.width), Math.round(frame.height)],
      map: [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))],
      net: Number(net.getAttribute('width')),
      lanes: Number(document.querySelector('.view-timeline svg.tl-lanes').getAttribute('width')),
    };
  });
  const small = await sizes();
  await page.setViewportSize({ width: 1800, height: 1000 });
  await page.waitForFunction((w) => Number(document.querySelector('.map-svg').getAttribute('width')) > w + 100, small.map[0]);
  await page.waitForTimeout(200);
  const large = await sizes();
  // The drawings are redrawn at their panels' new size, not stretched or left small.
  assert.ok(large.frame[0] > small.frame[0] + 100 && large.frame[1] > small.frame[1] + 50, JSON.stringify([small, large]));
  assert.ok(Math.abs(large.map[0] - large.frame[0]) <= 2 && Math.abs(large.map[1] - large.frame[1]) <= 2, JSON.stringify(large));
  assert.ok(large.net > small.net + 50, JSON.stringify([small.net, large.net]));
  assert.ok(large.lanes > small.lanes + 150, JSON.stringify([small.lanes, large.lanes]));
  await context.close();
});

test('a view takes the stage and gives it back, by button, by Back and by Escape', async () => {
  const { page, context } = await openPage(env, '#/');
  const maximise = region(page, 'Map').getByRole('button', { name: 'Maximise the map' });
  assert.equal(await maximise.getAttribute('aria-pressed'), 'false');
  await maximise.click();
  await page.waitForURL(/stage=map/);
  assert.equal(await maximise.getAttribute('aria-pressed'), 'true');
  for (const name of ['Actors', 'Timeline', 'Event list']) {
    assert.equal(await region(page, name).count(), 0, `${name} gives way`);
  }
  const views = await box(page, page.locator('main.views'));
  const map = await box(page, page.locator('.map-frame'));
  assert.ok(map.width >= views.width * 0.9 && map.height >= views.height * 0.6, `map ${map.width}×${map.height}`);
  // A selection keeps the stage; Back undoes the stage.
  await page.goBack();
  await page.waitForURL((url) => !url.hash.includes('stage='));
  await region(page, 'Timeline').waitFor();
  // The list on stage, then Escape with nothing selected brings every view back.
  await region(page, 'Event list').getByRole('button', { name: 'Maximise the event list' }).click();
  await page.waitForURL(/stage=list/);
  const rows = await page.locator('#event-list tbody tr').count();
  assert.ok(rows >= 20, `${rows} rows fill the stage`);
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.hash.includes('stage='));
  await region(page, 'Map').waitFor();
  await context.close();
});

test('the filters and the details fold to strips and open again, the search with "/"', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}?country=china`);
  await page.getByRole('button', { name: 'Hide the filters' }).click();
  await page.waitForURL(/hide=filters/);
  assert.equal(await page.locator('#search-input').count(), 0);
  const strip = page.locator('.folded-filters').getByRole('button');
  assert.match(await strip.textContent(), /Filters\s*1 filter/);
  const before = await box(page, page.locator('.map-frame'));
  await page.getByRole('button', { name: 'Hide the details' }).click();
  await page.waitForURL(/hide=filters,details/);
  assert.match(await page.locator('.folded-details').textContent(), /Details\s*1 selected/);
  const after = await box(page, page.locator('.map-frame'));
  assert.ok(after.width > before.width + 150, `the map grows from ${before.width} to ${after.width} px`);
  // "/" opens the rail again and puts the caret in the search.
  await page.locator('.map-svg').focus();
  await page.keyboard.press('/');
  await page.waitForURL((url) => !url.hash.includes('filters'));
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.locator('.folded-details').getByRole('button').click();
  await page.waitForURL((url) => !url.hash.includes('hide='));
  await region(page, 'Details').getByRole('heading', { name: 'North Korea shells Yeonpyeong Island' }).waitFor();
  await context.close();
});

test('"Skip to search" unfolds the folded filters and puts the caret in the search', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}?hide=filters`);
  assert.equal(await page.locator('#search-input').count(), 0);
  // The skip link is the page's first tab stop, shown while focused.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'Skip to search');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.hash.includes('hide=filters'));
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await page.keyboard.type('Lavrov');
  assert.equal(await page.locator('#search-input').inputValue(), 'Lavrov');
  await context.close();
});

test('a link arranges the page as the sender had it, and a layout it cannot read is reported', async () => {
  const { page, context } = await openPage(env, `#/event/${SHELLING}?stage=timeline&hide=details`);
  assert.equal(await region(page, 'Map').count(), 0);
  assert.ok(await region(page, 'Timeline').isVisible());
  assert.equal(await page.locator('.folded-details').count(), 1);
  const body = await box(page, page.locator('.tl-body'));
  assert.ok(body.height >= 400, `the staged timeline's lanes get ${body.height} px`);
  await context.close();

  const bad = await openPage(env, '#/?stage=globe&hide=menu,filters');
  const notices = bad.page.locator('.notices');
  await notices.waitFor();
  assert.match(await notices.textContent(), /stage=globe/);
  assert.match(await notices.textContent(), /hide=menu,filters/);
  assert.equal(await bad.page.locator('.folded-filters').count(), 1, 'what was understood applies');
  assert.ok(await region(bad.page, 'Map').isVisible(), 'every view shows');
  await bad.context.close();
});
