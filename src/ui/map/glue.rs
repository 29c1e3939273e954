//! Browser glue of the map: DOM events in, the map model's inputs out, and its effects
//! (grace timer, hover, focus, pointer capture) carried out. Decisions live in
//! `crate::views::map` (`model`, `place_list`, `gesture`, `controls`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use super::super::pointer::local_point;
use super::super::state::{AppContext, Target};
use super::overlay::OverlayEvents;
use crate::views::map::controls::{self, MapCommand};
use crate::views::map::gesture::Response;
use crate::views::map::model::Model;
use crate::views::map::place_list::{Effect, FocusRequest, Input, PEEK_GRACE_MS};

/// Everything the handlers share: the model outside Yew's render cycle and how to redraw.
#[derive(Clone)]
pub struct MapGlue {
    pub model: Rc<RefCell<Model>>,
    pub redraw: UseForceUpdateHandle,
    pub svg: NodeRef,
    pub app: AppContext,
    /// The place list's grace timer.
    pub grace: Rc<RefCell<Option<Timeout>>>,
    /// A focus move to make after the next render.
    pub focus_request: Rc<RefCell<Option<FocusRequest>>>,
}

impl MapGlue {
    /// Changes the model and redraws.
    pub fn change(&self, change: impl FnOnce(&mut Model)) {
        change(&mut self.model.borrow_mut());
        self.redraw.force_update();
    }

    /// Feeds the place list an input and carries out its effects.
    pub fn list(&self, input: Input) {
        let (changed, effects) = {
            let mut model = self.model.borrow_mut();
            let before = model.list.clone();
            let effects = model.list.update(input);
            (model.list != before, effects)
        };
        for effect in effects {
            match effect {
                Effect::Hover(place) => self.app.hover(place.map(Target::Place)),
                Effect::CancelGrace => drop(self.grace.borrow_mut().take()),
                Effect::StartGrace => {
                    let glue = self.clone();
                    let timer = Timeout::new(PEEK_GRACE_MS, move || glue.list(Input::GraceElapsed));
                    *self.grace.borrow_mut() = Some(timer);
                }
                Effect::Focus(request) => *self.focus_request.borrow_mut() = Some(request),
            }
        }
        if changed || self.focus_request.borrow().is_some() {
            self.redraw.force_update();
        }
    }

    /// After a render: makes the focus move the place list asked for.
    pub fn run_focus_request(&self) {
        let Some(request) = self.focus_request.borrow_mut().take() else {
            return;
        };
        let Some(svg) = self.svg.cast::<Element>() else {
            return;
        };
        let selector = match request {
            FocusRequest::ListStart => ".map-tip-list a".to_owned(),
            FocusRequest::Mark(place) => format!(".map-mark[data-place=\"{place}\"]"),
        };
        if let Ok(Some(element)) = svg.query_selector(&selector) {
            if let FocusRequest::Mark(place) = request {
                self.model.borrow_mut().list.focusing(place);
            }
            focus(&element);
            self.model.borrow_mut().list.focused();
        }
    }

    /// The callbacks of the marks and the lists.
    pub fn overlay_events(&self) -> OverlayEvents {
        let on = |make: fn(&MapGlue, (usize, bool)) -> Input| {
            let glue = self.clone();
            Callback::from(move |args| glue.list(make(&glue, args)))
        };
        let plain = |input: Input| {
            let glue = self.clone();
            Callback::from(move |()| glue.list(input))
        };
        OverlayEvents {
            peek: on(|glue, (place, from_pointer)| Input::Peek {
                place,
                from_pointer,
                map_moving: glue.model.borrow().gestures.is_moving(),
            }),
            unpeek: {
                let glue = self.clone();
                Callback::from(move |from_pointer| glue.list(Input::Unpeek { from_pointer }))
            },
            keep_list: plain(Input::KeepList),
            release_list: plain(Input::ReleaseList),
            toggle: on(|_, (place, by_keyboard)| Input::Toggle { place, by_keyboard }),
            picked: on(|_, (place, by_keyboard)| Input::Picked { place, by_keyboard }),
            close: plain(Input::Close { refocus: true }),
        }
    }

    fn apply_response(&self, response: Response, pointer: i32) {
        if response.capture {
            if let Some(svg) = self.svg.cast::<Element>() {
                let _ = svg.set_pointer_capture(pointer);
            }
        }
        if response.background_tap {
            self.list(Input::BackgroundTap);
        }
        if let Some(next) = response.view {
            self.change(|model| model.moved(next));
        }
    }

    pub fn on_pointer_down(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let target = target_element(&e);
            if inside(&target, ".map-tip") {
                return; // the list scrolls and its links click; it never drags the map
            }
            let on_background = !inside(&target, ".map-mark, .map-line");
            let at = local_point(&glue.svg, &e);
            let response = {
                let mut model = glue.model.borrow_mut();
                let view = model.view;
                model.gestures.down(view, e.pointer_id(), at, on_background)
            };
            glue.apply_response(response, e.pointer_id());
        })
    }

    pub fn on_pointer_move(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            let at = local_point(&glue.svg, &e);
            let response = {
                let mut model = glue.model.borrow_mut();
                let view = model.view;
                model.gestures.moved(view, e.pointer_id(), at)
            };
            glue.apply_response(response, e.pointer_id());
        })
    }

    pub fn on_pointer_up(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            let (response, stopped) = {
                let mut model = glue.model.borrow_mut();
                let (view, was_moving) = (model.view, model.gestures.is_moving());
                let response = model.gestures.up(view, e.pointer_id(), e.time_stamp());
                (response, was_moving && !model.gestures.is_moving())
            };
            glue.apply_response(response, e.pointer_id());
            if stopped {
                glue.redraw.force_update(); // drop the grabbing cursor
            }
        })
    }

    pub fn on_pointer_cancel(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            glue.change(|model| model.gestures.cancel(e.pointer_id()));
        })
    }

    /// A wheel turn the map takes (see `crate::ui::wheel`): zoom around the pointer.
    pub fn wheel(&self, e: &WheelEvent) {
        let at = local_point(&self.svg, e);
        self.change(|model| {
            let factor = controls::wheel_factor(e.delta_y(), e.delta_mode(), model.view.height);
            let next = model.view.zoom_at(factor, at);
            model.moved(next);
        });
    }

    pub fn on_key_down(&self) -> Callback<KeyboardEvent> {
        let glue = self.clone();
        Callback::from(move |e: KeyboardEvent| {
            let modified = e.ctrl_key() || e.meta_key() || e.alt_key();
            let list_shown = glue.model.borrow().list.is_shown();
            match controls::key_command(&e.key(), modified) {
                Some(MapCommand::Close) if list_shown => {
                    // Escape closes the list first; only the next one clears the selection
                    // (the app-wide shortcut).
                    e.stop_propagation();
                    e.prevent_default();
                    let refocus = inside(&target_element(&e), ".map-tip");
                    glue.list(Input::Close { refocus });
                }
                Some(MapCommand::Close) | None => {}
                Some(command) => {
                    e.prevent_default();
                    glue.change(|model| model.command(command));
                }
            }
        })
    }
}

fn target_element(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

fn inside(element: &Option<Element>, selector: &str) -> bool {
    element
        .as_ref()
        .is_some_and(|el| el.closest(selector).ok().flatten().is_some())
}

/// `focus()` works on SVG and HTML elements alike, but web-sys only binds it on
/// `HtmlElement`; call it by name.
fn focus(element: &Element) {
    if let Ok(f) = js_sys::Reflect::get(element, &JsValue::from_str("focus")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(element);
        }
    }
}
