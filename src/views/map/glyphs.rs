//! Small repeated shapes of the map written into shared paths: the leaders from moved marks
//! to their places, and the trips' arrowheads. One path per look instead of an element per
//! shape: a frame has dozens of each, and each element costs its creation, styling and
//! layout in the first draw and a diff in every selection's.

use crate::data::{LineKind, LineStatus};
use crate::numfmt::push_fixed;

use super::lines::{line_state, LineShape};
use super::scene::{MarkView, HOME_DOT};
use super::Viewport;

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

/// How an arrowhead looks: its line's kind and state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArrowLook {
    pub kind: LineKind,
    pub not_built: bool,
    pub dim: bool,
    pub selected: bool,
}

/// What the lines' state depends on: the shown events, the selected and the hovered one.
#[derive(Clone, Copy)]
pub struct LineFocus<'a> {
    pub shown: &'a [usize],
    pub selected_event: Option<usize>,
    pub hovered_event: Option<usize>,
}

/// The arrowheads of `lines` in screen pixels at `view`, one path per look, the selection's
/// last (drawn on top).
pub fn arrowheads(
    lines: &[LineShape],
    focus: LineFocus,
    view: &Viewport,
) -> Vec<(ArrowLook, String)> {
    let mut paths: Vec<(ArrowLook, String)> = Vec::new();
    for shape in lines.iter().filter(|shape| !shape.arrows.is_empty()) {
        let st = line_state(
            shape,
            focus.shown,
            focus.selected_event,
            focus.hovered_event,
        );
        let look = ArrowLook {
            kind: shape.kind,
            not_built: shape.status == LineStatus::NotYetBuilt,
            dim: !st.active,
            selected: st.selected,
        };
        let at = match paths.iter().position(|(l, _)| *l == look) {
            Some(at) => at,
            None => {
                paths.push((look, String::new()));
                paths.len() - 1
            }
        };
        for arrow in &shape.arrows {
            push_arrowhead(
                &mut paths[at].1,
                view.map_to_screen(arrow.at),
                arrow.angle_deg,
            );
        }
    }
    // Partitioned rather than sorted: a sort of this type would be a whole sort's code more.
    let (mut drawn_first, selected): (Vec<_>, Vec<_>) =
        paths.into_iter().partition(|(look, _)| !look.selected);
    drawn_first.extend(selected);
    drawn_first
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

    fn trip(id: &str, events: Vec<usize>, arrows: usize) -> LineShape {
        LineShape {
            line: 0,
            id: id.into(),
            name: id.into(),
            kind: LineKind::Itinerary,
            status: LineStatus::Existing,
            d: String::new(),
            arrows: (0..arrows)
                .map(|i| super::super::lines::Arrow {
                    at: (i as f64, 0.0),
                    angle_deg: 0.0,
                })
                .collect(),
            events,
        }
    }

    fn focus<'a>(shown: &'a [usize], selected: Option<usize>) -> LineFocus<'a> {
        LineFocus {
            shown,
            selected_event: selected,
            hovered_event: None,
        }
    }

    #[test]
    fn arrowheads_of_the_same_look_share_one_path() {
        let view = Viewport::new(400.0, 300.0);
        let lines = [
            trip("a", vec![0], 2),
            trip("b", vec![1], 1),
            trip("c", vec![2], 0),
        ];
        let heads = arrowheads(&lines, focus(&[0, 1, 2], None), &view);
        assert_eq!(heads.len(), 1);
        assert_eq!(heads[0].1.matches('M').count(), 3);
        assert_eq!(
            heads[0].0,
            ArrowLook {
                kind: LineKind::Itinerary,
                not_built: false,
                dim: false,
                selected: false,
            }
        );
    }

    #[test]
    fn the_selection_and_the_dimmed_lines_get_their_own_paths_the_selection_last() {
        let view = Viewport::new(400.0, 300.0);
        let mut pipeline = trip("p", vec![3], 1);
        pipeline.kind = LineKind::Pipeline;
        pipeline.status = LineStatus::NotYetBuilt;
        let lines = [
            trip("sel", vec![0], 1),
            trip("dim", vec![1], 2),
            trip("plain", vec![2], 1),
            pipeline,
        ];
        // Event 1 is filtered out; event 0 is selected.
        let heads = arrowheads(&lines, focus(&[0, 2, 3], Some(0)), &view);
        let looks: Vec<ArrowLook> = heads.iter().map(|(look, _)| *look).collect();
        assert_eq!(looks.len(), 4, "{looks:?}");
        assert!(looks[3].selected && !looks[3].dim);
        assert!(looks[..3].iter().all(|l| !l.selected));
        assert!(looks.iter().any(|l| l.dim && l.kind == LineKind::Itinerary));
        assert!(looks
            .iter()
            .any(|l| l.not_built && l.kind == LineKind::Pipeline));
        let dimmed = heads
            .iter()
            .find(|(l, _)| l.dim)
            .map(|(_, d)| d.matches('M').count());
        assert_eq!(dimmed, Some(2));
    }

    #[test]
    fn arrowheads_are_placed_in_screen_pixels() {
        let view = Viewport::new(400.0, 300.0);
        let mut line = trip("a", vec![0], 1);
        line.arrows[0].at = (0.5, 0.25);
        line.arrows[0].angle_deg = 30.0;
        let screen = view.map_to_screen((0.5, 0.25));
        assert_ne!(screen, (0.5, 0.25));
        let heads = arrowheads(&[line], focus(&[0], None), &view);
        let mut expected = String::new();
        push_arrowhead(&mut expected, screen, 30.0);
        assert_eq!(heads[0].1, expected);
        assert!(arrowheads(&[], focus(&[], None), &view).is_empty());
    }
}
