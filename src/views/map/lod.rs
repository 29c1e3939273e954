//! Level of detail: which basemap layers and which country labels to draw for a view.
//!
//! The coarse 1:110m world is always drawn: it is ~25 KB of geometry and reads well up to a
//! few times the world size. From [`DETAIL_MIN_ZOOM`] on, a detail layer is added when its
//! frame is on screen; it is drawn *over* the world layer, on a sea-coloured backdrop of its
//! frame (`LayerPaths::frame_d`) that hides the coarse outlines inside the box. Outside the
//! box the coarse layer keeps showing, so panning out of Northeast Asia never shows a void.
//!
//! Country labels are thinned by area, not by a fixed count: a label is offered when the
//! country is at least [`LABEL_MIN_PX`] pixels across at the current scale, so the Koreas get
//! their names as soon as they are big enough to hold them. (Overlap avoidance is the job of
//! `layout::label_placement`.)

use super::viewport::Viewport;
use crate::geo::basemap::Basemap;
use crate::geo::{LonLatBox, MapRect};
use crate::url::MapAt;

/// Zoom from which detail layers are drawn (1 = world fits). At 3× the 1:110m outlines start
/// to look angular and Yeonpyeong-scale islands matter.
pub const DETAIL_MIN_ZOOM: f64 = 3.0;

/// A country gets a label candidate when it spans at least this many pixels (√area).
pub const LABEL_MIN_PX: f64 = 36.0;

/// Kilometres per map unit (one degree of longitude at the equator).
const KM_PER_UNIT: f64 = 111.32;

/// What to draw for a view.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerPlan {
    /// The world layer (always true; kept explicit for the view's readability).
    pub world: bool,
    /// Indices into `Basemap::details` (`BasemapPaths::detail`), in drawing order.
    pub details: Vec<usize>,
    /// Smallest country area (km²) that gets a label candidate.
    pub min_label_area_km2: f64,
}

impl LayerPlan {
    pub fn label_allowed(&self, area_km2: u64) -> bool {
        area_km2 as f64 >= self.min_label_area_km2
    }
}

/// Whether the map's first view may draw a detail layer, told from its link alone (before
/// the map's size is known): a view the link zooms to [`DETAIL_MIN_ZOOM`] or more can, and
/// so can one framed on a `selection` (its places are usually close together). The home view
/// shows the whole world, where no detail layer is drawn, so its detail layers can wait.
pub fn first_view_may_draw_details(selection: bool, link: Option<MapAt>) -> bool {
    link.map_or(selection, |at| at.zoom() >= DETAIL_MIN_ZOOM)
}

/// Plans a view. `detail_frames` are the frames of the detail layers, in order.
pub fn plan(vp: &Viewport, detail_frames: &[LonLatBox]) -> LayerPlan {
    plan_for(vp.zoom, vp.k(), vp.visible_rect(), detail_frames)
}

/// Plans a view of the embedded basemap.
pub fn plan_embedded(vp: &Viewport) -> LayerPlan {
    let frames: Vec<LonLatBox> = Basemap::embedded()
        .details
        .iter()
        .map(|l| l.frame)
        .collect();
    plan(vp, &frames)
}

/// The pure core of [`plan`]: `zoom` (1 = world fits), `px_per_unit` (the viewport's `k`),
/// the visible map rectangle.
pub fn plan_for(
    zoom: f64,
    px_per_unit: f64,
    visible: MapRect,
    detail_frames: &[LonLatBox],
) -> LayerPlan {
    let details = if zoom >= DETAIL_MIN_ZOOM {
        detail_frames
            .iter()
            .enumerate()
            .filter(|(_, f)| super::viewport::project_box(**f).intersects(&visible))
            .map(|(i, _)| i)
            .collect()
    } else {
        Vec::new()
    };
    LayerPlan {
        world: true,
        details,
        min_label_area_km2: min_label_area_km2(px_per_unit),
    }
}

/// Smallest area (km²) whose square spans [`LABEL_MIN_PX`] at `px_per_unit`.
pub fn min_label_area_km2(px_per_unit: f64) -> f64 {
    if !(px_per_unit.is_finite() && px_per_unit > 0.0) {
        return f64::INFINITY;
    }
    let side_km = LABEL_MIN_PX / px_per_unit * KM_PER_UNIT;
    side_km * side_km
}

#[cfg(test)]
mod tests {
    use super::super::viewport::Preset;
    use super::*;

    const NEA: LonLatBox = LonLatBox::new(109.0, 29.0, 151.0, 53.0);

    fn area(name: &str) -> u64 {
        Basemap::embedded()
            .world
            .country(name)
            .and_then(|c| c.label.as_ref())
            .map(|l| l.area_km2)
            .unwrap()
    }

    #[test]
    fn world_view_draws_only_the_coarse_layer() {
        let vp = Viewport::new(1000.0, 600.0);
        let p = plan(&vp, &[NEA]);
        assert!(p.world);
        assert!(p.details.is_empty());
    }

    #[test]
    fn the_home_view_draws_no_detail_layer_at_any_size() {
        // What lets a first load without a selection leave the detail layers for later.
        for (w, h) in [
            (390.0, 500.0),
            (412.0, 600.0),
            (800.0, 600.0),
            (1920.0, 1080.0),
        ] {
            let home = Viewport::preset(super::super::model::HOME, w, h);
            assert!(plan_embedded(&home).details.is_empty(), "{w}×{h}");
        }
        assert!(!first_view_may_draw_details(false, None));
    }

    #[test]
    fn a_first_view_may_draw_details_when_framed_on_a_selection_or_linked_zoomed_in() {
        assert!(first_view_may_draw_details(true, None));
        assert!(!first_view_may_draw_details(false, None));
        // A link's own view is kept even with a selection: its zoom decides.
        let at = |zoom| Some(MapAt::new(38.0, 125.0, zoom));
        assert!(!first_view_may_draw_details(true, at(2.0)));
        assert!(first_view_may_draw_details(false, at(DETAIL_MIN_ZOOM)));
        assert!(first_view_may_draw_details(false, at(8.0)));
        assert!(!first_view_may_draw_details(
            false,
            at(DETAIL_MIN_ZOOM - 0.01)
        ));
        // The link's zoom is what the plan then sees: at it, the detail layer is drawn.
        let linked = Viewport::from_link(MapAt::new(38.0, 125.0, DETAIL_MIN_ZOOM), 800.0, 600.0);
        assert_eq!(plan_embedded(&linked).details, vec![0]);
    }

    #[test]
    fn zoomed_on_korea_draws_the_detail_layer() {
        let vp = Viewport::preset(Preset::KoreanPeninsula, 1000.0, 600.0);
        assert_eq!(plan(&vp, &[NEA]).details, vec![0]);
        let vp = Viewport::preset(Preset::NortheastAsia, 1000.0, 600.0);
        assert_eq!(plan(&vp, &[NEA]).details, vec![0]);
        assert_eq!(plan_embedded(&vp).details, vec![0]);
    }

    #[test]
    fn detail_threshold_is_the_zoom() {
        let visible = MapRect {
            x0: -180.0,
            y0: -100.0,
            x1: 180.0,
            y1: 100.0,
        };
        assert!(plan_for(DETAIL_MIN_ZOOM - 0.01, 10.0, visible, &[NEA])
            .details
            .is_empty());
        assert_eq!(
            plan_for(DETAIL_MIN_ZOOM, 10.0, visible, &[NEA]).details,
            vec![0]
        );
    }

    #[test]
    fn detail_is_skipped_when_its_frame_is_off_screen() {
        // Zoomed on Europe: Northeast Asia is far away.
        let vp = Viewport::fit_box(LonLatBox::new(-10.0, 40.0, 20.0, 55.0), 1000.0, 600.0, 0.0);
        assert!(vp.zoom >= DETAIL_MIN_ZOOM);
        assert!(plan(&vp, &[NEA]).details.is_empty());
        // Two frames: only the visible one.
        let europe = LonLatBox::new(-10.0, 35.0, 30.0, 60.0);
        assert_eq!(plan(&vp, &[NEA, europe]).details, vec![1]);
    }

    #[test]
    fn labels_thin_out_by_area_at_low_zoom() {
        let world = plan(&Viewport::new(1000.0, 600.0), &[]);
        assert!(world.label_allowed(area("Russia")));
        assert!(world.label_allowed(area("China")));
        assert!(!world.label_allowed(area("South Korea")));
        assert!(!world.label_allowed(area("Portugal")));
        let korea = plan(
            &Viewport::preset(Preset::KoreanPeninsula, 1000.0, 600.0),
            &[],
        );
        assert!(korea.label_allowed(area("South Korea")));
        assert!(korea.label_allowed(area("North Korea")));
        let eurasia = plan(&Viewport::preset(Preset::Eurasia, 1000.0, 600.0), &[]);
        assert!(eurasia.label_allowed(area("Mongolia")));
        assert!(eurasia.min_label_area_km2 < world.min_label_area_km2);
    }

    #[test]
    fn label_area_is_monotone_and_safe() {
        assert!(min_label_area_km2(10.0) < min_label_area_km2(5.0));
        assert_eq!(min_label_area_km2(0.0), f64::INFINITY);
        assert_eq!(min_label_area_km2(f64::NAN), f64::INFINITY);
        // A scale below zero labels nothing too, rather than squaring a negative side.
        assert_eq!(min_label_area_km2(-10.0), f64::INFINITY);
    }
}
