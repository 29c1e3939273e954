// The served page's Content-Security-Policy, and the tag edits it is made with.
// Run with `node --test scripts/postbuild/` (part of `cargo xtask test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cspHash, securePage } from './csp.mjs';
import { DROP, parseTag, rewrite, withoutAttr } from './html.mjs';

// Shaped like Trunk's release index.html before the hook runs.
const LOADER = `
import init, * as bindings from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
`;
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="stylesheet" href="./app-1.css" integrity="sha384-x"/>
<script type="module" nonce="abc123">${LOADER}</script>
  <link rel="modulepreload" href="./app-2.js" crossorigin="anonymous" nonce="abc123"></head>
  <body><script type="application/json" id="data">{"a": 1}</script></body>
</html>
`;

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' SCRIPT; style-src 'self'; " +
  "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
  "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

test('the page allows exactly its inline loader, by hash, and keeps no nonce', () => {
  const { html, hashes } = securePage(INDEX);
  assert.deepEqual(hashes, [cspHash(LOADER)], 'the loader, not the JSON data block');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY.replace('SCRIPT', cspHash(LOADER))}">`;
  const expected = INDEX.replace('<head>', `<head>\n    ${meta}`).replaceAll(' nonce="abc123"', '');
  assert.equal(html, expected, 'only the policy is added and the nonces removed');
});

test('running it again gives the same page', () => {
  const once = securePage(INDEX).html;
  assert.equal(securePage(once).html, once);
});

test('a minified page without the optional <head> tag gets its policy after the charset', () => {
  const minified = '<!doctype html><html lang=en><meta charset=utf-8><title>T</title><script type=module>import init from "./app.js";init()</script><body><div id=app></div>';
  const { html: page, hashes } = securePage(minified);
  assert.equal(hashes.length, 1, "the loader is hashed");
  const policy = page.indexOf('<meta http-equiv="Content-Security-Policy"');
  assert.ok(policy > page.indexOf('<meta charset=utf-8>'), page);
  assert.ok(policy < page.indexOf('<title>') && policy < page.indexOf('<script'), page);
});

test('a page without <head> is an error, not a page without a policy', () => {
  assert.throws(() => securePage('<html><body></body></html>'), /no <head>/);
});

test('the hash is of the text as the browser sees it', () => {
  assert.equal(cspHash('a\r\nb\rc'), cspHash('a\nb\nc'));
  assert.equal(cspHash('abc'), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
});

test('tags are read with quoted, bare and empty attributes', () => {
  const html = `<LINK Rel=icon href='a "b"' hidden data-x="1">`;
  const tag = parseTag(html, 0);
  assert.equal(tag.name, 'link');
  assert.deepEqual(
    tag.attrs.map(({ key, value }) => [key, value]),
    [['rel', 'icon'], ['href', 'a "b"'], ['hidden', ''], ['data-x', '1']],
  );
  assert.equal(tag.end, html.length);
  assert.equal(withoutAttr(tag, 'hidden'), `<LINK Rel=icon href='a "b"' data-x="1">`);
  assert.equal(parseTag('<p class="open', 0), null, 'an unclosed quote is no tag');
  assert.equal(parseTag('< p>', 0), null);
});

test('rewriting leaves comments, closing tags and text alone', () => {
  const html = '<!-- <script> --><p>a < b</p>\n  <br>\n<i>x</i>';
  assert.equal(rewrite(html, () => undefined), html);
  assert.equal(rewrite(html, (tag) => (tag.name === 'br' ? DROP : undefined)), '<!-- <script> --><p>a < b</p>\n<i>x</i>');
  assert.equal(rewrite('<p><br></p>', (tag) => (tag.name === 'br' ? DROP : undefined)), '<p></p>');
  assert.throws(() => rewrite('<style>a {}', () => undefined), /never closed/);
  const raw = '<SCRIPT>if (a </b) {}</SCRIPT >';
  assert.equal(rewrite(raw, (tag) => `[${tag.body}|${tag.close}]`), '[if (a </b) {}|</SCRIPT >]');
});
