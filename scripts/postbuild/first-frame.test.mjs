// The page edit that lets a deep link's first frame go before the wasm.
// Run with `node --test scripts/postbuild/` (part of `cargo xtask test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstFrameGoesFirst } from './first-frame.mjs';

// What Trunk writes, in short: the first-frame script with its slot, the loader, the preloads.
const PAGE = `<!doctype html><html><head>
<script>(()=>{var a=\`__WASM_PRELOAD__\`;go(a)})()</script>
<script type=module>import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
window.wasmBindings = bindings;</script>
<link crossorigin href=./app-1.js integrity="sha384-js" rel=modulepreload>
<link as=fetch crossorigin href=./app-1_bg.wasm integrity=sha384-wasm rel=preload type=application/wasm>
</head><body></body></html>`;

test('the wasm preload moves into the first-frame script and the loader waits for it', () => {
  const page = firstFrameGoesFirst(PAGE);
  assert.doesNotMatch(page, /rel=preload/, 'the static wasm preload is gone');
  assert.match(page, /<link crossorigin href=.\/app-1.js integrity="sha384-js" rel=modulepreload>/, 'the glue is still preloaded');
  assert.match(page, /var a=\{"href":".\/app-1_bg.wasm","integrity":"sha384-wasm"\};go\(a\)/);
  assert.match(page, /\nawait window\.korea2010FirstFrame;\nconst wasm = await init\(\{ module_or_path: '.\/app-1_bg.wasm' \}\);/);
  assert.doesNotMatch(page, /__WASM_PRELOAD__/);
});

test('a page it does not recognise is refused, not half edited', () => {
  assert.throws(() => firstFrameGoesFirst(PAGE.replace(/<link as=fetch[^>]*>/, '')), /no wasm preload/);
  assert.throws(() => firstFrameGoesFirst(PAGE.replace('__WASM_PRELOAD__', 'x')), /one __WASM_PRELOAD__ slot, has 0/);
  assert.throws(() => firstFrameGoesFirst(PAGE.replace('await init(', 'init(')), /one wasm loader, has 0/);
  const twice = PAGE.replace('</head>', '<link as=fetch href=./b_bg.wasm rel=preload>\n</head>');
  assert.throws(() => firstFrameGoesFirst(twice), /more than one wasm/);
});
