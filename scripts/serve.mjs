// A small static file server for the built app (used by `cargo xtask serve`, the
// end-to-end tests and the benchmark). Serves one directory on 127.0.0.1 with correct MIME
// types, gzipping text, scripts, styles, JSON, SVG and wasm when the client accepts it, as
// a real host would (so transfer sizes measured through it are a reader's).
// Usage: node scripts/serve.mjs <dir> [port]   (port 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|manifest\+json)|image\/svg\+xml)/;
// Compressed once per file version, as a host serving precompressed files would: the
// time to gzip must not show up as server response time in what is measured.
const gzipped = new Map();
async function gzipOnce(file, info, body) {
  const key = `${file}\0${info.mtimeMs}\0${info.size}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipAsync(body));
  return gzipped.get(key);
}

export function startServer(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache' };
      if (COMPRESSIBLE.test(type)) {
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
          body = await gzipOnce(file, info, body);
          headers['content-encoding'] = 'gzip';
        }
      }
      headers['content-length'] = body.length;
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await startServer(dir, Number(port));
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
