// The first frame of every event's deep link: `first-frame/<event id>.html`, the top of
// the event's details sheet, which the page's inline loader shows on a phone while the
// wasm downloads. The fragments are written by the project's own Rust
// (`src/bin/first-frame.rs`, the same model the Details panel renders), run natively.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DROP, attr, rewrite } from './html.mjs';

export const DIRECTORY = 'first-frame';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Runs the writer on the build in `dir`; returns how many fragments it wrote.
export function writeFirstFrames(dir) {
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'first-frame', '--', resolve(dir)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.error) throw new Error(`first frames: cannot run cargo: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`first frames: the writer failed (exit ${run.status})`);
  return readdirSync(join(dir, DIRECTORY)).filter((name) => name.endsWith('.html')).length;
}

// The placeholder in index.html's first-frame script for the wasm's address.
const WASM_SLOT = /(['"`])__WASM_PRELOAD__\1/;
const WAIT = 'await window.korea2010FirstFrame;\n';

// The page with the wasm's preload moved into the first-frame script and Trunk's loader
// waiting for that script's go-ahead, so that on a phone's link to an event the first frame
// is painted before the wasm is fetched (index.html explains why). Throws if the page is
// not the one this expects: a silent miss would leave the wasm preloaded twice or never.
export function firstFrameGoesFirst(html) {
  let preload;
  let slots = 0;
  let loaders = 0;
  const page = rewrite(html, (tag) => {
    if (tag.name === 'link' && attr(tag, 'rel') === 'preload' && /\.wasm$/.test(attr(tag, 'href') ?? '')) {
      if (preload) throw new Error('index.html preloads more than one wasm');
      preload = { href: attr(tag, 'href'), integrity: attr(tag, 'integrity') };
      return DROP;
    }
    if (tag.name !== 'script') return undefined;
    if (WASM_SLOT.test(tag.body)) {
      slots += 1;
      return undefined;
    }
    if (attr(tag, 'type') === 'module' && /\bawait init\(/.test(tag.body)) {
      loaders += 1;
      return `${tag.source}${tag.body.replace(/^(\s*)((?:const \w+ = )?await init\()/m, `$1${WAIT}$1$2`)}${tag.close}`;
    }
    return undefined;
  });
  if (!preload) throw new Error('index.html has no wasm preload to move');
  if (slots !== 1) throw new Error(`index.html should have one __WASM_PRELOAD__ slot, has ${slots}`);
  if (loaders !== 1) throw new Error(`index.html should have one wasm loader, has ${loaders}`);
  return page.replace(WASM_SLOT, JSON.stringify(preload));
}
