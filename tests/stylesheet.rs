//! Rules the stylesheet keeps for speed. A `:has()` selector makes Chromium check every node
//! inserted below its subject (on `body`: the whole page), and Lighthouse's trace records a
//! stack for each check: one such rule was a third of a phone's blocking time at start-up.
//! A state the style needs goes on the element as a class instead.
#![cfg(not(target_arch = "wasm32"))]

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/app.css"))
        .expect("static/app.css")
}

/// The selectors of the stylesheet's rules, comments left out.
fn selectors(css: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    // A rule's selector is what comes before its `{`, after the previous `{`, `}` or `;`.
    text.split('{')
        .filter_map(|before| before.rsplit(['}', ';']).next())
        .map(|selector| selector.trim().to_owned())
        .filter(|selector| !selector.is_empty())
        .collect()
}

#[test]
fn no_selector_watches_the_page_with_has() {
    let css = stylesheet();
    let found: Vec<String> = selectors(&css)
        .into_iter()
        .filter(|selector| selector.contains(":has("))
        .collect();
    assert!(found.is_empty(), "selectors with :has(): {found:?}");
}

#[test]
fn compare_mode_hides_the_view_tabs_by_their_own_class() {
    let css = stylesheet();
    assert!(
        selectors(&css)
            .iter()
            .any(|selector| selector == ".view-tabs.is-comparing"),
        "the tabs' own compare-mode rule is missing"
    );
}

#[test]
fn the_selector_reader_sees_rules_and_skips_comments() {
    let css = "/* a:has(b) { } */ body:has(.x) .y { display: none; }\n@media (max-width: 1px) { .z { color: red; } }";
    assert_eq!(
        selectors(css),
        ["body:has(.x) .y", "@media (max-width: 1px)", ".z"]
    );
}
