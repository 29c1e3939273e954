//! The table of actors: the network's accessible alternative, showing the same actors the
//! drawing shows (filters and ego mode apply), sortable by each column.

use std::cmp::Ordering;

use crate::data::Catalog;

use super::describe::affiliation;
use super::linked::{NetworkLook, Presence};
use super::model::ActorGraph;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Affiliation,
    Events,
    Contacts,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Name,
        SortKey::Affiliation,
        SortKey::Events,
        SortKey::Contacts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Name",
            SortKey::Affiliation => "Affiliation",
            SortKey::Events => "Events",
            SortKey::Contacts => "Contacts",
        }
    }

    /// Names sort A→Z first, counts largest first: what a reader clicking a column wants.
    fn descending_first(self) -> bool {
        matches!(self, SortKey::Events | SortKey::Contacts)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// The busiest actors first.
    fn default() -> Self {
        Sort {
            key: SortKey::Events,
            descending: true,
        }
    }
}

impl Sort {
    /// The sort after the reader activates `key`'s column header: the same column flips,
    /// another column starts in its natural direction.
    pub fn toggled(self, key: SortKey) -> Sort {
        if key == self.key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key.descending_first(),
            }
        }
    }

    /// `aria-sort` for a column header.
    pub fn aria_sort(self, key: SortKey) -> &'static str {
        match (key == self.key, self.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub node: usize,
    pub actor: usize,
    pub name: String,
    pub affiliation: String,
    /// Events within the filters, and in all.
    pub events: usize,
    pub total_events: usize,
    pub contacts: usize,
    pub current: bool,
}

/// The actors drawn as active in the network, sorted; ties by name, then actor order.
pub fn rows(catalog: &Catalog, graph: &ActorGraph, look: &NetworkLook, sort: Sort) -> Vec<Row> {
    let mut rows: Vec<Row> = graph
        .nodes
        .iter()
        .zip(&look.nodes)
        .enumerate()
        .filter(|(_, (_, l))| l.presence == Presence::Active)
        .map(|(n, (node, l))| Row {
            node: n,
            actor: node.actor,
            name: catalog.actors()[node.actor].name.clone(),
            affiliation: affiliation(catalog, node.actor),
            events: l.shown_events,
            total_events: node.counted.len(),
            contacts: l.contacts,
            current: l.current,
        })
        .collect();
    crate::sorting::sort_by(&mut rows, |x, y| {
        let primary = match sort.key {
            SortKey::Name => Ordering::Equal,
            SortKey::Affiliation => x.affiliation.cmp(&y.affiliation),
            SortKey::Events => x.events.cmp(&y.events),
            SortKey::Contacts => x.contacts.cmp(&y.contacts),
        };
        let by_name = || x.name.to_lowercase().cmp(&y.name.to_lowercase());
        let ordered = if sort.key == SortKey::Name {
            by_name()
        } else {
            primary
        };
        let ordered = if sort.descending {
            ordered.reverse()
        } else {
            ordered
        };
        ordered.then_with(by_name).then(x.actor.cmp(&y.actor))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::super::linked::LinkedInput;
    use super::*;

    fn table(shown: &[usize], sort: Sort) -> (Catalog, Vec<Row>) {
        let c = crate::data::load_embedded().unwrap();
        let g = ActorGraph::build(&c);
        let look = NetworkLook::new(
            &g,
            LinkedInput {
                shown,
                selected_event: c.event_index("2010-12-18-yang-lavrov-call"),
                selected_actor: None,
                highlight: None,
                ego: false,
            },
        );
        let rows = rows(&c, &g, &look, sort);
        (c, rows)
    }

    fn all_events() -> Vec<usize> {
        let c = crate::data::load_embedded().unwrap();
        (0..c.events().len()).collect()
    }

    #[test]
    fn the_column_headers_name_their_columns_in_order() {
        assert_eq!(
            SortKey::ALL.map(SortKey::label),
            ["Name", "Affiliation", "Events", "Contacts"]
        );
    }

    #[test]
    fn clicking_a_column_sorts_by_it_and_clicking_again_flips() {
        let s = Sort::default();
        assert_eq!(s.aria_sort(SortKey::Events), "descending");
        let by_name = s.toggled(SortKey::Name);
        assert_eq!(
            by_name,
            Sort {
                key: SortKey::Name,
                descending: false
            }
        );
        assert_eq!(by_name.aria_sort(SortKey::Name), "ascending");
        assert_eq!(by_name.aria_sort(SortKey::Events), "none");
        assert!(by_name.toggled(SortKey::Name).descending);
        assert!(by_name.toggled(SortKey::Contacts).descending);
    }

    #[test]
    fn rows_follow_the_sort() {
        let shown = all_events();
        let (_, by_events) = table(&shown, Sort::default());
        assert!(by_events.windows(2).all(|w| w[0].events >= w[1].events));
        let (_, by_name) = table(
            &shown,
            Sort {
                key: SortKey::Name,
                descending: false,
            },
        );
        assert!(by_name
            .windows(2)
            .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
        let (_, by_name_desc) = table(
            &shown,
            Sort {
                key: SortKey::Name,
                descending: true,
            },
        );
        assert_eq!(by_name_desc.first(), by_name.last());
        let (_, by_contacts) = table(
            &shown,
            Sort {
                key: SortKey::Contacts,
                descending: true,
            },
        );
        assert!(by_contacts
            .windows(2)
            .all(|w| w[0].contacts >= w[1].contacts));
        let (_, by_affiliation) = table(
            &shown,
            Sort {
                key: SortKey::Affiliation,
                descending: false,
            },
        );
        assert!(by_affiliation
            .windows(2)
            .all(|w| w[0].affiliation <= w[1].affiliation));
    }

    #[test]
    fn the_table_lists_only_actors_with_events_in_view_and_marks_the_selection() {
        let (c, all) = table(&all_events(), Sort::default());
        let november: Vec<usize> = (0..c.events().len())
            .filter(|&e| c.events()[e].start.starts_with("2010-11"))
            .collect();
        let (_, rows) = table(&november, Sort::default());
        assert!(rows.len() < all.len());
        let ids = |rows: &[Row]| -> Vec<String> {
            rows.iter()
                .map(|r| c.actors()[r.actor].id.clone())
                .collect()
        };
        assert!(ids(&all).contains(&"li-hui".to_owned()));
        assert!(
            !ids(&rows).contains(&"li-hui".to_owned()),
            "Li Hui only met Borodavkin in December"
        );
        let yang = rows
            .iter()
            .find(|r| c.actors()[r.actor].id == "yang-jiechi")
            .unwrap();
        assert!(yang.events < yang.total_events);
        let current: Vec<String> = all
            .iter()
            .filter(|r| r.current)
            .map(|r| c.actors()[r.actor].id.clone())
            .collect();
        assert!(
            current.contains(&"yang-jiechi".to_owned())
                && current.contains(&"sergey-lavrov".to_owned())
        );
    }
}
