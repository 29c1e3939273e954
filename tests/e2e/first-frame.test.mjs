// The first frame of a shared link to an event on a phone: the build's HTML of the top of
// its details sheet shows while the wasm is still on its way, and the app takes over with
// the same sheet in the same place — no flash of a different page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTIFACTS, launch, ready } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SHELLING = '2010-11-23-yeonpyeong-shelling';
const dataset = JSON.parse(readFileSync(new URL('../../src/data/dataset.json', import.meta.url), 'utf8'));
const shelling = dataset.events.find((event) => event.id === SHELLING);

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/// A page whose wasm download waits until `release()` is called, recording what it fetched.
async function heldPage(options) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const requested = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return { context, page, errors, requested, release };
}

/// Where the sheet's parts are drawn, and what they say.
async function sheet(page) {
  return page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(`.details ${selector}`);
      if (!element) return null;
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height, text: element.textContent };
    };
    return {
      kind: box('.details-kind'),
      title: box('#details-heading'),
      date: box('.details-date'),
      steps: box('.details-steps'),
      summary: box('.summary'),
      hrefs: [...document.querySelectorAll('.details .details-steps a')].map((a) => a.getAttribute('href')),
    };
  });
}

test('a deep link on a phone shows its event before the app has loaded, and the app takes over in place', async () => {
  const { context, page, errors, release } = await heldPage(PHONE);
  await page.goto(`${env.origin}/#/event/${SHELLING}`);
  await page.locator('.first-frame .summary').waitFor({ timeout: 20000 });
  const before = await sheet(page);
  assert.equal(before.title.text, shelling.title);
  assert.equal(before.summary.text, shelling.summary);
  assert.match(before.date.text, /14:38/);
  assert.ok(before.summary.y + before.summary.height <= 844, 'the summary is on screen');
  await page.screenshot({ path: `${ARTIFACTS}/first-frame-phone-before-app.png` });

  release();
  await ready(page);
  assert.equal(await page.locator('.first-frame').count(), 0, 'the app replaced the first frame');
  const after = await sheet(page);
  for (const part of ['kind', 'title', 'date', 'steps', 'summary']) {
    assert.ok(after[part], `the app shows the ${part}`);
    assert.equal(after[part].text, before[part].text, `the ${part} says the same`);
    for (const side of ['x', 'y', 'width', 'height']) {
      assert.ok(Math.abs(after[part][side] - before[part][side]) < 1,
        `the ${part} stays in place (${side}: ${before[part][side]} → ${after[part][side]})`);
    }
  }
  assert.deepEqual(after.hrefs, before.hrefs, 'Previous and Next step to the same events');
  await page.screenshot({ path: `${ARTIFACTS}/first-frame-phone-app.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first frame still on screen steps like the app: Next opens the next event', async () => {
  const { context, page, release } = await heldPage(PHONE);
  await page.goto(`${env.origin}/#/event/${SHELLING}`);
  const next = page.locator('.first-frame a[rel="next"]');
  await next.waitFor({ timeout: 20000 });
  const target = (await next.getAttribute('href')).replace(/^#\/event\//, '');
  await next.click();
  release();
  await ready(page);
  assert.equal(new URL(page.url()).hash, `#/event/${target}`);
  const title = dataset.events.find((event) => event.id === target).title;
  assert.equal(await page.locator('.details #details-heading').textContent(), title);
  await context.close();
});

test('only a phone fetches a first frame, and only for a link to an event', async () => {
  for (const [options, hash, fetched] of [
    [{ viewport: { width: 1280, height: 800 } }, `#/event/${SHELLING}`, false],
    [PHONE, '#/', false],
    [PHONE, `#/actor/china`, false],
    [PHONE, `#/event/${SHELLING}?view=timeline`, true],
    [PHONE, `#/event/${SHELLING}?map=37.7,125.7,8&sort=-date`, true],
    [PHONE, `#/event/${SHELLING}?view=map&from=2010-11-20`, false],
  ]) {
    const { context, page, requested, release } = await heldPage(options);
    release();
    await page.goto(`${env.origin}/${hash}`);
    await ready(page);
    const frames = requested.filter((path) => path.includes('/first-frame/'));
    assert.deepEqual(frames, fetched ? [`/first-frame/${SHELLING}.html`] : [], `${hash} at ${options.viewport.width} px`);
    await context.close();
  }
});

test('a link to an unknown event on a phone gets no first frame and the app says what is wrong', async () => {
  const { context, page, errors, release } = await heldPage(PHONE);
  release();
  await page.goto(`${env.origin}/#/event/2010-01-01-no-such-event`);
  await ready(page);
  assert.equal(await page.locator('.first-frame').count(), 0);
  await page.getByRole('alert', { name: 'Link problems' }).waitFor();
  assert.match(await page.getByRole('alert', { name: 'Link problems' }).textContent(), /no event has the id/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the overview paints its own header before it asks for the wasm; a wide screen asks at once', async () => {
  const timing = async (options) => {
    const context = await env.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(`${env.origin}/#/`);
    await ready(page);
    // When the browser showed the page's header (Element Timing, read from a buffered
    // observer), and when it asked for the wasm.
    const times = await page.evaluate(() => new Promise((done) => {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        done({
          paint: list.getEntries().find((entry) => entry.identifier === 'header')?.renderTime,
          wasm: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('_bg.wasm'))?.startTime,
          header: document.querySelector('.app-title')?.textContent,
        });
      }).observe({ type: 'element', buffered: true });
    }));
    await context.close();
    return times;
  };
  const phone = await timing(PHONE);
  assert.match(phone.header, /Korea 2010/);
  assert.ok(Number.isFinite(phone.paint) && Number.isFinite(phone.wasm), JSON.stringify(phone));
  assert.ok(phone.wasm > phone.paint, `the wasm (${phone.wasm} ms) after the first paint (${phone.paint} ms)`);
  // A wide screen does not wait for a frame: its wasm is asked for as the page loads.
  const wide = await timing({ viewport: { width: 1280, height: 800 } });
  assert.ok(Number.isFinite(wide.wasm), JSON.stringify(wide));
});
