//! The difference network: the actor network's ties among the two tracks' events, new
//! after the split (solid), gone after it (dashed) or kept (dotted), at the Actors view's
//! positions, with the tracks' actors ringed. It renders `views::compare::network`; the
//! legend and the lists that say the same in words are in `ties`.
//!
//! Each tie is a link to the event it first shows in after the split (for a gone tie, the
//! last one before it) and each actor a link to its profile, both named for screen
//! readers; hovering or focusing one lights its event or actor in the lanes too.

use std::rc::Rc;

use yew::prelude::*;

use super::super::actors::side_class;
use super::super::links::event_href;
use super::super::memo::ByPtr;
use super::super::network::use_computed_network;
use super::super::size::use_size;
use super::super::state::{use_app, AppContext};
use super::hover::MarkHover;
use super::{ties, ModelRef};
use crate::layout::Point;
use crate::numfmt::fixed;
use crate::url::{Route, UrlState};
use crate::views::compare::model::Model;
use crate::views::compare::network::{Change, Difference};
use crate::views::network::linked::{pinned_node, Presence};
use crate::views::network::scene::SceneEdge;
use crate::views::network::{ActorNetwork, NetworkLook};

#[derive(Properties, PartialEq)]
pub struct NetworkProps {
    pub model: ModelRef,
    pub links: Rc<UrlState>,
}

#[component]
pub fn DifferenceNetwork(props: &NetworkProps) -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = state.catalog.clone();
    let computed = use_computed_network(&catalog);
    let canvas = use_node_ref();
    let (width, height) = use_size(canvas.clone());
    let network = computed.map(|c| c.network);
    let difference = {
        let key = (props.model.clone(), network.clone().map(ByPtr));
        let catalog = catalog.clone();
        use_memo(key, move |(model, network)| {
            network
                .as_ref()
                .map(|n| Difference::of(&catalog, &n.0.graph, &model.0))
        })
    };
    let head = html! {
        <>
            <h3 id="cmp-network-heading">{ "Ties before and after the split" }</h3>
            <p class="cmp-note">{ "Who dealt with whom among the two tracks' events, each actor where the Actors view puts it." }</p>
        </>
    };
    let (Some(network), Some(difference)) = (network, difference.as_ref()) else {
        return html! {
            <section id="cmp-network" class="cmp-network" aria-labelledby="cmp-network-heading" aria-busy="true" tabindex="-1">
                { head }
                <div class="cmp-net-canvas" ref={canvas}></div>
                <p class="cmp-note">{ "Laying out the network…" }</p>
            </section>
        };
    };
    let model = &props.model.0;
    let graph = &network.graph;
    let look = difference.look(&catalog, graph, state.exploration.selected, state.hover);
    let (_, scene) = difference.drawing(&network, &look, (width, height), state.hover);
    let pinned = pinned_node(graph, state.hover);
    let drawing = Drawing {
        app: &app,
        model,
        network: &network,
        difference,
        look: &look,
        links: &props.links,
    };
    let ties_drawn = difference
        .layers(&scene, &look)
        .into_iter()
        .map(|(change, edges, plan)| {
            let merged = plan.merged.iter().map(|ties| html! {
                <path class={classes!("cmp-ties", change_class(change), ties.faded.then_some("is-faded"))}
                      d={ties.d.clone()} stroke-width={fixed(ties.width, 2)} aria-hidden="true" />
            });
            let single = plan.single.iter().map(|&i| drawing.tie(&edges[i]));
            html! { <g class={classes!("cmp-net-layer", change_class(change))}>{ for merged }{ for single }</g> }
        });
    let nodes = scene.nodes.iter().filter_map(|shape| {
        let active = look.nodes[shape.node].presence == Presence::Active;
        active.then(|| {
            drawing.actor(
                shape.node,
                shape.centre,
                shape.radius,
                pinned == Some(shape.node),
            )
        })
    });
    let ghosts = scene
        .nodes
        .iter()
        .filter(|shape| look.nodes[shape.node].presence == Presence::Ghost)
        .map(|shape| html! {
            <circle class={classes!("actor-ghost", side_class(graph.nodes[shape.node].side))}
                    cx={fixed(shape.centre.x, 2)} cy={fixed(shape.centre.y, 2)} r={fixed(shape.radius, 2)} />
        });
    let labels = scene.labels.iter().enumerate().filter_map(|(n, label)| {
        let label = label.as_ref()?;
        let at = label.text_position();
        let l = &look.nodes[n];
        let class = classes!(
            "actor-label",
            l.current.then_some("is-current"),
            l.faded.then_some("is-faded"),
            (pinned == Some(n)).then_some("is-pinned"),
        );
        Some(html! {
            <text {class} x={fixed(at.x, 2)} y={fixed(at.y, 2)} text-anchor={label.slot.text_anchor()}>
                { &network.placement.labels[n] }
            </text>
        })
    });
    let count = |change: Change| {
        difference
            .ties
            .iter()
            .filter(|t| t.change == change)
            .count()
    };
    let svg_label = format!(
        "Network of the two tracks' ties: {} new after the split, {} gone, {} in both periods",
        count(Change::New),
        count(Change::Gone),
        count(Change::Kept)
    );
    let hover = MarkHover::new(&app);
    html! {
        <section id="cmp-network" class="cmp-network" aria-labelledby="cmp-network-heading" tabindex="-1">
            { head }
            <div class="cmp-net-canvas" ref={canvas}>
                <svg class="cmp-net-svg" role="group" aria-label={svg_label}
                     width={fixed(width, 0)} height={fixed(height, 0)}
                     onmouseover={hover.over} onmouseout={hover.out}
                     onfocusin={hover.focus_in} onfocusout={hover.focus_out}>
                    <g aria-hidden="true">{ for ghosts }</g>
                    <g class="cmp-net-ties">{ for ties_drawn }</g>
                    <g class="cmp-net-actors">{ for nodes }</g>
                    <g aria-hidden="true">{ for labels }</g>
                </svg>
            </div>
            { ties::legend(model, graph, &look) }
            { ties::lists(&catalog, graph, difference) }
        </section>
    }
}

/// What one render draws with.
struct Drawing<'a> {
    app: &'a AppContext,
    model: &'a Model,
    network: &'a ActorNetwork,
    difference: &'a Difference,
    look: &'a NetworkLook,
    links: &'a UrlState,
}

impl Drawing<'_> {
    /// A tie: a link to its event, named with its change, with a wide invisible line
    /// under it for the pointer.
    fn tie(&self, shape: &SceneEdge) -> Html {
        let catalog = &self.app.state().catalog;
        let Some(tie) = self.difference.tie_of(shape.edge) else {
            return Html::default();
        };
        let Some(event) = tie.event().map(|e| &catalog.events()[e]) else {
            return Html::default();
        };
        let l = &self.look.edges[shape.edge];
        let name = self.difference.tie_name(catalog, &self.network.graph, tie);
        let class = classes!(
            "cmp-tie",
            change_class(tie.change),
            l.current.then_some("is-current"),
            l.lit.then_some("is-lit"),
            l.faded.then_some("is-faded"),
        );
        let (a, b) = (shape.start, shape.end);
        let line = |class: &'static str, width: f64| {
            html! {
                <line {class} x1={fixed(a.x, 2)} y1={fixed(a.y, 2)} x2={fixed(b.x, 2)} y2={fixed(b.y, 2)}
                      stroke-width={fixed(width, 2)} />
            }
        };
        html! {
            <a key={format!("e{}", shape.edge)} {class} href={event_href(self.links, &event.id)}
               aria-label={name.clone()} data-event-id={event.id.clone()} data-change={tie.change.id()}>
                <title>{ name }</title>
                { line("cmp-tie-hit", 10.0) }
                { line("cmp-tie-line", shape.width) }
                { for shape.heads.iter().map(|[p, q, r]| html! {
                    <polygon class="cmp-tie-arrow" points={points(&[*p, *q, *r])} />
                }) }
            </a>
        }
    }

    /// An actor: a link to its profile, ringed for the tracks it belongs to.
    fn actor(&self, n: usize, centre: Point, radius: f64, pinned: bool) -> Html {
        let catalog = &self.app.state().catalog;
        let graph = &self.network.graph;
        let node = &graph.nodes[n];
        let id = catalog.actors()[node.actor].id.clone();
        let l = &self.look.nodes[n];
        let [first, second] = self.difference.marks[n];
        let class = classes!(
            "cmp-actor",
            side_class(node.side),
            l.current.then_some("is-current"),
            l.lit.then_some("is-lit"),
            l.faded.then_some("is-faded"),
            pinned.then_some("is-pinned"),
        );
        let name = self.difference.actor_name(catalog, graph, self.model, n);
        let ring = |class: &'static str, r: f64| {
            html! { <circle {class} cx={fixed(centre.x, 2)} cy={fixed(centre.y, 2)} r={fixed(r, 2)} /> }
        };
        // The second track's ring goes outside the first's when an actor is in both.
        let outer = radius + if first { 5.5 } else { 2.5 };
        // Where the layout puts it, as the Actors view's node says too.
        let at = self.network.placement.positions[n];
        html! {
            <a key={id.clone()} {class} href={self.app.href(Route::Actor(id.clone()))}
               aria-label={name.clone()} aria-current={l.current.then_some("true")} data-actor-id={id}
               data-x={fixed(at.x, 2)} data-y={fixed(at.y, 2)}>
                <title>{ name }</title>
                { ring("actor-dot", radius) }
                if first { { ring("cmp-ring cmp-ring-0", radius + 2.5) } }
                if second { { ring("cmp-ring cmp-ring-1", outer) } }
            </a>
        }
    }
}

/// The class of a change: its pattern and colour.
pub fn change_class(change: Change) -> String {
    format!("is-{}", change.id())
}

fn points(corners: &[Point]) -> String {
    corners
        .iter()
        .map(|p| format!("{},{}", fixed(p.x, 2), fixed(p.y, 2)))
        .collect::<Vec<_>>()
        .join(" ")
}
