//! The Event list: a real table of the filtered events, the screen-reader alternative to
//! the visual views and the place to scan the chronology.

use yew::prelude::*;

use super::state::{use_app, Hover};
use crate::present;
use crate::query::search::highlight;
use crate::url::Route;

#[component]
pub fn EventList() -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = &state.catalog;
    let exploration = &state.exploration;
    let rows = exploration.shown.iter().map(|&index| {
        let event = &catalog.events()[index];
        let selected = exploration.selected_event == Some(index);
        let hovered = state.hover == Some(Hover::Event(index));
        let places = event
            .places
            .iter()
            .filter_map(|id| catalog.place(id))
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let actors = event
            .participants
            .iter()
            .filter_map(|p| catalog.actor(&p.actor))
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let stories = event
            .storylines
            .iter()
            .filter_map(|id| catalog.storyline(id))
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let on_enter = {
            let app = app.clone();
            Callback::from(move |()| app.hover(Some(Hover::Event(index))))
        };
        let on_leave = {
            let app = app.clone();
            Callback::from(move |()| app.hover(None))
        };
        let class = classes!(selected.then_some("selected"), hovered.then_some("hovered"));
        html! {
            <tr key={event.id.clone()} {class} onmouseenter={on_enter.reform(|_: MouseEvent| ())} onmouseleave={on_leave.reform(|_: MouseEvent| ())}>
                <td class="col-date">{ present::event_date(event) }</td>
                <td class="col-title">
                    <a href={app.href(Route::Event(event.id.clone()))}
                       aria-label={present::event_mark_label(event)}
                       aria-current={selected.then_some("true")}
                       data-event-id={event.id.clone()}
                       onfocus={on_enter.reform(|_: FocusEvent| ())} onblur={on_leave.reform(|_: FocusEvent| ())}>
                        { highlighted(&event.title, &exploration.url.filters.q) }
                    </a>
                </td>
                <td class="col-places">{ places }</td>
                <td class="col-actors">{ actors }</td>
                <td class="col-stories">{ stories }</td>
            </tr>
        }
    });
    html! {
        <section id="event-list" class="view view-list" aria-label="Event list" tabindex="-1">
            <h2 class="view-title">{ "Event list" }</h2>
            if exploration.shown.is_empty() {
                <p class="empty">{ "No event matches these filters. Clear a filter to see more." }</p>
            } else {
                <div class="table-scroll">
                    <table class="event-table">
                        <caption class="visually-hidden">{ present::shown_count(exploration.shown.len(), catalog.events().len()) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Date" }</th>
                                <th scope="col">{ "Event" }</th>
                                <th scope="col">{ "Places" }</th>
                                <th scope="col">{ "Actors" }</th>
                                <th scope="col">{ "Storylines" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
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
