//! The difference network's key and its words: the legend (the three kinds of tie, the
//! tracks' rings, the side colours) and the lists of ties by change, heaviest first, which
//! say what the drawing shows to a reader who cannot see it.

use yew::prelude::*;

use super::super::actors::{reached_out_key, side_class};
use super::network::change_class;
use crate::data::{Catalog, Side};
use crate::present;
use crate::views::compare::model::Model;
use crate::views::compare::network::{Change, Difference};
use crate::views::network::linked::Presence;
use crate::views::network::{ActorGraph, NetworkLook};

/// Ties a list shows before it says how many more there are.
const LIST_MAX: usize = 40;

pub fn legend(model: &Model, graph: &ActorGraph, look: &NetworkLook) -> Html {
    let ties = Change::ALL.into_iter().map(|change| {
        html! {
            <li>
                <svg class="actors-key" width="28" height="10" aria-hidden="true">
                    <line class={classes!("cmp-key-tie", change_class(change))} x1="1" y1="5" x2="27" y2="5" />
                </svg>
                { change.label() }
            </li>
        }
    });
    let tracks = model.tracks.iter().enumerate().map(|(slot, view)| {
        let which = if slot == 0 {
            "first track"
        } else {
            "second track"
        };
        html! {
            <li>
                <svg class="actors-key" width="16" height="16" aria-hidden="true">
                    <circle class="actors-key-dot side-other" cx="8" cy="8" r="3.5" />
                    <circle class={format!("cmp-ring cmp-ring-{slot}")} cx="8" cy="8" r="6.5" />
                </svg>
                { format!("{} ({which})", view.track.label) }
            </li>
        }
    });
    let drawn = |side: Side| {
        graph
            .nodes
            .iter()
            .zip(&look.nodes)
            .any(|(node, l)| node.side == side && l.presence == Presence::Active)
    };
    let sides = Side::ALL.into_iter().filter(|&s| drawn(s)).map(|side| {
        html! {
            <li>
                <svg class="actors-key" width="10" height="10" aria-hidden="true">
                    <circle class={classes!("actors-key-dot", side_class(side))} cx="5" cy="5" r="4.5" />
                </svg>
                { side.label() }
            </li>
        }
    });
    html! {
        <div class="actors-legend cmp-net-legend">
            <ul aria-label="Ties">
                { for ties }
                <li>
                    { reached_out_key() }
                    { "reached out" }
                </li>
            </ul>
            <ul aria-label="Rings: the tracks' actors">{ for tracks }</ul>
            <ul aria-label="Colours: the side an actor belongs to">{ for sides }</ul>
        </div>
    }
}

/// The ties of each change in words, heaviest first.
pub fn lists(catalog: &Catalog, graph: &ActorGraph, difference: &Difference) -> Html {
    let columns = Change::ALL.into_iter().map(|change| {
        let list = difference.list(change);
        html! {
            <div class="cmp-ties-list">
                <h4>{ format!("{} ({})", change.label(), list.len()) }</h4>
                if list.is_empty() {
                    <p class="cmp-none">{ "none" }</p>
                } else {
                    <ul>
                        { for list.iter().take(LIST_MAX).map(|tie| html! {
                            <li>{ difference.tie_name(catalog, graph, tie) }</li>
                        }) }
                        if list.len() > LIST_MAX {
                            <li class="cmp-more">{ present::and_more(list.len() - LIST_MAX) }</li>
                        }
                    </ul>
                }
            </div>
        }
    });
    html! { <div class="cmp-columns cmp-tie-lists">{ for columns }</div> }
}
