//! The rendered size of an element, kept by a `ResizeObserver`. Views used to read
//! `clientWidth` after every render, which forces a synchronous layout inside the render
//! task; now the observer reports the size, first and later, after the browser's own layout.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Inner size (`clientWidth`, `clientHeight`) in CSS px of the element behind `node`;
/// `(0, 0)` until it is first laid out, and while it is hidden.
#[hook]
pub fn use_size(node: NodeRef) -> (f64, f64) {
    let size = use_state_eq(|| (0.0_f64, 0.0_f64));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let reported = size.clone();
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    // The last entry is the latest size; the element is the same for all.
                    let Some(entry) = entries.iter().last() else {
                        return;
                    };
                    let element = entry.unchecked_into::<ResizeObserverEntry>().target();
                    reported.set(client_size(&element));
                });
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let Some(element) = node.cast::<Element>() {
                // The first size comes from the observer too, after the frame's own layout:
                // read at mount, it would miss what the rest of the same render still sets
                // (a phone's sheet sizes the view above it), and the view would frame its
                // selection for a size it no longer has.
                if let Some(observer) = &observer {
                    observer.observe(&element);
                }
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    *size
}

fn client_size(element: &Element) -> (f64, f64) {
    (
        f64::from(element.client_width()),
        f64::from(element.client_height()),
    )
}

/// The window's inner height in CSS px; `None` where the browser does not tell.
pub fn window_height() -> Option<f64> {
    gloo::utils::window().inner_height().ok()?.as_f64()
}
