//! `cargo xtask single-file`: the whole explorer as one self-contained HTML file,
//! `dist-single/explorer.html`, that opens from disk (`file://…/explorer.html`, deep links
//! `#/event/…` included): from a USB stick, an e-mail attachment, a plane.
//!
//! It rewrites the release build's `index.html`: the CSS becomes a `<style>`, the favicon a
//! data URI, the wasm-bindgen glue an inline module script, and the wasm base64 text in a
//! data block that the script decodes and instantiates — nothing is fetched, which matters
//! because Chromium refuses external module scripts and `fetch` from `file://` (inline
//! module scripts run). The manifest and preload links go: there is no service worker in
//! this mode. A new Content-Security-Policy allows exactly the inline script and style by
//! hash, wasm compilation, and data:/blob: images; `default-src 'none'` forbids every
//! request, so a future change that tries to fetch fails loudly instead of half-working.
//! Anything else the page would load from beside it is an error, not a broken file.

mod base64;
mod sha256;

use std::path::Path;

/// Where `cargo xtask single-file` writes, relative to the workspace root.
pub const OUTPUT: &str = "dist-single/explorer.html";

/// The data block that carries the wasm; the bootstrap script reads it by this id.
const WASM_BLOCK_ID: &str = "explorer-wasm";

/// Writes the single file for the build in `dist` to `out`.
pub fn write(dist: &Path, out: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e} (build first)", dist.join("index.html").display()))?;
    let html = assemble(&index, |href| read_asset(dist, href))?;
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(out, &html).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "single-file: wrote {} ({} bytes, {} bytes gzip)",
        out.display(),
        html.len(),
        crate::size::gzip_len(html.as_bytes())?
    );
    Ok(())
}

/// A file of the build named by a relative URL (`./app-….css`, `favicon.svg`).
fn read_asset(dist: &Path, href: &str) -> Result<Vec<u8>, String> {
    let path = href.strip_prefix("./").unwrap_or(href);
    let local = !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(':')
        && !path.split('/').any(|part| part == "..");
    if !local {
        return Err(format!("`{href}` is not a file of the build"));
    }
    std::fs::read(dist.join(path)).map_err(|e| format!("{href}: {e}"))
}

/// The single-file page for a release `index.html`; `asset` reads the files it refers to.
pub fn assemble(
    index: &str,
    asset: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(index.len());
    let mut inline = Inline::default();
    let mut pos = 0;
    while let Some(offset) = index[pos..].find('<') {
        let start = pos + offset;
        out.push_str(&index[pos..start]);
        let rest = &index[start..];
        // Comments, the doctype and closing tags pass through unchanged.
        let passthrough_end = if rest.starts_with("<!--") {
            Some(rest.find("-->").map_or(rest.len(), |i| i + 3))
        } else if rest.starts_with("<!") || rest.starts_with("</") {
            Some(rest.find('>').map_or(rest.len(), |i| i + 1))
        } else {
            None
        };
        if let Some(end) = passthrough_end {
            out.push_str(&rest[..end]);
            pos = start + end;
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            out.push('<');
            pos = start + 1;
            continue;
        };
        pos = start + tag.source.len();
        match tag.name.as_str() {
            "script" | "style" => {
                let close = format!("</{}", tag.name);
                let body_len = find_ignore_case(&index[pos..], &close)
                    .ok_or_else(|| format!("index.html: <{}> is never closed", tag.name))?;
                let body = &index[pos..pos + body_len];
                let end = index[pos + body_len..]
                    .find('>')
                    .map_or(index.len(), |i| pos + body_len + i + 1);
                pos = end;
                if tag.name == "script" {
                    out.push_str(&inline.script(&tag, body, &asset)?);
                } else {
                    out.push_str(&inline.style(body)?);
                }
            }
            "link" => {
                let link = inline.link(&tag, &asset)?;
                if link.is_empty() {
                    pos = drop_blank_line(&mut out, index, pos);
                }
                out.push_str(&link);
            }
            "meta"
                if tag
                    .attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")) =>
            {
                // Replaced by the single file's own policy below.
                pos = drop_blank_line(&mut out, index, pos);
            }
            _ => {
                tag.check_loads_nothing()?;
                out.push_str(tag.source);
            }
        }
    }
    out.push_str(&index[pos..]);
    if !inline.loader_found {
        return Err("index.html has no wasm loader (<script type=\"module\">)".to_owned());
    }
    let head = out
        .find("<head>")
        .ok_or("index.html has no <head> to put the policy in")?
        + "<head>".len();
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        inline.policy()
    );
    out.insert_str(head, &meta);
    Ok(out)
}

/// What the single file carries inline, with the hashes its policy must allow.
#[derive(Default)]
struct Inline {
    script_hashes: Vec<String>,
    style_hashes: Vec<String>,
    loader_found: bool,
}

impl Inline {
    fn link(
        &mut self,
        tag: &Tag,
        asset: impl Fn(&str) -> Result<Vec<u8>, String>,
    ) -> Result<String, String> {
        let rel = tag.attr("rel").unwrap_or_default().to_ascii_lowercase();
        let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
        let href = tag.attr("href").unwrap_or_default();
        if rels.contains(&"stylesheet") {
            let css = text_of(href, asset(href)?)?;
            if let Some(reference) = css_file_reference(&css) {
                return Err(format!(
                    "{href} refers to `{reference}`, which would not be inside the single file"
                ));
            }
            return self.style(&css);
        }
        if rels.contains(&"icon") {
            let bytes = asset(href)?;
            let mime = tag.attr("type").unwrap_or_else(|| mime_of(href));
            let uri = format!("data:{mime};base64,{}", base64::encode(&bytes));
            return Ok(tag.with_attr("href", &uri));
        }
        // Installing and preloading make no sense for a file on disk.
        if rels
            .iter()
            .any(|r| ["manifest", "modulepreload", "preload", "prefetch"].contains(r))
        {
            return Ok(String::new());
        }
        tag.check_loads_nothing()?;
        Ok(tag.source.to_owned())
    }

    fn style(&mut self, css: &str) -> Result<String, String> {
        let css = normalize_newlines(css);
        if find_ignore_case(&css, "</style").is_some() {
            return Err(
                "a stylesheet contains `</style`, which would end the inline style early"
                    .to_owned(),
            );
        }
        self.style_hashes.push(csp_hash(&css));
        Ok(format!("<style>{css}</style>"))
    }

    fn script(
        &mut self,
        tag: &Tag,
        body: &str,
        asset: impl Fn(&str) -> Result<Vec<u8>, String>,
    ) -> Result<String, String> {
        if let Some(src) = tag.attr("src") {
            return Err(format!(
                "<script src=\"{src}\"> would not be inside the single file"
            ));
        }
        let kind = tag.attr("type").unwrap_or_default().to_ascii_lowercase();
        if kind == "module" {
            if self.loader_found {
                return Err(
                    "index.html has more than one module script; expected Trunk's one loader"
                        .to_owned(),
                );
            }
            self.loader_found = true;
            return self.loader(body, asset);
        }
        let executable =
            kind.is_empty() || kind.contains("javascript") || kind.contains("ecmascript");
        if executable && !body.trim().is_empty() {
            let body = normalize_newlines(body);
            self.script_hashes.push(csp_hash(&body));
            return Ok(format!("{}{body}</script>", tag.source));
        }
        Ok(format!("{}{body}</script>", tag.source))
    }

    /// Trunk's loader imports the glue and fetches the wasm; here the glue is inlined and
    /// the wasm instantiated from the bytes in the data block.
    fn loader(
        &mut self,
        body: &str,
        asset: impl Fn(&str) -> Result<Vec<u8>, String>,
    ) -> Result<String, String> {
        let glue_href = only_quoted(body, ".js")?;
        let wasm_href = only_quoted(body, ".wasm")?;
        let glue = normalize_newlines(&text_of(glue_href, asset(glue_href)?)?);
        let wasm = asset(wasm_href)?;
        if glue
            .lines()
            .any(|line| line.trim_start().starts_with("import "))
        {
            return Err(format!(
                "{glue_href} imports other files; they would not be inside the single file"
            ));
        }
        let init = default_export(&glue)
            .ok_or_else(|| format!("{glue_href} has no default export (the init function)"))?;
        let module = format!(
            "{glue}\n\
             // Single-file build: the wasm is the base64 text in #{WASM_BLOCK_ID}, never fetched.\n\
             {{\n\
             const text = document.getElementById('{WASM_BLOCK_ID}').textContent.trim();\n\
             const bytes = typeof Uint8Array.fromBase64 === 'function'\n\
             \x20 ? Uint8Array.fromBase64(text)\n\
             \x20 : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));\n\
             await {init}({{ module_or_path: bytes }});\n\
             }}\n"
        );
        if find_ignore_case(&module, "</script").is_some() || module.contains("<!--") {
            return Err(format!(
                "{glue_href} contains `</script` or `<!--`, which would break the inline script"
            ));
        }
        self.script_hashes.push(csp_hash(&module));
        Ok(format!(
            "<script id=\"{WASM_BLOCK_ID}\" type=\"application/wasm;base64\">{}</script>\n<script type=\"module\">{module}</script>",
            base64::encode(&wasm)
        ))
    }

    fn policy(&self) -> String {
        let or_none = |hashes: &[String]| {
            if hashes.is_empty() {
                "'none'".to_owned()
            } else {
                hashes.join(" ")
            }
        };
        [
            "default-src 'none'".to_owned(),
            format!(
                "script-src 'wasm-unsafe-eval' {}",
                self.script_hashes.join(" ")
            ),
            format!("style-src {}", or_none(&self.style_hashes)),
            "img-src data: blob:".to_owned(),
            "base-uri 'none'".to_owned(),
            "form-action 'none'".to_owned(),
        ]
        .join("; ")
    }
}

/// One start tag, as written in the page.
struct Tag<'a> {
    name: String,
    attrs: Vec<(String, String)>,
    source: &'a str,
}

impl<'a> Tag<'a> {
    /// Reads the start tag at the beginning of `text` (which starts with `<`).
    fn parse(text: &'a str) -> Option<Tag<'a>> {
        let bytes = text.as_bytes();
        let name_len = text[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(text.len() - 1);
        if name_len == 0 {
            return None;
        }
        let name = text[1..1 + name_len].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut i = 1 + name_len;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => break,
                _ => {
                    let start = i;
                    while i < bytes.len() && !b" \t\r\n=>/".contains(&bytes[i]) {
                        i += 1;
                    }
                    let key = text[start..i].to_ascii_lowercase();
                    let mut value = String::new();
                    if bytes.get(i) == Some(&b'=') {
                        i += 1;
                        if let Some(&quote) = bytes.get(i).filter(|b| **b == b'"' || **b == b'\'') {
                            let end = text[i + 1..].find(quote as char)? + i + 1;
                            value = text[i + 1..end].to_owned();
                            i = end + 1;
                        } else {
                            let start = i;
                            while i < bytes.len()
                                && !bytes[i].is_ascii_whitespace()
                                && bytes[i] != b'>'
                            {
                                i += 1;
                            }
                            value = text[start..i].to_owned();
                        }
                    }
                    attrs.push((key, value));
                }
            }
        }
        Some(Tag {
            name,
            attrs,
            source: &text[..=i],
        })
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The tag written again with one attribute's value replaced.
    fn with_attr(&self, key: &str, value: &str) -> String {
        let mut out = format!("<{}", self.name);
        for (k, v) in &self.attrs {
            let v = if k == key { value } else { v };
            out.push_str(&format!(" {k}=\"{}\"", v.replace('"', "&quot;")));
        }
        out.push('>');
        out
    }

    /// Fails if the tag makes the page load a file, which from disk would not be there.
    /// Links (`<a href>`) navigate rather than load, and fragments and data are inline.
    fn check_loads_nothing(&self) -> Result<(), String> {
        if self.name == "a" {
            return Ok(());
        }
        for key in ["src", "href", "srcset", "poster", "data"] {
            if let Some(value) = self.attr(key) {
                let inline = value.starts_with('#')
                    || value.starts_with("data:")
                    || value.starts_with("blob:");
                if !inline {
                    return Err(format!(
                        "<{} {key}=\"{value}\"> would load a file that is not inside the single file",
                        self.name
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The one quoted string in the loader that ends in `suffix` (the glue's or the wasm's URL).
fn only_quoted<'a>(body: &'a str, suffix: &str) -> Result<&'a str, String> {
    let mut found: Vec<&str> = Vec::new();
    for quote in ['\'', '"'] {
        // Odd-numbered parts are inside quotes.
        let quoted = body.split(quote).skip(1).step_by(2);
        found.extend(quoted.filter(|s| s.ends_with(suffix)));
    }
    match found.as_slice() {
        [one] => Ok(one),
        _ => Err(format!(
            "expected the loader to name one `{suffix}` file, found {}",
            found.len()
        )),
    }
}

/// The local name exported as `default` (`export { initSync, __wbg_init as default };`).
fn default_export(glue: &str) -> Option<&str> {
    let start = glue.rfind("export {")? + "export {".len();
    let end = glue[start..].find('}')? + start;
    glue[start..end].split(',').find_map(|item| {
        let (local, exported) = item.split_once(" as ")?;
        (exported.trim() == "default").then(|| local.trim())
    })
}

/// The first `url(…)` in a stylesheet that names a file rather than inline data.
fn css_file_reference(css: &str) -> Option<String> {
    css.match_indices("url(").find_map(|(i, _)| {
        let inner = &css[i + 4..];
        let value = inner[..inner.find(')')?].trim().trim_matches(['"', '\'']);
        (!value.starts_with("data:") && !value.starts_with('#')).then(|| value.to_owned())
    })
}

/// After a tag was dropped: if it stood alone on its line, the line goes too. Returns
/// where to continue in `index`.
fn drop_blank_line(out: &mut String, index: &str, pos: usize) -> usize {
    let indent = out.len() - out.trim_end_matches([' ', '\t']).len();
    let alone = out[..out.len() - indent].ends_with('\n') && index[pos..].starts_with('\n');
    if alone {
        out.truncate(out.len() - indent);
        pos + 1
    } else {
        pos
    }
}

fn text_of(href: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| format!("{href} is not UTF-8 text"))
}

fn mime_of(href: &str) -> &'static str {
    match href.rsplit('.').next().unwrap_or_default() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// The HTML parser turns CR LF and lone CR into LF before the browser hashes inline text,
/// so the text is normalised first and the hashes match.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A CSP source expression allowing exactly this inline text.
fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::encode(&sha256::digest(text.as_bytes()))
    )
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!doctype html>
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
"#;

    const GLUE: &str = "let wasm;\nasync function __wbg_init(m) { return m; }\nexport { initSync, __wbg_init as default };\n";

    fn asset(href: &str) -> Result<Vec<u8>, String> {
        match href {
            "./app-1.css" => Ok(b"body { color: red; }".to_vec()),
            "favicon.svg" => Ok(b"<svg/>".to_vec()),
            "./app-2.js" => Ok(GLUE.as_bytes().to_vec()),
            "./app-2_bg.wasm" => Ok(b"\0asm\x01\0\0\0".to_vec()),
            other => Err(format!("no such file {other}")),
        }
    }

    fn policy_of(html: &str) -> &str {
        let start =
            html.find("content=\"default-src 'none'").expect("a policy") + "content=\"".len();
        &html[start..start + html[start..].find('"').expect("closed")]
    }

    fn inline_between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
        let start = html.find(open).expect("opening tag") + open.len();
        &html[start..start + html[start..].find(close).expect("closing tag")]
    }

    #[test]
    fn inlines_style_glue_and_wasm_and_drops_what_a_file_cannot_use() {
        let html = assemble(INDEX, asset).expect("assembles");
        assert!(html.contains("<style>body { color: red; }</style>"));
        assert!(html.contains(r#"href="data:image/svg+xml;base64,PHN2Zy8+""#));
        assert!(html.contains(
            r#"<script id="explorer-wasm" type="application/wasm;base64">AGFzbQEAAAA=</script>"#
        ));
        assert!(html.contains("await __wbg_init({ module_or_path: bytes });"));
        for gone in [
            "manifest",
            "modulepreload",
            "rel=\"preload\"",
            "default-src 'self'",
            "./app-",
        ] {
            assert!(!html.contains(gone), "still has {gone}");
        }
        assert!(html.contains("<title>Korea 2010</title>"));
        assert!(html.contains("<div id=\"app\"><p class=\"boot-message\">Loading…</p></div>"));
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_script_and_style() {
        let html = assemble(INDEX, asset).expect("assembles");
        let policy = policy_of(&html);
        let script = inline_between(&html, "<script type=\"module\">", "</script>");
        let style = inline_between(&html, "<style>", "</style>");
        assert_eq!(
            policy,
            format!(
                "default-src 'none'; script-src 'wasm-unsafe-eval' {}; style-src {}; img-src data: blob:; base-uri 'none'; form-action 'none'",
                csp_hash(script),
                csp_hash(style)
            )
        );
        // The policy comes first in <head>, before anything it governs.
        assert!(html.find("Content-Security-Policy").unwrap() < html.find("<style>").unwrap());
        assert_eq!(html.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn refuses_pages_that_would_load_files_from_beside_it() {
        let image = INDEX.replace("<body>", "<body><img src=\"map.png\">");
        assert!(assemble(&image, asset).unwrap_err().contains("map.png"));
        let script = INDEX.replace("<body>", "<body><script src=\"extra.js\"></script>");
        assert!(assemble(&script, asset).unwrap_err().contains("extra.js"));
        let font = |href: &str| match href {
            "./app-1.css" => Ok(b"@font-face { src: url(\"font.woff2\") }".to_vec()),
            other => asset(other),
        };
        assert!(assemble(INDEX, font).unwrap_err().contains("font.woff2"));
        let no_loader = INDEX.replace("type=\"module\"", "type=\"text/plain\"");
        assert!(assemble(&no_loader, asset)
            .unwrap_err()
            .contains("no wasm loader"));
    }

    #[test]
    fn refuses_glue_that_would_end_the_inline_script() {
        let broken = |href: &str| match href {
            "./app-2.js" => Ok(format!("{GLUE}const s = '</script>';").into_bytes()),
            other => asset(other),
        };
        assert!(assemble(INDEX, broken).unwrap_err().contains("</script"));
    }

    #[test]
    fn hashes_inline_text_as_the_browser_sees_it() {
        let crlf = |href: &str| match href {
            "./app-1.css" => Ok(b"a {}\r\nb {}".to_vec()),
            other => asset(other),
        };
        let html = assemble(INDEX, crlf).expect("assembles");
        assert!(html.contains("<style>a {}\nb {}</style>"));
        assert!(policy_of(&html).contains(&csp_hash("a {}\nb {}")));
    }

    #[test]
    fn reads_only_files_of_the_build() {
        let dist = Path::new("/nonexistent-dist");
        for bad in ["../secret", "/etc/passwd", "https://example.com/x.css", ""] {
            assert!(
                read_asset(dist, bad)
                    .unwrap_err()
                    .contains("not a file of the build"),
                "{bad}"
            );
        }
    }

    #[test]
    fn finds_the_default_export() {
        assert_eq!(default_export(GLUE), Some("__wbg_init"));
        assert_eq!(default_export("export { a, b };"), None);
    }
}
