//! How the network names its actors to readers and screen readers; the table and the
//! drawing say the same.

use crate::data::{ActorKind, Catalog, Side};

use super::linked::{Ego, NodeLook};
use super::model::{ActorGraph, Node};

/// What an actor belongs to, in a word or two: the body a person or outlet acts for (a
/// state, a ministry, a newspaper — not the state behind it), or what kind of body a state
/// or organisation is (a domestic body: its side).
pub fn affiliation(catalog: &Catalog, actor: usize) -> String {
    let actors = catalog.actors();
    let body = actors[actor].affiliation.as_deref();
    if let Some(body) = body.and_then(|id| catalog.actor(id)) {
        return body.name.clone();
    }
    match (actors[actor].kind, actors[actor].side) {
        (ActorKind::State, _) => "State".to_owned(),
        (ActorKind::Organisation, Some(Side::Multilateral)) => "Multilateral body".to_owned(),
        (ActorKind::Organisation, Some(side)) => side.label().to_owned(),
        (ActorKind::Organisation, None) => "Organisation".to_owned(),
        (ActorKind::Media, _) => "News outlet".to_owned(),
        (ActorKind::Person, _) => "Independent".to_owned(),
    }
}

/// The accessible name of a node: name, affiliation and its events (see
/// [`crate::present::actor_event_count`]: the same count as the details and the filters).
pub fn node_name(catalog: &Catalog, node: &Node, look: &NodeLook) -> String {
    format!(
        "{}, {}, {}",
        catalog.actors()[node.actor].name,
        affiliation(catalog, node.actor),
        node_events(catalog, node, look.shown_events)
    )
}

/// A node's events in view and in all, as the node's name and the table's cell say them.
pub fn node_events(catalog: &Catalog, node: &Node, in_view: usize) -> String {
    crate::present::actor_event_count(in_view, node.counted.len(), catalog.has_people(node.actor))
}

/// The tooltip of a tie: "Yang Jiechi – Sergey Lavrov: 3 shared events (2 initiated by
/// Yang Jiechi)".
pub fn tie_title(a: &str, b: &str, weight: usize, a_led: usize, b_led: usize) -> String {
    let events = if weight == 1 {
        "1 shared event".to_owned()
    } else {
        format!("{weight} shared events")
    };
    let led: Vec<String> = [(a_led, a), (b_led, b)]
        .into_iter()
        .filter(|&(count, _)| count > 0)
        .map(|(count, who)| format!("{count} initiated by {who}"))
        .collect();
    if led.is_empty() {
        format!("{a} – {b}: {events}")
    } else {
        format!("{a} – {b}: {events} ({})", led.join(", "))
    }
}

/// What ego mode is doing, in words; nothing while it is off.
pub fn ego_note(catalog: &Catalog, graph: &ActorGraph, ego: Ego) -> Option<String> {
    let name = |node: usize| catalog.actors()[graph.nodes[node].actor].name.as_str();
    match ego {
        Ego::Off => None,
        Ego::Showing(n) => {
            let actor = graph.nodes[n].actor;
            let has_people = graph
                .nodes
                .iter()
                .any(|m| m.root == actor && m.actor != actor);
            Some(if has_people {
                format!(
                    "Showing {}, its own people and those it dealt with.",
                    name(n)
                )
            } else {
                format!("Showing {} and those they dealt with.", name(n))
            })
        }
        Ego::NoSelection => {
            Some("Select an actor to see only them and those they dealt with.".to_owned())
        }
        Ego::NotInNetwork(a) => Some(format!(
            "{} is only the subject of events here, so has no contacts to show.",
            catalog.actors()[a].name
        )),
        Ego::NothingShown(n) => Some(format!(
            "{} has no events within the current filters.",
            name(n)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affiliations_read_naturally() {
        let c = crate::data::load_embedded().unwrap();
        let of = |id: &str| affiliation(&c, c.actor_index(id).unwrap());
        assert_eq!(of("yang-jiechi"), "China");
        assert_eq!(of("jiang-yu"), "Chinese Foreign Ministry");
        assert_eq!(of("china"), "State");
        assert_eq!(of("sco"), "Multilateral body");
        assert_eq!(of("russian-foreign-ministry"), "Russia");
        assert_eq!(of("michael-bohm"), "The Moscow Times");
    }

    #[test]
    fn tie_titles_say_who_reached_out() {
        assert_eq!(tie_title("A", "B", 1, 0, 0), "A – B: 1 shared event");
        assert_eq!(
            tie_title("Yang", "Lavrov", 3, 2, 0),
            "Yang – Lavrov: 3 shared events (2 initiated by Yang)"
        );
        assert_eq!(
            tie_title("A", "B", 2, 1, 1),
            "A – B: 2 shared events (1 initiated by A, 1 initiated by B)"
        );
    }

    #[test]
    fn ego_notes_explain_each_state() {
        let c = crate::data::load_embedded().unwrap();
        let g = ActorGraph::build(&c);
        let yang = g.node_of(&c, "yang-jiechi").unwrap();
        assert_eq!(ego_note(&c, &g, Ego::Off), None);
        assert_eq!(
            ego_note(&c, &g, Ego::Showing(yang)).unwrap(),
            "Showing Yang Jiechi and those they dealt with."
        );
        assert!(ego_note(&c, &g, Ego::NoSelection)
            .unwrap()
            .starts_with("Select an actor"));
        let talks = c.actor_index("six-party-talks").unwrap();
        assert!(ego_note(&c, &g, Ego::NotInNetwork(talks))
            .unwrap()
            .starts_with("Six-Party Talks is only"));
        assert!(ego_note(&c, &g, Ego::NothingShown(yang))
            .unwrap()
            .contains("no events within"));
    }

    #[test]
    fn an_ego_note_names_a_states_own_people_only_when_it_has_some() {
        use crate::data::fixture::{actor, catalog, event, p};
        use crate::data::{ActorKind::*, Role::*, Side};
        let states = || {
            vec![
                actor("china", State, None, Some(Side::China)),
                actor("russia", State, None, Some(Side::Russia)),
            ]
        };
        let talks = event(
            "2010-11-01-talks",
            "2010-11-01",
            vec![p("china", Initiator), p("russia", Counterpart)],
        );
        let c = catalog(states(), vec![talks.clone()]);
        let g = ActorGraph::build(&c);
        let china = g.node_of(&c, "china").unwrap();
        assert_eq!(
            ego_note(&c, &g, Ego::Showing(china)).unwrap(),
            "Showing china and those they dealt with."
        );
        let mut actors = states();
        actors.push(actor("wen", Person, Some("china"), None));
        let visit = event(
            "2010-11-24-wen-visit",
            "2010-11-24",
            vec![p("wen", Initiator), p("russia", Counterpart)],
        );
        let c = catalog(actors, vec![talks, visit]);
        let g = ActorGraph::build(&c);
        let china = g.node_of(&c, "china").unwrap();
        assert_eq!(
            ego_note(&c, &g, Ego::Showing(china)).unwrap(),
            "Showing china, its own people and those it dealt with."
        );
    }
}
