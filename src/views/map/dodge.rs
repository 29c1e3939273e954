//! Keeps place marks from hiding each other on screen.
//!
//! Marks have a constant screen size, so places a few kilometres apart (St. Petersburg and
//! its naval academy, Seoul and Yongsan) or a few hundred apart at world zoom (Beijing,
//! Pyongyang, Seoul) would sit on top of each other. Marks are placed one by one in
//! priority order; one that would overlap an already placed mark is moved the shortest
//! distance that frees it, preferring the direction away from what it collides with. The
//! view then draws a leader line from the true location to the moved mark. Zooming in gives
//! the marks room, so they slide back onto their places. Deterministic for identical input.

use crate::layout::{Circle, Point};

/// Empty space kept between two marks, px.
pub const MARK_GAP: f64 = 2.0;

/// How far a mark may be moved from its place, px; beyond that it stays and overlaps
/// (a far-away mark would be more misleading than a covered one).
pub const MAX_SHIFT: f64 = 64.0;

const STEP: f64 = 3.0;
const DIRECTIONS: usize = 16;

/// Screen positions for discs given at their true `anchors`, placing them in `order`
/// (highest priority first; indices missing from `order` are placed last, in index order).
/// Returns one centre per input disc.
pub fn dodge(discs: &[Circle], order: &[usize]) -> Vec<Point> {
    let mut sequence: Vec<usize> = order.iter().copied().filter(|&i| i < discs.len()).collect();
    let mut seen = vec![false; discs.len()];
    sequence.retain(|&i| !std::mem::replace(&mut seen[i], true));
    sequence.extend((0..discs.len()).filter(|&i| !seen[i]));

    let mut result: Vec<Point> = discs.iter().map(|d| d.center).collect();
    let mut placed: Vec<Circle> = Vec::with_capacity(discs.len());
    for i in sequence {
        let disc = discs[i];
        let at = if disc.center.x.is_finite() && disc.center.y.is_finite() {
            free_spot(disc, &placed).unwrap_or(disc.center)
        } else {
            disc.center
        };
        result[i] = at;
        placed.push(Circle {
            center: at,
            r: disc.r,
        });
    }
    result
}

fn collides(at: Point, r: f64, placed: &[Circle]) -> Option<&Circle> {
    placed.iter().find(|other| {
        let reach = r + other.r + MARK_GAP;
        let (dx, dy) = (at.x - other.center.x, at.y - other.center.y);
        dx * dx + dy * dy < reach * reach - 1e-9
    })
}

/// The nearest position within [`MAX_SHIFT`] where `disc` overlaps nothing placed.
fn free_spot(disc: Circle, placed: &[Circle]) -> Option<Point> {
    let anchor = disc.center;
    let first = collides(anchor, disc.r, placed)?;
    // Push away from the first collider; straight up when exactly on top of it.
    let (dx, dy) = (anchor.x - first.center.x, anchor.y - first.center.y);
    let away = if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        -std::f64::consts::FRAC_PI_2
    } else {
        dy.atan2(dx)
    };
    let turn = std::f64::consts::TAU / DIRECTIONS as f64;
    let mut distance = STEP;
    while distance <= MAX_SHIFT + 1e-9 {
        // Directions alternate around `away`: 0, +1, −1, +2, −2 … steps.
        for k in 0..DIRECTIONS {
            let offset = k.div_ceil(2) as f64 * if k % 2 == 1 { 1.0 } else { -1.0 };
            let angle = away + offset * turn;
            let at = Point::new(
                anchor.x + distance * angle.cos(),
                anchor.y + distance * angle.sin(),
            );
            if collides(at, disc.r, placed).is_none() {
                return Some(at);
            }
        }
        distance += STEP;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlapping(a: (Point, f64), b: (Point, f64)) -> bool {
        a.0.distance(b.0) < a.1 + b.1 + MARK_GAP - 1e-6
    }

    #[test]
    fn separate_marks_stay_on_their_places() {
        let discs = [Circle::new(0.0, 0.0, 5.0), Circle::new(100.0, 0.0, 5.0)];
        let at = dodge(&discs, &[0, 1]);
        assert_eq!(at, vec![Point::new(0.0, 0.0), Point::new(100.0, 0.0)]);
    }

    #[test]
    fn overlapping_marks_are_pushed_apart_and_the_first_stays() {
        let discs = [
            Circle::new(50.0, 50.0, 10.0),
            Circle::new(53.0, 50.0, 8.0),
            Circle::new(50.0, 50.0, 7.0),
            Circle::new(48.0, 54.0, 7.0),
        ];
        let at = dodge(&discs, &[0, 1, 2, 3]);
        assert_eq!(at[0], discs[0].center, "highest priority keeps its place");
        for i in 0..discs.len() {
            for j in i + 1..discs.len() {
                assert!(
                    !overlapping((at[i], discs[i].r), (at[j], discs[j].r)),
                    "{i} and {j} overlap: {at:?}"
                );
            }
            assert!(at[i].distance(discs[i].center) <= MAX_SHIFT + 1e-9);
        }
        // Moved away from the collider: the second disc was east of the first.
        assert!(at[1].x > 50.0);
    }

    #[test]
    fn marks_one_above_the_other_stay_when_apart() {
        let discs = [Circle::new(0.0, 0.0, 5.0), Circle::new(0.0, 20.0, 5.0)];
        let at = dodge(&discs, &[0, 1]);
        assert_eq!(at, vec![discs[0].center, discs[1].center]);
    }

    #[test]
    fn a_mark_is_pushed_straight_away_from_what_it_hits() {
        // West of the first: pushed west; exactly on it: pushed straight up.
        let first = Circle::new(0.0, 0.0, 5.0);
        let west = dodge(&[first, Circle::new(-3.0, 0.0, 5.0)], &[0, 1]);
        assert!(west[1].x < -3.0 && west[1].y.abs() < 1e-9, "{west:?}");
        let on_top = dodge(&[first, first], &[0, 1]);
        assert!(on_top[1].x.abs() < 1e-9 && on_top[1].y < 0.0, "{on_top:?}");
    }

    #[test]
    fn a_mark_blocked_straight_away_slides_to_the_free_side_either_way() {
        // Pushed west off the first mark, with another mark up (or down) the west side:
        // it slides down (or up) the west side, a mirror image of each other.
        let first = Circle::new(0.0, 0.0, 5.0);
        let pushed = |blocker_y: f64| {
            let discs = [
                first,
                Circle::new(-20.0, blocker_y, 5.0),
                Circle::new(-3.0, 0.0, 5.0),
            ];
            dodge(&discs, &[0, 1, 2])[2]
        };
        let (below, above) = (pushed(-8.0), pushed(8.0));
        assert!(below.x < -10.0 && below.y > 0.0, "{below:?}");
        assert!(above.x < -10.0 && above.y < 0.0, "{above:?}");
        assert!(
            (below.x - above.x).abs() < 1e-9 && (below.y + above.y).abs() < 1e-9,
            "{below:?} {above:?}"
        );
    }

    #[test]
    fn priority_decides_who_moves() {
        let discs = [Circle::new(0.0, 0.0, 6.0), Circle::new(1.0, 0.0, 6.0)];
        let a = dodge(&discs, &[1, 0]);
        assert_eq!(a[1], discs[1].center);
        assert_ne!(a[0], discs[0].center);
        // Missing and repeated indices in `order` are tolerated.
        let b = dodge(&discs, &[1, 1, 7]);
        assert_eq!(a, b);
    }

    #[test]
    fn a_crowd_beyond_the_shift_limit_overlaps_rather_than_flying_away() {
        let discs: Vec<Circle> = (0..200).map(|_| Circle::new(0.0, 0.0, 10.0)).collect();
        let order: Vec<usize> = (0..200).collect();
        let at = dodge(&discs, &order);
        assert!(at
            .iter()
            .all(|p| p.distance(Point::new(0.0, 0.0)) <= MAX_SHIFT + 1e-9));
    }

    #[test]
    fn non_finite_input_is_passed_through() {
        let discs = [Circle::new(f64::NAN, 0.0, 5.0), Circle::new(0.0, 0.0, 5.0)];
        let at = dodge(&discs, &[0, 1]);
        assert_eq!(at[1], Point::new(0.0, 0.0));
        assert!(at[0].x.is_nan());
    }
}
