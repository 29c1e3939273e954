//! Stacking timeline items into rows so that none hide each other.
//!
//! Each lane (a category or actor band of the timeline) is packed independently by greedy
//! interval partitioning: items sorted by start, each put in the lowest-numbered row that is
//! free at its start. Opening a row only when every existing row is busy at that instant makes
//! the row count equal to the largest number of items visible at once, which is optimal.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeSet, BinaryHeap};

/// One timeline item: inclusive day range `[start, end]` in lane `lane`.
///
/// `key` breaks ties between items starting on the same day (e.g. the event id), so the
/// packing does not depend on the order the caller happened to collect items in.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneItem<K> {
    pub lane: usize,
    pub key: K,
    pub start: f64,
    pub end: f64,
}

impl<K> LaneItem<K> {
    /// An item on whole days, as events in the dataset are dated.
    pub fn from_days(lane: usize, key: K, start: i32, end: i32) -> LaneItem<K> {
        LaneItem {
            lane,
            key,
            start: f64::from(start),
            end: f64::from(end),
        }
    }
}

/// Result of [`pack_lanes`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LanePacking {
    /// Row of each input item within its lane, in input order.
    pub rows: Vec<usize>,
    /// Rows used by each lane, indexed by lane (lanes without items have 0).
    pub rows_per_lane: Vec<usize>,
}

impl LanePacking {
    /// Rows across all lanes, for sizing the timeline's height.
    pub fn total_rows(&self) -> usize {
        self.rows_per_lane.iter().sum()
    }

    /// First global row of each lane when lanes are stacked top to bottom in index order.
    pub fn lane_offsets(&self) -> Vec<usize> {
        self.rows_per_lane
            .iter()
            .scan(0, |next, &count| {
                let offset = *next;
                *next += count;
                Some(offset)
            })
            .collect()
    }
}

/// The half-open day interval an item occupies on screen: an inclusive day range `[s, e]`
/// covers `[s, e + 1)`, widened to `min_width_days` so single-day marks keep a visible size.
/// Reversed or NaN ends collapse to the start.
pub fn visual_extent(start: f64, end: f64, min_width_days: f64) -> (f64, f64) {
    let end = if end >= start { end } else { start };
    let min_width = if min_width_days.is_finite() {
        min_width_days.max(0.0)
    } else {
        0.0
    };
    (start, (end + 1.0).max(start + min_width))
}

/// `f64` with a total order, so extents can live in a heap without panicking on NaN.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Day(f64);

impl Eq for Day {}

impl PartialOrd for Day {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Day {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Packs every lane independently; see the module docs. Two items may share a row when one
/// ends (visually) exactly where the other starts.
pub fn pack_lanes<K: Ord>(items: &[LaneItem<K>], min_width_days: f64) -> LanePacking {
    let lane_count = items.iter().map(|item| item.lane + 1).max().unwrap_or(0);
    let mut rows = vec![0; items.len()];
    let mut rows_per_lane = vec![0; lane_count];
    for (lane, lane_rows) in rows_per_lane.iter_mut().enumerate() {
        let members: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].lane == lane)
            .collect();
        *lane_rows = pack_members(items, &members, min_width_days, &mut rows);
    }
    LanePacking {
        rows,
        rows_per_lane,
    }
}

/// Packs all items into one lane, ignoring their `lane` field. Returns rows in input order
/// and the row count.
pub fn pack_rows<K: Ord>(items: &[LaneItem<K>], min_width_days: f64) -> (Vec<usize>, usize) {
    let mut rows = vec![0; items.len()];
    let all: Vec<usize> = (0..items.len()).collect();
    let count = pack_members(items, &all, min_width_days, &mut rows);
    (rows, count)
}

/// Interval partitioning of `items[members]`, writing into `rows`; returns the row count.
fn pack_members<K: Ord>(
    items: &[LaneItem<K>],
    members: &[usize],
    min_width_days: f64,
    rows: &mut [usize],
) -> usize {
    let mut order = members.to_vec();
    crate::sorting::sort_by(&mut order, |&a, &b| {
        items[a]
            .start
            .total_cmp(&items[b].start)
            .then_with(|| items[a].key.cmp(&items[b].key))
            .then(a.cmp(&b))
    });
    // Rows still occupied, earliest-freeing first; rows free for reuse, lowest first.
    let mut busy: BinaryHeap<Reverse<(Day, usize)>> = BinaryHeap::new();
    let mut free: BTreeSet<usize> = BTreeSet::new();
    let mut row_count = 0;
    for index in order {
        let (start, end) = visual_extent(items[index].start, items[index].end, min_width_days);
        while let Some(&Reverse((Day(busy_until), row))) = busy.peek() {
            if busy_until > start {
                break;
            }
            busy.pop();
            free.insert(row);
        }
        let row = free.pop_first().unwrap_or_else(|| {
            row_count += 1;
            row_count - 1
        });
        rows[index] = row;
        busy.push(Reverse((Day(end), row)));
    }
    row_count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(lane: usize, key: u32, start: f64, end: f64) -> LaneItem<u32> {
        LaneItem {
            lane,
            key,
            start,
            end,
        }
    }

    /// Tiny xorshift64* so the randomised test needs no crate and always sees the same cases.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 < b.1 && b.0 < a.1
    }

    /// Largest number of extents covering one instant: the lower bound on rows.
    fn max_depth(extents: &[(f64, f64)]) -> usize {
        extents
            .iter()
            .map(|&(s, _)| extents.iter().filter(|&&(a, b)| a <= s && s < b).count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn whole_day_items_convert_exactly() {
        let item = LaneItem::from_days(1, "e1", 14_936, 14_938);
        assert_eq!((item.lane, item.start, item.end), (1, 14_936.0, 14_938.0));
        assert_eq!(
            visual_extent(item.start, item.end, 0.0),
            (14_936.0, 14_939.0)
        );
    }

    #[test]
    fn overlapping_items_get_different_rows() {
        let items = [item(0, 1, 10.0, 15.0), item(0, 2, 12.0, 20.0)];
        let (rows, count) = pack_rows(&items, 0.0);
        assert_ne!(rows[0], rows[1]);
        assert_eq!(count, 2);
    }

    #[test]
    fn consecutive_days_share_a_row() {
        // Inclusive ends: 10–15 covers [10, 16), so an item starting on 16 fits beside it.
        let items = [
            item(0, 1, 10.0, 15.0),
            item(0, 2, 16.0, 16.0),
            item(0, 3, 17.0, 30.0),
        ];
        let (rows, count) = pack_rows(&items, 0.0);
        assert_eq!(rows, [0, 0, 0]);
        assert_eq!(count, 1);
        // …but an item ending on the day another starts overlaps it.
        let items = [item(0, 1, 10.0, 15.0), item(0, 2, 15.0, 15.0)];
        assert_eq!(pack_rows(&items, 0.0).1, 2);
    }

    #[test]
    fn minimum_width_separates_nearby_single_day_marks() {
        let items = [
            item(0, 1, 10.0, 10.0),
            item(0, 2, 11.0, 11.0),
            item(0, 3, 14.0, 14.0),
        ];
        assert_eq!(pack_rows(&items, 0.0).1, 1);
        let (rows, count) = pack_rows(&items, 3.0);
        assert_eq!(count, 2);
        assert_eq!(rows, [0, 1, 0]);
    }

    #[test]
    fn row_count_is_minimal_for_known_cases() {
        // Classic example: depth 3 at day 5, greedy must not need a 4th row.
        let items = [
            item(0, 1, 0.0, 3.0),
            item(0, 2, 1.0, 5.0),
            item(0, 3, 4.0, 8.0),
            item(0, 4, 5.0, 6.0),
            item(0, 5, 7.0, 9.0),
            item(0, 6, 9.0, 12.0),
        ];
        let (rows, count) = pack_rows(&items, 0.0);
        assert_eq!(count, 3);
        assert_eq!(rows, [0, 1, 0, 2, 1, 0]);
    }

    #[test]
    fn freed_rows_are_reused_lowest_first() {
        let items = [
            item(0, 1, 0.0, 0.0),
            item(0, 2, 0.0, 5.0),
            item(0, 3, 0.0, 1.0),
            item(0, 4, 2.0, 2.0),
        ];
        let (rows, _) = pack_rows(&items, 0.0);
        // Rows 0 and 2 are free at day 2; the lower one is chosen.
        assert_eq!(rows[3], 0);
    }

    #[test]
    fn ties_are_broken_by_key_not_input_order() {
        let forward = [item(0, 1, 5.0, 6.0), item(0, 2, 5.0, 6.0)];
        let backward = [item(0, 2, 5.0, 6.0), item(0, 1, 5.0, 6.0)];
        let (rows_forward, _) = pack_rows(&forward, 0.0);
        let (rows_backward, _) = pack_rows(&backward, 0.0);
        assert_eq!(rows_forward, [0, 1]);
        assert_eq!(rows_backward, [1, 0], "key 1 still gets row 0");
    }

    #[test]
    fn lanes_are_packed_independently() {
        let items = [
            item(0, 1, 0.0, 10.0),
            item(2, 2, 0.0, 10.0),
            item(0, 3, 5.0, 6.0),
            item(2, 4, 20.0, 21.0),
        ];
        let packing = pack_lanes(&items, 0.0);
        assert_eq!(packing.rows, [0, 0, 1, 0]);
        assert_eq!(packing.rows_per_lane, [2, 0, 1]);
        assert_eq!(packing.total_rows(), 3);
        assert_eq!(packing.lane_offsets(), [0, 2, 2]);
    }

    #[test]
    fn empty_input_and_odd_values_do_not_panic() {
        let empty: [LaneItem<u32>; 0] = [];
        assert_eq!(pack_lanes(&empty, 1.0), LanePacking::default());
        let odd = [
            item(0, 1, 5.0, 2.0),
            item(0, 2, f64::NAN, 3.0),
            item(0, 3, 1.0, f64::NAN),
        ];
        let (rows, count) = pack_rows(&odd, f64::INFINITY);
        assert_eq!(rows.len(), 3);
        assert!(count >= 1);
        assert_eq!(visual_extent(5.0, 2.0, 0.0), (5.0, 6.0));
        assert_eq!(visual_extent(5.0, 5.0, 2.5), (5.0, 7.5));
    }

    #[test]
    fn randomised_packings_never_overlap_and_use_minimal_rows() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for case in 0..300 {
            let n = 1 + rng.below(40) as usize;
            let lanes = 1 + rng.below(3) as usize;
            let min_width = rng.below(4) as f64 * 0.75;
            let items: Vec<LaneItem<u32>> = (0..n)
                .map(|i| {
                    let start = rng.below(92) as f64;
                    let len = if rng.below(3) == 0 { rng.below(20) } else { 0 };
                    item(
                        rng.below(lanes as u64) as usize,
                        i as u32,
                        start,
                        start + len as f64,
                    )
                })
                .collect();
            let packing = pack_lanes(&items, min_width);
            for lane in 0..lanes {
                let members: Vec<usize> = (0..n).filter(|&i| items[i].lane == lane).collect();
                let extents: Vec<(f64, f64)> = members
                    .iter()
                    .map(|&i| visual_extent(items[i].start, items[i].end, min_width))
                    .collect();
                for (a, &i) in members.iter().enumerate() {
                    assert!(packing.rows[i] < packing.rows_per_lane[lane]);
                    for (b, &j) in members.iter().enumerate().skip(a + 1) {
                        if packing.rows[i] == packing.rows[j] {
                            assert!(
                                !overlaps(extents[a], extents[b]),
                                "case {case}: items {i} and {j} collide in row {}",
                                packing.rows[i]
                            );
                        }
                    }
                }
                assert_eq!(
                    packing.rows_per_lane.get(lane).copied().unwrap_or(0),
                    max_depth(&extents),
                    "case {case}, lane {lane}: row count is not minimal"
                );
            }
        }
    }
}
