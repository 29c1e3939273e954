// The few edits the post-build steps make to a built page, on the page's own text: walk its
// tags, let a callback keep, replace or drop each one, put a tag first in <head>. Not an
// HTML parser — it reads what Trunk writes (start tags with quoted or bare attributes,
// <script> and <style> with raw text bodies, comments, a doctype) and passes everything
// else through unchanged, so whatever it does not edit stays byte for byte as it was.

// What `edit` returns to take a tag out; if it stood alone on its line, the line goes too.
export const DROP = Symbol('drop');

// Elements whose body is raw text up to their closing tag.
const RAW_TEXT = new Set(['script', 'style']);

// One start tag read from `html` at `start` (which holds `<`), or null if it is not one.
// `{ name, attrs: [{ key, value, lead, end }], source, end }`: keys and the name in lower
// case, values as written (quotes removed, entities left alone); `lead`..`end` is the
// attribute's span in `source` with the whitespace before it; `end` is the index in
// `html` just past the tag's `>`.
export function parseTag(html, start) {
  let i = start + 1;
  while (i < html.length && /[A-Za-z0-9-]/.test(html[i])) i++;
  if (i === start + 1) return null;
  const name = html.slice(start + 1, i).toLowerCase();
  const attrs = [];
  for (;;) {
    const lead = i;
    while (i < html.length && /[\t\n\f\r /]/.test(html[i])) i++;
    if (i >= html.length) return null;
    if (html[i] === '>') break;
    const keyStart = i;
    while (i < html.length && !/[\t\n\f\r =>/]/.test(html[i])) i++;
    const key = html.slice(keyStart, i).toLowerCase();
    let value = '';
    if (html[i] === '=') {
      i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !/[\t\n\f\r >]/.test(html[i])) i++;
        value = html.slice(valueStart, i);
      }
    }
    attrs.push({ key, value, lead: lead - start, end: i - start });
  }
  return { name, attrs, source: html.slice(start, i + 1), end: i + 1 };
}

// The value of attribute `key` of a parsed tag, or undefined.
export function attr(tag, key) {
  return tag.attrs.find((a) => a.key === key)?.value;
}

// The tag's source without attribute `key` (and the whitespace before it).
export function withoutAttr(tag, key) {
  let source = tag.source;
  for (const a of [...tag.attrs].reverse()) {
    if (a.key === key) source = source.slice(0, a.lead) + source.slice(a.end);
  }
  return source;
}

// The tag written again with one attribute's value replaced (every value double-quoted).
export function withAttr(tag, key, value) {
  const attrs = tag.attrs.map((a) => ` ${a.key}="${(a.key === key ? value : a.value).replaceAll('"', '&quot;')}"`);
  return `<${tag.name}${attrs.join('')}>`;
}

// `html` with every start tag passed to `edit(tag)`, which returns a string to write
// instead, DROP to take the tag out, or undefined to keep it as it is. For <script> and
// <style>, `tag.body` is the raw text up to the closing tag and `tag.close` that tag, and
// what `edit` returns stands for the whole element. Comments, the doctype, other closing
// tags and text are copied as they are.
export function rewrite(html, edit) {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = html.indexOf('<', pos);
    if (start < 0) break;
    out += html.slice(pos, start);
    let passthrough = -1;
    if (html.startsWith('<!--', start)) {
      const close = html.indexOf('-->', start);
      passthrough = close < 0 ? html.length : close + 3;
    } else if (html.startsWith('<!', start) || html.startsWith('</', start)) {
      const close = html.indexOf('>', start);
      passthrough = close < 0 ? html.length : close + 1;
    }
    if (passthrough >= 0) {
      out += html.slice(start, passthrough);
      pos = passthrough;
      continue;
    }
    const tag = parseTag(html, start);
    if (!tag) {
      out += '<';
      pos = start + 1;
      continue;
    }
    pos = tag.end;
    if (RAW_TEXT.has(tag.name)) {
      const bodyEnd = indexOfIgnoreCase(html, `</${tag.name}`, pos);
      if (bodyEnd < 0) throw new Error(`index.html: <${tag.name}> is never closed`);
      tag.body = html.slice(pos, bodyEnd);
      const close = html.indexOf('>', bodyEnd);
      pos = close < 0 ? html.length : close + 1;
      tag.close = html.slice(bodyEnd, pos);
    }
    const replacement = edit(tag);
    if (replacement === DROP) {
      // Alone on its line (only indentation before it, a newline after): drop the line.
      let lineStart = out.length;
      while (out[lineStart - 1] === ' ' || out[lineStart - 1] === '\t') lineStart--;
      if (out[lineStart - 1] === '\n' && html.startsWith('\n', pos)) {
        out = out.slice(0, lineStart);
        pos += 1;
      }
    } else {
      out += replacement ?? html.slice(start, pos);
    }
  }
  return out + html.slice(pos);
}

// `html` with `tag` as the first thing in <head>, on a line of its own. A minified page may
// leave out the optional <head> tag: its head then starts implicitly, and the tag goes right
// after the charset declaration, still ahead of every script and style.
export function prependToHead(html, tag) {
  const head = html.indexOf('<head>');
  if (head >= 0) {
    const at = head + '<head>'.length;
    return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
  }
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (!charset) throw new Error('index.html has no <head> to put the policy in');
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}${tag}${html.slice(at)}`;
}

// Where `needle` next occurs in `haystack` from `from`, ignoring ASCII case; -1 if nowhere.
export function indexOfIgnoreCase(haystack, needle, from = 0) {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi');
  pattern.lastIndex = from;
  return pattern.exec(haystack)?.index ?? -1;
}

// Whether the tag is a Content-Security-Policy <meta>.
export function isPolicyMeta(tag) {
  return tag.name === 'meta' && attr(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy';
}
