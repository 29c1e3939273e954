// The service worker's precache list, on a small build in a scratch directory.
// Run with `node --test scripts/postbuild/` (part of `cargo xtask test`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { precacheList, writeServiceWorker } from './precache.mjs';

let dir;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'korea2010-precache-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'app-1.wasm'), 'wasm');
  writeFileSync(join(dir, 'sw.js'), 'old worker');
  writeFileSync(join(dir, '.hidden'), 'x');
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'icons', 'a b.png'), 'png');
  mkdirSync(join(dir, 'first-frame'));
  writeFileSync(join(dir, 'first-frame', 'an-event.html'), '<div></div>');
});

after(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('lists every file but the worker, dotfiles and first frames, sorted, as URLs, with their hashes', () => {
  const build = precacheList(dir);
  assert.deepEqual(build.files, [
    { url: 'app-1.wasm', sha256: sha256('wasm') },
    { url: 'icons/a%20b.png', sha256: sha256('png') },
    { url: 'index.html', sha256: sha256('<!doctype html>') },
  ]);
  assert.deepEqual(build.onDemand, []);
  const all = build.files.map(({ url, sha256 }) => `${url}\n${sha256}\n`).join('');
  assert.equal(build.version, sha256(all).slice(0, 16));
});

test('the files module is listed apart, to be cached on first use, and is part of the version', () => {
  const without = precacheList(dir);
  writeFileSync(join(dir, 'files.js'), 'glue');
  writeFileSync(join(dir, 'files_bg.wasm'), 'files wasm');
  try {
    const build = precacheList(dir);
    assert.deepEqual(build.files, without.files);
    assert.deepEqual(build.onDemand, [
      { url: 'files.js', sha256: sha256('glue') },
      { url: 'files_bg.wasm', sha256: sha256('files wasm') },
    ]);
    assert.notEqual(build.version, without.version);
  } finally {
    rmSync(join(dir, 'files.js'));
    rmSync(join(dir, 'files_bg.wasm'));
  }
});

test('writes the list into the worker, and a changed file makes a new version', () => {
  const first = writeServiceWorker(dir);
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.equal(JSON.parse(worker.match(/^const BUILD = (\{.*\});$/m)[1]).version, first.version);
  assert.ok(!worker.includes('/* BUILD */ null;'));
  assert.deepEqual(precacheList(dir), first, 'the written worker is not listed');
  writeFileSync(join(dir, 'app-1.wasm'), 'new wasm');
  assert.notEqual(precacheList(dir).version, first.version);
});

test('the written worker keeps its code and drops its comment lines and indentation', () => {
  writeServiceWorker(dir);
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  const template = readFileSync(new URL('../../static/sw.js', import.meta.url), 'utf8');
  assert.ok(!/^\s*\/\//m.test(worker), 'no comment lines');
  assert.ok(!/^[ \t]+\S/m.test(worker), 'no indentation');
  assert.ok(worker.length < template.length);
  // Still a script that parses, with every statement of the template.
  assert.doesNotThrow(() => new vm.Script(worker));
  for (const line of template.split('\n').filter((l) => l.trim() && !l.trim().startsWith('//') && !l.includes('/* BUILD */'))) {
    assert.ok(worker.includes(line.trim()), line);
  }
});

test('a directory without index.html is not a build', () => {
  const empty = mkdtempSync(join(tmpdir(), 'korea2010-precache-empty-'));
  try {
    assert.throws(() => precacheList(empty), /no index\.html/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
