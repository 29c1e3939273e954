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
    list.sort_by(|x, y| {
        y.1.cmp(&x.1)
            .then_with(|| catalog.actors()[x.0].name.cmp(&catalog.actors()[y.0].name))
    });
    list
}
