// The benchmark (not part of the test suite): `cargo xtask bench` builds the release and
// synthetic datasets, then runs this. It serves dist/ on loopback, drives headless
// Chromium and prints what a reader would feel: bytes of a first load, time until all
// views have painted, time for a selection / facet / brush to update every view, frame
// times during playback and map zoom — for the built-in dataset and 1k/10k/50k events.
//
// Usage: node tests/bench/bench.mjs <dist> [dataset.json …]
import { chromium } from 'playwright-core';
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, basename } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ON_DEMAND } from '../../scripts/postbuild/precache.mjs';

const [dist = 'dist', ...datasets] = process.argv.slice(2);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SELECTIONS = 40;

const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/// The deep links' first frames: a phone's link to an event fetches one, nothing else any.
const FIRST_FRAMES = 'first-frame';

/// Every file of the build (icons included), as a first visit with the service worker
/// ends up fetching them; not the first frames (reported apart).
async function assetSizes(dir = dist, prefix = '') {
  const rows = [];
  for (const name of (await readdir(join(dir, prefix))).sort()) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (path === FIRST_FRAMES) continue;
    if ((await stat(join(dir, path))).isDirectory()) {
      rows.push(...(await assetSizes(dir, path)));
      continue;
    }
    const bytes = await readFile(join(dir, path));
    rows.push({ name: path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

/// A phone's start-up: 412×823, touch, the CPU slowed 4× (Lighthouse's mobile profile),
/// the network not throttled. The app's start-up marks (`src/ui/perf.rs`, and the first
/// render's stages of `src/startup.rs`, marked once each has rendered) and the long
/// tasks until every view has painted, with their blocking time (each task's time past
/// 50 ms, summed: what Lighthouse's TBT counts). Median of `runs` loads.
const STARTUP_MARKS = ['korea2010:started', 'korea2010:dataset-read', 'korea2010:basemap-projected',
  'korea2010:shell-rendered', 'korea2010:views-rendered', 'korea2010:story-rendered', 'korea2010:views-painted'];
async function phoneStartup(browser, origin, hash, runs = 3) {
  const loads = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.__startupTasks = [];
      new PerformanceObserver((list) => window.__startupTasks.push(...list.getEntries().map((e) => e.duration)))
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${origin}/${hash}`);
    await page.waitForFunction(() => performance.getEntriesByName('korea2010:views-painted').length > 0, null, { timeout: 60000 });
    await page.waitForTimeout(500);
    loads.push(await page.evaluate((names) => ({
      marks: names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
      tasks: window.__startupTasks,
    }), STARTUP_MARKS));
    await context.close();
  }
  const median = (values) => quantile(values, 0.5);
  return {
    marks: STARTUP_MARKS.map((_, i) => median(loads.map((l) => l.marks[i]))),
    longest: median(loads.map((l) => Math.max(0, ...l.tasks))),
    blocking: median(loads.map((l) => l.tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0))),
  };
}

/// Loads the app (optionally opening a dataset file) and measures it.
async function measure(browser, origin, datasetPath) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const longTasks = [];
  await page.goto(`${origin}/#/`);
  await page.getByRole('region', { name: 'Details' }).waitFor({ timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName('korea2010:views-painted').length > 0, null, { timeout: 60000 });
  const firstPaint = await page.evaluate(() => {
    const ready = performance.getEntriesByName('korea2010:views-painted')[0];
    return ready ? ready.startTime : NaN;
  });
  // The list's rows below its first screenful come a task after that paint: every row is
  // a selection's candidate.
  await page.waitForFunction(() => performance.getEntriesByName('korea2010:list-rows-rendered').length > 0, null, { timeout: 60000 });
  // The service worker is registered once the start-up is drawn, and precaches the build on
  // a thread of its own: the measurements below wait until it is active, so they time the
  // page at rest rather than beside that one-off work.
  await page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((done) => setTimeout(done, 10000))]));
  let loadTime = NaN;
  if (datasetPath) {
    // As a reader opens a file: the picker first (the app starts loading its files module
    // then), the file chosen at once, timed from the choice.
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#dataset-file').click();
    const picker = await chooser;
    const start = Date.now();
    await picker.setFiles(datasetPath);
    await page.locator('.dataset-name', { hasText: basename(datasetPath) }).waitFor({ timeout: 600000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    loadTime = Date.now() - start;
  }
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: false });
  });

  // The opened file's `data=` parameter, kept in every link set below: a link without it
  // names the built-in chronicle, which the app would switch back to.
  const data = await page.evaluate(() => /[?&](data=[^&]*)/.exec(location.hash)?.[1] ?? '');
  const link = (route, query = '') => `#${route}${[query, data].filter(Boolean).length ? '?' : ''}${[query, data].filter(Boolean).join('&')}`;

  // Selections: set the link, wait until every view shows it, two frames later.
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll('.event-table a[data-event-id]')].map((a) => a.dataset.eventId));
  const picks = Array.from({ length: Math.min(SELECTIONS, ids.length) }, (_, i) => ids[Math.floor((i * 7919) % ids.length)]);
  const selection = await page.evaluate(async ([picks, hashes]) => {
    const app = [];
    const felt = [];
    const missed = [];
    const shows = (id) => document.querySelector(`[aria-current="true"][data-event-id="${id}"]`);
    for (const [i, id] of picks.entries()) {
      const start = performance.now();
      location.hash = hashes[i];
      // Chromium fires popstate synchronously for a fragment change and the app renders in
      // the microtasks after it, so a zero timeout runs once every view's DOM is updated.
      await new Promise((done) => setTimeout(done, 0));
      if (shows(id)) app.push(performance.now() - start);
      // A selection never shown is a broken run: it is counted, not waited on for ever.
      const shown = await new Promise((done) => {
        const check = () => {
          if (shows(id)) done(true);
          else if (performance.now() - start > 10000) done(false);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      if (shown) felt.push(performance.now() - start);
      else missed.push(id);
    }
    return { app, felt, missed };
  }, [picks, picks.map((id) => link(`/event/${id}`))]);

  // A facet and a brush-like window, applied through the link as the controls do.
  const change = async (hash) => page.evaluate(async (hash) => {
    const start = performance.now();
    location.hash = hash;
    await new Promise((done) => setTimeout(done, 0));
    return performance.now() - start;
  }, hash);
  if (selection.missed.length) {
    console.warn(`warning: ${selection.missed.length} selection(s) never shown (${selection.missed.slice(0, 3).join(', ')}…)`);
  }
  const facet = await change(link('/', 'story=korea-crisis'));
  const brush = await change(link('/', 'from=2010-12-09&to=2010-12-17'));
  await change(link('/'));

  // Frame times while the map zooms (wheel events) and while the timeline plays.
  const frames = async (action, seconds) => {
    await page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      window.__frameLoop = true;
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__frameLoop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await action();
    await page.waitForTimeout(seconds * 1000);
    return page.evaluate(() => {
      window.__frameLoop = false;
      return window.__frames.slice(1);
    });
  };
  const map = page.getByRole('region', { name: 'Map' }).locator('svg').first();
  let zoomFrames = [];
  if (await map.count()) {
    const box = await map.boundingBox();
    zoomFrames = await frames(async () => {
      for (let i = 0; i < 20; i += 1) {
        await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4);
        await page.mouse.wheel(0, i < 10 ? -120 : 120);
      }
    }, 1);
  }
  const play = page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: /play/i });
  let playFrames = [];
  if (await play.count()) {
    playFrames = await frames(() => play.first().click(), 3);
    const pause = page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: /pause/i });
    if (await pause.count()) await pause.first().click();
  }
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  longTasks.push(...tasks);
  await context.close();
  return { firstPaint, loadTime, selection, facet, brush, zoomFrames, playFrames, longTasks };
}

const server = await startServer(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
try {
  const all = await assetSizes();
  const sizes = all.filter((row) => !ON_DEMAND.includes(row.name));
  const onDemand = all.filter((row) => ON_DEMAND.includes(row.name));
  console.log('\nFirst load (every file in dist/ but the on-demand ones)');
  console.log('| asset | raw | gzip |\n|---|---:|---:|');
  for (const row of sizes) console.log(`| ${row.name} | ${kb(row.raw)} | ${kb(row.gzip)} |`);
  const total = sizes.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`| **total** | ${kb(total.raw)} | ${kb(total.gzip)} |`);
  if (onDemand.length) {
    const gzip = onDemand.reduce((sum, r) => sum + r.gzip, 0);
    console.log(`\nOn demand (${onDemand.map((r) => r.name).join(', ')}): ${kb(gzip)} gzip, fetched when a reader opens a file of their own or exports.`);
  }
  const frames = await assetSizes(join(dist, FIRST_FRAMES)).catch(() => []);
  if (frames.length) {
    console.log(`\nFirst frames of deep links (${FIRST_FRAMES}/): ${frames.length} files, the largest ${kb(Math.max(...frames.map((f) => f.gzip)))} gzip; a phone's link to an event fetches one.`);
  }

  console.log('\nA phone\'s start-up (412×823, CPU 4× slower, median of 3 loads; times from navigation)');
  console.log('| page | wasm starts | dataset read | basemap projected | shell rendered | views rendered | story rendered | views painted | longest task | blocking time |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, hash] of [['overview', '#/'], ['deep link to an event', '#/event/2010-11-23-yeonpyeong-shelling']]) {
    const r = await phoneStartup(browser, origin, hash);
    console.log(`| ${name} | ${r.marks.map(ms).join(' | ')} | ${ms(r.longest)} | ${ms(r.blocking)} |`);
  }

  const runs = [['built-in (article)', null], ...datasets.map((d) => [basename(d), d])];
  console.log('\n| dataset | all views painted | open file → painted | selection p50 / p95 (app) | selection p50 / p95 (felt) | facet | brush | map zoom frame p95 | playback frame p95 | long tasks > 100 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, path] of runs) {
    const r = await measure(browser, origin, path);
    const long = r.longTasks.filter((d) => d > 100);
    console.log(`| ${name} | ${ms(r.firstPaint)} | ${path ? ms(r.loadTime) : '—'} | ${ms(quantile(r.selection.app, 0.5))} / ${ms(quantile(r.selection.app, 0.95))} | ${ms(quantile(r.selection.felt, 0.5))} / ${ms(quantile(r.selection.felt, 0.95))} | ${ms(r.facet)} | ${ms(r.brush)} | ${ms(quantile(r.zoomFrames, 0.95))} | ${ms(quantile(r.playFrames, 0.95))} | ${long.length ? `${long.length} (max ${ms(Math.max(...long))})` : '0'} |`);
  }
  console.log('\n"app" = from setting the link until the app has updated every view\'s DOM (its script work; facet and brush likewise);');
  console.log('"felt" = from setting the link to the frame in which the selection shows (rAF polling, ~1 frame resolution).');
} finally {
  await browser.close();
  server.close();
}
