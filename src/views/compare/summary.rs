//! The compare mode's facts for a pair of tracks, computed from the data: the first act
//! after the anchor, the first contact with each party of interest, and the plain-language
//! summary (worded in `present`).

use crate::data::Catalog;
use crate::present::{self, TrackFacts};

use super::periods::periods;
use super::relative::{first_after, Anchor, First};
use super::tracks::{Direction, Track};

/// The parties whose first contact the compare mode reports by default: Pyongyang, Seoul
/// and Washington (actor ids; a dataset without them simply has no such row).
pub const DEFAULT_PARTIES: [&str; 3] = ["north-korea", "south-korea", "united-states"];

/// The first act of a track after the anchor: the first event it took part in.
pub fn first_act(catalog: &Catalog, track: &Track, anchor: &Anchor) -> Option<First> {
    first_after(catalog, anchor, track.took_part.iter().copied())
}

/// A track's first contact with a party after the anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstContact {
    pub party: usize,
    pub first: First,
    /// Who reached out in the earliest contact surely after the anchor (or, when none is
    /// sure, the earliest possible one).
    pub direction: Direction,
    pub event: usize,
}

/// The first contact of `track` with `party` (an actor index) at or after the anchor.
pub fn first_contact(
    catalog: &Catalog,
    track: &Track,
    anchor: &Anchor,
    party: usize,
) -> Option<FirstContact> {
    let contacts: Vec<_> = track.contacts_with(party).collect();
    let first = first_after(catalog, anchor, contacts.iter().map(|c| c.event))?;
    // The contact that sets the first possible day: the earliest candidate of the kind the
    // answer is about (sure, or any).
    let contact = contacts
        .iter()
        .filter(|c| {
            let placed = super::relative::place(catalog, anchor, c.event);
            let after = placed.moment == super::relative::Moment::After;
            (after || !first.sure) && placed.begins.hi.max(0) == first.days.hi
        })
        .min_by_key(|c| c.event)?;
    Some(FirstContact {
        party,
        first,
        direction: contact.direction,
        event: contact.event,
    })
}

/// The summary of `pair` around `anchor` over `days` days after it (see
/// `present::compare_summary`).
pub fn summary(catalog: &Catalog, pair: &[Track], anchor: &Anchor, days: Option<u32>) -> String {
    let facts: Vec<(usize, usize, Option<First>)> = pair
        .iter()
        .map(|track| {
            let counts = periods(catalog, track, anchor, days).took_part_after;
            (
                counts.surely,
                counts.perhaps,
                first_act(catalog, track, anchor),
            )
        })
        .collect();
    let facts: Vec<TrackFacts> = pair
        .iter()
        .zip(&facts)
        .map(|(track, &(surely, perhaps, first))| TrackFacts {
            label: &track.label,
            surely,
            perhaps,
            first: first.map(|f| (f.days.lo, f.days.hi)),
            first_sure: first.is_some_and(|f| f.sure),
        })
        .collect();
    present::compare_summary(&catalog.events()[anchor.event].title, days, &facts)
}

/// A track's first contact with `party` in the compare table's words (see
/// `present::first_contact`).
pub fn first_contact_line(
    catalog: &Catalog,
    track: &Track,
    anchor: &Anchor,
    party: usize,
) -> String {
    let name = &catalog.actors()[party].name;
    match first_contact(catalog, track, anchor, party) {
        None => present::first_contact(name, None, None),
        Some(found) => {
            let who = match found.direction {
                Direction::Outgoing => Some(track.label.as_str()),
                Direction::Incoming => Some(name.as_str()),
                Direction::Unstated => None,
            };
            present::first_contact(name, Some((found.first.days.lo, found.first.days.hi)), who)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{dated, kind_event, p, sides};
    use crate::data::{EventKind, Role::*};
    use crate::views::compare::relative::DayRange;
    use crate::views::compare::tracks::TrackKey;

    fn setup() -> (Catalog, Anchor, Vec<Track>) {
        let mut shelling = dated("shelling", "2010-11-23", None, Some("14:38"));
        shelling.title = "The shelling".into();
        shelling.participants = vec![p("north-korea", Initiator)];
        let mut reaction = kind_event(
            "a-reaction",
            "2010-11-23",
            Some("2010-11-24"),
            EventKind::Statement,
            vec![p("china", Speaker)],
        );
        reaction.after = Some("shelling".into());
        let catalog = sides(vec![
            shelling,
            reaction,
            kind_event(
                "b-seoul",
                "2010-11-27",
                None,
                EventKind::Visit,
                vec![p("china", Initiator), p("south-korea", Counterpart)],
            ),
            kind_event(
                "c-same-day",
                "2010-11-23",
                None,
                EventKind::Meeting,
                vec![p("russia", Participant), p("united-states", Participant)],
            ),
            kind_event(
                "d-russia",
                "2010-11-24",
                None,
                EventKind::Statement,
                vec![p("lavrov", Speaker)],
            ),
            kind_event(
                "e-washington",
                "2010-12-09",
                Some("2010-12-15"),
                EventKind::Visit,
                vec![p("russia", Initiator), p("united-states", Counterpart)],
            ),
            kind_event(
                "f-seoul-calls",
                "2010-12-15",
                None,
                EventKind::Visit,
                vec![p("south-korea", Initiator), p("russia", Counterpart)],
            ),
            kind_event(
                "g-earlier-seoul",
                "2010-11-01",
                None,
                EventKind::Visit,
                vec![p("china", Initiator), p("south-korea", Counterpart)],
            ),
        ]);
        let anchor = Anchor::by_id(&catalog, "shelling").unwrap();
        let pair = TrackKey::default_pair()
            .iter()
            .map(|k| Track::build(&catalog, k).unwrap())
            .collect();
        (catalog, anchor, pair)
    }

    #[test]
    fn the_summary_says_how_many_and_when_first_honest_about_ranges() {
        let (catalog, anchor, pair) = setup();
        assert_eq!(
            summary(&catalog, &pair, &anchor, Some(10)),
            "In the 10 days after “The shelling”: China took part in 2 events, first on day 0–1; \
             Russia in 1 event (perhaps 2), first on day 0–1."
        );
        assert_eq!(
            summary(&catalog, &pair, &anchor, None),
            "After “The shelling”: China took part in 2 events, first on day 0–1; \
             Russia in 3 events (perhaps 4), first on day 0–1."
        );
        assert_eq!(
            summary(&catalog, &pair[1..], &anchor, Some(1)),
            "On the day of “The shelling”: Russia took part in no events (perhaps 1), first on day 0–1."
        );
        let first = first_act(&catalog, &pair[1], &anchor).unwrap();
        assert_eq!(first.days, DayRange { lo: 0, hi: 1 });
        assert!(first.sure);
    }

    /// China's first contact with Seoul after the shelling, when Seoul visits China about
    /// `seoul_from` – `seoul_to` and China visits Seoul on 27 Nov (day 4).
    fn china_meets_seoul(seoul_from: &str, seoul_to: &str) -> (Catalog, FirstContact) {
        let catalog = sides(vec![
            dated("shelling", "2010-11-23", None, Some("14:38")),
            kind_event(
                "seoul-visits",
                seoul_from,
                Some(seoul_to),
                EventKind::Visit,
                vec![p("south-korea", Initiator), p("china", Counterpart)],
            ),
            kind_event(
                "china-visits",
                "2010-11-27",
                None,
                EventKind::Visit,
                vec![p("china", Initiator), p("south-korea", Counterpart)],
            ),
        ]);
        let anchor = Anchor::by_id(&catalog, "shelling").unwrap();
        let china = Track::build(&catalog, &TrackKey::default_pair()[0]).unwrap();
        let seoul = catalog.actor_index("south-korea").unwrap();
        let found = first_contact(&catalog, &china, &anchor, seoul).unwrap();
        (catalog, found)
    }

    #[test]
    fn who_reached_out_comes_from_the_contact_that_sets_the_first_day() {
        // Seoul's visit starts earlier but may have begun as late as day 12; China's visit
        // is surely the first by day 4.
        let (catalog, found) = china_meets_seoul("2010-11-25", "2010-12-05");
        assert_eq!(found.first.days, DayRange { lo: 2, hi: 4 });
        assert!(found.first.sure);
        assert_eq!(catalog.events()[found.event].id, "china-visits");
        assert_eq!(found.direction, Direction::Outgoing);
    }

    #[test]
    fn a_contact_that_may_predate_the_anchor_does_not_say_who_reached_out() {
        // Seoul's visit may have come before the shelling; China's surely came after it, on
        // the same last possible day.
        let (catalog, found) = china_meets_seoul("2010-11-20", "2010-11-27");
        assert_eq!(found.first.days, DayRange { lo: 0, hi: 4 });
        assert!(found.first.sure);
        assert_eq!(catalog.events()[found.event].id, "china-visits");
        assert_eq!(found.direction, Direction::Outgoing);
    }

    #[test]
    fn first_contacts_are_day_offsets_with_who_reached_out() {
        let (catalog, anchor, pair) = setup();
        let [nk, sk, us] = DEFAULT_PARTIES.map(|id| catalog.actor_index(id).unwrap());
        let [china, russia] = [&pair[0], &pair[1]];
        let seoul = first_contact(&catalog, china, &anchor, sk).unwrap();
        assert_eq!(seoul.first.days, DayRange::day(4));
        assert_eq!(seoul.direction, Direction::Outgoing);
        assert_eq!(catalog.events()[seoul.event].id, "b-seoul");
        assert_eq!(seoul.party, sk);
        assert_eq!(first_contact(&catalog, china, &anchor, nk), None);
        let lines: Vec<String> = [nk, sk, us]
            .iter()
            .map(|&party| first_contact_line(&catalog, russia, &anchor, party))
            .collect();
        assert_eq!(
            lines,
            [
                "north-korea: none",
                "south-korea: day 22, south-korea reached out",
                // The same-day meeting may have been before the shelling; the visit of
                // about 9–15 Dec was surely after, and Russia's doing: first on day 0–22.
                "united-states: day 0–22, Russia reached out",
            ]
        );
        assert_eq!(
            first_contact_line(&catalog, china, &anchor, sk),
            "south-korea: day 4, China reached out"
        );
    }
}
