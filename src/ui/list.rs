//! The Event list: a real, sortable table of the filtered events — the screen-reader
//! alternative to the visual views and the place to scan the chronology. Long lists render
//! only the rows on screen.

use web_sys::HtmlElement;
use yew::prelude::*;

use super::event_row::{EventRow, RowState};
use super::links::use_link_base;
use super::memo::ByPtr;
use super::printing::use_printing;
use super::setting::use_link_setting;
use super::size::{use_size, window_height};
use super::stage::StageToggle;
use super::state::{use_app, Action, Target};
use crate::data::Date;
use crate::present;
use crate::query::Filters;
use crate::url::PhoneTab;
use crate::views::list::rows::{first_rows, scroll_row_to_upper_third, visible_rows};
use crate::views::list::sort::{background_last, column_text, sorted, Sort, SortKey};

/// Row height in px when the list is windowed (rows then do not wrap).
const ROW_HEIGHT: f64 = 30.0;
/// Above this many rows only the visible ones are rendered.
const WINDOW_FROM: usize = 300;
/// Height of the scrolling table when windowed, until it is laid out (CSS gives it this
/// height beside the other views; on stage it is taller).
const VIEWPORT: f64 = 420.0;
/// The printed chronology repeats every detail; beyond this it would run to a book.
const PRINT_LIMIT: usize = 400;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// Whether every row may be drawn: until the start-up's last stage only the first
    /// screenful is (`first_rows`), the rest a task after the views are painted.
    pub all_rows: bool,
}

#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let app = use_app();
    let (sort, set_sort) = use_link_setting(|views| views.sort, |views, sort| views.sort = sort);
    let scroll_top = use_state(|| 0.0_f64);
    let scroller = use_node_ref();
    let state = app.state();
    let exploration = &state.exploration;
    let filters = &exploration.url.filters;
    let order = {
        let shown = ByPtr(exploration.shown.clone());
        let catalog = state.catalog.clone();
        let window = (filters.from, filters.to);
        use_memo((shown, sort, window), move |(shown, sort, _)| {
            let mut order = sorted(&catalog, &shown.0, sort.key, sort.ascending);
            if sort.key == SortKey::Date {
                // What happened in the window first; what only spans it after.
                let filters = &window_filters(window);
                background_last(&mut order, |e| filters.is_background(catalog.spans[e]));
            }
            order
        })
    };
    let windowed = order.len() > WINDOW_FROM;
    use_reveal_selected(scroller.clone(), order.clone(), windowed);
    let (_, laid_out) = use_size(scroller.clone());
    let viewport = if laid_out > 0.0 { laid_out } else { VIEWPORT };
    let (start, end) = if windowed {
        visible_rows(*scroll_top, viewport, ROW_HEIGHT, order.len(), 10)
    } else if props.all_rows {
        (0, order.len())
    } else {
        let selected = exploration.selected_event();
        let position = selected.and_then(|s| order.iter().position(|&e| e == s));
        (0, first_rows(order.len(), window_height(), position))
    };
    let on_scroll = {
        let scroll_top = scroll_top.clone();
        let scroller = scroller.clone();
        Callback::from(move |_: Event| {
            if let Some(element) = scroller.cast::<HtmlElement>() {
                scroll_top.set(f64::from(element.scroll_top()));
            }
        })
    };
    let spacer = |rows: usize| -> Html {
        if rows == 0 {
            return Html::default();
        }
        let class = format!("spacer spacer-{}", rows.min(2000));
        html! { <tr class={class} aria-hidden="true"><td colspan="5" height={format!("{}", rows as f64 * ROW_HEIGHT)}></td></tr> }
    };
    let total = state.catalog.events().len();
    // What every row shares, kept identical across selections so unchanged rows are not
    // rebuilt: the catalog, the link state minus the route, the search, the hover action.
    let catalog = ByPtr(state.catalog.clone());
    let links = use_link_base(&exploration.url);
    let query = AttrValue::from(exploration.url.filters.q.clone());
    let on_hover = {
        let dispatcher = app.handle.dispatcher();
        use_callback((), move |hover: Option<Target>, _| {
            dispatcher.dispatch(Action::Hover(hover))
        })
    };
    html! {
        <section id="event-list" class="view view-list" aria-label="Event list" tabindex="-1">
            <div class="view-head">
                <h2 class="view-title">{ "Event list" }</h2>
                <StageToggle view={PhoneTab::List} />
            </div>
            if exploration.shown.is_empty() {
                <p class="empty">{ "No event matches these filters. Clear a filter to see more." }</p>
            } else {
                <div class={classes!("table-scroll", windowed.then_some("windowed"))} ref={scroller} onscroll={on_scroll}>
                    <table class="event-table" aria-rowcount={(order.len() + 1).to_string()}>
                        <caption class="visually-hidden">{ present::shown_count(order.len(), total) }</caption>
                        <thead><tr>{ sort_header(sort, &set_sort) }</tr></thead>
                        <tbody>
                            { spacer(start) }
                            { for order[start..end].iter().enumerate().map(|(i, &e)| {
                                let row = RowState::of(state, e);
                                let background = filters.is_background(state.catalog.spans[e]);
                                html! {
                                    <EventRow key={state.catalog.events()[e].id.as_str()} catalog={catalog.clone()}
                                              index={e} aria_row={start + i + 2} selected={row.selected} hovered={row.hovered} {background}
                                              links={links.clone()} query={query.clone()} on_hover={on_hover.clone()} />
                                }
                            }) }
                            { spacer(order.len() - end) }
                        </tbody>
                    </table>
                </div>
            }
            <PrintChronology />
        </section>
    }
}

/// The filtered chronology with every detail, in the DOM only while printing.
#[component]
fn PrintChronology() -> Html {
    let app = use_app();
    if !use_printing() {
        return Html::default();
    }
    let state = app.state();
    let catalog = &state.catalog;
    let shown = &state.exploration.shown;
    if shown.len() > PRINT_LIMIT {
        return html! {
            <p class="print-only">{ format!("{} events are too many to print in full; narrow the filters first.", shown.len()) }</p>
        };
    }
    html! {
        <div class="print-only print-chronology">
            <h2>{ &catalog.dataset.meta.title }</h2>
            <p>{ present::shown_count(shown.len(), catalog.events().len()) }{ ". Source: " }{ catalog.dataset.meta.source.citation() }</p>
            { for shown.iter().map(|&e| {
                let event = &catalog.events()[e];
                html! {
                    <article class="print-event">
                        <h3>{ present::event_date(event) }{ " — " }{ &event.title }</h3>
                        <p>{ &event.summary }</p>
                        <p class="print-meta">
                            { format!("Places: {}. ", column_text(catalog, e, SortKey::Places)) }
                            { format!("Who: {}. ", column_text(catalog, e, SortKey::Actors)) }
                            { crate::export::source_line(catalog, event) }
                        </p>
                    </article>
                }
            }) }
        </div>
    }
}

/// Brings the selected event's row into view when it is selected elsewhere, scrolling only
/// the list's own box: the views above must stay where they are.
#[hook]
fn use_reveal_selected(scroller: NodeRef, order: std::rc::Rc<Vec<usize>>, windowed: bool) {
    let selected = use_app().state().exploration.selected_event();
    use_effect_with(selected, move |&selected| {
        super::later::before_next_paint(move || reveal(selected, &scroller, &order, windowed));
    });
}

/// Scrolls the list's own box so the selected row is in its upper third.
fn reveal(selected: Option<usize>, scroller: &NodeRef, order: &[usize], windowed: bool) {
    let (Some(selected), Some(scroller)) = (selected, scroller.cast::<HtmlElement>()) else {
        return;
    };
    let Some(position) = order.iter().position(|&e| e == selected) else {
        return;
    };
    // Scroll only the list's own box: the views above must stay where they are.
    let (top, height) = if windowed {
        (position as f64 * ROW_HEIGHT, ROW_HEIGHT)
    } else if let Ok(Some(row)) = scroller.query_selector("tr.selected") {
        let (row, frame) = (
            row.get_bounding_client_rect(),
            scroller.get_bounding_client_rect(),
        );
        (
            row.top() - frame.top() + f64::from(scroller.scroll_top()),
            row.height(),
        )
    } else {
        return;
    };
    let view = f64::from(scroller.client_height());
    if let Some(target) =
        scroll_row_to_upper_third(top, height, f64::from(scroller.scroll_top()), view)
    {
        scroller.set_scroll_top(target as i32);
    }
}

/// The column headers: each a button that sorts by its column (again: reverses).
fn sort_header(sort: Sort, set_sort: &Callback<Sort>) -> Html {
    let headers = SortKey::ALL.iter().map(|&key| {
            let aria_sort = sort.aria_sort(key);
            let onclick = set_sort.reform(move |_| sort.clicked(key));
            let arrow = match aria_sort {
                Some("ascending") => " ▲",
                Some(_) => " ▼",
                None => "",
            };
            html! {
                <th scope="col" aria-sort={aria_sort}>
                    <button type="button" class="sort-button" {onclick}>{ key.label() }{ arrow }</button>
                </th>
            }
        });
    headers.collect::<Html>()
}

/// The time window alone, as filters: all that decides which events are background.
fn window_filters((from, to): (Option<Date>, Option<Date>)) -> Filters {
    Filters {
        from,
        to,
        ..Filters::default()
    }
}
