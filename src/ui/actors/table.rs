//! The table of actors: the same actors as the network (filters and ego mode apply), as
//! a real table with sortable columns — the view's accessible alternative.

use std::rc::Rc;

use yew::prelude::*;

use super::super::state::{use_app, Target};
use super::network::side_class;
use crate::present::shown_count;
use crate::url::Route;
use crate::views::network::describe::node_events;
use crate::views::network::table::{rows, Sort, SortKey};
use crate::views::network::{ActorNetwork, NetworkLook};

#[derive(Properties)]
pub struct ActorTableProps {
    pub network: Rc<ActorNetwork>,
    pub look: Rc<NetworkLook>,
    pub sort: Sort,
    pub on_sort: Callback<Sort>,
}

impl PartialEq for ActorTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.network, &other.network)
            && self.look == other.look
            && self.sort == other.sort
    }
}

#[component]
pub fn ActorTable(props: &ActorTableProps) -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = &state.catalog;
    let graph = &props.network.graph;
    let rows = rows(catalog, graph, &props.look, props.sort);
    let header = |key: SortKey| {
        let on_sort = props.on_sort.clone();
        let sort = props.sort;
        let onclick = Callback::from(move |_: MouseEvent| on_sort.emit(sort.toggled(key)));
        let arrow = match props.sort.aria_sort(key) {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        html! {
            <th scope="col" class={column_class(key)} aria-sort={props.sort.aria_sort(key)}>
                <button type="button" class="actors-sort" {onclick}>
                    { key.label() }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let body = rows.iter().map(|row| {
        let actor = row.actor;
        let id = catalog.actors()[actor].id.clone();
        let hovered = state.hover == Some(Target::Actor(actor));
        let enter = {
            let app = app.clone();
            Callback::from(move |()| app.hover(Some(Target::Actor(actor))))
        };
        let leave = {
            let app = app.clone();
            Callback::from(move |()| app.hover(None))
        };
        let class = classes!(row.current.then_some("is-current"), hovered.then_some("is-hovered"));
        html! {
            <tr key={id.clone()} {class} onmouseenter={enter.reform(|_: MouseEvent| ())} onmouseleave={leave.reform(|_: MouseEvent| ())}>
                <th scope="row">
                    <span class={classes!("actors-swatch", side_class(graph.nodes[row.node].side))} aria-hidden="true"></span>
                    <a href={app.href(Route::Actor(id.clone()))} aria-current={row.current.then_some("true")}
                       data-actor-id={id}
                       onfocus={enter.reform(|_: FocusEvent| ())} onblur={leave.reform(|_: FocusEvent| ())}>{ &row.name }</a>
                    // Shown instead of the affiliation column when the view is narrow.
                    <span class="actors-inline-affiliation">{ &row.affiliation }</span>
                </th>
                <td class="col-affiliation">{ &row.affiliation }</td>
                <td class="num" title={node_events(catalog, &graph.nodes[row.node], row.events)}>{ row.events }</td>
                <td class="num">{ row.contacts }</td>
            </tr>
        }
    });
    html! {
        <div class="actors-table-scroll">
            if rows.is_empty() {
                <p class="empty">{ "No actor has events within these filters." }</p>
            } else {
                <table class="actors-table">
                    <caption class="visually-hidden">
                        { format!("{} actors with events in view ({}); contacts are the actors they shared those events with", rows.len(), shown_count(state.exploration.shown.len(), catalog.events().len()).to_lowercase()) }
                    </caption>
                    <thead>
                        <tr>{ for SortKey::ALL.into_iter().map(header) }</tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            }
        </div>
    }
}

/// Number columns align right; the affiliation column gives way to a line under the name
/// when the view is narrow.
fn column_class(key: SortKey) -> Option<&'static str> {
    match key {
        SortKey::Name => None,
        SortKey::Affiliation => Some("col-affiliation"),
        SortKey::Events | SortKey::Contacts => Some("num"),
    }
}
