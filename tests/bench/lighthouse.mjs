// Lighthouse part of the benchmark (not part of the test suite): the explorer's overview
// and a deep link to an event, beside a TimelineJS3 page of the same chronicle
// (tests/bench/timelinejs.mjs), all served from loopback with gzip in the same run.
// Lighthouse 12's default (mobile) profile, performance only: simulated slow 4G and a
// 4× slower CPU. Every page is measured --runs times (default 3), the runs interleaved so
// that load from elsewhere on the machine falls on every page alike; each column shows
// the median of its runs. Numbers are for comparing within one run, never asserted.
//
// After the table, the explorer's longest tasks in its median run, each placed after the
// start-up mark before it, with what it spent its time on (tests/bench/tasks.mjs).
//
// Usage: node tests/bench/lighthouse.mjs [dist] [--runs N]
// (`cargo xtask bench` runs it after the other measurements; `cargo xtask bench
// --lighthouse-only` builds the release and runs only this.)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { writeTimelineJsPage } from './timelinejs.mjs';
import { longestTasks } from './tasks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEEP_LINK_EVENT = '2010-11-23-yeonpyeong-shelling';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

const timelineJsVersion = createRequire(import.meta.url)('@knight-lab/timelinejs/package.json').version;

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1');
const [dist = 'dist'] = args;

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/// The columns: how each is read from a Lighthouse result and shown.
const seconds = (v) => `${(v / 1000).toFixed(2)} s`;
const COLUMNS = [
  { name: 'performance', read: (lhr) => lhr.categories.performance.score * 100, show: (v) => v.toFixed(0) },
  { name: 'FCP', audit: 'first-contentful-paint', show: seconds },
  { name: 'LCP', audit: 'largest-contentful-paint', show: seconds },
  { name: 'TBT', audit: 'total-blocking-time', show: (v) => `${v.toFixed(0)} ms` },
  { name: 'SI', audit: 'speed-index', show: seconds },
  { name: 'TTI', audit: 'interactive', show: seconds },
  { name: 'CLS', audit: 'cumulative-layout-shift', show: (v) => v.toFixed(3) },
  { name: 'transferred', audit: 'total-byte-weight', show: (v) => `${(v / 1024).toFixed(1)} KB` },
];
const value = (column, lhr) =>
  column.read ? column.read(lhr) : lhr.audits[column.audit]?.numericValue ?? NaN;

/// Requests that left the page's origin (the comparison must load nothing from elsewhere).
function offOrigin(lhr, origin) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items.map((item) => item.url)
    .filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

/// The explorer's longest tasks in the run whose blocking time is the median of its page's.
function printTasks(explorerPages) {
  console.log('\nLongest tasks of the run with the median TBT (observed ms; "blocking" = 4 × observed − 50,');
  console.log("about the task's share of the simulated TBT; after = the app's last start-up mark before it):");
  for (const page of explorerPages) {
    const tbt = page.lhrs.map((lhr) => lhr.audits['total-blocking-time'].numericValue);
    const run = tbt.indexOf([...tbt].sort((a, b) => a - b)[Math.floor((tbt.length - 1) / 2)]);
    console.log(`${page.key}, run ${run + 1} (TBT ${tbt[run].toFixed(0)} ms):`);
    for (const task of page.tasks[run]) {
      const spent = Object.entries(task.spent).filter(([, ms]) => ms >= 1).map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`).join(', ');
      console.log(`  at ${task.at.toFixed(0)} ms: ${task.observed.toFixed(1)} ms, blocking ${task.blocking.toFixed(0)}` +
        ` (after ${task.after}): ${spent}`);
    }
  }
}

async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result;
  } finally {
    await chrome.kill();
  }
}

const app = await startServer(dist, 0);
const timeline = await startServer(await writeTimelineJsPage(), 0);
const appOrigin = `http://127.0.0.1:${app.address().port}`;
const timelineOrigin = `http://127.0.0.1:${timeline.address().port}`;
const pages = [
  { key: 'overview', name: 'explorer, overview (`#/`)', origin: appOrigin, url: `${appOrigin}/#/` },
  { key: 'deep-link', name: 'explorer, deep link (`#/event/…-yeonpyeong-shelling`)', origin: appOrigin, url: `${appOrigin}/#/event/${DEEP_LINK_EVENT}` },
  { key: 'timelinejs', name: `TimelineJS3 ${timelineJsVersion}, same chronicle`, origin: timelineOrigin, url: `${timelineOrigin}/` },
];
const reports = join(ROOT, 'target/bench/lighthouse');
await mkdir(reports, { recursive: true });

try {
  for (const page of pages) page.lhrs = [];
  for (let run = 1; run <= runs; run += 1) {
    for (const page of pages) {
      process.stderr.write(`lighthouse: ${page.key} run ${run}/${runs}\n`);
      const { lhr, report, artifacts } = await audit(page.url);
      if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      page.lhrs.push(lhr);
      page.tasks = [...(page.tasks ?? []), longestTasks(artifacts.Trace.traceEvents)];
      await writeFile(join(reports, `${page.key}-${run}.json`), report);
    }
  }
  for (const page of pages) {
    page.medians = COLUMNS.map((column) => median(page.lhrs.map((lhr) => value(column, lhr))));
  }

  const versions = pages[0].lhrs[0];
  console.log(`\nLighthouse ${versions.lighthouseVersion}, mobile (simulated slow 4G, 4× CPU slowdown), ` +
    `performance only, ${versions.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, ` +
    `served from loopback with gzip; median of ${runs} run${runs === 1 ? '' : 's'} per column`);
  console.log(`| page | ${COLUMNS.map((c) => c.name).join(' | ')} |`);
  console.log(`|---|${COLUMNS.map(() => '---:').join('|')}|`);
  for (const page of pages) {
    console.log(`| ${page.name} | ${page.medians.map((v, i) => (Number.isFinite(v) ? COLUMNS[i].show(v) : 'n/a')).join(' | ')} |`);
  }
  const base = pages[2].medians;
  for (const page of pages.slice(0, 2)) {
    const ratios = page.medians.map((v, i) =>
      (Number.isFinite(v) && Number.isFinite(base[i]) && base[i] !== 0 ? `×${(v / base[i]).toFixed(2)}` : '—'));
    console.log(`| ratio ${page.key} / TimelineJS3 | ${ratios.join(' | ')} |`);
  }
  console.log(`Per-run scores: ${pages.map((p) => `${p.key} ${p.lhrs.map((l) => Math.round(l.categories.performance.score * 100)).join('/')}`).join('; ')}; ` +
    `Lighthouse benchmark index (this machine's speed) ${median(pages.flatMap((p) => p.lhrs.map((l) => l.environment.benchmarkIndex))).toFixed(0)}.`);
  console.log(`TTI is not part of Lighthouse 12's score; "transferred" is total-byte-weight. Reports: ${reports}/`);
  printTasks(pages.slice(0, 2));
  for (const page of pages) {
    const elsewhere = [...new Set(page.lhrs.flatMap((lhr) => offOrigin(lhr, page.origin)))];
    if (elsewhere.length) console.log(`WARNING: ${page.key} loaded from another origin: ${elsewhere.join(', ')}`);
    const warnings = [...new Set(page.lhrs.flatMap((lhr) => lhr.runWarnings ?? []))];
    for (const warning of warnings) console.log(`Lighthouse warning (${page.key}): ${warning}`);
  }
} finally {
  app.close();
  timeline.close();
}
