//! The network drawing: an SVG of the scene `views::network::scene` computes for the current
//! view, with zoom buttons, hover and focus highlighting, and nodes that are links to the
//! actors' profiles. It is the browser glue of `views::network::interaction`, which decides
//! what a press, drag, click, wheel, key, button or resize does: DOM events go in as
//! `Input`s and the `Effect`s that come out are run here.
//!
//! State: one `interaction::Model` in a `use_mut_ref`, redrawn with `use_force_update`
//! when the reducer says so. Not `use_reducer`: the reducer has to run inside the DOM
//! event handler, because some of its effects only work there (cancelling the click that
//! ends a drag, the arrow keys' scroll, capturing the pointer), and the wheel listener,
//! registered once, must read the model as it is now.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};
use yew::prelude::*;

use super::super::pointer::local_point;
use super::super::size::use_size;
use super::super::state::{use_app, AppContext, Target};
use super::super::wheel::use_cooperative_wheel;
use crate::data::{Catalog, Side};
use crate::layout::Point;
use crate::url::Route;
use crate::views::network::dense::{plan_edges, EdgePlan};
use crate::views::network::describe::{node_name, tie_title};
use crate::views::network::interaction::{
    node_dom_id, node_of_dom_id, Drawn, Effect, Input, Model,
};
use crate::views::network::keynav::Command;
use crate::views::network::linked::Presence;
use crate::views::network::scene::Scene;
use crate::views::network::{ActorNetwork, NetworkLook};

#[derive(Properties)]
pub struct NetworkProps {
    pub network: Rc<ActorNetwork>,
    pub look: Rc<NetworkLook>,
    /// The node under the pointer or focus, in any view: its label always shows.
    pub pinned: Option<usize>,
    pub millis: Option<f64>,
}

impl PartialEq for NetworkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.network, &other.network)
            && self.look == other.look
            && self.pinned == other.pinned
    }
}

#[component]
pub fn Network(props: &NetworkProps) -> Html {
    let app = use_app();
    let catalog = app.state().catalog.clone();
    let ActorNetwork { graph, placement } = &*props.network;
    let look = &props.look;
    let drawn = Drawn::of(placement, look);
    let glue = Glue {
        model: use_mut_ref(|| Model::new(drawn.clone())),
        redraw: use_force_update(),
        svg: use_node_ref(),
    };
    glue.model.borrow_mut().show(drawn);
    let link = app.views().network;

    // The canvas's size comes from an observer (a tab switch, the enlarge toggle, window
    // resizes), and renders again when it changes; the new size is drawn now, so the
    // resize has nothing else to do.
    let canvas_ref = use_node_ref();
    let (width, height) = use_size(canvas_ref.clone());
    let _ = glue
        .model
        .borrow_mut()
        .update(Input::Resize { width, height });
    // The link's view, if it changed; and the link told where the view now is (every
    // change of it draws again, so this sees them all).
    glue.model.borrow_mut().read_link(link);
    if let Some(at) = glue.model.borrow_mut().link_change() {
        app.set_views(|views| views.network = at);
    }
    let wheel_hint = {
        let glue = glue.clone();
        use_cooperative_wheel(
            glue.svg.clone(),
            "network",
            false,
            std::rc::Rc::new(move |wheel: &web_sys::WheelEvent| {
                let input = Input::Wheel {
                    delta_y: wheel.delta_y(),
                    delta_mode: wheel.delta_mode(),
                    at: glue.at(wheel),
                };
                glue.send(input, wheel);
            }),
        )
    };

    let (viewport, drawn, can_zoom_in, can_zoom_out) = {
        let model = glue.model.borrow();
        let zoom = (model.can_zoom_in(), model.can_zoom_out());
        (model.viewport(), model.active().len(), zoom.0, zoom.1)
    };
    // Until the canvas is laid out (its observer reports its size after the frame's layout)
    // the drawing would be made for a made-up size and at once made again.
    let laid_out = width >= 1.0 && height >= 1.0;
    let scene = laid_out.then(|| Scene::new(graph, placement, look, &viewport, props.pinned));
    let drawing = scene.as_ref().map(|scene| Drawing {
        app: &app,
        catalog: &catalog,
        network: &props.network,
        look,
        plan: plan_edges(&scene.edges, &look.edges),
        scene,
        pinned: props.pinned,
    });

    let (width, height) = (viewport.width, viewport.height);
    let svg_label = format!(
        "Network of {drawn} actor{}: arrows point from who reached out to whom; arrow keys move between actors, + and − zoom",
        if drawn == 1 { "" } else { "s" }
    );
    html! {
        <div ref={canvas_ref} class="actors-canvas">
            <svg ref={glue.svg.clone()} class="actors-svg" role="group" aria-label={svg_label}
                 width={px(width)} height={px(height)} viewBox={format!("0 0 {} {}", px(width), px(height))}
                 data-layout-ms={props.millis.map(|m| format!("{m:.1}"))}
                 data-zoom={format!("{:.3}", viewport.k)}
                 onpointerdown={glue.on_pointer_down()} onpointermove={glue.on_pointer_move()}
                 onpointerup={glue.on_pointer_end()} onpointercancel={glue.on_pointer_end()}
                 onclick={glue.on_click()} onkeydown={glue.on_key_down()}>
                if let Some(drawing) = &drawing {
                    <g class="actor-edges" aria-hidden="true">{ for drawing.merged_ties() }{ for drawing.edges() }</g>
                    <g class="actor-ghosts" aria-hidden="true">{ for drawing.ghosts() }</g>
                    <g class="actor-nodes">{ for drawing.nodes() }</g>
                    <g class="actor-labels" aria-hidden="true">{ for drawing.labels() }</g>
                }
            </svg>
            <div class="actors-zoom">
                { glue.zoom_button("Zoom the network in", "+", Command::ZoomIn, can_zoom_in) }
                { glue.zoom_button("Zoom the network out", "−", Command::ZoomOut, can_zoom_out) }
                { glue.zoom_button("Show the whole network", "⤢", Command::ShowAll, true) }
            </div>
            { wheel_hint }
        </div>
    }
}

/// The drawing's model and what runs its effects, shared by the event handlers.
#[derive(Clone)]
struct Glue {
    model: Rc<RefCell<Model>>,
    redraw: UseForceUpdateHandle,
    svg: NodeRef,
}

impl Glue {
    /// Feeds `input`, which came with `event`, to the model and runs the effects in order.
    fn send(&self, input: Input<'_>, event: &Event) {
        let effects = self.model.borrow_mut().update(input);
        for effect in effects {
            match effect {
                Effect::Redraw => self.redraw.force_update(),
                Effect::PreventDefault => event.prevent_default(),
                Effect::StopPropagation => event.stop_propagation(),
                Effect::CapturePointer(pointer) => {
                    if let Some(svg) = self.svg.cast::<Element>() {
                        let _ = svg.set_pointer_capture(pointer);
                    }
                }
                Effect::Focus(node) => focus_node(node),
            }
        }
    }

    /// The pointer in px from the SVG's top-left corner.
    fn at(&self, event: &MouseEvent) -> Point {
        let (x, y) = local_point(&self.svg, event);
        Point::new(x, y)
    }

    fn on_pointer_down(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            let input = Input::PointerDown {
                pointer: e.pointer_id(),
                at: glue.at(&e),
                mouse: e.pointer_type() == "mouse",
                button: e.button(),
            };
            glue.send(input, &e);
        })
    }

    fn on_pointer_move(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            let input = Input::PointerMove {
                pointer: e.pointer_id(),
                at: glue.at(&e),
            };
            glue.send(input, &e);
        })
    }

    /// For `pointerup` and `pointercancel` alike.
    fn on_pointer_end(&self) -> Callback<PointerEvent> {
        let glue = self.clone();
        Callback::from(move |e: PointerEvent| {
            let input = Input::PointerEnd {
                pointer: e.pointer_id(),
            };
            glue.send(input, &e);
        })
    }

    fn on_click(&self) -> Callback<MouseEvent> {
        let glue = self.clone();
        Callback::from(move |e: MouseEvent| glue.send(Input::Click, &e))
    }

    fn on_key_down(&self) -> Callback<KeyboardEvent> {
        let glue = self.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let input = Input::Key {
                key: &key,
                modified: e.ctrl_key() || e.meta_key() || e.alt_key(),
                focused: focused_node(),
            };
            glue.send(input, &e);
        })
    }

    fn zoom_button(&self, label: &str, text: &str, command: Command, enabled: bool) -> Html {
        let glue = self.clone();
        let onclick = Callback::from(move |e: MouseEvent| glue.send(Input::Button(command), &e));
        html! {
            <button type="button" class="actors-zoom-button" aria-label={label.to_owned()}
                    title={label.to_owned()} disabled={!enabled} {onclick}>{ text.to_owned() }</button>
        }
    }
}

/// What one render draws, and the pieces of SVG it is drawn with.
struct Drawing<'a> {
    app: &'a AppContext,
    catalog: &'a Catalog,
    network: &'a ActorNetwork,
    look: &'a NetworkLook,
    /// Which ties are drawn merged and which one by one.
    plan: EdgePlan,
    scene: &'a Scene,
    pinned: Option<usize>,
}

impl Drawing<'_> {
    fn actor_id(&self, node: usize) -> String {
        let actor = self.network.graph.nodes[node].actor;
        self.catalog.actors()[actor].id.clone()
    }

    fn actor_name(&self, node: usize) -> String {
        let actor = self.network.graph.nodes[node].actor;
        self.catalog.actors()[actor].name.clone()
    }

    /// Crowded networks draw their plain ties merged into a few paths.
    fn merged_ties(&self) -> Vec<Html> {
        self.plan.merged.iter().map(|ties| html! {
            <path class={classes!("actor-ties", ties.faded.then_some("is-faded"))} d={ties.d.clone()}
                  stroke-width={px(ties.width)} data-ties={ties.ties.to_string()} />
        }).collect()
    }

    /// The ties drawn one by one, with a title and their arrowheads.
    fn edges(&self) -> Vec<Html> {
        self.plan.single.iter().map(|&i| {
            let shape = &self.scene.edges[i];
            let edge = &self.network.graph.edges[shape.edge];
            let l = &self.look.edges[shape.edge];
            let class = classes!(
                "actor-edge",
                l.current.then_some("is-current"),
                l.lit.then_some("is-lit"),
                l.faded.then_some("is-faded"),
            );
            let title = tie_title(&self.actor_name(edge.a), &self.actor_name(edge.b), l.weight, l.a_led, l.b_led);
            html! {
                <g key={format!("e{}", shape.edge)} {class} data-a={self.actor_id(edge.a)} data-b={self.actor_id(edge.b)}
                   data-weight={l.weight.to_string()}>
                    <title>{ title }</title>
                    <line x1={px(shape.start.x)} y1={px(shape.start.y)} x2={px(shape.end.x)} y2={px(shape.end.y)}
                          stroke-width={px(shape.width)} />
                    { for shape.heads.iter().map(|[a, b, c]| html! {
                        <polygon class="actor-arrow" points={format!("{},{} {},{} {},{}", px(a.x), px(a.y), px(b.x), px(b.y), px(c.x), px(c.y))} />
                    }) }
                </g>
            }
        }).collect()
    }

    /// Actors with no event within the filters, drawn faintly.
    fn ghosts(&self) -> Vec<Html> {
        let graph = &self.network.graph;
        self.scene
            .nodes
            .iter()
            .filter(|n| self.look.nodes[n.node].presence == Presence::Ghost)
            .map(|n| html! {
                <circle key={format!("g{}", n.node)} class={classes!("actor-ghost", side_class(graph.nodes[n.node].side))}
                        cx={px(n.centre.x)} cy={px(n.centre.y)} r={px(n.radius)} data-actor-id={self.actor_id(n.node)} />
            })
            .collect()
    }

    /// The active actors: links to their profiles that light their ties on hover and focus.
    fn nodes(&self) -> Vec<Html> {
        let (graph, placement) = (&self.network.graph, &self.network.placement);
        let active = self
            .scene
            .nodes
            .iter()
            .filter(|n| self.look.nodes[n.node].presence == Presence::Active);
        active.map(|shape| {
            let n = shape.node;
            let node = &graph.nodes[n];
            let l = &self.look.nodes[n];
            let actor = node.actor;
            let id = self.actor_id(n);
            let class = classes!(
                "actor-node",
                side_class(node.side),
                l.current.then_some("is-current"),
                l.lit.then_some("is-lit"),
                l.faded.then_some("is-faded"),
                (self.pinned == Some(n)).then_some("is-pinned"),
            );
            let enter = {
                let app = self.app.clone();
                Callback::from(move |()| app.hover(Some(Target::Actor(actor))))
            };
            let leave = {
                let app = self.app.clone();
                Callback::from(move |()| app.hover(None))
            };
            let p = placement.positions[n];
            let name = node_name(self.catalog, node, l);
            html! {
                <a key={id.clone()} id={node_dom_id(n)} {class} href={self.app.href(Route::Actor(id.clone()))}
                   aria-label={name.clone()} aria-current={l.current.then_some("true")}
                   data-actor-id={id} data-x={format!("{:.2}", p.x)} data-y={format!("{:.2}", p.y)}
                   onmouseenter={enter.reform(|_: MouseEvent| ())} onmouseleave={leave.reform(|_: MouseEvent| ())}
                   onfocus={enter.reform(|_: FocusEvent| ())} onblur={leave.reform(|_: FocusEvent| ())}>
                    <title>{ name }</title>
                    <circle class="actor-dot" cx={px(shape.centre.x)} cy={px(shape.centre.y)} r={px(shape.radius)} />
                    if l.current {
                        <circle class="actor-ring" cx={px(shape.centre.x)} cy={px(shape.centre.y)} r={px(shape.radius + 3.0)} />
                    }
                </a>
            }
        }).collect()
    }

    /// The names that fit at this zoom.
    fn labels(&self) -> Vec<Html> {
        let placement = &self.network.placement;
        self.scene.labels.iter().enumerate().filter_map(|(n, label)| {
            let label = label.as_ref()?;
            let at = label.text_position();
            let l = &self.look.nodes[n];
            let class = classes!(
                "actor-label",
                l.current.then_some("is-current"),
                l.faded.then_some("is-faded"),
                (self.pinned == Some(n)).then_some("is-pinned"),
            );
            Some(html! {
                <text key={format!("l{n}")} {class} x={px(at.x)} y={px(at.y)} text-anchor={label.slot.text_anchor()}>
                    { &placement.labels[n] }
                </text>
            })
        }).collect()
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

/// The node whose link has keyboard focus.
fn focused_node() -> Option<usize> {
    let active = gloo::utils::document().active_element()?;
    node_of_dom_id(&active.id())
}

fn focus_node(node: usize) {
    if let Some(el) = gloo::utils::document().get_element_by_id(&node_dom_id(node)) {
        // SVG links have `focus()` too; the call is looked up on the object itself.
        let _ = el.unchecked_into::<HtmlElement>().focus();
    }
}
