//! Orders of the Event list table. Date order is the catalog's own; the others sort by
//! text with date as the tie-breaker, so equal keys stay in chronological order.

use std::cmp::Ordering;

use crate::data::Catalog;

/// The table's columns and order (defined with the link, which carries them as `sort=`).
pub use crate::url::{Sort, SortKey};

impl SortKey {
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

impl Sort {
    /// After a click on `key`'s column header: the same column flips its direction, another
    /// column starts ascending.
    pub fn clicked(self, key: SortKey) -> Sort {
        Sort {
            key,
            ascending: key != self.key || !self.ascending,
        }
    }

    /// The header's `aria-sort` for `key`'s column: only the sorted column has one.
    pub fn aria_sort(self, key: SortKey) -> Option<&'static str> {
        (key == self.key).then_some(if self.ascending {
            "ascending"
        } else {
            "descending"
        })
    }
}

/// Moves the events `is_background` marks after the others, each part keeping its order:
/// in date order, what happened in the time window comes first.
pub fn background_last(order: &mut Vec<usize>, is_background: impl Fn(usize) -> bool) {
    let (mut first, last): (Vec<usize>, Vec<usize>) =
        order.iter().partition(|&&e| !is_background(e));
    first.extend(last);
    *order = first;
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
    crate::sorting::sort_by(&mut keyed, |(a, ta), (b, tb)| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_events_go_last_and_each_part_keeps_its_order() {
        let mut order = vec![5, 1, 8, 2, 9];
        background_last(&mut order, |e| e == 1 || e == 9);
        assert_eq!(order, [5, 8, 2, 1, 9]);
    }

    #[test]
    fn clicking_a_column_sorts_by_it_and_clicking_again_reverses() {
        let by_date = Sort::default();
        assert_eq!(by_date.aria_sort(SortKey::Date), Some("ascending"));
        assert_eq!(by_date.aria_sort(SortKey::Title), None);
        let reversed = by_date.clicked(SortKey::Date);
        assert_eq!(reversed.aria_sort(SortKey::Date), Some("descending"));
        let by_title = reversed.clicked(SortKey::Title);
        assert_eq!(
            by_title,
            Sort {
                key: SortKey::Title,
                ascending: true
            }
        );
        assert_eq!(
            by_title.clicked(SortKey::Title).clicked(SortKey::Title),
            by_title
        );
    }
}
