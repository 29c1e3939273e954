//! The timeline's horizontal axis: a linear map from day numbers to pixels, with zooming,
//! panning and calendar ticks.
//!
//! Days are `f64` day numbers (days since 1970-01-01, as [`Date::to_days`]); day `d` covers
//! `[d, d + 1)`, so an event on day `d` is drawn from `x(d)` to `x(d + 1)`. The domain is
//! half-open `[start, end)`. Where it starts and how far it may go are the chronicle's
//! [`Period`]: for the built-in one, `[1 Oct 2010, 1 Jan 2011)` within all of 2010.

use super::text::estimate_label_width;
use crate::data::date::{days_in_month, Date};
use crate::data::Period;

/// Narrowest visible span: two days still shows one event next to its neighbour.
pub const MIN_SPAN_DAYS: f64 = 2.0;
/// Tick labels closer than this (in px) are judged unreadable, so a coarser step is used.
pub const MIN_LABEL_SPACING_PX: f64 = 50.0;
/// Font size the axis labels are drawn with; used to check that the widest label fits.
pub const TICK_FONT_PX: f64 = 11.0;
/// Gap left between neighbouring tick labels beyond their estimated width.
const TICK_LABEL_GAP_PX: f64 = 8.0;

fn days(pair: (i32, i32)) -> (f64, f64) {
    (f64::from(pair.0), f64::from(pair.1))
}

/// Linear day → pixel map with a clamped, zoomable domain.
///
/// Invariants kept by every mutator: `min_day <= start`, `end <= max_day`, and
/// `min_span <= end - start <= max_day - min_day`.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeScale {
    start: f64,
    end: f64,
    x0: f64,
    x1: f64,
    min_day: f64,
    max_day: f64,
    min_span: f64,
    /// The domain [`TimeScale::reset`] returns to: the chronicle's period.
    home: (f64, f64),
}

impl TimeScale {
    /// A scale showing `period`'s months on pixels `[x0, x1]`, within its reach (pan and
    /// zoom stop there). A degenerate pixel range (`x1 <= x0`) is widened to one pixel so
    /// the inverse stays finite.
    pub fn of(period: Period, x0: f64, x1: f64) -> TimeScale {
        let (min_day, max_day) = days(period.reach);
        let home = days(period.focus);
        let mut scale = TimeScale {
            start: min_day,
            end: max_day,
            x0: 0.0,
            x1: 1.0,
            min_day,
            max_day,
            min_span: MIN_SPAN_DAYS,
            home,
        };
        scale.set_range(x0, x1);
        scale.set_domain(home.0, home.1);
        scale
    }

    /// A scale showing `[start_day, end_day)` within the built-in chronicle's reach (all
    /// of 2010), for tests about it.
    #[cfg(test)]
    pub fn new(start_day: f64, end_day: f64, x0: f64, x1: f64) -> TimeScale {
        let mut scale = TimeScale::of(Period::default(), x0, x1);
        scale.set_domain(start_day, end_day);
        scale
    }

    /// The built-in chronicle's quarter on pixels `[x0, x1]`, for tests about it.
    #[cfg(test)]
    pub fn with_default_domain(x0: f64, x1: f64) -> TimeScale {
        TimeScale::of(Period::default(), x0, x1)
    }

    /// Replaces the pan/zoom bounds and the minimum span, re-clamping the current domain.
    /// Ignored when the bounds are not finite or not increasing.
    pub fn with_bounds(mut self, min_day: f64, max_day: f64, min_span_days: f64) -> TimeScale {
        if min_day.is_finite() && max_day.is_finite() && max_day > min_day {
            self.min_day = min_day;
            self.max_day = max_day;
            if min_span_days.is_finite() && min_span_days > 0.0 {
                self.min_span = min_span_days;
            }
            let (start, end) = (self.start, self.end);
            self.set_domain(start, end);
        }
        self
    }

    /// First visible day (inclusive, fractional).
    pub fn start(&self) -> f64 {
        self.start
    }

    /// End of the visible domain (exclusive, fractional).
    pub fn end(&self) -> f64 {
        self.end
    }

    /// The pixel range `(x0, x1)`.
    pub fn range(&self) -> (f64, f64) {
        (self.x0, self.x1)
    }

    /// The pan/zoom bounds `(min_day, max_day)`.
    pub fn bounds(&self) -> (f64, f64) {
        (self.min_day, self.max_day)
    }

    /// Visible length in days.
    pub fn span_days(&self) -> f64 {
        self.end - self.start
    }

    /// Zoom level: how many pixels one day occupies.
    pub fn px_per_day(&self) -> f64 {
        (self.x1 - self.x0) / self.span_days()
    }

    /// Converts a pixel length to days, e.g. a minimum mark width for lane packing.
    pub fn days_for_px(&self, px: f64) -> f64 {
        px / self.px_per_day()
    }

    /// Pixel position of (the start of) `day`.
    pub fn x(&self, day: f64) -> f64 {
        self.x0 + (day - self.start) * self.px_per_day()
    }

    /// Inverse of [`TimeScale::x`]: the fractional day under pixel `x`.
    pub fn day_at(&self, x: f64) -> f64 {
        self.start + (x - self.x0) / self.px_per_day()
    }

    /// True when `day` lies in the visible half-open domain.
    pub fn contains(&self, day: f64) -> bool {
        day >= self.start && day < self.end
    }

    /// Sets the pixel range (e.g. after the container is resized); the domain is unchanged.
    pub fn set_range(&mut self, x0: f64, x1: f64) {
        let x0 = if x0.is_finite() { x0 } else { 0.0 };
        self.x0 = x0;
        self.x1 = if x1.is_finite() && x1 > x0 {
            x1
        } else {
            x0 + 1.0
        };
    }

    /// Shows `[start_day, end_day)`, clamped to the bounds. A span below the minimum grows
    /// around its centre; one above the maximum shrinks to the bounds. Non-finite input is
    /// ignored so a bad URL parameter cannot poison the view.
    pub fn set_domain(&mut self, start_day: f64, end_day: f64) {
        if !start_day.is_finite() || !end_day.is_finite() {
            return;
        }
        let (start_day, end_day) = if end_day < start_day {
            (end_day, start_day)
        } else {
            (start_day, end_day)
        };
        let span = self.clamp_span(end_day - start_day);
        let centre = (start_day + end_day) / 2.0;
        self.place(centre - span / 2.0, span);
    }

    /// Returns to the chronicle's period (clamped to the current bounds).
    pub fn reset(&mut self) {
        let (start, end) = self.home;
        self.set_domain(start, end);
    }

    /// Zooms by `factor` (> 1 zooms in, < 1 out) keeping the day under pixel `around_x` under
    /// that pixel, as a map does under the mouse wheel. Near the bounds the domain is shifted
    /// back inside, so the anchor may move there; that is preferable to showing empty time.
    pub fn zoom(&mut self, factor: f64, around_x: f64) {
        if !factor.is_finite() || factor <= 0.0 || !around_x.is_finite() {
            return;
        }
        let frac = ((around_x - self.x0) / (self.x1 - self.x0)).clamp(0.0, 1.0);
        let anchor_x = self.x0 + frac * (self.x1 - self.x0);
        let anchor_day = self.day_at(anchor_x);
        let span = self.clamp_span(self.span_days() / factor);
        self.place(anchor_day - frac * span, span);
    }

    /// Pans by a pointer drag of `dx_px` pixels: the content follows the pointer, so a drag
    /// to the right (positive) reveals earlier days.
    pub fn pan(&mut self, dx_px: f64) {
        if !dx_px.is_finite() {
            return;
        }
        let span = self.span_days();
        let start = self.start - dx_px / self.px_per_day();
        self.place(start, span);
    }

    fn clamp_span(&self, span: f64) -> f64 {
        let max_span = self.max_day - self.min_day;
        span.clamp(self.min_span.min(max_span), max_span)
    }

    /// Puts a domain of `span` days starting near `start` inside the bounds.
    fn place(&mut self, start: f64, span: f64) {
        let start = start.clamp(self.min_day, self.max_day - span);
        self.start = start;
        self.end = start + span;
    }

    /// Axis ticks for the current zoom with the default label spacing.
    pub fn ticks(&self) -> Ticks {
        self.ticks_with_spacing(MIN_LABEL_SPACING_PX)
    }

    /// Axis ticks whose minor step is the finest calendar unit whose labels stay at least
    /// `min_spacing_px` apart (and never closer than the widest label of that unit).
    pub fn ticks_with_spacing(&self, min_spacing_px: f64) -> Ticks {
        let minor_unit = self.choose_unit(min_spacing_px);
        let major_unit = minor_unit.context();
        let minor = self.ticks_of(minor_unit);
        let major = if major_unit == minor_unit {
            Vec::new()
        } else {
            self.ticks_of(major_unit)
        };
        let first_day = Date::from_days(self.start.floor() as i32);
        Ticks {
            minor_unit,
            major_unit,
            minor,
            major,
            context: major_unit.label(first_day, true),
        }
    }

    fn choose_unit(&self, min_spacing_px: f64) -> TickUnit {
        let px_per_day = self.px_per_day();
        TickUnit::FINEST_FIRST
            .into_iter()
            .find(|unit| {
                let needed = min_spacing_px.max(
                    estimate_label_width(unit.widest_label(), TICK_FONT_PX) + TICK_LABEL_GAP_PX,
                );
                unit.min_gap_days() * px_per_day >= needed
            })
            .unwrap_or(TickUnit::COARSEST)
    }

    /// All boundaries of `unit` inside the half-open domain, left to right.
    fn ticks_of(&self, unit: TickUnit) -> Vec<Tick> {
        let first = self.start.ceil() as i32;
        let last_exclusive = self.end.ceil() as i32;
        let centre_label = unit.labels_a_whole_day();
        let mut ticks: Vec<Tick> = Vec::new();
        let mut date = Date::from_days(first);
        let mut day = first;
        while day < last_exclusive {
            if unit.is_boundary(date) {
                let x = self.x(f64::from(day));
                let label_x = if centre_label {
                    self.x(f64::from(day) + 0.5)
                } else {
                    x
                };
                ticks.push(Tick {
                    day,
                    x,
                    label_x,
                    label: unit.label(date, ticks.is_empty()),
                });
            }
            let next = unit.next_candidate(date);
            if next <= day {
                break; // never, but a step that does not move on must not hang the page
            }
            day = next;
            date = Date::from_days(day);
        }
        ticks
    }
}

/// Calendar step between ticks, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TickUnit {
    /// Every day, labelled with the day of the month ("23").
    Day,
    /// Odd days of the month ("1", "3", …), skipping the month's last day so the step
    /// never shrinks to one day across a month boundary.
    TwoDays,
    /// Mondays, labelled "8 Nov".
    Week,
    /// The 1st and 16th, labelled "16 Nov".
    HalfMonth,
    /// First of each month, labelled "Nov" (with the year on the first tick and in January).
    Month,
    /// January, April, July and October, labelled like months.
    Quarter,
    /// First of January, labelled "2010".
    Year,
    /// First of January of every n-th year (n ≥ 2: 1950, 1960, …), labelled like years, so
    /// a chronicle over decades or centuries gets readable years.
    Years(u16),
}

impl TickUnit {
    const FINEST_FIRST: [TickUnit; 16] = [
        TickUnit::Day,
        TickUnit::TwoDays,
        TickUnit::Week,
        TickUnit::HalfMonth,
        TickUnit::Month,
        TickUnit::Quarter,
        TickUnit::Year,
        TickUnit::Years(2),
        TickUnit::Years(5),
        TickUnit::Years(10),
        TickUnit::Years(20),
        TickUnit::Years(50),
        TickUnit::Years(100),
        TickUnit::Years(200),
        TickUnit::Years(500),
        TickUnit::Years(1000),
    ];
    const COARSEST: TickUnit = TickUnit::Years(1000);

    /// Smallest distance in days between consecutive ticks; spacing is checked against it
    /// so that even the tightest pair of labels fits (e.g. 16 Feb → 1 Mar is 13 days).
    pub fn min_gap_days(self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::TwoDays => 2.0,
            TickUnit::Week => 7.0,
            TickUnit::HalfMonth => 13.0,
            TickUnit::Month => 28.0,
            TickUnit::Quarter => 90.0,
            TickUnit::Year => 365.0,
            TickUnit::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// The longest label this unit produces, for the fit check.
    fn widest_label(self) -> &'static str {
        match self {
            TickUnit::Day | TickUnit::TwoDays => "28",
            TickUnit::Week | TickUnit::HalfMonth => "28 Nov",
            TickUnit::Month | TickUnit::Quarter => "Oct 2010",
            TickUnit::Year | TickUnit::Years(_) => "2010",
        }
    }

    /// The coarser unit drawn as the major row to give the minor labels their context.
    /// Years have none, which is signalled by returning itself.
    pub fn context(self) -> TickUnit {
        match self {
            TickUnit::Day | TickUnit::TwoDays | TickUnit::Week | TickUnit::HalfMonth => {
                TickUnit::Month
            }
            TickUnit::Month | TickUnit::Quarter | TickUnit::Year => TickUnit::Year,
            TickUnit::Years(_) => self,
        }
    }

    /// Day-sized units label the day cell itself, so their labels sit mid-day.
    fn labels_a_whole_day(self) -> bool {
        matches!(self, TickUnit::Day | TickUnit::TwoDays)
    }

    fn is_boundary(self, date: Date) -> bool {
        match self {
            TickUnit::Day => true,
            TickUnit::TwoDays => {
                date.day % 2 == 1 && date.day < days_in_month(date.year, date.month)
            }
            TickUnit::Week => date.weekday() == 0,
            TickUnit::HalfMonth => date.day == 1 || date.day == 16,
            TickUnit::Month => date.day == 1,
            TickUnit::Quarter => date.day == 1 && date.month % 3 == 1,
            TickUnit::Year => date.day == 1 && date.month == 1,
            TickUnit::Years(n) => {
                date.day == 1 && date.month == 1 && date.year.rem_euclid(i32::from(n)) == 0
            }
        }
    }

    /// The next day that may be a boundary after `date`: tomorrow, or for units of months
    /// and years the next month's or year's first day, so decades are not walked day by day.
    fn next_candidate(self, date: Date) -> i32 {
        match self {
            TickUnit::Day | TickUnit::TwoDays | TickUnit::Week | TickUnit::HalfMonth => {
                date.to_days() + 1
            }
            TickUnit::Month | TickUnit::Quarter => {
                let rest = days_in_month(date.year, date.month) - date.day;
                date.to_days() + i32::from(rest) + 1
            }
            TickUnit::Year | TickUnit::Years(_) => Date {
                year: date.year + 1,
                month: 1,
                day: 1,
            }
            .to_days(),
        }
    }

    /// Label for the tick on `date`; `first` marks the leftmost tick, which carries the year
    /// for month-like units so the axis is never ambiguous.
    fn label(self, date: Date, first: bool) -> String {
        match self {
            TickUnit::Day | TickUnit::TwoDays => date.day.to_string(),
            TickUnit::Week | TickUnit::HalfMonth => {
                format!("{} {}", date.day, date.month_abbrev())
            }
            TickUnit::Month | TickUnit::Quarter => {
                if first || date.month == 1 {
                    format!("{} {}", date.month_abbrev(), date.year)
                } else {
                    date.month_abbrev().to_string()
                }
            }
            TickUnit::Year | TickUnit::Years(_) => date.year.to_string(),
        }
    }
}

/// One tick: a day boundary and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Day number of the boundary.
    pub day: i32,
    /// Pixel of the boundary (where the grid line goes).
    pub x: f64,
    /// Pixel where the label's centre goes: mid-day for day units, else the boundary.
    pub label_x: f64,
    pub label: String,
}

/// Two rows of ticks: `minor` at the chosen step and `major` at its context unit (months for
/// day/week steps, years for month steps). Positions of the two rows may coincide (1 Nov 2010
/// is a Monday); they are meant for separate rows of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    pub minor_unit: TickUnit,
    pub major_unit: TickUnit,
    pub minor: Vec<Tick>,
    /// Empty when the minor unit is already `Year`.
    pub major: Vec<Tick>,
    /// The major-unit label of the first visible day ("Nov 2010"), for a sticky header when
    /// no major boundary is in view.
    pub context: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> f64 {
        f64::from(Date::parse(text).unwrap().to_days())
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn default_domain_is_the_quarter_end_exclusive() {
        let scale = TimeScale::with_default_domain(0.0, 920.0);
        assert_eq!(scale.start(), day("2010-10-01"));
        assert_eq!(scale.end(), day("2011-01-01"));
        assert_eq!(scale.span_days(), 92.0);
        assert!(close(scale.px_per_day(), 10.0));
    }

    #[test]
    fn x_and_day_at_are_inverse() {
        let scale = TimeScale::with_default_domain(40.0, 940.0);
        assert!(close(scale.x(scale.start()), 40.0));
        assert!(close(scale.x(scale.end()), 940.0));
        for px in [40.0, 41.5, 300.0, 939.9, -10.0] {
            assert!(close(scale.x(scale.day_at(px)), px));
        }
        let shelling = day("2010-11-23");
        assert!(close(scale.day_at(scale.x(shelling)), shelling));
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer() {
        let mut scale = TimeScale::with_default_domain(0.0, 900.0);
        let pointer = 450.0;
        let before = scale.day_at(pointer);
        scale.zoom(2.0, pointer);
        assert!(close(scale.span_days(), 46.0));
        assert!(close(scale.day_at(pointer), before));
        scale.zoom(0.5, 123.0);
        assert!(close(scale.span_days(), 92.0));
    }

    #[test]
    fn zoom_in_stops_at_the_minimum_span() {
        let mut scale = TimeScale::with_default_domain(0.0, 900.0);
        for _ in 0..50 {
            scale.zoom(1.5, 300.0);
        }
        assert!(close(scale.span_days(), MIN_SPAN_DAYS));
    }

    #[test]
    fn zoom_out_reaches_all_of_2010_including_cheonan() {
        let mut scale = TimeScale::with_default_domain(0.0, 900.0);
        for _ in 0..50 {
            scale.zoom(0.5, 800.0);
        }
        assert_eq!(scale.start(), day("2010-01-01"));
        assert_eq!(scale.end(), day("2011-01-01"));
        assert!(scale.contains(day("2010-03-26")));
    }

    #[test]
    fn pan_follows_the_pointer_and_stops_at_bounds() {
        let mut scale = TimeScale::with_default_domain(0.0, 920.0);
        scale.pan(100.0); // 10 px per day: drag right by 10 days → earlier
        assert!(close(scale.start(), day("2010-09-21")));
        assert!(close(scale.span_days(), 92.0));
        scale.pan(-1_000_000.0);
        assert_eq!(scale.end(), day("2011-01-01"));
        assert!(close(scale.span_days(), 92.0));
        scale.pan(1_000_000.0);
        assert_eq!(scale.start(), day("2010-01-01"));
    }

    #[test]
    fn set_domain_clamps_and_rejects_garbage() {
        let mut scale = TimeScale::with_default_domain(0.0, 900.0);
        scale.set_domain(day("2010-11-23"), day("2010-11-23"));
        assert!(close(scale.span_days(), MIN_SPAN_DAYS));
        assert!(close(scale.start(), day("2010-11-22")));
        scale.set_domain(day("2009-01-01"), day("2012-01-01"));
        assert_eq!((scale.start(), scale.end()), days(Period::default().reach));
        let before = scale.clone();
        scale.set_domain(f64::NAN, 3.0);
        assert_eq!(scale, before);
        scale.reset();
        assert_eq!((scale.start(), scale.end()), days(Period::default().focus));
    }

    #[test]
    fn degenerate_range_stays_invertible() {
        let scale = TimeScale::with_default_domain(10.0, 10.0);
        assert!(scale.px_per_day() > 0.0);
        assert!(scale.day_at(10.5).is_finite());
    }

    #[test]
    fn custom_bounds_apply() {
        let scale = TimeScale::with_default_domain(0.0, 900.0).with_bounds(
            day("2010-11-01"),
            day("2010-12-01"),
            1.0,
        );
        assert_eq!(
            (scale.start(), scale.end()),
            (day("2010-11-01"), day("2010-12-01"))
        );
    }

    #[test]
    fn default_quarter_on_900px_has_month_majors_and_week_minors() {
        let ticks = TimeScale::with_default_domain(0.0, 900.0).ticks();
        assert_eq!(ticks.major_unit, TickUnit::Month);
        let majors: Vec<&str> = ticks.major.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(majors, ["Oct 2010", "Nov", "Dec"]);
        assert_eq!(ticks.major[1].day as f64, day("2010-11-01"));
        assert_eq!(ticks.minor_unit, TickUnit::Week);
        // 1 Nov 2010 was a Monday, so the weeks start 4 Oct.
        assert_eq!(ticks.minor[0].label, "4 Oct");
        assert!(ticks.minor.iter().any(|t| t.label == "8 Nov"));
        assert_eq!(ticks.minor.len(), 13);
        assert_eq!(ticks.context, "Oct 2010");
    }

    #[test]
    fn default_quarter_on_a_narrow_axis_uses_month_ticks() {
        let ticks = TimeScale::with_default_domain(0.0, 300.0).ticks();
        assert_eq!(ticks.minor_unit, TickUnit::Month);
        let labels: Vec<&str> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Oct 2010", "Nov", "Dec"]);
        assert_eq!(ticks.major_unit, TickUnit::Year);
        assert!(ticks.major.is_empty(), "no 1 Jan in the quarter");
        assert_eq!(ticks.context, "2010");
    }

    #[test]
    fn one_week_on_900px_gives_day_ticks() {
        let scale = TimeScale::new(day("2010-11-20"), day("2010-11-27"), 0.0, 900.0);
        let ticks = scale.ticks();
        assert_eq!(ticks.minor_unit, TickUnit::Day);
        let labels: Vec<&str> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["20", "21", "22", "23", "24", "25", "26"]);
        // Day labels sit mid-day.
        let shelling = &ticks.minor[3];
        assert!(close(shelling.x, scale.x(day("2010-11-23"))));
        assert!(close(
            shelling.label_x - shelling.x,
            scale.px_per_day() / 2.0
        ));
        assert!(ticks.major.is_empty());
        assert_eq!(ticks.context, "Nov 2010");
    }

    #[test]
    fn ticks_stay_inside_the_domain_and_far_enough_apart() {
        let mut scale = TimeScale::with_default_domain(0.0, 900.0);
        for step in 0..60 {
            let factor = if step < 30 { 1.3 } else { 0.6 };
            scale.zoom(factor, 137.0 + f64::from(step) * 11.0);
            scale.pan(f64::from(step % 7) * 13.0 - 40.0);
            let ticks = scale.ticks();
            for tick in ticks.minor.iter().chain(&ticks.major) {
                assert!(scale.contains(f64::from(tick.day)), "{tick:?} outside");
                assert!(tick.x >= 0.0 && tick.x <= 900.0);
            }
            for pair in ticks.minor.windows(2) {
                assert!(
                    pair[1].x - pair[0].x >= MIN_LABEL_SPACING_PX - 1e-9,
                    "{pair:?}"
                );
            }
        }
    }

    #[test]
    fn half_month_and_two_day_ticks_have_expected_days() {
        // 92 days at 400 px/… pick widths that land on each unit.
        let half = TimeScale::with_default_domain(0.0, 92.0 * 4.0);
        assert_eq!(half.ticks().minor_unit, TickUnit::HalfMonth);
        let labels: Vec<String> = half.ticks().minor.into_iter().map(|t| t.label).collect();
        assert_eq!(
            labels,
            ["1 Oct", "16 Oct", "1 Nov", "16 Nov", "1 Dec", "16 Dec"]
        );

        let two = TimeScale::new(day("2010-10-25"), day("2010-11-08"), 0.0, 14.0 * 30.0);
        let ticks = two.ticks();
        assert_eq!(ticks.minor_unit, TickUnit::TwoDays);
        let labels: Vec<String> = ticks.minor.into_iter().map(|t| t.label).collect();
        // 31 Oct is skipped so 29 Oct → 1 Nov keeps a 3-day gap.
        assert_eq!(labels, ["25", "27", "29", "1", "3", "5", "7"]);
        assert_eq!(
            ticks.major[0].label, "Nov 2010",
            "first major tick carries the year"
        );
    }

    #[test]
    fn a_whole_year_on_a_small_axis_falls_back_to_quarters_or_years() {
        let mut scale = TimeScale::with_default_domain(0.0, 400.0);
        scale.zoom(0.01, 0.0);
        let ticks = scale.ticks();
        assert_eq!(ticks.minor_unit, TickUnit::Quarter);
        let labels: Vec<String> = ticks.minor.into_iter().map(|t| t.label).collect();
        assert_eq!(labels, ["Jan 2010", "Apr", "Jul", "Oct"]);
        assert_eq!(ticks.major[0].label, "2010");

        scale.set_range(0.0, 100.0);
        let ticks = scale.ticks();
        assert_eq!(ticks.minor_unit, TickUnit::Year);
        assert_eq!(ticks.minor.len(), 1);
        assert!(ticks.major.is_empty());
    }

    /// The period of a chronicle of the Korean War: Jun 1950 – Jul 1953 within 1950–1953.
    fn war() -> Period {
        Period {
            focus: (day("1950-06-01") as i32, day("1953-08-01") as i32),
            reach: (day("1950-01-01") as i32, day("1954-01-01") as i32),
        }
    }

    #[test]
    fn a_scale_of_another_period_starts_there_and_stays_in_its_years() {
        let mut scale = TimeScale::of(war(), 0.0, 900.0);
        assert_eq!(
            (scale.start(), scale.end()),
            (day("1950-06-01"), day("1953-08-01"))
        );
        assert_eq!(scale.bounds(), (day("1950-01-01"), day("1954-01-01")));
        for _ in 0..50 {
            scale.zoom(0.5, 800.0);
        }
        assert_eq!(scale.bounds(), (scale.start(), scale.end()));
        scale.set_domain(day("2010-11-20"), day("2010-11-30"));
        assert_eq!(scale.end(), day("1954-01-01"), "a 2010 span is clamped");
        assert!(close(scale.span_days(), 10.0));
        scale.reset();
        assert_eq!(
            (scale.start(), scale.end()),
            (day("1950-06-01"), day("1953-08-01"))
        );
    }

    #[test]
    fn years_of_a_war_get_quarter_or_year_ticks() {
        let ticks = TimeScale::of(war(), 0.0, 900.0).ticks();
        assert_eq!(ticks.minor_unit, TickUnit::Quarter);
        let labels: Vec<&str> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels[..3], ["Jul 1950", "Oct", "Jan 1951"]);
        assert_eq!(labels.last(), Some(&"Jul"));
        let majors: Vec<&str> = ticks.major.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(majors, ["1951", "1952", "1953"]);
        assert_eq!(ticks.context, "1950");

        let narrow = TimeScale::of(war(), 0.0, 300.0).ticks();
        assert_eq!(narrow.minor_unit, TickUnit::Year);
        let labels: Vec<&str> = narrow.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["1951", "1952", "1953"]);
        assert!(narrow.major.is_empty());
    }

    #[test]
    fn months_carry_on_across_a_new_year() {
        let mut scale = TimeScale::of(war(), 0.0, 400.0);
        scale.set_domain(day("1950-11-15"), day("1951-03-15"));
        let ticks = scale.ticks_with_spacing(60.0);
        assert_eq!(ticks.minor_unit, TickUnit::Month);
        let labels: Vec<&str> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Dec 1950", "Jan 1951", "Feb", "Mar"]);
        let days: Vec<i32> = ticks.minor.iter().map(|t| t.day).collect();
        assert_eq!(days[1], day("1951-01-01") as i32);
        assert_eq!(days[3], day("1951-03-01") as i32);
    }

    /// A period of whole years, `first..=last`.
    fn years(first: &str, last: &str) -> Period {
        let start = day(&format!("{first}-01-01")) as i32;
        let end = day(&format!("{last}-12-31")) as i32 + 1;
        Period {
            focus: (start, end),
            reach: (start, end),
        }
    }

    #[test]
    fn decades_and_centuries_get_round_years_far_enough_apart() {
        let cases = [
            (years("1900", "1990"), 900.0, TickUnit::Years(10), "1900"),
            (years("1815", "2014"), 900.0, TickUnit::Years(20), "1820"),
            (years("0602", "0698"), 900.0, TickUnit::Years(10), "610"),
            (years("0602", "0698"), 300.0, TickUnit::Years(20), "620"),
            (years("1000", "2999"), 900.0, TickUnit::Years(200), "1000"),
            (years("0001", "9998"), 600.0, TickUnit::Years(1000), "1000"),
        ];
        for (period, width, unit, first) in cases {
            let scale = TimeScale::of(period, 0.0, width);
            let ticks = scale.ticks();
            assert_eq!(ticks.minor_unit, unit, "{period:?} on {width} px");
            assert_eq!(ticks.minor[0].label, first, "{period:?}");
            assert!(ticks.major.is_empty());
            for pair in ticks.minor.windows(2) {
                assert!(pair[1].x - pair[0].x >= MIN_LABEL_SPACING_PX, "{pair:?}");
                let step =
                    pair[1].label.parse::<i32>().unwrap() - pair[0].label.parse::<i32>().unwrap();
                assert_eq!(
                    step.to_string(),
                    match unit {
                        TickUnit::Years(n) => n.to_string(),
                        _ => unreachable!(),
                    }
                );
            }
            let year_start = |t: &Tick| {
                let date = Date::from_days(t.day);
                (date.month, date.day)
            };
            assert!(ticks.minor.iter().all(|t| year_start(t) == (1, 1)));
        }
    }

    #[test]
    fn every_year_of_a_few_gets_its_tick() {
        let ticks = TimeScale::of(years("2015", "2019"), 0.0, 300.0).ticks();
        assert_eq!(ticks.minor_unit, TickUnit::Year);
        let labels: Vec<&str> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2015", "2016", "2017", "2018", "2019"]);
    }

    #[test]
    fn without_a_minimum_spacing_the_widest_label_decides() {
        let fits = |label: &str| estimate_label_width(label, TICK_FONT_PX) + TICK_LABEL_GAP_PX;
        // A month slightly narrower than "Oct 2010" (though wider than five letters): quarters.
        let px_per_day = fits("Oct 2010") / 28.0 * 0.95;
        assert!(28.0 * px_per_day > fits("xyzzy"));
        let quarter = TimeScale::with_default_domain(0.0, 92.0 * px_per_day);
        assert_eq!(
            quarter.ticks_with_spacing(0.0).minor_unit,
            TickUnit::Quarter
        );
        // A day slightly narrower than "28": every other day.
        let px_per_day = fits("28") * 0.95;
        let days = TimeScale::new(day("2010-11-20"), day("2010-11-30"), 0.0, 10.0 * px_per_day);
        assert_eq!(days.ticks_with_spacing(0.0).minor_unit, TickUnit::TwoDays);
    }

    #[test]
    fn days_for_px_matches_the_zoom() {
        let scale = TimeScale::with_default_domain(0.0, 920.0);
        assert!(close(scale.days_for_px(6.0), 0.6));
    }
}
