//! The page Trunk serves carries the app's header as plain HTML, so the title shows (and is
//! the largest text on a phone's first screen) before the app has loaded; it must say what
//! the app's header says.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::present::APP_TITLE;

#[test]
fn the_static_header_is_the_app_s_header() {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    let escaped = APP_TITLE.replace('&', "&amp;");
    // Marked for Element Timing: on a phone the page's loader starts the app's download once
    // the browser reports this header on screen.
    let header = format!(
        "<header class=\"app-header\"><h1 class=\"app-title\" elementtiming=\"header\">{escaped}</h1></header>"
    );
    assert!(page.contains(&header), "index.html lacks {header}");
    // Inside the element the app replaces when it starts.
    let app = page.find("<div id=\"app\">").expect("#app");
    assert!(page.find(&header).unwrap() > app);
}
