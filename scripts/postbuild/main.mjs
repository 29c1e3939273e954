// Everything done to a build after Trunk wrote it, in one place:
//
//   node scripts/postbuild/main.mjs page [DIR]
//       Trunk's post_build hook (Trunk.toml), on DIR or $TRUNK_STAGING_DIR: the JS glue
//       minified (glue.mjs), the wasm's preload handed to the first-frame script
//       (first-frame.mjs), the served page's Content-Security-Policy (csp.mjs), the first
//       frame of every event's deep link (first-frame.mjs), then the service worker's
//       precache list (precache.mjs), last so that the final files are listed.
//   node scripts/postbuild/main.mjs precache DIR
//       only the service worker of the build in DIR.
//   node scripts/postbuild/main.mjs single-file [--from DIR] [--out FILE]
//       the build in DIR (default `dist`) as one HTML file that opens from disk
//       (single-file.mjs; default `dist-single/explorer.html`). `cargo xtask single-file`
//       runs this after building the release.
//
// The tag edits are html.mjs; hashing and base64 are node:crypto and Buffer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { securePage } from './csp.mjs';
import { firstFrameGoesFirst, writeFirstFrames } from './first-frame.mjs';
import { minifyGlue } from './glue.mjs';
import { writeServiceWorker } from './precache.mjs';
import { OUTPUT, writeSingleFile } from './single-file.mjs';

const USAGE = `usage: node scripts/postbuild/main.mjs page [DIR]
       node scripts/postbuild/main.mjs precache DIR
       node scripts/postbuild/main.mjs single-file [--from DIR] [--out FILE]`;

async function page(dir = process.env.TRUNK_STAGING_DIR) {
  if (!dir) throw new Error('no build directory: give one, or run through trunk (TRUNK_STAGING_DIR)');
  const file = join(dir, 'index.html');
  const minified = await minifyGlue(dir, readFileSync(file, 'utf8'));
  const { html, hashes } = securePage(firstFrameGoesFirst(minified));
  writeFileSync(file, html);
  console.log(`post-build: CSP with ${hashes.length} inline script hash(es) written`);
  console.log(`post-build: first frames of ${writeFirstFrames(dir)} event links written`);
  precache(dir);
}

function precache(dir) {
  const build = writeServiceWorker(dir);
  console.log(`post-build: sw.js precaches ${build.files.length} files of build ${build.version}`);
}

function singleFile(args) {
  const options = { '--from': 'dist', '--out': OUTPUT };
  for (let i = 0; i < args.length; i += 2) {
    if (!Object.hasOwn(options, args[i]) || args[i + 1] === undefined) throw new UsageError();
    options[args[i]] = args[i + 1];
  }
  writeSingleFile(options['--from'], options['--out']);
}

class UsageError extends Error {}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'page' && args.length <= 1) await page(...args);
  else if (command === 'precache' && args.length === 1) precache(args[0]);
  else if (command === 'single-file') singleFile(args);
  else throw new UsageError();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(USAGE);
    process.exit(2);
  }
  console.error(`${command}: ${error.message}`);
  process.exit(1);
}
