//! The difference network: the actor network's ties among the two tracks' events surely
//! before and after the split, each *new* after it, *gone* after it or *kept*, with the
//! tracks' actors marked.
//!
//! It is the actor network with another look, so it uses that room's graph (what a node
//! and a tie are), its placement (saved for the built-in dataset, laid out live for any
//! other) and its scene rather than copies: an actor sits where the Actors view puts it,
//! and a hover or selection lights it by the same rule (`NetworkLook`).

use crate::data::Catalog;
use crate::present;
use crate::query::Target;
use crate::views::network::dense::{plan_edges, EdgePlan};
use crate::views::network::linked::{pinned_node, LinkedInput, Presence};
use crate::views::network::scene::{Scene, SceneEdge};
use crate::views::network::{ActorGraph, ActorNetwork, Highlight, NetworkLook, Viewport};

use super::model::Model;
use super::tracks::Who;

/// The thinnest tie drawn, px: a dash or dot pattern needs some width to be told apart.
pub const MIN_TIE_PX: f64 = 2.0;

/// How a tie changed at the split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Only after the split.
    New,
    /// Only before it.
    Gone,
    /// In both periods.
    Kept,
}

impl Change {
    pub const ALL: [Change; 3] = [Change::New, Change::Gone, Change::Kept];

    /// The change of a tie with shared events on each side; `None` with none on either.
    pub fn of(before: usize, after: usize) -> Option<Change> {
        match (before > 0, after > 0) {
            (false, true) => Some(Change::New),
            (true, false) => Some(Change::Gone),
            (true, true) => Some(Change::Kept),
            (false, false) => None,
        }
    }

    /// The word the drawing's classes and tests use.
    pub fn id(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Gone => "gone",
            Change::Kept => "kept",
        }
    }

    /// What the legend and the lists call it.
    pub fn label(self) -> &'static str {
        match self {
            Change::New => "New after the split",
            Change::Gone => "Gone after the split",
            Change::Kept => "In both periods",
        }
    }
}

/// A tie of the network with shared events in either period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TieChange {
    /// The network's edge.
    pub edge: usize,
    pub change: Change,
    /// Its shared events surely before the split and surely after it, ascending.
    pub before: Vec<usize>,
    pub after: Vec<usize>,
}

impl TieChange {
    /// The event a reader reaches through the tie, and which it lights: where a new or
    /// kept tie first shows after the split, where a gone one was last seen.
    pub fn event(&self) -> Option<usize> {
        match self.change {
            Change::Gone => self.before.last().copied(),
            Change::New | Change::Kept => self.after.first().copied(),
        }
    }
}

/// The difference network of a compare model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Either track's events surely before the split, ascending.
    pub before: Vec<usize>,
    /// Either track's events surely after it, ascending.
    pub after: Vec<usize>,
    /// Both, ascending: the events the network is drawn with.
    pub events: Vec<usize>,
    /// The ties of either period, in edge order.
    pub ties: Vec<TieChange>,
    /// Per node of the network: whether it is one of the first track's actors, and of the
    /// second's.
    pub marks: Vec<[bool; 2]>,
}

impl Difference {
    /// The difference network of `model`'s tracks in `graph`.
    pub fn of(catalog: &Catalog, graph: &ActorGraph, model: &Model) -> Difference {
        let merged = |pick: fn(&super::Periods) -> &[usize]| -> Vec<usize> {
            let mut events: Vec<usize> = model
                .tracks
                .iter()
                .flat_map(|t| pick(&t.periods).iter().copied())
                .collect();
            events.sort_unstable();
            events.dedup();
            events
        };
        let before = merged(|p| &p.surely_before);
        let after = merged(|p| &p.surely_after);
        let within = |list: &[usize], events: &[usize]| -> Vec<usize> {
            events
                .iter()
                .copied()
                .filter(|e| list.binary_search(e).is_ok())
                .collect()
        };
        let ties = graph
            .edges
            .iter()
            .enumerate()
            .filter_map(|(edge, e)| {
                let (b, a) = (within(&before, &e.events), within(&after, &e.events));
                Change::of(b.len(), a.len()).map(|change| TieChange {
                    edge,
                    change,
                    before: b,
                    after: a,
                })
            })
            .collect();
        let marks = graph
            .nodes
            .iter()
            .map(|node| {
                let mut marks = [false; 2];
                for (mark, view) in marks.iter_mut().zip(&model.tracks) {
                    *mark = match view.track.who {
                        // A storyline has no actors of its own: those acting in its events
                        // of either period stand for it.
                        Who::Storyline(_) => node.events.iter().any(|e| {
                            view.periods.surely_before.binary_search(e).is_ok()
                                || view.periods.surely_after.binary_search(e).is_ok()
                        }),
                        who => who.includes(catalog, node.actor),
                    };
                }
                marks
            })
            .collect();
        let mut events = [before.as_slice(), after.as_slice()].concat();
        events.sort_unstable();
        events.dedup();
        Difference {
            before,
            after,
            events,
            ties,
            marks,
        }
    }

    /// The change of a network edge, if it has shared events in either period.
    pub fn tie_of(&self, edge: usize) -> Option<&TieChange> {
        self.ties
            .binary_search_by_key(&edge, |t| t.edge)
            .ok()
            .map(|i| &self.ties[i])
    }

    /// The ties of one kind of change, those of most shared events first.
    pub fn list(&self, change: Change) -> Vec<&TieChange> {
        let mut list: Vec<&TieChange> = self.ties.iter().filter(|t| t.change == change).collect();
        crate::sorting::sort_by_key(&mut list, |t| {
            std::cmp::Reverse(t.before.len() + t.after.len())
        });
        list
    }

    /// The network's look for these events: nodes acting in neither period are ghosts, the
    /// ties of either period are drawn, and the selection and hover mark and light them as
    /// in the Actors view.
    pub fn look(
        &self,
        catalog: &Catalog,
        graph: &ActorGraph,
        selected: Option<Target>,
        hover: Option<Target>,
    ) -> NetworkLook {
        let highlight = hover.map(|target| Highlight::of(target, catalog, graph));
        NetworkLook::new(
            graph,
            LinkedInput {
                shown: &self.events,
                selected_event: match selected {
                    Some(Target::Event(e)) => Some(e),
                    _ => None,
                },
                selected_actor: match selected {
                    Some(Target::Actor(a)) => Some(a),
                    _ => None,
                },
                highlight: highlight.as_ref(),
                ego: false,
            },
        )
    }

    /// The drawing in a `width` × `height` box: fitted to the actors of either period, at
    /// the network's own positions, by the network's scene (its trimmed ties, arrowheads
    /// and the labels that fit, the hovered actor's always), no tie thinner than
    /// [`MIN_TIE_PX`].
    pub fn drawing(
        &self,
        network: &ActorNetwork,
        look: &NetworkLook,
        (width, height): (f64, f64),
        hover: Option<Target>,
    ) -> (Viewport, Scene) {
        let active: Vec<usize> = (0..look.nodes.len())
            .filter(|&n| look.nodes[n].presence == Presence::Active)
            .collect();
        let viewport = Viewport::fit(network.placement.bounds_of_nodes(&active), width, height);
        let pinned = pinned_node(&network.graph, hover);
        let mut scene = Scene::new(&network.graph, &network.placement, look, &viewport, pinned);
        for edge in &mut scene.edges {
            edge.width = edge.width.max(MIN_TIE_PX);
        }
        (viewport, scene)
    }

    /// The scene's ties by change, back to front (kept, gone, then new on top), each
    /// layer planned as the Actors view plans its ties (a crowded layer's plain ties
    /// merged into a few paths).
    pub fn layers(
        &self,
        scene: &Scene,
        look: &NetworkLook,
    ) -> Vec<(Change, Vec<SceneEdge>, EdgePlan)> {
        [Change::Kept, Change::Gone, Change::New]
            .into_iter()
            .map(|change| {
                let edges: Vec<SceneEdge> = scene
                    .edges
                    .iter()
                    .filter(|e| self.tie_of(e.edge).is_some_and(|t| t.change == change))
                    .cloned()
                    .collect();
                let plan = plan_edges(&edges, &look.edges);
                (change, edges, plan)
            })
            .collect()
    }

    /// A tie's accessible name (see [`present::tie_change`]).
    pub fn tie_name(&self, catalog: &Catalog, graph: &ActorGraph, tie: &TieChange) -> String {
        let edge = &graph.edges[tie.edge];
        let name = |n: usize| catalog.actors()[graph.nodes[n].actor].name.as_str();
        present::tie_change(
            name(edge.a),
            name(edge.b),
            tie.before.len(),
            tie.after.len(),
        )
    }

    /// An actor's accessible name: its tracks and the events it acts in on each side of
    /// the split (see [`present::actor_change`]).
    pub fn actor_name(
        &self,
        catalog: &Catalog,
        graph: &ActorGraph,
        model: &Model,
        node: usize,
    ) -> String {
        let acting = &graph.nodes[node].events;
        let count = |period: &[usize]| {
            acting
                .iter()
                .filter(|e| period.binary_search(e).is_ok())
                .count()
        };
        let tracks: Vec<&str> = model
            .tracks
            .iter()
            .zip(self.marks[node])
            .filter(|&(_, mark)| mark)
            .map(|(view, _)| view.track.label.as_str())
            .collect();
        present::actor_change(
            &catalog.actors()[graph.nodes[node].actor].name,
            &tracks,
            count(&self.before),
            count(&self.after),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{kind_event, p, sides};
    use crate::data::{EventKind, Role::*, Storyline};
    use crate::url::CompareLink;
    use crate::views::compare::model::build;
    use crate::views::compare::TrackKey;

    /// Wen meets Lavrov, China meets North Korea, then the shelling; after it Lavrov calls
    /// Wen, China visits Seoul, Lavrov talks about the US (a subject: no tie), and the US
    /// meets Seoul (in neither track).
    fn catalog() -> Catalog {
        let ev = kind_event;
        let mut catalog = sides(vec![
            ev(
                "2010-11-20-wen-lavrov",
                "2010-11-20",
                None,
                EventKind::Meeting,
                vec![p("wen", Initiator), p("lavrov", Counterpart)],
            ),
            ev(
                "2010-11-21-china-north-korea",
                "2010-11-21",
                None,
                EventKind::Meeting,
                vec![p("china", Participant), p("north-korea", Participant)],
            ),
            ev(
                "2010-11-23-yeonpyeong-shelling",
                "2010-11-23",
                None,
                EventKind::MilitaryAction,
                vec![p("north-korea", Initiator)],
            ),
            ev(
                "2010-11-25-lavrov-wen-call",
                "2010-11-25",
                None,
                EventKind::PhoneCall,
                vec![p("lavrov", Initiator), p("wen", Counterpart)],
            ),
            ev(
                "2010-11-26-china-seoul",
                "2010-11-26",
                None,
                EventKind::Visit,
                vec![p("china", Initiator), p("south-korea", Counterpart)],
            ),
            ev(
                "2010-11-27-lavrov-on-us",
                "2010-11-27",
                None,
                EventKind::Statement,
                vec![p("lavrov", Speaker), p("united-states", Subject)],
            ),
            ev(
                "2010-11-28-us-seoul",
                "2010-11-28",
                None,
                EventKind::Meeting,
                vec![
                    p("united-states", Participant),
                    p("south-korea", Participant),
                ],
            ),
        ])
        .dataset;
        catalog.storylines = vec![Storyline {
            id: "koreas".into(),
            title: "The Koreas".into(),
            context: String::new(),
            tour: vec![],
        }];
        for e in &mut catalog.events {
            if e.id.contains("north-korea") || e.id.contains("seoul") {
                e.storylines = vec!["koreas".into()];
            }
        }
        Catalog::new(catalog)
    }

    fn difference(catalog: &Catalog, link: &CompareLink) -> (ActorGraph, Model, Difference) {
        let graph = ActorGraph::build(catalog);
        let model = build(catalog, link, None).unwrap();
        let difference = Difference::of(catalog, &graph, &model);
        (graph, model, difference)
    }

    /// The ties by their two actors' ids and change, by those ids.
    fn changes(catalog: &Catalog, graph: &ActorGraph, d: &Difference) -> Vec<(String, Change)> {
        let mut ties: Vec<(String, Change)> = d
            .ties
            .iter()
            .map(|t| {
                let edge = &graph.edges[t.edge];
                let id = |n: usize| catalog.actors()[graph.nodes[n].actor].id.as_str();
                (format!("{}–{}", id(edge.a), id(edge.b)), t.change)
            })
            .collect();
        ties.sort_by(|x, y| x.0.cmp(&y.0));
        ties
    }

    fn node(catalog: &Catalog, graph: &ActorGraph, id: &str) -> usize {
        graph.node_of(catalog, id).unwrap()
    }

    #[test]
    fn a_change_is_told_by_the_shared_events_on_each_side() {
        assert_eq!(Change::of(0, 2), Some(Change::New));
        assert_eq!(Change::of(1, 0), Some(Change::Gone));
        assert_eq!(Change::of(1, 1), Some(Change::Kept));
        assert_eq!(Change::of(0, 0), None);
        let ids: Vec<&str> = Change::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(ids, ["new", "gone", "kept"]);
        let labels: Vec<&str> = Change::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "New after the split",
                "Gone after the split",
                "In both periods"
            ]
        );
    }

    #[test]
    fn ties_are_new_gone_or_kept_at_the_split_by_the_network_s_own_ties() {
        let c = catalog();
        let (graph, _, d) = difference(&c, &CompareLink::default());
        let id = |e: usize| c.events()[e].id.as_str();
        let ids = |events: &[usize]| -> Vec<&str> { events.iter().map(|&e| id(e)).collect() };
        // Both tracks' events, the shelling (North Korea's, and the split) in neither.
        assert_eq!(
            ids(&d.before),
            ["2010-11-20-wen-lavrov", "2010-11-21-china-north-korea"]
        );
        assert_eq!(
            ids(&d.after),
            [
                "2010-11-25-lavrov-wen-call",
                "2010-11-26-china-seoul",
                "2010-11-27-lavrov-on-us"
            ]
        );
        assert_eq!(d.events.len(), 5);
        // A subject makes no tie; the US meeting Seoul is in neither track.
        let got = changes(&c, &graph, &d);
        assert_eq!(
            got,
            [
                ("china–north-korea".to_owned(), Change::Gone),
                ("china–south-korea".to_owned(), Change::New),
                ("wen–lavrov".to_owned(), Change::Kept),
            ]
        );
        let kept = d.list(Change::Kept)[0];
        assert_eq!(ids(&kept.before), ["2010-11-20-wen-lavrov"]);
        assert_eq!(ids(&kept.after), ["2010-11-25-lavrov-wen-call"]);
        assert_eq!(kept.event().map(id), Some("2010-11-25-lavrov-wen-call"));
        let gone = d.list(Change::Gone)[0];
        assert_eq!(gone.event().map(id), Some("2010-11-21-china-north-korea"));
        let new = d.list(Change::New)[0];
        assert_eq!(new.event().map(id), Some("2010-11-26-china-seoul"));
        assert_eq!(d.tie_of(new.edge), Some(new));
        let (us, seoul) = (
            node(&c, &graph, "united-states"),
            node(&c, &graph, "south-korea"),
        );
        let unchanged = graph
            .edges
            .iter()
            .position(|e| e.touches(us) && e.touches(seoul));
        assert_eq!(
            unchanged.map(|edge| d.tie_of(edge)),
            Some(None),
            "the US–Seoul tie is in neither period"
        );
    }

    #[test]
    fn another_split_changes_what_is_new_and_gone() {
        let c = catalog();
        let link = CompareLink {
            split: Some("2010-11-25-lavrov-wen-call".into()),
            ..CompareLink::default()
        };
        let (graph, _, d) = difference(&c, &link);
        let got = changes(&c, &graph, &d);
        // The call is the split itself, in neither period: Wen and Lavrov last met before.
        assert_eq!(
            got,
            [
                ("china–north-korea".to_owned(), Change::Gone),
                ("china–south-korea".to_owned(), Change::New),
                ("wen–lavrov".to_owned(), Change::Gone),
            ]
        );
        // Three days each side of the shelling leave out the visit to Seoul (day 3).
        let near = CompareLink {
            days: Some(3),
            ..CompareLink::default()
        };
        let (graph, _, d) = difference(&c, &near);
        let got = changes(&c, &graph, &d);
        assert_eq!(
            got,
            [
                ("china–north-korea".to_owned(), Change::Gone),
                ("wen–lavrov".to_owned(), Change::Kept),
            ]
        );
    }

    #[test]
    fn lists_put_the_ties_of_most_shared_events_first() {
        // Wen goes to Pyongyang twice: his new tie is heavier than China's with Seoul,
        // though it comes later in the network's order of ties.
        let mut c = catalog().dataset;
        for day in ["29", "30"] {
            let mut pyongyang = c.events[1].clone();
            pyongyang.id = format!("2010-11-{day}-wen-pyongyang");
            pyongyang.start = format!("2010-11-{day}");
            pyongyang.participants = vec![p("wen", Initiator), p("north-korea", Counterpart)];
            c.events.push(pyongyang);
        }
        let c = Catalog::new(c);
        let (graph, _, d) = difference(&c, &CompareLink::default());
        let new: Vec<(String, usize)> = d
            .list(Change::New)
            .iter()
            .map(|t| {
                let edge = &graph.edges[t.edge];
                let id = |n: usize| c.actors()[graph.nodes[n].actor].id.clone();
                (format!("{}–{}", id(edge.a), id(edge.b)), t.after.len())
            })
            .collect();
        assert_eq!(
            new,
            [
                ("north-korea–wen".to_owned(), 2),
                ("china–south-korea".to_owned(), 1)
            ]
        );
        assert!(d
            .list(Change::Gone)
            .iter()
            .all(|t| t.change == Change::Gone));
    }

    #[test]
    fn the_tracks_actors_are_marked() {
        let c = catalog();
        let (graph, _, d) = difference(&c, &CompareLink::default());
        let marks = |id: &str| d.marks[node(&c, &graph, id)];
        assert_eq!(marks("wen"), [true, false]);
        assert_eq!(marks("china"), [true, false]);
        assert_eq!(marks("lavrov"), [false, true]);
        assert_eq!(marks("north-korea"), [false, false]);
        // An actor track marks the actor; a storyline, those acting in its events.
        let link = CompareLink {
            pair: [
                TrackKey::Actor("wen".into()),
                TrackKey::Storyline("koreas".into()),
            ],
            ..CompareLink::default()
        };
        let (graph, _, d) = difference(&c, &link);
        let marks = |id: &str| d.marks[node(&c, &graph, id)];
        assert_eq!(marks("wen"), [true, false]);
        assert_eq!(marks("china"), [false, true]);
        assert_eq!(marks("south-korea"), [false, true]);
        assert_eq!(marks("north-korea"), [false, true]);
        assert_eq!(marks("lavrov"), [false, false]);
        // Acting in the storyline's event outside both periods does not count.
        assert_eq!(marks("united-states"), [false, true]);
        let near = CompareLink {
            days: Some(4),
            ..link
        };
        let (graph, _, d) = difference(&c, &near);
        assert_eq!(d.marks[node(&c, &graph, "united-states")], [false, false]);
        assert_eq!(d.marks[node(&c, &graph, "south-korea")], [false, true]);
    }

    #[test]
    fn ties_and_actors_are_named_with_their_change_and_tracks() {
        let c = catalog();
        let (graph, model, d) = difference(&c, &CompareLink::default());
        let names: Vec<String> = Change::ALL
            .iter()
            .map(|&change| d.tie_name(&c, &graph, d.list(change)[0]))
            .collect();
        assert_eq!(
            names,
            [
                "china – south-korea: new after the split, 1 shared event",
                "china – north-korea: gone after the split, 1 shared event before it",
                "wen – lavrov: in both periods, 1 shared event before the split and 1 after",
            ]
        );
        let name = |id: &str| d.actor_name(&c, &graph, &model, node(&c, &graph, id));
        assert_eq!(
            name("wen"),
            "wen, in the China track: acts in 1 event before the split and 1 after"
        );
        assert_eq!(
            name("lavrov"),
            "lavrov, in the Russia track: acts in 1 event before the split and 2 after"
        );
        assert_eq!(
            name("south-korea"),
            "south-korea: acts in 1 event after the split, none before"
        );
    }

    #[test]
    fn the_look_draws_either_period_and_lights_what_is_hovered() {
        let c = catalog();
        let (graph, _, d) = difference(&c, &CompareLink::default());
        let look = d.look(&c, &graph, None, None);
        let us = node(&c, &graph, "united-states");
        assert_eq!(look.nodes[us].presence, Presence::Ghost);
        assert_eq!(
            look.nodes[node(&c, &graph, "wen")].presence,
            Presence::Active
        );
        let visible: Vec<usize> = (0..graph.edges.len())
            .filter(|&i| look.edges[i].visible)
            .collect();
        let tied: Vec<usize> = d.ties.iter().map(|t| t.edge).collect();
        assert_eq!(visible, tied, "exactly the ties of either period are drawn");
        assert!(look.nodes.iter().all(|n| !n.lit && !n.current));
        // Hovering Wen lights Wen and his tie; selecting the visit marks its actors.
        let wen = c.actor_index("wen").unwrap();
        let visit = c.event_index("2010-11-26-china-seoul").unwrap();
        let look = d.look(
            &c,
            &graph,
            Some(Target::Event(visit)),
            Some(Target::Actor(wen)),
        );
        let lit: Vec<usize> = (0..graph.nodes.len())
            .filter(|&n| look.nodes[n].lit)
            .collect();
        let mut want = vec![node(&c, &graph, "wen"), node(&c, &graph, "lavrov")];
        want.sort_unstable();
        assert_eq!(lit, want);
        assert!(look.nodes[node(&c, &graph, "china")].current);
        assert!(look.nodes[node(&c, &graph, "south-korea")].current);
        assert!(!look.nodes[node(&c, &graph, "wen")].current);
        // An actor selected is current too.
        let look = d.look(&c, &graph, Some(Target::Actor(wen)), None);
        assert!(look.nodes[node(&c, &graph, "wen")].current);
        assert!(!look.nodes[node(&c, &graph, "china")].current);
    }

    #[test]
    fn a_dataset_without_a_saved_layout_is_drawn_at_the_network_s_own_positions() {
        let c = catalog();
        assert!(ActorNetwork::from_saved(&c).is_none(), "no saved layout");
        let network = ActorNetwork::new(&c);
        assert_eq!(network, ActorNetwork::new(&c), "the live layout is stable");
        let model = build(&c, &CompareLink::default(), None).unwrap();
        let d = Difference::of(&c, &network.graph, &model);
        let look = d.look(&c, &network.graph, None, None);
        let (viewport, scene) = d.drawing(&network, &look, (400.0, 300.0), None);
        let drawn: Vec<usize> = scene.nodes.iter().map(|n| n.node).collect();
        assert_eq!(drawn.len(), network.graph.nodes.len(), "ghosts included");
        for shape in &scene.nodes {
            let at = viewport.to_layout(shape.centre);
            let want = network.placement.positions[shape.node];
            assert!(at.distance(want) < 1e-6, "{at:?} {want:?}");
            if look.nodes[shape.node].presence == Presence::Active {
                let dot = crate::layout::Rect::new(shape.centre.x, shape.centre.y, 0.0, 0.0);
                assert!(viewport.screen().contains_rect(&dot), "fitted in");
            }
        }
        assert_eq!(scene.edges.len(), d.ties.len());
        let layers: Vec<(Change, usize, usize)> = d
            .layers(&scene, &look)
            .iter()
            .map(|(change, edges, plan)| (*change, edges.len(), plan.single.len()))
            .collect();
        assert_eq!(
            layers,
            [
                (Change::Kept, 1, 1),
                (Change::Gone, 1, 1),
                (Change::New, 1, 1)
            ]
        );
        let layers = d.layers(&scene, &look);
        for (change, edges, _) in &layers {
            assert!(edges
                .iter()
                .all(|e| d.tie_of(e.edge).unwrap().change == *change));
        }
        // The hovered actor is pinned: its label always shows.
        let wen = c.actor_index("wen").unwrap();
        let (_, scene) = d.drawing(&network, &look, (60.0, 40.0), Some(Target::Actor(wen)));
        assert!(scene.labels[node(&c, &network.graph, "wen")].is_some());
    }
}
