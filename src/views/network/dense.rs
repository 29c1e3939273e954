//! Dense networks. Above [`DENSE_EDGES`] visible ties, drawing each tie as its own group
//! (line, arrowheads, tooltip) costs thousands of elements rebuilt on every selection and
//! hover, and the picture is a hairball in which single ties cannot be told apart anyway.
//! Then the plain and faded ties are merged into a few paths, one per (faded, width) group,
//! without arrowheads; the ties that matter at the moment (the selection's, the lit ones)
//! stay single, with direction and tooltip. Below the threshold every tie is single, so the
//! chronicle's network is drawn exactly as before.

use super::linked::EdgeLook;
use super::scene::SceneEdge;
use crate::numfmt::push_scaled;

/// More visible ties than this are drawn merged.
pub const DENSE_EDGES: usize = 300;

/// Merged stroke widths are rounded to this step (px), so a few paths cover every tie.
const WIDTH_STEP: f64 = 0.5;

/// Plain or faded ties of one stroke width, as one path of `M…L…` segments.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedTies {
    pub faded: bool,
    pub width: f64,
    pub d: String,
    pub ties: usize,
}

/// How the visible ties are drawn, back to front: the merged paths, then the single ties.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgePlan {
    pub merged: Vec<MergedTies>,
    /// Indices into the scene's edges, in drawing order.
    pub single: Vec<usize>,
}

pub fn plan_edges(edges: &[SceneEdge], looks: &[EdgeLook]) -> EdgePlan {
    let layer = |i: usize| looks.get(edges[i].edge).map_or(0, EdgeLook::layer);
    let mut order: Vec<usize> = (0..edges.len()).collect();
    crate::sorting::sort_by_key(&mut order, |&i| (layer(i), edges[i].edge));
    if edges.len() <= DENSE_EDGES {
        return EdgePlan {
            merged: Vec::new(),
            single: order,
        };
    }
    let is_plain = |i: usize| {
        looks
            .get(edges[i].edge)
            .is_none_or(|l| !l.current && !l.lit)
    };
    // (faded, width step) → path; faded groups sort first, as their layer is drawn first.
    let mut groups: Vec<(bool, u32, MergedTies)> = Vec::new();
    for &i in order.iter().filter(|&&i| is_plain(i)) {
        let edge = &edges[i];
        let faded = looks.get(edge.edge).is_some_and(|l| l.faded);
        let steps = (edge.width / WIDTH_STEP).round().max(1.0) as u32;
        let at = match groups.iter().position(|g| g.0 == faded && g.1 == steps) {
            Some(at) => at,
            None => {
                groups.push((
                    faded,
                    steps,
                    MergedTies {
                        faded,
                        width: f64::from(steps) * WIDTH_STEP,
                        d: String::new(),
                        ties: 0,
                    },
                ));
                groups.len() - 1
            }
        };
        let group = &mut groups[at].2;
        push_segment(&mut group.d, edge);
        group.ties += 1;
    }
    crate::sorting::sort_by_key(&mut groups, |g| (!g.0, g.1));
    EdgePlan {
        merged: groups.into_iter().map(|g| g.2).collect(),
        single: order.into_iter().filter(|&i| !is_plain(i)).collect(),
    }
}

/// "M x y L x y" with one decimal: ties are hairlines, a tenth of a pixel is plenty.
fn push_segment(d: &mut String, edge: &SceneEdge) {
    let tenth = |v: f64| {
        if v.is_finite() {
            (v * 10.0).round() as i64
        } else {
            0
        }
    };
    d.push('M');
    push_scaled(d, tenth(edge.start.x), 1);
    d.push(' ');
    push_scaled(d, tenth(edge.start.y), 1);
    d.push('L');
    push_scaled(d, tenth(edge.end.x), 1);
    d.push(' ');
    push_scaled(d, tenth(edge.end.y), 1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Point;

    fn edge(edge: usize, width: f64) -> SceneEdge {
        SceneEdge {
            edge,
            start: Point::new(edge as f64, 0.0),
            end: Point::new(edge as f64 + 0.25, 10.0),
            width,
            heads: Vec::new(),
        }
    }

    fn look(current: bool, lit: bool, faded: bool) -> EdgeLook {
        EdgeLook {
            visible: true,
            weight: 1,
            a_led: 0,
            b_led: 0,
            current,
            lit,
            faded,
        }
    }

    #[test]
    fn a_sparse_network_draws_every_tie_single_in_layer_order() {
        let edges: Vec<SceneEdge> = (0..3).map(|i| edge(i, 1.0)).collect();
        let looks = vec![
            look(true, false, false),
            look(false, false, true),
            look(false, false, false),
        ];
        let plan = plan_edges(&edges, &looks);
        assert!(plan.merged.is_empty());
        assert_eq!(plan.single, vec![1, 2, 0]);
    }

    #[test]
    fn a_dense_network_merges_plain_ties_by_width_and_keeps_the_selection_single() {
        let count = DENSE_EDGES + 50;
        let edges: Vec<SceneEdge> = (0..count)
            .map(|i| edge(i, if i % 2 == 0 { 1.0 } else { 2.1 }))
            .collect();
        let looks: Vec<EdgeLook> = (0..count)
            .map(|i| look(i == 7, i == 9, i % 5 == 0 && i != 7 && i != 9))
            .collect();
        let plan = plan_edges(&edges, &looks);
        assert_eq!(
            plan.single,
            vec![7, 9],
            "the selection's tie, then the lit one"
        );
        let merged: usize = plan.merged.iter().map(|m| m.ties).sum();
        assert_eq!(merged + plan.single.len(), count, "every tie is drawn once");
        let widths: Vec<(bool, f64)> = plan.merged.iter().map(|m| (m.faded, m.width)).collect();
        assert_eq!(
            widths,
            vec![(true, 1.0), (true, 2.0), (false, 1.0), (false, 2.0)]
        );
        for m in &plan.merged {
            assert_eq!(m.d.matches('M').count(), m.ties);
        }
        assert!(
            plan.merged[2].d.starts_with("M2 0L2.3 10M4 0L4.3 10"),
            "{}",
            plan.merged[2].d
        );
    }

    #[test]
    fn the_threshold_is_exclusive() {
        let at = |count: usize| {
            let edges: Vec<SceneEdge> = (0..count).map(|i| edge(i, 1.0)).collect();
            let looks = vec![look(false, false, false); count];
            plan_edges(&edges, &looks)
        };
        assert!(at(DENSE_EDGES).merged.is_empty());
        assert_eq!(at(DENSE_EDGES + 1).merged.len(), 1);
    }
}
