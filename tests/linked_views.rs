//! Every view lights the same events for the same target (event, actor or place): the
//! timeline's marks, the event list's rows, the map's place marks and the network's actors
//! and ties all follow `Target`'s one rule.

use korea2010::data::{self, Catalog};
use korea2010::query::Target;
use korea2010::views::map::fit::selection_places;
use korea2010::views::network::linked::{Highlight, LinkedInput, NetworkLook};
use korea2010::views::network::ActorNetwork;

fn targets(catalog: &Catalog) -> Vec<Target> {
    let actor = |id| Target::Actor(catalog.actor_index(id).unwrap());
    let place = |id| Target::Place(catalog.place_index(id).unwrap());
    let event = |id| Target::Event(catalog.event_index(id).unwrap());
    vec![
        event("2010-11-23-yeonpyeong-shelling"),
        event("2010-11-23-pm-joint-communique"),
        actor("sergey-lavrov"),
        actor("wen-jiabao"),
        actor("russia"),
        actor("china"),
        place("moscow"),
        place("dushanbe"),
    ]
}

/// The events the timeline lights, as its mask says.
fn timeline_lit(catalog: &Catalog, target: Target) -> Vec<usize> {
    let mask = Target::lit_mask(Some(target), catalog);
    (0..mask.len()).filter(|&e| mask[e]).collect()
}

/// The rows the event list lights.
fn list_lit(catalog: &Catalog, target: Target) -> Vec<usize> {
    (0..catalog.events().len())
        .filter(|&e| target.lights(catalog, e))
        .collect()
}

#[test]
fn the_timeline_and_the_list_light_the_same_events() {
    let catalog = data::load_embedded().unwrap();
    for target in targets(&catalog) {
        let lit = timeline_lit(&catalog, target);
        assert!(!lit.is_empty(), "{target:?} lights something");
        assert_eq!(lit, list_lit(&catalog, target), "{target:?}");
    }
}

#[test]
fn the_map_lights_a_place_of_every_lit_event_and_no_other_place() {
    let catalog = data::load_embedded().unwrap();
    let shown: Vec<usize> = (0..catalog.events().len()).collect();
    for target in targets(&catalog) {
        let marks = selection_places(&catalog, target, &shown);
        let lit = list_lit(&catalog, target);
        let places_of = |e: usize| -> Vec<usize> {
            catalog.events()[e]
                .places
                .iter()
                .filter_map(|id| catalog.place_index(id))
                .collect()
        };
        for &e in &lit {
            let places = places_of(e);
            assert!(
                places.is_empty() || places.iter().any(|p| marks.contains(p)),
                "{target:?}: {} has no lit mark",
                catalog.events()[e].id
            );
        }
        for &p in &marks {
            assert!(
                lit.iter().any(|&e| places_of(e).contains(&p)),
                "{target:?}: {} is lit without a lit event",
                catalog.places()[p].id
            );
        }
    }
}

#[test]
fn the_network_lights_only_actors_and_ties_of_lit_events() {
    let catalog = data::load_embedded().unwrap();
    let network = ActorNetwork::new(&catalog);
    let graph = &network.graph;
    let shown: Vec<usize> = (0..catalog.events().len()).collect();
    for target in targets(&catalog) {
        let lit = list_lit(&catalog, target);
        let highlight = Highlight::of(target, &catalog, graph);
        let look = NetworkLook::new(
            graph,
            LinkedInput {
                shown: &shown,
                selected_event: None,
                selected_actor: None,
                highlight: Some(&highlight),
                ego: false,
            },
        );
        let lit_nodes: Vec<usize> = (0..look.nodes.len())
            .filter(|&n| look.nodes[n].lit)
            .collect();
        let lit_edges: Vec<usize> = (0..look.edges.len())
            .filter(|&i| look.edges[i].lit)
            .collect();
        assert!(!lit_nodes.is_empty(), "{target:?} lights an actor");
        for &i in &lit_edges {
            assert!(
                graph.edges[i].events.iter().any(|e| lit.contains(e)),
                "{target:?}: a lit tie has no lit event"
            );
        }
        for &n in &lit_nodes {
            assert!(
                graph.nodes[n].events.iter().any(|e| lit.contains(e)),
                "{target:?}: {} is lit without a lit event",
                n
            );
        }
        // Every lit event's ties light up.
        for (i, edge) in graph.edges.iter().enumerate() {
            if look.edges[i].visible && edge.events.iter().any(|e| lit.contains(e)) {
                let by_actor = matches!(highlight, Highlight::Actor(_));
                // An actor lights only its own ties; events light every tie they make.
                if !by_actor {
                    assert!(
                        look.edges[i].lit,
                        "{target:?}: a tie of a lit event is dark"
                    );
                }
            }
        }
    }
}
