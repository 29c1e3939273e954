//! Time relative to an anchor event: "day 0, +1, +2 …", honest about how precisely each
//! event is dated.
//!
//! The rules, in the order they apply:
//!
//! 1. **Day 0** is the anchor's local calendar day (its first possible day when the anchor
//!    itself is loosely dated). Offsets are whole calendar days as the dataset writes them:
//!    the dataset records each event's date and time *where it happened*, with no zone, so
//!    "day +1" in Moscow and "day +1" in Seoul are the same line of the calendar, not the
//!    same 24 hours.
//! 2. **Precision.** An event dated to the day begins on its start day, even when it lasts
//!    several days (a visit of 22–24 Nov begins on one known day). A month-precision or
//!    approximate event may have begun on any day of its range, so it *begins* on a range
//!    of days ([`Placement::begins`]); a month-precision record without an end covers its
//!    whole month. A single approximate day is taken as that day.
//! 3. **The chronicle's links first.** An event that answers the anchor (its `after` chain
//!    leads to the anchor) came after it, whatever the dates alone say, and an event the
//!    anchor answers came before it (see `data::order`, rule 3).
//! 4. **Time of day on day 0.** When an event begins on the anchor's very day, a local time
//!    of day orders it only if the two events share a place: local times are the clock of
//!    the place, so two times at one place compare as written (the South Korean drill at
//!    10:00 near the NLL came before the 14:38 shelling there), while 10:00 in Moscow and
//!    14:38 on Yeonpyeong (six hours apart) cannot be compared without zones the dataset
//!    does not record. A part of the day stands for its hours (morning 05–12, afternoon
//!    12–18, evening 17–23; night may be either end of the day, so it orders nothing).
//!    Otherwise, an event of day 0 may have come before or after the anchor:
//!    [`Moment::Either`].

use crate::data::date::days_in_month;
use crate::data::order::MAX_AFTER_CHAIN;
use crate::data::{Catalog, Date, Event, PartOfDay, Precision};

/// The anchor the compare mode aligns on by default: the Nov 23 shelling of Yeonpyeong.
pub const DEFAULT_ANCHOR: &str = "2010-11-23-yeonpyeong-shelling";

/// A range of day offsets, inclusive at both ends (`lo == hi` for a single day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub lo: i32,
    pub hi: i32,
}

impl DayRange {
    pub fn day(day: i32) -> DayRange {
        DayRange { lo: day, hi: day }
    }

    /// Whether the range is one day.
    pub fn is_day(self) -> bool {
        self.lo == self.hi
    }
}

/// What day 0 is, and the moment on it other events are compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// The anchor event (catalog index).
    pub event: usize,
    /// Day 0 as a day number (see [`Date::to_days`]).
    pub day: i32,
    /// The anchor's local time of day as a range of minutes after midnight, if known.
    pub clock: Option<(u16, u16)>,
}

impl Anchor {
    /// The anchor at event `event`; `None` for an index out of range.
    pub fn new(catalog: &Catalog, event: usize) -> Option<Anchor> {
        let record = catalog.events().get(event)?;
        Some(Anchor {
            event,
            day: catalog.spans[event].start,
            clock: clock(record),
        })
    }

    /// The anchor named by an event id (or a former id of a renamed event).
    pub fn by_id(catalog: &Catalog, id: &str) -> Option<Anchor> {
        let event = catalog
            .event_index(id)
            .or_else(|| catalog.event_by_former_id(id))?;
        Anchor::new(catalog, event)
    }

    /// The default anchor: the shelling when the dataset has it, else the first event of the
    /// chronicle that is not background; `None` for a dataset without events.
    pub fn default_for(catalog: &Catalog) -> Option<Anchor> {
        Anchor::by_id(catalog, DEFAULT_ANCHOR).or_else(|| {
            let events = catalog.events();
            let first = (0..events.len()).find(|&e| !events[e].context).unwrap_or(0);
            Anchor::new(catalog, first)
        })
    }

    /// The day offset of a day number.
    pub fn offset(&self, day: i32) -> i32 {
        day - self.day
    }
}

/// Where an event begins relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Moment {
    /// Surely before the anchor.
    Before,
    /// The anchor itself.
    Anchor,
    /// Surely at or after the anchor.
    After,
    /// The data cannot tell: the event may have begun before or after the anchor.
    Either,
}

/// An event on the relative axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Placement {
    /// The days it may have begun on (one day unless it is loosely dated).
    pub begins: DayRange,
    /// Every day it may cover: from its first possible day to its last.
    pub covers: DayRange,
    /// Before or after the anchor.
    pub moment: Moment,
}

/// The days an event may cover, as day numbers: `(first, last possible begin, last)`.
/// A month-precision record covers at least its whole month.
pub fn days(catalog: &Catalog, event: usize) -> (i32, i32, i32) {
    let record = &catalog.events()[event];
    let span = catalog.spans[event];
    match record.precision {
        Precision::Day => (span.start, span.start, span.end),
        Precision::Approximate => (span.start, span.end, span.end),
        Precision::Month => {
            let start = Date::from_days(span.start);
            let month_end = Date {
                day: days_in_month(start.year, start.month),
                ..start
            }
            .to_days();
            let end = span.end.max(month_end);
            (span.start, end, end)
        }
    }
}

/// Places `event` on the anchor's axis (rules in the module's docs).
pub fn place(catalog: &Catalog, anchor: &Anchor, event: usize) -> Placement {
    let (first, last_begin, last) = days(catalog, event);
    let begins = DayRange {
        lo: anchor.offset(first),
        hi: anchor.offset(last_begin),
    };
    let covers = DayRange {
        lo: begins.lo,
        hi: anchor.offset(last),
    };
    Placement {
        begins,
        covers,
        moment: moment(catalog, anchor, event, begins),
    }
}

fn moment(catalog: &Catalog, anchor: &Anchor, event: usize, begins: DayRange) -> Moment {
    if event == anchor.event {
        return Moment::Anchor;
    }
    if answers(catalog, event, anchor.event) {
        return Moment::After;
    }
    if answers(catalog, anchor.event, event) {
        return Moment::Before;
    }
    if begins.hi < 0 {
        return Moment::Before;
    }
    if begins.lo > 0 {
        return Moment::After;
    }
    if begins == DayRange::day(0) && share_a_place(catalog, event, anchor.event) {
        if let (Some(theirs), Some(ours)) = (clock(&catalog.events()[event]), anchor.clock) {
            if theirs.1 < ours.0 {
                return Moment::Before;
            }
            if theirs.0 > ours.1 {
                return Moment::After;
            }
        }
    }
    Moment::Either
}

/// Whether `event`'s chain of `after` links reaches `cause` (at most
/// [`MAX_AFTER_CHAIN`] links, so a loop cannot hang).
pub fn answers(catalog: &Catalog, event: usize, cause: usize) -> bool {
    let mut current = event;
    for _ in 0..MAX_AFTER_CHAIN {
        let next = catalog.events()[current]
            .after
            .as_deref()
            .and_then(|id| catalog.event_index(id));
        match next {
            Some(next) if next == cause => return true,
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}

fn share_a_place(catalog: &Catalog, a: usize, b: usize) -> bool {
    let events = catalog.events();
    events[a]
        .places
        .iter()
        .any(|p| events[b].places.contains(p))
}

/// An event's local time of day as a range of minutes after midnight: one minute for a
/// clock time, the hours of a part of the day, `None` when unknown (night may be either end
/// of the day).
pub fn clock(event: &Event) -> Option<(u16, u16)> {
    if let Some(time) = &event.time {
        let (h, m) = time.split_once(':')?;
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        return (h < 24 && m < 60).then_some((h * 60 + m, h * 60 + m));
    }
    match event.part_of_day? {
        PartOfDay::Morning => Some((5 * 60, 12 * 60 - 1)),
        PartOfDay::Afternoon => Some((12 * 60, 18 * 60 - 1)),
        PartOfDay::Evening => Some((17 * 60, 23 * 60 - 1)),
        PartOfDay::Night => None,
    }
}

/// The first of `events` at or after the anchor, as the days it may have begun on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct First {
    pub days: DayRange,
    /// False when every candidate may also have come before the anchor: there may be no
    /// such event after it at all.
    pub sure: bool,
}

/// The first of `events` that began at or after the anchor (the anchor itself excluded):
/// it began no earlier than the earliest day any candidate may have, and no later than the
/// last possible day of the earliest event surely after the anchor. `None` when no event
/// may have come after the anchor.
pub fn first_after(
    catalog: &Catalog,
    anchor: &Anchor,
    events: impl IntoIterator<Item = usize>,
) -> Option<First> {
    let mut lo: Option<i32> = None;
    let mut sure_hi: Option<i32> = None;
    let mut maybe_hi: Option<i32> = None;
    for event in events {
        let placed = place(catalog, anchor, event);
        let hi = match placed.moment {
            Moment::After => &mut sure_hi,
            Moment::Either if placed.begins.hi >= 0 => &mut maybe_hi,
            _ => continue,
        };
        // Whatever its dates say, an event after the anchor began on day 0 or later.
        let (begin, end) = (placed.begins.lo.max(0), placed.begins.hi.max(0));
        lo = Some(lo.map_or(begin, |lo| lo.min(begin)));
        *hi = Some(hi.map_or(end, |h| h.min(end)));
    }
    let lo = lo?;
    let hi = sure_hi.or(maybe_hi)?;
    Some(First {
        days: DayRange { lo, hi },
        sure: sure_hi.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{dated, p, sides};
    use crate::data::{Event, Role};

    fn shelling() -> Event {
        let mut e = dated("2010-11-23-shelling", "2010-11-23", None, Some("14:38"));
        e.participants = vec![p("north-korea", Role::Initiator)];
        e.places = vec!["yeonpyeong".into()];
        e
    }

    fn at(mut e: Event, place: &str) -> Event {
        e.places = vec![place.into()];
        e
    }

    fn placed(events: Vec<Event>, id: &str) -> Placement {
        let catalog = sides(events);
        let anchor = Anchor::by_id(&catalog, "2010-11-23-shelling").unwrap();
        place(&catalog, &anchor, catalog.event_index(id).unwrap())
    }

    fn with_precision(mut e: Event, precision: Precision) -> Event {
        e.precision = precision;
        e
    }

    #[test]
    fn day_offsets_count_calendar_days_from_the_anchor() {
        let events = vec![
            shelling(),
            dated("before", "2010-11-20", None, None),
            dated("after", "2010-12-01", None, None),
            dated("next-year", "2011-01-01", None, None),
        ];
        assert_eq!(placed(events.clone(), "before").begins, DayRange::day(-3));
        assert_eq!(placed(events.clone(), "after").begins, DayRange::day(8));
        assert_eq!(
            placed(events.clone(), "next-year").begins,
            DayRange::day(39)
        );
        assert_eq!(placed(events.clone(), "before").moment, Moment::Before);
        assert_eq!(placed(events.clone(), "after").moment, Moment::After);
        assert_eq!(
            placed(events, "2010-11-23-shelling"),
            Placement {
                begins: DayRange::day(0),
                covers: DayRange::day(0),
                moment: Moment::Anchor
            }
        );
    }

    #[test]
    fn a_loosely_dated_event_begins_on_a_range_a_dated_visit_on_its_first_day() {
        let visit = with_precision(
            dated("visit", "2010-11-22", Some("2010-11-24"), None),
            Precision::Day,
        );
        let about = dated("about", "2010-11-23", Some("2010-11-27"), None);
        let month = with_precision(dated("month", "2010-12-01", None, None), Precision::Month);
        let months = with_precision(
            dated("months", "2010-11-01", Some("2010-12-31"), None),
            Precision::Month,
        );
        let events = vec![shelling(), visit, about, month, months];
        let visit = placed(events.clone(), "visit");
        assert_eq!(visit.begins, DayRange::day(-1));
        assert_eq!(visit.covers, DayRange { lo: -1, hi: 1 });
        assert_eq!(visit.moment, Moment::Before);
        let about = placed(events.clone(), "about");
        assert_eq!(about.begins, DayRange { lo: 0, hi: 4 });
        assert_eq!(about.covers, DayRange { lo: 0, hi: 4 });
        assert_eq!(about.moment, Moment::Either);
        // A month-precision record without an end is its whole month: 8 to 38 days on.
        let month = placed(events.clone(), "month");
        assert_eq!(month.begins, DayRange { lo: 8, hi: 38 });
        assert_eq!(month.covers, DayRange { lo: 8, hi: 38 });
        assert_eq!(month.moment, Moment::After);
        let months = placed(events, "months");
        assert_eq!(months.begins, DayRange { lo: -22, hi: 38 });
        assert!(!months.begins.is_day());
        assert!(DayRange::day(3).is_day());
    }

    #[test]
    fn an_event_answering_the_anchor_comes_after_it_whatever_its_dates() {
        let mut reaction = dated("reaction", "2010-11-22", Some("2010-11-24"), None);
        reaction.after = Some("2010-11-23-shelling".into());
        let mut second = dated("second", "2010-11-23", None, Some("09:00"));
        second.after = Some("reaction".into());
        let mut cause = dated("cause", "2010-11-23", None, Some("16:00"));
        cause.places = vec!["yeonpyeong".into()];
        let mut anchor = shelling();
        anchor.after = Some("cause".into());
        let events = vec![anchor, reaction, second, cause];
        assert_eq!(placed(events.clone(), "reaction").moment, Moment::After);
        assert_eq!(placed(events.clone(), "second").moment, Moment::After);
        // The anchor answers `cause`: it came first, though its clock says 16:00.
        assert_eq!(placed(events, "cause").moment, Moment::Before);
    }

    #[test]
    fn a_time_of_day_orders_an_event_of_day_0_only_at_the_anchor_s_place() {
        let events = vec![
            shelling(),
            at(
                dated("drill", "2010-11-23", None, Some("10:00")),
                "yeonpyeong",
            ),
            at(
                dated("return-fire", "2010-11-23", None, Some("14:55")),
                "yeonpyeong",
            ),
            at(
                dated("same-minute", "2010-11-23", None, Some("14:38")),
                "yeonpyeong",
            ),
            at(
                dated("minute-before", "2010-11-23", None, Some("14:37")),
                "yeonpyeong",
            ),
            at(
                dated("minute-after", "2010-11-23", None, Some("14:39")),
                "yeonpyeong",
            ),
            // 10:00 in Moscow is 16:00 in Korea: the clocks cannot be compared.
            at(
                dated("moscow-morning", "2010-11-23", None, Some("10:00")),
                "moscow",
            ),
            at(dated("no-time", "2010-11-23", None, None), "yeonpyeong"),
            at(
                dated("next-day", "2010-11-24", None, Some("01:00")),
                "yeonpyeong",
            ),
            at(
                dated("day-before", "2010-11-22", None, Some("23:00")),
                "yeonpyeong",
            ),
        ];
        let moment = |id| placed(events.clone(), id).moment;
        assert_eq!(moment("drill"), Moment::Before);
        assert_eq!(moment("minute-before"), Moment::Before);
        assert_eq!(moment("return-fire"), Moment::After);
        assert_eq!(moment("minute-after"), Moment::After);
        assert_eq!(moment("same-minute"), Moment::Either);
        assert_eq!(moment("moscow-morning"), Moment::Either);
        assert_eq!(moment("no-time"), Moment::Either);
        assert_eq!(moment("next-day"), Moment::After);
        assert_eq!(moment("day-before"), Moment::Before);
    }

    #[test]
    fn a_part_of_the_day_stands_for_its_hours() {
        let part = |id: &str, part| {
            let mut e = at(dated(id, "2010-11-23", None, None), "yeonpyeong");
            e.part_of_day = Some(part);
            e
        };
        let events = vec![
            shelling(),
            part("morning", PartOfDay::Morning),
            part("afternoon", PartOfDay::Afternoon),
            part("evening", PartOfDay::Evening),
            part("night", PartOfDay::Night),
        ];
        let moment = |id| placed(events.clone(), id).moment;
        assert_eq!(moment("morning"), Moment::Before);
        // 14:38 is in the afternoon: either way.
        assert_eq!(moment("afternoon"), Moment::Either);
        assert_eq!(moment("evening"), Moment::After);
        assert_eq!(moment("night"), Moment::Either);
        // An anchor with a part of the day compares as its hours.
        let mut anchor = at(
            dated("2010-11-23-shelling", "2010-11-23", None, None),
            "yeonpyeong",
        );
        anchor.part_of_day = Some(PartOfDay::Evening);
        let events = vec![
            anchor,
            at(
                dated("noon", "2010-11-23", None, Some("12:00")),
                "yeonpyeong",
            ),
            at(
                dated("late", "2010-11-23", None, Some("23:30")),
                "yeonpyeong",
            ),
        ];
        assert_eq!(placed(events.clone(), "noon").moment, Moment::Before);
        assert_eq!(placed(events, "late").moment, Moment::After);
    }

    #[test]
    fn an_anchor_without_a_time_orders_nothing_on_its_day() {
        let events = vec![
            at(
                dated("2010-11-23-shelling", "2010-11-23", None, None),
                "yeonpyeong",
            ),
            at(
                dated("drill", "2010-11-23", None, Some("10:00")),
                "yeonpyeong",
            ),
        ];
        assert_eq!(placed(events, "drill").moment, Moment::Either);
    }

    #[test]
    fn clocks_are_read_strictly() {
        let timed = |time: &str| dated("x", "2010-11-23", None, Some(time));
        assert_eq!(clock(&timed("14:38")), Some((878, 878)));
        assert_eq!(clock(&timed("00:00")), Some((0, 0)));
        assert_eq!(clock(&timed("23:59")), Some((1439, 1439)));
        for bad in ["24:00", "12:60", "noon", "1200"] {
            assert_eq!(clock(&timed(bad)), None, "{bad}");
        }
        assert_eq!(clock(&dated("x", "2010-11-23", None, None)), None);
        let mut morning = dated("x", "2010-11-23", None, None);
        morning.part_of_day = Some(PartOfDay::Morning);
        assert_eq!(clock(&morning), Some((300, 719)));
        morning.part_of_day = Some(PartOfDay::Afternoon);
        assert_eq!(clock(&morning), Some((720, 1079)));
        morning.part_of_day = Some(PartOfDay::Evening);
        assert_eq!(clock(&morning), Some((1020, 1379)));
    }

    #[test]
    fn anchors_are_found_by_id_former_id_or_by_default() {
        let mut renamed = shelling();
        renamed.former_ids = vec!["old-id".into()];
        let catalog = sides(vec![dated("early", "2010-11-01", None, None), renamed]);
        let anchor = Anchor::by_id(&catalog, "old-id").unwrap();
        assert_eq!(
            anchor.event,
            catalog.event_index("2010-11-23-shelling").unwrap()
        );
        assert_eq!(anchor.day, Date::parse("2010-11-23").unwrap().to_days());
        assert_eq!(anchor.clock, Some((878, 878)));
        assert_eq!(anchor.offset(anchor.day + 5), 5);
        assert_eq!(Anchor::by_id(&catalog, "nothing"), None);
        assert_eq!(Anchor::new(&catalog, 99), None);
        // Without the shelling, the first event that is not background.
        let mut old = dated("a-war", "1950-01-01", None, None);
        old.context = true;
        let catalog = sides(vec![old, dated("b-first", "2010-10-01", None, None)]);
        let anchor = Anchor::default_for(&catalog).unwrap();
        assert_eq!(catalog.events()[anchor.event].id, "b-first");
        assert_eq!(Anchor::default_for(&sides(vec![])), None);
        let real = dated(DEFAULT_ANCHOR, "2010-11-23", None, Some("14:38"));
        let catalog = sides(vec![real, dated("a", "2010-10-01", None, None)]);
        let anchor = Anchor::default_for(&catalog).unwrap();
        assert_eq!(catalog.events()[anchor.event].id, DEFAULT_ANCHOR);
    }

    #[test]
    fn a_loop_of_answers_does_not_hang() {
        let mut a = dated("a", "2010-11-24", None, None);
        a.after = Some("b".into());
        let mut b = dated("b", "2010-11-24", None, None);
        b.after = Some("a".into());
        let catalog = sides(vec![shelling(), a, b]);
        let a = catalog.event_index("a").unwrap();
        let b = catalog.event_index("b").unwrap();
        let s = catalog.event_index("2010-11-23-shelling").unwrap();
        assert!(answers(&catalog, a, b));
        assert!(!answers(&catalog, a, s));
    }

    fn first(events: Vec<Event>, ids: &[&str]) -> Option<First> {
        let catalog = sides(events);
        let anchor = Anchor::by_id(&catalog, "2010-11-23-shelling").unwrap();
        let picked: Vec<usize> = ids
            .iter()
            .map(|id| catalog.event_index(id).unwrap())
            .collect();
        first_after(&catalog, &anchor, picked)
    }

    #[test]
    fn the_first_event_after_the_anchor_is_a_range_when_the_dates_are() {
        let mut statement = dated("statement", "2010-11-23", Some("2010-11-24"), None);
        statement.after = Some("2010-11-23-shelling".into());
        let events = vec![
            shelling(),
            statement,
            dated("same-day", "2010-11-23", None, None),
            dated("visit", "2010-11-27", None, None),
            dated("before", "2010-11-20", None, None),
            dated("about", "2010-11-22", Some("2010-11-25"), None),
        ];
        let all = ["statement", "same-day", "visit", "before", "about"];
        // `same-day` may be day 0; `statement` surely came by day 1.
        assert_eq!(
            first(events.clone(), &all),
            Some(First {
                days: DayRange { lo: 0, hi: 1 },
                sure: true
            })
        );
        assert_eq!(
            first(events.clone(), &["visit", "before"]),
            Some(First {
                days: DayRange::day(4),
                sure: true
            })
        );
        // Only events that may have come before: perhaps none came after.
        assert_eq!(
            first(events.clone(), &["same-day", "about"]),
            Some(First {
                days: DayRange { lo: 0, hi: 0 },
                sure: false
            })
        );
        assert_eq!(
            first(events.clone(), &["about"]),
            Some(First {
                days: DayRange { lo: 0, hi: 2 },
                sure: false
            })
        );
        // A sure event sets the upper bound even when a later "perhaps" exists.
        assert_eq!(
            first(events.clone(), &["visit", "about"]),
            Some(First {
                days: DayRange { lo: 0, hi: 4 },
                sure: true
            })
        );
        assert_eq!(
            first(events.clone(), &["before", "2010-11-23-shelling"]),
            None
        );
        assert_eq!(first(events, &[]), None);
    }

    #[test]
    fn a_reaction_dated_before_the_anchor_first_counts_from_day_0() {
        let mut reaction = dated("reaction", "2010-11-21", Some("2010-11-22"), None);
        reaction.after = Some("2010-11-23-shelling".into());
        assert_eq!(
            first(vec![shelling(), reaction], &["reaction"]),
            Some(First {
                days: DayRange::day(0),
                sure: true
            })
        );
    }
}
