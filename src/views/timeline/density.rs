//! The aggregated ("density") timeline, drawn instead of single marks when too many events
//! are in view: each lane becomes a strip of columns of whole days, one bar per column with
//! events, as tall as its count relative to the lane's busiest column. Lanes keep a fixed,
//! small height, so a large dataset no longer makes them thousands of rows tall, and the
//! drawing costs one element per column instead of one per event.
//!
//! Counting is O(n) and does no per-event work beyond finding the event's lanes: no packing,
//! no labels, no strings. An event is counted once per lane, in the column of the day it
//! starts on; one that began before the view is counted in the first column, so the counts
//! of a lane add up to the events drawn in it. Background events that began before the view
//! (the Korean War) are counted in one aggregated chip per lane in the "Earlier" strip, as
//! [`super::marks`] puts their squares there.

use super::grouping::{lane_defs, lanes_into, lanes_of, LaneDef};
use super::marks::{extent_days, shape_of, wrap_label, Certainty, Chip, Mark, RowMetrics};
use super::marks::{LaneBand, TimelineInput};
use crate::data::{Catalog, Date};
use crate::layout::time::TimeScale;
use crate::present;

/// Above this many events in view the timeline is aggregated. Each single mark costs a
/// link, a title, an accessible name and shapes, re-rendered on every selection, and an
/// event sits in one lane per side: measured in Chromium (`cargo xtask bench`), 1,000
/// events as single marks took ~50 ms per selection and ~170 ms per facet or brush, while
/// the density view stays near a frame. At 500 events marks already overlap at the
/// quarter's zoom. The real chronicle (93 events) is far below it.
pub const DENSITY_THRESHOLD: usize = 500;

/// Narrowest column: thinner bars could not be told apart or hit with a pointer. Columns are
/// whole days, so at the default zoom of a wide view a column is one day.
pub const MIN_COLUMN_PX: f64 = 4.0;

/// Clear space between neighbouring bars, in px, when the column is wide enough to spare it.
const BAR_GAP_PX: i32 = 1;

/// A clipped column at the plot's edge narrower than this is merged into its neighbour.
const MIN_EDGE_COLUMN_PX: i32 = 2;

/// Height of an aggregated lane: room for a two-line lane name and a readable histogram.
pub const DENSITY_LANE_H: f64 = 34.0;

/// A column with a single event is still this tall, so it shows.
const MIN_BAR_H: i32 = 2;

/// Height of the count chip in the "Earlier" strip.
const EARLIER_CHIP_H: i32 = 16;

/// Events drawn in the current view, one at a time: those overlapping the visible days,
/// plus background events that began earlier (the "Earlier" strip). Decides between single
/// marks and the density strips; O(n) with no allocation.
pub fn events_in_view(input: &TimelineInput) -> usize {
    input
        .events
        .iter()
        .filter(|&&e| placement(input.catalog, input.scale, e).is_some())
        .count()
}

/// Whether the view has too many events for single marks.
pub fn is_dense(input: &TimelineInput) -> bool {
    events_in_view(input) > DENSITY_THRESHOLD
}

/// Where an event goes in the current view.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Placement {
    /// On the plot; the day it is counted on (its start, or the view's first day).
    Plot { day: f64 },
    /// In the "Earlier" strip.
    Earlier,
}

/// The same rule as [`super::marks::layout_timeline`]: background events that began before
/// the view go to the strip, others are drawn when they overlap the visible days.
fn placement(catalog: &Catalog, scale: &TimeScale, e: usize) -> Option<Placement> {
    let event = catalog.events().get(e)?;
    let span = *catalog.spans.get(e)?;
    let (start, end) = extent_days(event, span);
    if event.context && start < scale.start() {
        Some(Placement::Earlier)
    } else if end <= scale.start() || start >= scale.end() {
        None
    } else {
        Some(Placement::Plot {
            day: start.max(scale.start()),
        })
    }
}

/// One column of the plot: whole days `[from_day, to_day)` cut to what is visible, and its
/// pixels. Columns are shared by all lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub from_day: i32,
    pub to_day: i32,
    /// Left edge and width in whole px; columns abut and never overlap.
    pub x: i32,
    pub w: i32,
}

/// The visible days cut into columns of `days` days each, aligned to multiples of `days`
/// from day 0 so that panning does not reshuffle them.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub days: i32,
    /// Slot number (day / `days`) of the first slot.
    first_slot: i64,
    /// Per slot, the column it belongs to (edge slivers are merged into their neighbour).
    slot_column: Vec<usize>,
    pub columns: Vec<Column>,
}

impl Columns {
    pub fn new(scale: &TimeScale) -> Columns {
        let (p0, p1) = scale.range();
        let px_per_day = scale.px_per_day();
        let days = if px_per_day.is_finite() && px_per_day > 0.0 {
            (MIN_COLUMN_PX / px_per_day).ceil().clamp(1.0, 10_000.0) as i64
        } else {
            1
        };
        let (start, end) = (scale.start(), scale.end());
        let first_slot = (start / days as f64).floor() as i64;
        let last_slot = ((end / days as f64).ceil() as i64 - 1).max(first_slot);
        let (left, right) = (p0.round() as i32, p1.round() as i32);
        let (visible_from, visible_to) = (start.floor() as i64, end.ceil() as i64);
        // Left pixel of a slot; the plot's edges for the first and past the last.
        let edge = |slot: i64| -> i32 {
            if slot <= first_slot {
                left
            } else if slot > last_slot {
                right
            } else {
                (scale.x((slot * days) as f64).round() as i32).clamp(left, right)
            }
        };
        let mut columns: Vec<Column> = (first_slot..=last_slot)
            .map(|slot| Column {
                from_day: (slot * days).max(visible_from) as i32,
                to_day: ((slot + 1) * days).min(visible_to) as i32,
                x: edge(slot),
                w: edge(slot + 1) - edge(slot),
            })
            .collect();
        let mut slot_column: Vec<usize> = (0..columns.len()).collect();
        // Slivers cut by the plot's edges join their neighbour.
        if columns.len() >= 2 && columns[0].w < MIN_EDGE_COLUMN_PX {
            let sliver = columns.remove(0);
            columns[0].from_day = sliver.from_day;
            columns[0].x = sliver.x;
            columns[0].w += sliver.w;
            slot_column.iter_mut().skip(1).for_each(|c| *c -= 1);
        }
        if columns.len() >= 2 && columns.last().is_some_and(|c| c.w < MIN_EDGE_COLUMN_PX) {
            if let Some(sliver) = columns.pop() {
                let kept = columns.len() - 1;
                columns[kept].to_day = sliver.to_day;
                columns[kept].w += sliver.w;
                if let Some(last) = slot_column.last_mut() {
                    *last = kept;
                }
            }
        }
        Columns {
            days: days as i32,
            first_slot,
            slot_column,
            columns,
        }
    }

    /// The column counting `day` (clamped to the visible columns).
    pub fn of_day(&self, day: f64) -> usize {
        let slot = (day / f64::from(self.days)).floor() as i64 - self.first_slot;
        let last = self.slot_column.len().saturating_sub(1);
        let slot = usize::try_from(slot).unwrap_or(0).min(last);
        self.slot_column.get(slot).copied().unwrap_or(0)
    }
}

/// The events of one lane in one column, drawn as a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    pub lane: usize,
    /// Index into [`Columns::columns`].
    pub column: usize,
    pub count: usize,
    /// How many of them lie inside the time window; a bin with none is dimmed.
    pub in_window: usize,
    /// The bar, in whole px: left, top, width, height.
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// Background events of one lane before the view, as one chip with their count.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierCount {
    pub lane: usize,
    pub count: usize,
    pub in_window: usize,
    /// The chip, in whole px: left, top, width, height.
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DensityLayout {
    pub lanes: Vec<LaneBand>,
    pub columns: Columns,
    /// Only columns with events, lane by lane, left to right.
    pub bins: Vec<Bin>,
    pub earlier_counts: Vec<EarlierCount>,
    /// Events in the lane's busiest column, per lane; what bar heights are relative to.
    pub busiest: Vec<usize>,
    /// Distinct events drawn (on the plot or in the strip).
    pub events_in_view: usize,
    pub height: f64,
    pub plot: (f64, f64),
    pub earlier: (f64, f64),
    /// Sizes of the selected event's mark drawn over the strips.
    pub rows: RowMetrics,
}

impl DensityLayout {
    /// Top and bottom of the histogram area of lane `lane`.
    fn strip(&self, lane: usize, pad: f64) -> (i32, i32) {
        self.lanes.get(lane).map_or((0, 0), |band| {
            (
                (band.y + pad).round() as i32,
                (band.y + band.h - pad).round() as i32,
            )
        })
    }
}

/// A bar's height for `count` events when the lane's busiest column has `busiest`, in a strip
/// `strip_h` px tall: proportional, at least [`MIN_BAR_H`].
fn bar_height(count: usize, busiest: usize, strip_h: i32) -> i32 {
    if count == 0 || busiest == 0 || strip_h <= 0 {
        return 0;
    }
    let strip = strip_h as usize;
    let h = (count.min(busiest) * strip + busiest / 2) / busiest;
    (h as i32).clamp(MIN_BAR_H.min(strip_h), strip_h)
}

/// Per event, whether it is in `members` (ascending or not), for O(1) look-ups.
fn membership(len: usize, members: &[usize]) -> Vec<bool> {
    let mut on = vec![false; len];
    for &e in members {
        if let Some(slot) = on.get_mut(e) {
            *slot = true;
        }
    }
    on
}

/// Counts the events of `input` into lanes and columns; see the module docs.
pub fn layout_density(input: &TimelineInput) -> DensityLayout {
    let TimelineInput {
        catalog,
        events,
        in_window,
        mode,
        scale,
        geometry: g,
    } = *input;
    let defs = lane_defs(catalog, mode);
    let columns = Columns::new(scale);
    let width = columns.columns.len();
    let lanes_n = defs.len();
    let windowed = membership(catalog.events().len(), in_window);
    // Per lane and column: (events, of which in the window); then the strip's.
    let mut counts = vec![(0usize, 0usize); lanes_n * width];
    let mut strip = vec![(0usize, 0usize); lanes_n];
    let mut drawn = 0;
    let mut lanes_buffer = Vec::new();
    for &e in events {
        let Some(place) = placement(catalog, scale, e) else {
            continue;
        };
        drawn += 1;
        let inside = usize::from(windowed.get(e).copied().unwrap_or(false));
        let slot = match place {
            Placement::Plot { day } => Some(columns.of_day(day)),
            Placement::Earlier => None,
        };
        lanes_into(catalog, &defs, e, &mut lanes_buffer);
        for &lane in &lanes_buffer {
            let cell = match slot {
                Some(column) => counts.get_mut(lane * width + column),
                None => strip.get_mut(lane),
            };
            if let Some(cell) = cell {
                cell.0 += 1;
                cell.1 += inside;
            }
        }
    }

    let text_w = g.gutter - 8.0;
    let lanes: Vec<LaneBand> = defs
        .into_iter()
        .enumerate()
        .map(|(index, def)| {
            let on_plot: usize = counts[index * width..(index + 1) * width]
                .iter()
                .map(|c| c.0)
                .sum();
            LaneBand {
                lines: wrap_label(&def.short, text_w, g.font, 2),
                def,
                y: index as f64 * DENSITY_LANE_H,
                h: DENSITY_LANE_H,
                count: on_plot + strip[index].0,
            }
        })
        .collect();
    let busiest: Vec<usize> = (0..lanes_n)
        .map(|lane| {
            counts[lane * width..(lane + 1) * width]
                .iter()
                .map(|c| c.0)
                .max()
                .unwrap_or(0)
        })
        .collect();

    let mut layout = DensityLayout {
        lanes,
        columns,
        bins: Vec::new(),
        earlier_counts: Vec::new(),
        busiest,
        events_in_view: drawn,
        height: lanes_n as f64 * DENSITY_LANE_H,
        plot: scale.range(),
        earlier: g.earlier_range(),
        rows: g.rows(true),
    };
    for lane in 0..lanes_n {
        let (top, bottom) = layout.strip(lane, g.lane_pad);
        for (column, &(count, inside)) in
            counts[lane * width..(lane + 1) * width].iter().enumerate()
        {
            if count == 0 {
                continue;
            }
            let c = layout.columns.columns[column];
            let h = bar_height(count, layout.busiest[lane], bottom - top);
            let w = if c.w > BAR_GAP_PX + 1 {
                c.w - BAR_GAP_PX
            } else {
                c.w
            };
            layout.bins.push(Bin {
                lane,
                column,
                count,
                in_window: inside,
                x: c.x,
                y: bottom - h,
                w,
                h,
            });
        }
        let (count, inside) = strip[lane];
        if count > 0 {
            let (s0, s1) = layout.earlier;
            let gap = g.chip_gap.round() as i32;
            let h = EARLIER_CHIP_H.min(bottom - top);
            layout.earlier_counts.push(EarlierCount {
                lane,
                count,
                in_window: inside,
                x: s0.round() as i32 + gap,
                y: (top + bottom - h) / 2,
                w: (s1 - s0).round() as i32 - 2 * gap,
                h,
            });
        }
    }
    layout
}

/// What a bin says about itself: "Korea crisis: 143 events, 3–5 Dec 2010".
pub fn bin_label(layout: &DensityLayout, bin: &Bin) -> String {
    let lane = layout
        .lanes
        .get(bin.lane)
        .map_or("", |l| l.def.short.as_str());
    let noun = if bin.count == 1 { "event" } else { "events" };
    let days = layout
        .columns
        .columns
        .get(bin.column)
        .map(|c| days_label(c.from_day, c.to_day))
        .unwrap_or_default();
    format!(
        "{lane}: {} {noun}, {days}",
        present::format_number(bin.count as f64)
    )
}

/// What an "Earlier" chip says: "China: 3 events before the view".
pub fn earlier_label(layout: &DensityLayout, chip: &EarlierCount) -> String {
    let lane = layout
        .lanes
        .get(chip.lane)
        .map_or("", |l| l.def.short.as_str());
    let noun = if chip.count == 1 { "event" } else { "events" };
    format!(
        "{lane}: {} background {noun} before the view",
        present::format_number(chip.count as f64)
    )
}

/// Half-open days as a reader's date range: "5 Dec 2010", "3–5 Dec 2010".
fn days_label(from_day: i32, to_day: i32) -> String {
    let first = Date::from_days(from_day);
    let last = Date::from_days(to_day.saturating_sub(1).max(from_day));
    if first == last {
        first.display_long()
    } else {
        present::range(first, last)
    }
}

/// The note shown while the timeline is aggregated.
pub fn density_note(layout: &DensityLayout) -> String {
    format!(
        "{} events: zoom in to see single events",
        present::format_number(layout.events_in_view as f64)
    )
}

/// The days to show when the reader picks the column `[from_day, to_day)` while `domain` is
/// shown: the column with half its length (at least a whole day) on either side, so its
/// neighbours give context; or the column alone when that would not narrow the view by half,
/// so that repeated picks always drill down.
pub fn drill_down(from_day: f64, to_day: f64, domain: (f64, f64)) -> Option<(f64, f64)> {
    if !from_day.is_finite() || !to_day.is_finite() || to_day <= from_day {
        return None;
    }
    let length = to_day - from_day;
    let margin = (length / 2.0).ceil().max(1.0);
    let current = domain.1 - domain.0;
    if current.is_finite() && length + 2.0 * margin > current / 2.0 {
        Some((from_day, to_day))
    } else {
        Some((from_day - margin, to_day + margin))
    }
}

/// The selected event drawn singly over the strips, in each lane it belongs to: the same
/// shapes as single marks, centred on the lane, or a square in the "Earlier" strip. Empty
/// when the event is filtered out or outside the view.
pub fn selected_marks(
    input: &TimelineInput,
    layout: &DensityLayout,
    e: usize,
) -> (Vec<Mark>, Vec<Chip>) {
    let (mut marks, mut chips) = (Vec::new(), Vec::new());
    let (catalog, scale, g) = (input.catalog, input.scale, &input.geometry);
    if !input.events.contains(&e) {
        return (marks, chips);
    }
    let (Some(place), Some(event), Some(&span)) = (
        placement(catalog, scale, e),
        catalog.events().get(e),
        catalog.spans.get(e),
    ) else {
        return (marks, chips);
    };
    let defs: Vec<LaneDef> = layout.lanes.iter().map(|l| l.def.clone()).collect();
    let certainty = Certainty::of(event);
    let in_window = input.in_window.contains(&e);
    let extent = extent_days(event, span);
    for lane in lanes_of(catalog, &defs, e) {
        let Some(band) = layout.lanes.get(lane) else {
            continue;
        };
        match place {
            Placement::Plot { .. } => marks.push(Mark {
                event: e,
                lane,
                shape: shape_of(extent, scale, layout.rows.dot_r),
                y: band.y + band.h / 2.0,
                certainty,
                background: false,
                in_window,
                label: None,
            }),
            Placement::Earlier => chips.push(Chip {
                event: e,
                lane,
                x: layout.earlier.0 + g.chip_gap,
                y: band.y + (band.h - g.chip) / 2.0,
                certainty,
                in_window,
            }),
        }
    }
    (marks, chips)
}

/// Per lane and column, how many events are lit by what another view hovers, drawn as an
/// overlay on the bars (same scale as the lane's bars), so an actor's activity shows within
/// the crowd. O(n) in the events, plus lane look-ups for the lit ones only.
pub fn linked_bins(input: &TimelineInput, layout: &DensityLayout, linked: &[bool]) -> Vec<Bin> {
    if !linked.iter().any(|&on| on) {
        return Vec::new();
    }
    let width = layout.columns.columns.len();
    let defs: Vec<LaneDef> = layout.lanes.iter().map(|l| l.def.clone()).collect();
    let mut counts = vec![0usize; defs.len() * width];
    for &e in input.events {
        if !linked.get(e).copied().unwrap_or(false) {
            continue;
        }
        let Some(Placement::Plot { day }) = placement(input.catalog, input.scale, e) else {
            continue;
        };
        let column = layout.columns.of_day(day);
        for lane in lanes_of(input.catalog, &defs, e) {
            if let Some(cell) = counts.get_mut(lane * width + column) {
                *cell += 1;
            }
        }
    }
    let mut lit = Vec::new();
    for (cell, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let key = (cell / width, cell % width);
        let Ok(found) = layout
            .bins
            .binary_search_by_key(&key, |b| (b.lane, b.column))
        else {
            continue;
        };
        let bar = &layout.bins[found];
        // The lit share of the bar, at least visible.
        let share = (count.min(bar.count) * bar.h.max(0) as usize + bar.count / 2) / bar.count;
        let h = (share as i32).clamp(MIN_BAR_H.min(bar.h), bar.h.max(0));
        lit.push(Bin {
            count,
            in_window: count,
            y: bar.y + bar.h - h,
            h,
            ..bar.clone()
        });
    }
    lit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{self, Event};
    use crate::layout::estimate_label_width;
    use crate::views::timeline::grouping::LaneMode;
    use crate::views::timeline::marks::{layout_timeline, Geometry};

    const WIDTH: f64 = 1100.0;

    fn day(text: &str) -> f64 {
        f64::from(Date::parse(text).unwrap().to_days())
    }

    /// The article's quarter, the built-in chronicle's period.
    fn quarter_days() -> (f64, f64) {
        (day("2010-10-01"), day("2011-01-01"))
    }

    fn scale_for(start: f64, end: f64, width: f64) -> TimeScale {
        let (x0, x1) = Geometry::default().plot_range(width);
        TimeScale::new(start, end, x0, x1)
    }

    fn quarter() -> TimeScale {
        let (start, end) = quarter_days();
        scale_for(start, end, WIDTH)
    }

    /// The built-in chronicle with `extra` copies of its single-day events, spread over the
    /// quarter, as a large dataset.
    fn crowded(extra: usize) -> Catalog {
        let mut dataset = data::parse::parse_dataset(data::EMBEDDED_DATASET).unwrap();
        let templates: Vec<Event> = dataset
            .events
            .iter()
            .filter(|e| !e.context && e.end.is_none())
            .cloned()
            .collect();
        let first = day("2010-10-01") as i32;
        for k in 0..extra {
            let mut copy = templates[k % templates.len()].clone();
            let start = Date::from_days(first + (k * 7 % 92) as i32);
            copy.start = start.to_string();
            copy.id = format!("{start}-copy-{k}");
            dataset.events.push(copy);
        }
        Catalog::new(dataset)
    }

    fn input<'a>(
        catalog: &'a Catalog,
        events: &'a [usize],
        in_window: &'a [usize],
        scale: &'a TimeScale,
        mode: LaneMode,
    ) -> TimelineInput<'a> {
        TimelineInput {
            catalog,
            events,
            in_window,
            mode,
            scale,
            geometry: Geometry::default(),
        }
    }

    fn all(catalog: &Catalog) -> Vec<usize> {
        (0..catalog.events().len()).collect()
    }

    #[test]
    fn the_chronicle_is_drawn_as_single_marks() {
        let catalog = data::load_embedded().unwrap();
        let events = all(&catalog);
        let scale = quarter();
        let input = input(&catalog, &events, &events, &scale, LaneMode::Sides);
        assert!(!is_dense(&input));
        // Counted as the marks layout draws them: every event on the plot or in the strip.
        let layout = layout_timeline(&input);
        let mut drawn: Vec<usize> = layout
            .marks
            .iter()
            .map(|m| m.event)
            .chain(layout.chips.iter().map(|c| c.event))
            .collect();
        drawn.sort_unstable();
        drawn.dedup();
        assert_eq!(events_in_view(&input), drawn.len());
    }

    #[test]
    fn the_threshold_is_crossed_by_one_event() {
        let catalog = crowded(3000);
        let scale = quarter();
        let everything = all(&catalog);
        // The first n events in view, whatever else the catalog holds.
        let first_in_view = |n: usize| -> Vec<usize> {
            everything
                .iter()
                .copied()
                .filter(|&e| placement(&catalog, &scale, e).is_some())
                .take(n)
                .collect()
        };
        let at = first_in_view(DENSITY_THRESHOLD);
        let over = first_in_view(DENSITY_THRESHOLD + 1);
        assert_eq!(over.len(), DENSITY_THRESHOLD + 1);
        let below = input(&catalog, &at, &at, &scale, LaneMode::Sides);
        assert_eq!(events_in_view(&below), DENSITY_THRESHOLD);
        assert!(!is_dense(&below));
        assert!(is_dense(&input(
            &catalog,
            &over,
            &over,
            &scale,
            LaneMode::Sides
        )));
    }

    #[test]
    fn counts_add_up_to_the_events_in_each_lane() {
        let catalog = crowded(5000);
        let events = all(&catalog);
        let scale = quarter();
        for mode in LaneMode::ALL {
            let input = input(&catalog, &events, &events, &scale, mode);
            let layout = layout_density(&input);
            assert_eq!(layout.events_in_view, events_in_view(&input));
            let defs = lane_defs(&catalog, mode);
            for (lane, band) in layout.lanes.iter().enumerate() {
                let expected = events
                    .iter()
                    .filter(|&&e| placement(&catalog, &scale, e).is_some())
                    .filter(|&&e| lanes_of(&catalog, &defs, e).contains(&lane))
                    .count();
                let binned: usize = layout
                    .bins
                    .iter()
                    .filter(|b| b.lane == lane)
                    .map(|b| b.count)
                    .sum();
                let earlier: usize = layout
                    .earlier_counts
                    .iter()
                    .filter(|c| c.lane == lane)
                    .map(|c| c.count)
                    .sum();
                assert_eq!(binned + earlier, expected, "{mode:?} lane {lane}");
                assert_eq!(band.count, expected);
            }
        }
    }

    #[test]
    fn bins_stay_in_the_plot_and_never_overlap() {
        let catalog = crowded(5000);
        let events = all(&catalog);
        let scales = [
            quarter(),
            scale_for(day("2010-01-01"), day("2011-01-01"), WIDTH),
            scale_for(day("2010-11-20") + 0.37, day("2010-11-27") + 0.81, WIDTH),
            scale_for(day("2010-10-03") + 0.1, day("2010-12-29") + 0.9, 333.0),
        ];
        for scale in &scales {
            let layout = layout_density(&input(&catalog, &events, &events, scale, LaneMode::Sides));
            let (p0, p1) = layout.plot;
            let columns = &layout.columns.columns;
            for pair in columns.windows(2) {
                assert_eq!(pair[0].x + pair[0].w, pair[1].x, "columns abut");
                assert_eq!(pair[0].to_day, pair[1].from_day, "and share no day");
                assert!(pair[1].w >= MIN_EDGE_COLUMN_PX);
            }
            assert!(f64::from(columns[0].x) >= p0.round());
            let last = columns.last().unwrap();
            assert!(f64::from(last.x + last.w) <= p1.round());
            for lane in 0..layout.lanes.len() {
                let bins: Vec<&Bin> = layout.bins.iter().filter(|b| b.lane == lane).collect();
                for pair in bins.windows(2) {
                    assert!(pair[0].x + pair[0].w <= pair[1].x);
                }
                let band = &layout.lanes[lane];
                for bin in bins {
                    assert!(bin.w >= 1 && bin.h >= MIN_BAR_H);
                    assert!(
                        f64::from(bin.y) >= band.y && f64::from(bin.y + bin.h) <= band.y + band.h
                    );
                }
            }
        }
    }

    #[test]
    fn bars_keep_a_gap_unless_their_column_is_too_narrow_to_spare_one() {
        let catalog = crowded(3000);
        let events = all(&catalog);
        let mut narrow = 0;
        for step in 0..40 {
            let start = day("2010-10-01") + f64::from(step) * 0.025;
            let scale = scale_for(start, day("2011-01-01"), WIDTH);
            let layout =
                layout_density(&input(&catalog, &events, &events, &scale, LaneMode::Sides));
            for bin in &layout.bins {
                let column = layout.columns.columns[bin.column];
                if column.w > 2 {
                    assert_eq!(bin.w, column.w - 1, "{bin:?} in {column:?}");
                } else {
                    assert_eq!(bin.w, column.w, "{bin:?} fills {column:?}");
                    narrow += 1;
                }
            }
        }
        assert!(narrow > 0, "some view starts with a column of 2 px");
    }

    #[test]
    fn columns_are_whole_days_at_least_a_few_px_wide() {
        let quarter = Columns::new(&quarter());
        assert_eq!(quarter.days, 1, "a wide view shows one column per day");
        assert_eq!(quarter.columns.len(), 92);
        assert_eq!(quarter.columns[0].from_day, day("2010-10-01") as i32);
        let narrow = Columns::new(&scale_for(day("2010-01-01"), day("2011-01-01"), 600.0));
        assert!(narrow.days > 1);
        assert!(narrow.columns.iter().skip(1).all(|c| c.w >= 3));
        // Columns start on multiples of their length, so panning does not reshuffle them.
        for shift in [0.0, 0.4, 1.0, 2.7] {
            let start = day("2010-05-01") + shift;
            let columns = Columns::new(&scale_for(start, start + 200.0, 600.0));
            assert_eq!(columns.days, 2);
            assert!(columns.columns[1..].iter().all(|c| c.from_day % 2 == 0));
        }
    }

    #[test]
    fn multi_day_events_count_once_where_they_start_or_where_the_view_starts() {
        let catalog = data::load_embedded().unwrap();
        let drills = catalog
            .event_index("2010-12-06-rok-live-fire-drills")
            .unwrap();
        let events = [drills];
        let scale = scale_for(day("2010-12-09"), day("2010-12-16"), WIDTH);
        let layout = layout_density(&input(&catalog, &events, &events, &scale, LaneMode::Sides));
        assert_eq!(
            layout.bins.len(),
            1,
            "one lane, one column: {:?}",
            layout.bins
        );
        let column = layout.columns.columns[layout.bins[0].column];
        assert_eq!(
            column.from_day,
            day("2010-12-09") as i32,
            "the view's first day"
        );
        let visit = catalog.event_index("2010-11-22-wen-russia-visit").unwrap();
        let events = [visit];
        let scale = quarter();
        let layout = layout_density(&input(&catalog, &events, &events, &scale, LaneMode::Sides));
        let counted: Vec<i32> = layout
            .bins
            .iter()
            .map(|b| layout.columns.columns[b.column].from_day)
            .collect();
        assert!(!counted.is_empty());
        assert!(counted.iter().all(|&d| d == day("2010-11-22") as i32));
        assert_eq!(layout.bins.iter().map(|b| b.count).max(), Some(1));
    }

    #[test]
    fn the_window_and_the_filters_are_respected() {
        let catalog = crowded(3000);
        let scale = quarter();
        let november: Vec<usize> = all(&catalog)
            .into_iter()
            .filter(|&e| {
                let d = f64::from(catalog.spans[e].start);
                d >= day("2010-11-01") && d < day("2010-12-01")
            })
            .collect();
        let events = all(&catalog);
        let layout = layout_density(&input(
            &catalog,
            &events,
            &november,
            &scale,
            LaneMode::Sides,
        ));
        for bin in &layout.bins {
            let column = layout.columns.columns[bin.column];
            let in_november = column.from_day >= day("2010-11-01") as i32
                && column.to_day <= day("2010-12-01") as i32;
            assert_eq!(bin.in_window == bin.count, in_november, "{column:?}");
            assert_eq!(bin.in_window == 0, !in_november);
        }
        // A filter (here: only the events of November are passed) leaves the rest out.
        let filtered = layout_density(&input(
            &catalog,
            &november,
            &november,
            &scale,
            LaneMode::Sides,
        ));
        assert_eq!(
            filtered.events_in_view,
            november
                .iter()
                .filter(|&&e| placement(&catalog, &scale, e).is_some())
                .count()
        );
        assert!(filtered.bins.iter().all(|b| {
            let c = filtered.columns.columns[b.column];
            c.from_day >= day("2010-11-01") as i32 && c.to_day <= day("2010-12-01") as i32
        }));
    }

    #[test]
    fn empty_input_and_a_single_event() {
        let catalog = data::load_embedded().unwrap();
        let scale = quarter();
        let empty = layout_density(&input(&catalog, &[], &[], &scale, LaneMode::Sides));
        assert!(empty.bins.is_empty() && empty.earlier_counts.is_empty());
        assert_eq!(empty.events_in_view, 0);
        assert_eq!(empty.height, empty.lanes.len() as f64 * DENSITY_LANE_H);
        assert!(empty.busiest.iter().all(|&b| b == 0));

        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let one = [shelling];
        let layout = layout_density(&input(&catalog, &one, &one, &scale, LaneMode::Sides));
        assert_eq!(layout.events_in_view, 1);
        assert!(!layout.bins.is_empty());
        for bin in &layout.bins {
            assert_eq!(bin.count, 1);
            assert_eq!(
                bin.h,
                DENSITY_LANE_H as i32 - 2 * Geometry::default().lane_pad as i32
            );
            assert_eq!(
                bin_label(&layout, bin),
                format!("{}: 1 event, 23 Nov 2010", layout.lanes[bin.lane].def.short)
            );
        }
    }

    #[test]
    fn bars_are_relative_to_the_lanes_busiest_column() {
        assert_eq!(bar_height(10, 10, 28), 28);
        assert_eq!(bar_height(5, 10, 28), 14);
        assert_eq!(bar_height(1, 1000, 28), MIN_BAR_H);
        assert_eq!(bar_height(0, 10, 28), 0);
        assert_eq!(bar_height(3, 0, 28), 0);
        assert_eq!(bar_height(3, 3, -4), 0);
        // Rounded to the nearest pixel: 7.5 px is 8, 5.6 px is 6, 9.33 px is 9.
        assert_eq!(bar_height(1, 4, 30), 8);
        assert_eq!(bar_height(1, 5, 28), 6);
        assert_eq!(bar_height(1, 3, 28), 9);
    }

    #[test]
    fn background_events_before_the_view_are_one_chip_per_lane() {
        let catalog = data::load_embedded().unwrap();
        let events = all(&catalog);
        let scale = quarter();
        let layout = layout_density(&input(&catalog, &events, &events, &scale, LaneMode::Sides));
        let koreas = layout
            .lanes
            .iter()
            .position(|l| l.def.title == "The two Koreas")
            .unwrap();
        let chip = layout
            .earlier_counts
            .iter()
            .find(|c| c.lane == koreas)
            .unwrap();
        // The Korean War and the Cheonan sinking, at least.
        assert!(chip.count >= 2);
        assert!(earlier_label(&layout, chip).starts_with("The two Koreas: "));
        let (s0, s1) = layout.earlier;
        assert!(f64::from(chip.x) >= s0 && f64::from(chip.x + chip.w) <= s1);
        // It spans the strip but for a small gap at each end.
        let gap = Geometry::default().chip_gap;
        assert!((f64::from(chip.x) - (s0 + gap)).abs() <= 1.0, "{chip:?}");
        assert!(
            (f64::from(chip.x + chip.w) - (s1 - gap)).abs() <= 1.0,
            "{chip:?}"
        );
        // And is centred on its lane, to the pixel.
        let band = &layout.lanes[koreas];
        let middle = f64::from(chip.y) + f64::from(chip.h) / 2.0;
        assert!(
            chip.h > 0 && (middle - (band.y + band.h / 2.0)).abs() <= 1.0,
            "{chip:?}"
        );
        assert_eq!(
            layout
                .earlier_counts
                .iter()
                .filter(|c| c.lane == koreas)
                .count(),
            1
        );
    }

    #[test]
    fn lane_names_wrap_within_the_gutter() {
        let catalog = data::load_embedded().unwrap();
        let events = all(&catalog);
        let scale = quarter();
        let g = Geometry::default();
        let mut wrapped = 0;
        for mode in LaneMode::ALL {
            let layout = layout_density(&input(&catalog, &events, &events, &scale, mode));
            for band in &layout.lanes {
                assert!(!band.lines.is_empty() && band.lines.len() <= 2, "{band:?}");
                for line in &band.lines {
                    let width = estimate_label_width(line.trim_end_matches('…'), g.font);
                    assert!(width <= g.gutter - 8.0, "{line}: {width}");
                }
                wrapped += usize::from(band.lines.len() > 1);
            }
        }
        assert!(wrapped > 0, "some lane name takes two lines");
    }

    #[test]
    fn labels_name_the_lane_the_count_and_the_days() {
        assert_eq!(
            days_label(day("2010-12-03") as i32, day("2010-12-06") as i32),
            "3–5 Dec 2010"
        );
        assert_eq!(
            days_label(day("2010-12-05") as i32, day("2010-12-06") as i32),
            "5 Dec 2010"
        );
        assert_eq!(
            days_label(day("2010-11-29") as i32, day("2010-12-02") as i32),
            "29 Nov – 1 Dec 2010"
        );
        let catalog = crowded(5000);
        let events = all(&catalog);
        let scale = quarter();
        let layout = layout_density(&input(&catalog, &events, &events, &scale, LaneMode::Sides));
        assert!(density_note(&layout).starts_with(&format!(
            "{} events",
            present::format_number(layout.events_in_view as f64)
        )));
        let busiest = layout.bins.iter().max_by_key(|b| b.count).unwrap();
        assert!(busiest.count > 1);
        let label = bin_label(&layout, busiest);
        assert!(
            label.contains(&format!("{} events, ", busiest.count)),
            "{label}"
        );
    }

    #[test]
    fn picking_a_column_drills_down() {
        let quarter = quarter_days();
        let (from, to) = (day("2010-12-03"), day("2010-12-04"));
        assert_eq!(drill_down(from, to, quarter), Some((from - 1.0, to + 1.0)));
        let (a, b) = drill_down(from, from + 4.0, quarter).unwrap();
        assert_eq!(
            (a, b),
            (from - 2.0, from + 6.0),
            "half a column either side"
        );
        assert!(b - a < (quarter.1 - quarter.0) / 2.0);
        // Already close: the column alone, so every pick narrows the view.
        let near = (from - 2.0, to + 2.0);
        assert_eq!(drill_down(from, to, near), Some((from, to)));
        // A 4-day column in a 12-day view: with 2 days either side it would show 8 of the
        // 12 days, not half of them, so it is shown alone; in a 20-day view with context.
        let four = (from, from + 4.0);
        assert_eq!(
            drill_down(four.0, four.1, (from - 4.0, from + 8.0)),
            Some(four)
        );
        assert_eq!(
            drill_down(four.0, four.1, (from - 8.0, from + 12.0)),
            Some((from - 2.0, from + 6.0))
        );
        assert_eq!(drill_down(to, from, quarter), None);
        assert_eq!(drill_down(f64::NAN, to, quarter), None);
    }

    #[test]
    fn the_selected_event_is_drawn_singly_in_each_of_its_lanes() {
        let catalog = crowded(3000);
        let events = all(&catalog);
        let scale = quarter();
        let input = input(&catalog, &events, &events, &scale, LaneMode::Sides);
        let layout = layout_density(&input);
        let call = catalog.event_index("2010-11-27-yang-lavrov-call").unwrap();
        let (marks, chips) = selected_marks(&input, &layout, call);
        assert!(chips.is_empty());
        let lanes: Vec<&str> = marks
            .iter()
            .map(|m| layout.lanes[m.lane].def.title.as_str())
            .collect();
        assert_eq!(lanes, ["China", "Russia"]);
        for mark in &marks {
            let band = &layout.lanes[mark.lane];
            assert_eq!(mark.y, band.y + band.h / 2.0);
        }
        // Background before the view: a square in the strip.
        let war = catalog.event_index("1950-01-01-korean-war").unwrap();
        let (marks, chips) = selected_marks(&input, &layout, war);
        assert!(marks.is_empty() && chips.len() == 4);
        // Each centred on its lane, in the strip.
        for chip in &chips {
            let band = &layout.lanes[chip.lane];
            let centre = chip.y + input.geometry.chip / 2.0;
            assert!((centre - (band.y + band.h / 2.0)).abs() < 1e-9, "{chip:?}");
            assert_eq!(chip.x, layout.earlier.0 + input.geometry.chip_gap);
        }
        // Filtered out or out of view: nothing.
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let without: Vec<usize> = events.iter().copied().filter(|&e| e != shelling).collect();
        let filtered = TimelineInput {
            events: &without,
            ..input
        };
        assert_eq!(
            selected_marks(&filtered, &layout, shelling),
            (vec![], vec![])
        );
        let december = scale_for(day("2010-12-01"), day("2011-01-01"), WIDTH);
        let later = TimelineInput {
            scale: &december,
            ..input
        };
        assert!(selected_marks(&later, &layout, shelling).0.is_empty());
    }

    #[test]
    fn linked_events_light_part_of_their_bars() {
        let catalog = crowded(3000);
        let events = all(&catalog);
        let scale = quarter();
        let input = input(&catalog, &events, &events, &scale, LaneMode::Sides);
        let layout = layout_density(&input);
        assert!(linked_bins(&input, &layout, &vec![false; events.len()]).is_empty());
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let mut linked = vec![false; events.len()];
        linked[shelling] = true;
        let lit = linked_bins(&input, &layout, &linked);
        assert!(!lit.is_empty());
        for bin in &lit {
            assert_eq!(bin.count, 1);
            let bar = layout
                .bins
                .iter()
                .find(|b| b.lane == bin.lane && b.column == bin.column)
                .unwrap();
            assert!(bin.h <= bar.h && bin.y >= bar.y && bin.y + bin.h == bar.y + bar.h);
            let column = layout.columns.columns[bin.column];
            assert_eq!(column.from_day, day("2010-11-23") as i32);
        }
    }
}
