//! Hand-made datasets for unit tests: records with only the fields a test cares about.
use super::{
    Actor, ActorKind, Catalog, Dataset, Event, EventKind, Meta, Participant, Precision, Role, Side,
    SourceRef, SourceWork,
};

pub fn actor(id: &str, kind: ActorKind, affiliation: Option<&str>, side: Option<Side>) -> Actor {
    Actor {
        id: id.into(),
        name: id.into(),
        native_name: None,
        title: None,
        kind,
        affiliation: affiliation.map(Into::into),
        side,
    }
}

pub fn p(actor: &str, role: Role) -> Participant {
    Participant {
        actor: actor.into(),
        role,
    }
}

pub fn event(id: &str, start: &str, participants: Vec<Participant>) -> Event {
    Event {
        id: id.into(),
        former_ids: vec![],
        after: None,
        title: id.into(),
        summary: String::new(),
        start: start.into(),
        end: None,
        precision: Precision::Day,
        time: None,
        part_of_day: None,
        context: false,
        kind: EventKind::Meeting,
        storylines: vec![],
        participants,
        places: vec![],
        figures: vec![],
        quotes: vec![],
        sources: vec![SourceRef {
            section: "Chronology".into(),
            paragraph: 1,
            url: None,
        }],
        notes: vec![],
    }
}

pub fn catalog(actors: Vec<Actor>, events: Vec<Event>) -> Catalog {
    Catalog::new(Dataset {
        schema: None,
        meta: Meta {
            title: "test".into(),
            source: SourceWork {
                publication: "p".into(),
                chapter: "c".into(),
                article: "a".into(),
                author: "x".into(),
                affiliation: None,
                period: "2010".into(),
            },
        },
        storylines: vec![],
        actors,
        places: vec![],
        lines: vec![],
        events,
    })
}

/// An event of `start` (and `end`, approximate) with a time of day, for date and order tests.
pub fn dated(id: &str, start: &str, end: Option<&str>, time: Option<&str>) -> Event {
    let mut e = event(id, start, Vec::new());
    e.end = end.map(Into::into);
    e.precision = if end.is_some() {
        Precision::Approximate
    } else {
        Precision::Day
    };
    e.time = time.map(Into::into);
    e
}

/// A `dated` event (no time of day) of `kind` with its participants, for the compare tests.
pub fn kind_event(
    id: &str,
    start: &str,
    end: Option<&str>,
    kind: EventKind,
    who: Vec<Participant>,
) -> Event {
    let mut e = dated(id, start, end, None);
    e.kind = kind;
    e.participants = who;
    e
}

/// A catalog with places (named by id, at 0° 0°) besides actors and events.
pub fn catalog_with_places(actors: Vec<Actor>, places: &[&str], events: Vec<Event>) -> Catalog {
    let mut dataset = catalog(actors, Vec::new()).dataset;
    dataset.places = places
        .iter()
        .map(|&id| super::Place {
            id: id.into(),
            name: id.into(),
            native_name: None,
            kind: super::PlaceKind::City,
            lat: 0.0,
            lon: 0.0,
            country: None,
        })
        .collect();
    dataset.events = events;
    Catalog::new(dataset)
}

/// A catalog of the compare mode's tests: China (with Wen), Russia (with Lavrov), the two
/// Koreas and the US, and the events given.
pub fn sides(events: Vec<Event>) -> Catalog {
    let actors = vec![
        actor("china", ActorKind::State, None, Some(Side::China)),
        actor("russia", ActorKind::State, None, Some(Side::Russia)),
        actor("north-korea", ActorKind::State, None, Some(Side::Koreas)),
        actor("south-korea", ActorKind::State, None, Some(Side::Koreas)),
        actor(
            "united-states",
            ActorKind::State,
            None,
            Some(Side::UsAllies),
        ),
        actor("wen", ActorKind::Person, Some("china"), None),
        actor("lavrov", ActorKind::Person, Some("russia"), None),
    ];
    catalog_with_places(actors, &["yeonpyeong", "moscow", "seoul"], events)
}
