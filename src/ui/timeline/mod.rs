//! The Timeline view: one lane per side (or storyline), zoom and pan, a brush that writes
//! the time window to the URL, arrow keys through the filtered events, and playback.
//!
//! Every decision is made in [`crate::views::timeline`]: the drawing (lanes, marks, density
//! strips, what is drawn singly) and, in its [`interaction`] reducer, what each key,
//! pointer, wheel turn, click, toolbar button, timer tick, resize or new URL does to the
//! view and which effects follow. This module and its helpers measure, render and forward:
//!
//! * this file — the component: reads the app, memoises the drawing, renders the frame;
//! * `shell` — the one model, [`Shell::send`] (input in, effects carried out), and the
//!   hooks for resizes, the wheel and keeping the selection and the playing window in view;
//! * `plot_events` — pointer, click, hover and key listeners on the plot, registered once;
//! * `player` — the playback timer and the URL watch;
//! * `controls`, `axis`, `lanes`, `density` — renderers of the toolbar and the drawing;
//! * `dom` — the few DOM questions the timeline asks.
//!
//! One state pattern: the model is one `use_mut_ref`, drawn again (`use_force_update`) when
//! [`Model::update`] answers [`Effect::Redraw`]. Not a `use_reducer`: an input's effects must
//! be carried out inside the DOM event that caused it (cancelling its default action,
//! stopping its propagation, capturing the pointer), which a reducer cannot hand back to its
//! caller; and pointer moves arriving between renders must each apply to the latest state.
//!
//! [`interaction`]: crate::views::timeline::interaction
//! [`Model::update`]: crate::views::timeline::interaction::Model::update
//! [`Effect::Redraw`]: crate::views::timeline::interaction::Effect::Redraw

mod axis;
mod controls;
mod density;
mod dom;
mod lanes;
mod player;
mod plot_events;
mod shell;
mod window_fields;

use std::rc::Rc;

use yew::prelude::*;

use self::controls::{Controls, Player};
use self::plot_events::use_plot_events;
use self::shell::Shell;
use super::links::use_link_base;
use super::state::{use_app, AppState, Target};
use crate::data::{Catalog, Date};
use crate::explore::Exploration;
use crate::query::Filters;
use crate::ui::memo::ByPtr;
use crate::ui::stage::StageToggle;
use crate::url::{PhoneTab, UrlState};
use crate::views::timeline::density::density_note;
use crate::views::timeline::drawing::Singles;
use crate::views::timeline::interaction::{Input, View};
use crate::views::timeline::keys::KeyPress;
use crate::views::timeline::marks::TimelineInput;
use crate::views::timeline::window::window_label;
use crate::views::timeline::{events_ignoring_window, Drawing, Geometry, LaneMode};

#[component]
pub fn Timeline() -> Html {
    let app = use_app();
    let shell = shell::use_shell(&app);
    use_plot_events(&shell);
    shell::use_resize(&shell);
    let wheel_hint = shell::use_wheel(&shell);
    shell.read_link(&app);

    let view = shell.view();
    let state = app.state();
    let exploration = &state.exploration;
    let geometry = Geometry::default();
    let events = use_events(state);
    let drawing = use_drawing(state, &events, &view, geometry);
    let input = TimelineInput {
        catalog: &state.catalog,
        events: &events,
        in_window: &exploration.shown,
        mode: view.mode,
        scale: &view.scale,
        geometry,
    };
    let selected = exploration.selected_event();
    // What another view hovers, per event; the same `Rc` until the hover changes.
    let linked = {
        let catalog = state.catalog.clone();
        use_memo(state.hover, move |hover| Target::lit_mask(*hover, &catalog))
    };
    let links = use_link_base(&exploration.url);
    let singles = drawing.singles(&input, selected, &linked);
    let rows = drawing.selected_rows(selected, &singles, &geometry);
    let filters = &exploration.url.filters;
    shell::use_follow(&shell, selected, rows, view.window_days(filters));
    player::use_playback(&shell, view.playing, &state.fragment);

    let plot = Plot {
        shell: &shell,
        view: &view,
        wheel_hint,
        filters,
        catalog: &state.catalog,
        links: &links,
        drawing: &drawing,
        selected,
        linked: &linked,
        singles: &singles,
        geometry,
    };
    html! {
        <section ref={shell.section.clone()} id="view-timeline" class="view view-timeline" aria-label="Timeline" tabindex="-1" onkeydown={on_key(&shell)}>
            <div class="view-head">
                { title(view.mode, &drawing) }
                <super::compare::CompareToggle />
                <StageToggle view={PhoneTab::Timeline} />
            </div>
            { toolbar(&shell, &view, filters, &state.catalog) }
            { plot.view() }
            <p class="tl-hint" title={HINT}>{ HINT }</p>
        </section>
    }
}

/// How to work the timeline, on one line under it (cut with an ellipsis where narrow; the
/// whole text is its tooltip).
const HINT: &str = "Drag to pan · Ctrl + wheel (or wheel after a click here) or + − to zoom · drag on the band under the dates (or Shift-drag) for a time window · ← → step through events · “Earlier”: background before the view";

/// The events by data and filters, the window aside; cached, so a selection or a hover
/// does not filter again. `shown` is a function of the catalog and the filters, so the
/// filters stand in for it.
#[hook]
fn use_events(state: &AppState) -> Rc<Vec<usize>> {
    use_memo(
        (
            ByPtr(state.catalog.clone()),
            ByPtr(state.search.clone()),
            Filters {
                from: None,
                to: None,
                ..state.exploration.url.filters.clone()
            },
        ),
        |(catalog, search, unwindowed)| events_ignoring_window(&catalog.0, &search.0, unwindowed),
    )
}

/// The drawing, cached by the events, the filters, the zoom and the lanes.
#[hook]
fn use_drawing(
    state: &AppState,
    events: &Rc<Vec<usize>>,
    view: &View,
    geometry: Geometry,
) -> Rc<Drawing> {
    let events = events.clone();
    let exploration: Rc<Exploration> = state.exploration.clone();
    use_memo(
        (
            ByPtr(state.catalog.clone()),
            ByPtr(events.clone()),
            exploration.url.filters.clone(),
            view.mode,
            view.scale.clone(),
            geometry,
        ),
        move |(catalog, _, _, mode, scale, geometry)| {
            Drawing::of(&TimelineInput {
                catalog: &catalog.0,
                events: &events,
                in_window: &exploration.shown,
                mode: *mode,
                scale,
                geometry: *geometry,
            })
        },
    )
}

/// Keys pressed anywhere in the view, for the model to decide on.
fn on_key(shell: &Shell) -> Callback<KeyboardEvent> {
    let shell = shell.clone();
    Callback::from(move |event: KeyboardEvent| {
        let key = event.key();
        let modified = event.ctrl_key() || event.meta_key() || event.alt_key();
        // On a density bar the arrows move along its lane, before they can step events.
        if plot_events::rove_along_lane(event.target(), &key, modified) {
            event.prevent_default();
            event.stop_propagation();
            return;
        }
        let press = KeyPress {
            key: &key,
            ctrl: event.ctrl_key(),
            meta: event.meta_key(),
            alt: event.alt_key(),
            in_field: dom::is_field(event.target()),
        };
        let input = Input::Key {
            press,
            focus_on_mark: dom::focus_on_mark(),
        };
        shell.send(input, Some(event.as_ref()));
    })
}

fn title(mode: LaneMode, drawing: &Drawing) -> Html {
    html! {
        <h2 class="view-title">{ "Timeline" }
            <span class="tl-subtitle">{ match mode {
                LaneMode::Sides => " · lanes by side",
                LaneMode::Storylines => " · lanes by storyline",
            } }</span>
            if let Drawing::Density(layout) = drawing {
                <span class="tl-density-note">{ density_note(layout) }</span>
            }
        </h2>
    }
}

/// The first and last day of the data.
fn data_bounds(catalog: &Catalog) -> (Date, Date) {
    let spans = &catalog.spans;
    let first = spans.iter().map(|s| s.start).min().unwrap_or_default();
    let last = spans.iter().map(|s| s.end).max().unwrap_or(first);
    (Date::from_days(first), Date::from_days(last))
}

/// The toolbar, each control sending its input to the model.
fn toolbar(shell: &Shell, view: &View, filters: &Filters, catalog: &Catalog) -> Html {
    let toggle = {
        let shell = shell.clone();
        Callback::from(move |()| {
            let reduced_motion = dom::prefers_reduced_motion();
            shell.send(Input::TogglePlay { reduced_motion }, None);
        })
    };
    controls::view(Controls {
        mode: view.mode,
        on_mode: sender(shell, Input::Lanes),
        on_zoom: sender(shell, Input::Zoom),
        player: Player {
            playing: view.playing.is_some(),
            speed: view.speed,
            toggle,
            set_speed: sender(shell, Input::Speed),
        },
        from: filters.from,
        to: filters.to,
        bounds: data_bounds(catalog),
        period: catalog.period,
        on_window: sender(shell, |(from, to)| Input::DateFields(from, to)),
        on_clear: sender(shell, |()| Input::ClearWindow),
    })
}

/// A callback sending `input(value)` to the model.
fn sender<T: 'static>(shell: &Shell, input: fn(T) -> Input<'static>) -> Callback<T> {
    let shell = shell.clone();
    Callback::from(move |value| shell.send(input(value), None))
}

/// The axis with the brush band, and the lanes (single marks or density strips).
struct Plot<'a> {
    shell: &'a Shell,
    view: &'a View,
    /// How to zoom with the wheel, while a plain turn has just scrolled past.
    wheel_hint: Html,
    filters: &'a Filters,
    catalog: &'a Rc<Catalog>,
    links: &'a Rc<UrlState>,
    drawing: &'a Rc<Drawing>,
    selected: Option<usize>,
    linked: &'a Rc<Vec<bool>>,
    singles: &'a Singles,
    geometry: Geometry,
}

impl Plot<'_> {
    fn view(&self) -> Html {
        let Plot {
            shell,
            view,
            filters,
            drawing,
            ..
        } = self;
        let ticks = view.scale.ticks_with_spacing(44.0);
        let window = view.window_px(filters);
        let width = view.width.max(1.0);
        // Until the plot is laid out (its observer reports its width after the frame's
        // layout) the drawing would be made for a made-up width and at once made again.
        let measured = view.width > 0.0;
        html! {
            <div ref={shell.plot.clone()} class="tl-plot" tabindex="-1">
                if measured {
                { axis::view(axis::Axis {
                    plot: drawing.plot(),
                    earlier: drawing.earlier(),
                    ticks: &ticks,
                    width,
                    window,
                    window_text: window_label(filters),
                    dragging: view.brushing.is_some(),
                }) }
                }
                <div ref={shell.body.clone()} class="tl-body">
                    if measured { { self.lanes(&ticks, width, window) } }
                </div>
                { self.wheel_hint.clone() }
            </div>
        }
    }

    fn lanes(
        &self,
        ticks: &crate::layout::time::Ticks,
        width: f64,
        window: Option<(f64, f64)>,
    ) -> Html {
        match &**self.drawing {
            Drawing::Marks(_) => lanes::view(lanes::Lanes {
                links: self.links,
                catalog: self.catalog,
                drawing: self.drawing,
                ticks,
                width,
                chip: self.geometry.chip,
                selected: self.selected,
                linked: self.linked,
                window,
            }),
            Drawing::Density(_) => density::view(density::Density {
                links: self.links,
                catalog: self.catalog,
                drawing: self.drawing,
                ticks,
                width,
                chip: self.geometry.chip,
                selected: self.selected,
                selected_marks: &self.singles.marks,
                selected_chips: &self.singles.chips,
                linked: self.linked,
                linked_bins: &self.singles.lit_bins,
                window,
            }),
        }
    }
}
