//! The before/after counts as a real table: one row per kind of event (and the totals),
//! one column per track and period, with headers a screen reader announces with each cell.

use yew::prelude::*;

use super::super::state::use_app;
use super::ModelRef;
use crate::present;
use crate::views::compare::periods::Count;

fn cell(count: Count) -> String {
    present::count_cell(count.surely, count.perhaps, count.background)
}

#[derive(Properties, PartialEq)]
pub struct CountsProps {
    pub model: ModelRef,
}

#[component]
pub fn CountsTable(props: &CountsProps) -> Html {
    let app = use_app();
    let catalog = &app.state().catalog;
    let model = &props.model.0;
    let split = &catalog.events()[model.split.event].title;
    let period = match model.days {
        Some(days) => format!("the {days} days before and after"),
        None => "before and after".to_owned(),
    };
    let caption = format!("Events {period} “{split}”, by kind");
    // Kinds present in either track, in the one order of kinds.
    let kinds: Vec<crate::data::EventKind> = crate::data::EventKind::ALL
        .into_iter()
        .filter(|kind| {
            model.tracks.iter().any(|t| {
                t.periods.kinds.iter().any(|k| {
                    k.kind == *kind && (k.before != Count::default() || k.after != Count::default())
                })
            })
        })
        .collect();
    let headers = model.tracks.iter().flat_map(|t| {
        ["before", "after"].map(|p| {
            html! { <th scope="col">{ format!("{}, {p}", t.track.label) }</th> }
        })
    });
    let row = |label: String, counts: Vec<(Count, Count)>| {
        html! {
            <tr>
                <th scope="row">{ label }</th>
                { for counts.into_iter().flat_map(|(b, a)| [b, a]).map(|c| html! { <td>{ cell(c) }</td> }) }
            </tr>
        }
    };
    let kind_rows = kinds.iter().map(|kind| {
        let counts = model
            .tracks
            .iter()
            .map(|t| {
                t.periods
                    .kinds
                    .iter()
                    .find(|k| k.kind == *kind)
                    .map_or((Count::default(), Count::default()), |k| {
                        (k.before, k.after)
                    })
            })
            .collect();
        row(kind.label().to_owned(), counts)
    });
    let totals = model
        .tracks
        .iter()
        .map(|t| (t.periods.before, t.periods.after))
        .collect();
    let active = model
        .tracks
        .iter()
        .map(|t| (t.periods.took_part_before, t.periods.took_part_after))
        .collect();
    html! {
        <div id="cmp-counts" class="cmp-table-wrap" tabindex="-1">
            <table class="cmp-table">
                <caption>{ caption }</caption>
                <thead>
                    <tr><th scope="col">{ "Kind of event" }</th>{ for headers }</tr>
                </thead>
                <tbody>{ for kind_rows }</tbody>
                <tfoot>
                    { row("All events".to_owned(), totals) }
                    { row("Events it took part in".to_owned(), active) }
                </tfoot>
            </table>
            <p class="cmp-note">{ "“perhaps” counts events whose date cannot tell which side of the split they fall on; “spanning” counts events dated so loosely they are background to the period." }</p>
        </div>
    }
}
