// Offline use, driven in Chromium as a reader would: after one visit the service worker
// serves the explorer with the network cut; a build deployed later is offered and taken
// only when the reader presses Reload; the single-file build opens from disk with deep
// links. Nothing may leave the origin in any mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, cspViolations, launch, openPage, ready } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { precacheList, writeServiceWorker } from '../../scripts/postbuild/precache.mjs';

const SHELLING = '2010-11-23-yeonpyeong-shelling';
const VIEWS = ['Map', 'Timeline', 'Actors', 'Event list'];
const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const VIEWPORT = { width: 1280, height: 800 };
const SUB_PATH = 'explorer';

let env; // the harness: Chromium, and a plain server of the build under test
let work; // scratch directory: two "deploys" of the build, and the single file
let host; // a static host whose explorer folder is switched between deploys
let nextBuild; // what the second deploy's worker precaches

before(async () => {
  env = await launch();
  work = mkdtempSync(join(tmpdir(), 'korea2010-offline-'));
  cpSync(DIST, join(work, 'build'), { recursive: true });
  // The next deploy: the same app with one file changed, hence a new worker.
  cpSync(DIST, join(work, 'next-build'), { recursive: true });
  const index = join(work, 'next-build', 'index.html');
  // (Before the title: the release page is minified and leaves out the optional <head> tag.)
  writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<meta name="explorer-build" content="next"><title>'));
  nextBuild = writeServiceWorker(join(work, 'next-build'));
  // A deploy caught half-way: the next build's worker, the rest still the old build.
  cpSync(DIST, join(work, 'half-deployed'), { recursive: true });
  cpSync(join(work, 'next-build', 'sw.js'), join(work, 'half-deployed', 'sw.js'));
  mkdirSync(join(work, 'nothing'));
  mkdirSync(join(work, 'host'));
  deploy('build');
  const server = await startServer(join(work, 'host'), 0);
  const requests = [];
  server.on('request', (request) => requests.push(request.url));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Served from a sub-path, as on most static hosts.
  host = { server, requests, origin, app: `${origin}/${SUB_PATH}/` };
});

after(async () => {
  if (host) await new Promise((done) => host.server.close(done));
  await env?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// Points the host at another directory in one step, as a host swapping a symlink does.
function deploy(name) {
  const next = join(work, 'host', `${SUB_PATH}.next`);
  rmSync(next, { force: true });
  symlinkSync(join(work, name), next);
  renameSync(next, join(work, 'host', SUB_PATH));
}

// A fresh browser profile (so a fresh service worker) recording, for all its pages and
// its worker, what they must not do.
async function freshPage() {
  const context = await env.browser.newContext({ viewport: VIEWPORT });
  const record = { offOrigin: [], errors: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(host.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) record.offOrigin.push(url);
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => record.errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') record.errors.push(message.text());
    });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations = (window.__cspViolations ?? []).concat(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  return { context, page, record };
}

async function openShelling(page) {
  await page.goto(`${host.app}#/event/${SHELLING}`);
  await ready(page);
}

function updateOffer(page) {
  return page.getByRole('status').filter({ hasText: 'New version available' });
}

function buildOf(page) {
  return page.evaluate(() => document.querySelector('meta[name="explorer-build"]')?.content ?? 'first');
}

// Waits until the service worker is active and controls the page (reloading once if the
// page was loaded before the worker existed).
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await ready(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

// Which views the build has, and a summary of what each rendered: focusable marks, the
// selected mark, and drawn shapes. Equal summaries mean the views rendered the same.
async function viewsOf(page) {
  const names = [];
  for (const name of VIEWS) {
    if ((await page.getByRole('region', { name, exact: true }).count()) > 0) names.push(name);
  }
  return { names, summary: await summary(page, names) };
}

function summary(page, names) {
  return page.evaluate(
    (names) =>
      names
        .map((name) => {
          const view = document.querySelector(`section[aria-label="${name}"], [role="region"][aria-label="${name}"]`);
          if (!view) return `${name}: missing`;
          const count = (selector) => view.querySelectorAll(selector).length;
          const focusable = count('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
          const current = count('[aria-current="true"]');
          const shapes = count('path, circle, ellipse, line, polyline, polygon, rect, text');
          return `${name}: ${focusable} focusable, ${current} current, ${shapes} shapes`;
        })
        .join('\n'),
    names,
  );
}

// Waits (no timing assertion) until the page's views render like `expected`.
async function rendersLike(page, expected, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let actual;
  while ((actual = await summary(page, expected.names)) !== expected.summary && Date.now() < deadline) {
    await page.waitForTimeout(100);
  }
  assert.equal(actual, expected.summary, `the views (${expected.names}) render as they did online`);
}

let online;
// How the deep link renders online, straight from the server: what offline must match.
async function onlineRendering() {
  if (!online) {
    const { page, context, record } = await openPage(env, `#/event/${SHELLING}`);
    await page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    online = await viewsOf(page);
    assert.deepEqual(record.offOrigin, []);
    await context.close();
    assert.ok(online.names.includes('Event list'), `views found: ${online.names}`);
  }
  return online;
}

// Screenshots of the page and of each drawn view (the list scrolls the others away).
async function screenshots(page, name, views) {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
  for (const view of views.filter((v) => v !== 'Event list')) {
    const file = `${ARTIFACTS}${name}-${view.toLowerCase()}.png`;
    await page.getByRole('region', { name: view, exact: true }).screenshot({ path: file });
  }
}

async function assertShowsTheShelling(page) {
  const heading = page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 });
  await heading.waitFor();
  assert.match(await heading.textContent(), /Yeonpyeong/);
  const rows = page.getByRole('region', { name: 'Event list' }).locator('tbody tr');
  assert.ok((await rows.count()) > 0, 'the event list has rows');
}

function workerBuild(dir) {
  const source = readFileSync(join(dir, 'sw.js'), 'utf8');
  return JSON.parse(source.match(/^const BUILD = (\{.*\});$/m)[1]);
}

test('each build has a worker that precaches every file of that build, by hash', () => {
  const build = workerBuild(DIST);
  assert.deepEqual(build, precacheList(DIST), 'sw.js matches the files as built');
  const urls = build.files.map((file) => file.url);
  for (const needed of ['index.html', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', 'icons/icon-512.png']) {
    assert.ok(urls.includes(needed), `precaches ${needed}`);
  }
  for (const ending of ['.wasm', '.js', '.css']) {
    assert.ok(urls.some((url) => url.endsWith(ending) && url !== 'sw.js'), `precaches the ${ending}`);
  }
  assert.ok(!urls.includes('sw.js'), 'the worker does not precache itself');
  assert.match(build.version, /^[0-9a-f]{16}$/);
  assert.notEqual(nextBuild.version, build.version, 'a changed file makes a new version');
});

test('the web app manifest makes the explorer installable from any sub-path', async () => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  // (The release page is minified: attributes may come in any order, without quotes.)
  assert.match(index, /<link(?=[^>]*\brel="?manifest\b)(?=[^>]*\bhref="?manifest\.webmanifest\b)[^>]*>/);
  assert.match(index, /<meta(?=[^>]*\bname="?theme-color\b)(?=[^>]*\bcontent="?#[0-9a-f]{6}\b)[^>]*>/);
  const response = await fetch(`${env.origin}/manifest.webmanifest`);
  assert.equal(response.headers.get('content-type'), 'application/manifest+json');
  const manifest = await response.json();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.ok(manifest.name && manifest.short_name && manifest.description);
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
  for (const purpose of ['any', 'maskable']) {
    const icons = manifest.icons.filter((icon) => icon.purpose === purpose);
    assert.deepEqual(icons.map((icon) => icon.sizes).sort(), ['192x192', '512x512', 'any'], `${purpose} icons`);
    for (const icon of icons) {
      assert.ok(!icon.src.startsWith('/') && !icon.src.includes(':'), `${icon.src} is relative`);
      const file = await fetch(`${env.origin}/${icon.src}`);
      assert.equal(file.status, 200, icon.src);
      assert.equal(file.headers.get('content-type'), icon.type, icon.src);
      const bytes = Buffer.from(await file.arrayBuffer());
      if (icon.type === 'image/png') {
        // PNG header: width and height are the first two fields of IHDR.
        const size = `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
        assert.equal(size, icon.sizes, `${icon.src} is as large as it says`);
      }
    }
  }
});

test('after one visit, the explorer opens with the network cut', async () => {
  const expected = await onlineRendering();
  deploy('build');
  const { context, page, record } = await freshPage();
  await openShelling(page);
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, host.app, 'the worker covers the sub-path the app is served from');

  // No network, and the host gone too, so nothing can come from anywhere but the cache.
  await context.setOffline(true);
  deploy('nothing');
  const before = host.requests.length;
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.reload();
  await ready(page);
  await assertShowsTheShelling(page);
  await rendersLike(page, expected);
  await screenshots(page, 'offline-reload', expected.names);

  const fromHost = host.requests.slice(before).filter((url) => !url.endsWith('/sw.js'));
  assert.deepEqual(fromHost, [], 'the host saw no request for the app');
  const fromElsewhere = responses.filter((r) => !r.url().startsWith('data:') && !r.fromServiceWorker()).map((r) => r.url());
  assert.deepEqual(fromElsewhere, [], 'every file came from the service worker');
  assert.ok(responses.some((r) => r.url().endsWith('.wasm')), 'the wasm was loaded (from the worker)');
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(record.errors, []);
  await context.close();
  deploy('build');
});

test('the worker is registered only once the start-up has drawn everything, on a phone too', async () => {
  deploy('build');
  for (const viewport of [VIEWPORT, { width: 390, height: 844 }]) {
    const { context, page, record } = await freshPage();
    await page.setViewportSize(viewport);
    // Notes, at each call to register, which of the start-up's marks were already left.
    await page.addInitScript(() => {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args) => {
        window.__registeredAfter = performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('korea2010:'));
        return register(...args);
      };
    });
    await openShelling(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const marks = await page.evaluate(() => window.__registeredAfter);
    assert.ok(Array.isArray(marks), 'the worker was registered');
    assert.ok(marks.includes('korea2010:list-rows-rendered'), `registered after the last stage, not after only ${marks.join(', ')}`);
    assert.deepEqual(record.errors, []);
    await context.close();
  }
});

test('a new build is offered, and taken only when the reader presses Reload', async () => {
  deploy('build');
  const { context, page, record } = await freshPage();
  await openShelling(page);
  await controlled(page);
  const offer = updateOffer(page);
  assert.equal(await offer.count(), 0, 'nothing to offer on the first visit');
  // A second tab on the same build.
  const otherTab = await context.newPage();
  await openShelling(otherTab);

  deploy('next-build');
  // The next visit makes the browser look for a new worker; until the reader accepts,
  // the page stays entirely on the build it started with.
  await page.reload();
  await ready(page);
  await offer.waitFor({ timeout: 60000 });
  assert.equal(await buildOf(page), 'first', 'still the first build');
  const waiting = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration.waiting !== null && navigator.serviceWorker.controller === registration.active;
  });
  assert.ok(waiting, 'the new worker waits while the old one keeps serving');
  await page.locator('.app-header').screenshot({ path: `${ARTIFACTS}offline-update-offer.png` });

  const reloaded = page.waitForEvent('load');
  await offer.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await ready(page);
  assert.equal(await buildOf(page), 'next');
  await assertShowsTheShelling(page);
  assert.ok(page.url().endsWith(`#/event/${SHELLING}`), `the reload kept the link: ${page.url()}`);
  assert.equal(await offer.count(), 0, 'the offer is gone');
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.equal(cacheNames.length, 1, `the old build's cache is deleted: ${cacheNames}`);
  assert.ok(cacheNames[0].endsWith(`:${nextBuild.version}`), cacheNames[0]);

  // The other tab now runs older code than its worker: it is not switched under the
  // reader's feet either, and its Reload brings the new build.
  await updateOffer(otherTab).waitFor();
  assert.equal(await buildOf(otherTab), 'first');
  const otherReloaded = otherTab.waitForEvent('load');
  await updateOffer(otherTab).getByRole('button', { name: 'Reload' }).click();
  await otherReloaded;
  await ready(otherTab);
  assert.equal(await buildOf(otherTab), 'next');

  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(await cspViolations(otherTab), []);
  assert.deepEqual(record.errors, []);
  await context.close();
  deploy('build');
});

test('a half-deployed build is never installed; the complete one keeps serving', async () => {
  deploy('build');
  const { context, page, record } = await freshPage();
  await openShelling(page);
  await controlled(page);

  deploy('half-deployed');
  // Look for an update now and follow the new worker until its install ends.
  const outcome = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'no new worker';
    if (worker.state !== 'installing') return worker.state;
    return new Promise((done) => {
      worker.addEventListener('statechange', () => {
        if (worker.state !== 'installing') done(worker.state);
      });
    });
  });
  assert.equal(outcome, 'redundant', 'the mixed build fails its install');
  assert.equal(await updateOffer(page).count(), 0, 'nothing is offered');
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.equal(cacheNames.length, 1, `only the complete build is cached: ${cacheNames}`);
  assert.ok(!cacheNames[0].endsWith(`:${nextBuild.version}`), cacheNames[0]);

  // And it still opens with the network cut.
  await context.setOffline(true);
  deploy('nothing');
  await page.reload();
  await ready(page);
  await assertShowsTheShelling(page);
  assert.deepEqual(record.offOrigin, []);
  assert.deepEqual(record.errors, []);
  await context.close();
  deploy('build');
});

test('the single-file build opens from disk and honours a deep link', async () => {
  const expected = await onlineRendering();
  const file = join(work, 'explorer.html');
  try {
    execFileSync('cargo', ['xtask', 'single-file', '--from', DIST, '--out', file], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`cargo xtask single-file failed:\n${error.stderr ?? error}`);
  }
  const url = pathToFileURL(file).href;
  const context = await env.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations = (window.__cspViolations ?? []).concat(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  await page.goto(`${url}#/event/${SHELLING}`);
  await ready(page);
  await assertShowsTheShelling(page);
  await rendersLike(page, expected);
  await screenshots(page, 'single-file', expected.names);

  // Links and history work from disk too.
  const details = page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 });
  const other = page.getByRole('region', { name: 'Event list' }).locator(`tbody a:not([data-event-id="${SHELLING}"])`).first();
  const otherId = await other.getAttribute('data-event-id');
  await other.click();
  await page.waitForURL(new RegExp(`#/event/${otherId}`));
  assert.doesNotMatch(await details.textContent(), /Yeonpyeong/);
  await page.goBack();
  await page.waitForURL(new RegExp(SHELLING));
  assert.match(await details.textContent(), /Yeonpyeong/);

  // A reader's own file opens from disk too: the reader module is inside the file.
  const csv = join(work, 'own-chronicle.csv');
  writeFileSync(csv, 'Year,Month,Day,Headline,Text\n2019,6,30,Meeting at Panmunjom,Trump and Kim\n');
  await page.locator('#dataset-file').setInputFiles(csv);
  await page.getByRole('status', { name: 'Import report' }).waitFor();
  await page.getByRole('region', { name: 'Event list' }).locator('tbody tr', { hasText: 'Meeting at Panmunjom' }).waitFor();

  const fetched = requests.filter((r) => !r.startsWith('data:')).map((r) => r.split('#')[0]);
  assert.deepEqual([...new Set(fetched)], [url], 'the page itself is the only file read');
  assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no service worker');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
