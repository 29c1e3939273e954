//! The compare view's relative axis in pixels: which days it shows, where a day is, its
//! ticks, and each track's marks packed into rows (or, for a crowded track, its events per
//! day). Pure, so the drawing's maths is tested natively.
//!
//! A mark stands where the event *began*: one day for an event dated to the day, the whole
//! range of days it may have begun on for a month-precision or approximate one (drawn as a
//! range, never as a day).

use super::relative::{DayRange, Placement};

/// The narrowest a day is drawn, px: a long axis scrolls rather than crush its days.
pub const MIN_DAY_PX: f64 = 6.0;
/// The narrowest mark, px, so a day's mark stays a target for a pointer.
pub const MIN_MARK_PX: f64 = 10.0;
/// Ticks stand at least this far apart, px.
pub const MIN_TICK_PX: f64 = 44.0;
/// A track with more events than this on the axis is drawn as events per day.
pub const DENSITY_ABOVE: usize = 300;
/// An event that may have begun on any of more days than this does not stretch the axis
/// (a year-long "about 2010" would squeeze the quarter into a corner).
pub const LONG_RANGE_DAYS: i32 = 62;

/// Tick steps in days, smallest first: days, weeks, four-week months, quarters, years.
const TICK_STEPS: [i32; 9] = [1, 2, 7, 14, 28, 56, 91, 182, 364];

/// The days the axis shows: `days` each side of day 0 when a period is set; otherwise
/// every day an event of `placed` may have begun on (long ranges aside), day 0 included,
/// with a day to spare at both ends.
pub fn domain(placed: &[Placement], days: Option<u32>) -> DayRange {
    if let Some(days) = days {
        let reach = days.min(i32::MAX as u32 / 2) as i32;
        return DayRange {
            lo: -reach,
            hi: reach,
        };
    }
    let short = |p: &&Placement| p.begins.hi - p.begins.lo <= LONG_RANGE_DAYS;
    let (lo, hi) = placed.iter().filter(short).fold((0, 0), |(lo, hi), p| {
        (lo.min(p.begins.lo), hi.max(p.begins.hi))
    });
    DayRange {
        lo: lo.saturating_sub(1),
        hi: hi.saturating_add(1),
    }
}

/// Whether an event that may have begun on `begins` is drawn on an axis of `days` (see
/// [`Axis::shows`]).
pub fn drawn(days: DayRange, begins: DayRange) -> bool {
    begins.hi >= days.lo && begins.lo <= days.hi && begins.hi - begins.lo <= LONG_RANGE_DAYS
}

/// Days to pixels: day `lo` begins at x = 0, each day is `day_px` wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub days: DayRange,
    pub day_px: f64,
}

impl Axis {
    /// The axis of `days` spread over `width` px, no narrower than [`MIN_DAY_PX`] a day.
    pub fn fit(days: DayRange, width: f64) -> Axis {
        let count = f64::from(days.hi - days.lo + 1);
        let day_px = if width.is_finite() {
            (width / count).max(MIN_DAY_PX)
        } else {
            MIN_DAY_PX
        };
        Axis { days, day_px }
    }

    /// Where day `day` begins, px.
    pub fn x(&self, day: i32) -> f64 {
        f64::from(day - self.days.lo) * self.day_px
    }

    /// The whole axis, px.
    pub fn width(&self) -> f64 {
        self.x(self.days.hi + 1)
    }

    /// Whether an event that may have begun on `begins` is drawn: it may have begun on a
    /// day of the axis, and is not dated so loosely (more than [`LONG_RANGE_DAYS`]) that it
    /// would only be a bar across everything.
    pub fn shows(&self, begins: DayRange) -> bool {
        drawn(self.days, begins)
    }

    /// The labelled days: multiples of the smallest step that keeps ticks
    /// [`MIN_TICK_PX`] apart (so day 0 is always one).
    pub fn ticks(&self) -> Vec<i32> {
        let step = TICK_STEPS
            .into_iter()
            .find(|&s| f64::from(s) * self.day_px >= MIN_TICK_PX)
            .unwrap_or(TICK_STEPS[TICK_STEPS.len() - 1]);
        let first = self.days.lo.div_euclid(step) * step;
        let first = if first < self.days.lo {
            first + step
        } else {
            first
        };
        (0..)
            .map(|i| first + i * step)
            .take_while(|&day| day <= self.days.hi)
            .collect()
    }
}

/// One event's mark on a track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub event: usize,
    pub x: f64,
    pub width: f64,
    /// The row of the track it is packed into, 0 on top.
    pub row: usize,
    /// It may have begun on any of several days: drawn as a range.
    pub range: bool,
    /// It may have begun before the axis starts, or after it ends.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The marks of the `placed` events on the axis, packed into rows so no two overlap (marks
/// may touch: the drawing insets each by a pixel): the single days first, each in the first
/// row where it fits, then the ranges below or between them, so the precise dates stay
/// together on top. Returned in the order given (the chronicle's, the tab order).
pub fn marks(axis: &Axis, placed: &[(usize, Placement)]) -> Vec<Mark> {
    // The spans taken in each row.
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out: Vec<(usize, Mark)> = Vec::new();
    for ranges in [false, true] {
        for (at, &(event, placement)) in placed.iter().enumerate() {
            let begins = placement.begins;
            if begins.is_day() == ranges || !axis.shows(begins) {
                continue;
            }
            let lo = begins.lo.max(axis.days.lo);
            let hi = begins.hi.min(axis.days.hi);
            let (left, right) = (axis.x(lo), axis.x(hi + 1));
            // A narrow mark is widened about its middle.
            let width = (right - left).max(MIN_MARK_PX);
            let x = (left + right - width) / 2.0;
            let (start, end) = (x, x + width);
            let free = |taken: &Vec<(f64, f64)>| taken.iter().all(|&(a, b)| b <= start || end <= a);
            let row = match rows.iter().position(free) {
                Some(row) => row,
                None => {
                    rows.push(Vec::new());
                    rows.len() - 1
                }
            };
            rows[row].push((start, end));
            let mark = Mark {
                event,
                x,
                width,
                row,
                range: ranges,
                cut_before: begins.lo < axis.days.lo,
                cut_after: begins.hi > axis.days.hi,
            };
            out.push((at, mark));
        }
    }
    crate::sorting::sort_by_key(&mut out, |&(at, _)| at);
    out.into_iter().map(|(_, mark)| mark).collect()
}

/// How many of the `placed` events began (at the earliest) on each day of the axis, for a
/// crowded track: `(day, count)` for the days with any, ascending.
pub fn per_day(axis: &Axis, placed: &[(usize, Placement)]) -> Vec<(i32, usize)> {
    let mut counts = std::collections::BTreeMap::new();
    for (_, placement) in placed {
        if axis.shows(placement.begins) {
            let day = placement.begins.lo.max(axis.days.lo);
            *counts.entry(day).or_insert(0) += 1;
        }
    }
    counts.into_iter().collect()
}

/// How many of the `placed` events the axis shows.
pub fn on_axis(axis: &Axis, placed: &[(usize, Placement)]) -> usize {
    placed.iter().filter(|(_, p)| axis.shows(p.begins)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::compare::relative::Moment;

    fn at(lo: i32, hi: i32) -> Placement {
        Placement {
            begins: DayRange { lo, hi },
            covers: DayRange { lo, hi: hi + 1 },
            moment: Moment::After,
        }
    }

    #[test]
    fn the_domain_holds_every_short_beginning_and_day_0() {
        let placed = [at(-3, -3), at(5, 5), at(10, 40), at(-300, 30)];
        assert_eq!(domain(&placed, None), DayRange { lo: -4, hi: 41 });
        assert_eq!(domain(&[at(4, 6)], None), DayRange { lo: -1, hi: 7 });
        assert_eq!(domain(&[at(-9, -2)], None), DayRange { lo: -10, hi: 1 });
        assert_eq!(domain(&[], None), DayRange { lo: -1, hi: 1 });
        // Exactly LONG_RANGE_DAYS of uncertainty still counts.
        assert_eq!(
            domain(&[at(0, LONG_RANGE_DAYS)], None),
            DayRange {
                lo: -1,
                hi: LONG_RANGE_DAYS + 1
            }
        );
        assert_eq!(domain(&placed, Some(10)), DayRange { lo: -10, hi: 10 });
        assert_eq!(domain(&placed, Some(u32::MAX)).lo, -(i32::MAX / 2));
    }

    #[test]
    fn days_are_spread_over_the_width_but_never_too_thin() {
        let axis = Axis::fit(DayRange { lo: -5, hi: 4 }, 500.0);
        assert_eq!(axis.day_px, 50.0);
        assert_eq!(axis.x(-5), 0.0);
        assert_eq!(axis.x(0), 250.0);
        assert_eq!(axis.width(), 500.0);
        let long = Axis::fit(DayRange { lo: 0, hi: 999 }, 500.0);
        assert_eq!(long.day_px, MIN_DAY_PX);
        assert_eq!(long.width(), 6000.0);
        assert_eq!(
            Axis::fit(DayRange { lo: 0, hi: 9 }, f64::NAN).day_px,
            MIN_DAY_PX
        );
        assert!(axis.shows(DayRange { lo: 4, hi: 9 }));
        assert!(axis.shows(DayRange { lo: -9, hi: -5 }));
        assert!(!axis.shows(DayRange { lo: 5, hi: 9 }));
        assert!(!axis.shows(DayRange { lo: -9, hi: -6 }));
        // Dated too loosely to draw: a range of more than LONG_RANGE_DAYS.
        assert!(long.shows(DayRange {
            lo: -LONG_RANGE_DAYS,
            hi: 0
        }));
        assert!(!long.shows(DayRange {
            lo: -LONG_RANGE_DAYS - 1,
            hi: 0
        }));
    }

    #[test]
    fn ticks_are_multiples_of_a_step_that_leaves_room_for_labels() {
        let wide = Axis::fit(DayRange { lo: -3, hi: 4 }, 800.0);
        assert_eq!(wide.ticks(), [-3, -2, -1, 0, 1, 2, 3, 4]);
        // 10 px a day: a tick a week.
        let week = Axis::fit(DayRange { lo: -10, hi: 29 }, 400.0);
        assert_eq!(week.ticks(), [-7, 0, 7, 14, 21, 28]);
        // 44 px exactly is enough.
        let exact = Axis::fit(DayRange { lo: 0, hi: 9 }, 440.0);
        assert_eq!(exact.ticks(), (0..=9).collect::<Vec<_>>());
        let years = Axis {
            days: DayRange {
                lo: -1000,
                hi: 1000,
            },
            day_px: 0.01,
        };
        assert_eq!(years.ticks(), [-728, -364, 0, 364, 728]);
    }

    #[test]
    fn marks_pack_into_rows_without_overlap() {
        let axis = Axis::fit(DayRange { lo: 0, hi: 9 }, 200.0);
        let placed = [
            (0, at(1, 1)),
            (1, at(1, 1)),
            (2, at(2, 2)),
            (3, at(1, 3)),
            (4, at(12, 12)),
        ];
        let got = marks(&axis, &placed);
        let rows: Vec<(usize, usize)> = got.iter().map(|m| (m.event, m.row)).collect();
        assert_eq!(rows, [(0, 0), (1, 1), (2, 0), (3, 2)]);
        assert_eq!((got[0].x, got[0].width), (20.0, 20.0));
        assert!(!got[0].range);
        // A range covers every day it may have begun on.
        assert_eq!((got[3].x, got[3].width), (20.0, 60.0));
        assert!(got[3].range);
        // Ranges are packed after the days, into the first row with room.
        let got = marks(&axis, &[(0, at(1, 3)), (1, at(6, 6))]);
        assert_eq!(
            got.iter().map(|m| (m.event, m.row)).collect::<Vec<_>>(),
            [(0, 0), (1, 0)]
        );
        let got = marks(&axis, &[(0, at(1, 8)), (1, at(6, 6))]);
        assert_eq!(
            got.iter().map(|m| (m.event, m.row)).collect::<Vec<_>>(),
            [(0, 1), (1, 0)]
        );
        // Marks that touch share a row; marks widened into each other do not.
        let tight = Axis::fit(DayRange { lo: 0, hi: 99 }, 600.0);
        let got = marks(&tight, &[(0, at(10, 10)), (1, at(11, 11)), (2, at(12, 12))]);
        // 58..68, 64..74, 70..80.
        assert_eq!(got.iter().map(|m| m.row).collect::<Vec<_>>(), [0, 1, 0]);
        let touching = Axis::fit(DayRange { lo: 0, hi: 9 }, 100.0);
        let got = marks(&touching, &[(0, at(0, 0)), (1, at(1, 1))]);
        assert_eq!((got[1].x, got[1].row), (10.0, 0));
    }

    #[test]
    fn narrow_days_widen_marks_about_their_middle_and_cut_ranges_say_so() {
        let axis = Axis::fit(DayRange { lo: 0, hi: 99 }, 600.0);
        let got = marks(&axis, &[(7, at(10, 10)), (8, at(-5, 2)), (9, at(95, 120))]);
        assert_eq!(got[0].width, MIN_MARK_PX);
        assert_eq!(got[0].x, 60.0 + 3.0 - 5.0);
        assert!(got[1].cut_before && !got[1].cut_after);
        assert_eq!((got[1].x, got[1].width), (0.0, 18.0));
        assert!(got[2].cut_after && !got[2].cut_before);
        // Beginning on the axis's first or last day is not cut.
        let ends = marks(&axis, &[(1, at(0, 0)), (2, at(99, 99)), (3, at(0, 99))]);
        for mark in ends {
            assert!(!mark.cut_before && !mark.cut_after, "{mark:?}");
        }
        assert_eq!(got[2].x + got[2].width, axis.width());
    }

    #[test]
    fn a_crowded_track_counts_beginnings_per_day() {
        let axis = Axis::fit(DayRange { lo: -2, hi: 2 }, 100.0);
        let placed = [
            (0, at(0, 0)),
            (1, at(0, 3)),
            (2, at(-9, -1)),
            (3, at(5, 6)),
            (4, at(-1, -1)),
        ];
        assert_eq!(per_day(&axis, &placed), [(-2, 1), (-1, 1), (0, 2)]);
        assert_eq!(on_axis(&axis, &placed), 4);
    }
}
