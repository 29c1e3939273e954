//! Where every node sits: one deterministic force layout of the *whole* network, computed
//! once per dataset. Filters only dim or hide nodes, so a shared link shows the same
//! picture to everyone and nothing jumps while the reader narrows the time window.
//!
//! Coordinates are "layout px": at zoom 1 a label of [`LABEL_FONT_PX`] fits beside its node
//! without touching another node or label, because the layout's collision footprint
//! includes each label box.

use crate::data::Catalog;
use crate::layout::{
    estimate_label_width, force_layout, label_height, ForceEdge, ForceNode, ForceParams, LabelSide,
    Point, Rect,
};

use super::model::ActorGraph;
use super::saved::{LayoutInputs, SavedLayout};

/// Font size of node labels on screen (CSS px), which the layout reserves room for.
pub const LABEL_FONT_PX: f64 = 11.0;
/// Space between a node's circle and its label.
pub const LABEL_GAP_PX: f64 = 3.0;

/// The box the layout is fitted into: a little taller than wide, like the view on a
/// desktop screen, so the fitted network fills it.
const BOX_WIDTH: f64 = 760.0;
const BOX_HEIGHT: f64 = 900.0;
const BOX_PADDING: f64 = 8.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Node centres in layout px.
    pub positions: Vec<Point>,
    /// Circle radius of each node in layout px.
    pub radii: Vec<f64>,
    /// The label drawn beside each node.
    pub labels: Vec<String>,
    /// Estimated label widths at [`LABEL_FONT_PX`], with a safety margin.
    pub label_widths: Vec<f64>,
    pub label_height: f64,
    /// Everything drawn: circles and labels to their right.
    pub bounds: Rect,
    /// False only if the layout could not separate every node and label.
    pub overlap_free: bool,
}

impl Placement {
    /// Lays the graph out live.
    pub fn compute(catalog: &Catalog, graph: &ActorGraph) -> Placement {
        let prepared = Prepared::new(catalog, graph);
        let layout = force_layout(
            &prepared.force_nodes,
            &prepared.force_edges,
            &prepared.params,
            BOX_WIDTH,
            BOX_HEIGHT,
            BOX_PADDING,
        );
        prepared.finish(layout.positions, layout.overlap_free)
    }

    /// The placement `saved` holds, if it was computed from exactly this graph's inputs.
    pub fn from_saved(
        catalog: &Catalog,
        graph: &ActorGraph,
        saved: &SavedLayout,
    ) -> Option<Placement> {
        let prepared = Prepared::new(catalog, graph);
        let positions = saved.positions_for(&prepared.inputs())?;
        Some(prepared.finish(positions, saved.overlap_free))
    }

    /// The live layout in its saved form, keyed by its inputs.
    pub fn save(catalog: &Catalog, graph: &ActorGraph) -> SavedLayout {
        let prepared = Prepared::new(catalog, graph);
        let placement = Placement::compute(catalog, graph);
        SavedLayout::new(
            &prepared.inputs(),
            &placement.positions,
            placement.overlap_free,
        )
    }

    /// What `nodes` occupy (circles and labels), e.g. to fit the view to one actor's
    /// neighbourhood; the whole layout when `nodes` is empty or unknown.
    pub fn bounds_of_nodes(&self, nodes: &[usize]) -> Rect {
        let nodes: Vec<usize> = nodes
            .iter()
            .copied()
            .filter(|&n| n < self.positions.len())
            .collect();
        if nodes.is_empty() {
            return self.bounds;
        }
        let pick = |values: &[f64]| -> Vec<f64> { nodes.iter().map(|&n| values[n]).collect() };
        let positions: Vec<Point> = nodes.iter().map(|&n| self.positions[n]).collect();
        bounds_of(
            &positions,
            &pick(&self.radii),
            &pick(&self.label_widths),
            self.label_height,
        )
    }

    /// The rectangle of a node's label at zoom 1 (to the right of its circle).
    pub fn label_rect(&self, node: usize) -> Rect {
        let p = self.positions[node];
        Rect::new(
            p.x + self.radii[node] + LABEL_GAP_PX,
            p.y - self.label_height / 2.0,
            self.label_widths[node],
            self.label_height,
        )
    }
}

/// What the force layout reads, derived from the graph, and what the placement keeps.
struct Prepared {
    labels: Vec<String>,
    radii: Vec<f64>,
    label_widths: Vec<f64>,
    label_height: f64,
    force_nodes: Vec<ForceNode>,
    force_edges: Vec<ForceEdge>,
    params: ForceParams,
}

impl Prepared {
    fn new(catalog: &Catalog, graph: &ActorGraph) -> Prepared {
        let labels: Vec<String> = graph
            .nodes
            .iter()
            .map(|n| short_label(&catalog.actors()[n.actor].name).to_owned())
            .collect();
        let radii: Vec<f64> = graph
            .nodes
            .iter()
            .map(|n| node_radius(n.events.len()))
            .collect();
        // The estimate is good to about ±15 %; erring wide keeps real text inside its box.
        let label_widths: Vec<f64> = labels
            .iter()
            .map(|l| estimate_label_width(l, LABEL_FONT_PX) * 1.12 + 2.0)
            .collect();
        let label_h = label_height(LABEL_FONT_PX);
        let force_nodes: Vec<ForceNode> = (0..graph.nodes.len())
            .map(|i| ForceNode {
                radius: radii[i],
                label_width: label_widths[i],
                label_height: label_h,
                group: None,
                initial: None,
            })
            .collect();
        // Square-rooted weights: a tie of nine events pulls three times, not nine times,
        // as hard as one of a single event.
        let force_edges: Vec<ForceEdge> = graph
            .edges
            .iter()
            .map(|e| ForceEdge {
                source: e.a,
                target: e.b,
                weight: (e.events.len() as f64).sqrt(),
            })
            .collect();
        Prepared {
            labels,
            radii,
            label_widths,
            label_height: label_h,
            force_nodes,
            force_edges,
            params: params(),
        }
    }

    fn inputs(&self) -> LayoutInputs<'_> {
        LayoutInputs {
            nodes: &self.force_nodes,
            edges: &self.force_edges,
            params: &self.params,
            frame: (BOX_WIDTH, BOX_HEIGHT, BOX_PADDING),
        }
    }

    fn finish(self, positions: Vec<Point>, overlap_free: bool) -> Placement {
        let bounds = bounds_of(
            &positions,
            &self.radii,
            &self.label_widths,
            self.label_height,
        );
        Placement {
            positions,
            radii: self.radii,
            labels: self.labels,
            label_widths: self.label_widths,
            label_height: self.label_height,
            bounds,
            overlap_free,
        }
    }
}

/// Tuned for this network, which is mostly small groups (a call, a visit, a meeting of
/// four) around a few hubs: springs stronger than d3's default (ties of one event would
/// otherwise stretch across the picture), repulsion limited to 250 px so separate groups
/// pack together, and more gravity to keep them near the centre. Side attraction is off:
/// most ties cross sides (Yang calls Lavrov), and pulling China's and Russia's people
/// apart stretched exactly those ties.
fn params() -> ForceParams {
    ForceParams {
        link_distance: 36.0,
        link_strength: 3.0,
        charge: -70.0,
        charge_distance_max: 250.0,
        gravity: 0.12,
        collision_padding: 3.0,
        label_side: LabelSide::Right,
        label_gap: LABEL_GAP_PX,
        ..ForceParams::default()
    }
}

/// Circle radius for a node with `events` events: area grows with the count, so a
/// 25-event actor is clearly larger than a 1-event one without swamping its neighbours.
pub fn node_radius(events: usize) -> f64 {
    3.5 + 2.0 * (events as f64).sqrt()
}

/// The label of a node: the name, or for long names ending in an abbreviation
/// ("Shanghai Cooperation Organization (SCO)") the abbreviation.
pub fn short_label(name: &str) -> &str {
    const LONG: usize = 24;
    if name.chars().count() <= LONG {
        return name;
    }
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .map(|(_, short)| short)
        .filter(|short| !short.is_empty())
        .unwrap_or(name)
}

fn bounds_of(positions: &[Point], radii: &[f64], widths: &[f64], label_h: f64) -> Rect {
    let (mut left, mut top) = (f64::INFINITY, f64::INFINITY);
    let (mut right, mut bottom) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for ((p, &r), &w) in positions.iter().zip(radii).zip(widths) {
        let half = r.max(label_h / 2.0);
        left = left.min(p.x - r);
        right = right.max(p.x + r + if w > 0.0 { LABEL_GAP_PX + w } else { 0.0 });
        top = top.min(p.y - half);
        bottom = bottom.max(p.y + half);
    }
    if left.is_finite() && top.is_finite() {
        Rect::new(left, top, right - left, bottom - top)
    } else {
        Rect::new(0.0, 0.0, 1.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> (Catalog, ActorGraph, Placement) {
        let c = crate::data::load_embedded().unwrap();
        let g = ActorGraph::build(&c);
        let p = Placement::compute(&c, &g);
        (c, g, p)
    }

    #[test]
    fn short_labels_keep_names_and_shorten_long_bodies() {
        assert_eq!(short_label("Yang Jiechi"), "Yang Jiechi");
        assert_eq!(
            short_label("Shanghai Cooperation Organization (SCO)"),
            "SCO"
        );
        assert_eq!(
            short_label("Democratic Party (US)"),
            "Democratic Party (US)"
        );
        assert_eq!(
            short_label("A very long name without any abbreviation"),
            "A very long name without any abbreviation"
        );
        assert_eq!(
            short_label("A very long name with empty brackets ()"),
            "A very long name with empty brackets ()"
        );
    }

    #[test]
    fn bigger_actors_get_bigger_circles() {
        assert!(node_radius(1) < node_radius(4));
        assert!(node_radius(4) < node_radius(25));
        assert!(node_radius(25) < 15.0, "the largest stays modest");
    }

    #[test]
    fn the_whole_network_is_laid_out_without_overlaps_and_identically_every_time() {
        let (c, g, first) = embedded();
        assert!(first.overlap_free);
        assert_eq!(first.positions.len(), g.nodes.len());
        for i in 0..g.nodes.len() {
            let (pi, ri) = (first.positions[i], first.radii[i]);
            assert!(pi.x.is_finite() && pi.y.is_finite());
            for j in i + 1..g.nodes.len() {
                let (pj, rj) = (first.positions[j], first.radii[j]);
                assert!(pi.distance(pj) >= ri + rj, "circles {i} and {j} overlap");
                assert!(
                    !first.label_rect(i).overlaps(&first.label_rect(j)),
                    "labels of {} and {} overlap",
                    first.labels[i],
                    first.labels[j]
                );
            }
            assert!(first.bounds.contains_rect(&first.label_rect(i)));
            // Each label starts right of its circle, level with it.
            let label = first.label_rect(i);
            assert!(
                label.x >= pi.x + ri,
                "label of {} on its circle",
                first.labels[i]
            );
            assert!((label.center().y - pi.y).abs() < 1e-9);
        }
        let second = Placement::compute(&c, &g);
        let bits = |p: &Placement| -> Vec<(u64, u64)> {
            p.positions
                .iter()
                .map(|q| (q.x.to_bits(), q.y.to_bits()))
                .collect()
        };
        assert_eq!(bits(&first), bits(&second));
    }

    #[test]
    fn the_bounds_of_some_nodes_hold_just_them() {
        let (_, _, p) = embedded();
        let some = p.bounds_of_nodes(&[0, 1]);
        assert!(some.contains_rect(&p.label_rect(0)) && some.contains_rect(&p.label_rect(1)));
        assert!(p.bounds.contains_rect(&some));
        assert!(some.w * some.h < p.bounds.w * p.bounds.h);
        assert_eq!(p.bounds_of_nodes(&[]), p.bounds);
        assert_eq!(p.bounds_of_nodes(&[9999]), p.bounds);
    }

    #[test]
    fn tied_actors_sit_closer_than_average() {
        let (_, g, p) = embedded();
        let mean = |d: Vec<f64>| d.iter().sum::<f64>() / d.len().max(1) as f64;
        let tied = mean(
            g.edges
                .iter()
                .map(|e| p.positions[e.a].distance(p.positions[e.b]))
                .collect(),
        );
        let n = p.positions.len();
        let all = mean(
            (0..n)
                .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
                .map(|(i, j)| p.positions[i].distance(p.positions[j]))
                .collect(),
        );
        assert!(tied < 0.75 * all, "tied {tied:.0} vs all {all:.0}");
    }
}
