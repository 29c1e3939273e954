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
