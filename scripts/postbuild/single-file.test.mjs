// The single-file assembly on a small page shaped like Trunk's release index.html.
// Run with `node --test scripts/postbuild/` (part of `cargo xtask test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cspHash } from './csp.mjs';
import { assemble, defaultExport, exportedAs, readAsset } from './single-file.mjs';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
    <meta charset="utf-8" />
    <title>Korea 2010</title>
    <link rel="stylesheet" href="./app-1.css" integrity="sha384-x"/>
    <link rel="icon" href="favicon.svg" type="image/svg+xml" />
    <link rel="manifest" href="manifest.webmanifest" />
<script type="module">
import init, * as bindings from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
</script>
  <link rel="modulepreload" href="./app-2.js" crossorigin="anonymous"><link rel="preload" href="./app-2_bg.wasm" as="fetch"></head>
  <body><div id="app"><p class="boot-message">Loading…</p></div></body>
</html>
`;

const GLUE = 'let wasm;\nasync function __wbg_init(m) { return m; }\nexport { initSync, __wbg_init as default };\n';

const FILES_GLUE = 'async function i(m) { return m; }\nfunction r(name, text) { return name; }\nfunction w(bytes) { return bytes; }\nexport{i as default,r as read,w as write_export};\n';

function asset(href) {
  const files = {
    './app-1.css': 'body { color: red; }',
    'favicon.svg': '<svg/>',
    './app-2.js': GLUE,
    './app-2_bg.wasm': '\0asm\x01\0\0\0',
    'files.js': FILES_GLUE,
    'files_bg.wasm': '\0asm\x02\0\0\0',
  };
  if (!Object.hasOwn(files, href)) throw new Error(`no such file ${href}`);
  return Buffer.from(files[href], 'latin1');
}

// `asset` with one file's text replaced.
function assetWith(href, text) {
  return (name) => (name === href ? Buffer.from(text) : asset(name));
}

function policyOf(html) {
  return html.match(/content="(default-src 'none'[^"]*)"/)[1];
}

function inlineBetween(html, open, close) {
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf(close, start));
}

test('inlines the style, glue and wasm, and drops what a file cannot use', () => {
  const html = assemble(INDEX, asset);
  assert.ok(html.includes('<style>body { color: red; }</style>'));
  assert.ok(html.includes('href="data:image/svg+xml;base64,PHN2Zy8+"'));
  assert.ok(html.includes('<script id="explorer-wasm" type="application/wasm;base64">AGFzbQEAAAA=</script>'));
  assert.ok(html.includes('await __wbg_init({ module_or_path: bytes });'));
  for (const gone of ['manifest', 'modulepreload', 'rel="preload"', "default-src 'self'", './app-']) {
    assert.ok(!html.includes(gone), `still has ${gone}`);
  }
  assert.ok(html.includes('<title>Korea 2010</title>'));
  assert.ok(html.includes('<div id="app"><p class="boot-message">Loading…</p></div>'));
  // A link alone on its line goes with its line.
  assert.ok(html.includes('type="image/svg+xml">\n<script id='), html);
});

test('puts the files module inline, its wasm decoded only when a file is opened', async () => {
  const html = assemble(INDEX, asset);
  assert.ok(html.includes('<script id="files-wasm" type="application/wasm;base64">AGFzbQIAAAA=</script>'));
  const reader = html.split('<script type="module">')[2].split('</script>')[0];
  const window = {};
  const document = { getElementById: (id) => ({ textContent: id === 'files-wasm' ? ' AGFzbQIAAAA= ' : '' }) };
  new Function('window', 'document', reader.replace(/^export\{[^}]*\};?$/m, ''))(window, document);
  assert.equal(window.korea2010FilesModule.read('a.csv', 'x'), 'a.csv');
  assert.equal(window.korea2010FilesModule.write_export('x'), 'x');
  const { module_or_path: bytes } = await window.korea2010FilesModule.default();
  assert.deepEqual([...bytes], [0, 97, 115, 109, 2, 0, 0, 0]);
  assert.equal(exportedAs('export function read(a) {}', 'read'), 'read');
  assert.equal(exportedAs('export { x as default, y as read };', 'read'), 'y');
  assert.equal(exportedAs('export { read };', 'read'), 'read');
  assert.equal(exportedAs('export { x as default };', 'read'), undefined);
  assert.throws(() => assemble(INDEX, assetWith('files.js', 'export { i as default, r as read };')), /does not export/);
});

test('the policy allows exactly the inline script and style', () => {
  const html = assemble(INDEX, asset);
  const [script, reader] = html.split('<script type="module">').slice(1).map((part) => part.split('</script>')[0]);
  const style = inlineBetween(html, '<style>', '</style>');
  assert.equal(
    policyOf(html),
    `default-src 'none'; script-src 'wasm-unsafe-eval' ${cspHash(script)} ${cspHash(reader)}; style-src ${cspHash(style)}; ` +
      "img-src data: blob:; base-uri 'none'; form-action 'none'",
  );
  // The policy comes first in <head>, before anything it governs.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'));
  assert.equal(html.split('Content-Security-Policy').length, 2);
  assert.ok(html.includes('<head>\n    <meta http-equiv="Content-Security-Policy"'));
});

test('refuses pages that would load files from beside it', () => {
  const image = INDEX.replace('<body>', '<body><img src="map.png">');
  assert.throws(() => assemble(image, asset), /map\.png/);
  const script = INDEX.replace('<body>', '<body><script src="extra.js"></script>');
  assert.throws(() => assemble(script, asset), /extra\.js/);
  assert.throws(() => assemble(INDEX, assetWith('./app-1.css', '@font-face { src: url("font.woff2") }')), /font\.woff2/);
  const noLoader = INDEX.replace('type="module"', 'type="text/plain"');
  assert.throws(() => assemble(noLoader, asset), /no wasm loader/);
  const twoLoaders = INDEX.replace('<body>', '<body><script type="module">1</script>');
  assert.throws(() => assemble(twoLoaders, asset), /more than one module script/);
});

test('refuses glue that would end the inline script or import other files', () => {
  assert.throws(() => assemble(INDEX, assetWith('./app-2.js', `${GLUE}const s = '</script>';`)), /<\/script/);
  assert.throws(() => assemble(INDEX, assetWith('./app-2.js', `import x from './x.js';\n${GLUE}`)), /imports other files/);
  assert.throws(() => assemble(INDEX, assetWith('./app-2.js', 'let wasm;\n')), /no default export/);
  assert.throws(() => assemble(INDEX, assetWith('./app-1.css', 'a {} </STYLE> b {}')), /<\/style/);
});

test('hashes inline text as the browser sees it', () => {
  const html = assemble(INDEX, assetWith('./app-1.css', 'a {}\r\nb {}\rc {}'));
  assert.ok(html.includes('<style>a {}\nb {}\nc {}</style>'));
  assert.ok(policyOf(html).includes(cspHash('a {}\nb {}\nc {}')));
  // A well-known SHA-256 (FIPS 180-2, "abc"), in base64 as CSP writes it.
  assert.equal(cspHash('abc'), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
});

test('reads only files of the build', () => {
  for (const bad of ['../secret', 'a/../../secret', '/etc/passwd', 'https://example.com/x.css', '']) {
    assert.throws(() => readAsset('/nonexistent-dist', bad), /not a file of the build/, bad);
  }
});

test('finds the default export', () => {
  assert.equal(defaultExport(GLUE), '__wbg_init');
  assert.equal(defaultExport('export { a, b };'), undefined);
  assert.equal(defaultExport('let M,N;export{M as initSync,N as default}'), 'N', 'minified glue');
  assert.equal(defaultExport('no exports'), undefined);
});
