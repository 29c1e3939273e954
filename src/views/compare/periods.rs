//! Before and after a split: how many events each track had in the two periods, per kind
//! of event, and which of its events surely fall in each (what the difference network,
//! `super::network`, compares).
//!
//! The split is an anchor (the compare mode's anchor by default). "The N days after" are
//! day 0 (from the split on) to day N−1, "the N days before" are day −N to day 0 (up to
//! the split); without a number of days, each period runs to the end of the data. An
//! event counts in a period *surely* when its moment and every day it may have begun on
//! fall inside it, and *perhaps* when only some do — a loosely dated event or one of day 0
//! whose order with the split is unknown (see `relative`) — unless it is loosely dated over
//! far longer than the period, when it is only its background, counted apart (the rule of
//! `Filters::is_background` for a time window). The split event itself is in
//! neither period.

use crate::data::{Catalog, EventKind};
use crate::query::filter::{BACKGROUND_FACTOR, BACKGROUND_MIN_DAYS};

use super::relative::{place, Anchor, Moment, Placement};
use super::tracks::Track;

/// Before or after the split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Before,
    After,
}

/// How an event falls in a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InPeriod {
    Surely,
    Perhaps,
    /// Perhaps, but loosely dated over far longer than the period (a year-long "about
    /// 2010"): background to it, as `Filters::is_background` says of a time window.
    Background,
    Not,
}

/// Whether an event placed at `placed` falls in `period` of `days` days (every day when
/// `None`).
pub fn in_period(placed: Placement, period: Period, days: Option<u32>) -> InPeriod {
    let reach = days.map_or(i32::MAX, |d| d.min(i32::MAX as u32) as i32);
    // The days of the period on the axis, and whether the event's moment puts it there.
    let (lo, hi, moment_sure, moment_possible) = match period {
        Period::After => (
            0,
            reach.saturating_sub(1),
            placed.moment == Moment::After,
            matches!(placed.moment, Moment::After | Moment::Either),
        ),
        Period::Before => (
            reach.saturating_neg(),
            0,
            placed.moment == Moment::Before,
            matches!(placed.moment, Moment::Before | Moment::Either),
        ),
    };
    let begins = placed.begins;
    // In the period after, only the days from 0 on can hold the event's beginning (an event
    // surely after the split began on day 0 or later whatever its dates say, a reaction
    // dated loosely around it); in the period before, only the days up to 0.
    let (b_lo, b_hi) = match period {
        Period::After => (begins.lo.max(0), begins.hi.max(0)),
        Period::Before => (begins.lo.min(0), begins.hi.min(0)),
    };
    if !moment_possible || b_hi < lo || b_lo > hi {
        InPeriod::Not
    } else if moment_sure && lo <= b_lo && b_hi <= hi {
        InPeriod::Surely
    } else if days.is_some_and(|d| {
        let window = i64::from(d);
        let length = i64::from(placed.covers.hi) - i64::from(placed.covers.lo) + 1;
        length > (i64::from(BACKGROUND_FACTOR) * window).max(i64::from(BACKGROUND_MIN_DAYS))
    }) {
        InPeriod::Background
    } else {
        InPeriod::Perhaps
    }
}

/// Events surely in a period, and those perhaps in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub surely: usize,
    pub perhaps: usize,
    /// Loosely dated over far longer than the period: counted apart.
    pub background: usize,
}

impl Count {
    fn add(&mut self, how: InPeriod) {
        match how {
            InPeriod::Surely => self.surely += 1,
            InPeriod::Perhaps => self.perhaps += 1,
            InPeriod::Background => self.background += 1,
            InPeriod::Not => {}
        }
    }
}

/// One kind of event's counts in the two periods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindCounts {
    pub kind: EventKind,
    pub before: Count,
    pub after: Count,
}

/// A track's two periods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Periods {
    /// All the track's events.
    pub before: Count,
    pub after: Count,
    /// The events it took part in (see `Who::took_part`).
    pub took_part_before: Count,
    pub took_part_after: Count,
    /// Per kind of event present in either period, in `EventKind::ALL` order.
    pub kinds: Vec<KindCounts>,
    /// The track's events surely before the split and surely after it, ascending.
    pub surely_before: Vec<usize>,
    pub surely_after: Vec<usize>,
}

/// The track's counts before and after `split`, over `days` days each side (all the data
/// when `None`).
pub fn periods(catalog: &Catalog, track: &Track, split: &Anchor, days: Option<u32>) -> Periods {
    let mut before = Count::default();
    let mut after = Count::default();
    let mut took_part_before = Count::default();
    let mut took_part_after = Count::default();
    let mut kinds: Vec<KindCounts> = EventKind::ALL
        .into_iter()
        .map(|kind| KindCounts {
            kind,
            before: Count::default(),
            after: Count::default(),
        })
        .collect();
    let mut surely_before = Vec::new();
    let mut surely_after = Vec::new();
    let mut took_part = track.took_part.iter().peekable();
    for &e in &track.events {
        let placed = place(catalog, split, e);
        let was_active = took_part.next_if_eq(&&e).is_some();
        let kind = catalog.events()[e].kind;
        for (period, count, active, sure) in [
            (
                Period::Before,
                &mut before,
                &mut took_part_before,
                &mut surely_before,
            ),
            (
                Period::After,
                &mut after,
                &mut took_part_after,
                &mut surely_after,
            ),
        ] {
            let how = in_period(placed, period, days);
            count.add(how);
            if was_active {
                active.add(how);
            }
            if let Some(row) = kinds.iter_mut().find(|row| row.kind == kind) {
                match period {
                    Period::Before => row.before.add(how),
                    Period::After => row.after.add(how),
                }
            }
            if how == InPeriod::Surely {
                sure.push(e);
            }
        }
    }
    kinds.retain(|k| k.before != Count::default() || k.after != Count::default());
    Periods {
        before,
        after,
        took_part_before,
        took_part_after,
        kinds,
        surely_before,
        surely_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{dated, kind_event, p, sides};
    use crate::data::{Role::*, Side};
    use crate::views::compare::relative::DayRange;
    use crate::views::compare::tracks::TrackKey;

    fn placed(lo: i32, hi: i32, moment: Moment) -> Placement {
        Placement {
            begins: DayRange { lo, hi },
            covers: DayRange { lo, hi },
            moment,
        }
    }

    #[test]
    fn an_event_is_in_a_period_surely_perhaps_or_not() {
        use InPeriod::*;
        use Moment::*;
        use Period::{After as A, Before as B};
        let ten = Some(10);
        for (p, period, days, want) in [
            (placed(0, 0, After), A, ten, Surely),
            (placed(9, 9, After), A, ten, Surely),
            (placed(10, 10, After), A, ten, Not),
            (placed(8, 11, After), A, ten, Perhaps),
            (placed(0, 0, Either), A, ten, Perhaps),
            (placed(0, 0, Either), B, ten, Perhaps),
            (placed(-2, 3, Either), A, ten, Perhaps),
            (placed(-2, 3, Either), B, ten, Perhaps),
            (placed(0, 0, Moment::Anchor), A, ten, Not),
            (placed(0, 0, Moment::Anchor), B, ten, Not),
            (placed(-10, -10, Before), B, ten, Surely),
            (placed(-11, -11, Before), B, ten, Not),
            (placed(-12, -5, Before), B, ten, Perhaps),
            (placed(0, 0, Before), B, ten, Surely),
            (placed(-3, -1, Before), A, ten, Not),
            (placed(2, 4, After), B, ten, Not),
            // A reaction dated loosely around the split counts from day 0.
            (placed(-1, 1, After), A, ten, Surely),
            (placed(-1, 1, Before), B, ten, Surely),
            (placed(500, 500, After), A, None, Surely),
            (placed(-500, -500, Before), B, None, Surely),
            (placed(0, 0, After), A, Some(1), Surely),
            (placed(1, 1, After), A, Some(1), Not),
            // Far longer than the period: its background (3 × 10 days, at least 14).
            (placed(-200, 100, Either), A, ten, Background),
            (placed(-20, 10, Either), A, ten, Background),
            (placed(-19, 10, Either), A, ten, Perhaps),
            (placed(-5, 9, Either), A, Some(2), Background),
            (placed(-4, 9, Either), A, Some(2), Perhaps),
            (placed(-200, 100, Either), A, None, Perhaps),
        ] {
            assert_eq!(
                in_period(p, period, days),
                want,
                "{p:?} {period:?} {days:?}"
            );
        }
    }

    #[test]
    fn periods_count_per_track_and_kind_and_keep_the_sure_events() {
        let mut shelling = dated("shelling", "2010-11-23", None, Some("14:38"));
        shelling.participants = vec![p("north-korea", Initiator), p("china", Subject)];
        let catalog = sides(vec![
            shelling,
            kind_event(
                "a-before",
                "2010-11-20",
                None,
                EventKind::Meeting,
                vec![p("china", Initiator), p("russia", Counterpart)],
            ),
            kind_event(
                "b-talked",
                "2010-11-21",
                None,
                EventKind::Statement,
                vec![p("lavrov", Speaker), p("china", Subject)],
            ),
            kind_event(
                "c-same-day",
                "2010-11-23",
                None,
                EventKind::Meeting,
                vec![p("wen", Participant), p("lavrov", Participant)],
            ),
            kind_event(
                "d-after",
                "2010-11-25",
                None,
                EventKind::Visit,
                vec![p("china", Initiator), p("south-korea", Counterpart)],
            ),
            kind_event(
                "e-after",
                "2010-11-26",
                None,
                EventKind::Visit,
                vec![p("china", Initiator), p("russia", Counterpart)],
            ),
            kind_event(
                "f-about",
                "2010-11-30",
                Some("2010-12-06"),
                EventKind::Statement,
                vec![p("china", Speaker)],
            ),
            kind_event(
                "g-late",
                "2010-12-20",
                None,
                EventKind::Meeting,
                vec![p("china", Participant)],
            ),
            kind_event(
                "h-year",
                "2010-01-01",
                Some("2010-12-31"),
                EventKind::Other,
                vec![p("china", Participant)],
            ),
        ]);
        let anchor = Anchor::by_id(&catalog, "shelling").unwrap();
        let china = Track::build(&catalog, &TrackKey::Side(Side::China)).unwrap();
        let got = periods(&catalog, &china, &anchor, Some(10));
        let count = |surely, perhaps, background| Count {
            surely,
            perhaps,
            background,
        };
        // Before: a, b surely; c perhaps (day 0, order unknown); h background.
        assert_eq!(got.before, count(2, 1, 1));
        assert_eq!(got.took_part_before, count(1, 1, 1));
        // After: d, e surely; c and f (30 Nov – 6 Dec reaches past day 9) perhaps.
        assert_eq!(got.after, count(2, 2, 1));
        assert_eq!(got.took_part_after, count(2, 2, 1));
        let kinds: Vec<(EventKind, Count, Count)> = got
            .kinds
            .iter()
            .map(|k| (k.kind, k.before, k.after))
            .collect();
        assert_eq!(
            kinds,
            [
                (EventKind::Meeting, count(1, 1, 0), count(0, 1, 0)),
                (EventKind::Visit, count(0, 0, 0), count(2, 0, 0)),
                (EventKind::Statement, count(1, 0, 0), count(0, 1, 0)),
                (EventKind::Other, count(0, 0, 1), count(0, 0, 1)),
            ]
        );
        // The events surely in each period, for the difference network: a and b before,
        // d and e after.
        let ids = |events: &[usize]| -> Vec<&str> {
            events
                .iter()
                .map(|&e| catalog.events()[e].id.as_str())
                .collect()
        };
        assert_eq!(ids(&got.surely_before), ["a-before", "b-talked"]);
        assert_eq!(ids(&got.surely_after), ["d-after", "e-after"]);
        // Over all the data, the late meeting is after and the year-long event perhaps.
        let all = periods(&catalog, &china, &anchor, None);
        assert_eq!(all.after, count(4, 2, 0));
        assert_eq!(all.before, count(2, 2, 0));
    }
}
