//! The header above the lanes: month and day ticks, the "Earlier" heading, and the brush
//! band where the time window is dragged out and shown.

use yew::prelude::*;

use crate::layout::text::estimate_label_width;
use crate::layout::time::{TickUnit, Ticks, TICK_FONT_PX};

/// Header height in px: two label rows and the band.
pub const HEIGHT: f64 = 50.0;
const MAJOR_Y: f64 = 11.0;
const MINOR_Y: f64 = 25.0;
const BAND_Y: f64 = 31.0;
const BAND_H: f64 = 17.0;

pub struct Axis<'a> {
    /// Horizontal extents of the plot and of the "Earlier" strip.
    pub plot: (f64, f64),
    pub earlier: (f64, f64),
    pub ticks: &'a Ticks,
    pub width: f64,
    /// The time window in px (from the URL, or the brush being dragged).
    pub window: Option<(f64, f64)>,
    pub window_text: Option<String>,
    pub dragging: bool,
}

pub fn view(a: Axis) -> Html {
    let (p0, p1) = a.plot;
    let in_plot = |x: f64| x >= p0 - 0.5 && x <= p1 + 0.5;
    let fits = |x: f64, text: &str| x + estimate_label_width(text, TICK_FONT_PX) <= p1 + 2.0;
    let day_labels = matches!(a.ticks.minor_unit, TickUnit::Day | TickUnit::TwoDays);
    let minor = a.ticks.minor.iter().filter(|t| in_plot(t.x)).map(|tick| {
        let (label_x, anchor) = if day_labels {
            (tick.label_x, "middle")
        } else {
            (tick.x + 3.0, "start")
        };
        let show = if day_labels {
            in_plot(label_x)
        } else {
            fits(label_x, &tick.label)
        };
        html! {
            <g class="tl-tick">
                <line x1={tick.x.to_string()} x2={tick.x.to_string()} y1={(MINOR_Y - 10.0).to_string()} y2={BAND_Y.to_string()} />
                if show {
                    <text x={label_x.to_string()} y={MINOR_Y.to_string()} text-anchor={anchor}>{ &tick.label }</text>
                }
            </g>
        }
    });
    let majors: Vec<_> = a.ticks.major.iter().filter(|t| in_plot(t.x)).collect();
    // The month (or year) of the left edge, unless a boundary label is about to take its place.
    let context_fits = majors
        .first()
        .is_none_or(|t| t.x - p0 > estimate_label_width(&a.ticks.context, TICK_FONT_PX) + 12.0);
    let major = majors.iter().filter(|t| fits(t.x + 3.0, &t.label)).map(|tick| {
        html! {
            <g class="tl-tick major">
                <line x1={tick.x.to_string()} x2={tick.x.to_string()} y1="0" y2={BAND_Y.to_string()} />
                <text x={(tick.x + 3.0).to_string()} y={MAJOR_Y.to_string()}>{ &tick.label }</text>
            </g>
        }
    });
    let (s0, s1) = a.earlier;
    let brush = a.window.map(|(x0, x1)| {
        let left = x0.max(p0);
        let right = x1.min(p1).max(left);
        let text = a.window_text.clone().unwrap_or_default();
        // The dates go inside the brush when they fit, else beside it where there is room.
        let text_w = estimate_label_width(&text, 10.0);
        let (text_x, anchor) = if text_w + 8.0 <= right - left {
            ((left + right) / 2.0, "middle")
        } else if right + 6.0 + text_w <= p1 {
            (right + 6.0, "start")
        } else {
            (left - 6.0, "end")
        };
        html! {
            <g class={classes!("tl-brush", a.dragging.then_some("dragging"))}>
                <rect class="tl-brush-area" x={left.to_string()} y={BAND_Y.to_string()} width={(right - left).to_string()} height={BAND_H.to_string()} rx="3" />
                if x0 >= p0 - 0.5 {
                    <rect class="tl-brush-grip" x={(x0 - 2.0).to_string()} y={(BAND_Y - 2.0).to_string()} width="4" height={(BAND_H + 4.0).to_string()} rx="2" />
                }
                if x1 <= p1 + 0.5 {
                    <rect class="tl-brush-grip" x={(x1 - 2.0).to_string()} y={(BAND_Y - 2.0).to_string()} width="4" height={(BAND_H + 4.0).to_string()} rx="2" />
                }
                <text class="tl-brush-text" x={text_x.to_string()} y={(BAND_Y + 12.0).to_string()} text-anchor={anchor}>{ text }</text>
            </g>
        }
    });
    let hint = a.window.is_none().then(|| {
        html! {
            <text class="tl-band-hint" x={((p0 + p1) / 2.0).to_string()} y={(BAND_Y + 12.0).to_string()} text-anchor="middle">
                { "Drag here to choose a time window" }
            </text>
        }
    });
    html! {
        <svg class="tl-axis" width={a.width.to_string()} height={HEIGHT.to_string()} aria-hidden="true">
            <text class="tl-earlier-title" x={((s0 + s1) / 2.0).to_string()} y={MINOR_Y.to_string()} text-anchor="middle">{ "Earlier" }</text>
            if context_fits {
                <text class="tl-context" x={(p0 + 3.0).to_string()} y={MAJOR_Y.to_string()}>{ &a.ticks.context }</text>
            }
            { for major }
            { for minor }
            <rect class="tl-band" x={p0.to_string()} y={BAND_Y.to_string()} width={(p1 - p0).max(0.0).to_string()} height={BAND_H.to_string()} rx="3" />
            { hint }
            { brush }
        </svg>
    }
}
