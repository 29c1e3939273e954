//! Wheel zoom without scrolling the page: the listener must be registered as non-passive so
//! it may cancel the scroll, which Yew's `onwheel` attribute cannot ask for.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, WheelEvent};

/// Calls `on_wheel` for every wheel event over `element`, with the page's scroll cancelled.
pub fn listen(element: &Element, on_wheel: impl Fn(&WheelEvent) + 'static) -> EventListener {
    EventListener::new_with_options(
        element,
        "wheel",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            if let Some(wheel) = event.dyn_ref::<WheelEvent>() {
                wheel.prevent_default();
                on_wheel(wheel);
            }
        },
    )
}
