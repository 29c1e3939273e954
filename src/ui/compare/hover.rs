//! Hover and focus over the compare view's marks, delegated: one set of listeners on a
//! drawing reports the event or actor of the mark under the pointer or the focus (its
//! `data-event-id` or `data-actor-id`) as the app's hover, which the lanes and the
//! difference network both light, as the other views do.

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget};
use yew::prelude::*;

use super::super::state::{AppContext, Target};
use crate::data::Catalog;

/// The listeners of one drawing.
pub struct MarkHover {
    pub over: Callback<MouseEvent>,
    pub out: Callback<MouseEvent>,
    pub focus_in: Callback<FocusEvent>,
    pub focus_out: Callback<FocusEvent>,
}

impl MarkHover {
    pub fn new(app: &AppContext) -> MarkHover {
        let report = |pick: fn(&Event) -> Option<EventTarget>| {
            let app = app.clone();
            move |event: &Event| {
                let target = pointed(&app.state().catalog, pick(event));
                app.hover(target);
            }
        };
        // Leaving a mark for another reports the other (the related target); for anything
        // else, nothing.
        let related = |event: &Event| {
            event
                .dyn_ref::<MouseEvent>()
                .and_then(MouseEvent::related_target)
                .or_else(|| {
                    event
                        .dyn_ref::<FocusEvent>()
                        .and_then(FocusEvent::related_target)
                })
        };
        let on = report(Event::target);
        let off = report(related);
        MarkHover {
            over: Callback::from({
                let on = on.clone();
                move |e: MouseEvent| on(&e)
            }),
            out: Callback::from({
                let off = off.clone();
                move |e: MouseEvent| off(&e)
            }),
            focus_in: Callback::from(move |e: FocusEvent| on(&e)),
            focus_out: Callback::from(move |e: FocusEvent| off(&e)),
        }
    }
}

/// The event or actor of the mark `target` is in, if any.
fn pointed(catalog: &Catalog, target: Option<EventTarget>) -> Option<Target> {
    let element = target?.dyn_into::<Element>().ok()?;
    let mark = element.closest("[data-event-id],[data-actor-id]").ok()??;
    match mark.get_attribute("data-event-id") {
        Some(id) => catalog.event_index(&id).map(Target::Event),
        None => mark
            .get_attribute("data-actor-id")
            .and_then(|id| catalog.actor_index(&id))
            .map(Target::Actor),
    }
}
