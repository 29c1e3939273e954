//! Whether a CSS media query matches, kept up to date as the window changes.

use gloo::events::EventListener;
use web_sys::MediaQueryList;
use yew::prelude::*;

/// Narrow screens show one view at a time (`static/app.css` uses the same width).
pub const NARROW: &str = "(max-width: 900px)";

fn query(text: &str) -> Option<MediaQueryList> {
    gloo::utils::window().match_media(text).ok().flatten()
}

/// True while `text` (a media query) matches.
#[hook]
pub fn use_media(text: &'static str) -> bool {
    let matches = use_state_eq(|| query(text).is_some_and(|q| q.matches()));
    {
        let matches = matches.clone();
        use_effect_with(text, move |text| {
            let listener = query(text).map(|list| {
                let target = list.clone();
                EventListener::new(&list, "change", move |_| matches.set(target.matches()))
            });
            move || drop(listener)
        });
    }
    *matches
}
