//! The network drawing: an SVG of the scene `views::network::scene` computes for the current
//! zoom, with wheel, drag and button zoom/pan, hover and focus highlighting, arrow-key
//! moves between nodes, and nodes that are links to the actors' profiles.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::super::size::use_size;
use super::super::state::{use_app, Target};
use crate::data::Side;
use crate::layout::{Point, Rect};
use crate::url::Route;
use crate::views::network::dense::plan_edges;
use crate::views::network::describe::{node_name, tie_title};
use crate::views::network::keynav::{nearest_in_direction, Direction};
use crate::views::network::linked::{Ego, Presence};
use crate::views::network::scene::Scene;
use crate::views::network::viewport::{wheel_factor, Drag, BUTTON_FACTOR, MAX_K, MIN_K};
use crate::views::network::{ActorNetwork, NetworkLook, Viewport};

/// Size assumed until the SVG has been measured.
const INITIAL_SIZE: (f64, f64) = (240.0, 300.0);
/// Room kept between a node reached with the keyboard and the edge of the view.
const KEEP_IN_VIEW_PX: f64 = 30.0;

#[derive(Properties)]
pub struct NetworkProps {
    pub network: Rc<ActorNetwork>,
    pub look: Rc<NetworkLook>,
    /// The node under the pointer or focus, in any view: its label always shows.
    pub pinned: Option<usize>,
    pub expanded: bool,
    pub millis: Option<f64>,
}

impl PartialEq for NetworkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.network, &other.network)
            && self.look == other.look
            && self.pinned == other.pinned
            && self.expanded == other.expanded
    }
}

/// What the event handlers share between renders.
struct Live {
    size: (f64, f64),
    /// `None` while the view follows the fitted default (it then re-fits on resize);
    /// set once the reader zooms or pans.
    view: Option<Viewport>,
    /// What "fitted" means now: the whole network, or the ego neighbourhood. When it
    /// changes the view fits it again.
    fit_to: Rect,
    drag: Option<Drag>,
    /// A drag just ended: the click it produces must not open a node.
    swallow_click: bool,
}

impl Live {
    fn viewport(&self) -> Viewport {
        self.view
            .unwrap_or_else(|| Viewport::fit(self.fit_to, self.size.0, self.size.1))
    }
}

#[component]
pub fn Network(props: &NetworkProps) -> Html {
    let app = use_app();
    let catalog = app.state().catalog.clone();
    let graph = &props.network.graph;
    let placement = &props.network.placement;
    let look = &props.look;
    let svg_ref = use_node_ref();
    let redraw = use_force_update();
    let live = use_mut_ref(|| Live {
        size: INITIAL_SIZE,
        view: None,
        fit_to: placement.bounds,
        drag: None,
        swallow_click: false,
    });

    // Ego mode fits the neighbourhood; leaving it fits everything again.
    let fit_to = match look.ego {
        Ego::Showing(_) => {
            let drawn: Vec<usize> = (0..graph.nodes.len())
                .filter(|&n| look.nodes[n].presence == Presence::Active)
                .collect();
            placement.bounds_of_nodes(&drawn)
        }
        _ => placement.bounds,
    };
    {
        let mut l = live.borrow_mut();
        if l.fit_to != fit_to {
            l.fit_to = fit_to;
            l.view = None;
        }
    }

    // The canvas's size comes from an observer (a tab switch, the enlarge toggle, window
    // resizes), and renders again when it changes.
    let canvas_ref = use_node_ref();
    apply_size(&live, use_size(canvas_ref.clone()));
    {
        // The wheel, registered by hand so it can cancel the page scroll.
        let live = live.clone();
        let svg_ref = svg_ref.clone();
        let redraw = redraw.clone();
        use_effect_with((), move |_| {
            let wheel = svg_ref.cast::<Element>().map(|svg| {
                let svg_ref = svg_ref.clone();
                super::super::wheel::listen(&svg, move |wheel| {
                    let at = local_point(&svg_ref, wheel);
                    let factor = wheel_factor(wheel.delta_y(), wheel.delta_mode());
                    let mut l = live.borrow_mut();
                    l.view = Some(l.viewport().zoom_at(factor, at));
                    drop(l);
                    redraw.force_update();
                })
            });
            move || drop(wheel)
        });
    }

    let viewport = live.borrow().viewport();
    let scene = Scene::new(graph, placement, look, &viewport, props.pinned);
    let set_view = {
        let live = live.clone();
        let redraw = redraw.clone();
        Rc::new(move |view: Option<Viewport>| {
            live.borrow_mut().view = view;
            redraw.force_update();
        })
    };

    // Dragging pans; a press that does not move stays a click on whatever it hit.
    let on_pointer_down = {
        let live = live.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut l = live.borrow_mut();
            let origin = l.viewport();
            l.drag = Some(Drag::new(e.pointer_id(), local_point(&svg_ref, &e), origin));
            l.swallow_click = false;
        })
    };
    let on_pointer_move = {
        let live = live.clone();
        let svg_ref = svg_ref.clone();
        let set_view = set_view.clone();
        Callback::from(move |e: PointerEvent| {
            let at = local_point(&svg_ref, &e);
            let mut l = live.borrow_mut();
            let content = l.fit_to;
            let Some(drag) = l.drag.as_mut().filter(|d| d.pointer == e.pointer_id()) else {
                return;
            };
            let was_panning = drag.panning;
            let Some(next) = drag.view_at(at, content) else {
                return;
            };
            drop(l);
            if !was_panning {
                // From here on the drag belongs to the drawing, wherever the pointer goes.
                if let Some(svg) = svg_ref.cast::<Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            set_view(Some(next));
        })
    };
    let on_pointer_end = {
        let live = live.clone();
        Callback::from(move |e: PointerEvent| {
            let mut l = live.borrow_mut();
            if l.drag.is_some_and(|d| d.pointer == e.pointer_id()) {
                l.swallow_click = l.drag.is_some_and(|d| d.panning);
                l.drag = None;
            }
        })
    };
    let on_click_capture = {
        let live = live.clone();
        Callback::from(move |e: MouseEvent| {
            let mut l = live.borrow_mut();
            if l.swallow_click {
                l.swallow_click = false;
                e.prevent_default();
            }
        })
    };

    // Keys: arrows move between nodes, + and − zoom, 0 shows everything.
    let active: Vec<usize> = (0..graph.nodes.len())
        .filter(|&n| look.nodes[n].presence == Presence::Active)
        .collect();
    let on_key_down = {
        let live = live.clone();
        let set_view = set_view.clone();
        let positions = placement.positions.clone();
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let view = live.borrow().viewport();
            match e.key().as_str() {
                "+" | "=" => set_view(Some(view.zoom_centre(BUTTON_FACTOR))),
                "-" | "_" => set_view(Some(view.zoom_centre(1.0 / BUTTON_FACTOR))),
                "0" => set_view(None),
                key => {
                    let Some(direction) = Direction::from_key(key) else {
                        return;
                    };
                    let Some(from) = focused_node() else { return };
                    e.prevent_default();
                    let Some(to) = nearest_in_direction(&positions, &active, from, direction)
                    else {
                        return;
                    };
                    let next = view.ensure_visible(positions[to], KEEP_IN_VIEW_PX);
                    if next != view {
                        set_view(Some(next));
                    }
                    focus_node(to);
                }
            }
            e.prevent_default();
        })
    };

    let zoom_button = |label: &str, text: &str, factor: Option<f64>, enabled: bool| {
        let set_view = set_view.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            set_view(factor.map(|f| viewport.zoom_centre(f)));
        });
        html! {
            <button type="button" class="actors-zoom-button" aria-label={label.to_owned()}
                    title={label.to_owned()} disabled={!enabled} {onclick}>{ text.to_owned() }</button>
        }
    };

    let plan = plan_edges(&scene.edges, &look.edges);
    let merged_views = plan.merged.iter().map(|ties| {
        html! {
            <path class={classes!("actor-ties", ties.faded.then_some("is-faded"))} d={ties.d.clone()}
                  stroke-width={px(ties.width)} data-ties={ties.ties.to_string()} />
        }
    });
    let edges = plan.single.iter().map(|&i| &scene.edges[i]);
    let actor_id = |node: usize| catalog.actors()[graph.nodes[node].actor].id.clone();
    let actor_name = |node: usize| catalog.actors()[graph.nodes[node].actor].name.clone();
    let edge_views = edges.into_iter().map(|shape| {
        let edge = &graph.edges[shape.edge];
        let l = &look.edges[shape.edge];
        let class = classes!(
            "actor-edge",
            l.current.then_some("is-current"),
            l.lit.then_some("is-lit"),
            l.faded.then_some("is-faded"),
        );
        let title = tie_title(&actor_name(edge.a), &actor_name(edge.b), l.weight, l.a_led, l.b_led);
        html! {
            <g key={format!("e{}", shape.edge)} {class} data-a={actor_id(edge.a)} data-b={actor_id(edge.b)}
               data-weight={l.weight.to_string()}>
                <title>{ title }</title>
                <line x1={px(shape.start.x)} y1={px(shape.start.y)} x2={px(shape.end.x)} y2={px(shape.end.y)}
                      stroke-width={px(shape.width)} />
                { for shape.heads.iter().map(|[a, b, c]| html! {
                    <polygon class="actor-arrow" points={format!("{},{} {},{} {},{}", px(a.x), px(a.y), px(b.x), px(b.y), px(c.x), px(c.y))} />
                }) }
            </g>
        }
    });

    let ghost_views = scene
        .nodes
        .iter()
        .filter(|n| look.nodes[n.node].presence == Presence::Ghost)
        .map(|n| {
            html! {
                <circle key={format!("g{}", n.node)} class={classes!("actor-ghost", side_class(graph.nodes[n.node].side))}
                        cx={px(n.centre.x)} cy={px(n.centre.y)} r={px(n.radius)} data-actor-id={actor_id(n.node)} />
            }
        });

    let node_views = scene
        .nodes
        .iter()
        .filter(|n| look.nodes[n.node].presence == Presence::Active)
        .map(|shape| {
            let n = shape.node;
            let node = &graph.nodes[n];
            let l = &look.nodes[n];
            let actor = node.actor;
            let id = actor_id(n);
            let class = classes!(
                "actor-node",
                side_class(node.side),
                l.current.then_some("is-current"),
                l.lit.then_some("is-lit"),
                l.faded.then_some("is-faded"),
                (props.pinned == Some(n)).then_some("is-pinned"),
            );
            let enter = {
                let app = app.clone();
                Callback::from(move |()| app.hover(Some(Target::Actor(actor))))
            };
            let leave = {
                let app = app.clone();
                Callback::from(move |()| app.hover(None))
            };
            let p = placement.positions[n];
            html! {
                <a key={id.clone()} id={node_dom_id(n)} {class} href={app.href(Route::Actor(id.clone()))}
                   aria-label={node_name(&catalog, node, l)} aria-current={l.current.then_some("true")}
                   data-actor-id={id} data-x={format!("{:.2}", p.x)} data-y={format!("{:.2}", p.y)}
                   onmouseenter={enter.reform(|_: MouseEvent| ())} onmouseleave={leave.reform(|_: MouseEvent| ())}
                   onfocus={enter.reform(|_: FocusEvent| ())} onblur={leave.reform(|_: FocusEvent| ())}>
                    <circle class="actor-dot" cx={px(shape.centre.x)} cy={px(shape.centre.y)} r={px(shape.radius)} />
                    if l.current {
                        <circle class="actor-ring" cx={px(shape.centre.x)} cy={px(shape.centre.y)} r={px(shape.radius + 3.0)} />
                    }
                </a>
            }
        });

    let label_views = scene.labels.iter().enumerate().filter_map(|(n, label)| {
        let label = label.as_ref()?;
        let at = label.text_position();
        let l = &look.nodes[n];
        let class = classes!(
            "actor-label",
            l.current.then_some("is-current"),
            l.faded.then_some("is-faded"),
            (props.pinned == Some(n)).then_some("is-pinned"),
        );
        Some(html! {
            <text key={format!("l{n}")} {class} x={px(at.x)} y={px(at.y)} text-anchor={label.slot.text_anchor()}>
                { &placement.labels[n] }
            </text>
        })
    });

    let (width, height) = (viewport.width, viewport.height);
    let drawn = active.len();
    let svg_label = format!(
        "Network of {drawn} actor{}: arrows point from who reached out to whom; arrow keys move between actors, + and − zoom",
        if drawn == 1 { "" } else { "s" }
    );
    html! {
        <div ref={canvas_ref} class={classes!("actors-canvas", props.expanded.then_some("is-expanded"))}>
            <svg ref={svg_ref} class="actors-svg" role="group" aria-label={svg_label}
                 width={px(width)} height={px(height)} viewBox={format!("0 0 {} {}", px(width), px(height))}
                 data-layout-ms={props.millis.map(|m| format!("{m:.1}"))}
                 data-zoom={format!("{:.3}", viewport.k)}
                 onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                 onpointerup={on_pointer_end.clone()} onpointercancel={on_pointer_end}
                 onclick={on_click_capture} onkeydown={on_key_down}>
                <g class="actor-edges" aria-hidden="true">{ for merged_views }{ for edge_views }</g>
                <g class="actor-ghosts" aria-hidden="true">{ for ghost_views }</g>
                <g class="actor-nodes">{ for node_views }</g>
                <g class="actor-labels" aria-hidden="true">{ for label_views }</g>
            </svg>
            <div class="actors-zoom">
                { zoom_button("Zoom the network in", "+", Some(BUTTON_FACTOR), viewport.k < MAX_K) }
                { zoom_button("Zoom the network out", "−", Some(1.0 / BUTTON_FACTOR), viewport.k > MIN_K) }
                { zoom_button("Show the whole network", "⤢", None, true) }
            </div>
        </div>
    }
}

/// Two decimals are plenty for screen px and keep the DOM small.
fn px(v: f64) -> String {
    crate::numfmt::fixed(v, 2)
}

/// The CSS class that gives a side its colour.
pub fn side_class(side: Side) -> String {
    format!("side-{}", side.id())
}

fn node_dom_id(node: usize) -> String {
    format!("actor-node-{node}")
}

/// The node whose link has keyboard focus.
fn focused_node() -> Option<usize> {
    let active = gloo::utils::document().active_element()?;
    active.id().strip_prefix("actor-node-")?.parse().ok()
}

fn focus_node(node: usize) {
    if let Some(el) = gloo::utils::document().get_element_by_id(&node_dom_id(node)) {
        // SVG links have `focus()` too; the call is looked up on the object itself.
        let _ = el.unchecked_into::<HtmlElement>().focus();
    }
}

/// Pointer position in px from the SVG's top-left corner.
fn local_point(svg: &NodeRef, event: &MouseEvent) -> Point {
    let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
    match svg.cast::<Element>() {
        Some(el) => {
            let rect = el.get_bounding_client_rect();
            Point::new(x - rect.left(), y - rect.top())
        }
        None => Point::new(x, y),
    }
}

/// Takes the canvas's measured size into `live`. A hidden view (another tab on a small
/// screen) measures zero and keeps its last size.
fn apply_size(live: &Rc<RefCell<Live>>, (w, h): (f64, f64)) {
    if w < 10.0 || h < 10.0 {
        return;
    }
    let mut l = live.borrow_mut();
    if (w - l.size.0).abs() < 0.5 && (h - l.size.1).abs() < 0.5 {
        return;
    }
    l.size = (w, h);
    l.view = l.view.map(|v| v.resize(w, h));
}
