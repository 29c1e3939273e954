//! The filter panel: search, the four facets with counts, and one-click clear. Each facet's
//! checkboxes are one tab stop with the arrow keys inside (decided by `crate::roving`); which
//! facets start folded is decided by `crate::views::filters`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::dataset::DatasetPicker;
use super::export::ExportMenu;
use super::skip::SkipToResults;
use super::stage::FoldButton;
use super::state::{use_app, AppContext, Entry};
use crate::query::filter::FacetValue;
use crate::query::filter::Matcher;
use crate::query::{Facet, Filters};
use crate::roving::{move_for, moved, tab_stop};
use crate::url::{Panel, Route};
use crate::views::filters::starts_unfolded;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    /// A narrow screen: the panel sits below the view and the details, its facets folded.
    pub narrow: bool,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
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
    // The latest context for the facet groups' handlers, which outlive the render that made
    // them: the groups re-render only when the filters change, not with each selection.
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    html! {
        <nav class="filters" id="filter-rail" aria-label="Filters">
            <FoldButton panel={Panel::Filters} />
            <div class="search">
                <label for="search-input">{ "Search events, people, places" }</label>
                <input id="search-input" type="search" value={filters.q.clone()} oninput={on_search} onkeydown={on_search_key}
                       placeholder="e.g. Lavrov, Лавров, Dushanbe" autocomplete="off" />
                <SkipToResults />
            </div>
            <p class="filter-summary">
                { crate::present::shown_count(state.exploration.shown.len(), state.catalog.events().len()) }
                if filters.is_active() {
                    { " " }
                    <button type="button" class="clear-all" onclick={clear_all}>{ "Clear all filters" }</button>
                }
            </p>
            <FacetGroups filters={filters.clone()} values={facet_values.clone()} latest={Latest(latest.clone())} narrow={props.narrow} />
            <ExportMenu />
            <DatasetPicker />
        </nav>
    }
}

/// The latest app context, compared by identity: the same cell for the panel's lifetime.
#[derive(Clone)]
struct Latest(Rc<RefCell<AppContext>>);

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupsProps {
    filters: Filters,
    values: Rc<[Vec<FacetValue>; 4]>,
    latest: Latest,
    narrow: bool,
}

/// The facets' checkboxes with their counts. It reads no context, so a selection or a hover
/// does not render its many items again; its handlers read the latest state when used.
#[component]
fn FacetGroups(props: &FacetGroupsProps) -> Html {
    let filters = &props.filters;
    let latest = props.latest.0.clone();
    let facet_values = &props.values;
    // The value of each facet that had the focus last: it stays the facet's tab stop.
    let last_focused = use_state_eq(<[Option<String>; 4]>::default);
    // Facets the reader has unfolded: a folded facet's items are made only once it is
    // opened (`views::filters` decides which start folded).
    let unfolded = use_state_eq(|| [false; 4]);

    let groups = Facet::ALL.into_iter().enumerate().zip(facet_values.iter()).map(|((slot, facet), values)| {
        let ids: Vec<String> = values.iter().map(|value| value.id.clone()).collect();
        let checked: Vec<bool> = values.iter().map(|value| value.selected).collect();
        let focused = last_focused[slot].as_ref().and_then(|id| ids.iter().position(|v| v == id));
        let stop = tab_stop(ids.len(), focused, &checked);
        let on_focus = {
            let last_focused = last_focused.clone();
            Callback::from(move |event: FocusEvent| {
                let Some(value) = facet_value_of(event.target()) else {
                    return;
                };
                let mut next = (*last_focused).clone();
                next[slot] = Some(value);
                last_focused.set(next);
            })
        };
        let on_key = Callback::from(move |event: KeyboardEvent| {
            let modifier = event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key();
            let Some(step) = move_for(&event.key(), modifier) else {
                return;
            };
            let Some(current) = facet_value_of(event.target()).and_then(|id| ids.iter().position(|v| *v == id)) else {
                return;
            };
            let Some(next) = moved(current, ids.len(), step) else {
                return;
            };
            event.prevent_default();
            let input = gloo::utils::document()
                .get_element_by_id(&checkbox_id(facet, &ids[next]))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(input) = input {
                let _ = input.focus();
            }
        });
        let items = values.iter().cloned().enumerate().map(|(index, value)| {
            let toggle = {
                let latest = latest.clone();
                let id = value.id.clone();
                let unfolded = unfolded.clone();
                Callback::from(move |_| {
                    // A facet the reader has used stays open (see `open` below).
                    keep_unfolded(&unfolded, slot);
                    let app = latest.borrow().clone();
                    let mut filters = app.url().filters.clone();
                    filters.toggle(facet, &id);
                    app.set_filters(filters, Entry::Push);
                })
            };
            let input_id = checkbox_id(facet, &value.id);
            let tabindex = if Some(index) == stop { "0" } else { "-1" };
            html! {
                <li class={classes!((value.count == 0 && !value.selected).then_some("empty"))}>
                    <input type="checkbox" id={input_id.clone()} checked={value.selected} onchange={toggle} {tabindex}
                           data-facet={facet.param()} data-value={value.id.clone()} />
                    <label for={input_id}>
                        <span class="facet-label">{ value.label }</span>
                        <span class="facet-count" title={crate::present::facet_count(value.count)} aria-label={crate::present::facet_count(value.count)}>{ value.count }</span>
                    </label>
                </li>
            }
        });
        let by_rule = starts_unfolded(facet, !filters.values(facet).is_empty(), props.narrow);
        // Once the reader has opened a facet it stays open, even when its last value is
        // cleared: it does not fold away under the reader's finger.
        let open = by_rule || unfolded[slot];
        let on_toggle = {
            let unfolded = unfolded.clone();
            Callback::from(move |event: Event| {
                // A details element's `open` state is reflected in its attribute.
                let opened = event
                    .target_dyn_into::<Element>()
                    .is_some_and(|details| details.has_attribute("open"));
                // Only the reader's opening is news: one opened by the rule (its `open`
                // attribute set by the render) fires this too.
                if opened && !by_rule {
                    keep_unfolded(&unfolded, slot);
                }
            })
        };
        let items = open.then(|| items.collect::<Html>());
        html! {
            <details class="facet" {open} ontoggle={on_toggle}>
                <summary>{ facet.label() }</summary>
                <ul aria-label={facet.label()} onkeydown={on_key} onfocusin={on_focus}>{ items }</ul>
            </details>
        }
    });

    html! { <>{ for groups }</> }
}

/// Records that the reader opened (or used) the facet in `slot`, so it stays unfolded.
fn keep_unfolded(unfolded: &UseStateHandle<[bool; 4]>, slot: usize) {
    if !unfolded[slot] {
        let mut next = **unfolded;
        next[slot] = true;
        unfolded.set(next);
    }
}

/// The id of a facet value's checkbox.
fn checkbox_id(facet: Facet, value: &str) -> String {
    format!("facet-{}-{}", facet.param(), value)
}

/// The facet value of the checkbox an event came from.
fn facet_value_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .get_attribute("data-value")
}
