//! The filter panel: search, the four facets with counts, and one-click clear.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::dataset::DatasetPicker;
use super::export::ExportMenu;
use super::state::{use_app, Entry};
use crate::query::filter::Matcher;
use crate::query::{Facet, Filters};
use crate::url::Route;

#[component]
pub fn FilterPanel() -> Html {
    let app = use_app();
    let state = app.state();
    let filters = &state.exploration.url.filters;
    // Counts change only with the filters, not with a selection or hovering.
    let facet_values = {
        let (catalog, search) = (state.catalog.clone(), state.search.clone());
        use_memo(filters.clone(), move |filters| {
            let matcher = Matcher::new(&catalog, &search, filters);
            Facet::ALL.map(|facet| matcher.facet_values(facet))
        })
    };

    let on_search = {
        let app = app.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut filters = app.url().filters.clone();
            // One history entry per search, not one per keystroke.
            let entry = if filters.q.is_empty() {
                Entry::Push
            } else {
                Entry::Replace
            };
            filters.q = input.value();
            app.set_filters(filters, entry);
        })
    };
    // Enter opens the first event found (the list's first row in date order).
    let on_search_key = {
        let app = app.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" {
                return;
            }
            let state = app.state();
            let Some(&first) = state.exploration.shown.first() else {
                return;
            };
            event.prevent_default();
            let id = state.catalog.events()[first].id.clone();
            app.go_to(Route::Event(id));
        })
    };
    let clear_all = {
        let app = app.clone();
        Callback::from(move |_| app.set_filters(Filters::default(), Entry::Push))
    };

    let groups = Facet::ALL.into_iter().zip(facet_values.iter()).map(|(facet, values)| {
        let items = values.iter().cloned().map(|value| {
            let toggle = {
                let app = app.clone();
                let id = value.id.clone();
                Callback::from(move |_| {
                    let mut filters = app.url().filters.clone();
                    filters.toggle(facet, &id);
                    app.set_filters(filters, Entry::Push);
                })
            };
            let input_id = format!("facet-{}-{}", facet.param(), value.id);
            html! {
                <li class={classes!((value.count == 0 && !value.selected).then_some("empty"))}>
                    <input type="checkbox" id={input_id.clone()} checked={value.selected} onchange={toggle}
                           data-facet={facet.param()} data-value={value.id.clone()} />
                    <label for={input_id}>
                        <span class="facet-label">{ value.label }</span>
                        <span class="facet-count" aria-label={format!("{} events", value.count)}>{ value.count }</span>
                    </label>
                </li>
            }
        });
        let open = !filters.values(facet).is_empty() || facet != Facet::Actor;
        html! {
            <details class="facet" open={open}>
                <summary>{ facet.label() }</summary>
                <ul aria-label={facet.label()}>{ for items }</ul>
            </details>
        }
    });

    html! {
        <nav class="filters" aria-label="Filters">
            <div class="search">
                <label for="search-input">{ "Search events, people, places" }</label>
                <input id="search-input" type="search" value={filters.q.clone()} oninput={on_search} onkeydown={on_search_key}
                       placeholder="e.g. Lavrov, Лавров, Dushanbe" autocomplete="off" />
            </div>
            <p class="filter-summary">
                { crate::present::shown_count(state.exploration.shown.len(), state.catalog.events().len()) }
                if filters.is_active() {
                    { " " }
                    <button type="button" class="clear-all" onclick={clear_all}>{ "Clear all filters" }</button>
                }
            </p>
            { for groups }
            <ExportMenu />
            <DatasetPicker />
        </nav>
    }
}
