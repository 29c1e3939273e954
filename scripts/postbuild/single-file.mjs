// The whole explorer as one self-contained HTML file (`cargo xtask single-file`, default
// `dist-single/explorer.html`) that opens from disk (`file://…/explorer.html`, deep links
// `#/event/…` included): from a USB stick, an e-mail attachment, a plane.
//
// It rewrites the release build's `index.html`: the CSS becomes a <style>, the favicon a
// data URI, the wasm-bindgen glue an inline module script, and the wasm base64 text in a
// data block that the script decodes and instantiates — nothing is fetched, which matters
// because Chromium refuses external module scripts and `fetch` from `file://` (inline
// module scripts run). The manifest and preload links go: there is no service worker in
// this mode. A new Content-Security-Policy (csp.mjs) allows exactly the inline script and
// style by hash, wasm compilation, and data:/blob: images, and forbids every request.
// Anything else the page would load from beside it is an error, not a broken file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cspHash, isExecutable, normalizeNewlines, policyMeta, singleFilePolicy } from './csp.mjs';
import { DROP, attr, indexOfIgnoreCase, isPolicyMeta, prependToHead, rewrite, withAttr } from './html.mjs';

// Where `cargo xtask single-file` writes, relative to the project root.
export const OUTPUT = 'dist-single/explorer.html';

// The data block that carries the wasm; the bootstrap script reads it by this id.
const WASM_BLOCK_ID = 'explorer-wasm';

// The files module in a build, what the app calls in it, and the data block of its wasm.
const FILES_GLUE = 'files.js';
const FILES_WASM = 'files_bg.wasm';
const FILES_BLOCK_ID = 'files-wasm';
const FILES_CALLS = ['read', 'write_export'];

// Link relations that make no sense for a file on disk: installing and preloading.
const DROPPED_LINKS = ['manifest', 'modulepreload', 'preload', 'prefetch'];

// Writes the single file for the build in `dist` to `out`; returns its size in bytes.
export function writeSingleFile(dist, out) {
  const indexPath = join(dist, 'index.html');
  let index;
  try {
    index = readFileSync(indexPath, 'utf8');
  } catch (error) {
    throw new Error(`${indexPath}: ${error.message} (build first)`);
  }
  const html = Buffer.from(assemble(index, (href) => readAsset(dist, href)));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`single-file: wrote ${out} (${html.length} bytes)`);
  return html.length;
}

// A file of the build named by a relative URL (`./app-….css`, `favicon.svg`), as a Buffer.
export function readAsset(dist, href) {
  const path = href.startsWith('./') ? href.slice(2) : href;
  const local = path !== '' && !path.startsWith('/') && !path.includes(':') && !path.split('/').includes('..');
  if (!local) throw new Error(`\`${href}\` is not a file of the build`);
  try {
    return readFileSync(join(dist, path));
  } catch (error) {
    throw new Error(`${href}: ${error.message}`);
  }
}

// The single-file page for a release `index.html`; `asset(href)` returns the bytes of a
// file it refers to.
export function assemble(index, asset) {
  const scriptHashes = [];
  const styleHashes = [];
  let loaderFound = false;

  const style = (css) => {
    css = normalizeNewlines(css);
    if (indexOfIgnoreCase(css, '</style') >= 0) {
      throw new Error('a stylesheet contains `</style`, which would end the inline style early');
    }
    styleHashes.push(cspHash(css));
    return `<style>${css}</style>`;
  };

  const link = (tag) => {
    const rels = (attr(tag, 'rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
    const href = attr(tag, 'href') ?? '';
    if (rels.includes('stylesheet')) {
      const css = textOf(href, asset(href));
      const reference = cssFileReference(css);
      if (reference !== undefined) {
        throw new Error(`${href} refers to \`${reference}\`, which would not be inside the single file`);
      }
      return style(css);
    }
    if (rels.includes('icon')) {
      const mime = attr(tag, 'type') ?? mimeOf(href);
      return withAttr(tag, 'href', `data:${mime};base64,${Buffer.from(asset(href)).toString('base64')}`);
    }
    if (rels.some((rel) => DROPPED_LINKS.includes(rel))) return DROP;
    checkLoadsNothing(tag);
    return undefined;
  };

  const script = (tag) => {
    const src = attr(tag, 'src');
    if (src !== undefined) throw new Error(`<script src="${src}"> would not be inside the single file`);
    if ((attr(tag, 'type') ?? '').toLowerCase() === 'module') {
      if (loaderFound) throw new Error("index.html has more than one module script; expected Trunk's one loader");
      loaderFound = true;
      return `${loader(tag.body, asset, scriptHashes)}\n${filesModule(asset, scriptHashes)}`;
    }
    if (isExecutable(tag) && tag.body.trim()) {
      const body = normalizeNewlines(tag.body);
      scriptHashes.push(cspHash(body));
      return `${tag.source}${body}</script>`;
    }
    return undefined;
  };

  const html = rewrite(index, (tag) => {
    if (tag.name === 'script') return script(tag);
    if (tag.name === 'style') return style(tag.body);
    if (tag.name === 'link') return link(tag);
    if (isPolicyMeta(tag)) return DROP; // replaced by the single file's own policy below
    checkLoadsNothing(tag);
    return undefined;
  });
  if (!loaderFound) throw new Error('index.html has no wasm loader (<script type="module">)');
  return prependToHead(html, policyMeta(singleFilePolicy(scriptHashes, styleHashes)));
}

// Trunk's loader imports the glue and fetches the wasm; here the glue is inlined and the
// wasm instantiated from the bytes in the data block.
function loader(body, asset, scriptHashes) {
  const glueHref = onlyQuoted(body, '.js');
  const wasmHref = onlyQuoted(body, '.wasm');
  const glue = inlineGlue(glueHref, asset);
  const init = defaultExport(glue);
  if (init === undefined) throw new Error(`${glueHref} has no default export (the init function)`);
  const module = `${glue}
// Single-file build: the wasm is the base64 text in #${WASM_BLOCK_ID}, never fetched.
{
${decodeBlock(WASM_BLOCK_ID)}
await ${init}({ module_or_path: bytes });
}
`;
  return blockAndScript(glueHref, WASM_BLOCK_ID, asset(wasmHref), module, scriptHashes);
}

// The files module (fetched on demand in a served build) as an inline module script that
// hands the page's `korea2010LoadFiles` (index.html) its `default` (init), `read` and
// `write_export`; its wasm is base64 text like the app's, decoded only on first use.
export function filesModule(asset, scriptHashes) {
  const glue = inlineGlue(FILES_GLUE, asset);
  const init = defaultExport(glue);
  const calls = FILES_CALLS.map((name) => [name, exportedAs(glue, name)]);
  if (init === undefined || calls.some(([, local]) => local === undefined)) {
    throw new Error(`${FILES_GLUE} does not export its init function and ${FILES_CALLS.map((c) => `\`${c}\``).join(', ')}`);
  }
  const module = `${glue}
// Single-file build: the files module's wasm is the base64 text in #${FILES_BLOCK_ID}.
window.korea2010FilesModule = {
  default() {
${decodeBlock(FILES_BLOCK_ID)}
    return ${init}({ module_or_path: bytes });
  },
${calls.map(([name, local]) => `  ${name}: ${local},`).join('\n')}
};
`;
  return blockAndScript(FILES_GLUE, FILES_BLOCK_ID, asset(FILES_WASM), module, scriptHashes);
}

// A wasm-bindgen glue file's text, which must not import other files (they would not be
// inside the single file).
function inlineGlue(href, asset) {
  const glue = normalizeNewlines(textOf(href, asset(href)));
  if (glue.split('\n').some((line) => line.trimStart().startsWith('import '))) {
    throw new Error(`${href} imports other files; they would not be inside the single file`);
  }
  return glue;
}

// Script text that decodes the base64 data block `id` into `bytes`.
function decodeBlock(id) {
  return `const text = document.getElementById('${id}').textContent.trim();
const bytes = typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(text)
  : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));`;
}

// The data block `id` with `wasm` as base64, then `module` as an inline module script whose
// hash goes into the policy.
function blockAndScript(glueHref, id, wasm, module, scriptHashes) {
  if (indexOfIgnoreCase(module, '</script') >= 0 || module.includes('<!--')) {
    throw new Error(`${glueHref} contains \`</script\` or \`<!--\`, which would break the inline script`);
  }
  scriptHashes.push(cspHash(module));
  const data = Buffer.from(wasm).toString('base64');
  return `<script id="${id}" type="application/wasm;base64">${data}</script>\n<script type="module">${module}</script>`;
}

// The local name of the export `name`: `export function name(` or an export list's
// `local as name` (minified glue) or `name`.
export function exportedAs(glue, name) {
  if (new RegExp(`export\\s+function\\s+${name}\\s*\\(`).test(glue)) return name;
  for (const list of glue.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list[1].split(',')) {
      const [local, as = local] = item.split(' as ').map((part) => part.trim());
      if (as === name) return local;
    }
  }
  return undefined;
}

// Fails if the tag makes the page load a file, which from disk would not be there. Links
// (<a href>) navigate rather than load, and fragments and data are inline.
function checkLoadsNothing(tag) {
  if (tag.name === 'a') return;
  for (const key of ['src', 'href', 'srcset', 'poster', 'data']) {
    const value = attr(tag, key);
    if (value === undefined) continue;
    const inline = value.startsWith('#') || value.startsWith('data:') || value.startsWith('blob:');
    if (!inline) {
      throw new Error(`<${tag.name} ${key}="${value}"> would load a file that is not inside the single file`);
    }
  }
}

// The one quoted string in the loader that ends in `suffix` (the glue's or the wasm's URL).
export function onlyQuoted(body, suffix) {
  const found = [];
  for (const quote of ["'", '"']) {
    // Odd-numbered parts are inside quotes.
    found.push(...body.split(quote).filter((part, i) => i % 2 === 1 && part.endsWith(suffix)));
  }
  if (found.length !== 1) {
    throw new Error(`expected the loader to name one \`${suffix}\` file, found ${found.length}`);
  }
  return found[0];
}

// The local name exported as `default` (`export { initSync, __wbg_init as default };`, or
// minified `export{M as initSync,N as default}`).
export function defaultExport(glue) {
  const lists = [...glue.matchAll(/export\s*\{([^}]*)\}/g)];
  if (lists.length === 0) return undefined;
  for (const item of lists.at(-1)[1].split(',')) {
    const as = item.indexOf(' as ');
    if (as >= 0 && item.slice(as + 4).trim() === 'default') return item.slice(0, as).trim();
  }
  return undefined;
}

// The first `url(…)` in a stylesheet that names a file rather than inline data.
export function cssFileReference(css) {
  for (let i = css.indexOf('url('); i >= 0; i = css.indexOf('url(', i + 1)) {
    const inner = css.slice(i + 4);
    const close = inner.indexOf(')');
    if (close < 0) continue;
    const value = inner.slice(0, close).trim().replace(/^["']+|["']+$/g, '');
    if (!value.startsWith('data:') && !value.startsWith('#')) return value;
  }
  return undefined;
}

function textOf(href, bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${href} is not UTF-8 text`);
  }
}

const MIME = new Map([
  ['svg', 'image/svg+xml'],
  ['png', 'image/png'],
  ['ico', 'image/x-icon'],
]);

function mimeOf(href) {
  return MIME.get(href.split('.').pop()) ?? 'application/octet-stream';
}
