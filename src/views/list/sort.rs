//! Orders of the Event list table. Date order is the catalog's own; the others sort by
//! text with date as the tie-breaker, so equal keys stay in chronological order.

use std::cmp::Ordering;

use crate::data::Catalog;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Title,
    Places,
    Actors,
    Storylines,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Date,
        SortKey::Title,
        SortKey::Places,
        SortKey::Actors,
        SortKey::Storylines,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "Date",
            SortKey::Title => "Event",
            SortKey::Places => "Places",
            SortKey::Actors => "Actors",
            SortKey::Storylines => "Storylines",
        }
    }
}

/// The text a column shows for an event (names joined), used for sorting and display.
pub fn column_text(catalog: &Catalog, event: usize, key: SortKey) -> String {
    let e = &catalog.events()[event];
    match key {
        SortKey::Date => e.start.clone(),
        SortKey::Title => e.title.clone(),
        SortKey::Places => e
            .places
            .iter()
            .filter_map(|id| catalog.place(id))
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        SortKey::Actors => e
            .participants
            .iter()
            .filter_map(|p| catalog.actor(&p.actor))
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        SortKey::Storylines => e
            .storylines
            .iter()
            .filter_map(|id| catalog.storyline(id))
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// `shown` (date order) reordered by `key`; empty texts go last in either direction.
pub fn sorted(catalog: &Catalog, shown: &[usize], key: SortKey, ascending: bool) -> Vec<usize> {
    let mut order = shown.to_vec();
    if key == SortKey::Date {
        if !ascending {
            order.reverse();
        }
        return order;
    }
    let texts: Vec<(usize, String)> = order
        .iter()
        .map(|&e| (e, column_text(catalog, e, key).to_lowercase()))
        .collect();
    let mut keyed = texts;
    keyed.sort_by(|(a, ta), (b, tb)| {
        let by_text = match (ta.is_empty(), tb.is_empty()) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ if ascending => ta.cmp(tb),
            _ => tb.cmp(ta),
        };
        by_text.then(a.cmp(b))
    });
    keyed.into_iter().map(|(e, _)| e).collect()
}
