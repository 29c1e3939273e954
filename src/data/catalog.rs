//! A validated dataset with the indexes every view needs: events in date order, id lookups,
//! each event's day span, countries and sides, and each actor's and place's events. Built
//! once per loaded file; the app shares it behind an `Rc` and never clones it.

use super::date::Date;
use super::model::{Actor, ActorKind, Dataset, Event, Place, Side, Storyline};
use super::order::chronicle_order;
use super::period::Period;
use rustc_hash::FxHashMap;

/// An event's days, inclusive at both ends, as day numbers (see [`Date::to_days`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: i32,
    pub end: i32,
}

impl Span {
    pub fn overlaps(self, from: i32, to: i32) -> bool {
        self.start <= to && self.end >= from
    }
}

#[derive(Debug)]
pub struct Catalog {
    pub dataset: Dataset,
    /// Per event (same order as `dataset.events`, in the chronicle's order: `data::order`).
    pub spans: Vec<Span>,
    /// The months the chronicle is about and the years around them (`data::period`).
    pub period: Period,
    /// Per event: the states and organisations behind its participants (actor indices).
    pub event_countries: Vec<Vec<usize>>,
    /// Per event: the sides (timeline lanes) it belongs to, in `Side::ALL` order.
    pub event_sides: Vec<Vec<Side>>,
    /// Per event: its participants and quoted speakers (actor indices, ascending).
    pub event_actors: Vec<Vec<usize>>,
    /// Per actor: the events they take part in or are quoted in, in date order.
    pub actor_events: Vec<Vec<usize>>,
    /// Per place: its events in date order.
    pub place_events: Vec<Vec<usize>>,
    /// Per actor: the state or organisation at the root of its affiliation chain.
    pub actor_root: Vec<usize>,
    event_by_id: FxHashMap<String, usize>,
    event_by_former_id: FxHashMap<String, usize>,
    actor_by_id: FxHashMap<String, usize>,
    place_by_id: FxHashMap<String, usize>,
    storyline_by_id: FxHashMap<String, usize>,
}

impl Catalog {
    /// Indexes a dataset that passed validation (unparsable dates fall back to day 0
    /// rather than panicking, but validation has already refused them).
    pub fn new(mut dataset: Dataset) -> Catalog {
        let span_of = |event: &Event| {
            let start = Date::parse(&event.start).map_or(0, Date::to_days);
            let end = event
                .end
                .as_deref()
                .and_then(Date::parse)
                .map_or(start, Date::to_days);
            Span {
                start,
                end: end.max(start),
            }
        };
        // Dates are parsed once per event, not once per comparison.
        let spans: Vec<Span> = dataset.events.iter().map(span_of).collect();
        let order = chronicle_order(&dataset.events, &spans);
        let mut events: Vec<Option<Event>> = dataset.events.drain(..).map(Some).collect();
        dataset.events = order.iter().filter_map(|&i| events[i].take()).collect();
        let spans: Vec<Span> = order.iter().map(|&i| spans[i]).collect();
        let period = Period::of(&dataset.events, &spans);

        let index = |ids: Vec<&String>| -> FxHashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        let event_by_id = index(dataset.events.iter().map(|e| &e.id).collect());
        let event_by_former_id = dataset
            .events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.former_ids.iter().map(move |old| (old.clone(), i)))
            .collect();
        let actor_by_id = index(dataset.actors.iter().map(|a| &a.id).collect());
        let place_by_id = index(dataset.places.iter().map(|p| &p.id).collect());
        let storyline_by_id = index(dataset.storylines.iter().map(|s| &s.id).collect());

        let actor_root: Vec<usize> = (0..dataset.actors.len())
            .map(|i| root_of(&dataset.actors, &actor_by_id, i))
            .collect();

        let mut actor_events = vec![Vec::new(); dataset.actors.len()];
        let mut place_events = vec![Vec::new(); dataset.places.len()];
        let mut event_actors = Vec::with_capacity(dataset.events.len());
        let mut event_countries = Vec::with_capacity(dataset.events.len());
        let mut event_sides = Vec::with_capacity(dataset.events.len());
        for (event_index, event) in dataset.events.iter().enumerate() {
            let mut actors: Vec<usize> = event
                .participants
                .iter()
                .map(|p| &p.actor)
                .chain(event.quotes.iter().map(|q| &q.speaker))
                .filter_map(|id| actor_by_id.get(id).copied())
                .collect();
            actors.sort_unstable();
            actors.dedup();
            for &actor in &actors {
                actor_events[actor].push(event_index);
            }
            let mut countries: Vec<usize> = actors.iter().map(|&a| actor_root[a]).collect();
            countries.sort_unstable();
            countries.dedup();
            let mut sides: Vec<Side> = countries
                .iter()
                .filter_map(|&c| dataset.actors[c].side)
                .collect();
            sides.sort_unstable();
            sides.dedup();
            event_actors.push(actors);
            event_countries.push(countries);
            event_sides.push(sides);
            for place in &event.places {
                if let Some(&p) = place_by_id.get(place) {
                    if place_events[p].last() != Some(&event_index) {
                        place_events[p].push(event_index);
                    }
                }
            }
        }

        Catalog {
            dataset,
            spans,
            period,
            event_actors,
            event_countries,
            event_sides,
            actor_events,
            place_events,
            actor_root,
            event_by_id,
            event_by_former_id,
            actor_by_id,
            place_by_id,
            storyline_by_id,
        }
    }

    pub fn events(&self) -> &[Event] {
        &self.dataset.events
    }

    pub fn actors(&self) -> &[Actor] {
        &self.dataset.actors
    }

    pub fn places(&self) -> &[Place] {
        &self.dataset.places
    }

    pub fn storylines(&self) -> &[Storyline] {
        &self.dataset.storylines
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.event_by_id.get(id).copied()
    }

    /// The event that used to have the id `old` (see `Event::former_ids`).
    pub fn event_by_former_id(&self, old: &str) -> Option<usize> {
        self.event_by_former_id.get(old).copied()
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_by_id.get(id).copied()
    }

    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.place_by_id.get(id).copied()
    }

    pub fn storyline_index(&self, id: &str) -> Option<usize> {
        self.storyline_by_id.get(id).copied()
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index(id).map(|i| &self.dataset.actors[i])
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_index(id).map(|i| &self.dataset.places[i])
    }

    pub fn storyline(&self, id: &str) -> Option<&Storyline> {
        self.storyline_index(id)
            .map(|i| &self.dataset.storylines[i])
    }

    /// Whether anyone else belongs to actor `a` (a state's or organisation's people), so
    /// that its events include theirs.
    pub fn has_people(&self, a: usize) -> bool {
        self.actor_root
            .iter()
            .enumerate()
            .any(|(m, &root)| root == a && m != a)
    }

    /// States and organisations that stand behind at least one event: the values of the
    /// country/side facet.
    pub fn countries(&self) -> Vec<usize> {
        let mut countries: Vec<usize> = self.event_countries.iter().flatten().copied().collect();
        countries.sort_unstable();
        countries.dedup();
        countries
    }
}

/// Follows `affiliation` up to a state or organisation with none; stops on a cycle.
fn root_of(actors: &[Actor], by_id: &FxHashMap<String, usize>, start: usize) -> usize {
    let mut current = start;
    for _ in 0..actors.len() {
        let actor = &actors[current];
        let parent = actor
            .affiliation
            .as_ref()
            .and_then(|id| by_id.get(id))
            .copied();
        match parent {
            Some(parent) if parent != current => current = parent,
            _ => break,
        }
    }
    if matches!(
        actors[current].kind,
        ActorKind::State | ActorKind::Organisation
    ) {
        current
    } else {
        start
    }
}
