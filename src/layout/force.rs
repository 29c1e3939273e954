//! Deterministic force-directed layout for the actor network.
//!
//! A port of the parts of d3-force the view needs — link springs, many-body repulsion,
//! centering, collision, plus weak gravity and optional group attraction — integrated the way
//! d3 does it (velocity Verlet with alpha cooling: `alpha *= 1 - alphaDecay` per tick,
//! velocities damped by `velocityDecay`, stop below `alphaMin`), so results look like the d3
//! examples users know. Differences, and why:
//!
//! * Many-body is exact O(n²) instead of Barnes–Hut: simpler, and fast enough for ≤ 200 nodes.
//! * Collision uses each node's *footprint* — its circle plus its label box beside it — so
//!   labels need not be pushed around afterwards, and resolves overlaps along the shallower
//!   axis. A final pass removes any residual overlap on positions directly.
//! * Everything random (the initial layout, the jiggle that separates coincident nodes) is
//!   seeded or deterministic, and no `sin`/`cos`/`powf` is called during the layout, so the
//!   same input gives bit-identical output natively and in wasm.

use super::geom::{Point, Rect};
use super::label_placement::LABEL_GAP_PX;
use crate::rng::SplitMix64;

/// One node to lay out; sizes in px.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ForceNode {
    /// Radius of the drawn circle.
    pub radius: f64,
    /// Estimated label size (0 for unlabelled nodes).
    pub label_width: f64,
    pub label_height: f64,
    /// Affiliation (e.g. country or party); same-group nodes attract slightly when
    /// [`ForceParams::group_strength`] > 0.
    pub group: Option<usize>,
    /// Start position, e.g. from a previous layout so the graph does not jump when the
    /// filter changes. `None` uses the deterministic phyllotaxis spiral.
    pub initial: Option<Point>,
}

/// An undirected weighted link between node indices. Links with an out-of-range end, a
/// self-loop or a non-positive weight are ignored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForceEdge {
    pub source: usize,
    pub target: usize,
    pub weight: f64,
}

/// Where the label sits relative to the node, which decides the collision footprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelSide {
    /// Label to the right, vertically centred (the label placer's first choice).
    Right,
    /// Label centred below the circle.
    Below,
    /// Collide on circles only.
    Ignore,
}

/// Tuning. Defaults follow d3-force where d3 has one; strengths are per tick before alpha.
#[derive(Clone, Debug, PartialEq)]
pub struct ForceParams {
    /// Rest length of a link between circle edges, in px (radii are added).
    pub link_distance: f64,
    /// Multiplier of d3's default link strength `1 / min(degree)`, scaled by
    /// `weight / max_weight` so strong ties pull harder.
    pub link_strength: f64,
    /// Many-body strength per node; negative repels (d3 default -30).
    pub charge: f64,
    /// Pairs farther apart than this do not repel (d3 default ∞).
    pub charge_distance_max: f64,
    /// Pull of every node towards the centre (d3 forceX/forceY), keeping disconnected
    /// components from drifting off.
    pub gravity: f64,
    /// Pull of a grouped node towards its group's centroid; 0 disables.
    pub group_strength: f64,
    /// Fraction of an overlap resolved per collision iteration (d3 default 1).
    pub collision_strength: f64,
    pub collision_iterations: usize,
    /// Empty space kept between footprints.
    pub collision_padding: f64,
    pub label_side: LabelSide,
    /// Space between circle and label, as in [`super::label_placement::PlacementOptions::gap`].
    pub label_gap: f64,
    /// d3 `velocityDecay`: fraction of velocity lost per tick.
    pub velocity_decay: f64,
    /// d3 `alphaMin`: the simulation stops when alpha falls below it.
    pub alpha_min: f64,
    /// d3 `alphaDecay`; the default `1 - 0.001^(1/300)` cools in 300 ticks.
    pub alpha_decay: f64,
    /// Safety cap on ticks whatever the cooling parameters.
    pub max_ticks: usize,
    /// Seeds the jiggle that separates coincident nodes.
    pub seed: u64,
}

impl Default for ForceParams {
    fn default() -> Self {
        ForceParams {
            link_distance: 40.0,
            link_strength: 1.0,
            charge: -80.0,
            charge_distance_max: f64::INFINITY,
            gravity: 0.04,
            group_strength: 0.0,
            collision_strength: 1.0,
            collision_iterations: 2,
            collision_padding: 4.0,
            label_side: LabelSide::Right,
            label_gap: LABEL_GAP_PX,
            velocity_decay: 0.4,
            alpha_min: 0.001,
            // 1 - 0.001^(1/300), spelled out so no libm `powf` is involved.
            alpha_decay: 0.022_762_779_044_189_33,
            max_ticks: 1000,
            seed: 0x5EED_2010,
        }
    }
}

/// The seeded generator's d3-style `jiggle`.
trait Jiggle {
    /// A nudge of at most 5e-7 px, only to break exact symmetry.
    fn jiggle(&mut self) -> f64;
}

impl Jiggle for SplitMix64 {
    fn jiggle(&mut self) -> f64 {
        (self.next_f64() - 0.5) * 1e-6
    }
}

/// Box around a node relative to its centre: `[x + left, x + right] × [y + top, y + bottom]`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Footprint {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Footprint {
    fn of(node: &ForceNode, params: &ForceParams) -> Footprint {
        let r = finite_or_zero(node.radius);
        let w = finite_or_zero(node.label_width);
        let h = finite_or_zero(node.label_height);
        let gap = finite_or_zero(params.label_gap);
        let labelled = w > 0.0 && h > 0.0;
        match params.label_side {
            LabelSide::Right if labelled => {
                let half = r.max(h / 2.0);
                Footprint {
                    left: -r,
                    right: r + gap + w,
                    top: -half,
                    bottom: half,
                }
            }
            LabelSide::Below if labelled => {
                let half = r.max(w / 2.0);
                Footprint {
                    left: -half,
                    right: half,
                    top: -r,
                    bottom: r + gap + h,
                }
            }
            _ => Footprint {
                left: -r,
                right: r,
                top: -r,
                bottom: r,
            },
        }
    }

    fn area(&self) -> f64 {
        (self.right - self.left) * (self.bottom - self.top)
    }

    fn rect_at(&self, x: f64, y: f64) -> Rect {
        Rect::new(
            x + self.left,
            y + self.top,
            self.right - self.left,
            self.bottom - self.top,
        )
    }
}

fn finite_or_zero(value: f64) -> f64 {
    if value.is_finite() {
        value.max(0.0)
    } else {
        0.0
    }
}

#[derive(Clone, Debug)]
struct Body {
    x: f64,
    y: f64,
    vx: f64,
    vy: f64,
    footprint: Footprint,
    group: Option<usize>,
}

#[derive(Clone, Copy, Debug)]
struct Link {
    source: usize,
    target: usize,
    distance: f64,
    strength: f64,
    /// Share of the correction taken by the target (d3: degree(source) / sum of degrees),
    /// so hubs move less than leaves.
    bias: f64,
}

/// Broad-phase slack in px for collision pairs found once per iteration.
const COLLISION_MARGIN_PX: f64 = 4.0;
/// How often [`Simulation::resolve_overlaps`] spreads a jammed layout, and by how much.
const EXPAND_EVERY: usize = 20;
const EXPAND_FACTOR: f64 = 1.03;
/// Extra distance in px added to each push of [`Simulation::resolve_overlaps`].
const RESOLVE_SLOP_PX: f64 = 0.25;

/// cos and sin of d3's phyllotaxis angle π(3 − √5), hard-coded to keep libm out.
const PHYLLO_COS: f64 = -0.737_368_878_078_319_7;
const PHYLLO_SIN: f64 = 0.675_490_294_261_524_2;
/// d3's `initialRadius`.
const PHYLLO_RADIUS: f64 = 10.0;

/// d3's initial layout: node `i` at radius `10·√(i + ½)` and angle `i·π(3 − √5)`, which
/// spreads nodes evenly without randomness.
pub fn phyllotaxis(count: usize) -> Vec<Point> {
    let (mut cos, mut sin) = (1.0_f64, 0.0_f64);
    (0..count)
        .map(|i| {
            let radius = PHYLLO_RADIUS * (0.5 + i as f64).sqrt();
            let point = Point::new(radius * cos, radius * sin);
            (cos, sin) = (
                cos * PHYLLO_COS - sin * PHYLLO_SIN,
                sin * PHYLLO_COS + cos * PHYLLO_SIN,
            );
            point
        })
        .collect()
}

/// A running simulation, for views that want to animate it tick by tick; most callers use
/// [`force_layout`] instead.
#[derive(Clone, Debug)]
pub struct Simulation {
    bodies: Vec<Body>,
    links: Vec<Link>,
    params: ForceParams,
    alpha: f64,
    ticks: usize,
    rng: SplitMix64,
}

impl Simulation {
    pub fn new(nodes: &[ForceNode], edges: &[ForceEdge], params: ForceParams) -> Simulation {
        let spiral = phyllotaxis(nodes.len());
        let bodies = nodes
            .iter()
            .zip(spiral)
            .map(|(node, start)| {
                let start = node
                    .initial
                    .filter(|p| p.x.is_finite() && p.y.is_finite())
                    .unwrap_or(start);
                Body {
                    x: start.x,
                    y: start.y,
                    vx: 0.0,
                    vy: 0.0,
                    footprint: Footprint::of(node, &params),
                    group: node.group,
                }
            })
            .collect();
        let links = build_links(nodes, edges, &params);
        Simulation {
            bodies,
            links,
            rng: SplitMix64(params.seed),
            params,
            alpha: 1.0,
            ticks: 0,
        }
    }

    /// Current temperature; forces other than collision scale with it.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// Ticks run so far.
    pub fn ticks(&self) -> usize {
        self.ticks
    }

    /// True once the simulation has cooled below `alpha_min` or hit `max_ticks`.
    pub fn is_settled(&self) -> bool {
        self.alpha < self.params.alpha_min || self.ticks >= self.params.max_ticks
    }

    /// Node centres in simulation coordinates (centred on the origin).
    pub fn positions(&self) -> Vec<Point> {
        self.bodies.iter().map(|b| Point::new(b.x, b.y)).collect()
    }

    /// One d3 tick: cool, accumulate forces into velocities, damp and move.
    pub fn tick(&mut self) {
        self.alpha += (0.0 - self.alpha) * self.params.alpha_decay;
        let alpha = self.alpha;
        self.apply_links(alpha);
        self.apply_charge(alpha);
        self.apply_gravity(alpha);
        self.apply_groups(alpha);
        self.apply_center();
        for _ in 0..self.params.collision_iterations {
            self.apply_collision();
        }
        let keep = 1.0 - self.params.velocity_decay;
        for body in &mut self.bodies {
            body.vx *= keep;
            body.vy *= keep;
            body.x += body.vx;
            body.y += body.vy;
        }
        self.ticks += 1;
    }

    /// Ticks until settled.
    pub fn run(&mut self) {
        while !self.is_settled() {
            self.tick();
        }
    }

    /// d3 forceLink: springs pulling linked nodes to their rest distance, evaluated at the
    /// positions the nodes are about to reach.
    fn apply_links(&mut self, alpha: f64) {
        for link in &self.links {
            let (s, t) = (&self.bodies[link.source], &self.bodies[link.target]);
            let mut dx = t.x + t.vx - s.x - s.vx;
            let mut dy = t.y + t.vy - s.y - s.vy;
            if dx == 0.0 {
                dx = self.rng.jiggle();
            }
            if dy == 0.0 {
                dy = self.rng.jiggle();
            }
            let length = (dx * dx + dy * dy).sqrt();
            let k = (length - link.distance) / length * alpha * link.strength;
            let (fx, fy) = (dx * k, dy * k);
            let target = &mut self.bodies[link.target];
            target.vx -= fx * link.bias;
            target.vy -= fy * link.bias;
            let source = &mut self.bodies[link.source];
            source.vx += fx * (1.0 - link.bias);
            source.vy += fy * (1.0 - link.bias);
        }
    }

    /// d3 forceManyBody without the Barnes–Hut approximation: every pair repels with
    /// strength / distance, with d3's minimum distance of 1 px against blow-ups. All nodes
    /// have the same strength, so each pair is evaluated once and applied to both ends.
    fn apply_charge(&mut self, alpha: f64) {
        let k = self.params.charge * alpha;
        if k == 0.0 {
            return;
        }
        let max2 = self.params.charge_distance_max * self.params.charge_distance_max;
        let xs: Vec<f64> = self.bodies.iter().map(|b| b.x).collect();
        let ys: Vec<f64> = self.bodies.iter().map(|b| b.y).collect();
        let mut ax = vec![0.0; xs.len()];
        let mut ay = vec![0.0; xs.len()];
        for i in 0..xs.len() {
            let (xi, yi) = (xs[i], ys[i]);
            let (mut sum_x, mut sum_y) = (0.0, 0.0);
            for j in i + 1..xs.len() {
                let mut dx = xs[j] - xi;
                let mut dy = ys[j] - yi;
                if dx == 0.0 {
                    dx = self.rng.jiggle();
                }
                if dy == 0.0 {
                    dy = self.rng.jiggle();
                }
                let mut l2 = dx * dx + dy * dy;
                if l2 >= max2 {
                    continue;
                }
                if l2 < 1.0 {
                    l2 = l2.sqrt();
                }
                let (fx, fy) = (dx * k / l2, dy * k / l2);
                sum_x += fx;
                sum_y += fy;
                ax[j] -= fx;
                ay[j] -= fy;
            }
            ax[i] += sum_x;
            ay[i] += sum_y;
        }
        for (body, (fx, fy)) in self.bodies.iter_mut().zip(ax.into_iter().zip(ay)) {
            body.vx += fx;
            body.vy += fy;
        }
    }

    /// d3 forceX/forceY towards the origin.
    fn apply_gravity(&mut self, alpha: f64) {
        let k = self.params.gravity * alpha;
        for body in &mut self.bodies {
            body.vx -= body.x * k;
            body.vy -= body.y * k;
        }
    }

    /// Pulls grouped nodes towards their group's current centroid.
    fn apply_groups(&mut self, alpha: f64) {
        let k = self.params.group_strength * alpha;
        if k == 0.0 {
            return;
        }
        let groups = self
            .bodies
            .iter()
            .filter_map(|b| b.group)
            .max()
            .map_or(0, |g| g + 1);
        let mut sums = vec![(0.0, 0.0, 0usize); groups];
        for body in &self.bodies {
            if let Some(g) = body.group {
                sums[g].0 += body.x;
                sums[g].1 += body.y;
                sums[g].2 += 1;
            }
        }
        for body in &mut self.bodies {
            if let Some(g) = body.group {
                let (sx, sy, count) = sums[g];
                let count = count as f64;
                body.vx += (sx / count - body.x) * k;
                body.vy += (sy / count - body.y) * k;
            }
        }
    }

    /// d3 forceCenter: translates all nodes so their mean is the origin.
    fn apply_center(&mut self) {
        if self.bodies.is_empty() {
            return;
        }
        let n = self.bodies.len() as f64;
        let mx = self.bodies.iter().map(|b| b.x).sum::<f64>() / n;
        let my = self.bodies.iter().map(|b| b.y).sum::<f64>() / n;
        for body in &mut self.bodies {
            body.x -= mx;
            body.y -= my;
        }
    }

    /// Footprint collision on predicted positions (like d3 forceCollide), pushing each
    /// overlapping pair apart along the axis where they overlap least; the larger
    /// footprint moves less.
    fn apply_collision(&mut self) {
        let strength = self.params.collision_strength;
        let padding = self.params.collision_padding.max(0.0);
        // Pairs are found once per iteration; the margin catches pairs that velocity
        // changes earlier in the same iteration bring together.
        for (i, j) in self.near_pairs(true, padding + COLLISION_MARGIN_PX) {
            let (a, b) = (&self.bodies[i], &self.bodies[j]);
            let Some((dx, dy)) = separation(
                a.footprint,
                a.x + a.vx,
                a.y + a.vy,
                b.footprint,
                b.x + b.vx,
                b.y + b.vy,
                padding,
            ) else {
                continue;
            };
            let share_a = mass_share(a.footprint, b.footprint);
            let a = &mut self.bodies[i];
            a.vx -= dx * strength * share_a;
            a.vy -= dy * strength * share_a;
            let b = &mut self.bodies[j];
            b.vx += dx * strength * (1.0 - share_a);
            b.vy += dy * strength * (1.0 - share_a);
        }
    }

    /// Broad phase (sweep and prune on x): index pairs whose footprints, at current or
    /// predicted (`x + vx`) positions, come within `reach` px of each other. Sorting makes
    /// collision roughly O(n log n + pairs) instead of O(n²); ties sort by index so the pair
    /// order, and thus the result, is deterministic.
    fn near_pairs(&self, predicted: bool, reach: f64) -> Vec<(usize, usize)> {
        let half = reach / 2.0 + 1e-6;
        let boxes: Vec<[f64; 4]> = self
            .bodies
            .iter()
            .map(|b| {
                let (x, y) = if predicted {
                    (b.x + b.vx, b.y + b.vy)
                } else {
                    (b.x, b.y)
                };
                let f = b.footprint;
                [
                    x + f.left - half,
                    x + f.right + half,
                    y + f.top - half,
                    y + f.bottom + half,
                ]
            })
            .collect();
        let mut order: Vec<usize> = (0..boxes.len()).collect();
        crate::sorting::sort_by(&mut order, |&a, &b| {
            boxes[a][0].total_cmp(&boxes[b][0]).then(a.cmp(&b))
        });
        let mut pairs = Vec::new();
        for (rank, &i) in order.iter().enumerate() {
            let [_, right, top, bottom] = boxes[i];
            for &j in &order[rank + 1..] {
                if boxes[j][0] >= right {
                    break;
                }
                if boxes[j][2] < bottom && top < boxes[j][3] {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
        pairs
    }

    /// Removes remaining footprint overlaps by moving positions directly, optionally keeping
    /// footprints inside `bounds`. Returns true when no overlap is left.
    ///
    /// Pairwise pushes can cycle in a jammed cluster, so without bounds every 20 passes the
    /// whole layout is also spread by 3 % about its centroid: spreading only ever separates
    /// footprints, which guarantees termination. With bounds there is no room to spread and
    /// the result is best effort.
    pub fn resolve_overlaps(&mut self, max_passes: usize, bounds: Option<Rect>) -> bool {
        let padding = self.params.collision_padding.max(0.0);
        for pass in 1..=max_passes {
            let pairs = self.near_pairs(false, padding);
            if pairs.is_empty() {
                return true;
            }
            if bounds.is_none() && pass % EXPAND_EVERY == 0 {
                self.expand(EXPAND_FACTOR);
            }
            for (i, j) in pairs {
                let (a, b) = (&self.bodies[i], &self.bodies[j]);
                let Some((dx, dy)) =
                    separation(a.footprint, a.x, a.y, b.footprint, b.x, b.y, padding)
                else {
                    continue;
                };
                // Overshooting by a fixed slop lets jammed chains open up in a few
                // passes; exact pushes only converge geometrically.
                let (dx, dy) = (
                    dx + RESOLVE_SLOP_PX * dx.signum() * f64::from(dx != 0.0),
                    dy + RESOLVE_SLOP_PX * dy.signum() * f64::from(dy != 0.0),
                );
                let share_a = mass_share(a.footprint, b.footprint);
                let a = &mut self.bodies[i];
                a.x -= dx * share_a;
                a.y -= dy * share_a;
                let b = &mut self.bodies[j];
                b.x += dx * (1.0 - share_a);
                b.y += dy * (1.0 - share_a);
            }
            if let Some(bounds) = bounds {
                self.clamp_into(bounds);
            }
        }
        !self.has_overlap()
    }

    /// Scales positions about their centroid.
    fn expand(&mut self, factor: f64) {
        let n = self.bodies.len().max(1) as f64;
        let mx = self.bodies.iter().map(|b| b.x).sum::<f64>() / n;
        let my = self.bodies.iter().map(|b| b.y).sum::<f64>() / n;
        for body in &mut self.bodies {
            body.x = mx + (body.x - mx) * factor;
            body.y = my + (body.y - my) * factor;
        }
    }

    /// True when two footprints are closer than the collision padding.
    fn has_overlap(&self) -> bool {
        let padding = self.params.collision_padding.max(0.0);
        self.near_pairs(false, padding).into_iter().any(|(i, j)| {
            let (a, b) = (&self.bodies[i], &self.bodies[j]);
            separation(a.footprint, a.x, a.y, b.footprint, b.x, b.y, padding).is_some()
        })
    }

    /// Moves each node so its footprint lies inside `bounds` (centred if it cannot fit).
    fn clamp_into(&mut self, bounds: Rect) {
        for body in &mut self.bodies {
            body.x = clamp_axis(
                body.x,
                body.footprint.left,
                body.footprint.right,
                bounds.x,
                bounds.right(),
            );
            body.y = clamp_axis(
                body.y,
                body.footprint.top,
                body.footprint.bottom,
                bounds.y,
                bounds.bottom(),
            );
        }
    }

    /// Footprint boxes at the current positions, for tests and debugging overlays.
    pub fn footprints(&self) -> Vec<Rect> {
        self.bodies
            .iter()
            .map(|b| b.footprint.rect_at(b.x, b.y))
            .collect()
    }
}

fn clamp_axis(value: f64, low_offset: f64, high_offset: f64, min: f64, max: f64) -> f64 {
    let (low, high) = (min - low_offset, max - high_offset);
    if low <= high {
        value.clamp(low, high)
    } else {
        (low + high) / 2.0
    }
}

/// The push `(dx, dy)` that separates footprint `b` from `a` (apply `-share` to `a` and
/// `1 - share` to `b`), or `None` when they are at least `padding` apart.
fn separation(
    fa: Footprint,
    ax: f64,
    ay: f64,
    fb: Footprint,
    bx: f64,
    by: f64,
    padding: f64,
) -> Option<(f64, f64)> {
    let overlap_x = (ax + fa.right).min(bx + fb.right) - (ax + fa.left).max(bx + fb.left) + padding;
    let overlap_y = (ay + fa.bottom).min(by + fb.bottom) - (ay + fa.top).max(by + fb.top) + padding;
    if overlap_x <= 0.0 || overlap_y <= 0.0 {
        return None;
    }
    // Which way b lies from a, by box centres; exact ties push b right/down so the result
    // does not depend on randomness.
    let centre_dx = (bx + (fb.left + fb.right) / 2.0) - (ax + (fa.left + fa.right) / 2.0);
    let centre_dy = (by + (fb.top + fb.bottom) / 2.0) - (ay + (fa.top + fa.bottom) / 2.0);
    if overlap_x <= overlap_y {
        Some((overlap_x * sign(centre_dx), 0.0))
    } else {
        Some((0.0, overlap_y * sign(centre_dy)))
    }
}

fn sign(value: f64) -> f64 {
    if value < 0.0 {
        -1.0
    } else {
        1.0
    }
}

/// Fraction of a collision correction taken by `a`: inversely proportional to its area.
fn mass_share(a: Footprint, b: Footprint) -> f64 {
    let (area_a, area_b) = (a.area(), b.area());
    if area_a + area_b > 0.0 {
        area_b / (area_a + area_b)
    } else {
        0.5
    }
}

fn build_links(nodes: &[ForceNode], edges: &[ForceEdge], params: &ForceParams) -> Vec<Link> {
    let valid: Vec<&ForceEdge> = edges
        .iter()
        .filter(|e| {
            e.source < nodes.len()
                && e.target < nodes.len()
                && e.source != e.target
                && e.weight.is_finite()
                && e.weight > 0.0
        })
        .collect();
    let mut degree = vec![0usize; nodes.len()];
    for edge in &valid {
        degree[edge.source] += 1;
        degree[edge.target] += 1;
    }
    let max_weight = valid.iter().map(|e| e.weight).fold(0.0, f64::max);
    valid
        .iter()
        .map(|edge| {
            let (ds, dt) = (degree[edge.source] as f64, degree[edge.target] as f64);
            let radii = finite_or_zero(nodes[edge.source].radius)
                + finite_or_zero(nodes[edge.target].radius);
            Link {
                source: edge.source,
                target: edge.target,
                distance: params.link_distance + radii,
                strength: params.link_strength * (edge.weight / max_weight) / ds.min(dt),
                bias: ds / (ds + dt),
            }
        })
        .collect()
}

/// Result of [`force_layout`].
#[derive(Clone, Debug, PartialEq)]
pub struct ForceLayout {
    /// Node centres in the output box, in input order.
    pub positions: Vec<Point>,
    /// Simulation ticks run.
    pub ticks: usize,
    /// False only when the box is too small to separate every footprint.
    pub overlap_free: bool,
}

/// Lays out the graph and fits it into `[padding, width - padding] × [padding, height -
/// padding]`: runs the simulation to rest, removes residual overlaps, then scales each axis
/// (enlarging by at most 1.5×, so a tiny graph is not blown up) and centres the footprints
/// in the box. If the graph had to shrink, overlaps are resolved again inside the box.
pub fn force_layout(
    nodes: &[ForceNode],
    edges: &[ForceEdge],
    params: &ForceParams,
    width: f64,
    height: f64,
    padding: f64,
) -> ForceLayout {
    const MAX_SCALE: f64 = 1.5;
    const RESOLVE_PASSES: usize = 400;
    let mut sim = Simulation::new(nodes, edges, params.clone());
    sim.run();
    sim.resolve_overlaps(RESOLVE_PASSES, None);

    let inner = Rect::new(
        padding,
        padding,
        (width - 2.0 * padding).max(0.0),
        (height - 2.0 * padding).max(0.0),
    );
    let shrunk = fit_bodies(&mut sim.bodies, inner, MAX_SCALE);
    let overlap_free = if shrunk {
        sim.resolve_overlaps(RESOLVE_PASSES, Some(inner))
    } else {
        !sim.has_overlap()
    };
    ForceLayout {
        positions: sim.positions(),
        ticks: sim.ticks(),
        overlap_free,
    }
}

/// Scales and translates positions so all footprints fit `inner`, each axis independently
/// and by at most `max_scale`. Returns true when an axis had to shrink (which can create
/// overlaps).
fn fit_bodies(bodies: &mut [Body], inner: Rect, max_scale: f64) -> bool {
    if bodies.is_empty() {
        return false;
    }
    let extent = |pos: fn(&Body) -> f64, lo: fn(&Footprint) -> f64, hi: fn(&Footprint) -> f64| {
        let min_pos = bodies.iter().map(pos).fold(f64::INFINITY, f64::min);
        let max_pos = bodies.iter().map(pos).fold(f64::NEG_INFINITY, f64::max);
        let min_lo = bodies
            .iter()
            .map(|b| lo(&b.footprint))
            .fold(f64::INFINITY, f64::min);
        let max_hi = bodies
            .iter()
            .map(|b| hi(&b.footprint))
            .fold(f64::NEG_INFINITY, f64::max);
        (min_pos, max_pos, max_hi - min_lo)
    };
    let (min_x, max_x, reach_x) = extent(|b| b.x, |f| f.left, |f| f.right);
    let (min_y, max_y, reach_y) = extent(|b| b.y, |f| f.top, |f| f.bottom);
    // Conservative: positions span s·(max − min); footprints add at most their reach.
    let scale_for = |span: f64, reach: f64, room: f64| {
        if span > 0.0 {
            ((room - reach) / span).clamp(0.0, max_scale)
        } else {
            1.0
        }
    };
    let sx = scale_for(max_x - min_x, reach_x, inner.w);
    let sy = scale_for(max_y - min_y, reach_y, inner.h);
    for body in bodies.iter_mut() {
        body.x = (body.x - min_x) * sx;
        body.y = (body.y - min_y) * sy;
    }
    // Centre the footprints' actual bounding box in the inner rectangle.
    let left = bodies
        .iter()
        .map(|b| b.x + b.footprint.left)
        .fold(f64::INFINITY, f64::min);
    let right = bodies
        .iter()
        .map(|b| b.x + b.footprint.right)
        .fold(f64::NEG_INFINITY, f64::max);
    let top = bodies
        .iter()
        .map(|b| b.y + b.footprint.top)
        .fold(f64::INFINITY, f64::min);
    let bottom = bodies
        .iter()
        .map(|b| b.y + b.footprint.bottom)
        .fold(f64::NEG_INFINITY, f64::max);
    let shift_x = inner.x + (inner.w - (right - left)) / 2.0 - left;
    let shift_y = inner.y + (inner.h - (bottom - top)) / 2.0 - top;
    for body in bodies.iter_mut() {
        body.x += shift_x;
        body.y += shift_y;
    }
    sx < 1.0 || sy < 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic test graph: `n` nodes in `groups` clusters, each cluster a ring with
    /// a few chords, clusters joined by single weak links.
    fn graph(n: usize, groups: usize) -> (Vec<ForceNode>, Vec<ForceEdge>) {
        let mut rng = SplitMix64(7);
        let nodes: Vec<ForceNode> = (0..n)
            .map(|i| ForceNode {
                radius: 4.0 + (rng.next_f64() * 8.0).floor(),
                label_width: 30.0 + (rng.next_f64() * 50.0).floor(),
                label_height: 13.0,
                group: Some(i % groups),
                initial: None,
            })
            .collect();
        let mut edges = Vec::new();
        for g in 0..groups {
            let members: Vec<usize> = (0..n).filter(|i| i % groups == g).collect();
            for k in 0..members.len() {
                let weight = 1.0 + (rng.next_f64() * 4.0).floor();
                edges.push(ForceEdge {
                    source: members[k],
                    target: members[(k + 1) % members.len()],
                    weight,
                });
                if k % 3 == 0 && members.len() > 4 {
                    edges.push(ForceEdge {
                        source: members[k],
                        target: members[(k + members.len() / 2) % members.len()],
                        weight: 1.0,
                    });
                }
            }
            if g > 0 {
                edges.push(ForceEdge {
                    source: g - 1,
                    target: g,
                    weight: 0.5,
                });
            }
        }
        (nodes, edges)
    }

    fn mean(values: impl Iterator<Item = f64>) -> f64 {
        let (sum, count) = values.fold((0.0, 0usize), |(s, c), v| (s + v, c + 1));
        sum / count.max(1) as f64
    }

    #[test]
    fn phyllotaxis_matches_d3_first_points() {
        let points = phyllotaxis(3);
        let r0 = 10.0 * 0.5_f64.sqrt();
        assert!((points[0].x - r0).abs() < 1e-12 && points[0].y.abs() < 1e-12);
        let angle = std::f64::consts::PI * (3.0 - 5.0_f64.sqrt());
        let r1 = 10.0 * 1.5_f64.sqrt();
        assert!((points[1].x - r1 * angle.cos()).abs() < 1e-9);
        assert!((points[1].y - r1 * angle.sin()).abs() < 1e-9);
        let r2 = 10.0 * 2.5_f64.sqrt();
        assert!((points[2].x - r2 * (2.0 * angle).cos()).abs() < 1e-9);
        assert!((PHYLLO_COS - angle.cos()).abs() < 1e-15);
        assert!((PHYLLO_SIN - angle.sin()).abs() < 1e-15);
    }

    #[test]
    fn default_cooling_takes_about_300_ticks() {
        assert!(
            (ForceParams::default().alpha_decay - (1.0 - 0.001_f64.powf(1.0 / 300.0))).abs()
                < 1e-15
        );
        let (nodes, edges) = graph(10, 2);
        let mut sim = Simulation::new(&nodes, &edges, ForceParams::default());
        sim.run();
        assert!((299..=301).contains(&sim.ticks()), "{}", sim.ticks());
        assert!(sim.alpha() < 0.001);
    }

    #[test]
    fn identical_input_gives_bit_identical_output() {
        let (nodes, edges) = graph(60, 4);
        let params = ForceParams {
            group_strength: 0.1,
            ..ForceParams::default()
        };
        let a = force_layout(&nodes, &edges, &params, 900.0, 700.0, 20.0);
        let b = force_layout(&nodes, &edges, &params, 900.0, 700.0, 20.0);
        let bits = |l: &ForceLayout| -> Vec<(u64, u64)> {
            l.positions
                .iter()
                .map(|p| (p.x.to_bits(), p.y.to_bits()))
                .collect()
        };
        assert_eq!(bits(&a), bits(&b));
    }

    #[test]
    fn sixty_nodes_end_without_overlapping_circles_or_labels_inside_the_box() {
        let (nodes, edges) = graph(60, 4);
        let (w, h, pad) = (900.0, 700.0, 20.0);
        let params = ForceParams::default();
        let layout = force_layout(&nodes, &edges, &params, w, h, pad);
        assert!(layout.overlap_free);
        let p = &layout.positions;
        for i in 0..nodes.len() {
            let r = nodes[i].radius;
            assert!(
                p[i].x - r >= pad - 1e-6 && p[i].x + r <= w - pad + 1e-6,
                "{i} {:?}",
                p[i]
            );
            assert!(
                p[i].y - r >= pad - 1e-6 && p[i].y + r <= h - pad + 1e-6,
                "{i} {:?}",
                p[i]
            );
            for j in i + 1..nodes.len() {
                let d = p[i].distance(p[j]);
                assert!(
                    d >= nodes[i].radius + nodes[j].radius,
                    "circles {i} and {j} overlap"
                );
            }
        }
        // Labels to the right of each node do not overlap either.
        let labels: Vec<Rect> = (0..nodes.len())
            .map(|i| {
                Rect::new(
                    p[i].x + nodes[i].radius + params.label_gap,
                    p[i].y - nodes[i].label_height / 2.0,
                    nodes[i].label_width,
                    nodes[i].label_height,
                )
            })
            .collect();
        for i in 0..labels.len() {
            for j in i + 1..labels.len() {
                assert!(
                    !labels[i].overlaps(&labels[j]),
                    "labels {i} and {j} overlap"
                );
            }
        }
    }

    #[test]
    fn linked_nodes_end_closer_than_average() {
        let (nodes, edges) = graph(60, 4);
        let layout = force_layout(&nodes, &edges, &ForceParams::default(), 900.0, 700.0, 20.0);
        let p = &layout.positions;
        let linked = mean(edges.iter().map(|e| p[e.source].distance(p[e.target])));
        let all = mean(
            (0..p.len())
                .flat_map(|i| (i + 1..p.len()).map(move |j| (i, j)))
                .map(|(i, j)| p[i].distance(p[j])),
        );
        assert!(linked < 0.7 * all, "linked {linked:.1} vs all {all:.1}");
    }

    #[test]
    fn heavier_links_pull_harder() {
        // A path a–b–c where a–b is much heavier than b–c, with a third node pushing them.
        let nodes = vec![
            ForceNode {
                radius: 5.0,
                ..ForceNode::default()
            };
            3
        ];
        let edges = [
            ForceEdge {
                source: 0,
                target: 1,
                weight: 10.0,
            },
            ForceEdge {
                source: 1,
                target: 2,
                weight: 1.0,
            },
            ForceEdge {
                source: 0,
                target: 2,
                weight: 1.0,
            },
        ];
        let mut sim = Simulation::new(
            &nodes,
            &edges,
            ForceParams {
                charge: -400.0,
                ..ForceParams::default()
            },
        );
        sim.run();
        let p = sim.positions();
        assert!(p[0].distance(p[1]) < p[1].distance(p[2]));
    }

    #[test]
    fn group_attraction_clusters_unlinked_nodes() {
        let nodes: Vec<ForceNode> = (0..40)
            .map(|i| ForceNode {
                radius: 4.0,
                group: Some(i % 2),
                ..ForceNode::default()
            })
            .collect();
        let spread = |strength: f64| {
            let params = ForceParams {
                group_strength: strength,
                ..ForceParams::default()
            };
            let mut sim = Simulation::new(&nodes, &[], params);
            sim.run();
            let p = sim.positions();
            let pairs = (0..40).flat_map(|i| (i + 1..40).map(move |j| (i, j)));
            let same = mean(
                pairs
                    .clone()
                    .filter(|(i, j)| i % 2 == j % 2)
                    .map(|(i, j)| p[i].distance(p[j])),
            );
            let other = mean(
                pairs
                    .filter(|(i, j)| i % 2 != j % 2)
                    .map(|(i, j)| p[i].distance(p[j])),
            );
            same / other
        };
        let without = spread(0.0);
        let with = spread(0.5);
        assert!(with < 0.8 * without, "with {with:.2} without {without:.2}");
    }

    /// Every force off; tests turn on the one they look at.
    fn quiet() -> ForceParams {
        ForceParams {
            charge: 0.0,
            gravity: 0.0,
            group_strength: 0.0,
            collision_iterations: 0,
            collision_padding: 0.0,
            ..ForceParams::default()
        }
    }

    /// Two nodes of radius 10 starting at `a` and `b`.
    fn pair(a: (f64, f64), b: (f64, f64), group: Option<usize>, params: ForceParams) -> Simulation {
        let node = |(x, y): (f64, f64)| ForceNode {
            radius: 10.0,
            group,
            initial: Some(Point::new(x, y)),
            ..ForceNode::default()
        };
        Simulation::new(&[node(a), node(b)], &[], params)
    }

    #[test]
    fn the_jiggle_is_a_tiny_nudge_either_way() {
        let mut rng = SplitMix64(ForceParams::default().seed);
        let nudges: Vec<f64> = (0..1000).map(|_| rng.jiggle()).collect();
        assert!(nudges.iter().all(|j| j.abs() <= 5e-7), "{nudges:?}");
        assert!(nudges.iter().any(|&j| j < 0.0) && nudges.iter().any(|&j| j > 0.0));
    }

    #[test]
    fn a_group_pulls_its_members_towards_its_centre() {
        let params = ForceParams {
            group_strength: 0.5,
            ..quiet()
        };
        let mut sim = pair((-10.0, 3.0), (10.0, 3.0), Some(0), params);
        sim.tick();
        let p = sim.positions();
        assert!(p[1].x - p[0].x < 19.0, "{p:?}");
        assert!((p[1].y - p[0].y).abs() < 1e-12, "{p:?}");
    }

    #[test]
    fn a_weak_collision_pushes_two_equal_nodes_apart_by_the_same_amount() {
        let params = ForceParams {
            collision_strength: 0.5,
            collision_iterations: 1,
            ..quiet()
        };
        let mut sim = pair((-2.0, 0.0), (2.0, 0.0), None, params);
        sim.tick();
        let p = sim.positions();
        assert!(p[1].x - p[0].x > 5.0, "{p:?}");
        assert!((p[0].x + p[1].x).abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn small_and_degenerate_inputs_do_not_panic() {
        let empty = force_layout(&[], &[], &ForceParams::default(), 100.0, 100.0, 10.0);
        assert!(empty.positions.is_empty());
        let one = force_layout(
            &[ForceNode {
                radius: 5.0,
                ..ForceNode::default()
            }],
            &[],
            &ForceParams::default(),
            200.0,
            100.0,
            10.0,
        );
        assert!(
            (one.positions[0].x - 100.0).abs() < 1e-9 && (one.positions[0].y - 50.0).abs() < 1e-9
        );
        // Coincident initial positions, bad edges and NaN sizes.
        let nodes = vec![
            ForceNode {
                radius: f64::NAN,
                initial: Some(Point::new(1.0, 1.0)),
                ..ForceNode::default()
            },
            ForceNode {
                radius: 3.0,
                initial: Some(Point::new(1.0, 1.0)),
                ..ForceNode::default()
            },
        ];
        let edges = [
            ForceEdge {
                source: 0,
                target: 9,
                weight: 1.0,
            },
            // One past the last node, either end.
            ForceEdge {
                source: 0,
                target: 2,
                weight: 1.0,
            },
            ForceEdge {
                source: 2,
                target: 1,
                weight: 1.0,
            },
            ForceEdge {
                source: 1,
                target: 1,
                weight: 1.0,
            },
            ForceEdge {
                source: 0,
                target: 1,
                weight: f64::NAN,
            },
        ];
        let layout = force_layout(&nodes, &edges, &ForceParams::default(), 300.0, 300.0, 10.0);
        assert!(layout
            .positions
            .iter()
            .all(|p| p.x.is_finite() && p.y.is_finite()));
        assert!(layout.overlap_free);
    }

    #[test]
    fn fitting_reports_a_shrink_on_either_axis() {
        let body = |x: f64, y: f64| Body {
            x,
            y,
            vx: 0.0,
            vy: 0.0,
            footprint: Footprint {
                left: -1.0,
                right: 1.0,
                top: -1.0,
                bottom: 1.0,
            },
            group: None,
        };
        // Two bodies 200 apart side by side: a frame 100 wide shrinks x alone, one 100
        // tall y alone; a large frame shrinks neither.
        let wide = || vec![body(0.0, 0.0), body(200.0, 0.0)];
        let tall = || vec![body(0.0, 0.0), body(0.0, 200.0)];
        assert!(fit_bodies(
            &mut wide(),
            Rect::new(0.0, 0.0, 100.0, 400.0),
            1.0
        ));
        assert!(fit_bodies(
            &mut tall(),
            Rect::new(0.0, 0.0, 400.0, 100.0),
            1.0
        ));
        assert!(!fit_bodies(
            &mut wide(),
            Rect::new(0.0, 0.0, 400.0, 400.0),
            1.0
        ));
    }

    fn overlapping_pairs(rects: &[Rect]) -> usize {
        (0..rects.len())
            .map(|i| {
                rects[i + 1..]
                    .iter()
                    .filter(|r| r.overlaps(&rects[i]))
                    .count()
            })
            .sum()
    }

    #[test]
    fn collision_force_keeps_footprints_apart_during_the_simulation() {
        let (nodes, edges) = graph(60, 4);
        // Strong gravity and short links squeeze the graph so collision has work to do.
        let squeeze = ForceParams {
            gravity: 0.3,
            link_distance: 5.0,
            ..ForceParams::default()
        };
        let overlaps_with = |iterations: usize| {
            let params = ForceParams {
                collision_iterations: iterations,
                ..squeeze.clone()
            };
            let mut sim = Simulation::new(&nodes, &edges, params);
            sim.run();
            overlapping_pairs(&sim.footprints())
        };
        let without = overlaps_with(0);
        let with = overlaps_with(2);
        assert!(
            without > 50,
            "the squeeze should create overlaps: {without}"
        );
        assert!(
            with * 10 < without,
            "collision left {with} of {without} overlaps"
        );
    }

    #[test]
    fn resolve_overlaps_untangles_a_pile_of_nodes() {
        // Every node starts within a pixel of the origin and no force runs at all.
        let nodes: Vec<ForceNode> = (0..50)
            .map(|i| ForceNode {
                radius: 5.0,
                label_width: 40.0,
                label_height: 12.0,
                initial: Some(Point::new(f64::from(i % 3) * 0.1, f64::from(i % 5) * 0.1)),
                ..ForceNode::default()
            })
            .collect();
        let mut sim = Simulation::new(&nodes, &[], ForceParams::default());
        assert!(overlapping_pairs(&sim.footprints()) > 1000);
        assert!(sim.resolve_overlaps(2000, None));
        let padded: Vec<Rect> = sim.footprints().iter().map(|r| r.inflate(1.99)).collect();
        assert_eq!(overlapping_pairs(&padded), 0, "padding of 4 px is kept");
    }

    #[test]
    fn a_too_small_box_is_reported() {
        let (nodes, edges) = graph(60, 4);
        let layout = force_layout(&nodes, &edges, &ForceParams::default(), 120.0, 120.0, 5.0);
        assert!(!layout.overlap_free);
        assert!(layout
            .positions
            .iter()
            .all(|p| p.x.is_finite() && p.y.is_finite()));
    }

    #[test]
    fn below_labels_shape_the_footprint() {
        let node = ForceNode {
            radius: 5.0,
            label_width: 40.0,
            label_height: 12.0,
            ..ForceNode::default()
        };
        let params = ForceParams {
            label_side: LabelSide::Below,
            label_gap: 2.0,
            ..ForceParams::default()
        };
        let f = Footprint::of(&node, &params);
        assert_eq!(
            (f.left, f.right, f.top, f.bottom),
            (-20.0, 20.0, -5.0, 19.0)
        );
        let f = Footprint::of(
            &node,
            &ForceParams {
                label_side: LabelSide::Ignore,
                ..params
            },
        );
        assert_eq!((f.left, f.right, f.top, f.bottom), (-5.0, 5.0, -5.0, 5.0));
    }
}
