//! The Timeline view: one lane per side (or storyline), zoom and pan, a brush that writes
//! the time window to the URL, arrow keys through the filtered events, and playback.
//! Every decision is made in `crate::views::timeline`; this component measures, renders
//! and forwards DOM events.

mod axis;
mod controls;
mod density;
mod dom;
mod lanes;
mod player;
mod plot_events;
mod scale;

use yew::prelude::*;

use self::controls::{Controls, ZoomRequest};
use self::plot_events::{use_plot_events, Latest};
use self::scale::{ScaleAction, ScaleState};
use super::links::use_link_base;
use super::size::use_size;
use super::state::{use_app, Entry, Target};
use crate::layout::time::default_bounds;
use crate::query::Filters;
use crate::ui::memo::ByPtr;
use crate::url::Route;
use crate::views::timeline::density::{density_note, linked_bins, selected_marks};
use crate::views::timeline::gesture::{self, Effect, Gestures};
use crate::views::timeline::keys::{self, Command, KeyPress};
use crate::views::timeline::marks::{extent_days, TimelineInput};
use crate::views::timeline::window::{
    ordered_window, reveal, reveal_within, scroll_least_to_show, window_days, window_label,
    with_window,
};
use crate::views::timeline::{events_ignoring_window, Drawing, Geometry, LaneMode};

/// Zoom step of the +/− keys and buttons.
const ZOOM_STEP: f64 = 1.6;

#[component]
pub fn Timeline() -> Html {
    let app = use_app();
    let view = use_reducer(ScaleState::default);
    let mode = use_state_eq(LaneMode::default);
    let gestures = use_mut_ref(Gestures::default);
    let brushing = use_state_eq(|| None::<(f64, f64)>);
    let plot_ref = use_node_ref();
    let body_ref = use_node_ref();
    let section_ref = use_node_ref();
    let refocus = use_mut_ref(|| false);
    let latest = use_mut_ref(|| None::<Latest>);
    let player = player::use_player(&app);
    use_plot_events(
        plot_ref.clone(),
        latest.clone(),
        gestures.clone(),
        view.dispatcher(),
        brushing.setter(),
    );

    let state = app.state();
    let catalog = state.catalog.clone();
    let exploration = state.exploration.clone();
    let filters = exploration.url.filters.clone();
    let geometry = Geometry::default();
    let scale = view.scale.clone();

    // The plot's width comes from an observer (window resizes, a tab switch on small
    // screens making the view visible); the reducer ignores an unchanged width.
    let (plot_width, _) = use_size(plot_ref.clone());
    {
        let dispatcher = view.dispatcher();
        use_effect_with(plot_width, move |&width| {
            if width > 0.0 {
                dispatcher.dispatch(ScaleAction::Width(width));
            }
        });
    }
    {
        // The wheel, registered by hand: it must be able to cancel the page scroll, which
        // Yew's delegated listeners cannot promise.
        let plot_ref = plot_ref.clone();
        let dispatcher = view.dispatcher();
        use_effect_with((), move |_| {
            let wheel_origin = plot_ref.clone();
            let wheel = plot_ref.cast::<web_sys::Element>().map(|plot| {
                super::wheel::listen(&plot, move |wheel| {
                    let effect = gesture::wheel(
                        wheel.delta_x(),
                        wheel.delta_y(),
                        wheel.delta_mode(),
                        wheel.ctrl_key(),
                        dom::local_x(wheel, &wheel_origin),
                    );
                    match effect {
                        Effect::Pan(dx) => dispatcher.dispatch(ScaleAction::Pan(dx)),
                        Effect::Zoom { factor, around } => {
                            dispatcher.dispatch(ScaleAction::Zoom { factor, around })
                        }
                        _ => {}
                    }
                })
            });
            move || drop(wheel)
        });
    }

    let shown_window = window_days(&filters, scale.bounds());
    *latest.borrow_mut() = Some(Latest {
        app: app.clone(),
        scale: scale.clone(),
        filters: filters.clone(),
        window_px: shown_window.map(|(a, b)| (scale.x(a), scale.x(b))),
        stop_playback: player.stop.clone(),
    });
    // Filtering and laying out are cached, so a selection or a hover does neither again:
    // the events by data and filters (the window aside), the drawing also by zoom and lanes.
    // `shown` is a function of the catalog and the filters, so the filters stand in for it.
    let events = use_memo(
        (
            ByPtr(catalog.clone()),
            ByPtr(state.search.clone()),
            Filters {
                from: None,
                to: None,
                ..filters.clone()
            },
        ),
        |(catalog, search, unwindowed)| events_ignoring_window(&catalog.0, &search.0, unwindowed),
    );
    let drawing = {
        let events = events.clone();
        let exploration = exploration.clone();
        use_memo(
            (
                ByPtr(catalog.clone()),
                ByPtr(events.clone()),
                filters.clone(),
                *mode,
                scale.clone(),
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
    };
    let input = TimelineInput {
        catalog: &catalog,
        events: &events,
        in_window: &exploration.shown,
        mode: *mode,
        scale: &scale,
        geometry,
    };
    let ticks = scale.ticks_with_spacing(44.0);
    let selected = exploration.selected_event();
    // What another view hovers, per event; the same `Rc` until the hover changes.
    let linked = {
        let catalog = catalog.clone();
        use_memo(state.hover, move |hover| Target::lit_mask(*hover, &catalog))
    };
    let links = use_link_base(&exploration.url);
    // In density mode the selected event is still drawn singly, and what another view
    // hovers lights its share of each bar (bounded by the bars, however many events).
    let (single_marks, single_chips, lit_bins) = match &*drawing {
        Drawing::Density(layout) => {
            let (marks, chips) =
                selected.map_or_else(Default::default, |e| selected_marks(&input, layout, e));
            (marks, chips, linked_bins(&input, layout, &linked))
        }
        Drawing::Marks(_) => Default::default(),
    };

    {
        // An event selected elsewhere (or by the arrow keys) is panned into view.
        let dispatcher = view.dispatcher();
        let scale = scale.clone();
        let extent = selected.and_then(|e| {
            Some(extent_days(
                catalog.events().get(e)?,
                *catalog.spans.get(e)?,
            ))
        });
        use_effect_with(selected, move |_| {
            if let Some(item) = extent {
                let domain = (scale.start(), scale.end());
                if let Some((start, end)) = reveal_within(domain, scale.bounds(), item) {
                    dispatcher.dispatch(ScaleAction::Show(start, end));
                }
            }
        });
    }
    {
        // …and scrolled into view vertically, and focused when the keys moved to it.
        let rows = match &*drawing {
            Drawing::Marks(layout) => selected.and_then(|e| layout.event_rows(e, &geometry)),
            Drawing::Density(layout) => single_marks.first().map(|m| m.lane).map(|lane| {
                let band = &layout.lanes[lane];
                (band.y, band.y + band.h)
            }),
        };
        let body_ref = body_ref.clone();
        let section_ref = section_ref.clone();
        let refocus = refocus.clone();
        use_effect_with(
            (selected, rows.map(|(top, _)| top.round() as i64)),
            move |_| {
                if let (Some((top, bottom)), Some((view_top, view_h))) =
                    (rows, dom::scroll_view(&body_ref))
                {
                    if let Some(offset) = scroll_least_to_show(top, bottom, view_top, view_h) {
                        dom::scroll_to(&body_ref, offset);
                    }
                }
                if *refocus.borrow() && dom::focus_selected_mark(&section_ref) {
                    *refocus.borrow_mut() = false;
                }
            },
        );
    }
    {
        // While playing, the moving window is kept in view.
        let dispatcher = view.dispatcher();
        let scale = scale.clone();
        let playing = player.playing;
        use_effect_with(shown_window.map(|(a, b)| (a as i64, b as i64)), move |_| {
            if let (true, Some(window)) = (playing, shown_window) {
                if let Some((start, end)) = reveal((scale.start(), scale.end()), window) {
                    dispatcher.dispatch(ScaleAction::Show(start, end));
                }
            }
        });
    }

    let on_key = {
        let app = app.clone();
        let view = view.clone();
        let gestures = gestures.clone();
        let brushing = brushing.clone();
        let player = player.clone();
        let refocus = refocus.clone();
        let shown = exploration.shown.clone();
        let catalog = catalog.clone();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            let press = KeyPress {
                key: &key,
                ctrl: event.ctrl_key(),
                meta: event.meta_key(),
                alt: event.alt_key(),
                in_field: dom::is_field(event.target()),
            };
            let Some(command) = keys::command(press) else {
                return;
            };
            let was_playing = player.playing;
            player.stop.emit(());
            match command {
                Command::ZoomIn => view.dispatch(ScaleAction::ZoomCentre(ZOOM_STEP)),
                Command::ZoomOut => view.dispatch(ScaleAction::ZoomCentre(1.0 / ZOOM_STEP)),
                Command::ResetZoom => view.dispatch(ScaleAction::Reset),
                Command::Cancel => {
                    let cancelled = gestures.borrow_mut().cancel();
                    brushing.set(None);
                    if was_playing || !cancelled.is_empty() {
                        // Escape stopped something here; it should not also clear the selection.
                        event.stop_propagation();
                    }
                    return;
                }
                Command::Step(_) | Command::First | Command::Last => {
                    if let Some(target) = keys::target(&shown, selected, command) {
                        *refocus.borrow_mut() = dom::focus_on_mark();
                        app.go_to(Route::Event(catalog.events()[target].id.clone()));
                    }
                }
            }
            event.prevent_default();
            event.stop_propagation();
        })
    };

    let on_zoom = {
        let view = view.clone();
        Callback::from(move |request: ZoomRequest| match request {
            ZoomRequest::By(factor) => view.dispatch(ScaleAction::ZoomCentre(factor)),
            ZoomRequest::Quarter => view.dispatch(ScaleAction::Reset),
            ZoomRequest::Year => {
                let (start, end) = default_bounds();
                view.dispatch(ScaleAction::Show(start, end));
            }
            ZoomRequest::Window => {
                if let Some((start, end)) = shown_window {
                    view.dispatch(ScaleAction::Show(start, end));
                }
            }
        })
    };
    let on_window = {
        let app = app.clone();
        let filters = filters.clone();
        let stop = player.stop.clone();
        Callback::from(move |(from, to)| {
            stop.emit(());
            let mut next = filters.clone();
            (next.from, next.to) = ordered_window(from, to).unwrap_or((None, None));
            app.set_filters(next, Entry::Push);
        })
    };
    let on_clear = {
        let app = app.clone();
        let filters = filters.clone();
        let stop = player.stop.clone();
        Callback::from(move |()| {
            stop.emit(());
            app.set_filters(with_window(&filters, None), Entry::Push);
        })
    };
    let on_mode = {
        let mode = mode.clone();
        Callback::from(move |next: LaneMode| mode.set(next))
    };

    let window_px = (*brushing).or(shown_window.map(|(a, b)| (scale.x(a), scale.x(b))));
    let width = view.width.max(1.0);
    html! {
        <section ref={section_ref} class="view view-timeline" aria-label="Timeline" onkeydown={on_key}>
            <h2 class="view-title">{ "Timeline" }
                <span class="tl-subtitle">{ match *mode {
                    LaneMode::Sides => " · lanes by side",
                    LaneMode::Storylines => " · lanes by storyline",
                } }</span>
                if let Drawing::Density(layout) = &*drawing {
                    <span class="tl-density-note">{ density_note(layout) }</span>
                }
            </h2>
            { controls::view(Controls {
                mode: *mode,
                on_mode,
                on_zoom,
                player: player.clone(),
                from: filters.from,
                to: filters.to,
                on_window,
                on_clear,
            }) }
            <div ref={plot_ref} class="tl-plot" tabindex="-1">
                { axis::view(axis::Axis {
                    plot: drawing.plot(),
                    earlier: drawing.earlier(),
                    ticks: &ticks,
                    width,
                    window: window_px,
                    window_text: window_label(&filters),
                    dragging: brushing.is_some(),
                }) }
                <div ref={body_ref} class="tl-body">
                    { match &*drawing {
                        Drawing::Marks(_) => lanes::view(lanes::Lanes {
                            links: &links,
                            catalog: &catalog,
                            drawing: &drawing,
                            ticks: &ticks,
                            width,
                            chip: geometry.chip,
                            selected,
                            linked: &linked,
                            window: window_px,
                        }),
                        Drawing::Density(_) => density::view(density::Density {
                            links: &links,
                            catalog: &catalog,
                            drawing: &drawing,
                            ticks: &ticks,
                            width,
                            chip: geometry.chip,
                            selected,
                            selected_marks: &single_marks,
                            selected_chips: &single_chips,
                            linked: &linked,
                            linked_bins: &lit_bins,
                            window: window_px,
                        }),
                    } }
                </div>
            </div>
            <p class="tl-hint">
                { "Drag to pan · wheel or + − to zoom · drag on the band under the dates (or Shift-drag) for a time window · ← → step through events · “Earlier”: background before the view" }
            </p>
        </section>
    }
}
