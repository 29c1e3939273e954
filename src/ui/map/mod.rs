//! The Map view: the offline basemap, one mark per place with its shown events, the trips,
//! pipelines and boundaries, pan and zoom by pointer, wheel, touch, keys and buttons, and a
//! list of a place's events on hover, focus or activation.
//!
//! Everything it decides comes from `crate::views::map` (the model, the place list, scene,
//! gestures, keys, fitting, tooltip placement). This module renders the model and measures
//! the frame; `glue` turns DOM events into the model's inputs and carries out its effects;
//! `head` draws the preset and zoom buttons. The model lives in one `RefCell` (with a
//! forced redraw) rather than in Yew state, so that quick successive pointer events each
//! build on the latest view, not on the one of the last render.

mod basemap;
mod glue;
mod head;
mod legend;
mod overlay;

use yew::prelude::*;

use super::memo::ByPtr;
use super::setting::use_link_setting;
use super::size::use_size;
use super::startup::use_map_story;
use super::state::{use_app, AppState, Target};
use super::wheel::use_cooperative_wheel;
use crate::views::map::fit;
use crate::views::map::lines::line_shapes;
use crate::views::map::lod::plan_embedded;
use crate::views::map::lod::LayerPlan;
use crate::views::map::marks::PlaceMark;
use crate::views::map::marks::{categories, place_marks};
use crate::views::map::model::Model;
use crate::views::map::place_list::Input;
use crate::views::map::scene::{scene, Scene, SceneInput};
use crate::views::map::Viewport;

use basemap::Basemap;
use glue::MapGlue;
use legend::Legend;
use overlay::OverlayInput;

#[component]
pub fn MapView() -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = state.catalog.clone();
    let exploration = state.exploration.clone();

    let glue = MapGlue {
        model: use_mut_ref(Model::default),
        redraw: use_force_update(),
        svg: use_node_ref(),
        app: app.clone(),
        grace: use_mut_ref(|| None),
        focus_request: use_mut_ref(|| None),
    };
    let (colour_by, on_colour) =
        use_link_setting(|views| views.colour, |views, by| views.colour = by);
    let frame_ref = use_node_ref();
    // The frame's size, from an observer: no layout is forced after a render.
    let size = use_size(frame_ref.clone());
    // The story over the basemap waits for its stage of the first render: the basemap's
    // drawing and the story's are then two shorter tasks rather than one long one.
    let story_ready = use_map_story();
    let lines = {
        let catalog = catalog.clone();
        use_memo(story_ready, move |&ready| {
            if ready {
                line_shapes(&catalog)
            } else {
                Vec::new()
            }
        })
    };
    // Each place's events and colour tally change only with the filters and the colouring.
    let marks = {
        let catalog = catalog.clone();
        use_memo(
            (ByPtr(exploration.shown.clone()), colour_by, story_ready),
            move |(shown, colour_by, ready)| {
                if *ready {
                    place_marks(&catalog, &shown.0, *colour_by, None)
                } else {
                    Vec::new()
                }
            },
        )
    };
    let selection = exploration.selected;
    {
        // After every render (which framed the selection, see below): tell the link where
        // the map now is, make a requested focus move.
        let glue = glue.clone();
        use_effect(move || {
            if let Some(at) = glue.model.borrow_mut().link_change() {
                glue.app.set_views(|views| views.map = at);
            }
            glue.run_focus_request();
        });
    }
    {
        // A new selection closes the list it was picked from.
        let glue = glue.clone();
        use_effect_with(exploration.selected_event(), move |_| {
            glue.list(Input::SelectionChanged)
        });
    }

    // Frame a new selection (or follow a link, a resize) before drawing, so a selection
    // is drawn once at its new viewport rather than first at the old one and again after.
    {
        let points = |target| fit::selection_points(&catalog, target, &exploration.shown);
        glue.model
            .borrow_mut()
            .sync(size, selection, points, app.views().map);
    }
    let (view, moving, list_place, pinned) = {
        let model = glue.model.borrow();
        let list = &model.list;
        (
            model.view,
            model.gestures.is_moving(),
            list.shown(),
            list.open,
        )
    };
    let wheel_hint = {
        let glue = glue.clone();
        use_cooperative_wheel(
            glue.svg.clone(),
            "map",
            false,
            std::rc::Rc::new(move |wheel: &web_sys::WheelEvent| glue.wheel(wheel)),
        )
    };
    // Until the frame is laid out (its observer reports its size after the frame's layout)
    // the drawing would be made for a made-up size and at once made again.
    let laid_out = size.0 >= 1.0 && size.1 >= 1.0;
    let layers = plan_embedded(&view);
    let frame =
        (laid_out && story_ready).then(|| story_frame(state, &marks, selection, &view, &layers));
    let hovered_event = match state.hover {
        Some(Target::Event(e)) => Some(e),
        _ => None,
    };
    let selection_points = selection
        .map(|s| fit::selection_points(&catalog, s, &exploration.shown))
        .unwrap_or_default();
    let legend_categories = categories(&catalog, colour_by);
    html! {
        <section id="view-map" class="view view-map" aria-label="Map" tabindex="-1">
            { head::head(&glue, &view, selection_points) }
            <div class="map-frame" ref={frame_ref}>
                <svg ref={glue.svg.clone()}
                     class={classes!("map-svg", moving.then_some("is-moving"))}
                     width={view.width.to_string()} height={view.height.to_string()}
                     viewBox={format!("0 0 {} {}", view.width, view.height)}
                     role="group" aria-label="Map canvas" aria-describedby="map-help"
                     tabindex="0" data-zoom={format!("{:.4}", view.zoom)}
                     onpointerdown={glue.on_pointer_down()} onpointermove={glue.on_pointer_move()}
                     onpointerup={glue.on_pointer_up()} onpointercancel={glue.on_pointer_cancel()}
                     onkeydown={glue.on_key_down()}>
                    if laid_out {
                        <g class="map-world" transform={view.transform()}>
                            <Basemap details={layers.details.clone()} />
                            if story_ready {
                                { overlay::lines_in_map_units(&app, &catalog, &lines, &exploration.shown,
                                      exploration.selected_event(), hovered_event) }
                            }
                        </g>
                    }
                    if let Some(frame) = &frame {
                        { overlay::overlay(&OverlayInput {
                            app: &app,
                            catalog: &catalog,
                            scene: frame,
                            lines: &lines,
                            shown: &exploration.shown,
                            selected_event: exploration.selected_event(),
                            hovered_event,
                            view: &view,
                            categories: &legend_categories,
                            list_place,
                            pinned,
                            events: &glue.overlay_events(),
                        }) }
                    }
                </svg>
                { wheel_hint }
            </div>
            <p id="map-help" class="visually-hidden">
                { "Drag or use the arrow keys to pan; Control plus scroll (or scroll once the map is focused), pinch, double-tap or press plus and minus to zoom; 0 resets. Tab moves through the trips and the places; Enter opens a place's events." }
            </p>
            <Legend categories={legend_categories.clone()} {colour_by} {on_colour} />
        </section>
    }
}

/// The story drawn over the basemap at `view`: marks, rings for the selection and for what
/// another view hovers, labels.
fn story_frame(
    state: &AppState,
    marks: &[PlaceMark],
    selection: Option<Target>,
    view: &Viewport,
    layers: &LayerPlan,
) -> Scene {
    let shown = &state.exploration.shown;
    let places_of = |target: Option<Target>| {
        target
            .map(|t| fit::selection_places(&state.catalog, t, shown))
            .unwrap_or_default()
    };
    scene(&SceneInput {
        catalog: &state.catalog,
        marks,
        selected_event: state.exploration.selected_event(),
        emphasised: &places_of(selection),
        hovered: &places_of(state.hover),
        view,
        layers,
    })
}
