// Shared set-up for the end-to-end tests: serve `dist/` on loopback, drive Debian's
// Chromium through playwright-core, and record every request so a test can prove that
// nothing leaves the origin.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  const server = await startServer(process.env.DIST_DIR ?? 'dist', 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/// A fresh page that records off-origin requests, console errors and CSP violations.
export async function openPage(env, hash = '#/', options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const record = { offOrigin: [], errors: [], csp: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(env.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      record.offOrigin.push(url);
    }
  });
  page.on('pageerror', (error) => record.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations = (window.__cspViolations ?? []).concat(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${env.origin}/${hash}`);
  await ready(page);
  return { page, context, record };
}

/// Waits until the app has rendered (the views' area exists: the details may be folded).
export async function ready(page) {
  await page.locator('main.views').waitFor({ timeout: 20000 });
  // The views measure themselves after the first render and render again at their real
  // size; the app marks the frame after that as painted. Interacting earlier can hit a mark
  // in the middle of moving.
  await page.waitForFunction(() => performance.getEntriesByName('korea2010:views-painted').length > 0, null, { timeout: 20000 });
  // The start-up's last stage, a task after that paint, draws the list's rows below its
  // first screenful (`StartupStage::ListRows`).
  await page.waitForFunction(() => performance.getEntriesByName('korea2010:list-rows-rendered').length > 0, null, { timeout: 20000 });
}

/// Waits until the latest start of the app has drawn all its stages: switching datasets
/// starts the app again, and the list's rows below its first screenful come in the last
/// stage, a painted frame after the views.
export async function settled(page) {
  await page.waitForFunction(() => {
    const last = (name) => performance.getEntriesByName(`korea2010:${name}`).at(-1)?.startTime ?? -1;
    return last('shell-rendered') >= 0 && last('list-rows-rendered') > last('shell-rendered');
  }, null, { timeout: 20000 });
}

/// The number of the event list's rows once the app has settled (see `settled`).
export async function settledRowCount(page) {
  await settled(page);
  return page.getByRole('region', { name: 'Event list' }).locator('tbody tr').count();
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}
