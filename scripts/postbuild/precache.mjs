// Writes the service worker of one build: the template `static/sw.js` with BUILD filled in
// from the files the build actually contains (Trunk's hashed names included), each with its
// SHA-256, and a version derived from all of them.
//
// Trunk's post-build step (main.mjs `page`) calls `writeServiceWorker` after the page's CSP
// is written, so the final index.html is what gets listed. By hand, on a built directory:
// `node scripts/postbuild/main.mjs precache dist`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIRECTORY as FIRST_FRAMES } from './first-frame.mjs';

const TEMPLATE = fileURLToPath(new URL('../../static/sw.js', import.meta.url));
const WORKER = 'sw.js';
const SLOT = '/* BUILD */ null;';

// Every file of the build, as URLs relative to the worker, sorted. The worker itself is
// left out (the browser fetches it on its own to look for updates), and so are dotfiles
// and the deep links' first frames: offline, the cached app starts at once without them.
export function buildFiles(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || (!prefix && entry.name === FIRST_FRAMES)) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...buildFiles(dir, path));
    else if (entry.isFile() && path !== WORKER) files.push(path);
  }
  return files.sort();
}

// Files the app fetches only when a reader needs them (the files module, for opening a
// file of their own or exporting): the worker caches them on first use, not on install, so a first
// visit does not download them. `cargo xtask size` leaves the same files out of the first
// load (xtask/src/size.rs).
export const ON_DEMAND = ['files.js', 'files_bg.wasm'];

// `{ version, files: [{ url, sha256 }], onDemand: [{ url, sha256 }] }` for the build in
// `dir`; the version covers both lists.
export function precacheList(dir) {
  const all = buildFiles(dir).map((path) => ({
    url: path.split('/').map(encodeURIComponent).join('/'),
    sha256: createHash('sha256').update(readFileSync(join(dir, path))).digest('hex'),
  }));
  if (!all.some((file) => file.url === 'index.html')) {
    throw new Error(`precache: ${dir} has no index.html (is it a build?)`);
  }
  const hash = createHash('sha256');
  for (const { url, sha256 } of all) hash.update(`${url}\n${sha256}\n`);
  const files = all.filter((file) => !ON_DEMAND.includes(file.url));
  const onDemand = all.filter((file) => ON_DEMAND.includes(file.url));
  return { version: hash.digest('hex').slice(0, 16), files, onDemand };
}

// Writes `dir/sw.js` for the build in `dir` and returns what it lists.
export function writeServiceWorker(dir) {
  const template = readFileSync(TEMPLATE, 'utf8');
  if (template.split(SLOT).length !== 2) {
    throw new Error(`precache: ${TEMPLATE} must contain ${SLOT} exactly once`);
  }
  const build = precacheList(dir);
  const worker = template.replace(SLOT, () => `${JSON.stringify(build)};`);
  writeFileSync(join(dir, WORKER), withoutCommentLines(worker));
  return build;
}

// The worker as browsers fetch it: without the whole-line comments, blank lines and
// indentation that are for the template's readers. (The template has no multi-line
// strings.)
export function withoutCommentLines(source) {
  return source
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
}
