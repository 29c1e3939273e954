//! The wheel over a view, cooperatively ([`crate::cooperative`]): the listener is
//! registered non-passive so it may cancel the page's scroll (which Yew's `onwheel`
//! attribute cannot ask for) — but it does so only for the turns the view takes: with Ctrl
//! or ⌘ held, or while the view is active. Other turns scroll the page, and the view shows
//! for a moment how to zoom it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, WheelEvent};
use yew::prelude::*;

use crate::cooperative::{self, WheelRoute, WheelTurn};

/// Hands `element`'s wheel turns to `on_wheel` when the view takes them (the page's scroll
/// cancelled), and returns the hint to draw inside the view (position it over the drawing;
/// empty while hidden). `view` names it in the hint ("map"); `pans_sideways`: a sideways
/// swipe moves the view (the timeline) rather than nothing.
#[hook]
pub fn use_cooperative_wheel(
    element: NodeRef,
    view: &'static str,
    pans_sideways: bool,
    on_wheel: Rc<dyn Fn(&WheelEvent)>,
) -> Html {
    let hint = use_state_eq(|| false);
    {
        let hint = hint.clone();
        use_effect_with((), move |_| {
            let listeners = element.cast::<Element>().map(|target| {
                let pressed = Rc::new(Cell::new(false));
                let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
                // The last press on the page was in the view: it is active until a press
                // elsewhere.
                let press = {
                    let pressed = pressed.clone();
                    let target = target.clone();
                    EventListener::new_with_options(
                        &gloo::utils::document(),
                        "pointerdown",
                        EventListenerOptions {
                            phase: EventListenerPhase::Capture,
                            passive: true,
                        },
                        move |event| {
                            let inside = event
                                .target()
                                .and_then(|t| t.dyn_into::<Node>().ok())
                                .is_some_and(|node| target.contains(Some(&node)));
                            pressed.set(inside);
                        },
                    )
                };
                let wheel = EventListener::new_with_options(
                    &target.clone(),
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(wheel) = event.dyn_ref::<WheelEvent>() else {
                            return;
                        };
                        let focused = gloo::utils::document()
                            .active_element()
                            .is_some_and(|active| target.contains(Some(&active)));
                        let turn = WheelTurn {
                            delta_x: wheel.delta_x(),
                            delta_y: wheel.delta_y(),
                            zoom_key: wheel.ctrl_key() || wheel.meta_key(),
                        };
                        match cooperative::route(turn, focused || pressed.get(), pans_sideways) {
                            WheelRoute::View => {
                                wheel.prevent_default();
                                on_wheel(wheel);
                            }
                            WheelRoute::Page { hint: false } => {}
                            WheelRoute::Page { hint: true } => {
                                hint.set(true);
                                let hint = hint.clone();
                                *timer.borrow_mut() =
                                    Some(Timeout::new(cooperative::HINT_MS, move || {
                                        hint.set(false)
                                    }));
                            }
                        }
                    },
                );
                [press, wheel]
            });
            move || drop(listeners)
        });
    }
    if !*hint {
        return Html::default();
    }
    let mac = gloo::utils::window()
        .navigator()
        .platform()
        .is_ok_and(|p| cooperative::is_mac(&p));
    html! {
        <p class="wheel-hint" aria-hidden="true">{ cooperative::hint(view, mac) }</p>
    }
}
