//! Who dealt with whom: actor pairs that share events, weighted by how many, and directed
//! where one side initiated (a call placed, a visit paid).

use std::collections::BTreeMap;

use crate::data::{Catalog, Role};

/// An undirected pair `a < b` with the events they share and who reached out how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    pub a: usize,
    pub b: usize,
    pub events: Vec<usize>,
    /// Events in which `a` was the initiator and `b` a counterpart or participant.
    pub a_initiated: usize,
    /// Events in which `b` was the initiator and `a` a counterpart or participant.
    pub b_initiated: usize,
}

impl Tie {
    pub fn weight(&self) -> usize {
        self.events.len()
    }

    /// The actor at the other end of the tie from `actor`.
    pub fn other(&self, actor: usize) -> usize {
        if self.a == actor {
            self.b
        } else {
            self.a
        }
    }
}

/// Ties among the participants of `events` (speakers quoted alone do not make a tie).
pub fn ties(catalog: &Catalog, events: &[usize]) -> Vec<Tie> {
    let mut by_pair: BTreeMap<(usize, usize), Tie> = BTreeMap::new();
    for &e in events {
        let event = &catalog.events()[e];
        let people: Vec<(usize, Role)> = event
            .participants
            .iter()
            .filter_map(|p| Some((catalog.actor_index(&p.actor)?, p.role)))
            .collect();
        for (i, &(x, x_role)) in people.iter().enumerate() {
            for &(y, y_role) in &people[i + 1..] {
                if x == y {
                    continue;
                }
                let (a, a_role, b, b_role) = if x < y {
                    (x, x_role, y, y_role)
                } else {
                    (y, y_role, x, x_role)
                };
                let tie = by_pair.entry((a, b)).or_insert_with(|| Tie {
                    a,
                    b,
                    events: Vec::new(),
                    a_initiated: 0,
                    b_initiated: 0,
                });
                if tie.events.last() != Some(&e) {
                    tie.events.push(e);
                    if a_role == Role::Initiator && b_role != Role::Initiator {
                        tie.a_initiated += 1;
                    }
                    if b_role == Role::Initiator && a_role != Role::Initiator {
                        tie.b_initiated += 1;
                    }
                }
            }
        }
    }
    by_pair.into_values().collect()
}

/// The actors `actor` shares events with, most shared first, then by name.
pub fn contacts(catalog: &Catalog, actor: usize) -> Vec<(usize, usize)> {
    let mut list: Vec<(usize, usize)> = ties(catalog, &catalog.actor_events[actor])
        .into_iter()
        .filter(|t| t.a == actor || t.b == actor)
        .map(|t| (t.other(actor), t.weight()))
        .collect();
    crate::sorting::sort_by(&mut list, |x, y| {
        y.1.cmp(&x.1)
            .then_with(|| catalog.actors()[x.0].name.cmp(&catalog.actors()[y.0].name))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{synthetic, Participant};

    /// Events between two officials (China's first and Russia's first), one per pair of
    /// roles.
    fn catalog(roles: &[[Role; 2]]) -> Catalog {
        let mut dataset = synthetic::generate(roles.len(), 1);
        for (event, roles) in dataset.events.iter_mut().zip(roles) {
            event.participants = vec![
                Participant {
                    actor: "china-official-1".into(),
                    role: roles[0],
                },
                Participant {
                    actor: "russia-official-1".into(),
                    role: roles[1],
                },
            ];
        }
        Catalog::new(dataset)
    }

    #[test]
    fn reaching_out_counts_only_an_initiator_facing_one_who_is_not() {
        use Role::*;
        let c = catalog(&[
            [Initiator, Counterpart],
            [Counterpart, Initiator],
            [Participant, Participant],
            [Initiator, Initiator],
            [Counterpart, Participant],
        ]);
        let all: Vec<usize> = (0..c.events().len()).collect();
        let ties = ties(&c, &all);
        assert_eq!(ties.len(), 1, "{ties:?}");
        let tie = &ties[0];
        assert_eq!(tie.weight(), 5);
        assert_eq!((tie.a_initiated, tie.b_initiated), (1, 1), "{tie:?}");
    }

    /// Events with the participants given, each listed in the order given.
    fn listed(events: &[&[(&str, Role)]]) -> Catalog {
        let mut dataset = synthetic::generate(events.len(), 1);
        for (event, pair) in dataset.events.iter_mut().zip(events) {
            event.participants = pair
                .iter()
                .map(|&(actor, role)| Participant {
                    actor: actor.into(),
                    role,
                })
                .collect();
        }
        Catalog::new(dataset)
    }

    #[test]
    fn who_reached_out_counts_for_that_actor_whichever_is_listed_first() {
        use Role::*;
        const CHINA: &str = "china-official-1";
        const RUSSIA: &str = "russia-official-1";
        let c = listed(&[
            &[(CHINA, Initiator), (RUSSIA, Counterpart)],
            &[(RUSSIA, Counterpart), (CHINA, Initiator)],
            &[(RUSSIA, Initiator), (CHINA, Participant)],
            &[(CHINA, Counterpart), (RUSSIA, Initiator)],
            &[(CHINA, Initiator), (RUSSIA, Initiator)],
        ]);
        let ties = ties(&c, &[0, 1, 2, 3, 4]);
        assert_eq!(ties.len(), 1, "one pair, whatever the order: {ties:?}");
        let tie = &ties[0];
        assert!(tie.a < tie.b, "{tie:?}");
        assert_eq!(tie.weight(), 5);
        let china = c.actor_index(CHINA).unwrap();
        let (china_led, russia_led) = if tie.a == china {
            (tie.a_initiated, tie.b_initiated)
        } else {
            (tie.b_initiated, tie.a_initiated)
        };
        // Both reaching out at once (the last event) counts for neither.
        assert_eq!((china_led, russia_led), (2, 2), "{tie:?}");
    }

    #[test]
    fn an_actor_s_contacts_are_its_own_ties_most_shared_first_then_by_name() {
        use Role::Participant as P;
        let c = listed(&[
            &[
                ("china-official-1", P),
                ("russia-official-1", P),
                ("russia-official-2", P),
            ],
            &[("china-official-1", P), ("russia-official-2", P)],
            &[("russia-official-1", P), ("russia-official-2", P)],
            &[("china-official-1", P), ("china-official-2", P)],
        ]);
        let id = |id: &str| c.actor_index(id).unwrap();
        // Russia's two officials also share events with each other: not China's contact.
        assert_eq!(
            contacts(&c, id("china-official-1")),
            [
                (id("russia-official-2"), 2),
                (id("china-official-2"), 1),
                (id("russia-official-1"), 1),
            ]
        );
        assert_eq!(
            contacts(&c, id("russia-official-2")),
            [(id("china-official-1"), 2), (id("russia-official-1"), 2),]
        );
    }

    #[test]
    fn the_other_end_of_a_tie_is_the_actor_not_asked_about() {
        let c = catalog(&[[Role::Initiator, Role::Counterpart]]);
        let ties = ties(&c, &[0]);
        let china = c.actor_index("china-official-1").unwrap();
        let russia = c.actor_index("russia-official-1").unwrap();
        assert_eq!(ties[0].other(china), russia);
        assert_eq!(ties[0].other(russia), china);
    }
}
