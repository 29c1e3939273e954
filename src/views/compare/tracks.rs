//! A track: one side, actor or storyline followed through the chronicle — its events, its
//! contacts (who met, called or visited whom, and who reached out) and its places.
//!
//! A track's events are the project's one definition of whose events are whose, so the
//! compare mode lights what the other views light: a side's events are its timeline lane
//! (`Catalog::event_sides`), an actor's are `Target::Actor(…).events` (for a state or
//! organisation, with everyone affiliated with it), a storyline's are the events filed
//! under it. Among them, the track *took part* in those where one of its actors has a role
//! other than subject (an event where China is only talked about is in China's lane, but
//! it is not something China did).

use crate::data::{Catalog, EventKind, Role, Side};
use crate::query::Target;

/// What a track follows, by id: the form a link carries.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TrackKey {
    Side(Side),
    Actor(String),
    Storyline(String),
}

impl TrackKey {
    /// The pair the compare mode opens with: China and Russia.
    pub fn default_pair() -> [TrackKey; 2] {
        [TrackKey::Side(Side::China), TrackKey::Side(Side::Russia)]
    }

    /// `side.china`, `actor.wen-jiabao`, `story.korea-crisis`: the key as a link writes it
    /// (a side and a state may share an id, so the kind is spelled out).
    pub fn id(&self) -> String {
        match self {
            TrackKey::Side(side) => format!("side.{}", side.id()),
            TrackKey::Actor(id) => format!("actor.{id}"),
            TrackKey::Storyline(id) => format!("story.{id}"),
        }
    }

    /// Reads [`TrackKey::id`]'s form; `None` for anything else.
    pub fn parse(text: &str) -> Option<TrackKey> {
        let (kind, id) = text.split_once('.')?;
        if !crate::data::validate::is_kebab_id(id) {
            return None;
        }
        match kind {
            "side" => Side::ALL
                .into_iter()
                .find(|s| s.id() == id)
                .map(TrackKey::Side),
            "actor" => Some(TrackKey::Actor(id.to_owned())),
            "story" => Some(TrackKey::Storyline(id.to_owned())),
            _ => None,
        }
    }
}

/// A track resolved against a catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Who {
    Side(Side),
    Actor(usize),
    Storyline(usize),
}

impl Who {
    /// `None` when the catalog does not know the actor or storyline.
    pub fn resolve(catalog: &Catalog, key: &TrackKey) -> Option<Who> {
        match key {
            TrackKey::Side(side) => Some(Who::Side(*side)),
            TrackKey::Actor(id) => catalog.actor_index(id).map(Who::Actor),
            TrackKey::Storyline(id) => catalog.storyline_index(id).map(Who::Storyline),
        }
    }

    /// The reader-facing name: the side's label, the actor's name, the storyline's title.
    pub fn label(self, catalog: &Catalog) -> String {
        match self {
            Who::Side(side) => side.label().to_owned(),
            Who::Actor(a) => catalog.actors()[a].name.clone(),
            Who::Storyline(s) => catalog.storylines()[s].title.clone(),
        }
    }

    /// Whether `actor` acts for the track: an actor is itself and, for a state or
    /// organisation, everyone affiliated with it; a side is every actor whose state or
    /// organisation stands on it. A storyline has no actors of its own.
    pub fn includes(self, catalog: &Catalog, actor: usize) -> bool {
        let root = catalog.actor_root[actor];
        match self {
            Who::Side(side) => catalog.actors()[root].side == Some(side),
            Who::Actor(a) => actor == a || root == a,
            Who::Storyline(_) => false,
        }
    }

    /// Whether the state or organisation `root` is the track's own party (not a contact):
    /// a side's states, an actor's own state.
    fn own_party(self, catalog: &Catalog, root: usize) -> bool {
        match self {
            Who::Side(side) => catalog.actors()[root].side == Some(side),
            Who::Actor(a) => root == catalog.actor_root[a],
            Who::Storyline(_) => false,
        }
    }

    /// The track's events, ascending (the chronicle's order).
    pub fn events(self, catalog: &Catalog) -> Vec<usize> {
        match self {
            Who::Side(side) => (0..catalog.events().len())
                .filter(|&e| catalog.event_sides[e].contains(&side))
                .collect(),
            Who::Actor(a) => Target::Actor(a).events(catalog),
            Who::Storyline(s) => {
                let id = &catalog.storylines()[s].id;
                (0..catalog.events().len())
                    .filter(|&e| catalog.events()[e].storylines.contains(id))
                    .collect()
            }
        }
    }

    /// Whether the track took part in `event`: one of its actors is there in a role other
    /// than subject (or is quoted). Every event of a storyline is its own.
    pub fn took_part(self, catalog: &Catalog, event: usize) -> bool {
        if let Who::Storyline(_) = self {
            return true;
        }
        let record = &catalog.events()[event];
        let active = |id: &String| {
            catalog
                .actor_index(id)
                .is_some_and(|a| self.includes(catalog, a))
        };
        record
            .participants
            .iter()
            .any(|p| p.role != Role::Subject && active(&p.actor))
            || record.quotes.iter().any(|q| active(&q.speaker))
    }
}

/// An actor in an event with its role.
type Present = (usize, Role);

/// Kinds of event in which parties are in contact: they met, called or visited.
pub const CONTACT_KINDS: [EventKind; 4] = [
    EventKind::Meeting,
    EventKind::PhoneCall,
    EventKind::Visit,
    EventKind::Summit,
];

/// Who reached out in a contact, from the track's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The track initiated (placed the call, paid the visit, invited).
    Outgoing,
    /// The other party initiated.
    Incoming,
    /// Both or neither did: a meeting of equals, a summit called by a third party.
    Unstated,
}

/// One contact: an event in which the track met, called or visited another party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub event: usize,
    /// The other party: the state or organisation (or unaffiliated person) at the root of
    /// its actors' affiliations.
    pub party: usize,
    /// The track's actors in the event (for a storyline, everyone but the party's).
    pub ours: Vec<usize>,
    /// The party's actors in the event.
    pub theirs: Vec<usize>,
    pub direction: Direction,
}

/// A place of the track, with its events there (ascending).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackPlace {
    pub place: usize,
    pub events: Vec<usize>,
}

/// A track's events, contacts and places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Track {
    pub key: TrackKey,
    pub who: Who,
    pub label: String,
    /// The track's events, ascending.
    pub events: Vec<usize>,
    /// Those it took part in (see [`Who::took_part`]), ascending.
    pub took_part: Vec<usize>,
    /// Its contacts, by event then party.
    pub contacts: Vec<Contact>,
    /// Its places, in the order it first went there.
    pub places: Vec<TrackPlace>,
}

impl Track {
    /// The track of `key`; `None` when the catalog does not know it.
    pub fn build(catalog: &Catalog, key: &TrackKey) -> Option<Track> {
        let who = Who::resolve(catalog, key)?;
        let events = who.events(catalog);
        let took_part = events
            .iter()
            .copied()
            .filter(|&e| who.took_part(catalog, e))
            .collect();
        let contacts = events
            .iter()
            .flat_map(|&e| contacts_in(catalog, who, e))
            .collect();
        Some(Track {
            key: key.clone(),
            who,
            label: who.label(catalog),
            places: places_of(catalog, &events),
            events,
            took_part,
            contacts,
        })
    }

    /// The contacts with `party` (a state's or organisation's actor index), in date order.
    pub fn contacts_with(&self, party: usize) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(move |c| c.party == party)
    }
}

/// The contacts of the track in `event`: for each other party with actors in the event,
/// one contact, if the event is a meeting, call, visit or summit and the track has actors
/// there. Subjects and quoted speakers are talked about or talking, not in contact.
pub fn contacts_in(catalog: &Catalog, who: Who, event: usize) -> Vec<Contact> {
    let record = &catalog.events()[event];
    if !CONTACT_KINDS.contains(&record.kind) {
        return Vec::new();
    }
    let present: Vec<(usize, Role)> = record
        .participants
        .iter()
        .filter(|p| {
            matches!(
                p.role,
                Role::Initiator | Role::Counterpart | Role::Participant
            )
        })
        .filter_map(|p| Some((catalog.actor_index(&p.actor)?, p.role)))
        .collect();
    let mut parties: Vec<usize> = present
        .iter()
        .map(|&(a, _)| catalog.actor_root[a])
        .filter(|&root| !who.own_party(catalog, root))
        .collect();
    parties.sort_unstable();
    parties.dedup();
    let mut contacts = Vec::new();
    for party in parties {
        let (theirs, ours): (Vec<Present>, Vec<Present>) = present
            .iter()
            .filter(|&&(a, _)| {
                matches!(who, Who::Storyline(_))
                    || catalog.actor_root[a] == party
                    || who.includes(catalog, a)
            })
            .partition(|&&(a, _)| catalog.actor_root[a] == party);
        if ours.is_empty() {
            continue;
        }
        let initiated = |side: &[(usize, Role)]| side.iter().any(|&(_, r)| r == Role::Initiator);
        let direction = match (initiated(&ours), initiated(&theirs)) {
            (true, false) => Direction::Outgoing,
            (false, true) => Direction::Incoming,
            _ => Direction::Unstated,
        };
        let actors = |side: Vec<(usize, Role)>| {
            let mut list: Vec<usize> = side.into_iter().map(|(a, _)| a).collect();
            list.sort_unstable();
            list.dedup();
            list
        };
        contacts.push(Contact {
            event,
            party,
            ours: actors(ours),
            theirs: actors(theirs),
            direction,
        });
    }
    contacts
}

fn places_of(catalog: &Catalog, events: &[usize]) -> Vec<TrackPlace> {
    let mut places: Vec<TrackPlace> = Vec::new();
    let mut slot: rustc_hash::FxHashMap<usize, usize> = Default::default();
    for &e in events {
        for id in &catalog.events()[e].places {
            let Some(place) = catalog.place_index(id) else {
                continue;
            };
            let at = *slot.entry(place).or_insert_with(|| {
                places.push(TrackPlace {
                    place,
                    events: Vec::new(),
                });
                places.len() - 1
            });
            if places[at].events.last() != Some(&e) {
                places[at].events.push(e);
            }
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{kind_event, p, sides};
    use crate::data::{Event, Role::*};

    fn ev(id: &str, day: &str, kind: EventKind, who: Vec<crate::data::Participant>) -> Event {
        kind_event(id, day, None, kind, who)
    }

    fn ids(catalog: &Catalog, events: &[usize]) -> Vec<String> {
        events
            .iter()
            .map(|&e| catalog.events()[e].id.clone())
            .collect()
    }

    fn track(catalog: &Catalog, key: TrackKey) -> Track {
        Track::build(catalog, &key).unwrap()
    }

    #[test]
    fn keys_read_back_what_they_write() {
        for key in [
            TrackKey::Side(Side::UsAllies),
            TrackKey::Actor("wen-jiabao".into()),
            TrackKey::Storyline("korea-crisis".into()),
        ] {
            assert_eq!(TrackKey::parse(&key.id()), Some(key.clone()));
        }
        assert_eq!(TrackKey::Side(Side::China).id(), "side.china");
        assert_eq!(TrackKey::Actor("x".into()).id(), "actor.x");
        assert_eq!(TrackKey::Storyline("y".into()).id(), "story.y");
        for bad in [
            "china",
            "side.mars",
            "actor.Bad Id",
            "story.",
            "place.moscow",
            "",
        ] {
            assert_eq!(TrackKey::parse(bad), None, "{bad}");
        }
        assert_eq!(
            TrackKey::default_pair(),
            [TrackKey::Side(Side::China), TrackKey::Side(Side::Russia)]
        );
    }

    #[test]
    fn a_track_s_events_are_those_the_other_views_light() {
        let mut story = ev(
            "talked-about",
            "2010-11-25",
            EventKind::Statement,
            vec![p("lavrov", Speaker), p("china", Subject)],
        );
        story.storylines = vec!["crisis".into()];
        let catalog = sides(vec![
            ev(
                "wen-meets",
                "2010-11-24",
                EventKind::Meeting,
                vec![p("wen", Initiator), p("lavrov", Counterpart)],
            ),
            story,
            ev(
                "koreas",
                "2010-11-26",
                EventKind::Other,
                vec![p("north-korea", Participant)],
            ),
        ]);
        let china = track(&catalog, TrackKey::Side(Side::China));
        assert_eq!(ids(&catalog, &china.events), ["wen-meets", "talked-about"]);
        // Only talked about: in China's lane, but not something China did.
        assert_eq!(ids(&catalog, &china.took_part), ["wen-meets"]);
        assert_eq!(china.label, "China");
        let state = track(&catalog, TrackKey::Actor("china".into()));
        assert_eq!(
            state.events,
            Target::Actor(catalog.actor_index("china").unwrap()).events(&catalog)
        );
        let wen = track(&catalog, TrackKey::Actor("wen".into()));
        assert_eq!(ids(&catalog, &wen.events), ["wen-meets"]);
        let lavrov = track(&catalog, TrackKey::Actor("lavrov".into()));
        assert_eq!(
            ids(&catalog, &lavrov.took_part),
            ["wen-meets", "talked-about"]
        );
        assert!(Track::build(&catalog, &TrackKey::Storyline("crisis".into())).is_none());
        assert!(Track::build(&catalog, &TrackKey::Actor("nobody".into())).is_none());
    }

    #[test]
    fn a_quoted_speaker_takes_part_and_a_storyline_owns_its_events() {
        let mut quoted = ev(
            "quoted",
            "2010-11-25",
            EventKind::Statement,
            vec![p("china", Subject)],
        );
        quoted.quotes = vec![crate::data::Quote {
            speaker: "wen".into(),
            text: "…".into(),
        }];
        quoted.storylines = vec!["crisis".into()];
        let mut catalog = sides(vec![quoted]);
        let china = Who::Side(Side::China);
        assert!(china.took_part(&catalog, 0));
        catalog.dataset.storylines.push(crate::data::Storyline {
            id: "crisis".into(),
            title: "The crisis".into(),
            context: String::new(),
            tour: vec![],
        });
        let catalog = Catalog::new(catalog.dataset);
        let story = track(&catalog, TrackKey::Storyline("crisis".into()));
        assert_eq!(story.label, "The crisis");
        assert_eq!(ids(&catalog, &story.took_part), ["quoted"]);
        assert!(!Who::Storyline(0).includes(&catalog, 0));
    }

    #[test]
    fn contacts_say_who_reached_out() {
        let catalog = sides(vec![
            ev(
                "a-call",
                "2010-11-24",
                EventKind::PhoneCall,
                vec![
                    p("wen", Initiator),
                    p("china", Initiator),
                    p("south-korea", Counterpart),
                ],
            ),
            ev(
                "b-visit",
                "2010-11-25",
                EventKind::Visit,
                vec![p("south-korea", Initiator), p("russia", Counterpart)],
            ),
            ev(
                "c-summit",
                "2010-11-26",
                EventKind::Summit,
                vec![
                    p("china", Participant),
                    p("russia", Participant),
                    p("united-states", Participant),
                ],
            ),
            ev(
                "d-warning",
                "2010-11-27",
                EventKind::Statement,
                vec![p("china", Speaker), p("united-states", Counterpart)],
            ),
            ev(
                "e-talked-about",
                "2010-11-28",
                EventKind::Meeting,
                vec![
                    p("china", Participant),
                    p("north-korea", Subject),
                    p("lavrov", Speaker),
                ],
            ),
        ]);
        let china = track(&catalog, TrackKey::Side(Side::China));
        let [sk, russia, us] =
            ["south-korea", "russia", "united-states"].map(|id| catalog.actor_index(id).unwrap());
        let [wen, cn] = ["wen", "china"].map(|id| catalog.actor_index(id).unwrap());
        let found: Vec<(String, usize, Direction)> = china
            .contacts
            .iter()
            .map(|c| (catalog.events()[c.event].id.clone(), c.party, c.direction))
            .collect();
        assert_eq!(
            found,
            [
                ("a-call".to_owned(), sk, Direction::Outgoing),
                ("c-summit".to_owned(), russia, Direction::Unstated),
                ("c-summit".to_owned(), us, Direction::Unstated),
            ]
        );
        let call = &china.contacts[0];
        assert_eq!(call.ours, {
            let mut v = vec![wen, cn];
            v.sort_unstable();
            v
        });
        assert_eq!(call.theirs, [sk]);
        let russia_track = track(&catalog, TrackKey::Side(Side::Russia));
        let from_seoul: Vec<&Contact> = russia_track.contacts_with(sk).collect();
        assert_eq!(from_seoul.len(), 1);
        assert_eq!(from_seoul[0].direction, Direction::Incoming);
        assert_eq!(china.contacts_with(us).count(), 1);
    }

    #[test]
    fn a_person_s_own_state_is_not_a_contact_and_a_storyline_sees_every_party() {
        let mut meeting = ev(
            "meeting",
            "2010-11-24",
            EventKind::Meeting,
            vec![
                p("wen", Initiator),
                p("china", Initiator),
                p("lavrov", Counterpart),
                p("russia", Counterpart),
            ],
        );
        meeting.storylines = vec!["visit".into()];
        let mut catalog = sides(vec![meeting]);
        catalog.dataset.storylines.push(crate::data::Storyline {
            id: "visit".into(),
            title: "Visit".into(),
            context: String::new(),
            tour: vec![],
        });
        let catalog = Catalog::new(catalog.dataset);
        let [cn, ru, wen, lavrov] =
            ["china", "russia", "wen", "lavrov"].map(|id| catalog.actor_index(id).unwrap());
        let wen_track = track(&catalog, TrackKey::Actor("wen".into()));
        assert_eq!(wen_track.contacts.len(), 1);
        assert_eq!(wen_track.contacts[0].party, ru);
        assert_eq!(wen_track.contacts[0].ours, [wen]);
        assert_eq!(wen_track.contacts[0].theirs, {
            let mut v = vec![ru, lavrov];
            v.sort_unstable();
            v
        });
        assert_eq!(wen_track.contacts[0].direction, Direction::Outgoing);
        let story = track(&catalog, TrackKey::Storyline("visit".into()));
        let parties: Vec<(usize, Direction)> = story
            .contacts
            .iter()
            .map(|c| (c.party, c.direction))
            .collect();
        assert_eq!(
            parties,
            [(cn, Direction::Incoming), (ru, Direction::Outgoing)]
        );
    }

    #[test]
    fn places_are_listed_in_the_order_the_track_went_there() {
        let at = |id: &str, day: &str, places: &[&str]| {
            let mut e = ev(id, day, EventKind::Visit, vec![p("china", Initiator)]);
            e.places = places.iter().map(|&p| p.into()).collect();
            e
        };
        let catalog = sides(vec![
            at("a", "2010-11-24", &["seoul", "moscow", "seoul"]),
            at("b", "2010-11-25", &["nowhere", "moscow"]),
            at("c", "2010-11-26", &["yeonpyeong"]),
        ]);
        let china = track(&catalog, TrackKey::Side(Side::China));
        let listed: Vec<(String, Vec<String>)> = china
            .places
            .iter()
            .map(|p| {
                (
                    catalog.places()[p.place].id.clone(),
                    ids(&catalog, &p.events),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                ("seoul".to_owned(), vec!["a".to_owned()]),
                ("moscow".to_owned(), vec!["a".to_owned(), "b".to_owned()]),
                ("yeonpyeong".to_owned(), vec!["c".to_owned()]),
            ]
        );
    }
}
