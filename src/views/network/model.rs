//! The network itself: who acts in each event, the nodes those actors become and the ties
//! between them. Built once per catalog; filters never change it, they only decide what
//! of it is shown (see [`super::linked`]).
//!
//! Nodes are people (and news outlets), plus states and organisations *where they act as a
//! body*: in an event where a member speaks for them (Yang Jiechi for China, Jiang Yu for
//! the Chinese Foreign Ministry) the body is represented by that member, so the graph shows
//! "Yang Jiechi called Sergey Lavrov", not also "China called Russia". Actors who are only
//! the subject of events (talked about, not dealing) get no node.

use crate::data::{ActorKind, Catalog, Role, Side};

/// One actor that acts in at least one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Actor index in the catalog.
    pub actor: usize,
    /// Affiliation side, for the colour: the side of the state or organisation behind it.
    pub side: Side,
    /// Events in which it acts, in date order: what draws its ties and sizes its circle.
    pub events: Vec<usize>,
    /// Its events by the one rule every view counts with (`Target::lights`: taking part,
    /// quoted, or subject; for a state or organisation, its people's too), in date order:
    /// the number a reader is told.
    pub counted: Vec<usize>,
    /// The state or organisation at the root of its affiliation chain (catalog index; the
    /// actor itself when it has none).
    pub root: usize,
}

/// Two nodes sharing events; `a < b` are node indices.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    /// Shared events in date order.
    pub events: Vec<usize>,
    /// The shared events in which `a` was the initiator and `b` was not (a call placed, a
    /// visit paid), and the other way round.
    pub a_led: Vec<usize>,
    pub b_led: Vec<usize>,
}

impl Edge {
    /// The node at the other end from `node`.
    pub fn other(&self, node: usize) -> usize {
        if self.a == node {
            self.b
        } else {
            self.a
        }
    }

    pub fn touches(&self, node: usize) -> bool {
        self.a == node || self.b == node
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorGraph {
    pub nodes: Vec<Node>,
    /// Sorted by `(a, b)`.
    pub edges: Vec<Edge>,
    /// Per actor: its node, if it acts anywhere.
    pub node_of_actor: Vec<Option<usize>>,
    /// Per event: the nodes acting in it, ascending.
    pub event_nodes: Vec<Vec<usize>>,
    /// Per node: the edges touching it, ascending.
    pub incident: Vec<Vec<usize>>,
}

impl ActorGraph {
    pub fn build(catalog: &Catalog) -> ActorGraph {
        let event_parties: Vec<Vec<(usize, Role)>> = (0..catalog.events().len())
            .map(|e| parties(catalog, e))
            .collect();

        // Nodes in actor order, so the graph (and its layout) depends only on the data.
        let mut acts = vec![Vec::new(); catalog.actors().len()];
        for (e, parties) in event_parties.iter().enumerate() {
            for &(actor, _) in parties {
                acts[actor].push(e);
            }
        }
        let mut node_of_actor = vec![None; catalog.actors().len()];
        let mut nodes = Vec::new();
        for (actor, events) in acts.into_iter().enumerate() {
            if !events.is_empty() {
                node_of_actor[actor] = Some(nodes.len());
                nodes.push(Node {
                    actor,
                    side: side_of(catalog, actor),
                    events,
                    counted: Vec::new(),
                    root: catalog.actor_root[actor],
                });
            }
        }
        for e in 0..catalog.events().len() {
            for actor in crate::query::target::counts_for(catalog, e) {
                if let Some(n) = node_of_actor[actor] {
                    nodes[n].counted.push(e);
                }
            }
        }

        let mut by_pair: std::collections::BTreeMap<(usize, usize), Edge> = Default::default();
        let mut event_nodes = Vec::with_capacity(event_parties.len());
        for (e, parties) in event_parties.iter().enumerate() {
            let acting: Vec<(usize, Role)> = parties
                .iter()
                .filter_map(|&(actor, role)| Some((node_of_actor[actor]?, role)))
                .collect();
            for (i, &(x, x_role)) in acting.iter().enumerate() {
                for &(y, y_role) in &acting[i + 1..] {
                    let ((a, a_role), (b, b_role)) = if x < y {
                        ((x, x_role), (y, y_role))
                    } else {
                        ((y, y_role), (x, x_role))
                    };
                    let edge = by_pair.entry((a, b)).or_insert_with(|| Edge {
                        a,
                        b,
                        events: Vec::new(),
                        a_led: Vec::new(),
                        b_led: Vec::new(),
                    });
                    edge.events.push(e);
                    if a_role == Role::Initiator && b_role != Role::Initiator {
                        edge.a_led.push(e);
                    }
                    if b_role == Role::Initiator && a_role != Role::Initiator {
                        edge.b_led.push(e);
                    }
                }
            }
            let mut ids: Vec<usize> = acting.iter().map(|&(n, _)| n).collect();
            ids.sort_unstable();
            event_nodes.push(ids);
        }
        let edges: Vec<Edge> = by_pair.into_values().collect();
        let mut incident = vec![Vec::new(); nodes.len()];
        for (i, edge) in edges.iter().enumerate() {
            incident[edge.a].push(i);
            incident[edge.b].push(i);
        }
        ActorGraph {
            nodes,
            edges,
            node_of_actor,
            event_nodes,
            incident,
        }
    }

    /// The node of an actor id, if that actor acts anywhere.
    pub fn node_of(&self, catalog: &Catalog, actor_id: &str) -> Option<usize> {
        self.node_of_actor[catalog.actor_index(actor_id)?]
    }
}

/// Who acts in event `e`, each actor once with their strongest role: participants other
/// than subjects, minus the states and organisations that a member represents there.
pub fn parties(catalog: &Catalog, e: usize) -> Vec<(usize, Role)> {
    let mut people: Vec<(usize, Role)> = Vec::new();
    for p in &catalog.events()[e].participants {
        let Some(actor) = catalog.actor_index(&p.actor) else {
            continue;
        };
        if p.role == Role::Subject {
            continue;
        }
        match people.iter_mut().find(|(a, _)| *a == actor) {
            Some((_, role)) if strength(p.role) > strength(*role) => *role = p.role,
            Some(_) => {}
            None => people.push((actor, p.role)),
        }
    }
    let represented = |&(body, body_role): &(usize, Role)| {
        people.iter().any(|&(other, other_role)| {
            other != body && speaks_for(catalog, other, other_role, body, body_role)
        })
    };
    let mut acting: Vec<(usize, Role)> =
        people.iter().copied().filter(|p| !represented(p)).collect();
    acting.sort_unstable_by_key(|&(actor, _)| actor);
    acting
}

/// How much a role says about taking part, to keep one role per actor and event.
fn strength(role: Role) -> u8 {
    match role {
        Role::Initiator => 4,
        Role::Counterpart => 3,
        Role::Participant => 2,
        Role::Speaker => 1,
        Role::Subject => 0,
    }
}

/// Whether `member` (acting as `member_role`) stands for the state or organisation `body`
/// in the same event: a person or outlet belonging to it, or — for a state — a domestic
/// body of the same side acting in the same capacity (the Russian Foreign Ministry speaking
/// for Russia, the US Senate voting for the United States). The dataset does not link such
/// bodies to their state, so side and role are the evidence.
fn speaks_for(
    catalog: &Catalog,
    member: usize,
    member_role: Role,
    body: usize,
    body_role: Role,
) -> bool {
    let actors = catalog.actors();
    let (m, b) = (&actors[member], &actors[body]);
    if !matches!(b.kind, ActorKind::State | ActorKind::Organisation) {
        return false;
    }
    match m.kind {
        ActorKind::Person | ActorKind::Media => catalog.actor_root[member] == body,
        ActorKind::Organisation => {
            b.kind == ActorKind::State
                && member_role == body_role
                && m.affiliation.is_none()
                && m.side.is_some()
                && m.side == b.side
                && !matches!(m.side, Some(Side::Multilateral | Side::Other))
        }
        ActorKind::State => false,
    }
}

/// The side whose colour an actor wears: its own, or that of the body it belongs to.
pub fn side_of(catalog: &Catalog, actor: usize) -> Side {
    let actors = catalog.actors();
    actors[actor]
        .side
        .or(actors[catalog.actor_root[actor]].side)
        .unwrap_or(Side::Other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{actor, catalog, event, p};
    use crate::data::{ActorKind::*, Role::*, Side};

    fn names(catalog: &Catalog, graph: &ActorGraph, nodes: &[usize]) -> Vec<String> {
        nodes
            .iter()
            .map(|&n| catalog.actors()[graph.nodes[n].actor].id.clone())
            .collect()
    }

    #[test]
    fn a_state_is_represented_by_its_member_and_subjects_do_not_act() {
        let c = catalog(
            vec![
                actor("china", State, None, Some(Side::China)),
                actor("russia", State, None, Some(Side::Russia)),
                actor("north-korea", State, None, Some(Side::Koreas)),
                actor("yang", Person, Some("china"), None),
                actor("lavrov", Person, Some("russia"), None),
            ],
            vec![event(
                "2010-12-18-call",
                "2010-12-18",
                vec![
                    p("yang", Initiator),
                    p("lavrov", Counterpart),
                    p("china", Initiator),
                    p("russia", Counterpart),
                    p("north-korea", Subject),
                ],
            )],
        );
        let acting: Vec<&str> = parties(&c, 0)
            .iter()
            .map(|&(a, _)| c.actors()[a].id.as_str())
            .collect();
        assert_eq!(acting, ["yang", "lavrov"]);
        let g = ActorGraph::build(&c);
        assert_eq!(
            names(&c, &g, &(0..g.nodes.len()).collect::<Vec<_>>()),
            ["yang", "lavrov"]
        );
        assert!(
            g.node_of(&c, "north-korea").is_none(),
            "subjects get no node"
        );
        assert_eq!(g.edges.len(), 1);
        let edge = &g.edges[0];
        let yang = g.node_of(&c, "yang").unwrap();
        let led = if edge.a == yang {
            &edge.a_led
        } else {
            &edge.b_led
        };
        let other_led = if edge.a == yang {
            &edge.b_led
        } else {
            &edge.a_led
        };
        assert_eq!((led.len(), other_led.len()), (1, 0), "Yang placed the call");
        assert_eq!(g.event_nodes[0].len(), 2);
    }

    #[test]
    fn bodies_acting_alone_are_nodes_and_ties_are_weighted() {
        let c = catalog(
            vec![
                actor("china", State, None, Some(Side::China)),
                actor("russia", State, None, Some(Side::Russia)),
                actor("wen", Person, Some("china"), None),
            ],
            vec![
                event(
                    "2010-11-01-oil",
                    "2010-11-01",
                    vec![p("russia", Initiator), p("china", Counterpart)],
                ),
                event(
                    "2010-11-23-deals",
                    "2010-11-23",
                    vec![p("russia", Participant), p("china", Participant)],
                ),
                event(
                    "2010-11-24-wen",
                    "2010-11-24",
                    vec![
                        p("wen", Initiator),
                        p("china", Initiator),
                        p("russia", Counterpart),
                    ],
                ),
            ],
        );
        let g = ActorGraph::build(&c);
        let (china, russia, wen) = (
            g.node_of(&c, "china").unwrap(),
            g.node_of(&c, "russia").unwrap(),
            g.node_of(&c, "wen").unwrap(),
        );
        let between = |x: usize, y: usize| {
            g.edges
                .iter()
                .find(|e| e.touches(x) && e.touches(y))
                .unwrap()
        };
        let cr = between(china, russia);
        assert_eq!(cr.events.len(), 2);
        assert_eq!(
            cr.a_led.len() + cr.b_led.len(),
            1,
            "only the oil deal was led by one side"
        );
        // China is represented by Wen on Nov 24, so the tie is Wen → Russia, not China → Russia.
        assert_eq!(g.nodes[china].events, vec![0, 1]);
        assert_eq!(between(wen, russia).events, vec![2]);
        assert_eq!(g.incident[russia].len(), 2);
    }

    #[test]
    fn a_domestic_body_speaks_for_its_state_but_a_multilateral_one_does_not() {
        let c = catalog(
            vec![
                actor("russia", State, None, Some(Side::Russia)),
                actor("south-korea", State, None, Some(Side::Koreas)),
                actor("russian-mfa", Organisation, None, Some(Side::Russia)),
                actor("sco", Organisation, None, Some(Side::Multilateral)),
            ],
            vec![
                event(
                    "2010-12-17-urge",
                    "2010-12-17",
                    vec![
                        p("russian-mfa", Speaker),
                        p("russia", Speaker),
                        p("south-korea", Counterpart),
                    ],
                ),
                event(
                    "2010-11-25-sco",
                    "2010-11-25",
                    vec![p("sco", Initiator), p("russia", Participant)],
                ),
            ],
        );
        let acting = |e: usize| -> Vec<String> {
            parties(&c, e)
                .iter()
                .map(|&(a, _)| c.actors()[a].id.clone())
                .collect()
        };
        assert_eq!(
            acting(c.event_index("2010-12-17-urge").unwrap()),
            ["south-korea", "russian-mfa"]
        );
        assert_eq!(
            acting(c.event_index("2010-11-25-sco").unwrap()),
            ["russia", "sco"]
        );
    }

    #[test]
    fn one_role_per_actor_the_strongest() {
        let c = catalog(
            vec![
                actor("russia", State, None, Some(Side::Russia)),
                actor("medvedev", Person, Some("russia"), None),
                actor("nato", Organisation, None, Some(Side::Multilateral)),
            ],
            vec![event(
                "2010-11-19-nrc",
                "2010-11-19",
                vec![
                    p("medvedev", Speaker),
                    p("medvedev", Initiator),
                    p("nato", Counterpart),
                ],
            )],
        );
        let roles: Vec<Role> = parties(&c, 0).iter().map(|&(_, r)| r).collect();
        assert_eq!(roles, [Initiator, Counterpart], "Medvedev, then NATO");
    }

    #[test]
    fn colours_follow_the_body_a_person_belongs_to() {
        let c = catalog(
            vec![
                actor("nato", Organisation, None, Some(Side::Multilateral)),
                actor("rasmussen", Person, Some("nato"), None),
                actor("loner", Person, None, None),
            ],
            vec![],
        );
        assert_eq!(side_of(&c, 1), Side::Multilateral);
        assert_eq!(side_of(&c, 2), Side::Other);
    }

    #[test]
    fn the_embedded_dataset_gives_a_network_of_people_and_acting_bodies() {
        let c = crate::data::load_embedded().unwrap();
        let g = ActorGraph::build(&c);
        assert!(
            (50..=100).contains(&g.nodes.len()),
            "{} nodes",
            g.nodes.len()
        );
        // The Dec 18 call from Islamabad: Yang Jiechi reached out to Sergey Lavrov.
        let call = c.event_index("2010-12-18-yang-lavrov-call").unwrap();
        let yang = g.node_of(&c, "yang-jiechi").unwrap();
        let lavrov = g.node_of(&c, "sergey-lavrov").unwrap();
        assert!(g.event_nodes[call].contains(&yang) && g.event_nodes[call].contains(&lavrov));
        let tie = g
            .edges
            .iter()
            .find(|e| e.touches(yang) && e.touches(lavrov))
            .unwrap();
        // The Wuhan meeting of Nov 14, and the two calls Yang placed on Nov 27 and Dec 18.
        assert_eq!(tie.events.len(), 3);
        let yang_led = if tie.a == yang {
            &tie.a_led
        } else {
            &tie.b_led
        };
        let lavrov_led = if tie.a == yang {
            &tie.b_led
        } else {
            &tie.a_led
        };
        assert_eq!((yang_led.len(), lavrov_led.len()), (2, 0));
        assert!(yang_led.contains(&call));
        // China as a body is not tied to Russia through Yang's calls.
        let china = g.node_of(&c, "china").unwrap();
        assert!(!g.event_nodes[call].contains(&china));
        // Every edge is between different nodes and lists each event once.
        for e in &g.edges {
            assert!(e.a < e.b);
            let mut events = e.events.clone();
            events.dedup();
            assert_eq!(events, e.events);
        }
    }
}
