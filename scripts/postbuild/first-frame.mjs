// The first frame of every event's deep link: `first-frame/<event id>.html`, the top of
// the event's details sheet, which the page's inline loader shows on a phone while the
// wasm downloads. The fragments are written by the project's own Rust
// (`src/bin/first-frame.rs`, the same model the Details panel renders), run natively.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
