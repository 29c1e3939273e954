//! The URL's time window (`from`/`to`, inclusive dates) in the timeline's units (half-open
//! day ranges), and keeping a selected event in view.

use crate::data::Date;
use crate::query::Filters;

/// The window of `filters` as days `[from, to + 1)`; an open end is replaced by the matching
/// end of `bounds`. `None` when no window is set.
pub fn window_days(filters: &Filters, bounds: (f64, f64)) -> Option<(f64, f64)> {
    if filters.from.is_none() && filters.to.is_none() {
        return None;
    }
    let start = filters
        .from
        .map_or(bounds.0, |d| f64::from(d.to_days()).max(bounds.0));
    let end = filters
        .to
        .map_or(bounds.1, |d| f64::from(d.to_days() + 1).min(bounds.1));
    Some((start, end.max(start)))
}

/// Snaps a dragged range of days to whole days, as the inclusive dates the URL carries.
/// At least one day; `None` for non-finite input.
pub fn snap_window(start: f64, end: f64) -> Option<(Date, Date)> {
    if !start.is_finite() || !end.is_finite() {
        return None;
    }
    let (start, end) = if end < start {
        (end, start)
    } else {
        (start, end)
    };
    let from = start.round();
    let end_exclusive = end.round().max(from + 1.0);
    let to = end_exclusive - 1.0;
    let in_range = |d: f64| d.abs() < 1.0e7;
    (in_range(from) && in_range(to))
        .then(|| (Date::from_days(from as i32), Date::from_days(to as i32)))
}

/// `filters` with the window replaced (or removed with `None`).
pub fn with_window(filters: &Filters, window: Option<(Date, Date)>) -> Filters {
    Filters {
        from: window.map(|w| w.0),
        to: window.map(|w| w.1),
        ..filters.clone()
    }
}

/// What the two date fields hold, as a window to apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypedWindow {
    /// Apply this window (either end may be open).
    Apply(Option<Date>, Option<Date>),
    /// The reader is still typing: change nothing yet.
    Wait,
    /// The fields cannot make a window; say why and change nothing.
    Problem(String),
}

/// Reads the date fields (`YYYY-MM-DD` or empty). While the reader types (`finished` is
/// false: a field's value changed), only a complete window inside the data's `bounds` is
/// applied, so the partial years a date field reports keystroke by keystroke (`0002-11-30`)
/// never reach the link. When the reader is done (Enter, or focus left the field), dates
/// outside the data are brought to its first or last day. A start after the end is never
/// swapped silently: it is a problem to fix.
pub fn typed_window(from: &str, to: &str, bounds: (Date, Date), finished: bool) -> TypedWindow {
    let read = |text: &str| -> Result<Option<Date>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        Date::parse(text)
            .map(Some)
            .ok_or_else(|| format!("“{text}” is not a date"))
    };
    let (from, to) = match (read(from), read(to)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(problem), _) | (_, Err(problem)) => {
            return if finished {
                TypedWindow::Problem(problem)
            } else {
                TypedWindow::Wait
            };
        }
    };
    let inside = |date: Option<Date>| date.is_none_or(|d| bounds.0 <= d && d <= bounds.1);
    let complete = inside(from) && inside(to);
    if !finished && !complete {
        return TypedWindow::Wait;
    }
    let clamp = |date: Option<Date>| date.map(|d| d.max(bounds.0).min(bounds.1));
    let (from, to) = (clamp(from), clamp(to));
    match (from, to) {
        (Some(from), Some(to)) if to < from => {
            if finished {
                TypedWindow::Problem(format!(
                    "The window starts ({}) after it ends ({}): change one of the dates",
                    from.display_long(),
                    to.display_long()
                ))
            } else {
                TypedWindow::Wait
            }
        }
        _ => TypedWindow::Apply(from, to),
    }
}

/// How the window reads: "9–17 Dec 2010", "from 9 Dec 2010", "until 17 Dec 2010".
pub fn window_label(filters: &Filters) -> Option<String> {
    match (filters.from, filters.to) {
        (Some(from), Some(to)) if from == to => Some(from.display_long()),
        (Some(from), Some(to)) if from < to => Some(crate::present::range(from, to)),
        (Some(from), Some(to)) => Some(crate::present::range(to, from)),
        (Some(from), None) => Some(format!("from {}", from.display_long())),
        (None, Some(to)) => Some(format!("until {}", to.display_long())),
        (None, None) => None,
    }
}

/// The domain to show so that `item` (half-open days) is in view, keeping the zoom: `None`
/// when it is visible already. An item fitting in the view is centred; a longer one only
/// needs to overlap the view, else its start is brought in near the left edge.
pub fn reveal(domain: (f64, f64), item: (f64, f64)) -> Option<(f64, f64)> {
    let span = domain.1 - domain.0;
    let length = item.1 - item.0;
    if span.is_nan() || span <= 0.0 || !length.is_finite() || !item.0.is_finite() {
        return None;
    }
    if length <= span {
        if item.0 >= domain.0 && item.1 <= domain.1 {
            return None;
        }
        let start = item.0 + length / 2.0 - span / 2.0;
        return Some((start, start + span));
    }
    if item.0 < domain.1 && item.1 > domain.0 {
        return None;
    }
    let start = item.0 - span * 0.1;
    Some((start, start + span))
}

/// Like [`reveal`], but leaves the view alone for an item entirely outside `bounds` (the
/// range the view can pan to): such background events are shown in the "Earlier" strip.
pub fn reveal_within(
    domain: (f64, f64),
    bounds: (f64, f64),
    item: (f64, f64),
) -> Option<(f64, f64)> {
    if item.1 <= bounds.0 || item.0 >= bounds.1 {
        return None;
    }
    reveal(domain, item)
}

/// The scroll offset that shows rows `[top, bottom)` in a viewport of `view_h` px scrolled
/// to `view_top`, moving as little as possible; `None` when they are visible already.
pub fn scroll_least_to_show(top: f64, bottom: f64, view_top: f64, view_h: f64) -> Option<f64> {
    const MARGIN: f64 = 4.0;
    if ![top, bottom, view_top, view_h]
        .iter()
        .all(|v| v.is_finite())
    {
        return None;
    }
    if top < view_top {
        Some((top - MARGIN).max(0.0))
    } else if bottom > view_top + view_h {
        Some((bottom + MARGIN - view_h).max(0.0))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    const BOUNDS: (&str, &str) = ("2008-08-01", "2010-12-31");

    fn typed(from: &str, to: &str, finished: bool) -> TypedWindow {
        typed_window(from, to, (d(BOUNDS.0), d(BOUNDS.1)), finished)
    }

    #[test]
    fn partial_years_typed_key_by_key_change_nothing() {
        for partial in ["0002-11-30", "0020-11-30", "0201-11-30"] {
            assert_eq!(typed("2010-11-23", partial, false), TypedWindow::Wait);
        }
        assert_eq!(
            typed("2010-11-23", "2010-11-30", false),
            TypedWindow::Apply(Some(d("2010-11-23")), Some(d("2010-11-30")))
        );
    }

    #[test]
    fn a_finished_date_outside_the_data_is_brought_inside() {
        assert_eq!(
            typed("0001-11-23", "2030-01-01", true),
            TypedWindow::Apply(Some(d(BOUNDS.0)), Some(d(BOUNDS.1)))
        );
        assert_eq!(
            typed("", "2010-11-30", true),
            TypedWindow::Apply(None, Some(d("2010-11-30")))
        );
        assert_eq!(typed("", "", true), TypedWindow::Apply(None, None));
    }

    #[test]
    fn a_backwards_window_is_a_problem_never_a_silent_swap() {
        assert_eq!(typed("2010-12-17", "2010-12-09", false), TypedWindow::Wait);
        match typed("2010-12-17", "2010-12-09", true) {
            TypedWindow::Problem(text) => {
                assert!(
                    text.contains("17 Dec 2010") && text.contains("9 Dec 2010"),
                    "{text}"
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_that_is_no_date_is_named_when_the_reader_is_done() {
        assert_eq!(typed("2010-13-45", "", false), TypedWindow::Wait);
        assert_eq!(
            typed("2010-13-45", "", true),
            TypedWindow::Problem("“2010-13-45” is not a date".into())
        );
    }

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn day(text: &str) -> f64 {
        f64::from(date(text).to_days())
    }

    const YEAR: (f64, f64) = (14_610.0, 14_975.0);

    #[test]
    fn the_window_covers_its_last_day() {
        let filters = Filters {
            from: Some(date("2010-12-09")),
            to: Some(date("2010-12-17")),
            ..Filters::default()
        };
        assert_eq!(
            window_days(&filters, YEAR),
            Some((day("2010-12-09"), day("2010-12-18")))
        );
        assert_eq!(window_days(&Filters::default(), YEAR), None);
        let open = Filters {
            from: Some(date("2010-12-09")),
            ..Filters::default()
        };
        assert_eq!(window_days(&open, YEAR), Some((day("2010-12-09"), YEAR.1)));
    }

    #[test]
    fn a_drag_snaps_to_whole_days() {
        let (from, to) = snap_window(day("2010-12-09") + 0.3, day("2010-12-17") + 0.8).unwrap();
        assert_eq!((from, to), (date("2010-12-09"), date("2010-12-17")));
        // Backwards drags and slivers still give at least one day.
        let (from, to) = snap_window(day("2010-12-10") + 0.1, day("2010-12-09") + 0.9).unwrap();
        assert_eq!((from, to), (date("2010-12-10"), date("2010-12-10")));
        assert_eq!(snap_window(f64::NAN, 3.0), None);
        assert_eq!(snap_window(0.0, 1.0e12), None);
    }

    #[test]
    fn windows_read_naturally() {
        let mut filters = with_window(
            &Filters {
                q: "lavrov".into(),
                ..Filters::default()
            },
            Some((date("2010-12-09"), date("2010-12-17"))),
        );
        assert_eq!(filters.q, "lavrov");
        assert_eq!(window_label(&filters).as_deref(), Some("9–17 Dec 2010"));
        filters.to = None;
        assert_eq!(window_label(&filters).as_deref(), Some("from 9 Dec 2010"));
        filters.to = filters.from;
        assert_eq!(window_label(&filters).as_deref(), Some("9 Dec 2010"));
        assert_eq!(window_label(&with_window(&filters, None)), None);
    }

    #[test]
    fn a_selection_outside_the_view_is_centred() {
        let view = (day("2010-12-01"), day("2010-12-08"));
        let shelling = (day("2010-11-23"), day("2010-11-24"));
        let (start, end) = reveal(view, shelling).unwrap();
        assert_eq!(end - start, 7.0);
        assert_eq!((start + end) / 2.0, day("2010-11-23") + 0.5);
        assert_eq!(reveal(view, (day("2010-12-03"), day("2010-12-04"))), None);
        // A long event overlapping the view is visible enough.
        assert_eq!(reveal(view, (day("2010-11-01"), day("2011-01-01"))), None);
        let long_before = reveal(view, (day("2010-10-01"), day("2010-11-01"))).unwrap();
        assert!(long_before.0 < day("2010-10-01") && long_before.1 > day("2010-10-01"));
        assert_eq!(reveal((5.0, 5.0), shelling), None);
    }

    #[test]
    fn events_beyond_the_bounds_leave_the_view_alone() {
        let view = (day("2010-12-01"), day("2010-12-08"));
        let korean_war = (day("1950-01-01"), day("1954-01-01"));
        assert_eq!(reveal_within(view, YEAR, korean_war), None);
        let cheonan = (day("2010-03-26"), day("2010-03-27"));
        assert!(reveal_within(view, YEAR, cheonan).is_some());
    }

    #[test]
    fn scrolling_moves_as_little_as_possible() {
        assert_eq!(scroll_least_to_show(50.0, 60.0, 0.0, 100.0), None);
        assert_eq!(scroll_least_to_show(150.0, 160.0, 0.0, 100.0), Some(64.0));
        assert_eq!(scroll_least_to_show(10.0, 20.0, 50.0, 100.0), Some(6.0));
        assert_eq!(scroll_least_to_show(f64::NAN, 20.0, 50.0, 100.0), None);
    }
}
