//! Everything the compare view shows for one link, computed once per link, dataset and
//! filters (the view memoises it on them): the two tracks with their events placed on the
//! anchor's axis, their periods around the split, their first contacts, and the summary.
//! Only the pixels (`axis`) depend on the view's width.

use crate::data::Catalog;
use crate::url::CompareLink;

use super::axis;
use super::link::anchors;
use super::periods::{periods, Periods};
use super::relative::{place, Anchor, DayRange, Placement};
use super::summary::{first_contact_line, summary, DEFAULT_PARTIES};
use super::tracks::{Contact, Track};

/// One track as the view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackView {
    pub track: Track,
    /// Its events in the chronicle's order, placed on the anchor's axis.
    pub placed: Vec<(usize, Placement)>,
    /// Its counts before and after the split.
    pub periods: Periods,
    /// Its first contact after the anchor with each party of [`DEFAULT_PARTIES`] the data
    /// has, worded.
    pub first_contacts: Vec<String>,
}

impl TrackView {
    /// The track's contacts whose events are drawn on the axis of `days`, in date order.
    pub fn contacts_on(&self, days: DayRange) -> Vec<&Contact> {
        self.track
            .contacts
            .iter()
            .filter(|c| {
                self.placed
                    .iter()
                    .find(|(e, _)| *e == c.event)
                    .is_some_and(|(_, p)| axis::drawn(days, p.begins))
            })
            .collect()
    }
}

/// The compare view of a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub anchor: Anchor,
    pub split: Anchor,
    pub days: Option<u32>,
    pub tracks: Vec<TrackView>,
    /// The days the axis shows (see [`axis::domain`]), background events aside.
    pub domain: DayRange,
    pub summary: String,
}

/// The model of `link` (already checked against `catalog`, see `link::retain_known`), with
/// only the events of `shown` when the filters leave some out; `None` for a dataset without
/// events.
pub fn build(catalog: &Catalog, link: &CompareLink, shown: Option<&[usize]>) -> Option<Model> {
    let (anchor, split) = anchors(catalog, link)?;
    let tracks: Vec<TrackView> = link
        .pair
        .iter()
        .filter_map(|key| Track::build(catalog, key))
        .map(|track| {
            let track = match shown {
                Some(shown) => within(track, shown),
                None => track,
            };
            let placed = track
                .events
                .iter()
                .map(|&e| (e, place(catalog, &anchor, e)))
                .collect();
            let first_contacts = DEFAULT_PARTIES
                .iter()
                .filter_map(|id| catalog.actor_index(id))
                .map(|party| first_contact_line(catalog, &track, &anchor, party))
                .collect();
            TrackView {
                periods: periods(catalog, &track, &split, link.days),
                placed,
                first_contacts,
                track,
            }
        })
        .collect();
    // Background events (the Korean War, the Cheonan sinking) do not stretch the axis.
    let all: Vec<Placement> = tracks
        .iter()
        .flat_map(|t| t.placed.iter())
        .filter(|(e, _)| !catalog.events()[*e].context)
        .map(|&(_, p)| p)
        .collect();
    let pair: Vec<Track> = tracks.iter().map(|t| t.track.clone()).collect();
    Some(Model {
        domain: axis::domain(&all, link.days),
        summary: summary(catalog, &pair, &anchor, link.days),
        anchor,
        split,
        days: link.days,
        tracks,
    })
}

/// The track with only the events of `shown` (ascending, as `Exploration::shown` is).
pub fn within(mut track: Track, shown: &[usize]) -> Track {
    let keep = |e: &usize| shown.binary_search(e).is_ok();
    track.events.retain(keep);
    track.took_part.retain(keep);
    track.contacts.retain(|c| keep(&c.event));
    for place in &mut track.places {
        place.events.retain(keep);
    }
    track.places.retain(|p| !p.events.is_empty());
    track
}

/// The events a reader can pick as anchor or split: those of either track when there are
/// at most `limit` of them, else none of them; always the default anchor, the current
/// anchor and split, and `extra` (the selected event). In the chronicle's order.
pub fn event_choices(
    catalog: &Catalog,
    model: &Model,
    extra: Option<usize>,
    limit: usize,
) -> Vec<usize> {
    let mut choices: Vec<usize> = [
        Anchor::default_for(catalog).map(|a| a.event),
        Some(model.anchor.event),
        Some(model.split.event),
        extra,
    ]
    .into_iter()
    .flatten()
    .collect();
    let total: usize = model.tracks.iter().map(|t| t.track.events.len()).sum();
    if total <= limit {
        choices.extend(
            model
                .tracks
                .iter()
                .flat_map(|t| t.track.events.iter().copied()),
        );
    }
    choices.sort_unstable();
    choices.dedup();
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{kind_event, p, sides};
    use crate::data::{Event, EventKind, Role::*, Side};
    use crate::views::compare::tracks::TrackKey;

    fn ev(id: &str, day: &str, kind: EventKind, who: Vec<crate::data::Participant>) -> Event {
        kind_event(id, day, None, kind, who)
    }

    fn catalog() -> Catalog {
        sides(vec![
            ev(
                "2010-11-20-before",
                "2010-11-20",
                EventKind::Statement,
                vec![p("china", Speaker)],
            ),
            ev(
                "2010-11-23-yeonpyeong-shelling",
                "2010-11-23",
                EventKind::MilitaryAction,
                vec![p("north-korea", Initiator)],
            ),
            ev(
                "2010-11-25-call",
                "2010-11-25",
                EventKind::PhoneCall,
                vec![p("china", Initiator), p("south-korea", Counterpart)],
            ),
            ev(
                "2010-11-26-moscow",
                "2010-11-26",
                EventKind::Statement,
                vec![p("russia", Speaker)],
            ),
        ])
    }

    #[test]
    fn the_model_places_both_tracks_around_the_anchor() {
        let catalog = catalog();
        let model = build(&catalog, &CompareLink::default(), None).unwrap();
        assert_eq!(
            catalog.events()[model.anchor.event].id,
            "2010-11-23-yeonpyeong-shelling"
        );
        assert_eq!(model.split, model.anchor);
        let labels: Vec<&str> = model
            .tracks
            .iter()
            .map(|t| t.track.label.as_str())
            .collect();
        assert_eq!(labels, ["China", "Russia"]);
        let china: Vec<(usize, i32)> = model.tracks[0]
            .placed
            .iter()
            .map(|(e, p)| (*e, p.begins.lo))
            .collect();
        assert_eq!(china, [(0, -3), (2, 2)]);
        assert_eq!(model.tracks[0].periods.before.surely, 1);
        assert_eq!(model.tracks[0].periods.after.surely, 1);
        assert_eq!(model.tracks[1].periods.after.surely, 1);
        assert_eq!(model.domain, DayRange { lo: -4, hi: 4 });
        let mut old = catalog.dataset.clone();
        old.events[0].context = true;
        old.events[0].start = "2008-08-08".into();
        let old = Catalog::new(old);
        let with_background = build(&old, &CompareLink::default(), None).unwrap();
        assert_eq!(with_background.domain, DayRange { lo: -1, hi: 4 });
        assert_eq!(with_background.tracks[0].placed.len(), 2);
        assert_eq!(
            model.summary,
            summary(
                &catalog,
                &[model.tracks[0].track.clone(), model.tracks[1].track.clone()],
                &model.anchor,
                None
            )
        );
        // One line per party the data has (north-korea, south-korea, united-states).
        assert_eq!(model.tracks[0].first_contacts.len(), 3);
        assert!(
            model.tracks[0]
                .first_contacts
                .iter()
                .any(|l| l.contains("day 2")),
            "{:?}",
            model.tracks[0].first_contacts
        );
        let days = build(
            &catalog,
            &CompareLink {
                days: Some(2),
                split: Some("2010-11-25-call".into()),
                ..CompareLink::default()
            },
            None,
        )
        .unwrap();
        assert_eq!(days.domain, DayRange { lo: -2, hi: 2 });
        assert_eq!(days.days, Some(2));
        assert_eq!(catalog.events()[days.split.event].id, "2010-11-25-call");
        assert_eq!(days.tracks[0].periods.after.surely, 0);
        assert_eq!(build(&sides(vec![]), &CompareLink::default(), None), None);
    }

    #[test]
    fn the_contacts_listed_are_those_on_the_axis() {
        let catalog = catalog();
        let model = build(&catalog, &CompareLink::default(), None).unwrap();
        let china = &model.tracks[0];
        let events = |days: DayRange| -> Vec<usize> {
            china.contacts_on(days).iter().map(|c| c.event).collect()
        };
        assert_eq!(events(DayRange { lo: -4, hi: 4 }), [2]);
        assert_eq!(events(DayRange { lo: 2, hi: 2 }), [2]);
        assert_eq!(events(DayRange { lo: 3, hi: 9 }), Vec::<usize>::new());
        assert_eq!(events(DayRange { lo: -9, hi: 1 }), Vec::<usize>::new());
    }

    #[test]
    fn filters_keep_only_the_shown_events_of_a_track() {
        let catalog = catalog();
        let model = build(&catalog, &CompareLink::default(), Some(&[1, 2, 3])).unwrap();
        let china = &model.tracks[0].track;
        assert_eq!(china.events, [2]);
        assert_eq!(china.took_part, [2]);
        assert_eq!(china.contacts.len(), 1);
        let hidden = within(china.clone(), &[0]);
        assert!(hidden.events.is_empty() && hidden.contacts.is_empty());
        assert!(hidden.took_part.is_empty() && hidden.places.is_empty());
        let mut at = catalog.dataset.clone();
        at.events[2].places = vec!["seoul".into()];
        at.events[0].places = vec!["moscow".into()];
        let placed = Catalog::new(at);
        let track = Track::build(&placed, &TrackKey::Side(Side::China)).unwrap();
        assert_eq!(track.places.len(), 2);
        let kept = within(track, &[2]);
        assert_eq!(kept.places.len(), 1);
        assert_eq!(kept.places[0].events, [2]);
    }

    #[test]
    fn choices_hold_the_anchors_the_selection_and_a_short_track_s_events() {
        let catalog = catalog();
        let model = build(&catalog, &CompareLink::default(), None).unwrap();
        assert_eq!(event_choices(&catalog, &model, None, 100), [0, 1, 2, 3]);
        assert_eq!(event_choices(&catalog, &model, None, 3), [0, 1, 2, 3]);
        assert_eq!(event_choices(&catalog, &model, None, 2), [1]);
        assert_eq!(event_choices(&catalog, &model, Some(3), 2), [1, 3]);
    }
}
