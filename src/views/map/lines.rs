//! The story's lines on the map: trips as great-circle arcs with direction arrows, the
//! pipelines and boundaries (the Northern Limit Line) as drawn polylines.
//!
//! Geometry ([`line_shapes`]) is computed once per dataset in map units; the per-render
//! part ([`line_state`]) only decides whether a line is in play under the current filters,
//! is emphasised, and which event it opens.

use crate::data::{Catalog, LineKind, LineStatus};
use crate::geo::arc::{interpolate, trip_path};
use crate::geo::path::line_path;
use crate::geo::projection::{project, wrap180};
use crate::geo::{LonLat, MapPoint};
use crate::present;

/// Where along a trip leg its arrow sits: a little past the middle, so the two legs of a
/// round trip (Moscow – Lisbon – Moscow) show two arrows instead of one double-headed one.
pub const ARROW_AT: f64 = 0.55;

/// An arrowhead in map units; `angle_deg` is the direction of travel for SVG `rotate()`
/// (0 = east, 90 = south). The map scales x and y alike, so it is also the screen angle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrow {
    pub at: MapPoint,
    pub angle_deg: f64,
}

/// A line ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct LineShape {
    /// Index into `catalog.dataset.lines`.
    pub line: usize,
    pub id: String,
    pub name: String,
    pub kind: LineKind,
    /// A pipeline not yet built in the dataset's period is drawn dashed.
    pub status: LineStatus,
    /// SVG path in map units (cut at the projection seam).
    pub d: String,
    pub arrows: Vec<Arrow>,
    /// The line's events (indices), in date order; unknown ids are left out.
    pub events: Vec<usize>,
}

/// Every line of the dataset that has drawable geometry.
pub fn line_shapes(catalog: &Catalog) -> Vec<LineShape> {
    catalog
        .dataset
        .lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let (d, arrows) = match line.kind {
                LineKind::Itinerary => {
                    let stops: Vec<LonLat> = line
                        .stops
                        .iter()
                        .filter_map(|id| catalog.place(id))
                        .filter(|p| p.lon.is_finite() && p.lat.is_finite())
                        .map(|p| (p.lon, p.lat))
                        .collect();
                    let arrows = if line.directed {
                        stops
                            .windows(2)
                            .filter_map(|w| leg_arrow(w[0], w[1]))
                            .collect()
                    } else {
                        Vec::new()
                    };
                    (trip_path(&stops, 2), arrows)
                }
                LineKind::Pipeline | LineKind::Boundary => {
                    let points: Vec<LonLat> = line
                        .points
                        .iter()
                        .map(|&[lon, lat]| (lon, lat))
                        .filter(|p| p.0.is_finite() && p.1.is_finite())
                        .collect();
                    let arrows = if line.directed {
                        polyline_arrow(&points).into_iter().collect()
                    } else {
                        Vec::new()
                    };
                    (line_path(&points, 3), arrows)
                }
            };
            if d.is_empty() {
                return None;
            }
            let mut events: Vec<usize> = line
                .events
                .iter()
                .filter_map(|id| catalog.event_index(id))
                .collect();
            events.sort_unstable();
            events.dedup();
            Some(LineShape {
                line: i,
                id: line.id.clone(),
                name: line.name.clone(),
                kind: line.kind,
                status: line.status,
                d,
                arrows,
                events,
            })
        })
        .collect()
}

/// Screen angle of the direction from `a` to `b` (map units, y down), unwrapped across the
/// seam; `None` when the points coincide.
fn angle_between(a: MapPoint, b: MapPoint) -> Option<f64> {
    let (dx, dy) = (wrap180(b.0 - a.0), b.1 - a.1);
    (dx != 0.0 || dy != 0.0).then(|| dy.atan2(dx).to_degrees())
}

/// The arrow of one great-circle leg, at [`ARROW_AT`].
pub fn leg_arrow(from: LonLat, to: LonLat) -> Option<Arrow> {
    let eps = 1e-3;
    let here = interpolate(from, to, ARROW_AT);
    let ahead = interpolate(from, to, ARROW_AT + eps);
    let at = project(here.0, here.1);
    let angle_deg = angle_between(at, project(ahead.0, ahead.1))?;
    Some(Arrow { at, angle_deg })
}

/// The arrow halfway along a polyline (by projected length), pointing along it.
pub fn polyline_arrow(points: &[LonLat]) -> Option<Arrow> {
    let projected: Vec<MapPoint> = points.iter().map(|&(lon, lat)| project(lon, lat)).collect();
    let lengths: Vec<f64> = projected
        .windows(2)
        .map(|w| wrap180(w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .collect();
    let total: f64 = lengths.iter().sum();
    // Also refuses NaN.
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    let mut remaining = total / 2.0;
    for (i, &len) in lengths.iter().enumerate() {
        if remaining <= len && len > 0.0 {
            let (a, b) = (projected[i], projected[i + 1]);
            let t = remaining / len;
            let at = (a.0 + wrap180(b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            return Some(Arrow {
                at,
                angle_deg: angle_between(a, b)?,
            });
        }
        remaining -= len;
    }
    None
}

/// How a line shows under the current filters and selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineState {
    /// At least one of its events is shown; otherwise the line is dimmed and inert.
    pub active: bool,
    /// It carries the selected event.
    pub selected: bool,
    /// It carries the event hovered in another view.
    pub hovered: bool,
    /// The event the line opens: its first shown event, else its first event.
    pub target: Option<usize>,
}

/// The state of `shape` given the shown events (sorted ascending, as
/// `Exploration::shown`), the selection and the hovered event.
pub fn line_state(
    shape: &LineShape,
    shown: &[usize],
    selected: Option<usize>,
    hovered: Option<usize>,
) -> LineState {
    let first_shown = shape
        .events
        .iter()
        .copied()
        .find(|e| shown.binary_search(e).is_ok());
    let holds = |e: Option<usize>| e.is_some_and(|e| shape.events.contains(&e));
    LineState {
        active: first_shown.is_some(),
        selected: holds(selected),
        hovered: holds(hovered),
        target: first_shown.or_else(|| shape.events.first().copied()),
    }
}

/// What a line is, as its accessible name and the legend say it.
pub fn line_kind_name(kind: LineKind, status: LineStatus) -> &'static str {
    match (kind, status) {
        (LineKind::Pipeline, LineStatus::NotYetBuilt) => "Pipeline not yet built",
        (LineKind::Pipeline, _) => "Pipeline",
        (LineKind::Itinerary, _) => "Trip",
        (LineKind::Boundary, _) => "Boundary",
    }
}

/// The line's tooltip: its name, and that it was not yet built where that applies.
pub fn line_title(shape: &LineShape) -> String {
    match shape.status {
        LineStatus::Existing => shape.name.clone(),
        LineStatus::NotYetBuilt => format!("{} (not yet built)", shape.name),
    }
}

/// The line's accessible name: what it is and the event it opens (title and date).
pub fn line_label(catalog: &Catalog, shape: &LineShape, state: &LineState) -> String {
    let what = line_kind_name(shape.kind, shape.status);
    match state.target.and_then(|e| catalog.events().get(e)) {
        Some(event) => format!(
            "{what}: {}. Opens {}",
            shape.name,
            present::event_mark_label(event)
        ),
        None => format!("{what}: {}", shape.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;
    use crate::geo::path::parse_subpaths;

    fn shapes() -> (Catalog, Vec<LineShape>) {
        let c = load_embedded().expect("embedded dataset loads");
        let s = line_shapes(&c);
        (c, s)
    }

    fn shape<'a>(shapes: &'a [LineShape], id: &str) -> &'a LineShape {
        shapes.iter().find(|s| s.id == id).unwrap()
    }

    #[test]
    fn every_dataset_line_is_drawn() {
        let (c, s) = shapes();
        assert_eq!(s.len(), c.dataset.lines.len());
        for line in &s {
            assert!(!line.events.is_empty(), "{} links to no event", line.id);
            assert!(!parse_subpaths(&line.d).is_empty());
        }
    }

    #[test]
    fn wen_trip_has_one_arc_and_arrow_per_leg() {
        let (_, s) = shapes();
        let wen = shape(&s, "wen-itinerary");
        assert_eq!(wen.kind, LineKind::Itinerary);
        assert_eq!(parse_subpaths(&wen.d).len(), 3);
        assert_eq!(wen.arrows.len(), 3);
        // Beijing → St. Petersburg heads west (left on screen).
        assert!(wen.arrows[0].angle_deg.abs() > 90.0, "{:?}", wen.arrows[0]);
        // Moscow → Dushanbe heads south-east (down on screen: positive angle).
        assert!(wen.arrows[2].angle_deg > 0.0, "{:?}", wen.arrows[2]);
    }

    #[test]
    fn a_round_trip_shows_two_separate_arrows() {
        let (_, s) = shapes();
        let lisbon = shape(&s, "medvedev-to-lisbon");
        assert_eq!(lisbon.arrows.len(), 2);
        let (a, b) = (lisbon.arrows[0], lisbon.arrows[1]);
        assert!((a.at.0 - b.at.0).hypot(a.at.1 - b.at.1) > 1.0);
        assert!((wrap180(a.angle_deg - b.angle_deg).abs() - 180.0).abs() < 10.0);
    }

    #[test]
    fn boundaries_have_no_arrow_and_pipelines_point_downstream() {
        let (_, s) = shapes();
        assert!(shape(&s, "northern-limit-line").arrows.is_empty());
        assert_eq!(shape(&s, "northern-limit-line").kind, LineKind::Boundary);
        let espo = shape(&s, "espo-taishet-skovorodino");
        assert_eq!(espo.arrows.len(), 1);
        // Taishet is west of Skovorodino: oil flows east.
        assert!(espo.arrows[0].angle_deg.abs() < 90.0);
    }

    #[test]
    fn a_pipeline_not_yet_built_says_so_in_its_name() {
        let (c, s) = shapes();
        let all: Vec<usize> = (0..c.events().len()).collect();
        let kozmino = shape(&s, "espo-skovorodino-kozmino");
        assert_eq!(kozmino.status, LineStatus::NotYetBuilt);
        let label = line_label(&c, kozmino, &line_state(kozmino, &all, None, None));
        assert!(label.starts_with("Pipeline not yet built: "), "{label}");
        assert!(line_title(kozmino).ends_with("(not yet built)"));
        let daqing = shape(&s, "espo-skovorodino-daqing");
        let label = line_label(&c, daqing, &line_state(daqing, &all, None, None));
        assert!(label.starts_with("Pipeline: "), "{label}");
        assert_eq!(line_title(daqing), daqing.name);
    }

    #[test]
    fn polyline_arrow_sits_halfway() {
        let arrow = polyline_arrow(&[(11.0, 0.0), (21.0, 0.0), (21.0, 0.0)]).unwrap();
        assert!((arrow.at.0 - 5.0).abs() < 1e-9);
        assert!(arrow.angle_deg.abs() < 1e-9);
        assert!(polyline_arrow(&[(0.0, 0.0)]).is_none());
        assert!(polyline_arrow(&[(5.0, 5.0), (5.0, 5.0)]).is_none());
        assert!(leg_arrow((5.0, 5.0), (5.0, 5.0)).is_none());
    }

    #[test]
    fn state_follows_filters_selection_and_hover() {
        let (c, s) = shapes();
        let nll = shape(&s, "northern-limit-line");
        let shelling = c.event_index("2010-11-23-yeonpyeong-shelling").unwrap();
        let sco = c.event_index("2010-11-25-sco-pm-meeting").unwrap();
        let all: Vec<usize> = (0..c.events().len()).collect();
        let st = line_state(nll, &all, Some(shelling), None);
        assert!(st.active && st.selected && !st.hovered);
        assert_eq!(st.target, nll.events.first().copied());
        let only_shelling = line_state(nll, &[shelling], None, Some(shelling));
        assert_eq!(only_shelling.target, Some(shelling));
        assert!(only_shelling.hovered && !only_shelling.selected);
        let filtered_out = line_state(nll, &[sco], Some(sco), None);
        assert!(!filtered_out.active && !filtered_out.selected);
        assert_eq!(filtered_out.target, nll.events.first().copied());
    }

    #[test]
    fn label_names_the_line_and_the_event_it_opens() {
        let (c, s) = shapes();
        let wen = shape(&s, "wen-itinerary");
        let all: Vec<usize> = (0..c.events().len()).collect();
        let st = line_state(wen, &all, None, None);
        let label = line_label(&c, wen, &st);
        assert!(label.starts_with("Trip: Wen Jiabao"), "{label}");
        let first = &c.events()[st.target.unwrap()];
        assert!(label.contains(&present::event_mark_label(first)), "{label}");
    }
}
