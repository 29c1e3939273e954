//! The Map view: the offline basemap, one mark per place with its shown events, the trips,
//! pipelines and boundaries, pan and zoom by pointer, wheel, touch, keys and buttons, and a
//! list of a place's events on hover, focus or activation.
//!
//! Everything it decides comes from `crate::geo` (scene, gestures, keys, fitting, tooltip
//! placement); this module keeps the live viewport, measures the element and wires events.
//! The viewport lives in a `RefCell` rather than in Yew state so that quick successive
//! pointer events each build on the latest view, not on the one of the last render.

mod basemap;
mod legend;
mod overlay;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use super::memo::ByPtr;
use super::size::use_size;
use super::state::{use_app, Target};
use crate::views::map::controls::{self, shows_preset, MapCommand};
use crate::views::map::fit;
use crate::views::map::gesture::{Gestures, Response};
use crate::views::map::lines::line_shapes;
use crate::views::map::lod::plan_embedded;
use crate::views::map::marks::{categories, place_marks, ColourBy};
use crate::views::map::scene::{scene, SceneInput};
use crate::views::map::{Preset, Viewport};

use basemap::Basemap;
use legend::Legend;
use overlay::{OverlayEvents, OverlayInput};

/// The view before any selection, and after "Reset".
const HOME: Preset = Preset::World;

/// Size assumed until the element has been measured, px.
const FALLBACK_SIZE: (f64, f64) = (560.0, 320.0);

/// How long a hover list stays after the pointer leaves its mark, so it can be reached.
const PEEK_GRACE_MS: u32 = 300;

/// The view's mutable state outside Yew's render cycle.
struct Live {
    view: Viewport,
    gestures: Gestures,
    /// False until the element's size is known (the first fit must use the real size).
    measured: bool,
    /// The selection the view last framed or followed.
    followed: Option<Target>,
}

/// What to focus after the next render.
#[derive(Clone, Copy, PartialEq)]
enum FocusRequest {
    /// The first event link of the open list.
    ListStart,
    /// A place's mark.
    Mark(usize),
}

fn home(width: f64, height: f64) -> Viewport {
    Viewport::preset(HOME, width, height)
}

/// Pointer position in px from the SVG's top-left corner.
fn local_point(svg: &NodeRef, event: &MouseEvent) -> (f64, f64) {
    let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
    match svg.cast::<Element>() {
        Some(el) => {
            let rect = el.get_bounding_client_rect();
            (x - rect.left(), y - rect.top())
        }
        None => (x, y),
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

#[component]
pub fn MapView() -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = state.catalog.clone();
    let exploration = state.exploration.clone();

    let live = use_mut_ref(|| Live {
        view: home(FALLBACK_SIZE.0, FALLBACK_SIZE.1),
        gestures: Gestures::default(),
        measured: false,
        followed: None,
    });
    let redraw = use_force_update();
    let colour_by = use_state(ColourBy::default);
    let open = use_state(|| None::<usize>);
    let peek = use_state(|| None::<usize>);
    let peek_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let focus_request: Rc<RefCell<Option<FocusRequest>>> = use_mut_ref(|| None);
    // A mark focused by the view itself (after its list closed) must not reopen the list.
    let quiet_focus: Rc<RefCell<Option<usize>>> = use_mut_ref(|| None);
    let frame_ref = use_node_ref();
    // The frame's size, from an observer: no layout is forced after a render.
    let size = use_size(frame_ref.clone());
    let svg_ref = use_node_ref();
    let lines = {
        let catalog = catalog.clone();
        use_memo((), move |_| line_shapes(&catalog))
    };

    // Each place's events and colour tally change only with the filters and the colouring.
    let marks = {
        let catalog = catalog.clone();
        use_memo(
            (ByPtr(exploration.shown.clone()), *colour_by),
            move |(shown, colour_by)| place_marks(&catalog, &shown.0, *colour_by, None),
        )
    };

    let selection = Target::selected(
        exploration.selected_event,
        exploration.selected_actor,
        exploration.selected_place,
    );

    {
        // After every render: on the first measured size, frame the
        // selection of a deep link (or show the home view); later, follow selections made
        // elsewhere when their places are off screen.
        let live = live.clone();
        let redraw = redraw.clone();
        let catalog = catalog.clone();
        let shown = exploration.shown.clone();
        use_effect(move || {
            let (w, h) = size;
            if w < 1.0 || h < 1.0 {
                return; // hidden (another view has the focus on a narrow screen)
            }
            let mut l = live.borrow_mut();
            let mut changed = false;
            if !l.measured {
                let points = selection
                    .map(|s| fit::selection_points(&catalog, s, &shown))
                    .unwrap_or_default();
                l.view = fit::fit_places(&points, w, h).unwrap_or_else(|| home(w, h));
                l.measured = true;
                l.followed = selection;
                changed = true;
            } else if (l.view.width - w).abs() >= 0.5 || (l.view.height - h).abs() >= 0.5 {
                l.view = l.view.resize(w, h);
                changed = true;
            }
            if l.followed != selection {
                l.followed = selection;
                if let Some(s) = selection {
                    let points = fit::selection_points(&catalog, s, &shown);
                    if let Some(next) = fit::follow(&l.view, &points) {
                        l.view = next;
                        changed = true;
                    }
                }
            }
            drop(l);
            if changed {
                redraw.force_update();
            }
        });
    }
    {
        // A new selection closes the list it was picked from.
        let open = open.clone();
        let peek = peek.clone();
        use_effect_with(exploration.selected_event, move |_| {
            if open.is_some() {
                open.set(None);
            }
            if peek.is_some() {
                peek.set(None);
            }
        });
    }
    {
        let focus_request = focus_request.clone();
        let quiet_focus = quiet_focus.clone();
        let svg_ref = svg_ref.clone();
        use_effect(move || {
            let Some(request) = focus_request.borrow_mut().take() else {
                return;
            };
            let Some(svg) = svg_ref.cast::<Element>() else {
                return;
            };
            let selector = match request {
                FocusRequest::ListStart => ".map-tip-list a".to_owned(),
                FocusRequest::Mark(place) => format!(".map-mark[data-place=\"{place}\"]"),
            };
            if let Ok(Some(element)) = svg.query_selector(&selector) {
                if let FocusRequest::Mark(place) = request {
                    *quiet_focus.borrow_mut() = Some(place);
                }
                focus(&element);
                quiet_focus.borrow_mut().take();
            }
        });
    }

    let view = live.borrow().view;
    let layers = plan_embedded(&view);
    let emphasised = selection
        .map(|s| fit::selection_places(&catalog, s, &exploration.shown))
        .unwrap_or_default();
    let hovered = state
        .hover
        .map(|s| fit::selection_places(&catalog, s, &exploration.shown))
        .unwrap_or_default();
    let frame = scene(&SceneInput {
        catalog: &catalog,
        marks: &marks,
        selected_event: exploration.selected_event,
        emphasised: &emphasised,
        hovered: &hovered,
        view: &view,
        layers: &layers,
    });
    let hovered_event = match state.hover {
        Some(Target::Event(e)) => Some(e),
        _ => None,
    };

    // Moves the view and redraws.
    let set_view = {
        let live = live.clone();
        let redraw = redraw.clone();
        Rc::new(move |next: Viewport| {
            live.borrow_mut().view = next;
            redraw.force_update();
        })
    };
    let apply_response = {
        let set_view = set_view.clone();
        let svg_ref = svg_ref.clone();
        let open = open.clone();
        Rc::new(move |response: Response, pointer: i32| {
            if response.capture {
                if let Some(svg) = svg_ref.cast::<Element>() {
                    let _ = svg.set_pointer_capture(pointer);
                }
            }
            if response.background_tap {
                open.set(None);
            }
            if let Some(next) = response.view {
                set_view(next);
            }
        })
    };
    let on_pointer_down = {
        let live = live.clone();
        let svg_ref = svg_ref.clone();
        let apply_response = apply_response.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let target = target_element(&e);
            if inside(&target, ".map-tip") {
                return; // the list scrolls and its links click; it never drags the map
            }
            let on_background = !inside(&target, ".map-mark, .map-line");
            let at = local_point(&svg_ref, &e);
            let response = {
                let mut l = live.borrow_mut();
                let view = l.view;
                l.gestures.down(view, e.pointer_id(), at, on_background)
            };
            apply_response(response, e.pointer_id());
        })
    };
    let on_pointer_move = {
        let live = live.clone();
        let svg_ref = svg_ref.clone();
        let apply_response = apply_response.clone();
        Callback::from(move |e: PointerEvent| {
            let at = local_point(&svg_ref, &e);
            let response = {
                let mut l = live.borrow_mut();
                let view = l.view;
                l.gestures.moved(view, e.pointer_id(), at)
            };
            apply_response(response, e.pointer_id());
        })
    };
    let on_pointer_up = {
        let live = live.clone();
        let apply_response = apply_response.clone();
        let redraw = redraw.clone();
        Callback::from(move |e: PointerEvent| {
            let (response, stopped) = {
                let mut l = live.borrow_mut();
                let (view, was_moving) = (l.view, l.gestures.is_moving());
                let response = l.gestures.up(view, e.pointer_id(), e.time_stamp());
                (response, was_moving && !l.gestures.is_moving())
            };
            apply_response(response, e.pointer_id());
            if stopped {
                redraw.force_update(); // drop the grabbing cursor
            }
        })
    };
    let on_pointer_cancel = {
        let live = live.clone();
        let redraw = redraw.clone();
        Callback::from(move |e: PointerEvent| {
            live.borrow_mut().gestures.cancel(e.pointer_id());
            redraw.force_update();
        })
    };
    let on_wheel = {
        let live = live.clone();
        let svg_ref = svg_ref.clone();
        let set_view = set_view.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default(); // zoom the map, not scroll the page
            let view = live.borrow().view;
            let factor = controls::wheel_factor(e.delta_y(), e.delta_mode(), view.height);
            set_view(view.zoom_at(factor, local_point(&svg_ref, &e)));
        })
    };
    let close_list = {
        let open = open.clone();
        let peek = peek.clone();
        let focus_request = focus_request.clone();
        Rc::new(move |refocus: bool| {
            let place = (*open).or(*peek);
            open.set(None);
            peek.set(None);
            if refocus {
                *focus_request.borrow_mut() = place.map(FocusRequest::Mark);
            }
        })
    };
    let on_key_down = {
        let live = live.clone();
        let set_view = set_view.clone();
        let close_list = close_list.clone();
        let list_shown = open.is_some() || peek.is_some();
        Callback::from(move |e: KeyboardEvent| {
            let modified = e.ctrl_key() || e.meta_key() || e.alt_key();
            match controls::key_command(&e.key(), modified) {
                Some(MapCommand::Close) if list_shown => {
                    // Escape closes the list first; only the next one clears the selection
                    // (the app-wide shortcut).
                    e.stop_propagation();
                    e.prevent_default();
                    let focus_in_list = inside(&target_element(&e), ".map-tip");
                    close_list(focus_in_list);
                }
                Some(MapCommand::Close) | None => {}
                Some(command) => {
                    e.prevent_default();
                    let view = live.borrow().view;
                    set_view(controls::apply(
                        command,
                        view,
                        home(view.width, view.height),
                    ));
                }
            }
        })
    };

    // Hover and focus lists: shown at once, hidden after a grace period.
    let cancel_peek_close = {
        let peek_timer = peek_timer.clone();
        Rc::new(move || drop(peek_timer.borrow_mut().take()))
    };
    let schedule_peek_close = {
        let peek_timer = peek_timer.clone();
        let peek = peek.clone();
        Rc::new(move || {
            let peek = peek.clone();
            *peek_timer.borrow_mut() = Some(Timeout::new(PEEK_GRACE_MS, move || peek.set(None)));
        })
    };
    let events = OverlayEvents {
        peek: {
            let live = live.clone();
            let peek = peek.clone();
            let cancel = cancel_peek_close.clone();
            let app = app.clone();
            let quiet_focus = quiet_focus.clone();
            Callback::from(move |(place, from_pointer): (usize, bool)| {
                if from_pointer && live.borrow().gestures.is_moving() {
                    return;
                }
                if !from_pointer && *quiet_focus.borrow() == Some(place) {
                    return;
                }
                cancel();
                peek.set(Some(place));
                if from_pointer {
                    app.hover(Some(Target::Place(place)));
                }
            })
        },
        unpeek: {
            let schedule = schedule_peek_close.clone();
            let app = app.clone();
            Callback::from(move |from_pointer: bool| {
                schedule();
                if from_pointer {
                    app.hover(None);
                }
            })
        },
        keep_list: {
            let cancel = cancel_peek_close.clone();
            Callback::from(move |()| cancel())
        },
        release_list: {
            let schedule = schedule_peek_close.clone();
            Callback::from(move |()| schedule())
        },
        toggle: {
            let open = open.clone();
            let focus_request = focus_request.clone();
            Callback::from(move |(place, by_keyboard): (usize, bool)| {
                if by_keyboard {
                    open.set(Some(place));
                    *focus_request.borrow_mut() = Some(FocusRequest::ListStart);
                } else if *open == Some(place) {
                    open.set(None);
                } else {
                    open.set(Some(place));
                }
            })
        },
        picked: {
            let focus_request = focus_request.clone();
            Callback::from(move |(place, by_keyboard): (usize, bool)| {
                if by_keyboard {
                    *focus_request.borrow_mut() = Some(FocusRequest::Mark(place));
                }
            })
        },
        close: {
            let close_list = close_list.clone();
            Callback::from(move |()| close_list(true))
        },
    };

    let zoom_button = |command: MapCommand, text: &'static str, label: &'static str| {
        let live = live.clone();
        let set_view = set_view.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let view = live.borrow().view;
            set_view(controls::apply(
                command,
                view,
                home(view.width, view.height),
            ));
        });
        html! {
            <button type="button" class="map-zoom-button" aria-label={label} title={label} {onclick}>
                { text }
            </button>
        }
    };
    let presets = Preset::ALL.iter().map(|&preset| {
        let live = live.clone();
        let set_view = set_view.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let view = live.borrow().view;
            set_view(Viewport::preset(preset, view.width, view.height));
        });
        let pressed = shows_preset(&view, preset);
        html! {
            <button type="button" aria-pressed={pressed.to_string()} data-preset={preset.id()} {onclick}>
                { preset.label() }
            </button>
        }
    });
    let on_colour = {
        let colour_by = colour_by.clone();
        Callback::from(move |by: ColourBy| colour_by.set(by))
    };
    let selection_points = selection
        .map(|s| fit::selection_points(&catalog, s, &exploration.shown))
        .unwrap_or_default();
    let fit_button = {
        let live = live.clone();
        let set_view = set_view.clone();
        let points = selection_points.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let view = live.borrow().view;
            if let Some(next) = fit::fit_places(&points, view.width, view.height) {
                set_view(next);
            }
        });
        html! {
            <button type="button" class="map-zoom-button map-fit" onclick={onclick}
                    disabled={selection_points.is_empty()}
                    aria-label="Fit the selection" title="Fit the selection">
                { "◎" }
            </button>
        }
    };

    let list_place = (*peek).or(*open);
    let legend_categories = categories(&catalog, *colour_by);
    let moving = live.borrow().gestures.is_moving();
    html! {
        <section class="view view-map" aria-label="Map">
            <div class="map-head">
                <h2 class="view-title">{ "Map" }</h2>
                <div class="map-presets" role="group" aria-label="Show a region">{ for presets }</div>
                <div class="map-zoom" role="group" aria-label="Zoom">
                    { zoom_button(MapCommand::ZoomIn, "+", "Zoom in") }
                    { zoom_button(MapCommand::ZoomOut, "−", "Zoom out") }
                    { zoom_button(MapCommand::Reset, "⌂", "Reset the view") }
                    { fit_button }
                </div>
            </div>
            <div class="map-frame" ref={frame_ref}>
                <svg ref={svg_ref}
                     class={classes!("map-svg", moving.then_some("is-moving"))}
                     width={view.width.to_string()} height={view.height.to_string()}
                     viewBox={format!("0 0 {} {}", view.width, view.height)}
                     role="group" aria-label="Map canvas" aria-describedby="map-help"
                     tabindex="0" data-zoom={format!("{:.4}", view.zoom)}
                     onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                     onpointerup={on_pointer_up} onpointercancel={on_pointer_cancel}
                     onwheel={on_wheel} onkeydown={on_key_down}>
                    <g class="map-world" transform={view.transform()}>
                        <Basemap details={layers.details.clone()} />
                        { overlay::lines_in_map_units(&app, &catalog, &lines, &exploration.shown,
                              exploration.selected_event, hovered_event) }
                    </g>
                    { overlay::overlay(&OverlayInput {
                        app: &app,
                        catalog: &catalog,
                        scene: &frame,
                        lines: &lines,
                        shown: &exploration.shown,
                        selected_event: exploration.selected_event,
                        hovered_event,
                        view: &view,
                        categories: &legend_categories,
                        list_place,
                        pinned: *open,
                        events: &events,
                    }) }
                </svg>
            </div>
            <p id="map-help" class="visually-hidden">
                { "Drag or use the arrow keys to pan; scroll, pinch, double-tap or press plus and minus to zoom; 0 resets. Tab moves through the trips and the places; Enter opens a place's events." }
            </p>
            <Legend categories={legend_categories.clone()} colour_by={*colour_by} {on_colour} />
        </section>
    }
}
