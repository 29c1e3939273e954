// The JS glue minified in place, its preload's integrity hash renewed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrity, minifyGlue } from './glue.mjs';

const GLUE = `// the glue
export function greet(name) {
  const greeting = 'hello, ' + name;
  return greeting;
}
export default async function init(options) {
  return { ready: true, options };
}
`;

test('the glue is minified, keeps its exports, and its preload is checked against the new bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'korea2010-glue-'));
  writeFileSync(join(dir, 'app-1.js'), GLUE);
  const html = `<link crossorigin href=./app-1.js integrity=${integrity(GLUE)} rel=modulepreload><link href=./app-1_bg.wasm integrity=sha384-abc rel=preload>`;
  const page = await minifyGlue(dir, html);
  const code = readFileSync(join(dir, 'app-1.js'), 'utf8');
  assert.ok(code.length < GLUE.length, code);
  assert.ok(!code.includes('// the glue'));
  assert.ok(page.includes(`integrity="${integrity(code)}"`), page);
  assert.ok(page.includes('integrity=sha384-abc'), 'other files keep theirs');
  const module = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  assert.equal(module.greet('Beijing'), 'hello, Beijing');
  assert.deepEqual(await module.default(1), { ready: true, options: 1 });
});
