//! The browser side of the deep-link contract: read the fragment, push or replace it, and
//! hear back/forward. Hash routing works on any static host and from any sub-path.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

/// The current fragment without the leading `#`.
pub fn current_fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// Makes `fragment` the URL: a new history entry (`push`) or the current one rewritten.
pub fn set_fragment(fragment: &str, push: bool) {
    let Ok(history) = gloo::utils::window().history() else {
        return;
    };
    let url = format!("#{fragment}");
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if let Err(error) = result {
        gloo::console::warn!("could not update the address bar", error);
    }
}

/// Calls `on_change` when the reader goes back/forward or edits the fragment by hand.
pub fn listen(on_change: impl Fn() + Clone + 'static) -> [EventListener; 2] {
    let window = gloo::utils::window();
    let again = on_change.clone();
    [
        EventListener::new(&window, "popstate", move |_| on_change()),
        EventListener::new(&window, "hashchange", move |_| again()),
    ]
}
