//! Pointer, hover and click handling for the drawing, as native listeners on the element
//! around the axis and the lanes, registered once. The hundreds of marks (and the bars of
//! the density strips) carry no listeners of their own: one delegated set serves them all,
//! so a re-render (on every hover anywhere in the app) does not rewire listeners. The
//! handlers read the latest render's state through [`Latest`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{
    Element, EventTarget, FocusEvent, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent,
};
use yew::prelude::*;

use super::dom;
use super::scale::{ScaleAction, ScaleState};
use crate::layout::time::TimeScale;
use crate::query::Filters;
use crate::ui::state::{AppContext, Entry, Target};
use crate::views::timeline::brush;
use crate::views::timeline::density::drill_down;
use crate::views::timeline::gesture::{Effect, Gestures, Intent};
use crate::views::timeline::window::with_window;

/// What the listeners need from the latest render.
pub struct Latest {
    pub app: AppContext,
    pub scale: TimeScale,
    pub filters: Filters,
    /// The time window in px, for the brush's grips.
    pub window_px: Option<(f64, f64)>,
    pub stop_playback: Callback<()>,
}

pub type LatestRef = Rc<RefCell<Option<Latest>>>;

/// Everything the listeners share.
#[derive(Clone)]
struct Wiring {
    plot: NodeRef,
    latest: LatestRef,
    gestures: Rc<RefCell<Gestures>>,
    view: UseReducerDispatcher<ScaleState>,
    brushing: UseStateSetter<Option<(f64, f64)>>,
    /// The event the pointer or focus is on, to announce each change once.
    hovered: Rc<Cell<Option<usize>>>,
}

fn element(target: Option<EventTarget>) -> Option<Element> {
    target.and_then(|t| t.dyn_into::<Element>().ok())
}

fn within(target: &Option<Element>, selector: &str) -> Option<Element> {
    target.as_ref()?.closest(selector).ok().flatten()
}

impl Wiring {
    /// The event whose mark contains `target`.
    fn mark_event(&self, target: Option<EventTarget>) -> Option<usize> {
        let mark = within(&element(target), ".tl-mark")?;
        let id = mark.get_attribute("data-event-id")?;
        let latest = self.latest.borrow();
        latest.as_ref()?.app.state().catalog.event_index(&id)
    }

    fn hover(&self, event: Option<usize>) {
        if self.hovered.get() == event {
            return;
        }
        self.hovered.set(event);
        let app = self.latest.borrow().as_ref().map(|l| l.app.clone());
        if let Some(app) = app {
            app.hover(event.map(Target::Event));
        }
    }

    /// Zooms onto the days of the density bar containing `target`, if any; whether it did.
    fn drill_into(&self, target: Option<EventTarget>) -> bool {
        let Some(bar) = within(&element(target), ".tl-bin") else {
            return false;
        };
        let day = |name: &str| {
            bar.get_attribute(name)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        let domain = self
            .latest
            .borrow()
            .as_ref()
            .map(|l| (l.scale.start(), l.scale.end()));
        let Some((start, end)) =
            domain.and_then(|d| drill_down(day("data-from"), day("data-to"), d))
        else {
            return false;
        };
        self.view.dispatch(ScaleAction::Show(start, end));
        true
    }

    fn x(&self, event: &PointerEvent) -> f64 {
        dom::local_x(event, &self.plot)
    }

    fn apply(&self, effects: Vec<Effect>, event: &PointerEvent) {
        for effect in effects {
            match effect {
                Effect::DragStarted => dom::capture(event, &self.plot),
                Effect::Pan(dx) => self.view.dispatch(ScaleAction::Pan(dx)),
                Effect::Zoom { factor, around } => {
                    self.view.dispatch(ScaleAction::Zoom { factor, around })
                }
                Effect::Brushing(extent) => self.brushing.set(Some(extent)),
                Effect::BrushEnd(extent) => {
                    self.brushing.set(None);
                    let commit = self.latest.borrow().as_ref().and_then(|l| {
                        let window = brush::commit(&l.scale, extent?)?;
                        Some((l.app.clone(), with_window(&l.filters, Some(window))))
                    });
                    if let Some((app, filters)) = commit {
                        app.set_filters(filters, Entry::Push);
                    }
                }
            }
        }
    }

    fn pointer_down(&self, event: &PointerEvent) {
        if event.pointer_type() == "mouse" && event.button() != 0 {
            return;
        }
        let target = element(event.target());
        let on_band = within(&target, ".tl-band").is_some();
        if !on_band && within(&target, ".tl-lanes").is_none() {
            return;
        }
        let Some((window_px, plot, stop)) = self
            .latest
            .borrow()
            .as_ref()
            .map(|l| (l.window_px, l.scale.range(), l.stop_playback.clone()))
        else {
            return;
        };
        // Pressing on the timeline is the reader taking over from playback.
        stop.emit(());
        let intent = if on_band || event.shift_key() {
            event.prevent_default(); // no text selection while brushing
            Intent::Brush
        } else {
            Intent::Pan
        };
        let effects = self.gestures.borrow_mut().down(
            event.pointer_id(),
            self.x(event),
            intent,
            window_px,
            plot,
        );
        self.apply(effects, event);
    }
}

/// Registers the listeners on the element behind `plot` for the component's lifetime.
#[hook]
pub fn use_plot_events(
    plot: NodeRef,
    latest: LatestRef,
    gestures: Rc<RefCell<Gestures>>,
    view: UseReducerDispatcher<ScaleState>,
    brushing: UseStateSetter<Option<(f64, f64)>>,
) {
    let wiring = Wiring {
        plot,
        latest,
        gestures,
        view,
        brushing,
        hovered: Rc::new(Cell::new(None)),
    };
    use_effect_with((), move |_| {
        let listeners = wiring
            .plot
            .cast::<Element>()
            .map(|el| listeners(&el, &wiring));
        move || drop(listeners)
    });
}

fn listeners(el: &Element, wiring: &Wiring) -> Vec<EventListener> {
    let active = EventListenerOptions::enable_prevent_default();
    let on = |kind: &'static str, handle: fn(&Wiring, &web_sys::Event)| {
        let wiring = wiring.clone();
        EventListener::new_with_options(el, kind, active, move |event| handle(&wiring, event))
    };
    vec![
        on("pointerdown", |w, e| {
            if let Some(e) = e.dyn_ref::<PointerEvent>() {
                w.pointer_down(e);
            }
        }),
        on("pointermove", |w, e| {
            if let Some(e) = e.dyn_ref::<PointerEvent>() {
                let effects = w.gestures.borrow_mut().moved(e.pointer_id(), w.x(e));
                w.apply(effects, e);
            }
        }),
        on("pointerup", |w, e| {
            if let Some(e) = e.dyn_ref::<PointerEvent>() {
                let effects = w.gestures.borrow_mut().up(e.pointer_id(), w.x(e));
                w.apply(effects, e);
            }
        }),
        on("pointercancel", |w, e| {
            if let Some(e) = e.dyn_ref::<PointerEvent>() {
                let effects = w.gestures.borrow_mut().cancel();
                w.apply(effects, e);
            }
        }),
        on("click", |w, e| {
            // A drag that ended on a mark is not a click on it; a keyboard "click" (Enter,
            // detail 0) always is.
            if let Some(e) = e.dyn_ref::<MouseEvent>() {
                if e.detail() > 0 && w.gestures.borrow().dragged() {
                    e.prevent_default();
                } else {
                    w.drill_into(e.target());
                }
            }
        }),
        // Density bars are buttons: Enter or Space zooms onto them too.
        on("keydown", |w, e| {
            if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                let key = e.key();
                if (key == "Enter" || key == " ") && w.drill_into(e.target()) {
                    e.prevent_default();
                    // The bar goes away with the zoom; focus stays in the timeline, so the
                    // next Tab reaches the events that appeared instead of the page start.
                    if let Some(plot) = w.plot.cast::<HtmlElement>() {
                        let _ = plot.focus();
                    }
                }
            }
        }),
        // Marks are links: dragging one must pan, not start a link drag.
        on("dragstart", |_, e| e.prevent_default()),
        on("mouseover", |w, e| {
            let event = w.mark_event(e.target());
            if event.is_some() {
                w.hover(event);
            }
        }),
        on("mouseout", |w, e| {
            if let Some(e) = e.dyn_ref::<MouseEvent>() {
                w.hover(w.mark_event(e.related_target()));
            }
        }),
        on("focusin", |w, e| w.hover(w.mark_event(e.target()))),
        on("focusout", |w, e| {
            if let Some(e) = e.dyn_ref::<FocusEvent>() {
                w.hover(w.mark_event(e.related_target()));
            }
        }),
    ]
}
