//! One frame of the map's overlay in screen pixels: the place marks (moved apart where they
//! would collide), which of them are emphasised or hovered, their labels and the country
//! names. The Yew view renders a [`Scene`] as it is; it is recomputed on every pan or zoom,
//! which costs a few dozen marks and labels, never the basemap.

use super::country_labels::{embedded_labels, visible_labels};
use super::dodge::dodge;
use super::labels::{country_texts, plan_labels, PlaceText};
use super::lod::LayerPlan;
use super::marks::{place_point, MarkShape, PlaceMark};
use super::viewport::Viewport;
use crate::data::Catalog;
use crate::layout::label_placement::PlacedLabel;
use crate::layout::{Circle, Point};

/// Marks whose place is this far (px) outside the map are left out of the frame.
pub const CULL_MARGIN: f64 = 24.0;

/// Radius of the dot left at a place whose mark had to move, px.
pub const HOME_DOT: f64 = 2.5;

/// What a frame depends on.
#[derive(Clone, Copy, Debug)]
pub struct SceneInput<'a> {
    pub catalog: &'a Catalog,
    /// Every place's mark for the shown events ([`place_marks`]); they change only with
    /// the filters and the colouring, so the view computes them once for many frames.
    pub marks: &'a [PlaceMark],
    pub selected_event: Option<usize>,
    /// Places of the selection (ringed).
    pub emphasised: &'a [usize],
    /// Places of what is hovered in another view (ringed lightly).
    pub hovered: &'a [usize],
    pub view: &'a Viewport,
    pub layers: &'a LayerPlan,
}

/// A mark as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkView {
    pub mark: PlaceMark,
    /// Where the mark is drawn.
    pub at: Point,
    /// Where its place is (differs from `at` when the mark was moved aside).
    pub home: Point,
    pub radius: f64,
    pub emphasised: bool,
    pub hovered: bool,
    pub label: Option<PlacedLabel>,
}

impl MarkView {
    /// True when the mark was moved off its place (the view draws a leader line).
    pub fn moved(&self) -> bool {
        self.at.distance(self.home) > 0.5
    }
}

/// A ring for an emphasised place that has no mark (its events are filtered out).
#[derive(Clone, Debug, PartialEq)]
pub struct LoneRing {
    pub place: usize,
    pub at: Point,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountryName {
    pub text: String,
    pub label: PlacedLabel,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Scene {
    /// In keyboard order (west to east).
    pub marks: Vec<MarkView>,
    pub lone_rings: Vec<LoneRing>,
    pub countries: Vec<CountryName>,
}

/// Which place names win room first: a selected or emphasised place's, then the busiest.
fn label_priority(events: usize, emphasised: bool) -> f64 {
    events as f64 + if emphasised { 1000.0 } else { 0.0 }
}

fn on_screen(view: &Viewport, p: Point, margin: f64) -> bool {
    p.x >= -margin && p.y >= -margin && p.x <= view.width + margin && p.y <= view.height + margin
}

/// Computes a frame.
pub fn scene(input: &SceneInput) -> Scene {
    let SceneInput {
        catalog,
        view,
        emphasised,
        hovered,
        ..
    } = *input;
    let screen = |p: (f64, f64)| {
        let (x, y) = view.map_to_screen(p);
        Point::new(x, y)
    };
    let marks: Vec<PlaceMark> = input
        .marks
        .iter()
        .filter(|m| on_screen(view, screen(m.at), CULL_MARGIN + m.radius()))
        .map(|m| PlaceMark {
            selected: input.selected_event.is_some_and(|s| m.events.contains(&s)),
            ..m.clone()
        })
        .collect();

    // The selection keeps its true position, then the busiest places.
    let is_emphasised = |m: &PlaceMark| m.selected || emphasised.contains(&m.place);
    let mut order: Vec<usize> = (0..marks.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| {
        is_emphasised(&marks[b])
            .cmp(&is_emphasised(&marks[a]))
            .then(marks[b].count().cmp(&marks[a].count()))
            .then(a.cmp(&b))
    });
    let discs: Vec<Circle> = marks
        .iter()
        .map(|m| {
            let p = screen(m.at);
            Circle::new(p.x, p.y, m.radius())
        })
        .collect();
    let placed = dodge(&discs, &order);

    let texts: Vec<PlaceText> = marks
        .iter()
        .zip(&placed)
        .map(|(m, &at)| PlaceText {
            text: catalog
                .places()
                .get(m.place)
                .map_or_else(String::new, |p| p.name.clone()),
            mark: at,
            radius: m.radius(),
            priority: label_priority(m.count(), is_emphasised(m)),
            // Even when selected, a region's or sea's name gives way to country names.
            before_countries: m.shape == MarkShape::Point,
        })
        .collect();
    // Dots left behind by moved marks must stay readable too.
    let dots: Vec<Circle> = discs
        .iter()
        .zip(&placed)
        .filter(|(d, at)| d.center.distance(**at) > 0.5)
        .map(|(d, _)| Circle {
            center: d.center,
            r: HOME_DOT + 1.0,
        })
        .collect();
    let country_candidates = country_texts(
        view,
        visible_labels(embedded_labels(), input.layers, view.visible_rect()),
    );
    let labels = plan_labels(&texts, &country_candidates, &dots, view.width, view.height);

    let mark_views: Vec<MarkView> = marks
        .into_iter()
        .zip(placed)
        .zip(discs)
        .zip(labels.places)
        .map(|(((mark, at), disc), label)| MarkView {
            emphasised: is_emphasised(&mark),
            hovered: hovered.contains(&mark.place),
            radius: disc.r,
            home: disc.center,
            at,
            label,
            mark,
        })
        .collect();
    let lone_rings = emphasised
        .iter()
        .filter(|p| !mark_views.iter().any(|m| m.mark.place == **p))
        .filter_map(|&p| {
            let at = screen(place_point(catalog.places().get(p)?));
            on_screen(view, at, CULL_MARGIN).then_some(LoneRing { place: p, at })
        })
        .collect();
    let countries = country_candidates
        .into_iter()
        .zip(labels.countries)
        .filter_map(|(c, label)| {
            Some(CountryName {
                text: c.text,
                label: label?,
            })
        })
        .collect();
    Scene {
        marks: mark_views,
        lone_rings,
        countries,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fit::{framing_places, place_lonlats, selection_places};
    use super::super::lod::plan_embedded;
    use super::super::viewport::Preset;
    use super::*;
    use crate::data::load_embedded;
    use crate::query::Target;
    use crate::views::map::marks::{place_marks, ColourBy};

    const W: f64 = 560.0;
    const H: f64 = 340.0;

    fn frame(catalog: &Catalog, shown: &[usize], selected: Option<usize>, view: Viewport) -> Scene {
        let emphasised = selected
            .map(|e| selection_places(catalog, Target::Event(e), shown))
            .unwrap_or_default();
        let layers = plan_embedded(&view);
        scene(&SceneInput {
            catalog,
            marks: &place_marks(catalog, shown, ColourBy::Storyline, None),
            selected_event: selected,
            emphasised: &emphasised,
            hovered: &[],
            view: &view,
            layers: &layers,
        })
    }

    fn find<'a>(catalog: &Catalog, scene: &'a Scene, id: &str) -> Option<&'a MarkView> {
        let p = catalog.place_index(id)?;
        scene.marks.iter().find(|m| m.mark.place == p)
    }

    #[test]
    fn a_mark_whose_disc_may_reach_into_the_frame_is_kept() {
        let c = load_embedded().unwrap();
        let all: Vec<usize> = (0..c.events().len()).collect();
        let marks = place_marks(&c, &all, ColourBy::Storyline, None);
        let seoul = c.place_index("seoul").unwrap();
        let mark = marks.iter().find(|m| m.place == seoul).unwrap();
        let view = Viewport::preset(Preset::KoreanPeninsula, W, H);
        // Seoul's centre left of the frame by the margin and half its radius.
        let off = CULL_MARGIN + mark.radius() / 2.0;
        let view = view.pan_by(-(view.map_to_screen(mark.at).0 + off), 0.0);
        assert!((view.map_to_screen(mark.at).0 + off).abs() < 1e-6);
        assert!(find(&c, &frame(&c, &all, None, view), "seoul").is_some());
        // Beyond the margin and its whole radius, it is left out.
        let far = view.pan_by(-mark.radius(), 0.0);
        assert!(find(&c, &frame(&c, &all, None, far), "seoul").is_none());
    }

    #[test]
    fn an_emphasised_place_is_named_first_then_the_busiest() {
        assert!(label_priority(5, false) > label_priority(2, false));
        assert!(label_priority(1, true) > label_priority(500, false));
        assert!(label_priority(3, true) > label_priority(1, true));
    }

    #[test]
    fn the_korean_view_shows_the_shelling_with_its_island_in_place() {
        let c = load_embedded().unwrap();
        let all: Vec<usize> = (0..c.events().len()).collect();
        let shelling = c.event_index("2010-11-23-yeonpyeong-shelling").unwrap();
        let places = selection_places(&c, Target::Event(shelling), &all);
        let points = place_lonlats(&c, &framing_places(&c, &places));
        let view = super::super::fit::fit_places(&points, W, H).unwrap();
        let s = frame(&c, &all, Some(shelling), view);
        let island = find(&c, &s, "yeonpyeong-island").expect("island mark on screen");
        assert!(island.emphasised && island.mark.selected);
        assert!(island.label.is_some(), "the island is named");
        assert!(
            find(&c, &s, "moscow").is_none(),
            "Moscow is culled off screen"
        );
        // Marks do not overlap.
        for (i, a) in s.marks.iter().enumerate() {
            for b in &s.marks[i + 1..] {
                let moved_enough = a.at.distance(b.at) >= a.radius + b.radius - 1e-6;
                let stuck = a.at.distance(a.home) > 60.0 || b.at.distance(b.home) > 60.0;
                assert!(
                    moved_enough || stuck,
                    "{:?} and {:?}",
                    a.mark.place,
                    b.mark.place
                );
            }
        }
        let names: Vec<&str> = s.countries.iter().map(|n| n.text.as_str()).collect();
        assert!(
            names.contains(&"NORTH KOREA") && names.contains(&"SOUTH KOREA"),
            "{names:?}"
        );
    }

    #[test]
    fn an_emphasised_place_without_shown_events_still_gets_a_ring() {
        let c = load_embedded().unwrap();
        let shelling = c.event_index("2010-11-23-yeonpyeong-shelling").unwrap();
        let sco = c.event_index("2010-11-25-sco-pm-meeting").unwrap();
        let view = Viewport::preset(Preset::KoreanPeninsula, W, H);
        let s = frame(&c, &[sco], Some(shelling), view);
        assert!(find(&c, &s, "yeonpyeong-island").is_none());
        let island = c.place_index("yeonpyeong-island").unwrap();
        assert!(s.lone_rings.iter().any(|r| r.place == island));
    }

    #[test]
    fn the_world_view_keeps_every_mark_and_moves_crowded_ones() {
        let c = load_embedded().unwrap();
        let all: Vec<usize> = (0..c.events().len()).collect();
        let s = frame(&c, &all, None, Viewport::new(W, H));
        let expected = place_marks(&c, &all, ColourBy::Storyline, None).len();
        assert_eq!(s.marks.len(), expected);
        assert!(
            s.marks.iter().any(MarkView::moved),
            "east Asia is crowded at world scale"
        );
        let moscow = find(&c, &s, "moscow").unwrap();
        assert!(!moscow.moved(), "the busiest place keeps its spot");
        assert!(s.marks.iter().all(|m| !m.emphasised && !m.hovered));
    }
}
