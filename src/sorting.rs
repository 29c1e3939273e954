//! Stable sorting with one copy of the sort's code. Each `sort_by` with a closure of its own
//! makes the compiler emit the whole sort again (several KB of wasm each, which the browser
//! also compiles on its first call, on the page's main thread). These helpers sort positions
//! with the comparison behind a `&dyn`, so the whole program carries a single sort.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them; positions that compare equal
/// keep their order (a stable sort).
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Ties broken by position: the unstable sort then gives the stable order.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` stably by the key `key` gives each, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_of_positions_follows_the_comparison() {
        let values = [30, 10, 20];
        let order = stable_order(values.len(), &|a, b| values[a].cmp(&values[b]));
        assert_eq!(order, vec![1, 2, 0]);
    }

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            items,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }

    #[test]
    fn sorting_by_key_matches_the_standard_stable_sort() {
        let words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime"];
        let mut ours: Vec<&str> = words.to_vec();
        sort_by_key(&mut ours, |w| w.len());
        let mut standard = words.to_vec();
        standard.sort_by_key(|w| w.len());
        assert_eq!(ours, standard);
        assert_eq!(ours.first(), Some(&"fig"));
    }

    #[test]
    fn sorting_keeps_every_item_once() {
        let mut items: Vec<String> = ["c", "a", "b", "a"].map(String::from).to_vec();
        sort_by(&mut items, |x, y| y.cmp(x));
        assert_eq!(items, ["c", "b", "a", "a"]);
    }
}
