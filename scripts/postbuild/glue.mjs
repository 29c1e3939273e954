// The wasm-bindgen JS glue of a build, minified. Trunk's own JS minifier cannot read the
// glue's `export default` and leaves it whole; terser can. The page preloads the glue with a
// subresource-integrity hash, which is written anew for the new bytes so the browser still
// checks them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { ON_DEMAND } from './precache.mjs';

// The script files (`./name.js`) the page refers to.
function scriptsOf(html) {
  return [...new Set([...html.matchAll(/href="?\.\/([\w.-]+\.js)\b/g)].map((m) => m[1]))];
}

// `sha384-…` of `bytes`, as the `integrity` attribute wants it.
export function integrity(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

// The on-demand scripts of the build (the reader module's glue) that are there.
function onDemandScripts(dir) {
  return ON_DEMAND.filter((name) => name.endsWith('.js') && existsSync(join(dir, name)));
}

// Minifies each script of the page in `dir`, and the on-demand ones, and returns the page
// with their integrity hashes renewed.
export async function minifyGlue(dir, html) {
  let page = html;
  for (const name of [...scriptsOf(html), ...onDemandScripts(dir)]) {
    const file = join(dir, name);
    const { code } = await minify(readFileSync(file, 'utf8'), {
      module: true,
      compress: true,
      mangle: true,
      format: { comments: false },
    });
    writeFileSync(file, code);
    const tag = new RegExp(`<link[^>]*href="?\\./${name.replace(/\./g, '\\.')}"?[^>]*>`, 'g');
    page = page.replace(tag, (link) => link.replace(/integrity="?sha\d+-[\w+/=]+"?/, `integrity="${integrity(code)}"`));
  }
  return page;
}
