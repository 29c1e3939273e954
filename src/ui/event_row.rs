//! One row of the event list, as its own component: its props say everything that can
//! change it (selected, hovered, the search, the links' state), so a selection re-renders
//! the two rows it touches instead of rebuilding and diffing the whole table.

use yew::prelude::*;

use super::links::event_href;
use super::memo::ByPtr;
use super::state::{AppState, Target};
use crate::data::Catalog;
use crate::present;
use crate::query::search::highlight;
use crate::url::UrlState;
use crate::views::list::sort::{column_text, SortKey};

/// The parts of the app state a row shows.
pub struct RowState {
    pub selected: bool,
    pub hovered: bool,
}

impl RowState {
    pub fn of(state: &AppState, index: usize) -> RowState {
        let hovered = state
            .hover
            .is_some_and(|target| target.lights(&state.catalog, index));
        RowState {
            selected: state.exploration.selected_event() == Some(index),
            hovered,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EventRowProps {
    pub catalog: ByPtr<Catalog>,
    /// The event's index in the catalog.
    pub index: usize,
    /// 1-based, counting the header row.
    pub aria_row: usize,
    pub selected: bool,
    pub hovered: bool,
    /// Far longer than the time window: background to it (`Filters::is_background`).
    pub background: bool,
    /// The link state the row's link keeps (filters, view, tour); its route is replaced.
    pub links: std::rc::Rc<UrlState>,
    /// The search text, whose words are highlighted in the title.
    pub query: AttrValue,
    pub on_hover: Callback<Option<Target>>,
}

#[component]
pub fn EventRow(props: &EventRowProps) -> Html {
    let catalog = &props.catalog.0;
    let index = props.index;
    let event = &catalog.events()[index];
    let enter = props.on_hover.reform(move |()| Some(Target::Event(index)));
    let leave = props.on_hover.reform(|()| None);
    let href = event_href(&props.links, &event.id);
    let class = classes!(
        props.selected.then_some("selected"),
        props.hovered.then_some("hovered"),
        props.background.then_some("background")
    );
    html! {
        <tr {class} aria-rowindex={props.aria_row.to_string()}
            onmouseenter={enter.reform(|_: MouseEvent| ())} onmouseleave={leave.reform(|_: MouseEvent| ())}>
            <td class="col-date">
                { present::event_date(event) }
                if props.background {
                    <span class="background-note">{ "spans the window" }</span>
                }
            </td>
            <td class="col-title">
                <a {href}
                   aria-label={present::event_mark_label(event)}
                   aria-current={props.selected.then_some("true")}
                   data-event-id={event.id.clone()}
                   onfocus={enter.reform(|_: FocusEvent| ())} onblur={leave.reform(|_: FocusEvent| ())}>
                    { highlighted(&event.title, &props.query) }
                </a>
            </td>
            <td class="col-places">{ column_text(catalog, index, SortKey::Places) }</td>
            <td class="col-actors">{ column_text(catalog, index, SortKey::Actors) }</td>
            <td class="col-stories">{ column_text(catalog, index, SortKey::Storylines) }</td>
        </tr>
    }
}

/// Text with the words the search matched wrapped in `<mark>`.
fn highlighted(text: &str, query: &str) -> Html {
    html! {
        { for highlight(text, query).into_iter().map(|(piece, hit)| {
            if hit { html! { <mark>{ piece }</mark> } } else { html! { { piece } } }
        }) }
    }
}
