//! The details as a bottom sheet on a phone ([`crate::sheet`] decides; this carries it
//! out): the handle (a button to tap, a grip to drag), the measuring of the peek and of
//! the view's head so the drawing fits the space above the sheet, and bringing the view
//! back up under the tab bar when the sheet opens or moves. The stylesheet sizes the
//! sheet from `data-sheet` on `.layout` and the custom properties set here.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, PointerEvent};
use yew::prelude::*;

use super::state::AppContext;
use crate::sheet::{self, Snap};
use crate::url::PhoneTab;

/// The element of `selector`, if it is on the page.
fn find(selector: &str) -> Option<Element> {
    gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
}

fn layout() -> Option<Element> {
    find(".layout")
}

/// Sets (or with `None` removes) a custom property on `element`, through the CSS object
/// model (the page's Content-Security-Policy refuses `style` attributes, not this).
fn set_var(element: &Element, name: &str, value: Option<&str>) {
    let Some(style) = element.dyn_ref::<HtmlElement>().map(HtmlElement::style) else {
        return;
    };
    let _ = match value {
        Some(value) => style.set_property(name, value),
        None => style.remove_property(name).map(drop),
    };
}

fn viewport_height() -> f64 {
    super::size::window_height().unwrap_or(800.0)
}

/// A drag of the handle in progress.
#[derive(Clone, Copy)]
struct Drag {
    pointer: i32,
    start_y: f64,
    last_y: f64,
    last_t: f64,
    velocity: f64,
    from: Snap,
    /// It moved: not also a tap.
    moved: bool,
}

thread_local! {
    /// The handle's drag (one sheet, one handle), and the peek's last measured height.
    static DRAG: Cell<Option<Drag>> = const { Cell::new(None) };
    static PEEK: Cell<f64> = const { Cell::new(sheet::DEFAULT_PEEK) };
    /// A drag just ended: the click that follows it is not a tap.
    static DRAGGED: Cell<bool> = const { Cell::new(false) };
}

/// The grip at the top of the sheet: a button that moves the sheet up a height (from the
/// top, back to the peek), and a handle to drag it to any of its heights.
pub fn handle(app: &AppContext) -> Html {
    let snap = app.state().sheet;
    let down = Callback::from(move |e: PointerEvent| {
        if e.button() != 0 {
            return;
        }
        // The button itself (Yew delegates events, so `current_target` is not it).
        if let Some(button) = find(".sheet-handle") {
            let _ = button.set_pointer_capture(e.pointer_id());
        }
        DRAGGED.set(false);
        let y = f64::from(e.client_y());
        DRAG.set(Some(Drag {
            pointer: e.pointer_id(),
            start_y: y,
            last_y: y,
            last_t: e.time_stamp(),
            velocity: 0.0,
            from: snap,
            moved: false,
        }));
    });
    let moved = Callback::from(move |e: PointerEvent| {
        let Some(mut d) = DRAG.get().filter(|d| d.pointer == e.pointer_id()) else {
            return;
        };
        let y = f64::from(e.client_y());
        d.velocity = (y - d.last_y) / (e.time_stamp() - d.last_t).max(1.0);
        d.last_y = y;
        d.last_t = e.time_stamp();
        d.moved |= (y - d.start_y).abs() >= 6.0;
        DRAG.set(Some(d));
        // Follow the finger without a render per move.
        if let Some(layout) = layout().filter(|_| d.moved) {
            let h = d.from.height(viewport_height(), PEEK.get()) - (y - d.start_y);
            set_var(&layout, "--sheet-h", Some(&format!("{h:.0}px")));
            let _ = layout.set_attribute("data-sheet-dragging", "");
        }
    });
    let up = {
        let app = app.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = DRAG.get().filter(|d| d.pointer == e.pointer_id()) else {
                return;
            };
            DRAG.set(None);
            if let Some(layout) = layout() {
                set_var(&layout, "--sheet-h", None);
                let _ = layout.remove_attribute("data-sheet-dragging");
            }
            if d.moved {
                DRAGGED.set(true);
                let dy = f64::from(e.client_y()) - d.start_y;
                app.set_sheet(sheet::settle(
                    d.from,
                    dy,
                    d.velocity,
                    viewport_height(),
                    PEEK.get(),
                ));
            }
        })
    };
    let click = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            if !DRAGGED.replace(false) {
                app.set_sheet(snap.next());
            }
        })
    };
    html! {
        <button type="button" class="sheet-handle" aria-label={snap.handle_label()} title={snap.handle_label()}
                aria-controls="details-sheet" data-snap={snap.id()}
                onpointerdown={down} onpointermove={moved} onpointerup={up.clone()} onpointercancel={up}
                onclick={click}>
            <span class="sheet-grip" aria-hidden="true"></span>
        </button>
    }
}

/// After every render on a phone with a selection: measure the peek (down to the
/// Previous/Next links, or the heading of an actor or place) and the head of the view
/// above its drawing, and bring the view up under the tab bar when the sheet has just
/// opened or moved.
#[hook]
pub fn use_sheet(narrow: bool, selected: bool, snap: Snap, tab: PhoneTab) {
    let last = use_mut_ref(|| (false, snap));
    use_effect(move || {
        let (was_selected, last_snap) = *last.borrow();
        if !narrow || !selected {
            *last.borrow_mut() = (selected, snap);
            return;
        }
        let (Some(layout), Some(side)) = (layout(), find(".layout .side")) else {
            return;
        };
        let top = side.get_bounding_client_rect().top() - f64::from(side.scroll_top());
        let end = find(".details .details-steps")
            .or_else(|| find(".details #details-heading"))
            .map(|el| el.get_bounding_client_rect().bottom() - top + 12.0);
        if let Some(peek) = end.filter(|h| h.is_finite() && *h > 0.0) {
            PEEK.set(peek);
            set_var(&layout, "--sheet-peek", Some(&format!("{peek:.0}px")));
        }
        let tabs = find(".view-tabs").map_or(0.0, |t| t.get_bounding_client_rect().height());
        set_var(&layout, "--tabs-h", Some(&format!("{tabs:.0}px")));
        let drawing = match tab {
            PhoneTab::Map => Some((".view-map", ".map-frame")),
            PhoneTab::Actors => Some((".view-actors", ".actors-canvas")),
            PhoneTab::Timeline => Some((".view-timeline", ".tl-plot")),
            PhoneTab::List => None,
        };
        let Some((view, frame)) = drawing.and_then(|(v, f)| Some((find(v)?, find(f)?))) else {
            // A view still to come (the first render's stages) keeps its first fit for then.
            if drawing.is_none() {
                *last.borrow_mut() = (selected, snap);
            }
            return;
        };
        *last.borrow_mut() = (selected, snap);
        let head = frame.get_bounding_client_rect().top() - view.get_bounding_client_rect().top();
        set_var(&layout, "--view-head", Some(&format!("{head:.0}px")));
        if sheet::brings_view_up(true, !was_selected, last_snap != snap) {
            let window = gloo::utils::window();
            let y = window.scroll_y().unwrap_or(0.0) + view.get_bounding_client_rect().top() - tabs;
            window.scroll_to_with_x_and_y(0.0, y.max(0.0));
        }
    });
}
