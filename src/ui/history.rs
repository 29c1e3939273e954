//! The browser side of the deep-link contract: read the fragment, push or replace it, and
//! hear back/forward. Hash routing works on any static host and from any sub-path.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MouseEvent};

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

/// Offers `follow` the fragment of every plain click on a link to a page of the app
/// (`href="#/…"`) that nothing else handled; when it answers true, it has navigated and the
/// browser must not. A click with a modifier or another button (a new tab or window) is left
/// to the browser, as are links within the page (the skip links' `#view-map`).
pub fn listen_link_clicks(follow: impl Fn(&str) -> bool + 'static) -> EventListener {
    let window = gloo::utils::window();
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&window, "click", options, move |event| {
        let Some(click) = event.dyn_ref::<MouseEvent>() else {
            return;
        };
        let modified = click.ctrl_key() || click.meta_key() || click.shift_key() || click.alt_key();
        if click.default_prevented() || modified || click.button() != 0 {
            return;
        }
        let href = click
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        if let Some(fragment) = href.as_deref().and_then(|h| h.strip_prefix('#')) {
            if follow(fragment) {
                click.prevent_default();
            }
        }
    })
}
