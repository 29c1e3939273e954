//! The drawing at the current zoom, in screen px: node circles, edges trimmed to the
//! circles with arrowheads where one side reached out, and the labels that fit.
//!
//! Labels keep their size on screen. At zoom 1 and closer every label fits beside its
//! node (the layout reserved the room); further out they are placed greedily by priority —
//! the hovered or focused actor, the selection, the lit-up neighbours, then the busiest
//! actors — and the rest wait until the reader zooms in or points at them.

use crate::layout::{Circle, PlacedLabel, Point, Rect, Slot};

use super::linked::{NetworkLook, Presence};
use super::model::ActorGraph;
use super::placement::{Placement, LABEL_GAP_PX};
use super::viewport::Viewport;

/// The smallest circle drawn, in screen px, so a zoomed-out node stays visible.
pub const MIN_SCREEN_RADIUS: f64 = 2.5;
/// Empty space kept between labels on screen.
const LABEL_PADDING: f64 = 2.0;

#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    pub node: usize,
    pub centre: Point,
    pub radius: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SceneEdge {
    pub edge: usize,
    pub start: Point,
    pub end: Point,
    pub width: f64,
    /// Arrowheads as triangles (tip first), one per direction of reaching out.
    pub heads: Vec<[Point; 3]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Drawn nodes (ghosts included), in node order.
    pub nodes: Vec<SceneNode>,
    /// Visible edges.
    pub edges: Vec<SceneEdge>,
    /// Per graph node: its label, if shown.
    pub labels: Vec<Option<PlacedLabel>>,
}

/// Circle radius on screen: scaled down with the zoom (so circles never collide), never
/// scaled up (so zooming in spreads nodes apart rather than inflating them).
pub fn screen_radius(layout_radius: f64, k: f64) -> f64 {
    (layout_radius * k.min(1.0)).max(MIN_SCREEN_RADIUS)
}

/// Stroke width at zoom 1 for a tie with `weight` shared events: one event is a hairline,
/// more thicken it with diminishing returns. Zoomed out, strokes and arrowheads thin down
/// to half so they do not swamp the shrunken nodes.
pub fn edge_width(weight: usize) -> f64 {
    (1.0 + 1.2 * (weight.saturating_sub(1) as f64).sqrt()).min(5.0)
}

impl Scene {
    /// `pinned` is the node under the pointer or keyboard focus: its label always shows.
    pub fn new(
        graph: &ActorGraph,
        placement: &Placement,
        look: &NetworkLook,
        viewport: &Viewport,
        pinned: Option<usize>,
    ) -> Scene {
        let count = graph
            .nodes
            .len()
            .min(placement.positions.len())
            .min(look.nodes.len());
        let centres: Vec<Point> = (0..count)
            .map(|n| viewport.to_screen(placement.positions[n]))
            .collect();
        let radii: Vec<f64> = (0..count)
            .map(|n| screen_radius(placement.radii[n], viewport.k))
            .collect();

        let nodes = (0..count)
            .filter(|&n| look.nodes[n].presence != Presence::Hidden)
            .map(|n| SceneNode {
                node: n,
                centre: centres[n],
                radius: radii[n],
            })
            .collect();

        let edges = graph
            .edges
            .iter()
            .enumerate()
            .filter(|&(i, e)| {
                look.edges.get(i).is_some_and(|l| l.visible) && e.a < count && e.b < count
            })
            .filter_map(|(i, e)| {
                let l = &look.edges[i];
                let width = edge_width(l.weight) * viewport.k.clamp(0.5, 1.0);
                edge_shape(
                    (centres[e.a], radii[e.a]),
                    (centres[e.b], radii[e.b]),
                    width,
                    l.a_led > 0,
                    l.b_led > 0,
                )
                .map(|(start, end, heads)| SceneEdge {
                    edge: i,
                    start,
                    end,
                    width,
                    heads,
                })
            })
            .collect();

        let labels = place_node_labels(placement, look, &centres, &radii, viewport, pinned);
        Scene {
            nodes,
            edges,
            labels,
        }
    }
}

/// Which labels to show and where: greedily by priority, each in the first of its slots
/// that stays on screen, keeps clear of the labels already placed, and covers neither its
/// own node nor any more important one. Unlike the map's placer, a label may cover a
/// minor node's dot when zoomed out (the label's halo keeps both readable) — otherwise a
/// small view of 70 nodes would label only its sparse edges; such a covered node then
/// goes unlabelled itself, so no label sits on a dot that is not its own.
fn place_node_labels(
    placement: &Placement,
    look: &NetworkLook,
    centres: &[Point],
    radii: &[f64],
    viewport: &Viewport,
    pinned: Option<usize>,
) -> Vec<Option<PlacedLabel>> {
    let priority = |n: usize| {
        let node = &look.nodes[n];
        let mut p = node.acting as f64;
        if node.lit {
            p += 1_000.0;
        }
        if node.current {
            p += 2_000.0;
        }
        if pinned == Some(n) {
            p += 10_000.0;
        }
        if node.faded {
            p -= 500.0;
        }
        p
    };
    let mut order: Vec<(f64, usize)> = (0..centres.len())
        .filter(|&n| look.nodes[n].presence == Presence::Active)
        .map(|n| (priority(n), n))
        .collect();
    crate::sorting::sort_by(&mut order, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mark = |n: usize| Circle {
        center: centres[n],
        r: radii[n],
    };
    // Close in, the layout kept the right-hand side free; further out any side will do.
    let slots: &[Slot] = if viewport.k >= 1.0 {
        &[Slot::Right, Slot::Left, Slot::Below, Slot::Above]
    } else {
        &Slot::DEFAULT_ORDER
    };
    let screen = viewport.screen();
    let half_pad = LABEL_PADDING / 2.0;
    let mut labels: Vec<Option<PlacedLabel>> = vec![None; centres.len()];
    let mut placed: Vec<Rect> = Vec::new();
    for (rank, &(_, n)) in order.iter().enumerate() {
        let (w, h) = (placement.label_widths[n], placement.label_height);
        if placed.iter().any(|r| r.intersects_circle(&mark(n))) {
            continue;
        }
        let more_important = &order[..rank];
        let found = slots.iter().find_map(|&slot| {
            let rect = slot.rect(centres[n], radii[n], LABEL_GAP_PX, w, h);
            let padded = rect.inflate(half_pad);
            let clear = screen.contains_rect(&rect)
                && !rect.intersects_circle(&mark(n))
                && !more_important
                    .iter()
                    .any(|&(_, m)| rect.intersects_circle(&mark(m)))
                && !placed
                    .iter()
                    .any(|other| other.inflate(half_pad).overlaps(&padded));
            clear.then_some(PlacedLabel { slot, rect })
        });
        if let Some(label) = found {
            placed.push(label.rect);
            labels[n] = Some(label);
        }
    }
    labels
}

/// The segment between two circles and the arrowheads on it: `head_at_end` when the
/// start's side reached out to the end's, `head_at_start` the other way. `None` when the
/// circles are too close for a visible line.
fn edge_shape(
    (from, from_r): (Point, f64),
    (to, to_r): (Point, f64),
    width: f64,
    head_at_end: bool,
    head_at_start: bool,
) -> Option<(Point, Point, Vec<[Point; 3]>)> {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let length = (dx * dx + dy * dy).sqrt();
    if !length.is_finite() || length <= from_r + to_r + 1.0 {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    let head_len = 5.0 + 1.5 * width;
    let head_half = 2.5 + 0.75 * width;
    let at = |t: f64| Point::new(from.x + ux * t, from.y + uy * t);
    let mut start_t = from_r + 1.0;
    let mut end_t = length - to_r - 1.0;
    let mut heads = Vec::new();
    let mut head = |tip_t: f64, back: f64| {
        let tip = at(tip_t);
        let base = at(tip_t + back);
        heads.push([
            tip,
            Point::new(base.x - uy * head_half, base.y + ux * head_half),
            Point::new(base.x + uy * head_half, base.y - ux * head_half),
        ]);
    };
    let room = end_t - start_t;
    let wanted = head_len * (usize::from(head_at_end) + usize::from(head_at_start)) as f64;
    if wanted > 0.0 && room > wanted + 2.0 {
        if head_at_end {
            head(end_t, -head_len);
            end_t -= head_len;
        }
        if head_at_start {
            head(start_t, head_len);
            start_t += head_len;
        }
    }
    Some((at(start_t), at(end_t), heads))
}

#[cfg(test)]
mod tests {
    use super::super::linked::{Highlight, LinkedInput, NodeLook};
    use super::*;
    use crate::data::Catalog;
    use crate::layout::Rect;

    #[test]
    fn circles_shrink_when_zoomed_out_but_never_vanish_or_swell() {
        assert_eq!(screen_radius(10.0, 0.5), 5.0);
        assert_eq!(screen_radius(10.0, 3.0), 10.0);
        assert_eq!(screen_radius(4.0, 0.1), MIN_SCREEN_RADIUS);
    }

    #[test]
    fn heavier_ties_are_thicker_up_to_a_limit() {
        assert_eq!(edge_width(1), 1.0);
        assert!(edge_width(2) > edge_width(1));
        assert!(edge_width(5) > edge_width(2));
        assert_eq!(edge_width(500), 5.0);
        assert_eq!(edge_width(0), 1.0);
    }

    #[test]
    fn a_vertical_arrow_is_symmetric_and_a_short_edge_has_none() {
        let (from, to) = (Point::new(0.0, 0.0), Point::new(0.0, 100.0));
        let (_, _, heads) = edge_shape((from, 10.0), (to, 5.0), 1.0, true, false).unwrap();
        let [tip, left, right] = heads[0];
        assert!(tip.x.abs() < 1e-9, "{heads:?}");
        assert!(
            (left.x + right.x).abs() < 1e-9 && left.x != right.x,
            "{heads:?}"
        );
        // 3 px of line between the circles: no room for a 6.5 px head.
        let near = Point::new(0.0, 20.0);
        let (_, _, heads) = edge_shape((from, 10.0), (near, 5.0), 1.0, true, false).unwrap();
        assert!(heads.is_empty(), "{heads:?}");
    }

    #[test]
    fn a_short_tie_keeps_its_arrowheads_while_a_bit_of_line_is_left() {
        // Circles of 5 px, 1 px apart from the line at each end; heads of 6.5 px.
        let from = Point::new(0.0, 0.0);
        let shape = |length: f64, both: bool| {
            edge_shape((from, 5.0), (Point::new(length, 0.0), 5.0), 1.0, true, both).unwrap()
        };
        // 10 px between the circles: one head and 3.5 px of line.
        let (start, end, heads) = shape(22.0, false);
        assert_eq!(heads.len(), 1, "{heads:?}");
        assert!((end.x - start.x - 3.5).abs() < 1e-9, "{start:?} {end:?}");
        // 17 px: two heads and 4 px of line between them.
        let (start, end, heads) = shape(29.0, true);
        assert_eq!(heads.len(), 2, "{heads:?}");
        assert!((end.x - start.x - 4.0).abs() < 1e-9, "{start:?} {end:?}");
        // 14 px: not enough for two heads and a line, so neither is drawn.
        let (start, end, heads) = shape(26.0, true);
        assert!(heads.is_empty(), "{heads:?}");
        assert!((end.x - start.x - 14.0).abs() < 1e-9);
    }

    #[test]
    fn arrowheads_are_as_wide_as_they_are_long_and_grow_with_the_stroke() {
        let (from, to) = (Point::new(0.0, 0.0), Point::new(120.0, 50.0));
        let mut lengths = Vec::new();
        for width in [0.5, 1.0, 2.5, 5.0] {
            let (_, _, heads) = edge_shape((from, 6.0), (to, 6.0), width, true, false).unwrap();
            let [tip, left, right] = heads[0];
            let base = Point::new((left.x + right.x) / 2.0, (left.y + right.y) / 2.0);
            let (long, wide) = (tip.distance(base), left.distance(right));
            assert!(
                (long - wide).abs() < 1e-9,
                "{width}: {long} long, {wide} wide"
            );
            lengths.push(long);
        }
        assert!(lengths.windows(2).all(|w| w[0] < w[1]), "{lengths:?}");
    }

    #[test]
    fn edges_stop_at_the_circles_and_the_arrow_points_at_the_one_reached() {
        let (from, to) = (Point::new(0.0, 0.0), Point::new(100.0, 0.0));
        let (start, end, heads) = edge_shape((from, 10.0), (to, 5.0), 1.0, true, false).unwrap();
        assert!((start.x - 11.0).abs() < 1e-9);
        assert_eq!(heads.len(), 1);
        let [tip, left, right] = heads[0];
        assert!(
            (tip.x - 94.0).abs() < 1e-9,
            "the tip touches the target's outline: {tip:?}"
        );
        assert!(
            left.x < tip.x && right.x < tip.x,
            "it points towards the target"
        );
        assert!((left.y + right.y).abs() < 1e-9 && left.y != right.y);
        assert!(end.x <= left.x + 1e-9, "the line stops at the arrow's base");
        // Both ways and no way.
        assert_eq!(
            edge_shape((from, 10.0), (to, 5.0), 1.0, true, true)
                .unwrap()
                .2
                .len(),
            2
        );
        assert!(edge_shape((from, 10.0), (to, 5.0), 1.0, false, false)
            .unwrap()
            .2
            .is_empty());
        // Touching circles: no line at all.
        assert!(edge_shape((from, 60.0), (to, 40.0), 1.0, true, false).is_none());
        assert!(edge_shape(
            (from, 1.0),
            (Point::new(f64::NAN, 0.0), 1.0),
            1.0,
            false,
            false
        )
        .is_none());
    }

    /// Two nodes side by side at the left edge of a view one label high: the first to be
    /// placed takes the only room to the right and covers the other's dot, so exactly one
    /// of them is labelled. Returns which one, `0` or `1`.
    fn the_labelled_one_of_two(looks: [NodeLook; 2], pinned: Option<usize>) -> usize {
        let centres = [Point::new(10.0, 10.0), Point::new(14.0, 10.0)];
        let placement = Placement {
            positions: centres.to_vec(),
            radii: vec![3.0, 3.0],
            labels: vec!["First".into(), "Second".into()],
            label_widths: vec![70.0, 70.0],
            label_height: 12.0,
            bounds: Rect::new(0.0, 0.0, 100.0, 20.0),
            overlap_free: true,
        };
        let look = NetworkLook {
            nodes: looks.to_vec(),
            edges: Vec::new(),
            ego: super::super::linked::Ego::Off,
        };
        let viewport = Viewport {
            width: 100.0,
            height: 20.0,
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        };
        let labels = place_node_labels(
            &placement,
            &look,
            &centres,
            &placement.radii,
            &viewport,
            pinned,
        );
        let shown: Vec<usize> = (0..2).filter(|&n| labels[n].is_some()).collect();
        assert_eq!(shown.len(), 1, "one label fits: {labels:?}");
        shown[0]
    }

    fn node_look(acting: usize) -> NodeLook {
        NodeLook {
            presence: Presence::Active,
            shown_events: acting,
            acting,
            contacts: 1,
            current: false,
            lit: false,
            faded: false,
        }
    }

    #[test]
    fn labels_go_to_the_pointed_at_then_the_selection_then_the_lit_then_the_busiest() {
        let busy = node_look(40);
        let quiet = node_look(1);
        // The busier of two plain actors.
        assert_eq!(
            the_labelled_one_of_two([quiet.clone(), busy.clone()], None),
            1
        );
        assert_eq!(
            the_labelled_one_of_two([busy.clone(), quiet.clone()], None),
            0
        );
        // The hovered actor, even against a busy selected one.
        let selected = NodeLook {
            current: true,
            ..node_look(10)
        };
        assert_eq!(
            the_labelled_one_of_two([selected.clone(), quiet.clone()], Some(1)),
            1
        );
        // The selected actor, even a quiet one, against a busy lit-up neighbour.
        let quiet_selected = NodeLook {
            current: true,
            ..node_look(1)
        };
        let lit = NodeLook {
            lit: true,
            ..node_look(3)
        };
        assert_eq!(
            the_labelled_one_of_two([lit.clone(), quiet_selected], None),
            1
        );
        // A lit-up neighbour against a busier actor that is not.
        assert_eq!(the_labelled_one_of_two([busy.clone(), lit], None), 1);
        // A faded actor yields to one as busy that is not faded.
        let faded = NodeLook {
            faded: true,
            ..node_look(40)
        };
        assert_eq!(the_labelled_one_of_two([faded, busy], None), 1);
    }

    fn scene_for(
        c: &Catalog,
        k_factor: f64,
        highlight: Option<&Highlight>,
    ) -> (ActorGraph, Placement, NetworkLook, Scene, Viewport) {
        let g = ActorGraph::build(c);
        let p = Placement::compute(c, &g);
        let shown: Vec<usize> = (0..c.events().len()).collect();
        let look = NetworkLook::new(
            &g,
            LinkedInput {
                shown: &shown,
                selected_event: None,
                selected_actor: None,
                highlight,
                ego: false,
            },
        );
        let v = Viewport::fit(p.bounds, 240.0, 320.0).zoom_centre(k_factor);
        let s = Scene::new(&g, &p, &look, &v, None);
        (g, p, look, s, v)
    }

    fn assert_labels_apart(scene: &Scene, viewport: &Viewport) {
        let shown: Vec<Rect> = scene.labels.iter().flatten().map(|l| l.rect).collect();
        for (i, a) in shown.iter().enumerate() {
            assert!(viewport.screen().contains_rect(a));
            for b in &shown[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        // No label covers a labelled node's dot, its own included.
        for n in scene
            .nodes
            .iter()
            .filter(|n| scene.labels[n.node].is_some())
        {
            let dot = Circle {
                center: n.centre,
                r: n.radius,
            };
            assert!(
                shown.iter().all(|r| !r.intersects_circle(&dot)),
                "node {} is covered",
                n.node
            );
        }
    }

    #[test]
    fn zoomed_out_the_busiest_actors_are_labelled_without_overlaps() {
        let c = crate::data::load_embedded().unwrap();
        let (g, _, _, scene, v) = scene_for(&c, 1.0, None);
        assert!(v.k < 1.0, "a small view starts zoomed out");
        assert_labels_apart(&scene, &v);
        let shown = scene.labels.iter().flatten().count();
        assert!(shown >= 8, "only {shown} labels");
        // The busiest actor is labelled.
        let busiest = (0..g.nodes.len())
            .max_by_key(|&n| (g.nodes[n].events.len(), usize::MAX - n))
            .unwrap();
        assert!(scene.labels[busiest].is_some());
    }

    #[test]
    fn at_full_size_every_node_in_view_is_labelled() {
        let c = crate::data::load_embedded().unwrap();
        let (g, p, look, _, _) = scene_for(&c, 1.0, None);
        // A view as large as the whole layout at zoom 1.
        let v = Viewport {
            width: p.bounds.right() + 20.0,
            height: p.bounds.bottom() + 20.0,
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
        };
        let scene = Scene::new(&g, &p, &look, &v, None);
        assert_labels_apart(&scene, &v);
        let missing: Vec<&str> = (0..g.nodes.len())
            .filter(|&n| scene.labels[n].is_none())
            .map(|n| p.labels[n].as_str())
            .collect();
        assert!(missing.is_empty(), "unlabelled: {missing:?}");
    }

    #[test]
    fn the_hovered_actor_and_most_of_its_neighbours_win_labels() {
        let c = crate::data::load_embedded().unwrap();
        let yang = c.actor_index("yang-jiechi").unwrap();
        let highlight = Highlight::Actor(yang);
        let (g, p, look, _, v) = scene_for(&c, 1.0, Some(&highlight));
        let pinned = g.node_of_actor[yang];
        let scene = Scene::new(&g, &p, &look, &v, pinned);
        assert_labels_apart(&scene, &v);
        assert!(scene.labels[pinned.unwrap()].is_some());
        let lit: Vec<usize> = (0..g.nodes.len()).filter(|&n| look.nodes[n].lit).collect();
        assert!(lit.len() >= 4, "Yang dealt with several actors");
        let labelled = |s: &Scene| lit.iter().filter(|&&n| s.labels[n].is_some()).count();
        assert!(
            2 * labelled(&scene) >= lit.len(),
            "{} of {}",
            labelled(&scene),
            lit.len()
        );
        // Without the highlight fewer of them would be labelled at this zoom.
        let (_, _, _, unlit, _) = scene_for(&c, 1.0, None);
        assert!(labelled(&unlit) < labelled(&scene));
    }

    #[test]
    fn ghosts_are_drawn_but_not_labelled_and_hidden_nodes_not_drawn() {
        let c = crate::data::load_embedded().unwrap();
        let g = ActorGraph::build(&c);
        let p = Placement::compute(&c, &g);
        let november: Vec<usize> = (0..c.events().len())
            .filter(|&e| c.events()[e].start.starts_with("2010-11"))
            .collect();
        let yang = c.actor_index("yang-jiechi").unwrap();
        let look = NetworkLook::new(
            &g,
            LinkedInput {
                shown: &november,
                selected_event: None,
                selected_actor: Some(yang),
                highlight: None,
                ego: true,
            },
        );
        let v = Viewport::fit(p.bounds, 240.0, 320.0);
        let scene = Scene::new(&g, &p, &look, &v, None);
        let drawn: Vec<usize> = scene.nodes.iter().map(|n| n.node).collect();
        for n in 0..g.nodes.len() {
            let presence = look.nodes[n].presence;
            assert_eq!(drawn.contains(&n), presence != Presence::Hidden);
            if presence != Presence::Active {
                assert!(scene.labels[n].is_none());
            }
        }
        assert!(drawn.len() < g.nodes.len());
        // Ties whose circles touch at this zoom are not drawn; none is invented.
        let visible = look.edges.iter().filter(|e| e.visible).count();
        assert!(!scene.edges.is_empty() && scene.edges.len() <= visible);
        assert!(scene.edges.iter().all(|e| look.edges[e.edge].visible));
    }
}
