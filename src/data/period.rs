//! The chronicle's period: the stretch of time it is about, which the timeline shows first,
//! and how far the timeline may be panned or zoomed out. Both follow from the events, so a
//! reader's own chronicle of 1950–1953 or of 2019 is on the timeline as the article's
//! quarter is.
//!
//! - The events a chronicle is *about* are those not marked as background (`context`); when
//!   every event is background, or none is, it is about all of them.
//! - Each covers its days; a date known only to the month, without an end, its whole month
//!   (as the timeline draws it).
//! - The period is those days padded to whole months: from the first of the first month to
//!   the end of the last.
//! - The reach is the whole calendar years around the period.
//!
//! For the built-in chronicle that is Oct–Dec 2010 within 2010: its background goes back to
//! 1950, and the timeline's "Earlier" strip stands for what lies before the reach.

use super::catalog::Span;
use super::date::{days_in_month, Date};
use super::model::{Event, Precision};

/// Day numbers (see [`Date::to_days`]), each pair half-open `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    /// The whole months the chronicle is about: the timeline's first view.
    pub focus: (i32, i32),
    /// The whole years around them: as far as the timeline goes.
    pub reach: (i32, i32),
}

impl Default for Period {
    /// The article's quarter within 2010: what a chronicle without events falls back to.
    fn default() -> Period {
        let day = |year, month| {
            Date {
                year,
                month,
                day: 1,
            }
            .to_days()
        };
        Period {
            focus: (day(2010, 10), day(2011, 1)),
            reach: (day(2010, 1), day(2011, 1)),
        }
    }
}

impl Period {
    /// The period of `events`, whose day spans are `spans` (same order).
    pub fn of(events: &[Event], spans: &[Span]) -> Period {
        let extents = || {
            events
                .iter()
                .zip(spans)
                .map(|(e, &s)| (e.context, extent(e, s)))
        };
        let about_all = extents().all(|(background, _)| background);
        let about = extents()
            .filter(|&(background, _)| about_all || !background)
            .map(|(_, days)| days);
        let Some((first, end)) = about.reduce(|a, b| (a.0.min(b.0), a.1.max(b.1))) else {
            return Period::default();
        };
        let last = Date::from_days(end - 1);
        let first = Date::from_days(first);
        Period {
            focus: (
                month_start(first),
                month_start(last) + i32::from(last_day(last)),
            ),
            reach: (year_start(first.year), year_start(last.year + 1)),
        }
    }

    /// The period as the first and last day (inclusive).
    pub fn focus_dates(self) -> (Date, Date) {
        (
            Date::from_days(self.focus.0),
            Date::from_days(self.focus.1 - 1),
        )
    }

    /// The reach as the first and last day (inclusive).
    pub fn reach_dates(self) -> (Date, Date) {
        (
            Date::from_days(self.reach.0),
            Date::from_days(self.reach.1 - 1),
        )
    }
}

/// The days an event may cover, half-open `[start, end)`: its span, widened to the whole
/// month when only the month is known and no end is given.
pub fn extent(event: &Event, span: Span) -> (i32, i32) {
    if event.precision == Precision::Month && span.end <= span.start {
        let first = Date::from_days(span.start);
        let start = month_start(first);
        return (start, start + i32::from(last_day(first)));
    }
    (span.start, span.end.max(span.start) + 1)
}

fn month_start(date: Date) -> i32 {
    Date { day: 1, ..date }.to_days()
}

fn last_day(date: Date) -> u8 {
    days_in_month(date.year, date.month)
}

fn year_start(year: i32) -> i32 {
    Date {
        year,
        month: 1,
        day: 1,
    }
    .to_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture;
    use crate::data::{self, synthetic, Catalog};

    fn day(text: &str) -> i32 {
        Date::parse(text).unwrap().to_days()
    }

    fn span(start: &str, end: &str) -> Span {
        Span {
            start: day(start),
            end: day(end),
        }
    }

    /// An event on `start`..=`end` with this precision and background flag.
    fn event(start: &str, end: &str, precision: Precision, context: bool) -> (Event, Span) {
        let mut event = fixture::event(&format!("{start}-x"), start, Vec::new());
        event.precision = precision;
        event.context = context;
        (event, span(start, end))
    }

    fn period(events: &[(Event, Span)]) -> Period {
        let (events, spans): (Vec<Event>, Vec<Span>) = events.iter().cloned().unzip();
        Period::of(&events, &spans)
    }

    fn days(a: &str, b: &str) -> (i32, i32) {
        (day(a), day(b))
    }

    #[test]
    fn the_article_is_about_its_quarter_within_2010() {
        let catalog = data::load_embedded().unwrap();
        let period = catalog.period;
        assert_eq!(period.focus, days("2010-10-01", "2011-01-01"));
        assert_eq!(period.reach, days("2010-01-01", "2011-01-01"));
        assert_eq!(period, Period::default());
        // Its background reaches back to 1950 and is left to the "Earlier" strip.
        assert!(catalog.spans.iter().any(|s| s.start < period.reach.0));
    }

    #[test]
    fn synthetic_datasets_are_about_the_quarter_too() {
        for events in [10, 10_000] {
            let catalog = Catalog::new(synthetic::generate(events, 7));
            assert_eq!(catalog.period, Period::default(), "{events} events");
        }
    }

    #[test]
    fn one_event_gives_its_month_within_its_year() {
        let p = period(&[event("2019-03-14", "2019-03-14", Precision::Day, false)]);
        assert_eq!(p.focus, days("2019-03-01", "2019-04-01"));
        assert_eq!(p.reach, days("2019-01-01", "2020-01-01"));
    }

    #[test]
    fn events_all_on_one_day_still_give_a_whole_month() {
        let one = event("2019-02-28", "2019-02-28", Precision::Day, false);
        let p = period(&[one.clone(), one.clone(), one]);
        assert_eq!(p.focus, days("2019-02-01", "2019-03-01"));
        assert_eq!(p.focus.1 - p.focus.0, 28);
        // The last day of a leap February.
        let p = period(&[event("2020-02-29", "2020-02-29", Precision::Day, false)]);
        assert_eq!(p.focus, days("2020-02-01", "2020-03-01"));
    }

    #[test]
    fn events_over_decades_give_months_within_whole_years() {
        let p = period(&[
            event("1950-06-25", "1950-06-25", Precision::Day, false),
            event("1991-12-26", "1991-12-26", Precision::Day, false),
            event("1953-07-27", "1953-07-27", Precision::Day, false),
        ]);
        assert_eq!(p.focus, days("1950-06-01", "1992-01-01"));
        assert_eq!(p.reach, days("1950-01-01", "1992-01-01"));
        assert_eq!(
            p.focus_dates(),
            (
                Date::parse("1950-06-01").unwrap(),
                Date::parse("1991-12-31").unwrap()
            )
        );
        assert_eq!(
            p.reach_dates(),
            (
                Date::parse("1950-01-01").unwrap(),
                Date::parse("1991-12-31").unwrap()
            )
        );
    }

    #[test]
    fn a_month_or_year_date_covers_its_range() {
        // A month without an end covers the month, as the timeline draws it.
        let p = period(&[event("1950-06-01", "1950-06-01", Precision::Month, false)]);
        assert_eq!(p.focus, days("1950-06-01", "1950-07-01"));
        // A year (an approximate date over the year) covers the year; an end in the next
        // year takes the reach with it.
        let p = period(&[
            event("1951-01-01", "1951-12-31", Precision::Approximate, false),
            event("1952-11-20", "1953-01-02", Precision::Day, false),
        ]);
        assert_eq!(p.focus, days("1951-01-01", "1953-02-01"));
        assert_eq!(p.reach, days("1951-01-01", "1954-01-01"));
    }

    #[test]
    fn a_range_ending_on_a_month_s_last_day_stays_in_that_month() {
        let p = period(&[event("2019-04-10", "2019-04-30", Precision::Day, false)]);
        assert_eq!(p.focus, days("2019-04-01", "2019-05-01"));
        let p = period(&[event("2019-12-31", "2019-12-31", Precision::Day, false)]);
        assert_eq!(p.focus, days("2019-12-01", "2020-01-01"));
        assert_eq!(p.reach, days("2019-01-01", "2020-01-01"));
    }

    #[test]
    fn background_events_are_left_out_unless_all_are_background() {
        let about = event("2019-05-02", "2019-05-03", Precision::Day, false);
        let background = event("1950-01-01", "1953-12-31", Precision::Approximate, true);
        let p = period(&[background.clone(), about.clone()]);
        assert_eq!(p.focus, days("2019-05-01", "2019-06-01"));
        assert_eq!(p.reach, days("2019-01-01", "2020-01-01"));
        let later = event("2021-08-09", "2021-08-09", Precision::Day, true);
        let p = period(&[background, later]);
        assert_eq!(p.focus, days("1950-01-01", "2021-09-01"));
        assert_eq!(p.reach, days("1950-01-01", "2022-01-01"));
    }

    #[test]
    fn no_events_fall_back_to_the_article_s_quarter() {
        assert_eq!(period(&[]), Period::default());
        assert_eq!(
            Period::default().focus_dates(),
            (
                Date::parse("2010-10-01").unwrap(),
                Date::parse("2010-12-31").unwrap()
            )
        );
    }

    #[test]
    fn extent_widens_only_a_month_date_without_an_end() {
        let (month, s) = event("2010-02-01", "2010-02-01", Precision::Month, false);
        assert_eq!(extent(&month, s), days("2010-02-01", "2010-03-01"));
        let (month, s) = event("2008-08-01", "2008-08-31", Precision::Month, false);
        assert_eq!(extent(&month, s), days("2008-08-01", "2008-09-01"));
        let (exact, s) = event("2010-02-01", "2010-02-01", Precision::Day, false);
        assert_eq!(extent(&exact, s), days("2010-02-01", "2010-02-02"));
        let (about, s) = event("2010-02-10", "2010-02-12", Precision::Approximate, false);
        assert_eq!(extent(&about, s), days("2010-02-10", "2010-02-13"));
        // A reversed span (never valid) still covers its start.
        let reversed = Span {
            start: day("2010-02-10"),
            end: day("2010-02-01"),
        };
        assert_eq!(extent(&exact, reversed), days("2010-02-10", "2010-02-11"));
    }
}
