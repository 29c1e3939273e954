//! The few DOM questions the timeline asks: where a pointer is, whether the reader
//! prefers reduced motion, and where focus is.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, EventTarget, MouseEvent, PointerEvent};
use yew::NodeRef;

/// The pointer's x relative to the left edge of `origin` (the element wrapping both SVGs,
/// whose px user units start there). Yew delegates listeners to the app root, so an event's
/// `current_target` is not the element the handler is written on; hence the explicit origin.
pub fn local_x(event: &MouseEvent, origin: &NodeRef) -> f64 {
    let left = origin
        .cast::<Element>()
        .map_or(0.0, |el| el.get_bounding_client_rect().left());
    f64::from(event.client_x()) - left
}

/// Sends the rest of a drag to `target`, even when the pointer leaves it.
pub fn capture(event: &PointerEvent, target: &NodeRef) {
    if let Some(el) = target.cast::<Element>() {
        let _ = el.set_pointer_capture(event.pointer_id());
    }
}

pub fn prefers_reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Whether keys pressed on `target` belong to a form control (arrows in a select, digits
/// in a date field).
pub fn is_field(target: Option<EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Whether keyboard focus is on an event mark of the timeline.
pub fn focus_on_mark() -> bool {
    gloo::utils::document()
        .active_element()
        .and_then(|el| el.closest(".tl-mark").ok().flatten())
        .is_some()
}

/// Focuses the first mark of the selected event inside `container`.
pub fn focus_selected_mark(container: &NodeRef) -> bool {
    container
        .cast::<Element>()
        .and_then(|el| {
            el.query_selector(".tl-mark[aria-current='true']")
                .ok()
                .flatten()
        })
        .is_some_and(|mark| focus_svg(&mark))
}

/// Focuses an SVG element, which web-sys's `HtmlElement::focus` cannot take: `focus` is
/// called by name.
pub fn focus_svg(element: &Element) -> bool {
    js_sys::Reflect::get(element, &JsValue::from_str("focus"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call0(element).is_ok())
}

/// Scrolls `node` vertically to `top` px.
pub fn scroll_to(node: &NodeRef, top: f64) {
    if let Some(el) = node.cast::<Element>() {
        el.set_scroll_top(top.round() as i32);
    }
}

/// Vertical scroll offset and visible height of `node`.
pub fn scroll_view(node: &NodeRef) -> Option<(f64, f64)> {
    let el = node.cast::<Element>()?;
    Some((f64::from(el.scroll_top()), f64::from(el.client_height())))
}
