//! Framing the selection: which places the selected event, place or actor has on the map,
//! the view that fits them, and whether a new selection needs the map to move at all.

use super::marks::{place_point, MarkShape};
use super::viewport::Viewport;
use crate::data::Catalog;
use crate::geo::projection::invert;
use crate::geo::{LonLat, MapRect};
use crate::query::Target;

/// Room (px) left around fitted places for their marks and labels.
pub const FIT_PADDING: f64 = 40.0;

/// Smallest extent (map units ≈ degrees) a fit shows: a lone place, or a handful a few
/// kilometres apart (Yeonpyeong and the Northern Limit Line), is framed at about the Korean
/// peninsula's scale, with its surroundings, rather than at the maximum zoom.
pub const FIT_MIN_SPAN: f64 = 8.0;

/// A place counts as visible when it is at least this far (px) inside the map's edges.
pub const VISIBLE_MARGIN: f64 = 24.0;

/// The places (indices) a target has on the map, without repeats, in catalog order: an
/// event's places, a place itself, the places of the events an actor lights. For an actor
/// only the `shown` events count, so the fit follows the filters.
pub fn selection_places(catalog: &Catalog, target: Target, shown: &[usize]) -> Vec<usize> {
    let mut places: Vec<usize> = match target {
        Target::Event(e) => catalog
            .events()
            .get(e)
            .map(|event| {
                event
                    .places
                    .iter()
                    .filter_map(|id| catalog.place_index(id))
                    .collect()
            })
            .unwrap_or_default(),
        Target::Place(p) => {
            if p < catalog.places().len() {
                vec![p]
            } else {
                Vec::new()
            }
        }
        Target::Actor(_) => target
            .events(catalog)
            .into_iter()
            .filter(|e| shown.binary_search(e).is_ok())
            .filter_map(|e| catalog.events().get(e))
            .flat_map(|event| event.places.iter())
            .filter_map(|id| catalog.place_index(id))
            .collect(),
    };
    places.sort_unstable();
    places.dedup();
    places
}

/// The places to frame: the precise ones (cities, islands, sites) when there are any, since
/// a region's or sea's point is only nominal (the shelling is framed on Yeonpyeong, not
/// halfway to the Yellow Sea's label point); all of them otherwise.
pub fn framing_places(catalog: &Catalog, places: &[usize]) -> Vec<usize> {
    let precise: Vec<usize> = places
        .iter()
        .copied()
        .filter(|&p| {
            catalog
                .places()
                .get(p)
                .is_some_and(|place| MarkShape::of(place.kind) == MarkShape::Point)
        })
        .collect();
    if precise.is_empty() {
        places.to_vec()
    } else {
        precise
    }
}

/// The drawn positions of places, as lon/lat (the North Pole comes back at the map's edge).
pub fn place_lonlats(catalog: &Catalog, places: &[usize]) -> Vec<LonLat> {
    places
        .iter()
        .filter_map(|&p| catalog.places().get(p))
        .filter_map(|place| {
            let (x, y) = place_point(place);
            invert(x, y)
        })
        .collect()
}

/// The positions to frame for a selection (see [`framing_places`]).
pub fn selection_points(catalog: &Catalog, target: Target, shown: &[usize]) -> Vec<LonLat> {
    let places = selection_places(catalog, target, shown);
    place_lonlats(catalog, &framing_places(catalog, &places))
}

/// The view that frames `points` on a `width` × `height` px map; `None` without points.
pub fn fit_places(points: &[LonLat], width: f64, height: f64) -> Option<Viewport> {
    Viewport::fit_points(points, width, height, FIT_PADDING, FIT_MIN_SPAN)
}

/// True when every point is on screen, [`VISIBLE_MARGIN`] inside the edges.
pub fn all_visible(view: &Viewport, points: &[LonLat]) -> bool {
    let inner = MapRect {
        x0: VISIBLE_MARGIN,
        y0: VISIBLE_MARGIN,
        x1: view.width - VISIBLE_MARGIN,
        y1: view.height - VISIBLE_MARGIN,
    };
    points.iter().all(|&p| {
        let (x, y) = view.lonlat_to_screen(p);
        x >= inner.x0 && x <= inner.x1 && y >= inner.y0 && y <= inner.y1
    })
}

/// Following a selection made elsewhere: move only when some of its places are off screen
/// (a reader who zoomed in on purpose keeps their view when the places are already there).
pub fn follow(view: &Viewport, points: &[LonLat]) -> Option<Viewport> {
    if points.is_empty() || all_visible(view, points) {
        None
    } else {
        fit_places(points, view.width, view.height)
    }
}

#[cfg(test)]
mod tests {
    use super::super::viewport::Preset;
    use super::*;
    use crate::data::load_embedded;

    const W: f64 = 560.0;
    const H: f64 = 340.0;

    fn catalog() -> Catalog {
        load_embedded().expect("embedded dataset loads")
    }

    #[test]
    fn a_point_is_visible_only_a_margin_inside_every_edge() {
        let view = Viewport::preset(Preset::Eurasia, W, H);
        let at = |x: f64, y: f64| view.screen_to_lonlat((x, y)).unwrap();
        let m = VISIBLE_MARGIN;
        assert!(all_visible(
            &view,
            &[at(m + 1.0, m + 1.0), at(W - m - 1.0, H - m - 1.0)]
        ));
        let near_the_edges = [
            at(m / 2.0, H / 2.0),
            at(W - m / 2.0, H / 2.0),
            at(W / 2.0, m / 2.0),
            at(W / 2.0, H - m / 2.0),
        ];
        for point in near_the_edges {
            assert!(!all_visible(&view, &[point]), "{point:?}");
        }
    }

    #[test]
    fn the_shelling_is_framed_at_peninsula_scale() {
        let c = catalog();
        let e = c.event_index("2010-11-23-yeonpyeong-shelling").unwrap();
        let places = selection_places(&c, Target::Event(e), &[]);
        let island = c.place_index("yeonpyeong-island").unwrap();
        let sea = c.place_index("yellow-sea").unwrap();
        assert!(places.contains(&island) && places.contains(&sea));
        assert_eq!(framing_places(&c, &places), vec![island]);
        let points = place_lonlats(&c, &framing_places(&c, &places));
        let view = fit_places(&points, W, H).unwrap();
        assert!(all_visible(&view, &points));
        let peninsula = Viewport::preset(Preset::KoreanPeninsula, W, H);
        let ratio = view.zoom / peninsula.zoom;
        assert!((0.6..=2.0).contains(&ratio), "zoom ratio {ratio}");
        // Seoul and Pyongyang are in the frame too: the reader sees where the island is.
        assert!(all_visible(&view, &[(126.98, 37.57), (125.76, 39.04)]));
    }

    #[test]
    fn a_trip_is_framed_whole() {
        let c = catalog();
        let actor = c.actor_index("wen-jiabao").unwrap();
        let all: Vec<usize> = (0..c.events().len()).collect();
        let places = selection_places(&c, Target::Actor(actor), &all);
        let ids: Vec<&str> = places.iter().map(|&p| c.places()[p].id.as_str()).collect();
        for id in ["moscow", "st-petersburg", "dushanbe"] {
            assert!(ids.contains(&id), "{ids:?}");
        }
        let points = place_lonlats(&c, &places);
        let view = fit_places(&points, W, H).unwrap();
        assert!(all_visible(&view, &points));
        // Filtered out, the actor has nothing to frame.
        assert!(selection_places(&c, Target::Actor(actor), &[]).is_empty());
    }

    #[test]
    fn follow_moves_only_when_needed() {
        let c = catalog();
        let dushanbe = c.place_index("dushanbe").unwrap();
        let points = place_lonlats(&c, &[dushanbe]);
        let eurasia = Viewport::preset(Preset::Eurasia, W, H);
        assert!(follow(&eurasia, &points).is_none(), "already in view");
        let korea = Viewport::preset(Preset::KoreanPeninsula, W, H);
        let moved = follow(&korea, &points).expect("off screen: refit");
        assert!(all_visible(&moved, &points));
        assert!(follow(&korea, &[]).is_none());
    }

    #[test]
    fn an_event_is_framed_on_its_precise_places() {
        let c = catalog();
        let e = c.event_index("2010-11-23-yeonpyeong-shelling").unwrap();
        let island = &c.places()[c.place_index("yeonpyeong-island").unwrap()];
        let points = selection_points(&c, Target::Event(e), &[]);
        assert_eq!(points.len(), 1, "the island only, not the sea");
        assert!((points[0].0 - island.lon).abs() < 1e-9 && (points[0].1 - island.lat).abs() < 1e-9);
    }

    #[test]
    fn places_and_bad_indices() {
        let c = catalog();
        let sea = c.place_index("yellow-sea").unwrap();
        assert_eq!(
            framing_places(&c, &[sea]),
            vec![sea],
            "areas when nothing else"
        );
        assert_eq!(selection_places(&c, Target::Place(0), &[]), vec![0]);
        assert!(selection_places(&c, Target::Place(usize::MAX), &[]).is_empty());
        assert!(selection_places(&c, Target::Event(usize::MAX), &[]).is_empty());
        assert!(selection_places(&c, Target::Actor(usize::MAX), &[]).is_empty());
        // Another dataset may well place something at the pole.
        let mut dataset = c.dataset.clone();
        let mut pole = dataset.places[0].clone();
        (pole.id, pole.lat, pole.lon) = ("pole".into(), 90.0, 0.0);
        dataset.places.push(pole);
        let c = Catalog::new(dataset);
        let pts = place_lonlats(&c, &[c.place_index("pole").unwrap()]);
        assert_eq!(pts.len(), 1);
        assert!(pts[0].1 < 90.0, "drawn on the map's top edge");
        assert!(fit_places(&[], W, H).is_none());
    }
}
