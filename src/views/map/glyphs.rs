//! Small repeated shapes of the map written into shared paths: the leaders from moved marks
//! to their places, and the trips' arrowheads. One path per look instead of an element per
//! shape: a frame has dozens of each, and each element costs its creation, styling and
//! layout in the first draw and a diff in every selection's.

use crate::numfmt::push_fixed;

use super::scene::{MarkView, HOME_DOT};

/// The leaders of the marks that were moved aside: a line from each place to its mark, and
/// a dot on the place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Leaders {
    pub lines: String,
    pub homes: String,
}

/// The leaders of `marks` (empty paths when none was moved), in screen pixels.
pub fn leaders(marks: &[MarkView]) -> Leaders {
    let mut out = Leaders::default();
    let half_circle = format!("a{HOME_DOT},{HOME_DOT} 0 1,0 ");
    for m in marks.iter().filter(|m| m.moved()) {
        let (home, at) = (m.home, m.at);
        move_to(&mut out.lines, home.x, home.y);
        out.lines.push('L');
        pair(&mut out.lines, at.x, at.y);
        // A dot as two half-circle arcs.
        move_to(&mut out.homes, home.x - HOME_DOT, home.y);
        out.homes.push_str(&half_circle);
        pair(&mut out.homes, 2.0 * HOME_DOT, 0.0);
        out.homes.push_str(&half_circle);
        pair(&mut out.homes, -2.0 * HOME_DOT, 0.0);
        out.homes.push('z');
    }
    out
}

/// An arrowhead's corners around its tip's neighbourhood, pointing along +x: 11 px long,
/// 9 px wide.
const ARROWHEAD: [(f64, f64); 3] = [(-6.0, -4.5), (5.0, 0.0), (-6.0, 4.5)];

/// Adds an arrowhead at `(x, y)` pointing `angle_deg` clockwise from east (screen pixels).
pub fn push_arrowhead(d: &mut String, (x, y): (f64, f64), angle_deg: f64) {
    let (sin, cos) = angle_deg.to_radians().sin_cos();
    for (i, (px, py)) in ARROWHEAD.into_iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        pair(d, x + px * cos - py * sin, y + px * sin + py * cos);
    }
    d.push('Z');
}

fn move_to(d: &mut String, x: f64, y: f64) {
    d.push('M');
    pair(d, x, y);
}

fn pair(d: &mut String, x: f64, y: f64) {
    push_fixed(d, x, 2);
    d.push(',');
    push_fixed(d, y, 2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geom::Point;
    use crate::views::map::marks::{MarkShape, PlaceMark};

    fn mark(home: (f64, f64), at: (f64, f64)) -> MarkView {
        MarkView {
            mark: PlaceMark {
                place: 0,
                at: (0.0, 0.0),
                events: vec![0],
                tally: vec![],
                selected: false,
                shape: MarkShape::Point,
            },
            at: Point::new(at.0, at.1),
            home: Point::new(home.0, home.1),
            radius: 6.0,
            emphasised: false,
            hovered: false,
            label: None,
        }
    }

    #[test]
    fn a_moved_mark_has_a_leader_from_its_place_and_a_dot_on_it() {
        let l = leaders(&[
            mark((10.0, 20.0), (30.5, 20.25)),
            mark((5.0, 5.0), (5.0, 5.0)),
        ]);
        assert_eq!(l.lines, "M10,20L30.5,20.25");
        assert_eq!(l.homes, "M7.5,20a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0z");
    }

    #[test]
    fn marks_left_in_place_have_no_leaders() {
        let l = leaders(&[mark((1.0, 2.0), (1.2, 2.0)), mark((3.0, 4.0), (3.0, 4.0))]);
        assert_eq!(l, Leaders::default());
        assert_eq!(leaders(&[]), Leaders::default());
    }

    #[test]
    fn every_moved_mark_gets_its_own_leader() {
        let l = leaders(&[
            mark((0.0, 0.0), (10.0, 0.0)),
            mark((50.0, 50.0), (50.0, 70.0)),
        ]);
        assert_eq!(l.lines, "M0,0L10,0M50,50L50,70");
        assert_eq!(l.homes.matches('M').count(), 2);
        assert!(l.homes.contains("M47.5,50a"));
    }

    #[test]
    fn an_arrowhead_points_along_its_angle() {
        let mut east = String::new();
        push_arrowhead(&mut east, (100.0, 50.0), 0.0);
        assert_eq!(east, "M94,45.5L105,50L94,54.5Z");
        let mut south = String::new();
        push_arrowhead(&mut south, (100.0, 50.0), 90.0);
        // Pointing down the screen: the tip below, the base above.
        assert_eq!(south, "M104.5,44L100,55L95.5,44Z");
        let mut two = String::new();
        push_arrowhead(&mut two, (0.0, 0.0), 180.0);
        push_arrowhead(&mut two, (20.0, 0.0), -90.0);
        assert_eq!(two.matches('M').count(), 2);
        assert!(two.starts_with("M6,4.5L-5,0L6,-4.5Z"), "{two}");
        assert!(two.ends_with("M15.5,6L20,-5L24.5,6Z"), "{two}");
    }
}
