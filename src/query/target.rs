//! What the reader points at — an event, an actor or a place — and the one rule for which
//! events that lights. Every view, the list and the details read the same answer, so a
//! hover or a selection never lights one set of events in the timeline and another on the
//! map.

use crate::data::Catalog;

/// An event, actor or place, by catalog index: what is selected, hovered or focused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Event(usize),
    Actor(usize),
    Place(usize),
}

impl Target {
    /// The selection of a route (at most one of the three is set), event first.
    pub fn selected(
        event: Option<usize>,
        actor: Option<usize>,
        place: Option<usize>,
    ) -> Option<Target> {
        event
            .map(Target::Event)
            .or(actor.map(Target::Actor))
            .or(place.map(Target::Place))
    }

    /// Whether the target lights `event`: the event itself; an actor's events (taking part
    /// or quoted) and, for a state or organisation, the events of everyone affiliated with
    /// it; a place's events. Indices out of range light nothing.
    pub fn lights(self, catalog: &Catalog, event: usize) -> bool {
        match self {
            Target::Event(e) => e == event,
            Target::Actor(a) => {
                let has = |lists: &[Vec<usize>]| {
                    lists
                        .get(event)
                        .is_some_and(|list| list.binary_search(&a).is_ok())
                };
                has(&catalog.event_actors) || has(&catalog.event_countries)
            }
            // `counts_for` below is this same rule seen from the event; a test keeps them equal.
            Target::Place(p) => catalog
                .place_events
                .get(p)
                .is_some_and(|events| events.binary_search(&event).is_ok()),
        }
    }

    /// The events the target lights, ascending (see [`Target::lights`]).
    pub fn events(self, catalog: &Catalog) -> Vec<usize> {
        match self {
            Target::Event(e) if e < catalog.events().len() => vec![e],
            Target::Event(_) => Vec::new(),
            Target::Place(p) => catalog.place_events.get(p).cloned().unwrap_or_default(),
            Target::Actor(_) => (0..catalog.events().len())
                .filter(|&e| self.lights(catalog, e))
                .collect(),
        }
    }

    /// The number of `shown` events (ascending) the target lights: the one count of "its
    /// events" that the details, the network and the filters give (see [`counts_for`]).
    pub fn count_in(self, catalog: &Catalog, shown: &[usize]) -> usize {
        shown.iter().filter(|&&e| self.lights(catalog, e)).count()
    }

    /// Per event, whether the target lights it: the form a view that draws every event
    /// reads.
    pub fn lit_mask(target: Option<Target>, catalog: &Catalog) -> Vec<bool> {
        let mut lit = vec![false; catalog.events().len()];
        if let Some(target) = target {
            for e in target.events(catalog) {
                lit[e] = true;
            }
        }
        lit
    }
}

/// The actors whose events include event `e`, by the one rule of [`Target::lights`]: its
/// participants and quoted speakers, and the states and organisations behind them. Each
/// actor at most once (a facet count bumps each once per event).
pub fn counts_for(catalog: &Catalog, e: usize) -> Vec<usize> {
    let (Some(actors), Some(countries)) =
        (catalog.event_actors.get(e), catalog.event_countries.get(e))
    else {
        return Vec::new();
    };
    let mut all: Vec<usize> = actors.iter().chain(countries).copied().collect();
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn lit_ids(catalog: &Catalog, target: Target) -> Vec<String> {
        target
            .events(catalog)
            .iter()
            .map(|&e| catalog.events()[e].id.clone())
            .collect()
    }

    #[test]
    fn a_selection_is_the_event_before_the_actor_before_the_place() {
        assert_eq!(
            Target::selected(Some(1), Some(2), Some(3)),
            Some(Target::Event(1))
        );
        assert_eq!(
            Target::selected(None, Some(2), Some(3)),
            Some(Target::Actor(2))
        );
        assert_eq!(
            Target::selected(None, None, Some(3)),
            Some(Target::Place(3))
        );
        assert_eq!(Target::selected(None, None, None), None);
    }

    #[test]
    fn an_actor_lights_the_events_they_take_part_in_or_are_quoted_in() {
        let catalog = data::load_embedded().unwrap();
        let lavrov = catalog.actor_index("sergey-lavrov").unwrap();
        let lit = Target::Actor(lavrov).events(&catalog);
        assert!(!lit.is_empty());
        assert!(lit
            .iter()
            .all(|&e| catalog.event_actors[e].contains(&lavrov)));
        assert_eq!(lit, catalog.actor_events[lavrov]);
    }

    #[test]
    fn a_state_lights_the_events_of_everyone_affiliated_with_it() {
        let catalog = data::load_embedded().unwrap();
        let russia = catalog.actor_index("russia").unwrap();
        let lavrov = catalog.actor_index("sergey-lavrov").unwrap();
        let lit = Target::Actor(russia).events(&catalog);
        // Lavrov acts for Russia: his events are Russia's too, though Russia is not named.
        assert!(catalog.actor_events[lavrov].iter().all(|e| lit.contains(e)));
        assert!(lit.len() > catalog.actor_events[russia].len());
        assert!(lit.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_place_lights_its_events_and_an_event_itself() {
        let catalog = data::load_embedded().unwrap();
        let moscow = catalog.place_index("moscow").unwrap();
        let lit = Target::Place(moscow).events(&catalog);
        assert_eq!(lit, catalog.place_events[moscow]);
        assert!(lit
            .iter()
            .all(|&e| catalog.events()[e].places.iter().any(|p| p == "moscow")));
        assert_eq!(
            lit_ids(&catalog, Target::Event(0)),
            vec![catalog.events()[0].id.clone()]
        );
    }

    #[test]
    fn lights_agrees_with_events_for_every_target_kind() {
        let catalog = data::load_embedded().unwrap();
        let targets = [
            Target::Event(5),
            Target::Actor(catalog.actor_index("china").unwrap()),
            Target::Actor(catalog.actor_index("wen-jiabao").unwrap()),
            Target::Place(catalog.place_index("moscow").unwrap()),
        ];
        for target in targets {
            let mask = Target::lit_mask(Some(target), &catalog);
            let by_event: Vec<usize> = (0..catalog.events().len())
                .filter(|&e| target.lights(&catalog, e))
                .collect();
            let by_mask: Vec<usize> = (0..mask.len()).filter(|&e| mask[e]).collect();
            assert_eq!(by_event, target.events(&catalog), "{target:?}");
            assert_eq!(by_mask, by_event, "{target:?}");
        }
    }

    #[test]
    fn an_event_counts_for_exactly_the_actors_that_light_it() {
        let catalog = data::load_embedded().unwrap();
        for e in 0..catalog.events().len() {
            let lit_by: Vec<usize> = (0..catalog.actors().len())
                .filter(|&a| Target::Actor(a).lights(&catalog, e))
                .collect();
            assert_eq!(counts_for(&catalog, e), lit_by, "event {e}");
        }
        assert!(counts_for(&catalog, usize::MAX).is_empty());
        let russia = Target::Actor(catalog.actor_index("russia").unwrap());
        let all: Vec<usize> = (0..catalog.events().len()).collect();
        assert_eq!(
            russia.count_in(&catalog, &all),
            russia.events(&catalog).len()
        );
        assert_eq!(
            russia.count_in(&catalog, &all[..3]),
            russia.events(&catalog).iter().filter(|&&e| e < 3).count()
        );
    }

    #[test]
    fn unknown_indices_light_nothing() {
        let catalog = data::load_embedded().unwrap();
        let past_the_end = Target::Event(catalog.events().len());
        assert!(past_the_end.events(&catalog).is_empty());
        assert!(Target::lit_mask(Some(past_the_end), &catalog)
            .iter()
            .all(|&lit| !lit));
        for target in [
            Target::Event(usize::MAX),
            Target::Actor(usize::MAX),
            Target::Place(usize::MAX),
        ] {
            assert!(target.events(&catalog).is_empty());
            assert!(!target.lights(&catalog, 0));
        }
        assert!(Target::lit_mask(None, &catalog).iter().all(|&lit| !lit));
    }
}
