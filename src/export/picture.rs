//! A picture of the views as drawn: one standalone SVG document made of the views' own SVG
//! drawings, placed as they sit on screen, with the page's stylesheet and the theme's colours
//! inside, on the panel's background, and a caption naming the article and the link. The
//! browser gathers the parts; putting them together is pure, so the same parts always give
//! the same bytes.

use std::collections::BTreeSet;

use crate::numfmt::push_scaled;

/// One drawing: an `<svg>` element's markup, shown in a `width` × `height` window at
/// (`x`, `y`) of the picture, its content moved by `scroll` (what a scrolled box hides
/// stays hidden).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub scroll: (f64, f64),
    pub markup: String,
}

/// Everything a picture is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: f64,
    pub height: f64,
    /// The panel colour behind the drawings.
    pub background: String,
    pub font_family: String,
    /// The theme's custom properties as the page resolved them (`--ink`, `#1b1f24`).
    pub variables: Vec<(String, String)>,
    /// The page's stylesheet, which the drawings' classes refer to.
    pub style: String,
    pub parts: Vec<Part>,
    /// Lines under the drawings.
    pub caption: Vec<String>,
}

/// Height of one caption line under the drawings, px.
pub const CAPTION_LINE_H: f64 = 16.0;
/// Room around the drawings, px.
pub const MARGIN: f64 = 8.0;

/// The caption under a picture: what it shows and the article, then the link to the same
/// view.
pub fn caption(what: &str, citation: &str, link: &str) -> Vec<String> {
    vec![format!("{what} · Source: {citation}"), link.to_owned()]
}

/// The standalone SVG document of `picture`.
pub fn svg_document(picture: &Picture) -> String {
    let width = finite(picture.width) + 2.0 * MARGIN;
    let caption_h = CAPTION_LINE_H * picture.caption.len() as f64;
    let height = finite(picture.height) + 2.0 * MARGIN + caption_h;
    let mut out = String::with_capacity(picture.style.len() + 1024);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push('\n');
    out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width=""#);
    number(&mut out, width);
    out.push_str(r#"" height=""#);
    number(&mut out, height);
    out.push_str(r#"" viewBox="0 0 "#);
    number(&mut out, width);
    out.push(' ');
    number(&mut out, height);
    out.push_str(r#"" style=""#);
    for (name, value) in &picture.variables {
        out.push_str(&escape(name));
        out.push(':');
        out.push_str(&escape(value));
        out.push(';');
    }
    out.push_str("font-family:");
    out.push_str(&escape(&picture.font_family));
    out.push_str(r#"">"#);
    out.push_str("\n<style><![CDATA[\n");
    // A stylesheet cannot end the section early.
    out.push_str(&picture.style.replace("]]>", "]]]]><![CDATA[>"));
    out.push_str("\n]]></style>\n");
    out.push_str(r#"<rect width="100%" height="100%" fill=""#);
    out.push_str(&escape(&picture.background));
    out.push_str(r#""/>"#);
    out.push('\n');
    for part in &picture.parts {
        push_part(&mut out, part);
    }
    for (i, line) in picture.caption.iter().enumerate() {
        out.push_str(r#"<text x=""#);
        number(&mut out, MARGIN);
        out.push_str(r#"" y=""#);
        number(
            &mut out,
            height - caption_h - MARGIN / 2.0 + CAPTION_LINE_H * (i as f64 + 1.0) - 4.0,
        );
        out.push_str(r#"" font-size="12" fill="var(--muted, #555d66)">"#);
        out.push_str(&escape(line));
        out.push_str("</text>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// The custom properties the stylesheet uses (`--ink`, …), sorted, each once.
pub fn custom_properties(style: &str) -> Vec<String> {
    let mut names = BTreeSet::new();
    let bytes = style.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'-' && bytes[i + 1] == b'-' && (i == 0 || !is_name_byte(bytes[i - 1])) {
            let start = i;
            i += 2;
            while i < bytes.len() && is_name_byte(bytes[i]) {
                i += 1;
            }
            if i > start + 2 {
                names.insert(style[start..i].to_owned());
            }
        } else {
            i += 1;
        }
    }
    names.into_iter().collect()
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A part in its window: a nested viewport that clips, the drawing moved by its scroll.
fn push_part(out: &mut String, part: &Part) {
    out.push_str(r#"<svg x=""#);
    number(out, part.x + MARGIN);
    out.push_str(r#"" y=""#);
    number(out, part.y + MARGIN);
    out.push_str(r#"" width=""#);
    number(out, part.width);
    out.push_str(r#"" height=""#);
    number(out, part.height);
    out.push_str(r#"" overflow="hidden"><g transform="translate("#);
    number(out, -part.scroll.0);
    out.push(',');
    number(out, -part.scroll.1);
    out.push_str(")\">");
    out.push_str(&part.markup);
    out.push_str("</g></svg>\n");
}

/// A number with at most two decimals, as the drawings write theirs.
fn number(out: &mut String, value: f64) {
    push_scaled(out, (finite(value) * 100.0).round() as i64, 2);
}

/// 0 for what is not a number.
fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// Text and attribute values made safe for XML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture() -> Picture {
        Picture {
            width: 300.0,
            height: 200.0,
            background: "#ffffff".into(),
            font_family: "system-ui, \"Noto Sans\"".into(),
            variables: vec![("--ink".into(), "#1b1f24".into())],
            style: ".map-sea { fill: var(--map-sea); }".into(),
            parts: vec![Part {
                x: 10.0,
                y: 20.5,
                width: 120.0,
                height: 80.0,
                scroll: (0.0, 12.25),
                markup: r##"<svg width="120" height="200"><circle r="3"/></svg>"##.into(),
            }],
            caption: caption(
                "Map",
                "Yu Bin, “Coping with Korea”",
                "https://example.org/#/?a=1&b=2",
            ),
        }
    }

    #[test]
    fn the_document_holds_the_drawings_where_they_were_with_margins_and_a_caption() {
        let svg = svg_document(&picture());
        assert!(svg.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
        ));
        assert!(
            svg.contains(r##"width="316" height="248" viewBox="0 0 316 248""##),
            "{svg}"
        );
        assert!(svg.contains(r##"<svg x="18" y="28.5" width="120" height="80" overflow="hidden"><g transform="translate(0,-12.25)"><svg width="120" height="200"><circle r="3"/></svg></g></svg>"##), "{svg}");
        assert!(
            svg.contains(r##"style="--ink:#1b1f24;font-family:system-ui, &quot;Noto Sans&quot;""##),
            "{svg}"
        );
        assert!(svg.contains(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##));
        assert!(svg.contains("<style><![CDATA[\n.map-sea { fill: var(--map-sea); }\n]]></style>"));
        // The caption is escaped and sits in the band under the drawings.
        assert!(svg.contains(r##"<text x="8" y="224" font-size="12" fill="var(--muted, #555d66)">Map · Source: Yu Bin, “Coping with Korea”</text>
<text x="8" y="240" font-size="12" fill="var(--muted, #555d66)">https://example.org/#/?a=1&amp;b=2</text>"##), "{svg}");
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn the_same_parts_give_the_same_bytes() {
        assert_eq!(svg_document(&picture()), svg_document(&picture()));
        let mut other = picture();
        other.parts[0].x += 1.0;
        assert_ne!(svg_document(&picture()), svg_document(&other));
    }

    #[test]
    fn a_stylesheet_cannot_close_its_section_and_odd_numbers_do_not_leak() {
        let mut p = picture();
        p.style = "a::after { content: \"]]>\" }".into();
        p.width = f64::NAN;
        let svg = svg_document(&p);
        assert!(svg.contains("content: \"]]]]><![CDATA[>\""));
        assert_eq!(svg.matches("]]></style>").count(), 1);
        assert!(
            svg.contains(r##"width="16" height="248""##),
            "a width that is not a number counts as 0"
        );
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn the_stylesheets_custom_properties_are_found_once_each_in_order() {
        let css =
            ":root { --ink: #000; --map-sea: #abc; } a { color: var(--ink); margin: 0 --x; } \
                   b { border: 1px solid var(--line,var(--ink)); width: calc(1px--2px); } --";
        assert_eq!(
            custom_properties(css),
            ["--ink", "--line", "--map-sea", "--x"]
        );
        assert_eq!(custom_properties(""), Vec::<String>::new());
        // A vendor prefix or a lone dash is not a custom property, nor read past the end.
        assert_eq!(
            custom_properties("b { display: -webkit-box; }"),
            Vec::<String>::new()
        );
        assert_eq!(custom_properties("a { margin: 0 -"), Vec::<String>::new());
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape(r##"a<b>&"c""##), "a&lt;b&gt;&amp;&quot;c&quot;");
        assert_eq!(escape("Лавров"), "Лавров");
    }
}
