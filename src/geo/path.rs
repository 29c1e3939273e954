//! SVG path `d` strings in map units, computed **once**.
//!
//! The view pans and zooms with an SVG `transform` (see [`viewport`](super::viewport)), so
//! the basemap is projected a single time at start-up ([`embedded_paths`]) and never again.
//! Coordinates are rounded to a fixed number of decimals (2 for the world layer, i.e. 0.01°,
//! 3 for detail layers) on an integer grid, and every subpath is written as one absolute
//! `M` followed by relative `l` steps computed on that grid: exact (no drift), short, and
//! points that round onto the previous one are dropped.
//!
//! Everything goes through [`seam`](super::seam), so lines and rings that cross the
//! projection seam are cut instead of streaking across the map.
//!
//! Coastlines and borders are derived from the polygons: a ring segment shared (in either
//! direction) by two countries is a border, a segment used once is coast, and a segment
//! lying on the layer frame is a clip artefact (the detail box edge, the 180° cut of the
//! source data) and is not stroked.

use std::sync::OnceLock;

use super::basemap::{Basemap, Layer};
use super::projection::{project_rel, world_rect};
use super::seam::{split_line, split_ring};
use super::steps::LayerProjection;
use super::{LonLat, LonLatBox, MapPoint};
use crate::numfmt::push_scaled;
use rustc_hash::FxHashMap;

/// Decimals for the coarse world layer (0.01 map unit ≈ 0.01°).
pub const WORLD_DECIMALS: u32 = 2;
/// Decimals for detail layers (≈ 100 m), enough at the maximum zoom.
pub const DETAIL_DECIMALS: u32 = 3;

/// One country's filled shape (all its polygons, holes by the even–odd rule).
#[derive(Clone, Debug, PartialEq)]
pub struct CountryPath {
    pub id: String,
    pub name: String,
    pub d: String,
}

/// A layer, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerPaths {
    pub name: String,
    /// The layer's clip box in degrees (the whole globe for the world layer).
    pub frame: LonLatBox,
    /// Outline of `frame` in map units, to fill with the sea colour under a detail layer so
    /// the coarse layer does not show through.
    pub frame_d: String,
    pub countries: Vec<CountryPath>,
    /// Coastlines (segments used by one country only).
    pub coast: String,
    /// Land borders (segments shared by two countries), each drawn once.
    pub borders: String,
}

impl LayerPaths {
    pub fn country(&self, id_or_name: &str) -> Option<&CountryPath> {
        self.countries
            .iter()
            .find(|c| c.id == id_or_name || c.name == id_or_name)
    }
}

/// The whole basemap, ready to draw: the world layer at once, each detail layer when it is
/// first asked for (the detail layers are most of the projecting and of the path text, and
/// only a view zoomed into their box draws them).
#[derive(Debug)]
pub struct BasemapPaths {
    /// Outline of the world map (sea background), see [`world_rect`].
    pub outline: String,
    pub world: LayerPaths,
    source: &'static Basemap,
    /// Same order as [`Basemap::details`].
    details: Vec<OnceLock<LayerPaths>>,
}

impl BasemapPaths {
    fn new(map: &'static Basemap, world: LayerPaths) -> Self {
        let r = world_rect();
        let mut outline = PathWriter::new(WORLD_DECIMALS);
        outline.ring([(r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1)]);
        BasemapPaths {
            outline: outline.finish(),
            world,
            source: map,
            details: map.details.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// Detail layer `i`'s projection, to run in steps, unless it is already made.
    pub fn detail_in_steps(&self, i: usize) -> Option<LayerProjection<'static>> {
        let (cell, layer) = (self.details.get(i)?, self.source.details.get(i)?);
        cell.get()
            .is_none()
            .then(|| LayerProjection::new(layer, DETAIL_DECIMALS))
    }

    /// Keeps detail layer `i` as projected in steps, unless it was made meanwhile.
    pub fn keep_detail(&self, i: usize, layer: LayerPaths) {
        if let Some(cell) = self.details.get(i) {
            let _ = cell.set(layer);
        }
    }

    /// Detail layer `i` (an index into [`Basemap::details`]), projected on first use.
    pub fn detail(&self, i: usize) -> Option<&LayerPaths> {
        let (cell, layer) = (self.details.get(i)?, self.source.details.get(i)?);
        Some(cell.get_or_init(|| layer_paths(layer, DETAIL_DECIMALS)))
    }

    pub fn detail_count(&self) -> usize {
        self.details.len()
    }
}

static EMBEDDED: OnceLock<BasemapPaths> = OnceLock::new();

/// The embedded basemap's paths, computed on first use and cached.
pub fn embedded_paths() -> &'static BasemapPaths {
    EMBEDDED.get_or_init(|| basemap_paths(Basemap::embedded()))
}

/// Keeps a world layer projected elsewhere (in steps, see [`steps`](super::steps)) as the
/// embedded basemap's, unless it was already made.
pub fn keep_embedded_world(world: LayerPaths) -> &'static BasemapPaths {
    EMBEDDED.get_or_init(|| BasemapPaths::new(Basemap::embedded(), world))
}

/// Paths for a whole basemap with the default precisions (detail layers on first use).
pub fn basemap_paths(map: &'static Basemap) -> BasemapPaths {
    BasemapPaths::new(map, layer_paths(&map.world, WORLD_DECIMALS))
}

/// Projects one layer into paths rounded to `decimals`.
pub fn layer_paths(layer: &Layer, decimals: u32) -> LayerPaths {
    LayerProjection::new(layer, decimals).finish()
}

/// Filled rings (lon/lat, implicitly closed), seam-cut and projected, as one path.
pub fn polygons_path<'a>(rings: impl IntoIterator<Item = &'a [LonLat]>, decimals: u32) -> String {
    let mut w = PathWriter::new(decimals);
    for ring in rings {
        write_ring(&mut w, ring);
    }
    w.finish()
}

/// Adds one filled ring (lon/lat, implicitly closed), seam-cut and projected.
pub fn write_ring(w: &mut PathWriter, ring: &[LonLat]) {
    for piece in split_ring(ring) {
        w.ring(piece.into_iter().map(|(u, lat)| project_rel(u, lat)));
    }
}

/// A polyline in lon/lat (a boundary, a pipeline), seam-cut and projected.
pub fn line_path(points: &[LonLat], decimals: u32) -> String {
    lines_path(std::iter::once(points), decimals)
}

/// Several polylines in one path.
pub fn lines_path<'a>(lines: impl IntoIterator<Item = &'a [LonLat]>, decimals: u32) -> String {
    let mut w = PathWriter::new(decimals);
    for line in lines {
        for piece in split_line(line) {
            w.line(piece.into_iter().map(|(u, lat)| project_rel(u, lat)));
        }
    }
    w.finish()
}

/// A closed outline of a lon/lat box (the projection is cylindrical: a rectangle).
pub fn box_path(b: LonLatBox, decimals: u32) -> String {
    polygons_path(
        [&[
            (b.west, b.south),
            (b.east, b.south),
            (b.east, b.north),
            (b.west, b.north),
        ][..]],
        decimals,
    )
}

/// Meridians and parallels every `step` degrees (parallels within ±80°), for a graticule.
pub fn graticule_path(step: f64, decimals: u32) -> String {
    let step = if step.is_finite() && step >= 1.0 {
        step
    } else {
        10.0
    };
    let mut lines: Vec<Vec<LonLat>> = Vec::new();
    let mut lon = -180.0;
    while lon < 180.0 {
        lines.push(vec![(lon, -80.0), (lon, 80.0)]);
        lon += step;
    }
    let mut lat = -80.0;
    while lat <= 80.0 {
        // Parallels in short steps so the seam cut lands exactly on the edge.
        let mut line = Vec::new();
        let mut l = -180.0;
        while l <= 180.0 {
            line.push((l, lat));
            l += step.min(10.0);
        }
        lines.push(line);
        lat += step;
    }
    lines_path(lines.iter().map(Vec::as_slice), decimals)
}

/// Segment classes used to derive strokes from polygons.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Coast,
    Border,
    Skip,
}

type Key = (u64, u64);

fn key((lon, lat): LonLat) -> Key {
    // Normalise -0.0 so that it matches 0.0.
    ((lon + 0.0).to_bits(), (lat + 0.0).to_bits())
}

/// True for a segment along the layer frame. A step from +180 to −180 is *not* one: Natural
/// Earth rings jump there where the coast crosses the meridian, and the short step (unwrapped
/// by the seam code) is real coastline.
fn on_frame(a: LonLat, b: LonLat, f: &LonLatBox) -> bool {
    (a.0 == b.0 && (a.0 == f.west || a.0 == f.east))
        || (a.1 == b.1 && (a.1 == f.south || a.1 == f.north))
}

/// The closing segments of an implicitly closed ring.
fn segments(ring: &[LonLat]) -> impl Iterator<Item = (LonLat, LonLat)> + '_ {
    let n = ring.len();
    (0..n).map(move |i| (ring[i], ring[(i + 1) % n]))
}

/// Coast and border polylines (lon/lat) of a layer, see the module docs.
pub fn coast_and_borders(layer: &Layer) -> (Vec<Vec<LonLat>>, Vec<Vec<LonLat>>) {
    // Undirected segment -> the countries using it, summed up.
    let segment_count = layer
        .countries
        .iter()
        .flat_map(|c| c.polygons.iter().flatten())
        .map(Vec::len)
        .sum();
    let mut owners: FxHashMap<(Key, Key), Owners> =
        FxHashMap::with_capacity_and_hasher(segment_count, Default::default());
    let canon = |a: LonLat, b: LonLat| {
        let (ka, kb) = (key(a), key(b));
        if ka <= kb {
            (ka, kb)
        } else {
            (kb, ka)
        }
    };
    for (ci, c) in layer.countries.iter().enumerate() {
        for ring in c.polygons.iter().flatten() {
            for (a, b) in segments(ring) {
                if a != b && !on_frame(a, b, &layer.frame) {
                    owners
                        .entry(canon(a, b))
                        .and_modify(|o| o.add(ci))
                        .or_insert(Owners::new(ci));
                }
            }
        }
    }
    let classify = |ci: usize, a: LonLat, b: LonLat| -> Class {
        if a == b || on_frame(a, b, &layer.frame) {
            return Class::Skip;
        }
        match owners.get(&canon(a, b)) {
            Some(o) if !o.shared => Class::Coast,
            // An internal edge between two polygons of one country.
            Some(o) if o.one_country => Class::Skip,
            // Drawn by the lowest-index owner only.
            Some(o) if o.lowest == ci => Class::Border,
            Some(_) | None => Class::Skip,
        }
    };
    let mut coast = Vec::new();
    let mut borders = Vec::new();
    for (ci, c) in layer.countries.iter().enumerate() {
        for ring in c.polygons.iter().flatten() {
            let n = ring.len();
            let classes: Vec<Class> = segments(ring).map(|(a, b)| classify(ci, a, b)).collect();
            // Start the walk where the class changes, so runs are not broken at index 0.
            let start = (0..n)
                .find(|&i| classes[i] != classes[(i + n - 1) % n])
                .unwrap_or(0);
            let mut run: Vec<LonLat> = Vec::new();
            let mut run_class = Class::Skip;
            for step in 0..n {
                let i = (start + step) % n;
                let class = classes[i];
                if class != run_class {
                    flush(&mut run, run_class, &mut coast, &mut borders);
                    run_class = class;
                }
                if class != Class::Skip {
                    if run.is_empty() {
                        run.push(ring[i]);
                    }
                    run.push(ring[(i + 1) % n]);
                }
            }
            flush(&mut run, run_class, &mut coast, &mut borders);
        }
    }
    (coast, borders)
}

/// The countries using one segment, as much as classifying it needs rather than a list
/// (a list per segment was most of the allocations of projecting).
#[derive(Clone, Copy)]
struct Owners {
    /// The lowest country index among them.
    lowest: usize,
    /// Whether more than one ring uses it.
    shared: bool,
    /// Whether all of them are the same country.
    one_country: bool,
}

impl Owners {
    fn new(country: usize) -> Self {
        Owners {
            lowest: country,
            shared: false,
            one_country: true,
        }
    }

    fn add(&mut self, country: usize) {
        self.shared = true;
        self.one_country &= country == self.lowest;
        self.lowest = self.lowest.min(country);
    }
}

fn flush(
    run: &mut Vec<LonLat>,
    class: Class,
    coast: &mut Vec<Vec<LonLat>>,
    borders: &mut Vec<Vec<LonLat>>,
) {
    let line = std::mem::take(run);
    if line.len() < 2 {
        return;
    }
    match class {
        Class::Coast => coast.push(line),
        Class::Border => borders.push(line),
        Class::Skip => {}
    }
}

/// Writes rounded, compact SVG path data.
pub struct PathWriter {
    out: String,
    decimals: u32,
    factor: f64,
}

impl PathWriter {
    pub fn new(decimals: u32) -> Self {
        let decimals = decimals.min(6);
        PathWriter {
            out: String::new(),
            decimals,
            factor: 10f64.powi(decimals as i32),
        }
    }

    fn grid(&self, (x, y): MapPoint) -> Option<(i64, i64)> {
        let (gx, gy) = ((x * self.factor).round(), (y * self.factor).round());
        (gx.is_finite() && gy.is_finite() && gx.abs() < 1e15 && gy.abs() < 1e15)
            .then_some((gx as i64, gy as i64))
    }

    fn points(&self, pts: impl IntoIterator<Item = MapPoint>) -> Vec<(i64, i64)> {
        let mut g: Vec<(i64, i64)> = pts.into_iter().filter_map(|p| self.grid(p)).collect();
        g.dedup();
        g
    }

    /// An open polyline; dropped if it rounds to fewer than two distinct points.
    pub fn line(&mut self, pts: impl IntoIterator<Item = MapPoint>) {
        let g = self.points(pts);
        if g.len() >= 2 {
            self.emit(&g, false);
        }
    }

    /// A closed ring; dropped if it rounds to fewer than three distinct points.
    pub fn ring(&mut self, pts: impl IntoIterator<Item = MapPoint>) {
        let mut g = self.points(pts);
        while g.len() > 1 && g.first() == g.last() {
            g.pop();
        }
        if g.len() >= 3 {
            self.emit(&g, true);
        }
    }

    fn emit(&mut self, g: &[(i64, i64)], close: bool) {
        self.out.push('M');
        self.num(g[0].0);
        self.out.push(',');
        self.num(g[0].1);
        self.out.push('l');
        for (i, w) in g.windows(2).enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.num(w[1].0 - w[0].0);
            self.out.push(',');
            self.num(w[1].1 - w[0].1);
        }
        if close {
            self.out.push('z');
        }
    }

    /// Writes `v / 10^decimals` with trailing zeros trimmed ("12.3", "-0.05", "7").
    fn num(&mut self, v: i64) {
        push_scaled(&mut self.out, v, self.decimals);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Parses a path written by [`PathWriter`] back into absolute subpaths (for tests and for
/// the sanity-image renderer).
pub fn parse_subpaths(d: &str) -> Vec<Vec<MapPoint>> {
    let mut subpaths: Vec<Vec<MapPoint>> = Vec::new();
    let mut rest = d;
    while let Some(m) = rest.find('M') {
        rest = &rest[m + 1..];
        let end = rest.find('M').unwrap_or(rest.len());
        let body = rest[..end].trim_end_matches('z');
        let (first, steps) = body.split_once('l').unwrap_or((body, ""));
        let pair = |s: &str| -> Option<MapPoint> {
            let (x, y) = s.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        };
        let Some(mut cur) = pair(first) else {
            continue;
        };
        let mut pts = vec![cur];
        for step in steps.split(' ').filter(|s| !s.is_empty()) {
            if let Some((dx, dy)) = pair(step) {
                cur = (cur.0 + dx, cur.1 + dy);
                pts.push(cur);
            }
        }
        subpaths.push(pts);
        rest = &rest[end..];
    }
    subpaths
}

#[cfg(test)]
mod tests {
    use super::super::basemap::{Country, LabelAnchor};
    use super::super::projection::{project, SEAM_LON};
    use super::*;

    fn max_dx(d: &str) -> f64 {
        parse_subpaths(d)
            .iter()
            .flat_map(|s| s.windows(2).map(|w| (w[1].0 - w[0].0).abs()))
            .fold(0.0, f64::max)
    }

    #[test]
    fn small_fractions_keep_their_leading_zeros() {
        let mut w = PathWriter::new(3);
        w.line([(0.005, -1.05), (0.0, 0.0)]);
        assert_eq!(w.finish(), "M0.005,-1.05l-0.005,1.05");
    }

    #[test]
    fn numbers_are_rounded_and_trimmed() {
        let mut w = PathWriter::new(2);
        w.line([(12.3, -45.678), (12.31, -45.0), (0.0, 0.0)]);
        assert_eq!(w.finish(), "M12.3,-45.68l0.01,0.68 -12.31,45");
        let mut w = PathWriter::new(3);
        w.ring([(0.0, 0.0), (0.001, 0.0), (1.0, 1.0), (-0.05, 1.0)]);
        assert_eq!(w.finish(), "M0,0l0.001,0 0.999,1 -1.05,0z");
    }

    #[test]
    fn duplicate_and_degenerate_subpaths_are_dropped() {
        let mut w = PathWriter::new(2);
        w.line([(1.0, 1.0), (1.001, 1.001)]);
        w.ring([(0.0, 0.0), (1.0, 0.0), (0.0, 0.0)]);
        w.line([(f64::NAN, 0.0), (1.0, 1.0)]);
        assert_eq!(w.finish(), "");
    }

    #[test]
    fn points_too_far_off_for_the_grid_are_dropped() {
        let mut w = PathWriter::new(2);
        w.line([(0.0, 0.0), (1.0, 1.0), (1e20, 0.0), (0.0, -1e20)]);
        assert_eq!(w.finish(), "M0,0l1,1");
    }

    #[test]
    fn relative_steps_do_not_drift() {
        let pts: Vec<MapPoint> = (0..1000).map(|i| (i as f64 * 0.0133, 0.0)).collect();
        let mut w = PathWriter::new(2);
        w.line(pts.iter().copied());
        let back = parse_subpaths(&w.finish());
        let last = back[0].last().unwrap();
        assert!((last.0 - 999.0 * 0.0133).abs() < 0.0051, "{last:?}");
    }

    #[test]
    fn parse_round_trip() {
        let d = "M1,2l3,4 -1,0.5zM-10.5,3l1,1";
        assert_eq!(
            parse_subpaths(d),
            vec![
                vec![(1.0, 2.0), (4.0, 6.0), (3.0, 6.5)],
                vec![(-10.5, 3.0), (-9.5, 4.0)]
            ]
        );
    }

    #[test]
    fn line_path_crossing_seam_has_no_streak() {
        let d = line_path(&[(-175.0, 60.0), (-160.0, 66.0)], 2);
        let subs = parse_subpaths(&d);
        assert_eq!(subs.len(), 2, "{d}");
        assert!(max_dx(&d) < 10.0, "{d}");
        // The straight version would streak across 345 units.
        let (xa, _) = project(-175.0, 60.0);
        let (xb, _) = project(-160.0, 66.0);
        assert!((xa - xb).abs() > 300.0);
    }

    #[test]
    fn box_path_is_a_projected_rectangle() {
        let d = box_path(LonLatBox::new(110.0, 30.0, 150.0, 52.0), 3);
        let subs = parse_subpaths(&d);
        assert_eq!(subs.len(), 1);
        let (x0, y0) = project(110.0, 52.0);
        let (x1, y1) = project(150.0, 30.0);
        for (x, y) in &subs[0] {
            assert!((x - x0).abs() < 1e-3 || (x - x1).abs() < 1e-3);
            assert!((y - y0).abs() < 1e-3 || (y - y1).abs() < 1e-3);
        }
    }

    fn square(lon: f64, lat: f64, size: f64) -> Vec<LonLat> {
        vec![
            (lon, lat),
            (lon + size, lat),
            (lon + size, lat + size),
            (lon, lat + size),
        ]
    }

    fn layer(countries: Vec<(&str, Vec<Vec<LonLat>>)>, frame: LonLatBox) -> Layer {
        Layer {
            name: "t".into(),
            units_per_degree: 100,
            frame,
            countries: countries
                .into_iter()
                .map(|(name, rings)| Country {
                    id: name.into(),
                    name: name.into(),
                    label: None::<LabelAnchor>,
                    polygons: rings.into_iter().map(|r| vec![r]).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn shared_edges_become_one_border_and_the_rest_coast() {
        // Two unit squares side by side: the shared edge x=1 is the border.
        let a = square(0.0, 0.0, 1.0);
        let b = vec![(1.0, 1.0), (1.0, 0.0), (2.0, 0.0), (2.0, 1.0)];
        let l = layer(
            vec![("A", vec![a]), ("B", vec![b])],
            LonLatBox::new(-180.0, -90.0, 180.0, 90.0),
        );
        let (coast, borders) = coast_and_borders(&l);
        assert_eq!(borders.len(), 1);
        let mut border = borders[0].clone();
        border.sort_by(|p, q| p.1.total_cmp(&q.1));
        assert_eq!(border, vec![(1.0, 0.0), (1.0, 1.0)]);
        let coast_len: usize = coast.iter().map(|l| l.len() - 1).sum();
        assert_eq!(coast_len, 6, "{coast:?}");
        // Coast of A is one run of three segments (the walk starts after the border), though
        // it passes A's first corner; B's coast is one run too.
        assert!(coast.iter().any(|l| l.len() == 4));
        assert_eq!(coast.len(), 2, "{coast:?}");
    }

    #[test]
    fn borders_turning_a_corner_are_one_line_and_no_country_is_split_inside() {
        // A lies under B and C, which share x=1 above it; D, apart, is two polygons that
        // share the edge x=11.
        let a = vec![(0.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (0.0, 1.0)];
        let b = vec![(0.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0)];
        let c = vec![(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0)];
        let d = vec![square(10.0, 0.0, 1.0), square(11.0, 0.0, 1.0)];
        let l = layer(
            vec![("A", vec![a]), ("B", vec![b]), ("C", vec![c]), ("D", d)],
            LonLatBox::new(-180.0, -90.0, 180.0, 90.0),
        );
        let (coast, borders) = coast_and_borders(&l);
        // D's own inner edge is neither a border nor coast.
        let on_inner_edge =
            |l: &Vec<LonLat>| l.windows(2).any(|w| w[0].0 == 11.0 && w[1].0 == 11.0);
        assert!(
            !borders.iter().chain(&coast).any(on_inner_edge),
            "{borders:?} {coast:?}"
        );
        // Every border segment drawn once: A–B, A–C and B–C.
        let segments: usize = borders.iter().map(|l| l.len() - 1).sum();
        assert_eq!(segments, 3, "{borders:?}");
        // A's borders with B and with C meet at (1, 1) and are drawn as one line there, so
        // the stroke turns the corner with a join rather than two loose ends.
        assert!(
            borders
                .iter()
                .any(|l| l.len() == 3 && l.contains(&(0.0, 1.0)) && l.contains(&(2.0, 1.0))),
            "{borders:?}"
        );
    }

    #[test]
    fn frame_edges_are_not_stroked() {
        // A country clipped by the frame on its west side.
        let l = layer(
            vec![("A", vec![square(10.0, 10.0, 5.0)])],
            LonLatBox::new(10.0, 0.0, 50.0, 50.0),
        );
        let (coast, borders) = coast_and_borders(&l);
        assert!(borders.is_empty());
        let segs: Vec<(LonLat, LonLat)> = coast
            .iter()
            .flat_map(|l| l.windows(2).map(|w| (w[0], w[1])))
            .collect();
        assert_eq!(segs.len(), 3);
        assert!(segs.iter().all(|(a, b)| !(a.0 == 10.0 && b.0 == 10.0)));
        // The same on the south side: the sides leaving the frame are coast.
        let l = layer(
            vec![("A", vec![square(10.0, 10.0, 5.0)])],
            LonLatBox::new(0.0, 10.0, 50.0, 50.0),
        );
        let segs: Vec<(LonLat, LonLat)> = coast_and_borders(&l)
            .0
            .iter()
            .flat_map(|l| l.windows(2).map(|w| (w[0], w[1])))
            .collect();
        assert_eq!(segs.len(), 3);
        assert!(segs.iter().all(|(a, b)| !(a.1 == 10.0 && b.1 == 10.0)));
    }

    #[test]
    fn polygon_crossing_the_seam_is_filled_on_both_edges_without_streak() {
        let ring = square(SEAM_LON - 4.0, 60.0, 8.0);
        let d = polygons_path([ring.as_slice()], 2);
        let subs = parse_subpaths(&d);
        assert_eq!(subs.len(), 2, "{d}");
        assert!(max_dx(&d) <= 8.0 + 1e-9);
        assert!(subs.iter().any(|s| s.iter().all(|p| p.0 >= 176.0 - 1e-9)));
        assert!(subs.iter().any(|s| s.iter().all(|p| p.0 <= -176.0 + 1e-9)));
    }

    #[test]
    fn the_180_degree_cut_of_the_source_is_not_coastline() {
        let world = &Basemap::embedded().world;
        let (coast, borders) = coast_and_borders(world);
        for line in coast.iter().chain(&borders) {
            for w in line.windows(2) {
                assert!(
                    !(w[0].0.abs() == 180.0 && w[0].0 == w[1].0),
                    "segment along the 180° cut: {w:?}"
                );
            }
        }
    }

    #[test]
    fn embedded_world_has_no_streaks() {
        let paths = embedded_paths();
        // 110m features are small compared to the 360-unit map width: any step wider than
        // 60 units would be a seam streak (Russia, Fiji, the Aleutians, St Lawrence Island).
        for c in &paths.world.countries {
            assert!(max_dx(&c.d) < 60.0, "{} streaks", c.name);
        }
        assert!(max_dx(&paths.world.coast) < 60.0);
        assert!(max_dx(&paths.world.borders) < 60.0);
        for layer in (0..paths.detail_count()).filter_map(|i| paths.detail(i)) {
            for c in &layer.countries {
                assert!(max_dx(&c.d) < 45.0, "{} streaks", c.name);
            }
        }
    }

    #[test]
    fn russia_is_one_piece_across_180_and_usa_reaches_both_edges() {
        let paths = embedded_paths();
        let russia = parse_subpaths(&paths.world.country("Russia").unwrap().d);
        // Chukotka's tip is beyond 180°: Russia reaches x > 169 but never the left edge.
        let xs: Vec<f64> = russia.iter().flatten().map(|p| p.0).collect();
        assert!(xs.iter().cloned().fold(f64::MIN, f64::max) > 169.0);
        assert!(xs.iter().all(|&x| x > 0.0));
        // The Aleutians cross the seam: part of the USA is drawn at the right edge.
        let usa = parse_subpaths(&paths.world.country("United States of America").unwrap().d);
        assert!(usa.iter().flatten().any(|p| p.0 > 150.0));
        assert!(usa.iter().flatten().any(|p| p.0 < -60.0));
    }

    #[test]
    fn world_borders_and_coasts_are_derived() {
        let paths = embedded_paths();
        assert!(parse_subpaths(&paths.world.borders).len() > 100);
        assert!(parse_subpaths(&paths.world.coast).len() > 100);
        // The China–North Korea border is a border in the detail layer; Yeonpyeong is coast.
        let nea = paths.detail(0).unwrap();
        let within = |p: &MapPoint, b: LonLatBox| {
            let (lon, lat) = super::super::projection::invert(p.0, p.1).unwrap();
            b.contains((lon, lat))
        };
        // China–North Korea border along the Yalu / Tumen.
        let yalu = LonLatBox::new(124.5, 40.0, 129.5, 42.5);
        assert!(parse_subpaths(&nea.borders)
            .iter()
            .flatten()
            .any(|p| within(p, yalu)));
        // Yeonpyeong's whole outline is a coastline subpath, and no border touches it.
        let yeonpyeong = LonLatBox::new(125.62, 37.61, 125.78, 37.73);
        assert!(parse_subpaths(&nea.coast)
            .iter()
            .any(|s| s.len() >= 4 && s.iter().all(|p| within(p, yeonpyeong))));
        assert!(!parse_subpaths(&nea.borders)
            .iter()
            .flatten()
            .any(|p| within(p, yeonpyeong)));
        assert!(!nea.frame_d.is_empty());
    }

    #[test]
    fn detail_frame_edges_produce_no_coastline() {
        let map = Basemap::embedded();
        let nea = &map.details[0];
        let (coast, borders) = coast_and_borders(nea);
        for line in coast.iter().chain(&borders) {
            for w in line.windows(2) {
                assert!(!on_frame(w[0], w[1], &nea.frame), "{:?}", w);
            }
        }
    }

    #[test]
    fn graticule_has_meridians_and_parallels() {
        let d = graticule_path(30.0, 2);
        let subs = parse_subpaths(&d);
        // 12 meridians + 6 parallels (-80, -50, ..., 70), each parallel cut once at the seam.
        assert_eq!(subs.len(), 12 + 6 * 2, "{}", subs.len());
        assert!(max_dx(&d) <= 10.0 + 1e-9);
    }

    #[test]
    fn a_graticule_step_under_a_degree_or_not_finite_is_ten_degrees() {
        let ten = graticule_path(10.0, 2);
        assert_eq!(graticule_path(0.5, 2), ten);
        assert_eq!(graticule_path(f64::INFINITY, 2), ten);
        assert_eq!(graticule_path(f64::NAN, 2), ten);
        assert_ne!(graticule_path(1.0, 2), ten);
    }

    #[test]
    fn a_detail_layer_projected_in_steps_is_kept_for_its_first_use() {
        let paths = basemap_paths(Basemap::embedded());
        assert!(paths.detail_in_steps(paths.detail_count()).is_none());
        let projection = paths.detail_in_steps(0).expect("not projected yet");
        let layer = projection.finish();
        assert_eq!(
            layer,
            layer_paths(&Basemap::embedded().details[0], DETAIL_DECIMALS)
        );
        let marked = LayerPaths {
            name: "kept".into(),
            ..layer
        };
        paths.keep_detail(0, marked);
        paths.keep_detail(paths.detail_count(), paths.world.clone());
        assert_eq!(paths.detail(0).map(|l| l.name.as_str()), Some("kept"));
        // Made now: nothing is left to project.
        assert!(paths.detail_in_steps(0).is_none());
    }
}
