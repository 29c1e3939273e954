//! Linked highlighting: what another view points at, as the events the timeline lights up.

use crate::data::Catalog;

/// Something hovered or focused in any view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Linked {
    Event(usize),
    Actor(usize),
    Place(usize),
}

/// Per event, whether it is linked to `linked`: the event itself; an actor's events, and
/// for a state or organisation also the events of everyone affiliated with it; a place's
/// events.
pub fn linked_events(catalog: &Catalog, linked: Option<Linked>) -> Vec<bool> {
    let mut lit = vec![false; catalog.events().len()];
    let mut light = |e: usize| {
        if let Some(slot) = lit.get_mut(e) {
            *slot = true;
        }
    };
    match linked {
        None => {}
        Some(Linked::Event(e)) => light(e),
        Some(Linked::Actor(a)) => {
            catalog
                .actor_events
                .get(a)
                .into_iter()
                .flatten()
                .for_each(|&e| light(e));
            catalog
                .event_countries
                .iter()
                .enumerate()
                .filter(|(_, countries)| countries.contains(&a))
                .for_each(|(e, _)| light(e));
        }
        Some(Linked::Place(p)) => catalog
            .place_events
            .get(p)
            .into_iter()
            .flatten()
            .for_each(|&e| light(e)),
    }
    lit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    fn lit_ids(catalog: &Catalog, linked: Option<Linked>) -> Vec<String> {
        linked_events(catalog, linked)
            .iter()
            .enumerate()
            .filter(|(_, &on)| on)
            .map(|(e, _)| catalog.events()[e].id.clone())
            .collect()
    }

    #[test]
    fn a_person_lights_their_events() {
        let catalog = data::load_embedded().unwrap();
        let lavrov = catalog.actor_index("sergey-lavrov").unwrap();
        let lit = lit_ids(&catalog, Some(Linked::Actor(lavrov)));
        assert!(lit.contains(&"2010-11-27-yang-lavrov-call".to_owned()));
        assert!(!lit.contains(&"2010-11-23-yeonpyeong-shelling".to_owned()));
    }

    #[test]
    fn a_state_lights_the_events_of_its_people_too() {
        let catalog = data::load_embedded().unwrap();
        let russia = catalog.actor_index("russia").unwrap();
        let lit = lit_ids(&catalog, Some(Linked::Actor(russia)));
        // Lavrov's remark names no state as a participant, but he speaks for Russia.
        assert!(lit.contains(&"2010-11-23-lavrov-colossal-danger".to_owned()));
        assert!(lit.len() > catalog.actor_events[russia].len());
    }

    #[test]
    fn places_events_and_nothing() {
        let catalog = data::load_embedded().unwrap();
        let moscow = catalog.place_index("moscow").unwrap();
        assert!(!lit_ids(&catalog, Some(Linked::Place(moscow))).is_empty());
        assert_eq!(lit_ids(&catalog, Some(Linked::Event(0))).len(), 1);
        assert!(lit_ids(&catalog, None).is_empty());
        assert!(lit_ids(&catalog, Some(Linked::Actor(usize::MAX))).is_empty());
    }
}
