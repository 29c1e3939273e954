//! The two tracks on one relative axis: day ticks, day 0 and the split, and each track's
//! events as marks packed into rows (`views::compare::axis`). A mark is a link to its
//! event, so a click or Enter selects it with a new history entry, like every other view;
//! a crowded track is drawn as its events per day, the selected event still a mark.
//! Pointing at a mark (or at a tie or actor of the difference network) lights the marks of
//! the events it lights, by the one rule of `Target::lights`.

use std::rc::Rc;

use yew::prelude::*;

use super::super::links::event_href;
use super::super::size::use_size;
use super::super::state::{use_app, Target};
use super::hover::MarkHover;
use super::ModelRef;
use crate::present;
use crate::url::UrlState;
use crate::views::compare::axis::{self, Axis, Mark, DENSITY_ABOVE};
use crate::views::compare::relative::Placement;

/// Height of one row of marks, px.
const ROW_PX: f64 = 16.0;
/// Room for the track's name above its rows, px.
const NAME_PX: f64 = 22.0;
/// Height of a crowded track's per-day bars at their tallest, px.
const BARS_PX: f64 = 60.0;

#[derive(Properties, PartialEq)]
pub struct LanesProps {
    pub model: ModelRef,
    pub selected: Option<usize>,
    pub links: Rc<UrlState>,
}

#[component]
pub fn Lanes(props: &LanesProps) -> Html {
    let app = use_app();
    let catalog = app.state().catalog.clone();
    let lit = Target::lit_mask(app.state().hover, &catalog);
    let mut any_lit = false;
    let node = use_node_ref();
    let (width, _) = use_size(node.clone());
    let model = &props.model.0;
    let axis = Axis::fit(model.domain, (width - 4.0).max(0.0));
    let plot_width = axis.width();
    let split_day = model.split.day - model.anchor.day;
    const TICKS_PX: f64 = 20.0;
    let mut top = TICKS_PX + 4.0;
    let mut tracks = Vec::new();
    for (slot, view) in model.tracks.iter().enumerate() {
        let on_axis = axis::on_axis(&axis, &view.placed);
        let crowded = on_axis > DENSITY_ABOVE;
        let (body, height) = if crowded {
            crowded_track(&axis, &view.placed, props.selected)
        } else {
            let marks = axis::marks(&axis, &view.placed);
            let rows = marks.iter().map(|m| m.row + 1).max().unwrap_or(1);
            (marks_html(&marks, &view.placed), rows as f64 * ROW_PX)
        };
        let off = view.placed.len() - on_axis;
        let mut count = format!("{} on the axis", present::events_perhaps(on_axis, 0));
        if off > 0 {
            count.push_str(&format!(
                ", {off} not drawn (off the axis or dated over months)"
            ));
        }
        let name = format!("{}: {count}", view.track.label);
        // The drawing says it shorter; the group's name says it whole.
        let mut short = present::events_perhaps(on_axis, 0);
        if off > 0 {
            short.push_str(&format!(" · {off} not drawn"));
        }
        let rows_top = top + NAME_PX;
        let marks: Html = body
            .into_iter()
            .map(|(mark, placed)| {
                let event = &catalog.events()[mark.event];
                let selected = props.selected == Some(mark.event);
                let is_lit = lit.get(mark.event).copied().unwrap_or(false);
                any_lit |= is_lit;
                let label = format!(
                    "{}, {}",
                    present::event_mark_label(event),
                    present::relative_days(placed.begins.lo, placed.begins.hi)
                );
                let class = classes!(
                    "cmp-mark",
                    mark.range.then_some("range"),
                    mark.cut_before.then_some("cut-before"),
                    mark.cut_after.then_some("cut-after"),
                    selected.then_some("selected"),
                    is_lit.then_some("is-lit")
                );
                // Each mark is inset by a pixel so touching marks stay apart.
                html! {
                    <a key={event.id.clone()} {class} href={event_href(&props.links, &event.id)}
                       aria-label={label.clone()}
                       aria-current={selected.then_some("true")}
                       data-event-id={event.id.clone()}>
                        <title>{ label }</title>
                        <rect x={num(mark.x + 1.0)} y={num(rows_top + mark.row as f64 * ROW_PX + 2.0)}
                              width={num((mark.width - 2.0).max(2.0))} height={num(ROW_PX - 4.0)}
                              rx={if mark.range { "1" } else { "6" }} />
                    </a>
                }
            })
            .collect();
        let bars = if crowded {
            bars_html(&axis, &view.placed, rows_top + height)
        } else {
            Html::default()
        };
        let suffix = if crowded { " · drawn per day" } else { "" };
        tracks.push(html! {
            <g class={classes!("cmp-track", format!("cmp-track-{slot}"))} role="group" aria-label={name}>
                <line class="cmp-track-rule" x1="0" x2={num(plot_width)} y1={num(top)} y2={num(top)} />
                <text class="cmp-track-name" x="4" y={num(top + 15.0)}>
                    { &view.track.label }
                    <tspan class="cmp-track-count">{ format!(" · {short}{suffix}") }</tspan>
                </text>
                { bars }
                { marks }
            </g>
        });
        top += height + NAME_PX + 10.0;
    }
    let ticks = axis.ticks().into_iter().map(|day| {
        let x = axis.x(day) + axis.day_px / 2.0;
        html! {
            <g class="cmp-tick">
                <line x1={num(x)} x2={num(x)} y1={num(TICKS_PX - 4.0)} y2={num(top)} />
                <text x={num(x)} y="13">{ present::relative_tick(day) }</text>
            </g>
        }
    });
    let line = |class: &'static str, label: &'static str, day: i32| {
        let x = axis.x(day) + axis.day_px / 2.0;
        html! {
            <g class={class}>
                <line x1={num(x)} x2={num(x)} y1={num(TICKS_PX)} y2={num(top)} />
                <text x={num(x + 3.0)} y={num(top - 3.0)}>{ label }</text>
            </g>
        }
    };
    let split = (split_day != 0 && axis.shows(crate::views::compare::DayRange::day(split_day)))
        .then(|| line("cmp-split", "split", split_day));
    let hover = MarkHover::new(&app);
    html! {
        <>
        <div id="cmp-axis" class="cmp-scroll" ref={node} tabindex="-1">
            <svg class={classes!("cmp-plot", any_lit.then_some("has-lit"))} width={num(plot_width)} height={num(top)}
                 onmouseover={hover.over} onmouseout={hover.out}
                 onfocusin={hover.focus_in} onfocusout={hover.focus_out}>
                <g aria-hidden="true">
                    { for ticks }
                    { line("cmp-day0", "day 0", 0) }
                    { split.unwrap_or_default() }
                </g>
                { for tracks }
            </svg>
        </div>
        <p class="cmp-note cmp-legend">
            { "A round mark: dated to the day. A hatched bar: may have begun on any of its days. \
               Dotted ends: runs past the axis. Solid line: day 0, the anchor; dashed line: the split." }
        </p>
        </>
    }
}

/// A coordinate as an SVG attribute, to a tenth of a pixel.
fn num(value: f64) -> String {
    format!("{value:.1}")
}

/// The marks with their placements, for rendering.
fn marks_html(marks: &[Mark], placed: &[(usize, Placement)]) -> Vec<(Mark, Placement)> {
    // Marks come in the order of `placed`, skipping those off the axis.
    let mut rest = placed.iter();
    marks
        .iter()
        .filter_map(|m| {
            rest.find(|(e, _)| *e == m.event)
                .map(|&(_, placement)| (*m, placement))
        })
        .collect()
}

/// A crowded track: only the selected event as a mark, over per-day bars.
fn crowded_track(
    axis: &Axis,
    placed: &[(usize, Placement)],
    selected: Option<usize>,
) -> (Vec<(Mark, Placement)>, f64) {
    let chosen: Vec<(usize, Placement)> = placed
        .iter()
        .filter(|(e, _)| Some(*e) == selected)
        .copied()
        .collect();
    let marks = axis::marks(axis, &chosen);
    (marks_html(&marks, &chosen), BARS_PX)
}

fn bars_html(axis: &Axis, placed: &[(usize, Placement)], bottom: f64) -> Html {
    let days = axis::per_day(axis, placed);
    let most = days.iter().map(|&(_, n)| n).max().unwrap_or(1).max(1) as f64;
    days.into_iter()
        .map(|(day, count)| {
            let height = (count as f64 / most * BARS_PX).max(2.0);
            let title = format!(
                "{}: {}",
                present::relative_day(day),
                present::events_perhaps(count, 0)
            );
            html! {
                <rect class="cmp-bar" x={num(axis.x(day))} y={num(bottom - height)}
                      width={num(axis.day_px.max(1.0))} height={num(height)} aria-hidden="true">
                    <title>{ title }</title>
                </rect>
            }
        })
        .collect()
}
