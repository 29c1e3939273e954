//! Embeds the dataset without the indentation that makes `src/data/dataset.json` pleasant to
//! edit: the file stays the one human-edited source, and the wasm carries about 60 KB less.

use std::path::Path;

fn main() {
    let source = "src/data/dataset.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("src/data/dataset.json is readable");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("dataset.min.json"), minify(&text))
        .expect("OUT_DIR is writable");
}

/// The JSON text without whitespace between tokens; strings are copied exactly.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
