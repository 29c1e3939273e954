//! The lanes: one band per side or storyline with its name, the "Earlier" strip, the grid,
//! the time window's shade, and every event mark as a link to the event.

use std::rc::Rc;

use yew::prelude::*;

use crate::data::Catalog;
use crate::layout::time::Ticks;
use crate::present;
use crate::ui::links::event_href;
use crate::ui::memo::ByPtr;
use crate::url::UrlState;
use crate::views::timeline::grouping::other_lanes;
use crate::views::timeline::marks::{Certainty, Chip, LaneBand, Mark, RowMetrics, Shape};
use crate::views::timeline::Drawing;

pub struct Lanes<'a> {
    pub links: &'a Rc<UrlState>,
    pub catalog: &'a Rc<Catalog>,
    /// The memoised drawing; must be [`Drawing::Marks`].
    pub drawing: &'a Rc<Drawing>,
    pub ticks: &'a Ticks,
    pub width: f64,
    /// Side of the squares in the "Earlier" strip.
    pub chip: f64,
    pub selected: Option<usize>,
    /// Per event: lit by what another view hovers (memoised on the hover).
    pub linked: &'a Rc<Vec<bool>>,
    pub window: Option<(f64, f64)>,
}

/// What the link around a mark says about it.
struct Look {
    event: usize,
    lane: usize,
    certainty: Certainty,
    background: bool,
    in_window: bool,
    kind: &'static str,
}

/// Everything a mark needs besides its geometry.
pub(super) struct MarkCtx<'a> {
    /// The link state the marks' links keep (see [`use_link_base`]).
    pub links: &'a UrlState,
    pub catalog: &'a Catalog,
    pub selected: Option<usize>,
    pub linked: &'a [bool],
    /// Every lane of the drawing, so a mark can name the other lanes its event is in.
    pub lanes: &'a [LaneBand],
}

impl MarkCtx<'_> {
    /// The `<a>` wrapping a mark's shapes: link, accessible name and state classes.
    fn link(&self, look: Look, body: Html) -> Html {
        let Look {
            event,
            lane,
            certainty,
            background,
            in_window,
            kind,
        } = look;
        let record = &self.catalog.events()[event];
        let selected = self.selected == Some(event);
        let linked = self.linked.get(event).copied().unwrap_or(false);
        let mut name = present::event_mark_label(record);
        name.push_str(&present::also_in_lanes(&other_lanes(
            self.catalog,
            self.lanes,
            event,
            lane,
        )));
        if !in_window {
            name.push_str(" (outside the time window)");
        }
        let class = classes!(
            "tl-mark",
            kind,
            certainty.is_uncertain().then_some("uncertain"),
            background.then_some("background"),
            (!in_window).then_some("outside"),
            selected.then_some("selected"),
            linked.then_some("linked"),
        );
        html! {
            <a key={format!("{}-{lane}", record.id)} {class}
               href={event_href(self.links, &record.id)}
               aria-label={name.clone()}
               aria-current={selected.then_some("true")}
               data-event-id={record.id.clone()}>
                <title>{ name }</title>
                { body }
            </a>
        }
    }

    pub fn mark(&self, mark: &Mark, rows: RowMetrics) -> Html {
        let hatch = mark
            .certainty
            .is_uncertain()
            .then(|| format!("url(#tl-hatch-{})", mark.lane));
        let selected = self.selected == Some(mark.event);
        let (shape, ring, kind) = match mark.shape {
            Shape::Dot { cx } => (
                html! { <circle class="tl-shape" cx={cx.to_string()} cy={mark.y.to_string()} r={rows.dot_r.to_string()} /> },
                selected.then(|| html! {
                    <circle class="tl-ring" cx={cx.to_string()} cy={mark.y.to_string()} r={(rows.dot_r + 2.5).to_string()} />
                }),
                "dot",
            ),
            Shape::Bar { x, w, open_left, open_right } => {
                let bar_h = if mark.background { rows.background_bar_h } else { rows.bar_h };
                let y = mark.y - bar_h / 2.0;
                // Rounded ends where the event ends; square cuts where it runs off the plot.
                let rx = if open_left || open_right { 0.0 } else { (bar_h / 2.0).min(3.0) };
                (
                    html! {
                        <rect class="tl-shape" x={x.to_string()} y={y.to_string()} width={w.to_string()}
                              height={bar_h.to_string()} rx={rx.to_string()} fill={hatch} />
                    },
                    selected.then(|| html! {
                        <rect class="tl-ring" x={(x - 2.0).to_string()} y={(y - 2.0).to_string()} width={(w + 4.0).to_string()}
                              height={(bar_h + 4.0).to_string()} rx="3" />
                    }),
                    "bar",
                )
            }
        };
        let label = mark.label.as_ref().map(|label| {
            html! {
                <text class={classes!("tl-label", label.inside.then_some("inside"))}
                      x={label.x.to_string()} y={(mark.y + 3.5).to_string()}>{ &label.text }</text>
            }
        });
        let look = Look {
            event: mark.event,
            lane: mark.lane,
            certainty: mark.certainty,
            background: mark.background,
            in_window: mark.in_window,
            kind,
        };
        self.link(look, html! { <>{ ring }{ shape }{ label }</> })
    }

    /// The "Earlier" squares, then the marks, of `lane` among `chips` and `marks`.
    pub fn lane_events(
        &self,
        lane: usize,
        chips: &[Chip],
        marks: &[Mark],
        chip_size: f64,
        rows: RowMetrics,
    ) -> Html {
        let chips = chips.iter().filter(|c| c.lane == lane);
        let marks = marks.iter().filter(|m| m.lane == lane);
        html! {
            <>
                { for chips.map(|c| self.chip(c, chip_size)) }
                { for marks.map(|m| self.mark(m, rows)) }
            </>
        }
    }

    pub fn chip(&self, chip: &Chip, size: f64) -> Html {
        let hatch = chip
            .certainty
            .is_uncertain()
            .then(|| format!("url(#tl-hatch-{})", chip.lane));
        let ring = (self.selected == Some(chip.event)).then(|| {
            html! {
                <rect class="tl-ring" x={(chip.x - 2.0).to_string()} y={(chip.y - 2.0).to_string()}
                      width={(size + 4.0).to_string()} height={(size + 4.0).to_string()} rx="2" />
            }
        });
        let look = Look {
            event: chip.event,
            lane: chip.lane,
            certainty: chip.certainty,
            background: false,
            in_window: chip.in_window,
            kind: "chip",
        };
        self.link(
            look,
            html! {
                <>
                    { ring }
                    <rect class="tl-shape" x={chip.x.to_string()} y={chip.y.to_string()} width={size.to_string()}
                          height={size.to_string()} rx="1" fill={hatch} />
                </>
            },
        )
    }
}

pub(super) fn lane_label(band: &LaneBand, index: usize) -> Html {
    let first_baseline = band.y + 12.0;
    let lines = band.lines.iter().enumerate().map(|(k, line)| {
        html! { <tspan x="14" y={(first_baseline + k as f64 * 13.0).to_string()}>{ line }</tspan> }
    });
    html! {
        <g class="tl-lane-name">
            <title>{ format!("{}: {} events", band.def.title, band.count) }</title>
            <rect class="tl-swatch" x="4" y={(band.y + 5.0).to_string()} width="6" height="8" rx="1" />
            <text data-lane={index.to_string()}>{ for lines }</text>
        </g>
    }
}

/// A soft fill per lane for uncertain dates, defined inside the lane so it takes the lane's
/// colour: strongest in the middle and fading at both ends, so a range the article dates
/// only roughly reads as "somewhere in here", not as a solid bar nor as texture.
pub(super) fn hatch(lane: usize) -> Html {
    html! {
        <defs>
            <linearGradient id={format!("tl-hatch-{lane}")}>
                <stop class="tl-fuzz-edge" offset="0" />
                <stop class="tl-fuzz-mid" offset="0.3" />
                <stop class="tl-fuzz-mid" offset="0.7" />
                <stop class="tl-fuzz-edge" offset="1" />
            </linearGradient>
        </defs>
    }
}

/// What lies under the lanes of either drawing: lane backgrounds, the "Earlier" strip, the
/// grid and the time window's shade.
pub(super) struct Backdrop<'a> {
    pub lanes: &'a [LaneBand],
    pub plot: (f64, f64),
    pub earlier: (f64, f64),
    pub height: f64,
    pub width: f64,
    pub ticks: &'a Ticks,
    pub window: Option<(f64, f64)>,
}

pub(super) fn backdrop(b: Backdrop) -> Html {
    let (p0, p1) = b.plot;
    let (s0, s1) = b.earlier;
    let height = b.height;
    let grid = |ticks: &[crate::layout::time::Tick], class: &'static str| {
        ticks
            .iter()
            .filter(|t| t.x >= p0 && t.x <= p1)
            .map(|t| html! {
                <line class={class} x1={t.x.to_string()} x2={t.x.to_string()} y1="0" y2={height.to_string()} />
            })
            .collect::<Html>()
    };
    let shade = b.window.and_then(|(a, b)| {
        let left = a.max(p0);
        let right = b.min(p1);
        (right > left).then(|| html! {
            <rect class="tl-window-shade" x={left.to_string()} y="0" width={(right - left).to_string()} height={height.to_string()} />
        })
    });
    // Backgrounds first, so the grid and the window's shade show through every lane.
    let backgrounds = b.lanes.iter().enumerate().map(|(index, band)| {
        html! {
            <rect class={classes!("tl-lane-bg", (index % 2 == 1).then_some("odd"))} x="0" y={band.y.to_string()}
                  width={b.width.to_string()} height={band.h.to_string()} />
        }
    });
    html! {
        <>
            { for backgrounds }
            <rect class="tl-earlier-bg" x={s0.to_string()} y="0" width={(s1 - s0).to_string()} height={height.to_string()} />
            <line class="tl-earlier-edge" x1={(s1 + 3.0).to_string()} x2={(s1 + 3.0).to_string()} y1="0" y2={height.to_string()} />
            { grid(&b.ticks.minor, "tl-grid") }
            { grid(&b.ticks.major, "tl-grid major") }
            { shade }
        </>
    }
}

pub fn view(l: Lanes) -> Html {
    let Drawing::Marks(layout) = &**l.drawing else {
        return Html::default();
    };
    let height = layout.height.max(1.0);
    let any_linked = l.linked.iter().any(|&on| on);
    // One component per lane: a selection re-renders only the lanes it enters or leaves.
    let bands = layout.lanes.iter().enumerate().map(|(lane, band)| {
        let selected = l.selected.filter(|&e| layout.draws_in_lane(e, lane));
        html! {
            <LaneMarks key={band.def.title.clone()} drawing={ByPtr(l.drawing.clone())} {lane}
                       catalog={ByPtr(l.catalog.clone())} links={ByPtr(l.links.clone())}
                       linked={ByPtr(l.linked.clone())} {selected} chip={l.chip} />
        }
    });
    html! {
        <svg class={classes!("tl-lanes", any_linked.then_some("has-linked"))}
             width={l.width.to_string()} height={height.to_string()}>
            { backdrop(Backdrop {
                lanes: &layout.lanes,
                plot: layout.plot,
                earlier: layout.earlier,
                height,
                width: l.width,
                ticks: l.ticks,
                window: l.window,
            }) }
            { for bands }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
struct LaneMarksProps {
    drawing: ByPtr<Drawing>,
    lane: usize,
    catalog: ByPtr<Catalog>,
    links: ByPtr<UrlState>,
    linked: ByPtr<Vec<bool>>,
    /// The selected event, when it has a mark in this lane.
    selected: Option<usize>,
    chip: f64,
}

/// One lane: its name, hatch, "Earlier" squares and marks.
#[component]
fn LaneMarks(props: &LaneMarksProps) -> Html {
    let Drawing::Marks(layout) = &*props.drawing.0 else {
        return Html::default();
    };
    let Some(band) = layout.lanes.get(props.lane) else {
        return Html::default();
    };
    let lane = props.lane;
    let ctx = MarkCtx {
        links: &props.links.0,
        catalog: &props.catalog.0,
        selected: props.selected,
        linked: &props.linked.0,
        lanes: &layout.lanes,
    };
    html! {
        <g class={classes!("tl-lane", band.def.key.class())}
           role="group" aria-label={format!("{}: {} events", band.def.title, band.count)}>
            { hatch(lane) }
            { lane_label(band, lane) }
            { ctx.lane_events(lane, &layout.chips, &layout.marks, props.chip, layout.rows) }
        </g>
    }
}
