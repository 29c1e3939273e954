//! One definition of "the events of an actor" (`Target::lights`: taking part, quoted or
//! subject, and for a state or organisation its people's too), counted within the same
//! filters, gives the same number in the filter panel, the details, the network's node and
//! the actor table — and each says what it counts. Russia in the week of Nov. 23–30 once
//! read 59 in the filter, 56 in the details and 18 on its node.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::{self, Catalog};
use korea2010::explore::Exploration;
use korea2010::present;
use korea2010::query::filter::Matcher;
use korea2010::query::{Facet, SearchIndex, Target};
use korea2010::views::network::describe::node_name;
use korea2010::views::network::linked::{LinkedInput, NetworkLook, Presence};
use korea2010::views::network::table::{rows, Sort};
use korea2010::views::network::ActorNetwork;

/// Links whose filters leave the country and actor facets free (a ticked value of a facet
/// is, by design, not counted against its own facet).
const LINKS: &[&str] = &[
    "/",
    "/actor/russia?from=2010-11-23&to=2010-11-30",
    "/?from=2010-11-23&to=2010-11-30",
    "/?story=wen-visit",
    "/?kind=meeting,phone-call&from=2010-10-01&to=2010-11-30",
    "/?q=korea",
];

struct Counts {
    details: usize,
    facet: Option<usize>,
    node: Option<usize>,
    table: Option<usize>,
}

fn counts(
    catalog: &Catalog,
    search: &SearchIndex,
    network: &ActorNetwork,
    link: &str,
) -> Vec<(usize, Counts)> {
    let exploration = Exploration::from_fragment(catalog, search, link);
    assert!(
        exploration.notices.is_empty(),
        "{link}: {:?}",
        exploration.notices
    );
    let shown: &[usize] = &exploration.shown;
    let filters = &exploration.url.filters;
    let matcher = Matcher::new(catalog, search, filters);
    let facets: Vec<(String, usize)> = [Facet::Country, Facet::Actor]
        .into_iter()
        .flat_map(|facet| matcher.facet_values(facet))
        .map(|value| (value.id, value.count))
        .collect();
    let graph = &network.graph;
    let look = NetworkLook::new(
        graph,
        LinkedInput {
            shown,
            selected_event: None,
            selected_actor: None,
            highlight: None,
            ego: false,
        },
    );
    let table = rows(catalog, graph, &look, Sort::default());
    (0..catalog.actors().len())
        .map(|a| {
            let id = &catalog.actors()[a].id;
            let node = graph.node_of_actor[a];
            let c = Counts {
                details: Target::Actor(a).count_in(catalog, shown),
                facet: facets.iter().find(|(v, _)| v == id).map(|&(_, n)| n),
                node: node.map(|n| look.nodes[n].shown_events),
                table: table.iter().find(|r| r.actor == a).map(|r| r.events),
            };
            (a, c)
        })
        .collect()
}

#[test]
fn the_filter_the_details_the_node_and_the_table_count_an_actor_s_events_alike() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let network = ActorNetwork::new(&catalog);
    for link in LINKS {
        for (a, c) in counts(&catalog, &search, &network, link) {
            let id = &catalog.actors()[a].id;
            for (what, n) in [("filter", c.facet), ("node", c.node), ("table", c.table)] {
                if let Some(n) = n {
                    assert_eq!(
                        n, c.details,
                        "{id} at {link}: {what} says {n}, the details {}",
                        c.details
                    );
                }
            }
        }
    }
}

#[test]
fn russia_in_the_week_after_the_shelling_reads_the_same_everywhere() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let network = ActorNetwork::new(&catalog);
    let russia = catalog.actor_index("russia").unwrap();
    let all = counts(
        &catalog,
        &search,
        &network,
        "/?from=2010-11-23&to=2010-11-30",
    );
    let c = &all[russia].1;
    assert_eq!(c.facet, Some(c.details));
    assert_eq!(c.node, Some(c.details));
    // With its people's events: more than the ones where Russia acts as a body itself.
    let node = network.graph.node_of_actor[russia].unwrap();
    assert!(
        c.details
            > network.graph.nodes[node]
                .events
                .iter()
                .filter(|&&e| {
                    catalog.spans[e].overlaps(
                        korea2010::data::Date::parse("2010-11-23")
                            .unwrap()
                            .to_days(),
                        korea2010::data::Date::parse("2010-11-30")
                            .unwrap()
                            .to_days(),
                    )
                })
                .count()
    );
}

#[test]
fn a_node_s_name_says_what_its_number_counts() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let network = ActorNetwork::new(&catalog);
    let graph = &network.graph;
    let exploration =
        Exploration::from_fragment(&catalog, &search, "/?from=2010-11-23&to=2010-11-30");
    let look = NetworkLook::new(
        graph,
        LinkedInput {
            shown: &exploration.shown,
            selected_event: None,
            selected_actor: None,
            highlight: None,
            ego: false,
        },
    );
    for (n, node) in graph.nodes.iter().enumerate() {
        if look.nodes[n].presence != Presence::Active {
            continue;
        }
        let a = node.actor;
        let total = Target::Actor(a).events(&catalog).len();
        let in_view = Target::Actor(a).count_in(&catalog, &exploration.shown);
        let name = node_name(&catalog, node, &look.nodes[n]);
        let phrase = present::actor_event_count(in_view, total, catalog.has_people(a));
        assert!(name.ends_with(&phrase), "{name} / {phrase}");
    }
    let russia = graph.node_of(&catalog, "russia").unwrap();
    let name = node_name(&catalog, &graph.nodes[russia], &look.nodes[russia]);
    assert!(
        name.contains("events in view, including its people's"),
        "{name}"
    );
}

#[test]
fn a_state_counts_its_people_and_a_person_or_a_state_without_people_does_not() {
    let catalog = data::load_embedded().expect("embedded dataset");
    let with_people = |id: &str| catalog.has_people(catalog.actor_index(id).expect(id));
    assert!(with_people("russia"));
    assert!(with_people("china"));
    // An organisation with a spokesman of its own.
    assert!(with_people("chinese-foreign-ministry"));
    // A state nobody in the chronicle belongs to, and a person.
    assert!(!with_people("pakistan"));
    assert!(!with_people("sergey-lavrov"));
    let phrase = |id: &str| {
        let a = catalog.actor_index(id).expect(id);
        let total = Target::Actor(a).events(&catalog).len();
        present::actor_event_count(total, total, catalog.has_people(a))
    };
    assert!(phrase("russia").ends_with("including its people's"));
    assert!(
        !phrase("pakistan").contains("people"),
        "{}",
        phrase("pakistan")
    );
}
