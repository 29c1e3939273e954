//! The network's key: the side colours present, and what arrows, line widths, circle
//! sizes and rings mean.

use std::rc::Rc;

use yew::prelude::*;

use super::network::side_class;
use crate::data::Side;
use crate::views::network::ActorNetwork;

#[derive(Properties)]
pub struct LegendProps {
    pub network: Rc<ActorNetwork>,
}

impl PartialEq for LegendProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.network, &other.network)
    }
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let sides = Side::ALL
        .into_iter()
        .filter(|side| props.network.graph.nodes.iter().any(|n| n.side == *side));
    html! {
        <div class="actors-legend">
            <ul aria-label="Colours: the side an actor belongs to">
                { for sides.map(|side| html! {
                    <li>
                        <svg class="actors-key" width="10" height="10" aria-hidden="true">
                            <circle class={classes!("actors-key-dot", side_class(side))} cx="5" cy="5" r="4.5" />
                        </svg>
                        { side.label() }
                    </li>
                }) }
            </ul>
            <details class="legend-symbols">
            <summary>{ "Symbols" }</summary>
            <ul aria-label="Shapes">
                <li>
                    { reached_out_key() }
                    { "reached out (call, visit)" }
                </li>
                <li>{ "thicker line: more shared events" }</li>
                <li>{ "larger circle: more events it acted in" }</li>
                <li>
                    <svg class="actors-key" width="12" height="12" aria-hidden="true">
                        <circle class="actors-key-ring" cx="6" cy="6" r="4.5" />
                    </svg>
                    { "selected" }
                </li>
            </ul>
            </details>
        </div>
    }
}

/// The legend's key for a tie with an arrow: who reached out. Shared with compare mode's
/// network of ties.
pub fn reached_out_key() -> Html {
    html! {
        <svg class="actors-key" width="26" height="10" aria-hidden="true">
            <line class="actors-key-line" x1="1" y1="5" x2="19" y2="5" />
            <polygon class="actors-key-arrow" points="25,5 18,1.5 18,8.5" />
        </svg>
    }
}
