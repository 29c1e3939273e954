//! Pointer, hover, click and key handling for the drawing, as native listeners on the
//! element around the axis and the lanes, registered once. The hundreds of marks (and the
//! bars of the density strips) carry no listeners of their own: one delegated set serves
//! them all, so a re-render (on every hover anywhere in the app) does not rewire listeners.
//! Each listener reads what the DOM event is about (which mark, which bar, where) and sends
//! it to the model through the [`Shell`].

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, FocusEvent, KeyboardEvent, MouseEvent, PointerEvent};
use yew::prelude::*;

use super::dom;
use super::shell::Shell;
use crate::views::timeline::interaction::Input;

fn element(target: Option<EventTarget>) -> Option<Element> {
    target.and_then(|t| t.dyn_into::<Element>().ok())
}

fn within(target: &Option<Element>, selector: &str) -> Option<Element> {
    target.as_ref()?.closest(selector).ok().flatten()
}

/// The event whose mark contains `target`.
fn mark_event(shell: &Shell, target: Option<EventTarget>) -> Option<usize> {
    let mark = within(&element(target), ".tl-mark")?;
    let id = mark.get_attribute("data-event-id")?;
    shell.app()?.state().catalog.event_index(&id)
}

/// The days of the density bar containing `target`, if any.
fn bar_days(target: Option<EventTarget>) -> Option<(f64, f64)> {
    let bar = within(&element(target), ".tl-bin")?;
    let day = |name: &str| {
        bar.get_attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    Some((day("data-from"), day("data-to")))
}

/// Arrow keys on a density bar move the focus along its lane: each lane's bars are one tab
/// stop (the first is reachable with Tab, see `density::LaneBars`), so a keyboard crosses
/// the timeline in a few presses. The bar left carries the tab stop on to the one reached.
pub fn rove_along_lane(target: Option<EventTarget>, key: &str, modified: bool) -> bool {
    let Some(step) = crate::roving::move_along(key, modified) else {
        return false;
    };
    let Some(bar) = within(&element(target), ".tl-bin") else {
        return false;
    };
    let Some(bars) = bar
        .parent_element()
        .and_then(|lane| lane.query_selector_all(".tl-bin").ok())
    else {
        return false;
    };
    let all: Vec<Element> = (0..bars.length())
        .filter_map(|i| bars.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let current = all.iter().position(|b| *b == bar).unwrap_or(0);
    let Some(next) = crate::roving::moved(current, all.len(), step).and_then(|i| all.get(i)) else {
        return false;
    };
    let _ = bar.set_attribute("tabindex", "-1");
    let _ = next.set_attribute("tabindex", "0");
    dom::focus_svg(next);
    true
}

fn pointer_down(shell: &Shell, event: &PointerEvent) -> Input<'static> {
    let target = element(event.target());
    Input::PointerDown {
        pointer: event.pointer_id(),
        x: dom::local_x(event, &shell.plot),
        mouse_button: (event.pointer_type() == "mouse").then(|| event.button()),
        on_band: within(&target, ".tl-band").is_some(),
        on_lanes: within(&target, ".tl-lanes").is_some(),
        shift: event.shift_key(),
    }
}

/// Registers the listeners on the plot element for the component's lifetime.
#[hook]
pub fn use_plot_events(shell: &Shell) {
    let shell = shell.clone();
    use_effect_with((), move |_| {
        let listeners = shell
            .plot
            .cast::<Element>()
            .map(|el| listeners(&el, &shell));
        move || drop(listeners)
    });
}

fn listeners(el: &Element, shell: &Shell) -> Vec<EventListener> {
    let active = EventListenerOptions::enable_prevent_default();
    let on = |kind: &'static str, handle: fn(&Shell, &web_sys::Event)| {
        let shell = shell.clone();
        EventListener::new_with_options(el, kind, active, move |event| handle(&shell, event))
    };
    let pointer = |kind: &'static str, input: fn(&Shell, &PointerEvent) -> Input<'static>| {
        let shell = shell.clone();
        EventListener::new_with_options(el, kind, active, move |event| {
            if let Some(e) = event.dyn_ref::<PointerEvent>() {
                shell.send(input(&shell, e), Some(event));
            }
        })
    };
    vec![
        pointer("pointerdown", pointer_down),
        pointer("pointermove", |s, e| Input::PointerMove {
            pointer: e.pointer_id(),
            x: dom::local_x(e, &s.plot),
        }),
        pointer("pointerup", |s, e| Input::PointerUp {
            pointer: e.pointer_id(),
            x: dom::local_x(e, &s.plot),
        }),
        pointer("pointercancel", |_, _| Input::PointerCancel),
        on("click", |s, e| {
            if let Some(click) = e.dyn_ref::<MouseEvent>() {
                let by_pointer = click.detail() > 0; // a keyboard "click" has detail 0
                s.send(
                    Input::Click {
                        by_pointer,
                        bar: bar_days(e.target()),
                    },
                    Some(e),
                );
            }
        }),
        on("keydown", |s, e| {
            if let Some(press) = e.dyn_ref::<KeyboardEvent>() {
                let key = press.key();
                let bar = bar_days(e.target());
                s.send(Input::PlotKey { key: &key, bar }, Some(e));
            }
        }),
        // Marks are links: dragging one must pan, not start a link drag.
        on("dragstart", |_, e| e.prevent_default()),
        on("mouseover", |s, e| {
            s.send(Input::Over(mark_event(s, e.target())), None)
        }),
        on("mouseout", |s, e| {
            if let Some(e) = e.dyn_ref::<MouseEvent>() {
                s.send(Input::Pointing(mark_event(s, e.related_target())), None);
            }
        }),
        on("focusin", |s, e| {
            s.send(Input::Pointing(mark_event(s, e.target())), None)
        }),
        on("focusout", |s, e| {
            if let Some(e) = e.dyn_ref::<FocusEvent>() {
                s.send(Input::Pointing(mark_event(s, e.related_target())), None);
            }
        }),
    ]
}
