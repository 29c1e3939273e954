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
