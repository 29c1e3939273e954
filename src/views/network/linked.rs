//! What the rest of the app makes of the network: the filters (the events shown) leave some
//! ties and actors without events, the selection marks actors as current, a hover in any
//! view lights up actors and their ties, and ego mode narrows the drawing to one actor's
//! neighbourhood. The positions never change; only this look does.

use super::model::ActorGraph;
use crate::data::Catalog;
use crate::query::Target;

/// What another view (or the network itself) points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// An actor (catalog index): it, its neighbours and its ties light up.
    Actor(usize),
    /// Events (catalog indices), e.g. one hovered in the timeline or those at a hovered
    /// place: the actors in them and the ties they make light up.
    Events(Vec<usize>),
}

impl Highlight {
    /// What a target lights in the network: an actor with a node, that node and its ties
    /// (whose events are all the actor's); otherwise the actors and ties of the events the
    /// target lights, the rule every view shares (a state that only appears as the subject
    /// of events lights its officials' meetings).
    pub fn of(target: Target, catalog: &Catalog, graph: &ActorGraph) -> Highlight {
        match target {
            Target::Actor(a) if graph.node_of_actor.get(a).copied().flatten().is_some() => {
                Highlight::Actor(a)
            }
            _ => Highlight::Events(target.events(catalog)),
        }
    }
}

/// The node pinned by what the reader points at, in any view: a hovered or focused actor
/// who is in the network. Its label always shows.
pub fn pinned_node(graph: &ActorGraph, hover: Option<Target>) -> Option<usize> {
    match hover {
        Some(Target::Actor(actor)) => graph.node_of_actor.get(actor).copied().flatten(),
        _ => None,
    }
}

/// Whether a node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Has events within the filters.
    Active,
    /// No event left within the filters: drawn faintly so the picture stays familiar,
    /// but neither labelled nor focusable.
    Ghost,
    /// Outside the ego neighbourhood: not drawn.
    Hidden,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeLook {
    pub presence: Presence,
    /// Its events within the filters, by the one rule every view counts with
    /// ([`Node::counted`](super::model::Node::counted)).
    pub shown_events: usize,
    /// The events within the filters in which it acts: whether it is drawn at all.
    pub acting: usize,
    /// Nodes it shares a visible tie with.
    pub contacts: usize,
    /// The selected actor, or acting in the selected event (`aria-current`).
    pub current: bool,
    /// Lit up by the highlight.
    pub lit: bool,
    /// Something else is lit up.
    pub faded: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLook {
    /// Has shared events within the filters, and both ends are drawn.
    pub visible: bool,
    /// Shared events within the filters.
    pub weight: usize,
    /// Of those, led by `a` / by `b`.
    pub a_led: usize,
    pub b_led: usize,
    /// Part of the selected event, or a tie of the selected actor.
    pub current: bool,
    pub lit: bool,
    pub faded: bool,
}

impl EdgeLook {
    /// Drawing order, back to front: faded ties, plain ones, the selection's, then the lit
    /// ones, so what the reader points at is never hidden under other lines.
    pub fn layer(&self) -> u8 {
        if self.lit {
            3
        } else if self.current {
            2
        } else if self.faded {
            0
        } else {
            1
        }
    }
}

/// The state of ego mode, so the view can say why it shows what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ego {
    Off,
    /// Showing this node and its neighbours.
    Showing(usize),
    /// Ego mode needs a selected actor.
    NoSelection,
    /// The selected actor (catalog index) only appears as the subject of events.
    NotInNetwork(usize),
    /// The selected actor's node has no event within the filters.
    NothingShown(usize),
}

/// Everything the app state asks of the network.
#[derive(Clone, Copy, Debug)]
pub struct LinkedInput<'a> {
    /// Events passing the filters, ascending.
    pub shown: &'a [usize],
    pub selected_event: Option<usize>,
    pub selected_actor: Option<usize>,
    pub highlight: Option<&'a Highlight>,
    pub ego: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLook {
    pub nodes: Vec<NodeLook>,
    pub edges: Vec<EdgeLook>,
    pub ego: Ego,
}

impl NetworkLook {
    pub fn new(graph: &ActorGraph, input: LinkedInput<'_>) -> NetworkLook {
        let event_count = graph.event_nodes.len();
        let in_view = mask(event_count, input.shown.iter().copied());
        let count = |events: &[usize]| events.iter().filter(|&&e| in_view[e]).count();

        let mut nodes: Vec<NodeLook> = graph
            .nodes
            .iter()
            .map(|node| {
                let acting = count(&node.events);
                NodeLook {
                    presence: if acting > 0 {
                        Presence::Active
                    } else {
                        Presence::Ghost
                    },
                    shown_events: count(&node.counted),
                    acting,
                    contacts: 0,
                    current: false,
                    lit: false,
                    faded: false,
                }
            })
            .collect();
        let mut edges: Vec<EdgeLook> = graph
            .edges
            .iter()
            .map(|edge| {
                let weight = count(&edge.events);
                EdgeLook {
                    visible: weight > 0,
                    weight,
                    a_led: count(&edge.a_led),
                    b_led: count(&edge.b_led),
                    current: false,
                    lit: false,
                    faded: false,
                }
            })
            .collect();

        let selected_node = input
            .selected_actor
            .and_then(|a| graph.node_of_actor.get(a).copied().flatten());
        let ego = match (input.ego, input.selected_actor, selected_node) {
            (false, _, _) => Ego::Off,
            (true, None, _) => Ego::NoSelection,
            (true, Some(actor), None) => Ego::NotInNetwork(actor),
            (true, Some(_), Some(n)) if nodes[n].presence != Presence::Active => {
                Ego::NothingShown(n)
            }
            (true, Some(_), Some(n)) => Ego::Showing(n),
        };
        if let Ego::Showing(centre) = ego {
            // The centre, those it dealt with and, for a state or organisation, its own
            // people: Russia's ego network has Lavrov in it.
            let centre_actor = graph.nodes[centre].actor;
            let mut keep: Vec<bool> = graph
                .nodes
                .iter()
                .zip(&nodes)
                .map(|(node, look)| node.root == centre_actor && look.presence == Presence::Active)
                .collect();
            keep[centre] = true;
            for &i in &graph.incident[centre] {
                if edges[i].visible {
                    keep[graph.edges[i].other(centre)] = true;
                }
            }
            for (node, kept) in nodes.iter_mut().zip(keep) {
                if !kept {
                    node.presence = Presence::Hidden;
                }
            }
            for (look, edge) in edges.iter_mut().zip(&graph.edges) {
                look.visible &= nodes[edge.a].presence != Presence::Hidden
                    && nodes[edge.b].presence != Presence::Hidden;
            }
        }
        for (look, edge) in edges.iter().zip(&graph.edges) {
            if look.visible {
                nodes[edge.a].contacts += 1;
                nodes[edge.b].contacts += 1;
            }
        }

        // The selection.
        if let Some(n) = selected_node {
            nodes[n].current = true;
            for &i in &graph.incident[n] {
                edges[i].current = true;
            }
        }
        if let Some(e) = input.selected_event.filter(|&e| e < event_count) {
            for &n in &graph.event_nodes[e] {
                nodes[n].current = true;
            }
            for (look, edge) in edges.iter_mut().zip(&graph.edges) {
                if edge.events.binary_search(&e).is_ok() {
                    look.current = true;
                }
            }
        }

        // The highlight, only among what is drawn.
        let drawn = |nodes: &[NodeLook], n: usize| nodes[n].presence == Presence::Active;
        match input.highlight {
            Some(Highlight::Actor(actor)) => {
                if let Some(n) = graph.node_of_actor.get(*actor).copied().flatten() {
                    if drawn(&nodes, n) {
                        nodes[n].lit = true;
                        for &i in &graph.incident[n] {
                            if edges[i].visible {
                                edges[i].lit = true;
                                nodes[graph.edges[i].other(n)].lit = true;
                            }
                        }
                    }
                }
            }
            Some(Highlight::Events(events)) => {
                let hovered = mask(
                    event_count,
                    events
                        .iter()
                        .copied()
                        .filter(|&e| e < event_count && in_view[e]),
                );
                for (e, _) in hovered.iter().enumerate().filter(|(_, &h)| h) {
                    for &n in &graph.event_nodes[e] {
                        if drawn(&nodes, n) {
                            nodes[n].lit = true;
                        }
                    }
                }
                for (look, edge) in edges.iter_mut().zip(&graph.edges) {
                    look.lit = look.visible && edge.events.iter().any(|&e| hovered[e]);
                }
            }
            None => {}
        }
        if nodes.iter().any(|n| n.lit) {
            for node in &mut nodes {
                node.faded = !node.lit;
            }
            for edge in &mut edges {
                edge.faded = !edge.lit;
            }
        }
        NetworkLook { nodes, edges, ego }
    }
}

/// `true` at each listed index below `len`.
fn mask(len: usize, indices: impl Iterator<Item = usize>) -> Vec<bool> {
    let mut mask = vec![false; len];
    for i in indices.filter(|&i| i < len) {
        mask[i] = true;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{actor, catalog, event, p};
    use crate::data::{ActorKind::*, Catalog, Role::*, Side};

    /// Yang calls Lavrov in November and December; Li Hui meets Borodavkin in December;
    /// Putin talks to Wen in November.
    fn story() -> Catalog {
        catalog(
            vec![
                actor("china", State, None, Some(Side::China)),
                actor("russia", State, None, Some(Side::Russia)),
                actor("yang", Person, Some("china"), None),
                actor("lavrov", Person, Some("russia"), None),
                actor("li-hui", Person, Some("china"), None),
                actor("borodavkin", Person, Some("russia"), None),
                actor("wen", Person, Some("china"), None),
                actor("putin", Person, Some("russia"), None),
                actor("six-party", Organisation, None, Some(Side::Multilateral)),
            ],
            vec![
                event(
                    "2010-11-22-wen-putin",
                    "2010-11-22",
                    vec![p("wen", Participant), p("putin", Initiator)],
                ),
                event(
                    "2010-11-27-call",
                    "2010-11-27",
                    vec![p("yang", Initiator), p("lavrov", Counterpart)],
                ),
                event(
                    "2010-12-16-li-hui",
                    "2010-12-16",
                    vec![p("li-hui", Initiator), p("borodavkin", Counterpart)],
                ),
                event(
                    "2010-12-18-call",
                    "2010-12-18",
                    vec![
                        p("yang", Initiator),
                        p("lavrov", Counterpart),
                        p("six-party", Subject),
                    ],
                ),
            ],
        )
    }

    fn look<'a>(
        c: &Catalog,
        shown: &'a [usize],
        input: impl FnOnce(&mut LinkedInput<'a>),
    ) -> (ActorGraph, NetworkLook) {
        let g = ActorGraph::build(c);
        let mut linked = LinkedInput {
            shown,
            selected_event: None,
            selected_actor: None,
            highlight: None,
            ego: false,
        };
        input(&mut linked);
        let look = NetworkLook::new(&g, linked);
        (g, look)
    }

    fn node(c: &Catalog, g: &ActorGraph, id: &str) -> usize {
        g.node_of(c, id).unwrap()
    }

    fn edge(g: &ActorGraph, x: usize, y: usize) -> usize {
        g.edges
            .iter()
            .position(|e| e.touches(x) && e.touches(y))
            .unwrap()
    }

    #[test]
    fn a_november_window_hides_december_ties_and_ghosts_december_actors() {
        let c = story();
        let november = [0, 1];
        let (g, look) = look(&c, &november, |_| {});
        let (yang, lavrov, li) = (
            node(&c, &g, "yang"),
            node(&c, &g, "lavrov"),
            node(&c, &g, "li-hui"),
        );
        let call = &look.edges[edge(&g, yang, lavrov)];
        assert!(call.visible);
        assert_eq!(
            (call.weight, call.a_led + call.b_led),
            (1, 1),
            "one call left"
        );
        assert!(!look.edges[edge(&g, li, node(&c, &g, "borodavkin"))].visible);
        assert_eq!(look.nodes[li].presence, Presence::Ghost);
        assert_eq!(look.nodes[li].shown_events, 0);
        assert_eq!(look.nodes[yang].presence, Presence::Active);
        // Unfiltered, both calls count.
        let (_, all) = self::look(&c, &[0, 1, 2, 3], |_| {});
        assert_eq!(all.edges[edge(&g, yang, lavrov)].weight, 2);
        assert_eq!(all.nodes[li].presence, Presence::Active);
    }

    #[test]
    fn the_selected_events_parties_and_the_selected_actor_are_current() {
        let c = story();
        let (g, look) = look(&c, &[0, 1, 2, 3], |i| i.selected_event = Some(3));
        let current: Vec<&str> = (0..g.nodes.len())
            .filter(|&n| look.nodes[n].current)
            .map(|n| c.actors()[g.nodes[n].actor].id.as_str())
            .collect();
        assert_eq!(current, ["yang", "lavrov"]);
        let (yang, lavrov) = (node(&c, &g, "yang"), node(&c, &g, "lavrov"));
        assert!(look.edges[edge(&g, yang, lavrov)].current);
        assert_eq!(look.edges.iter().filter(|e| e.current).count(), 1);

        let wen = c.actor_index("wen").unwrap();
        let (g, look) = self::look(&c, &[0, 1, 2, 3], |i| i.selected_actor = Some(wen));
        assert_eq!(look.nodes.iter().filter(|n| n.current).count(), 1);
        assert!(look.nodes[node(&c, &g, "wen")].current);
    }

    #[test]
    fn an_actor_in_the_network_lights_its_node_and_one_outside_it_lights_its_events() {
        let c = story();
        let g = ActorGraph::build(&c);
        let yang = c.actor_index("yang").unwrap();
        assert_eq!(
            Highlight::of(Target::Actor(yang), &c, &g),
            Highlight::Actor(yang)
        );
        // China acts through its people and has no node: its officials' events light up.
        let china = c.actor_index("china").unwrap();
        let events = Target::Actor(china).events(&c);
        assert!(!events.is_empty());
        assert_eq!(
            Highlight::of(Target::Actor(china), &c, &g),
            Highlight::Events(events)
        );
    }

    #[test]
    fn a_mask_ignores_indices_past_its_length() {
        assert_eq!(mask(3, [2, 0, 3, 7].into_iter()), [true, false, true]);
    }

    #[test]
    fn only_a_hovered_actor_in_the_network_is_pinned() {
        let c = story();
        let g = ActorGraph::build(&c);
        let yang = c.actor_index("yang").unwrap();
        let china = c.actor_index("china").unwrap();
        assert_eq!(
            pinned_node(&g, Some(Target::Actor(yang))),
            Some(node(&c, &g, "yang"))
        );
        assert_eq!(
            g.node_of_actor[china], None,
            "the state acts through people"
        );
        assert_eq!(pinned_node(&g, Some(Target::Actor(china))), None);
        assert_eq!(pinned_node(&g, Some(Target::Actor(999))), None);
        assert_eq!(pinned_node(&g, Some(Target::Event(1))), None);
        assert_eq!(pinned_node(&g, None), None);
    }

    #[test]
    fn hovering_an_actor_lights_its_neighbours_and_fades_the_rest() {
        let c = story();
        let yang = c.actor_index("yang").unwrap();
        let highlight = Highlight::Actor(yang);
        let (g, look) = look(&c, &[0, 1, 2, 3], |i| i.highlight = Some(&highlight));
        let lit: Vec<&str> = (0..g.nodes.len())
            .filter(|&n| look.nodes[n].lit)
            .map(|n| c.actors()[g.nodes[n].actor].id.as_str())
            .collect();
        assert_eq!(lit, ["yang", "lavrov"]);
        assert!(look.nodes[node(&c, &g, "wen")].faded);
        let lit_edges = look.edges.iter().filter(|e| e.lit).count();
        assert_eq!(lit_edges, 1);
        assert_eq!(
            look.edges.iter().filter(|e| e.faded).count(),
            g.edges.len() - 1
        );
    }

    #[test]
    fn hovered_events_outside_the_filters_light_nothing() {
        let c = story();
        let highlight = Highlight::Events(vec![2, 99]);
        let (_, look) = look(&c, &[0, 1], |i| i.highlight = Some(&highlight));
        assert!(look.nodes.iter().all(|n| !n.lit && !n.faded));
        let highlight = Highlight::Events(vec![0]);
        let (g, look) = self::look(&c, &[0, 1], |i| i.highlight = Some(&highlight));
        assert!(look.nodes[node(&c, &g, "wen")].lit && look.nodes[node(&c, &g, "putin")].lit);
        assert!(look.nodes[node(&c, &g, "yang")].faded);
    }

    #[test]
    fn ego_mode_keeps_the_selected_actor_and_its_neighbours() {
        let c = story();
        let yang = c.actor_index("yang").unwrap();
        let (g, look) = look(&c, &[0, 1, 2, 3], |i| {
            i.selected_actor = Some(yang);
            i.ego = true;
        });
        assert_eq!(look.ego, Ego::Showing(node(&c, &g, "yang")));
        let drawn: Vec<&str> = (0..g.nodes.len())
            .filter(|&n| look.nodes[n].presence != Presence::Hidden)
            .map(|n| c.actors()[g.nodes[n].actor].id.as_str())
            .collect();
        assert_eq!(drawn, ["yang", "lavrov"]);
        assert_eq!(look.edges.iter().filter(|e| e.visible).count(), 1);
        assert_eq!(look.nodes[node(&c, &g, "yang")].contacts, 1);
    }

    #[test]
    fn ego_mode_on_a_state_keeps_its_own_people() {
        let c = catalog(
            vec![
                actor("russia", State, None, Some(Side::Russia)),
                actor("china", State, None, Some(Side::China)),
                actor("lavrov", Person, Some("russia"), None),
                actor("putin", Person, Some("russia"), None),
                actor("yang", Person, Some("china"), None),
                actor("wen", Person, Some("china"), None),
            ],
            vec![
                event(
                    "2010-11-24-statement",
                    "2010-11-24",
                    vec![p("russia", Initiator), p("china", Counterpart)],
                ),
                event(
                    "2010-11-27-call",
                    "2010-11-27",
                    vec![p("yang", Initiator), p("lavrov", Counterpart)],
                ),
                event(
                    "2010-11-22-wen-putin",
                    "2010-11-22",
                    vec![p("wen", Participant), p("putin", Initiator)],
                ),
            ],
        );
        let russia = c.actor_index("russia").unwrap();
        let (g, look) = look(&c, &[0, 1, 2], |i| {
            i.selected_actor = Some(russia);
            i.ego = true;
        });
        let mut drawn: Vec<&str> = (0..g.nodes.len())
            .filter(|&n| look.nodes[n].presence != Presence::Hidden)
            .map(|n| c.actors()[g.nodes[n].actor].id.as_str())
            .collect();
        drawn.sort_unstable();
        assert_eq!(drawn, ["china", "lavrov", "putin", "russia"]);
        // A person's ego network is still only them and their contacts.
        let lavrov = c.actor_index("lavrov").unwrap();
        let (g, look) = self::look(&c, &[0, 1, 2], |i| {
            i.selected_actor = Some(lavrov);
            i.ego = true;
        });
        let drawn = (0..g.nodes.len())
            .filter(|&n| look.nodes[n].presence != Presence::Hidden)
            .count();
        assert_eq!(drawn, 2);
    }

    #[test]
    fn ego_mode_explains_when_it_cannot_apply() {
        let c = story();
        let (_, look) = look(&c, &[0, 1, 2, 3], |i| i.ego = true);
        assert_eq!(look.ego, Ego::NoSelection);
        assert!(look.nodes.iter().all(|n| n.presence == Presence::Active));
        let subject = c.actor_index("six-party").unwrap();
        let (_, look) = self::look(&c, &[0, 1, 2, 3], |i| {
            i.ego = true;
            i.selected_actor = Some(subject);
        });
        assert_eq!(look.ego, Ego::NotInNetwork(subject));
        let li = c.actor_index("li-hui").unwrap();
        let (g, look) = self::look(&c, &[0, 1], |i| {
            i.ego = true;
            i.selected_actor = Some(li);
        });
        assert_eq!(look.ego, Ego::NothingShown(node(&c, &g, "li-hui")));
    }

    #[test]
    fn lit_ties_are_drawn_above_the_selection_and_faded_ones_below_all() {
        let c = story();
        let wen = c.actor_index("wen").unwrap();
        let highlight = Highlight::Actor(wen);
        let (g, look) = look(&c, &[0, 1, 2, 3], |i| {
            i.selected_event = Some(3);
            i.highlight = Some(&highlight);
        });
        let (yang, lavrov) = (node(&c, &g, "yang"), node(&c, &g, "lavrov"));
        let (wen, putin) = (node(&c, &g, "wen"), node(&c, &g, "putin"));
        let lit = &look.edges[edge(&g, wen, putin)];
        let current = &look.edges[edge(&g, yang, lavrov)];
        let faded = &look.edges[edge(&g, node(&c, &g, "li-hui"), node(&c, &g, "borodavkin"))];
        assert!(lit.layer() > current.layer() && current.layer() > faded.layer());
        let (_, plain) = self::look(&c, &[0, 1, 2, 3], |_| {});
        let plain = &plain.edges[0];
        assert!(plain.layer() > faded.layer() && plain.layer() < current.layer());
    }

    #[test]
    fn out_of_range_indices_are_ignored() {
        let c = story();
        let highlight = Highlight::Actor(999);
        let (_, look) = look(&c, &[0, 1, 2, 3, 42], |i| {
            i.selected_event = Some(77);
            i.selected_actor = Some(999);
            i.highlight = Some(&highlight);
        });
        assert!(look.nodes.iter().all(|n| !n.current && !n.lit && !n.faded));
    }
}
