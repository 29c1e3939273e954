// Trunk post_build hook: Trunk starts the wasm from an inline <script type="module"> with a
// fixed nonce, which a static site cannot use safely. This drops the nonce, hashes the
// inline script and writes a Content-Security-Policy <meta> that allows exactly that
// script, same-origin resources, and wasm compilation — nothing else.
// Then it writes the service worker with this build's precache list (scripts/precache.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeServiceWorker } from './precache.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

html = html.replace(/\s+nonce="[^"]*"/g, '');
const hashes = [];
html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (match, attrs, body) => {
  if (!/\bsrc=/.test(attrs) && body.trim()) {
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return match;
});

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<head>/, `<head>\n    ${meta}`);
writeFileSync(file, html);
console.log(`post-build: CSP with ${hashes.length} inline script hash(es) written`);

// Last, so the service worker lists the final files (this index.html included).
const build = writeServiceWorker(dir);
console.log(`post-build: sw.js precaches ${build.files.length} files of build ${build.version}`);
