//! The timeline in pixels: lane bands stacked top to bottom, each event drawn once per lane
//! it belongs to (a dot for a single day, a bar for several days, a soft range fading at its
//! ends when the date is only approximate or known to the month), rows packed so no two
//! marks overlap, and
//! an "Earlier" strip left of the plot for background events that began before the visible
//! window (the Korean War, the Cheonan sinking), so they stay reachable without squashing
//! the quarter.

use super::grouping::{lane_defs, lanes_of, LaneDef, LaneMode};
use crate::data::catalog::Span;
use crate::data::{period, Catalog, Event, Precision};
use crate::layout::lanes::{pack_lanes, LaneItem};
use crate::layout::text::estimate_label_width;
use crate::layout::time::TimeScale;

/// Sizes of the drawing, in px. The defaults fit a ~600 px wide view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// Width of the lane-name column.
    pub gutter: f64,
    /// Width of the "Earlier" strip between the lane names and the plot.
    pub earlier: f64,
    /// Gap between the strip and the plot.
    pub plot_gap: f64,
    /// Space kept free right of the plot.
    pub right_pad: f64,
    /// Height of one packed row while marks are unlabelled: compact, so the busy lanes of
    /// the whole quarter fit the view.
    pub row_h: f64,
    /// Height of one row once marks carry their titles.
    pub label_row_h: f64,
    /// Space above and below the rows of a lane.
    pub lane_pad: f64,
    /// Side of the square marks in the "Earlier" strip.
    pub chip: f64,
    pub chip_gap: f64,
    /// Least horizontal gap between two marks sharing a row.
    pub mark_gap: f64,
    /// Font size of mark labels and lane names.
    pub font: f64,
    /// Zoom (px per day) from which marks are labelled with their titles.
    pub label_min_px_per_day: f64,
    /// Room kept right of a labelled mark for its title, at most: enough for a whole title
    /// of usual length (about 50 characters), so the events of a chosen window read as
    /// sentences ("Beijing voices concern and urges restraint"), not "Beijing voic…".
    pub label_reserve: f64,
}

impl Default for Geometry {
    fn default() -> Geometry {
        Geometry {
            gutter: 92.0,
            earlier: 46.0,
            plot_gap: 8.0,
            right_pad: 10.0,
            row_h: 7.0,
            label_row_h: 15.0,
            lane_pad: 3.0,
            chip: 6.0,
            chip_gap: 3.0,
            mark_gap: 2.0,
            font: 11.0,
            label_min_px_per_day: 14.0,
            label_reserve: 300.0,
        }
    }
}

impl Geometry {
    /// Horizontal extent of the "Earlier" strip.
    pub fn earlier_range(&self) -> (f64, f64) {
        (self.gutter, self.gutter + self.earlier)
    }

    /// Horizontal extent of the plot for a drawing `width` px wide; what the time scale's
    /// range must be set to.
    pub fn plot_range(&self, width: f64) -> (f64, f64) {
        let x0 = self.gutter + self.earlier + self.plot_gap;
        let x1 = if width.is_finite() {
            (width - self.right_pad).max(x0 + 1.0)
        } else {
            x0 + 1.0
        };
        (x0, x1)
    }

    /// Row height, dot radius and bar height at a zoom with or without labels.
    pub fn rows(&self, labelled: bool) -> RowMetrics {
        let row_h = if labelled {
            self.label_row_h
        } else {
            self.row_h
        };
        let background_row_h = (row_h * 0.6).min(6.0);
        RowMetrics {
            row_h,
            dot_r: (row_h * 0.42).min(4.5),
            bar_h: (row_h * 0.75).min(9.0),
            background_row_h,
            background_bar_h: background_row_h * 0.7,
        }
    }

    /// Squares that fit side by side in one row of the strip.
    fn chip_columns(&self) -> usize {
        let usable = self.earlier - 2.0 * self.chip_gap;
        (((usable + self.chip_gap) / (self.chip + self.chip_gap)).floor() as usize).max(1)
    }
}

/// The vertical rhythm of the rows, which grows when marks are labelled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowMetrics {
    pub row_h: f64,
    pub dot_r: f64,
    pub bar_h: f64,
    /// Rows of background spans are thinner: they only say "sometime in this period".
    pub background_row_h: f64,
    pub background_bar_h: f64,
}

/// How well the article dates an event, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    Exact,
    /// "About": drawn as a soft range over the days it may fall on.
    Approximate,
    /// Only the month is known: drawn as a soft range over the whole month.
    MonthOnly,
}

impl Certainty {
    pub fn of(event: &Event) -> Certainty {
        match event.precision {
            Precision::Day => Certainty::Exact,
            Precision::Approximate => Certainty::Approximate,
            Precision::Month => Certainty::MonthOnly,
        }
    }

    pub fn is_uncertain(self) -> bool {
        self != Certainty::Exact
    }
}

/// The days an event may cover, half-open `[start, end)` (the rule of [`period::extent`]).
pub fn extent_days(event: &Event, span: Span) -> (f64, f64) {
    let (start, end) = period::extent(event, span);
    (f64::from(start), f64::from(end))
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A single day: a dot centred on the day.
    Dot { cx: f64 },
    /// Several days: a bar, cut at the plot's edges (`open_*` says it continues there).
    Bar {
        x: f64,
        w: f64,
        open_left: bool,
        open_right: bool,
    },
}

/// An uncertain date spread over more than this many days says "sometime in this period"
/// rather than "on these days": such spans are drawn thin, below the lane's dated events, so
/// they do not hide them.
pub const BACKGROUND_SPAN_DAYS: f64 = 7.0;

/// A title drawn next to (or inside) a mark when there is room.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkLabel {
    /// Left end of the text's baseline.
    pub x: f64,
    pub text: String,
    /// Drawn over the bar itself rather than to its right.
    pub inside: bool,
}

/// One event drawn in one lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub event: usize,
    /// Index into [`TimelineLayout::lanes`].
    pub lane: usize,
    pub shape: Shape,
    /// Vertical centre of the mark's row.
    pub y: f64,
    pub certainty: Certainty,
    /// A long uncertain span (see [`BACKGROUND_SPAN_DAYS`]), drawn thin under the others.
    pub background: bool,
    /// Inside the URL's time window (or no window is set); marks outside are dimmed.
    pub in_window: bool,
    pub label: Option<MarkLabel>,
}

impl Mark {
    /// Left and right pixel edges (a dot's centre for both).
    pub fn x_range(&self) -> (f64, f64) {
        shape_range(&self.shape)
    }
}

fn shape_range(shape: &Shape) -> (f64, f64) {
    match *shape {
        Shape::Dot { cx } => (cx, cx),
        Shape::Bar { x, w, .. } => (x, x + w),
    }
}

/// How an event covering the half-open days `extent` is drawn on the plot: a dot for a
/// single day, else a bar cut at the plot's edges (at least a dot wide).
pub fn shape_of(extent: (f64, f64), scale: &TimeScale, dot_r: f64) -> Shape {
    let (start, end) = extent;
    if end - start <= 1.0 {
        return Shape::Dot {
            cx: scale.x(start + 0.5),
        };
    }
    let (p0, p1) = scale.range();
    let (x_start, x_end) = (scale.x(start), scale.x(end));
    let x = x_start.max(p0);
    let right = x_end.min(p1).max(x + 2.0 * dot_r);
    Shape::Bar {
        x,
        w: right - x,
        open_left: x_start < p0,
        open_right: x_end > p1,
    }
}

/// Bars at least this wide carry their title inside.
const INSIDE_LABEL_MIN_PX: f64 = 60.0;

fn holds_label(shape: &Shape) -> bool {
    matches!(*shape, Shape::Bar { w, .. } if w >= INSIDE_LABEL_MIN_PX)
}

/// Whether a bar holds the whole of `title` inside it; a shorter bar (a day or two, as
/// "about Nov. 23–24") gets its title beside it instead, where there is room for all of it.
fn title_fits_inside(shape: &Shape, title: &str, font: f64) -> bool {
    holds_label(shape)
        && matches!(*shape, Shape::Bar { w, .. } if estimate_label_width(title, font) + 8.0 <= w)
}

/// A background event in the "Earlier" strip: a small square in its lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub event: usize,
    pub lane: usize,
    /// Top-left corner.
    pub x: f64,
    pub y: f64,
    pub certainty: Certainty,
    pub in_window: bool,
}

/// One lane band.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBand {
    pub def: LaneDef,
    pub y: f64,
    pub h: f64,
    /// The lane's name wrapped to the gutter.
    pub lines: Vec<String>,
    /// Distinct events drawn in the lane (marks and chips).
    pub count: usize,
}

impl AsRef<LaneDef> for LaneBand {
    fn as_ref(&self) -> &LaneDef {
        &self.def
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub lanes: Vec<LaneBand>,
    pub marks: Vec<Mark>,
    pub chips: Vec<Chip>,
    /// Total height of the lane bands.
    pub height: f64,
    pub plot: (f64, f64),
    pub earlier: (f64, f64),
    /// Sizes the marks are drawn at.
    pub rows: RowMetrics,
    /// Whether marks carry their titles at this zoom.
    pub labelled: bool,
}

impl TimelineLayout {
    /// Top and bottom of the first place event `e` is drawn, for scrolling it into view.
    pub fn event_rows(&self, e: usize, geometry: &Geometry) -> Option<(f64, f64)> {
        let half = self.rows.row_h / 2.0;
        self.marks
            .iter()
            .find(|m| m.event == e)
            .map(|m| (m.y - half, m.y + half))
            .or_else(|| {
                self.chips
                    .iter()
                    .find(|c| c.event == e)
                    .map(|c| (c.y, c.y + geometry.chip))
            })
    }

    /// Whether event `e` is drawn in `lane` (as a mark or an "Earlier" square).
    pub fn draws_in_lane(&self, e: usize, lane: usize) -> bool {
        self.marks.iter().any(|m| m.lane == lane && m.event == e)
            || self.chips.iter().any(|c| c.lane == lane && c.event == e)
    }
}

/// What to lay out.
pub struct TimelineInput<'a> {
    pub catalog: &'a Catalog,
    /// Events to draw, in date order (see [`super::events_ignoring_window`]).
    pub events: &'a [usize],
    /// Events inside the time window, ascending (the exploration's `shown`).
    pub in_window: &'a [usize],
    pub mode: LaneMode,
    /// Its range must be [`Geometry::plot_range`].
    pub scale: &'a TimeScale,
    pub geometry: Geometry,
}

/// An event placed in a lane before rows are known.
struct Pending {
    event: usize,
    lane: usize,
    shape: Shape,
    certainty: Certainty,
    background: bool,
    in_window: bool,
    /// Pixels it blocks in its row, gap included.
    blocks: (f64, f64),
}

/// Lays the timeline out; see the module docs.
pub fn layout_timeline(input: &TimelineInput) -> TimelineLayout {
    let TimelineInput {
        catalog,
        events,
        in_window,
        mode,
        scale,
        geometry: g,
    } = *input;
    let lanes = lane_defs(catalog, mode);
    let (p0, p1) = scale.range();
    let labelled = scale.px_per_day() >= g.label_min_px_per_day;
    let rows = g.rows(labelled);
    let mut pending: Vec<Pending> = Vec::new();
    let mut strip: Vec<Vec<(usize, Certainty, bool)>> = vec![Vec::new(); lanes.len()];
    for &e in events {
        let (Some(event), Some(&span)) = (catalog.events().get(e), catalog.spans.get(e)) else {
            continue;
        };
        let certainty = Certainty::of(event);
        let inside = in_window.binary_search(&e).is_ok();
        let (start, end) = extent_days(event, span);
        let earlier = event.context && start < scale.start();
        if !earlier && (end <= scale.start() || start >= scale.end()) {
            continue;
        }
        for lane in lanes_of(catalog, &lanes, e) {
            if earlier {
                strip[lane].push((e, certainty, inside));
                continue;
            }
            let shape = shape_of((start, end), scale, rows.dot_r);
            let blocks = match shape {
                Shape::Dot { cx } => {
                    let reach = rows.dot_r + g.mark_gap / 2.0;
                    (cx - reach, cx + reach)
                }
                Shape::Bar { x, w, .. } => (x - g.mark_gap / 2.0, x + w + g.mark_gap / 2.0),
            };
            let background = certainty.is_uncertain() && end - start > BACKGROUND_SPAN_DAYS;
            let (_, right) = shape_range(&shape);
            let blocks =
                if labelled && !background && !title_fits_inside(&shape, &event.title, g.font) {
                    // Keep room for the title (or most of it) to the right.
                    let title = estimate_label_width(&event.title, g.font) + rows.dot_r + 3.0;
                    (blocks.0, blocks.1.max(right + title.min(g.label_reserve)))
                } else {
                    blocks
                };
            pending.push(Pending {
                event: e,
                lane,
                shape,
                certainty,
                background,
                in_window: inside,
                blocks,
            });
        }
    }

    // Rows are packed on pixel extents: `pack_lanes` treats `end` as inclusive and adds one
    // unit, hence the `- 1.0`. Dated events and background spans of a lane are packed as two
    // groups (group `2 * lane + background`), the background rows going below.
    let items: Vec<LaneItem<usize>> = pending
        .iter()
        .map(|p| LaneItem {
            lane: 2 * p.lane + usize::from(p.background),
            key: p.event,
            start: p.blocks.0,
            end: p.blocks.1 - 1.0,
        })
        .collect();
    let packing = pack_lanes(&items, 0.0);
    let group_rows = |group: usize| packing.rows_per_lane.get(group).copied().unwrap_or(0);

    let columns = g.chip_columns();
    let text_w = g.gutter - 8.0;
    let mut bands = Vec::with_capacity(lanes.len());
    let mut y = 0.0;
    for (index, def) in lanes.into_iter().enumerate() {
        let lines = wrap_label(&def.short, text_w, g.font, 3);
        let marks_h = group_rows(2 * index) as f64 * rows.row_h
            + group_rows(2 * index + 1) as f64 * rows.background_row_h;
        let chips_h = strip[index].len().div_ceil(columns) as f64 * rows.row_h;
        let text_h = lines.len() as f64 * g.font * 1.2;
        let h = marks_h.max(chips_h).max(text_h).max(rows.row_h) + 2.0 * g.lane_pad;
        let mut drawn: Vec<usize> = pending
            .iter()
            .filter(|p| p.lane == index)
            .map(|p| p.event)
            .chain(strip[index].iter().map(|&(e, _, _)| e))
            .collect();
        drawn.sort_unstable();
        drawn.dedup();
        bands.push(LaneBand {
            def,
            y,
            h,
            lines,
            count: drawn.len(),
        });
        y += h;
    }

    let row_y = |lane: usize, row: usize, background: bool| {
        let top = bands[lane].y + g.lane_pad;
        if background {
            let below = group_rows(2 * lane) as f64 * rows.row_h;
            top + below + (row as f64 + 0.5) * rows.background_row_h
        } else {
            top + (row as f64 + 0.5) * rows.row_h
        }
    };
    let mut marks: Vec<Mark> = pending
        .into_iter()
        .zip(&packing.rows)
        .map(|(p, &row)| Mark {
            event: p.event,
            lane: p.lane,
            y: row_y(p.lane, row, p.background),
            shape: p.shape,
            certainty: p.certainty,
            background: p.background,
            in_window: p.in_window,
            label: None,
        })
        .collect();
    if labelled {
        place_mark_labels(catalog, &mut marks, (p0, p1), &g, rows.dot_r);
    }

    let (s0, _) = g.earlier_range();
    let chips = strip
        .iter()
        .enumerate()
        .flat_map(|(lane, members)| {
            let band = &bands[lane];
            members
                .iter()
                .enumerate()
                .map(move |(k, &(event, certainty, in_window))| Chip {
                    event,
                    lane,
                    x: s0 + g.chip_gap + (k % columns) as f64 * (g.chip + g.chip_gap),
                    y: band.y
                        + g.lane_pad
                        + (k / columns) as f64 * rows.row_h
                        + (rows.row_h - g.chip) / 2.0,
                    certainty,
                    in_window,
                })
        })
        .collect();

    TimelineLayout {
        lanes: bands,
        marks,
        chips,
        height: y,
        plot: (p0, p1),
        earlier: g.earlier_range(),
        rows,
        labelled,
    }
}

/// Gives each mark its title where the text fits before the next mark in its row: right of
/// dots and short bars, inside bars wide enough to hold it.
fn place_mark_labels(
    catalog: &Catalog,
    marks: &mut [Mark],
    plot: (f64, f64),
    g: &Geometry,
    dot_r: f64,
) {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| {
        (marks[a].lane, marks[a].y.to_bits())
            .cmp(&(marks[b].lane, marks[b].y.to_bits()))
            .then(marks[a].x_range().0.total_cmp(&marks[b].x_range().0))
    });
    // Right end of what the row already draws (marks and their labels), left to right.
    let mut taken = plot.0;
    for (k, &m) in order.iter().enumerate() {
        let same_row = |n: usize| marks[n].lane == marks[m].lane && marks[n].y == marks[m].y;
        if k == 0 || !same_row(order[k - 1]) {
            taken = plot.0;
        }
        let (left, right) = marks[m].x_range();
        if marks[m].background {
            // Thin rows have no room for text; the title is in the mark's name and tooltip.
            taken = taken.max(right);
            continue;
        }
        let next_start = order
            .get(k + 1)
            .filter(|&&n| same_row(n))
            .map_or(plot.1, |&n| marks[n].x_range().0 - dot_r - 4.0);
        let title = &catalog.events()[marks[m].event].title;
        let inside = holds_label(&marks[m].shape)
            .then(|| {
                let x = left + 4.0;
                fit_label(title, right - 4.0 - x, g.font).map(|text| MarkLabel {
                    x,
                    text,
                    inside: true,
                })
            })
            .flatten();
        let beside = || {
            let x = right + dot_r + 3.0;
            fit_label(title, next_start - x, g.font).map(|text| MarkLabel {
                x,
                text,
                inside: false,
            })
        };
        // Left of the mark, whole, where the row is free there (near the plot's right end).
        let before = || {
            let end = left - dot_r - 3.0;
            let x = end - estimate_label_width(title, g.font);
            (x >= taken + 4.0).then(|| MarkLabel {
                x,
                text: title.clone(),
                inside: false,
            })
        };
        let chars = |l: &Option<MarkLabel>| l.as_ref().map_or(0, |l| l.text.chars().count());
        // Inside when the whole title fits there, else beside it; whole before it when
        // neither shows all of it; otherwise whichever shows more.
        let label = match inside {
            Some(label) if label.text == *title => Some(label),
            inside => {
                let beside = beside();
                let best = if chars(&beside) > chars(&inside) {
                    beside
                } else {
                    inside
                };
                match best {
                    Some(label) if label.text == *title => Some(label),
                    best => before().or(best),
                }
            }
        };
        taken = taken.max(right).max(label.as_ref().map_or(right, |l| {
            if l.inside {
                right
            } else {
                (l.x + estimate_label_width(&l.text, g.font)).max(right)
            }
        }));
        marks[m].label = label;
    }
}

/// `text`, shortened with an ellipsis to fit `max_px`, or `None` when not even a short
/// stem fits (a label of two letters helps nobody).
pub fn fit_label(text: &str, max_px: f64, font: f64) -> Option<String> {
    const MIN_CHARS: usize = 6;
    if !max_px.is_finite() || max_px <= 0.0 {
        return None;
    }
    if estimate_label_width(text, font) <= max_px {
        return Some(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    (MIN_CHARS..chars.len()).rev().find_map(|n| {
        let stem: String = chars[..n].iter().collect();
        let candidate = format!("{}…", stem.trim_end());
        (estimate_label_width(&candidate, font) <= max_px).then_some(candidate)
    })
}

/// Greedy word wrap to `max_px` per line and at most `max_lines`, the last line ending in
/// an ellipsis when words were left over.
pub fn wrap_label(text: &str, max_px: f64, font: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if estimate_label_width(&format!("{line} {word}"), font) <= max_px => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{self, Date};

    const WIDTH: f64 = 600.0;

    fn catalog() -> Catalog {
        data::load_embedded().unwrap()
    }

    fn day(text: &str) -> f64 {
        f64::from(Date::parse(text).unwrap().to_days())
    }

    /// The article's quarter, the built-in chronicle's period.
    fn quarter_days() -> (f64, f64) {
        (day("2010-10-01"), day("2011-01-01"))
    }

    fn scale_for(start: f64, end: f64) -> TimeScale {
        let (x0, x1) = Geometry::default().plot_range(WIDTH);
        TimeScale::new(start, end, x0, x1)
    }

    fn layout(catalog: &Catalog, mode: LaneMode, scale: &TimeScale) -> TimelineLayout {
        let all: Vec<usize> = (0..catalog.events().len()).collect();
        layout_timeline(&TimelineInput {
            catalog,
            events: &all,
            in_window: &all,
            mode,
            scale,
            geometry: Geometry::default(),
        })
    }

    fn quarter() -> TimeScale {
        let (start, end) = quarter_days();
        scale_for(start, end)
    }

    fn lane_named(layout: &TimelineLayout, name: &str) -> usize {
        layout
            .lanes
            .iter()
            .position(|l| l.def.title == name)
            .unwrap()
    }

    #[test]
    fn marks_sharing_a_row_never_overlap() {
        let catalog = catalog();
        for scale in [quarter(), scale_for(day("2010-11-20"), day("2010-11-27"))] {
            for mode in LaneMode::ALL {
                let layout = layout(&catalog, mode, &scale);
                let r = layout.rows.dot_r;
                let drawn = |m: &Mark| match m.shape {
                    Shape::Dot { cx } => (cx - r, cx + r),
                    Shape::Bar { x, w, .. } => (x, x + w),
                };
                for (i, a) in layout.marks.iter().enumerate() {
                    for b in &layout.marks[i + 1..] {
                        if a.lane != b.lane || a.y != b.y {
                            continue;
                        }
                        let (a0, a1) = drawn(a);
                        let (b0, b1) = drawn(b);
                        // Apart by at least the gap between marks, never touching.
                        let gap = Geometry::default().mark_gap - 1e-9;
                        assert!(
                            a1 + gap <= b0 || b1 + gap <= a0,
                            "{mode:?}: events {} and {} collide",
                            a.event,
                            b.event
                        );
                    }
                }
            }
        }
    }

    /// A phone call of the built-in chronicle, to copy onto other days.
    fn a_phone_call(dataset: &data::model::Dataset) -> data::model::Event {
        dataset
            .events
            .iter()
            .find(|e| e.id == "2010-11-27-yang-lavrov-call")
            .unwrap()
            .clone()
    }

    /// The built-in chronicle with calls added on the given days (all in November 2010) and
    /// with the given titles; the layout of those calls alone over 1–15 November, where
    /// marks are labelled. Returns the calls' marks in the first of their lanes.
    fn calls_in_early_november(calls: &[(&str, &str)]) -> Vec<Mark> {
        let mut dataset = data::parse::parse_dataset(data::EMBEDDED_DATASET).unwrap();
        let call = a_phone_call(&dataset);
        for (k, &(date, title)) in calls.iter().enumerate() {
            let mut copy = call.clone();
            (copy.id, copy.start, copy.title) = (
                format!("{date}-added-call-{k}"),
                date.to_owned(),
                title.to_owned(),
            );
            dataset.events.push(copy);
        }
        let catalog = Catalog::new(dataset);
        let ids: Vec<usize> = (0..calls.len())
            .map(|k| {
                catalog
                    .event_index(&format!("{}-added-call-{k}", calls[k].0))
                    .unwrap()
            })
            .collect();
        let mut events = ids.clone();
        events.sort_unstable();
        let scale = scale_for(day("2010-11-01"), day("2010-11-15"));
        let layout = layout_timeline(&TimelineInput {
            catalog: &catalog,
            events: &events,
            in_window: &events,
            mode: LaneMode::Sides,
            scale: &scale,
            geometry: Geometry::default(),
        });
        assert!(layout.labelled);
        let lane = layout.marks.iter().map(|m| m.lane).min().unwrap();
        ids.iter()
            .map(|&e| {
                layout
                    .marks
                    .iter()
                    .find(|m| m.event == e && m.lane == lane)
                    .unwrap()
                    .clone()
            })
            .collect()
    }

    #[test]
    fn a_short_title_keeps_only_its_own_room_in_the_row() {
        // Three days later (about 95 px) there is room for the next call after the title
        // "Phone call": they share a row.
        let marks = calls_in_early_november(&[
            ("2010-11-02", "Phone call"),
            ("2010-11-05", "Another phone call"),
        ]);
        assert_eq!(marks[0].y, marks[1].y, "{marks:?}");
        assert_eq!(marks[0].label.as_ref().unwrap().text, "Phone call");
        // Whatever the first title's length: once it ends clear of the next call's dot,
        // the next call shares its row.
        let font = Geometry::default().font;
        let mut close_fits = 0;
        for n in 0..60 {
            let title = format!("Phone call {}", "i".repeat(n));
            let marks = calls_in_early_november(&[
                ("2010-11-02", title.as_str()),
                ("2010-11-05", "Another phone call"),
            ]);
            let Some(label) = marks[0].label.as_ref().filter(|l| l.text == title) else {
                continue;
            };
            let Shape::Dot { cx } = marks[1].shape else {
                panic!("{marks:?}")
            };
            let clear = cx
                - Geometry::default().rows(true).dot_r
                - (label.x + estimate_label_width(&label.text, font));
            if clear >= 2.0 {
                assert_eq!(marks[0].y, marks[1].y, "{title}: {clear} px clear");
                close_fits += usize::from(clear < 6.0);
            }
        }
        assert!(close_fits > 0, "some title ends just before the next call");
    }

    #[test]
    fn near_the_plots_end_a_title_goes_whole_before_its_mark() {
        let title = "Ministers meet at length in Moscow";
        let marks = calls_in_early_november(&[("2010-11-02", "Phone call"), ("2010-11-14", title)]);
        assert_eq!(marks[0].y, marks[1].y, "{marks:?}");
        let label = marks[1].label.as_ref().expect("a label");
        assert_eq!(label.text, title);
        let Shape::Dot { cx } = marks[1].shape else {
            panic!("{marks:?}")
        };
        let end = label.x + estimate_label_width(&label.text, Geometry::default().font);
        assert!(end <= cx, "{label:?} ends left of the mark at {cx}");
        // And clear of the first call's title.
        let first = marks[0].label.as_ref().unwrap();
        let first_end = first.x + estimate_label_width(&first.text, Geometry::default().font);
        assert!(label.x > first_end);
    }

    #[test]
    fn a_bar_and_the_next_days_dot_keep_the_gap_or_take_two_rows() {
        // A call over 10–14 Nov and another on the 15th, at zooms where the dot's circle
        // comes within a few px of the bar's end.
        let mut dataset = data::parse::parse_dataset(data::EMBEDDED_DATASET).unwrap();
        let call = a_phone_call(&dataset);
        let mut bar = call.clone();
        (bar.id, bar.start, bar.end) = (
            "2010-11-10-long-call".into(),
            "2010-11-10".into(),
            Some("2010-11-14".into()),
        );
        let mut dot = call;
        (dot.id, dot.start) = ("2010-11-15-next-call".into(), "2010-11-15".into());
        dataset.events.push(bar);
        dataset.events.push(dot);
        let catalog = Catalog::new(dataset);
        let long = catalog.event_index("2010-11-10-long-call").unwrap();
        let next = catalog.event_index("2010-11-15-next-call").unwrap();
        let mut both = [long, next];
        both.sort_unstable();
        let g = Geometry::default();
        let (x0, x1) = g.plot_range(WIDTH);
        let mut shared = 0;
        for step in 0..200 {
            let px_per_day = 6.0 + f64::from(step) * 0.04;
            let start = day("2010-11-01");
            let scale = TimeScale::new(start, start + (x1 - x0) / px_per_day, x0, x1);
            let layout = layout_timeline(&TimelineInput {
                catalog: &catalog,
                events: &both,
                in_window: &both,
                mode: LaneMode::Sides,
                scale: &scale,
                geometry: g,
            });
            let r = layout.rows.dot_r;
            let of = |e: usize| layout.marks.iter().filter(move |m| m.event == e);
            for a in of(long) {
                for b in of(next) {
                    if a.lane != b.lane || a.y != b.y {
                        continue;
                    }
                    shared += 1;
                    let (&Shape::Bar { x, w, .. }, &Shape::Dot { cx }) = (&a.shape, &b.shape)
                    else {
                        panic!("{a:?} {b:?}");
                    };
                    assert!(
                        cx - r - (x + w) >= g.mark_gap - 1e-9,
                        "{px_per_day} px a day"
                    );
                }
            }
        }
        assert!(shared > 0, "at some zoom they share a row");
    }

    #[test]
    fn an_event_is_drawn_in_its_sides_lanes_only() {
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let koreas = lane_named(&layout, "The two Koreas");
        let others = lane_named(&layout, "Others");
        assert!(layout.draws_in_lane(shelling, koreas));
        assert!(!layout.draws_in_lane(shelling, others));
        // A background event before the quarter counts through its "Earlier" square.
        let war = catalog.event_index("1950-01-01-korean-war").unwrap();
        let chip = layout.chips.iter().find(|c| c.event == war).unwrap();
        assert!(layout.draws_in_lane(war, chip.lane));
        assert!(!layout.marks.iter().any(|m| m.event == war));
    }

    #[test]
    fn lanes_stack_without_gaps_and_hold_their_marks() {
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let mut y = 0.0;
        for band in &layout.lanes {
            assert_eq!(band.y, y);
            y += band.h;
        }
        assert_eq!(layout.height, y);
        for mark in &layout.marks {
            let band = &layout.lanes[mark.lane];
            assert!(mark.y > band.y && mark.y < band.y + band.h);
        }
    }

    #[test]
    fn an_event_with_two_sides_is_drawn_in_both_lanes() {
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let call = catalog.event_index("2010-11-27-yang-lavrov-call").unwrap();
        let lanes: Vec<&str> = layout
            .marks
            .iter()
            .filter(|m| m.event == call)
            .map(|m| layout.lanes[m.lane].def.title.as_str())
            .collect();
        assert_eq!(lanes, ["China", "Russia"]);
    }

    #[test]
    fn single_days_are_dots_and_multi_day_events_are_bars() {
        let catalog = catalog();
        let scale = quarter();
        let layout = layout(&catalog, LaneMode::Sides, &scale);
        let shape_of = |id: &str| {
            let e = catalog.event_index(id).unwrap();
            layout.marks.iter().find(|m| m.event == e).unwrap().clone()
        };
        let shelling = shape_of("2010-11-23-yeonpyeong-shelling");
        assert_eq!(
            shelling.shape,
            Shape::Dot {
                cx: scale.x(day("2010-11-23") + 0.5)
            }
        );
        assert_eq!(shelling.certainty, Certainty::Exact);
        let visit = shape_of("2010-11-22-wen-russia-visit");
        let Shape::Bar { x, w, .. } = visit.shape else {
            panic!("the three-day visit is a bar");
        };
        assert_eq!(x, scale.x(day("2010-11-22")));
        assert!((x + w - scale.x(day("2010-11-25"))).abs() < 1e-9);
        let forum = shape_of("2010-11-22-tiger-forum");
        assert_eq!(forum.certainty, Certainty::Approximate);
    }

    #[test]
    fn long_uncertain_spans_sit_below_the_dated_events_of_their_lane() {
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let china = lane_named(&layout, "China");
        let in_china = |background: bool| {
            layout
                .marks
                .iter()
                .filter(move |m| m.lane == china && m.background == background)
        };
        let lowest_dated = in_china(false).map(|m| m.y).fold(f64::MIN, f64::max);
        let highest_background = in_china(true).map(|m| m.y).fold(f64::MAX, f64::min);
        assert!(in_china(true).count() >= 3);
        assert!(highest_background > lowest_dated);
        // Thin rows right under the last dated row, one under the other.
        let (row_h, thin) = (layout.rows.row_h, layout.rows.background_row_h);
        let first_thin = lowest_dated + row_h / 2.0 + thin / 2.0;
        assert!((highest_background - first_thin).abs() < 1e-9);
        for m in in_china(true) {
            let rows_down = (m.y - first_thin) / thin;
            assert!((rows_down - rows_down.round()).abs() < 1e-9, "{m:?}");
        }
        let diaoyu = catalog
            .event_index("2010-10-01-china-japan-diaoyu-low")
            .unwrap();
        assert!(in_china(true).any(|m| m.event == diaoyu));
        // A two-day "about" date is a dated event, not background.
        let forum = catalog.event_index("2010-11-22-tiger-forum").unwrap();
        assert!(in_china(false).any(|m| m.event == forum));
    }

    #[test]
    fn month_only_dates_cover_the_whole_month() {
        let catalog = catalog();
        let e = catalog.event_index("2008-08-01-georgia-war").unwrap();
        let event = &catalog.events()[e];
        assert_eq!(
            extent_days(event, catalog.spans[e]),
            (day("2008-08-01"), day("2008-09-01"))
        );
        let mut month_only = event.clone();
        month_only.end = None;
        let span = Span {
            start: day("2010-02-01") as i32,
            end: day("2010-02-01") as i32,
        };
        assert_eq!(
            extent_days(&month_only, span),
            (day("2010-02-01"), day("2010-03-01"))
        );
        assert_eq!(Certainty::of(&month_only), Certainty::MonthOnly);
    }

    #[test]
    fn background_events_before_the_view_go_to_the_earlier_strip() {
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let cheonan = catalog.event_index("2010-03-26-cheonan-sinking").unwrap();
        let war = catalog.event_index("1950-01-01-korean-war").unwrap();
        assert!(layout
            .marks
            .iter()
            .all(|m| m.event != cheonan && m.event != war));
        let koreas = lane_named(&layout, "The two Koreas");
        assert!(layout
            .chips
            .iter()
            .any(|c| c.event == cheonan && c.lane == koreas));
        // The war involved China, Russia, the Koreas and the US: a square in each lane.
        assert_eq!(layout.chips.iter().filter(|c| c.event == war).count(), 4);
        let (s0, s1) = layout.earlier;
        for chip in &layout.chips {
            let band = &layout.lanes[chip.lane];
            assert!(chip.x >= s0 && chip.x + Geometry::default().chip <= s1);
            assert!(chip.y >= band.y && chip.y < band.y + band.h);
        }
        // A lane's squares fill the strip row by row, each centred on its row, none on
        // another.
        let g = Geometry::default();
        let mut crowded_lane = false;
        for (i, a) in layout.chips.iter().enumerate() {
            let band = &layout.lanes[a.lane];
            let row = (a.y + g.chip / 2.0 - band.y - g.lane_pad) / layout.rows.row_h - 0.5;
            assert!(row >= -1e-9 && (row - row.round()).abs() < 1e-9, "{a:?}");
            for b in layout.chips[i + 1..].iter().filter(|b| b.lane == a.lane) {
                crowded_lane = true;
                let apart = (a.x - b.x).abs() >= g.chip || (a.y - b.y).abs() >= g.chip;
                assert!(apart, "{a:?} {b:?}");
            }
        }
        assert!(crowded_lane, "some lane has two squares");
        // Zoomed out to the whole year, Cheonan sits on the plot at 26 March.
        let year = scale_for(day("2010-01-01"), day("2011-01-01"));
        let layout = self::layout(&catalog, LaneMode::Sides, &year);
        assert!(layout.chips.iter().all(|c| c.event != cheonan));
        let mark = layout.marks.iter().find(|m| m.event == cheonan).unwrap();
        assert_eq!(
            mark.shape,
            Shape::Dot {
                cx: year.x(day("2010-03-26") + 0.5)
            }
        );
    }

    #[test]
    fn events_outside_the_view_are_not_drawn_and_long_ones_are_cut() {
        let catalog = catalog();
        let scale = scale_for(day("2010-12-09"), day("2010-12-16"));
        let layout = layout(&catalog, LaneMode::Sides, &scale);
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        assert!(layout.marks.iter().all(|m| m.event != shelling));
        let drills = catalog
            .event_index("2010-12-06-rok-live-fire-drills")
            .unwrap();
        let bar = layout.marks.iter().find(|m| m.event == drills).unwrap();
        let Shape::Bar {
            x,
            w,
            open_left,
            open_right,
        } = bar.shape
        else {
            panic!("the drills are a bar");
        };
        assert!(open_left && open_right);
        assert_eq!((x, x + w), layout.plot);
    }

    #[test]
    fn the_window_flag_follows_the_in_window_list() {
        let catalog = catalog();
        let all: Vec<usize> = (0..catalog.events().len()).collect();
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let only = [shelling];
        let scale = quarter();
        let layout = layout_timeline(&TimelineInput {
            catalog: &catalog,
            events: &all,
            in_window: &only,
            mode: LaneMode::Sides,
            scale: &scale,
            geometry: Geometry::default(),
        });
        assert!(layout
            .marks
            .iter()
            .all(|m| m.in_window == (m.event == shelling)));
    }

    #[test]
    fn november_is_chinas_and_december_russias() {
        // The article's argument, as the default view must show it: Beijing busiest in
        // November, Moscow stepping up in December.
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let count = |lane: &str, from: &str, to: &str| {
            let lane = lane_named(&layout, lane);
            let (from, to) = (day(from), day(to));
            layout
                .marks
                .iter()
                .filter(|m| m.lane == lane && m.certainty == Certainty::Exact)
                .filter(|m| {
                    let d = f64::from(catalog.spans[m.event].start);
                    d >= from && d < to
                })
                .count()
        };
        let china_nov = count("China", "2010-11-01", "2010-12-01");
        let china_dec = count("China", "2010-12-01", "2011-01-01");
        let russia_nov = count("Russia", "2010-11-01", "2010-12-01");
        let russia_dec = count("Russia", "2010-12-01", "2011-01-01");
        assert!(china_nov > china_dec, "China {china_nov} vs {china_dec}");
        assert!(russia_dec > 0 && russia_nov > 0);
    }

    #[test]
    fn labels_appear_when_zoomed_in_and_fit_before_the_next_mark() {
        let catalog = catalog();
        let g = Geometry::default();
        assert!(layout(&catalog, LaneMode::Sides, &quarter())
            .marks
            .iter()
            .all(|m| m.label.is_none()));
        let week = scale_for(day("2010-12-13"), day("2010-12-20"));
        let layout = layout(&catalog, LaneMode::Sides, &week);
        let labelled: Vec<&Mark> = layout.marks.iter().filter(|m| m.label.is_some()).collect();
        assert!(labelled.len() >= 5, "{} labels", labelled.len());
        assert!(labelled.iter().all(|m| !m.background));
        // Room is kept for titles: most dated marks show a good part of theirs.
        let readable = labelled
            .iter()
            .filter(|m| m.label.as_ref().unwrap().text.chars().count() >= 15)
            .count();
        assert!(
            readable * 4 >= labelled.len() * 3,
            "{readable} of {}",
            labelled.len()
        );
        for mark in &labelled {
            let label = mark.label.as_ref().unwrap();
            let end = label.x + estimate_label_width(&label.text, g.font);
            assert!(end <= layout.plot.1 + 1e-9);
            // Inside its bar, or clear of the mark drawn, to its right or left.
            let (left, right) = match mark.shape {
                Shape::Dot { cx } => (cx - layout.rows.dot_r, cx + layout.rows.dot_r),
                Shape::Bar { x, w, .. } => (x, x + w),
            };
            if label.inside {
                assert!(left < label.x && end <= right, "{mark:?}");
            } else {
                assert!(label.x >= right || end <= left, "{mark:?}");
            }
            for other in &layout.marks {
                if other.lane == mark.lane && other.y == mark.y && other.x_range().0 > label.x {
                    assert!(end <= other.x_range().0, "label runs into the next mark");
                }
            }
        }
    }

    #[test]
    fn the_selected_event_scrolls_to_its_row() {
        let catalog = catalog();
        let g = Geometry::default();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        let half = layout.rows.row_h / 2.0;
        // A dated event: the row of the first place it is drawn.
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let mark = layout.marks.iter().find(|m| m.event == shelling).unwrap();
        assert_eq!(
            layout.event_rows(shelling, &g),
            Some((mark.y - half, mark.y + half))
        );
        // Before the view: its square in the strip.
        let war = catalog.event_index("1950-01-01-korean-war").unwrap();
        let chip = layout.chips.iter().find(|c| c.event == war).unwrap();
        assert_eq!(layout.event_rows(war, &g), Some((chip.y, chip.y + g.chip)));
        // Not drawn: nowhere to scroll to.
        assert_eq!(layout.event_rows(usize::MAX, &g), None);
    }

    #[test]
    fn the_week_after_the_shelling_reads_in_whole_titles() {
        // The window Nov. 23–30 zoomed to, as wide as the timeline at 1280×800: the
        // immediate reactions, dated "about Nov. 23–24", once read "Beijing voic…",
        // "Lavrov wa…", "Russian Fo…" and "Prime mini…".
        let catalog = catalog();
        let (x0, x1) = Geometry::default().plot_range(650.0);
        let week = TimeScale::new(day("2010-11-23"), day("2010-12-01"), x0, x1);
        let layout = layout(&catalog, LaneMode::Sides, &week);
        let title = |m: &Mark| catalog.events()[m.event].title.as_str();
        for id in [
            "2010-11-23-china-urges-restraint",
            "2010-11-23-lavrov-colossal-danger",
            "2010-11-23-russian-mfa-statement",
            "2010-11-23-pm-joint-communique",
            "2010-11-23-china-proposes-emergency-talks",
        ] {
            let e = catalog.event_index(id).unwrap();
            let marks: Vec<&Mark> = layout.marks.iter().filter(|m| m.event == e).collect();
            assert!(!marks.is_empty(), "{id}");
            for mark in marks {
                let label = mark.label.as_ref().map(|l| l.text.as_str());
                assert_eq!(label, Some(title(mark)), "{id} in lane {}", mark.lane);
            }
        }
        // And the week as a whole: seven in eight labels are whole titles (those cut are
        // near the right end, in rows busy on both sides).
        let labels: Vec<&Mark> = layout
            .marks
            .iter()
            .filter(|m| !m.background && m.in_window)
            .collect();
        let whole = labels
            .iter()
            .filter(|m| m.label.as_ref().is_some_and(|l| l.text == title(m)))
            .count();
        assert!(whole * 8 >= labels.len() * 7, "{whole} of {}", labels.len());
    }

    #[test]
    fn labels_are_shortened_to_fit() {
        assert_eq!(fit_label("Lavrov", 200.0, 11.0).as_deref(), Some("Lavrov"));
        let short = fit_label("Wen Jiabao meets Medvedev in Moscow", 80.0, 11.0).unwrap();
        assert!(short.ends_with('…'));
        assert!(estimate_label_width(&short, 11.0) <= 80.0);
        assert_eq!(fit_label("Wen Jiabao meets Medvedev", 12.0, 11.0), None);
        assert_eq!(fit_label("x", f64::NAN, 11.0), None);
    }

    #[test]
    fn lane_names_wrap_within_the_gutter() {
        let lines = wrap_label("Institutional and security cooperation", 88.0, 11.0, 3);
        assert!(lines.len() >= 2);
        for line in &lines {
            assert!(
                estimate_label_width(line.trim_end_matches('…'), 11.0) <= 88.0,
                "{line}"
            );
        }
        assert_eq!(wrap_label("China", 88.0, 11.0, 3), ["China"]);
        // Words share a line while they fit.
        assert_eq!(wrap_label("North Korea", 88.0, 11.0, 3), ["North Korea"]);
        let cut = wrap_label("a b c d e f", 1.0, 11.0, 2);
        assert_eq!(cut, ["a", "b…"]);
        assert!(wrap_label("", 88.0, 11.0, 3).is_empty());
    }

    #[test]
    fn a_tiny_or_unmeasured_width_still_lays_out() {
        let catalog = catalog();
        let g = Geometry::default();
        for width in [0.0, 10.0, f64::NAN] {
            let (x0, x1) = g.plot_range(width);
            assert!(x1 > x0);
            let (start, end) = quarter_days();
            let scale = TimeScale::new(start, end, x0, x1);
            let layout = layout(&catalog, LaneMode::Storylines, &scale);
            assert!(layout.height > 0.0);
        }
    }

    #[test]
    fn china_and_russia_fit_the_view_together_at_the_default_zoom() {
        // The view shows about 230 px of lanes; the two lanes the article compares come
        // first and must both fit, so the contrast is visible without scrolling.
        let catalog = catalog();
        let layout = layout(&catalog, LaneMode::Sides, &quarter());
        assert!(!layout.labelled);
        let heights: Vec<(String, f64)> = layout
            .lanes
            .iter()
            .map(|l| (l.def.short.clone(), l.h))
            .collect();
        assert_eq!(heights[0].0, "China");
        assert_eq!(heights[1].0, "Russia");
        assert!(heights[0].1 + heights[1].1 <= 230.0, "{heights:?}");
    }

    #[test]
    fn rows_grow_when_marks_are_labelled() {
        let g = Geometry::default();
        let (compact, labelled) = (g.rows(false), g.rows(true));
        assert!(labelled.row_h > compact.row_h);
        for rows in [compact, labelled] {
            assert!(2.0 * rows.dot_r < rows.row_h);
            assert!(rows.bar_h < rows.row_h);
            assert!(rows.background_bar_h < rows.background_row_h);
            assert!(rows.background_row_h < rows.row_h);
        }
    }
}
