//! Synthetic datasets for benchmarks: any number of events in the real schema, spread
//! over the quarter with realistic actors, places and links. Deterministic for a seed, so
//! benchmark runs compare like with like. Never shipped to readers as data.

use super::model::*;
use crate::rng::SplitMix64;

const SIDES: [(&str, &str, Side, f64, f64); 8] = [
    ("china", "China", Side::China, 39.9, 116.4),
    ("russia", "Russia", Side::Russia, 55.75, 37.62),
    ("north-korea", "North Korea", Side::Koreas, 39.03, 125.75),
    ("south-korea", "South Korea", Side::Koreas, 37.57, 126.98),
    (
        "united-states",
        "United States",
        Side::UsAllies,
        38.9,
        -77.04,
    ),
    ("japan", "Japan", Side::UsAllies, 35.68, 139.69),
    (
        "sco",
        "Shanghai Cooperation Organisation",
        Side::Multilateral,
        39.9,
        116.4,
    ),
    ("tajikistan", "Tajikistan", Side::Other, 38.56, 68.77),
];

const STORYLINES: [&str; 6] = [
    "korea-crisis",
    "wen-visit",
    "russia-west",
    "russia-japan",
    "energy",
    "security-cooperation",
];

const VERBS: [&str; 8] = [
    "meets",
    "calls",
    "visits",
    "briefs",
    "warns",
    "hosts",
    "signs with",
    "consults",
];

/// A dataset with `events` events over Oct 1 – Dec 31, 2010.
pub fn generate(events: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix64(seed);
    let mut actors: Vec<Actor> = SIDES
        .iter()
        .map(|&(id, name, side, _, _)| Actor {
            id: id.to_owned(),
            name: name.to_owned(),
            native_name: None,
            title: None,
            kind: if id == "sco" {
                ActorKind::Organisation
            } else {
                ActorKind::State
            },
            affiliation: None,
            side: Some(side),
        })
        .collect();
    // Eight officials per side.
    for (s, &(state, name, ..)) in SIDES.iter().enumerate() {
        for k in 1..=8 {
            actors.push(Actor {
                id: format!("{state}-official-{k}"),
                name: format!("{name} official {k}"),
                native_name: None,
                title: Some(format!("Senior official no. {k}")),
                kind: ActorKind::Person,
                affiliation: Some(SIDES[s].0.to_owned()),
                side: None,
            });
        }
    }
    // Five places around each side's capital.
    let mut places = Vec::new();
    for &(state, name, _, lat, lon) in &SIDES {
        for k in 0..5 {
            places.push(Place {
                id: format!("{state}-place-{k}"),
                name: format!("{name} site {k}"),
                native_name: None,
                kind: if k == 0 {
                    PlaceKind::Capital
                } else {
                    PlaceKind::City
                },
                lat: (lat + (k as f64 - 2.0) * 1.3).clamp(-89.0, 89.0),
                lon: lon + (k as f64 - 2.0) * 1.7,
                country: Some(state.to_owned()),
            });
        }
    }
    let quarter_start = super::Date::parse("2010-10-01").map_or(0, super::Date::to_days);
    let mut generated = Vec::with_capacity(events);
    for n in 0..events {
        let start_day = quarter_start + rng.below(92) as i32;
        let start = super::Date::from_days(start_day);
        let long = rng.below(8) == 0;
        let last_day = quarter_start + 91;
        let end_day = (start_day + 1 + rng.below(4) as i32).min(last_day);
        let end = (long && end_day > start_day).then(|| super::Date::from_days(end_day));
        // Two different officials: the counterpart is drawn from the others.
        let officials = actors.len() - SIDES.len();
        let a = SIDES.len() + rng.below(officials);
        let mut b = SIDES.len() + rng.below(officials - 1);
        if b >= a {
            b += 1;
        }
        let kind = EventKind::ALL[rng.below(EventKind::ALL.len())];
        let place = &places[rng.below(places.len())];
        let verb = VERBS[rng.below(VERBS.len())];
        generated.push(Event {
            id: format!("{start}-synthetic-{n}"),
            former_ids: Vec::new(),
            after: None,
            title: format!("{} {verb} {}", actors[a].name, actors[b].name),
            summary: format!(
                "Synthetic record {n}: {} {verb} {} in {}.",
                actors[a].name, actors[b].name, place.name
            ),
            start: start.to_string(),
            end: end.map(|d| d.to_string()),
            precision: if rng.below(10) == 0 {
                Precision::Approximate
            } else {
                Precision::Day
            },
            time: None,
            part_of_day: None,
            context: false,
            kind,
            storylines: vec![STORYLINES[rng.below(STORYLINES.len())].to_owned()],
            participants: vec![
                Participant {
                    actor: actors[a].id.clone(),
                    role: Role::Initiator,
                },
                Participant {
                    actor: actors[b].id.clone(),
                    role: Role::Counterpart,
                },
            ],
            places: vec![place.id.clone()],
            figures: Vec::new(),
            quotes: Vec::new(),
            sources: vec![SourceRef {
                section: "Synthetic".to_owned(),
                paragraph: 1,
                url: None,
            }],
            notes: Vec::new(),
        });
    }
    let storylines = STORYLINES
        .iter()
        .map(|&id| Storyline {
            id: id.to_owned(),
            title: format!("Synthetic storyline {id}"),
            context: "Generated for benchmarks.".to_owned(),
            tour: generated
                .iter()
                .filter(|e| e.storylines[0] == id)
                .take(10)
                .map(|e| TourStep {
                    event: e.id.clone(),
                    narrative: e.summary.clone(),
                })
                .collect(),
        })
        .collect();
    Dataset {
        schema: None,
        meta: Meta {
            title: format!("Synthetic benchmark dataset, {events} events"),
            source: SourceWork {
                publication: "Synthetic".to_owned(),
                chapter: "Benchmark".to_owned(),
                article: "Generated data".to_owned(),
                author: "korea2010 benchmark generator".to_owned(),
                affiliation: None,
                period: "Oct–Dec 2010".to_owned(),
            },
        },
        storylines,
        actors,
        places,
        lines: Vec::new(),
        events: generated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_datasets_are_valid_and_deterministic() {
        let dataset = generate(1000, 7);
        assert_eq!(dataset.events.len(), 1000);
        let problems = crate::data::validate::validate(&dataset);
        assert!(
            problems.is_empty(),
            "{:?}",
            &problems[..problems.len().min(5)]
        );
        assert_eq!(dataset, generate(1000, 7));
        assert_ne!(dataset, generate(1000, 8));
    }

    #[test]
    fn the_sides_stand_where_the_articles_capitals_are() {
        let article = crate::data::load_embedded().expect("embedded dataset");
        let mut compared = 0;
        for capital in article.places() {
            if capital.kind != PlaceKind::Capital {
                continue;
            }
            let Some(state) = capital.country.as_deref() else {
                continue;
            };
            let Some(&(.., lat, lon)) = SIDES.iter().find(|side| side.0 == state) else {
                continue;
            };
            assert!((lat - capital.lat).abs() < 0.1, "{state}");
            assert!((lon - capital.lon).abs() < 0.1, "{state}");
            compared += 1;
        }
        // China, Russia, both Koreas, the United States, Japan and Tajikistan.
        assert_eq!(compared, 7);
    }

    #[test]
    fn each_side_is_a_state_or_the_sco_and_has_one_capital() {
        let dataset = generate(10, 1);
        for &(state, ..) in &SIDES {
            let actor = dataset.actors.iter().find(|a| a.id == state).unwrap();
            let expected = if state == "sco" {
                ActorKind::Organisation
            } else {
                ActorKind::State
            };
            assert_eq!(actor.kind, expected, "{state}");
            let capitals: Vec<&str> = dataset
                .places
                .iter()
                .filter(|p| p.country.as_deref() == Some(state) && p.kind == PlaceKind::Capital)
                .map(|p| p.id.as_str())
                .collect();
            assert_eq!(capitals, [format!("{state}-place-0")], "{state}");
        }
    }

    #[test]
    fn each_sides_five_places_are_spread_evenly_around_its_capital() {
        let dataset = generate(10, 1);
        for &(state, _, _, lat, lon) in &SIDES {
            let places: Vec<&Place> = dataset
                .places
                .iter()
                .filter(|p| p.country.as_deref() == Some(state))
                .collect();
            assert_eq!(places.len(), 5, "{state}");
            let mean = |f: fn(&Place) -> f64| places.iter().map(|p| f(p)).sum::<f64>() / 5.0;
            assert!((mean(|p| p.lat) - lat).abs() < 1e-9, "{state}");
            assert!((mean(|p| p.lon) - lon).abs() < 1e-9, "{state}");
            for pair in places.windows(2) {
                assert!((pair[1].lat - pair[0].lat - 1.3).abs() < 1e-9, "{state}");
                assert!((pair[1].lon - pair[0].lon - 1.7).abs() < 1e-9, "{state}");
            }
        }
    }

    #[test]
    fn long_events_last_two_to_five_days_and_every_length_occurs() {
        let dataset = generate(2000, 3);
        let mut lengths = std::collections::BTreeSet::new();
        for event in &dataset.events {
            let Some(end) = &event.end else { continue };
            let days = |text: &str| crate::data::Date::parse(text).unwrap().to_days();
            lengths.insert(days(end) - days(&event.start) + 1);
        }
        assert_eq!(lengths.into_iter().collect::<Vec<_>>(), [2, 3, 4, 5]);
    }

    #[test]
    fn every_official_reaches_out_and_is_reached() {
        let dataset = generate(2000, 5);
        for role in [Role::Initiator, Role::Counterpart] {
            let mut seen = std::collections::BTreeSet::new();
            for event in &dataset.events {
                let actor = event.participants.iter().find(|p| p.role == role).unwrap();
                seen.insert(actor.actor.as_str());
            }
            assert_eq!(seen.len(), SIDES.len() * 8, "{role:?}");
            assert!(seen.iter().all(|id| id.contains("-official-")), "{role:?}");
        }
    }

    #[test]
    fn about_one_event_in_eight_is_long_and_one_in_ten_approximate() {
        let dataset = generate(4000, 9);
        let share = |count: usize| count as f64 / 4000.0;
        let long = share(dataset.events.iter().filter(|e| e.end.is_some()).count());
        let approximate = share(
            dataset
                .events
                .iter()
                .filter(|e| e.precision == Precision::Approximate)
                .count(),
        );
        // 1/8 of the events draw a length, a few of them at the quarter's last day.
        assert!((0.09..0.15).contains(&long), "{long}");
        assert!((0.07..0.13).contains(&approximate), "{approximate}");
    }

    #[test]
    fn each_storyline_tours_ten_of_its_own_events() {
        let dataset = generate(500, 2);
        for storyline in &dataset.storylines {
            assert_eq!(storyline.tour.len(), 10, "{}", storyline.id);
            for step in &storyline.tour {
                let event = dataset.events.iter().find(|e| e.id == step.event).unwrap();
                assert_eq!(event.storylines, std::slice::from_ref(&storyline.id));
                assert_eq!(step.narrative, event.summary);
            }
        }
    }

    #[test]
    fn no_event_has_the_same_actor_on_both_sides() {
        let dataset = generate(40_000, 11);
        for event in &dataset.events {
            let [a, b] = &event.participants[..] else {
                panic!("{} has {} participants", event.id, event.participants.len());
            };
            assert_ne!(a.actor, b.actor, "{}", event.id);
        }
    }
}
