//! The aggregated lanes, drawn when too many events are in view for single marks: per lane
//! a strip of bars (one per column of days with events), a count chip in the "Earlier"
//! strip, the bars lit by what another view hovers, and the selected event as a single mark
//! on top.
//!
//! The bars of a lane are their own component whose props compare by pointer to the memoised
//! layout: a selection or a hover re-renders only the lane's name, the selected mark and the
//! lit bars, never the hundreds of bars.

use std::rc::Rc;

use yew::prelude::*;

use super::lanes::{backdrop, hatch, lane_label, Backdrop, MarkCtx};
use crate::data::Catalog;
use crate::layout::time::Ticks;
use crate::url::UrlState;
use crate::views::timeline::density::{bin_label, earlier_label, Bin, DensityLayout};
use crate::views::timeline::marks::{Chip, Mark};
use crate::views::timeline::Drawing;

pub struct Density<'a> {
    /// The link state the selected mark's link keeps.
    pub links: &'a UrlState,
    pub catalog: &'a Catalog,
    /// The memoised drawing; must be [`Drawing::Density`].
    pub drawing: &'a Rc<Drawing>,
    pub ticks: &'a Ticks,
    pub width: f64,
    /// Side of the squares in the "Earlier" strip.
    pub chip: f64,
    pub selected: Option<usize>,
    /// The selected event drawn singly over the strips.
    pub selected_marks: &'a [Mark],
    pub selected_chips: &'a [Chip],
    /// Per event: lit by what another view hovers (for the selected mark's look).
    pub linked: &'a [bool],
    /// The lit share of each bar.
    pub linked_bins: &'a [Bin],
    pub window: Option<(f64, f64)>,
}

fn density(drawing: &Drawing) -> Option<&DensityLayout> {
    match drawing {
        Drawing::Density(layout) => Some(layout),
        Drawing::Marks(_) => None,
    }
}

/// The bins of `lane` (bins are stored lane by lane).
fn lane_bins(bins: &[Bin], lane: usize) -> &[Bin] {
    let start = bins.partition_point(|b| b.lane < lane);
    let end = bins.partition_point(|b| b.lane <= lane);
    &bins[start..end]
}

#[derive(Properties)]
struct LaneBarsProps {
    drawing: Rc<Drawing>,
    lane: usize,
}

impl PartialEq for LaneBarsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.drawing, &other.drawing) && self.lane == other.lane
    }
}

/// One lane's bars and its "Earlier" count. Each bar is a button: picking it zooms onto its
/// days (handled by the plot's delegated listeners, which read `data-from`/`data-to`). The
/// lane's bars are one tab stop; ←/→, Home and End move along them.
#[component]
fn LaneBars(props: &LaneBarsProps) -> Html {
    let Some(layout) = density(&props.drawing) else {
        return Html::default();
    };
    let Some(band) = layout.lanes.get(props.lane) else {
        return Html::default();
    };
    let pad = crate::views::timeline::Geometry::default().lane_pad;
    let (top, bottom) = (band.y + pad, band.y + band.h - pad);
    let (top_px, strip_h) = (top.to_string(), (bottom - top).to_string());
    // One tab stop per lane, the first bar; the arrow keys move along the lane
    // (`plot_events::rove_along_lane`).
    let bars = lane_bins(&layout.bins, props.lane).iter().enumerate().map(|(i, bin)| {
        let column = layout.columns.columns[bin.column];
        let tabindex = if i == 0 { "0" } else { "-1" };
        html! {
            <g class={classes!("tl-bin", (bin.in_window == 0).then_some("outside"))} role="button" {tabindex}
               data-from={column.from_day.to_string()} data-to={column.to_day.to_string()}>
                <title>{ bin_label(layout, bin) }</title>
                <rect class="tl-bin-track" x={bin.x.to_string()} y={top_px.clone()}
                      width={bin.w.to_string()} height={strip_h.clone()} />
                <rect class="tl-bin-bar" x={bin.x.to_string()} y={bin.y.to_string()}
                      width={bin.w.to_string()} height={bin.h.to_string()} />
            </g>
        }
    });
    let earlier = layout
        .earlier_counts
        .iter()
        .filter(|c| c.lane == props.lane)
        .map(|chip| {
            html! {
                <g class={classes!("tl-earlier-count", (chip.in_window == 0).then_some("outside"))}>
                    <title>{ earlier_label(layout, chip) }</title>
                    <rect x={chip.x.to_string()} y={chip.y.to_string()} width={chip.w.to_string()}
                          height={chip.h.to_string()} rx="3" />
                    <text x={(chip.x + chip.w / 2).to_string()} y={(chip.y + chip.h - 4).to_string()}
                          text-anchor="middle">{ crate::present::format_number(chip.count as f64) }</text>
                </g>
            }
        });
    html! {
        <g class="tl-bins">
            { for earlier }
            { for bars }
        </g>
    }
}

pub fn view(d: Density) -> Html {
    let Some(layout) = density(d.drawing) else {
        return Html::default();
    };
    let height = layout.height.max(1.0);
    let ctx = MarkCtx {
        links: d.links,
        catalog: d.catalog,
        selected: d.selected,
        linked: d.linked,
        lanes: &layout.lanes,
    };
    let any_linked = !d.linked_bins.is_empty();
    let bands = layout.lanes.iter().enumerate().map(|(index, band)| {
        let lit = lane_bins(d.linked_bins, index).iter().map(|bin| {
            html! {
                <rect class="tl-bin-lit" x={bin.x.to_string()} y={bin.y.to_string()}
                      width={bin.w.to_string()} height={bin.h.to_string()} />
            }
        });
        html! {
            <g key={band.def.title.clone()} class={classes!("tl-lane", band.def.key.class())}
               role="group" aria-label={format!("{}: {} events", band.def.title, band.count)}>
                { hatch(index) }
                { lane_label(band, index) }
                <LaneBars drawing={d.drawing.clone()} lane={index} />
                // One wrapper for what changes with the selection and hover, so the lane's
                // children keep their places and the bars' component is kept, not rebuilt.
                <g class="tl-lane-overlay">
                    { for lit }
                    { ctx.lane_events(index, d.selected_chips, d.selected_marks, d.chip, layout.rows) }
                </g>
            </g>
        }
    });
    html! {
        <svg class={classes!("tl-lanes", "tl-density", any_linked.then_some("has-linked"))}
             width={d.width.to_string()} height={height.to_string()}>
            { backdrop(Backdrop {
                lanes: &layout.lanes,
                plot: layout.plot,
                earlier: layout.earlier,
                height,
                width: d.width,
                ticks: d.ticks,
                window: d.window,
            }) }
            { for bands }
        </svg>
    }
}
