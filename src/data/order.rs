//! The order of the chronicle: how events are listed, stepped through with Next and the
//! arrow keys, and numbered in the catalog. A reader expects the chronicle's order, not the
//! order of bare start dates:
//!
//! 1. by the first day an event may have happened;
//! 2. on the same day, events with a known time of day (or part of day) first, by time;
//!    then single-day events without one; then ranges ("about 23–24 Nov"), the shorter
//!    first — a known time comes before an unknown one only when nothing says otherwise;
//! 3. what says otherwise is an event's `after`: the event it answers (a reaction to the
//!    shelling) is listed before it, whatever their dates alone would say;
//! 4. the id breaks the remaining ties, so the order never depends on the file's order.

use super::catalog::Span;
use super::model::{Event, PartOfDay};

/// The longest chain of events answering each other (`after`) that validation accepts;
/// the order follows at most this many links, so a loop or a long chain cannot exhaust the
/// stack.
pub const MAX_AFTER_CHAIN: usize = 32;

/// Minutes after midnight standing for a part of the day, so "morning" sorts among times.
fn part_of_day_minutes(part: PartOfDay) -> u32 {
    match part {
        PartOfDay::Morning => 9 * 60,
        PartOfDay::Afternoon => 15 * 60,
        PartOfDay::Evening => 19 * 60,
        PartOfDay::Night => 22 * 60,
    }
}

/// `HH:MM` as minutes after midnight.
fn minutes(time: &str) -> Option<u32> {
    let (h, m) = time.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Where an event sorts by its own dates (rules 1, 2 and 4).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct DateKey<'a> {
    start: i32,
    /// 0: a time of day is known; 1: a single day; 2: a range of days.
    certainty: u8,
    minutes: u32,
    end: i32,
    /// How many `after` links put it behind the event it shares its place with.
    depth: usize,
    id: &'a str,
}

fn date_key<'a>(event: &'a Event, span: Span) -> DateKey<'a> {
    let time = event
        .time
        .as_deref()
        .and_then(minutes)
        .or(event.part_of_day.map(part_of_day_minutes));
    let certainty = match (time, span.end > span.start) {
        (Some(_), _) => 0,
        (None, false) => 1,
        (None, true) => 2,
    };
    DateKey {
        start: span.start,
        certainty,
        minutes: time.unwrap_or(u32::MAX),
        end: span.end,
        depth: 0,
        id: &event.id,
    }
}

/// The chronicle's order of `events` (with their `spans`): a permutation of their indices.
/// An `after` naming an unknown event or closing a loop is ignored here (validation
/// reports it).
pub fn chronicle_order(events: &[Event], spans: &[Span]) -> Vec<usize> {
    let by_id: std::collections::HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let own: Vec<DateKey> = events
        .iter()
        .zip(spans)
        .map(|(e, &s)| date_key(e, s))
        .collect();
    let mut keys: Vec<Option<DateKey>> = vec![None; events.len()];
    for i in 0..events.len() {
        effective_key(i, events, &by_id, &own, &mut keys, 0);
    }
    let mut order: Vec<usize> = (0..events.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| keys[a].cmp(&keys[b]));
    order
}

/// An event's key after rule 3: never before the event it answers. Recursion is bounded by
/// [`MAX_AFTER_CHAIN`], so a loop in `after` cannot hang.
fn effective_key<'a>(
    i: usize,
    events: &'a [Event],
    by_id: &std::collections::HashMap<&str, usize>,
    own: &[DateKey<'a>],
    keys: &mut Vec<Option<DateKey<'a>>>,
    depth: usize,
) -> DateKey<'a> {
    if let Some(key) = &keys[i] {
        return key.clone();
    }
    let mut key = own[i].clone();
    let cause = events[i]
        .after
        .as_deref()
        .and_then(|id| by_id.get(id))
        .copied();
    if let Some(cause) = cause.filter(|&c| c != i && depth < MAX_AFTER_CHAIN) {
        let before = effective_key(cause, events, by_id, own, keys, depth + 1);
        if key <= before {
            key = DateKey {
                depth: before.depth + 1,
                id: &events[i].id,
                ..before
            };
        }
    }
    keys[i] = Some(key.clone());
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::dated as event;
    use crate::data::Date;

    fn ordered(events: &[Event]) -> Vec<&str> {
        let day = |text: &str| Date::parse(text).unwrap().to_days();
        let spans: Vec<Span> = events
            .iter()
            .map(|e| Span {
                start: day(&e.start),
                end: day(e.end.as_deref().unwrap_or(&e.start)),
            })
            .collect();
        chronicle_order(events, &spans)
            .into_iter()
            .map(|i| events[i].id.as_str())
            .collect()
    }

    #[test]
    fn on_one_day_known_times_come_first_then_single_days_then_ranges() {
        let events = [
            event("a-range", "2010-11-23", Some("2010-11-27"), None),
            event("b-shorter-range", "2010-11-23", Some("2010-11-24"), None),
            event("c-that-day", "2010-11-23", None, None),
            event("d-shelling", "2010-11-23", None, Some("14:38")),
            event("e-drill", "2010-11-23", None, Some("10:00")),
            event("f-day-before", "2010-11-22", Some("2010-11-30"), None),
        ];
        assert_eq!(
            ordered(&events),
            [
                "f-day-before",
                "e-drill",
                "d-shelling",
                "c-that-day",
                "b-shorter-range",
                "a-range"
            ]
        );
    }

    #[test]
    fn a_reaction_follows_what_it_answers_whatever_the_dates_say() {
        let mut reaction = event("a-reaction", "2010-11-22", Some("2010-11-24"), None);
        reaction.after = Some("z-shelling".into());
        let mut second = event("b-second-reaction", "2010-11-23", None, Some("09:00"));
        second.after = Some("a-reaction".into());
        let events = [
            second,
            reaction,
            event("z-shelling", "2010-11-23", None, Some("14:38")),
            event("y-later", "2010-11-25", None, None),
        ];
        assert_eq!(
            ordered(&events),
            ["z-shelling", "a-reaction", "b-second-reaction", "y-later"]
        );
    }

    #[test]
    fn reactions_that_tie_behind_what_they_answer_are_ordered_by_id_not_by_the_file() {
        let reaction = |id: &str| {
            // Dated the day before, they are moved behind it.
            let mut e = event(id, "2010-11-22", None, None);
            e.after = Some("a-shelling".into());
            e
        };
        let events = [
            reaction("c-reaction"),
            reaction("b-reaction"),
            event("a-shelling", "2010-11-23", None, Some("14:38")),
        ];
        assert_eq!(ordered(&events), ["a-shelling", "b-reaction", "c-reaction"]);
    }

    #[test]
    fn parts_of_the_day_sort_among_times_and_loops_do_not_hang() {
        let mut evening = event("a-evening", "2010-11-23", None, None);
        evening.part_of_day = Some(PartOfDay::Evening);
        let mut one = event("c-one", "2010-11-24", None, None);
        one.after = Some("d-two".into());
        let mut two = event("d-two", "2010-11-24", None, None);
        two.after = Some("c-one".into());
        let events = [
            evening,
            event("b-noon", "2010-11-23", None, Some("12:00")),
            one,
            two,
        ];
        let order = ordered(&events);
        assert_eq!(&order[..2], ["b-noon", "a-evening"]);
        assert_eq!(order.len(), 4);
    }

    #[test]
    fn each_part_of_the_day_sorts_at_its_own_hour() {
        let part = |id: &str, part| {
            let mut e = event(id, "2010-11-23", None, None);
            e.part_of_day = Some(part);
            e
        };
        let at = |id: &str, time| event(id, "2010-11-23", None, Some(time));
        let events = [
            part("morning", PartOfDay::Morning),
            part("afternoon", PartOfDay::Afternoon),
            part("night", PartOfDay::Night),
            at("t-0859", "08:59"),
            at("t-0901", "09:01"),
            at("t-1459", "14:59"),
            at("t-1501", "15:01"),
            at("t-2159", "21:59"),
            at("t-2201", "22:01"),
        ];
        assert_eq!(
            ordered(&events),
            [
                "t-0859",
                "morning",
                "t-0901",
                "t-1459",
                "afternoon",
                "t-1501",
                "t-2159",
                "night",
                "t-2201"
            ]
        );
    }

    #[test]
    fn times_are_read_strictly() {
        assert_eq!(minutes("14:38"), Some(878));
        assert_eq!(minutes("24:00"), None);
        assert_eq!(minutes("12:60"), None);
        assert_eq!(minutes("23:59"), Some(1439));
        assert_eq!(minutes("9"), None);
    }
}
