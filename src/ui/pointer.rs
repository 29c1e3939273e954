//! Where a pointer is on an element: the one conversion from a DOM event's client
//! coordinates to CSS px from the element's top-left corner, for the views that zoom and
//! pan under the pointer.

use web_sys::{Element, MouseEvent};
use yew::NodeRef;

/// Pointer position of `event` in CSS px from the top-left corner of the element behind
/// `el`; the client coordinates themselves while that element is not mounted.
pub fn local_point(el: &NodeRef, event: &MouseEvent) -> (f64, f64) {
    let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
    match el.cast::<Element>() {
        Some(el) => {
            let rect = el.get_bounding_client_rect();
            (x - rect.left(), y - rect.top())
        }
        None => (x, y),
    }
}
