// The Content-Security-Policy of both pages the build writes.
//
// The served page (`securePage`, run by Trunk's post-build hook): Trunk starts the wasm
// from an inline <script type="module"> with a fixed nonce, which a static site cannot use
// safely. The nonce goes, and a <meta> policy allows exactly that script by its hash,
// same-origin resources, and wasm compilation — nothing else.
//
// The single file (`singleFilePolicy`, used by single-file.mjs): its inline script and
// style by hash, wasm compilation, data:/blob: images, and no request at all.
import { createHash } from 'node:crypto';
import { DROP, attr, isPolicyMeta, prependToHead, rewrite, withoutAttr } from './html.mjs';

// The HTML parser turns CR LF and lone CR into LF before the browser hashes inline text,
// so the text is normalised first and the hashes match.
export function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, '\n');
}

// A CSP source expression allowing exactly this inline text.
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(normalizeNewlines(text), 'utf8').digest('base64')}'`;
}

// Whether a <script> runs (a module or classic script), as opposed to a data block.
export function isExecutable(tag) {
  const kind = (attr(tag, 'type') ?? '').toLowerCase();
  return kind === '' || kind === 'module' || kind.includes('javascript') || kind.includes('ecmascript');
}

// The served page's policy, allowing these inline script hashes.
export function pagePolicy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
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
}

// The single file's policy: `default-src 'none'` forbids every request, so a future change
// that tries to fetch fails loudly instead of half-working.
export function singleFilePolicy(scriptHashes, styleHashes) {
  return [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`,
    `style-src ${styleHashes.length ? styleHashes.join(' ') : "'none'"}`,
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function policyMeta(policy) {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

// The page `html` (Trunk's index.html) without nonces and with its policy first in <head>;
// returns `{ html, hashes }`.
export function securePage(html) {
  const hashes = [];
  const edited = rewrite(html, (tag) => {
    if (isPolicyMeta(tag)) return DROP; // written anew below
    const start = withoutAttr(tag, 'nonce');
    if (tag.body === undefined) return start;
    if (tag.name === 'script' && attr(tag, 'src') === undefined && isExecutable(tag) && tag.body.trim()) {
      hashes.push(cspHash(tag.body));
    }
    return `${start}${tag.body}${tag.close}`;
  });
  return { html: prependToHead(edited, policyMeta(pagePolicy(hashes))), hashes };
}
