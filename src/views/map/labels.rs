//! The map's text: place names beside their marks and country names, placed together on
//! screen so that none overlaps another or covers a mark. Recomputed for every view, so what
//! fits changes as the reader zooms.
//!
//! Place labels go first (the selected place and busy places before quiet ones), then country
//! names, biggest countries first, then the names of regions and seas, whose points are only
//! nominal and matter less than knowing which country is which (see [`plan_labels`]).

use super::country_labels::CountryLabel;
use super::viewport::Viewport;
use crate::layout::label_placement::{
    place_labels, LabelRequest, PlacedLabel, PlacementOptions, Slot,
};
use crate::layout::text::{estimate_label_width, label_height};
use crate::layout::{Circle, Point, Rect};

/// Font sizes, px (the style sheet uses the same).
pub const PLACE_FONT: f64 = 11.0;
pub const COUNTRY_FONT: f64 = 10.0;
/// Letter spacing of country names, em.
pub const COUNTRY_TRACKING: f64 = 0.08;

/// Kilometres per map unit (a degree of longitude at the equator), to size countries.
const KM_PER_UNIT: f64 = 111.32;

/// A place label to place: its mark on screen and its priority.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceText {
    pub text: String,
    pub mark: Point,
    pub radius: f64,
    /// Higher is placed first.
    pub priority: f64,
    /// False for regions and seas: their names give way to country names.
    pub before_countries: bool,
}

/// A country name to place, centred on its anchor.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryText {
    /// Upper case, as drawn.
    pub text: String,
    pub at: Point,
    /// Rough width of the country on screen, px: a wide country's name may move off
    /// its anchor sideways and still sit inside it.
    pub span: f64,
}

/// The result: per input, the label's box (or `None` when it is hidden).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelPlan {
    pub places: Vec<Option<PlacedLabel>>,
    pub countries: Vec<Option<PlacedLabel>>,
}

/// A country's name as a map prints it: short and upper case.
pub fn country_text(name: &str) -> String {
    let short = match name {
        "United States of America" => "United States",
        "Russian Federation" => "Russia",
        "Dem. Rep. Korea" => "North Korea",
        "Republic of Korea" => "South Korea",
        other => other,
    };
    short.to_uppercase()
}

/// Estimated width of an upper-case, letter-spaced country name.
pub fn country_width(text: &str) -> f64 {
    let chars = text.chars().count() as f64;
    estimate_label_width(text, COUNTRY_FONT) + chars * COUNTRY_TRACKING * COUNTRY_FONT
}

/// Country names worth offering for a view, in rank order, on screen.
pub fn country_texts<'a>(
    view: &Viewport,
    candidates: impl IntoIterator<Item = &'a CountryLabel>,
) -> Vec<CountryText> {
    candidates
        .into_iter()
        .map(|label| {
            let (x, y) = view.map_to_screen(label.at);
            CountryText {
                text: country_text(&label.name),
                at: Point::new(x, y),
                span: (label.area_km2 as f64).sqrt() / KM_PER_UNIT * view.k(),
            }
        })
        .collect()
}

/// Places every label on a `width` × `height` px map. `obstacles` are other marks that no
/// label may cover (e.g. the dots at the true location of moved marks).
///
/// Three passes, each filling the space the previous ones left: names of cities and sites
/// (the shared greedy placer of `layout::label_placement`), then country names (centred, else a line
/// lower or higher, else — for a country twice as wide as its name — half a name sideways),
/// then names of regions and seas around their marks.
pub fn plan_labels(
    places: &[PlaceText],
    countries: &[CountryText],
    obstacles: &[Circle],
    width: f64,
    height: f64,
) -> LabelPlan {
    let bounds = Rect::new(0.0, 0.0, width.max(0.0), height.max(0.0));
    let options = PlacementOptions {
        bounds: Some(bounds),
        ..PlacementOptions::default()
    };
    let place_h = label_height(PLACE_FONT);
    let country_h = label_height(COUNTRY_FONT);
    let mark_of = |p: &PlaceText| Circle {
        center: p.mark,
        r: p.radius,
    };
    let marks: Vec<Circle> = places
        .iter()
        .map(mark_of)
        .chain(obstacles.iter().copied())
        .filter(|m| m.r > 0.0)
        .collect();

    // 1. Cities and sites.
    let (first, rest): (Vec<usize>, Vec<usize>) =
        (0..places.len()).partition(|&i| places[i].before_countries);
    let requests: Vec<LabelRequest> = first
        .iter()
        .map(|&i| LabelRequest {
            anchor: places[i].mark,
            mark_radius: places[i].radius,
            width: estimate_label_width(&places[i].text, PLACE_FONT),
            height: place_h,
            priority: places[i].priority,
            candidates: Vec::new(),
        })
        .collect();
    let others: Vec<Circle> = rest
        .iter()
        .map(|&i| mark_of(&places[i]))
        .chain(obstacles.iter().copied())
        .collect();
    let mut place_result: Vec<Option<PlacedLabel>> = vec![None; places.len()];
    let mut taken: Vec<Rect> = Vec::new();
    for (&i, label) in first.iter().zip(place_labels(&requests, &others, &options)) {
        if let Some(label) = label {
            taken.push(label.rect);
        }
        place_result[i] = label;
    }

    let free = |candidates: Vec<PlacedLabel>, taken: &[Rect]| -> Option<PlacedLabel> {
        let half_pad = options.padding / 2.0;
        candidates.into_iter().find(|c| {
            let padded = c.rect.inflate(half_pad);
            c.rect.w >= 0.0
                && c.rect.x.is_finite()
                && c.rect.y.is_finite()
                && bounds.contains_rect(&c.rect)
                && !marks.iter().any(|m| c.rect.intersects_circle(m))
                && !taken.iter().any(|t| t.inflate(half_pad).overlaps(&padded))
        })
    };

    // 2. Countries, biggest first.
    let mut country_result = Vec::with_capacity(countries.len());
    for c in countries {
        let w = country_width(&c.text);
        let line = country_h + options.gap;
        let side = w / 2.0 + options.gap;
        let shifts: &[f64] = if c.span >= 2.0 * w {
            &[0.0, -1.0, 1.0]
        } else {
            &[0.0]
        };
        let candidates = shifts
            .iter()
            .flat_map(|&sx| {
                [0.0, line, -line].map(|dy| PlacedLabel {
                    // `Above` only sets the text anchor: middle, on the box's centre.
                    slot: Slot::Above,
                    rect: Rect::new(
                        c.at.x - w / 2.0 + sx * side,
                        c.at.y - country_h / 2.0 + dy,
                        w,
                        country_h,
                    ),
                })
            })
            .collect();
        let label = free(candidates, &taken);
        if let Some(label) = label {
            taken.push(label.rect);
        }
        country_result.push(label);
    }

    // 3. Regions and seas, by priority.
    let mut rest = rest;
    crate::sorting::sort_by(&mut rest, |&a, &b| {
        places[b]
            .priority
            .total_cmp(&places[a].priority)
            .then(a.cmp(&b))
    });
    for i in rest {
        let p = &places[i];
        let w = estimate_label_width(&p.text, PLACE_FONT);
        let candidates = Slot::DEFAULT_ORDER
            .iter()
            .map(|&slot| PlacedLabel {
                slot,
                rect: slot.rect(p.mark, p.radius, options.gap, w, place_h),
            })
            .collect();
        let label = free(candidates, &taken);
        if let Some(label) = label {
            taken.push(label.rect);
        }
        place_result[i] = label;
    }
    LabelPlan {
        places: place_result,
        countries: country_result,
    }
}

#[cfg(test)]
mod tests {
    use super::super::country_labels::{embedded_labels, visible_labels};
    use super::super::lod::plan_embedded;
    use super::super::viewport::Preset;
    use super::*;

    fn place(text: &str, x: f64, y: f64, priority: f64) -> PlaceText {
        PlaceText {
            text: text.to_owned(),
            mark: Point::new(x, y),
            radius: 7.0,
            priority,
            before_countries: true,
        }
    }

    fn all_boxes(plan: &LabelPlan) -> Vec<Rect> {
        plan.places
            .iter()
            .chain(&plan.countries)
            .flatten()
            .map(|p| p.rect)
            .collect()
    }

    #[test]
    fn labels_never_overlap_each_other_or_marks() {
        let places = vec![
            place("Moscow", 100.0, 100.0, 14.0),
            place("St. Petersburg", 96.0, 86.0, 5.0),
            place("N.G. Kuznetsov Naval Academy", 95.0, 85.0, 1.0),
            place("Beijing", 300.0, 150.0, 3.0),
        ];
        let countries = vec![
            CountryText {
                text: "RUSSIA".into(),
                at: Point::new(200.0, 90.0),
                span: 100.0,
            },
            CountryText {
                text: "CHINA".into(),
                at: Point::new(300.0, 160.0),
                span: 60.0,
            },
        ];
        let plan = plan_labels(&places, &countries, &[], 500.0, 300.0);
        assert_eq!(plan.places.len(), 4);
        assert_eq!(plan.countries.len(), 2);
        let boxes = all_boxes(&plan);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
            for p in &places {
                assert!(!a.intersects_circle(&Circle {
                    center: p.mark,
                    r: p.radius
                }));
            }
            assert!(Rect::new(0.0, 0.0, 500.0, 300.0).contains_rect(a));
        }
        assert!(plan.places[0].is_some(), "the busiest place is named");
        // Centred, China's name would cover Beijing's mark: it moves one line down.
        let china = plan.countries[1].expect("room below");
        assert!(china.rect.center().y > 170.0, "{china:?}");
        assert!((china.rect.center().x - 300.0).abs() < 1e-9);
    }

    #[test]
    fn a_place_at_the_map_s_edge_is_named_inside_the_map() {
        // Right of the mark, the name would run off the map: it goes to the left.
        let edge = place("Vladivostok", 490.0, 150.0, 5.0);
        let plan = plan_labels(&[edge], &[], &[], 500.0, 300.0);
        let label = plan.places[0].expect("room on the left");
        assert!(Rect::new(0.0, 0.0, 500.0, 300.0).contains_rect(&label.rect));
        assert!(label.rect.right() <= 490.0 - 7.0, "{label:?}");
    }

    #[test]
    fn region_names_give_way_to_country_names() {
        let mut region = place("Northeast Asia", 250.0, 120.0, 50.0);
        region.before_countries = false;
        let countries = vec![CountryText {
            text: "NORTH KOREA".into(),
            at: Point::new(300.0, 121.0),
            span: 100.0,
        }];
        let plan = plan_labels(&[region.clone()], &countries, &[], 500.0, 300.0);
        assert!(plan.countries[0].is_some());
        let region_box = plan.places[0].map(|l| l.rect);
        assert!(region_box.is_none_or(|r| !r.overlaps(&plan.countries[0].unwrap().rect)));
        region.before_countries = true;
        let plan = plan_labels(&[region], &countries, &[], 500.0, 300.0);
        assert_eq!(plan.places[0].unwrap().slot, Slot::Right);
        let moved = plan.countries[0].unwrap().rect.center();
        assert!(
            (moved.y - 121.0).abs() > 5.0,
            "a city's name would have won the centre: {moved:?}"
        );
    }

    #[test]
    fn country_names_are_centred_on_their_anchor() {
        let countries = vec![CountryText {
            text: "MONGOLIA".into(),
            at: Point::new(250.0, 120.0),
            span: 400.0,
        }];
        let plan = plan_labels(&[], &countries, &[], 500.0, 300.0);
        let c = plan.countries[0].unwrap().rect.center();
        assert!(
            (c.x - 250.0).abs() < 1e-9 && (c.y - 120.0).abs() < 1e-9,
            "{c:?}"
        );
    }

    #[test]
    fn a_wide_country_s_name_may_move_sideways() {
        // A tall mark just left of the anchor: centred, a line lower or higher, the name
        // would cover it.
        let mark = [Circle::new(262.0, 120.0, 22.0)];
        let country = |span: f64| CountryText {
            text: "SOUTH KOREA".into(),
            at: Point::new(300.0, 120.0),
            span,
        };
        let narrow = plan_labels(&[], &[country(100.0)], &mark, 800.0, 400.0);
        assert!(narrow.countries[0].is_none());
        let wide = plan_labels(&[], &[country(400.0)], &mark, 800.0, 400.0);
        let label = wide.countries[0].expect("room to the side");
        assert!(label.rect.center().x > 300.0, "{label:?}");
        assert!(!label.rect.intersects_circle(&mark[0]));
        let shift = (label.rect.center().x - 300.0).abs();
        assert!(shift <= label.rect.w, "{shift}");
        // The same mark just right of the anchor: the name moves left.
        let mark = [Circle::new(338.0, 120.0, 22.0)];
        let wide = plan_labels(&[], &[country(400.0)], &mark, 800.0, 400.0);
        let label = wide.countries[0].expect("room to the other side");
        assert!(label.rect.center().x < 300.0, "{label:?}");
        assert!(!label.rect.intersects_circle(&mark[0]));
    }

    #[test]
    fn obstacles_are_not_covered() {
        let places = vec![place("Seoul", 100.0, 100.0, 1.0)];
        let dot = Circle::new(120.0, 100.0, 3.0);
        let plan = plan_labels(&places, &[], &[dot], 500.0, 300.0);
        let rect = plan.places[0].unwrap().rect;
        assert!(!rect.intersects_circle(&dot));
    }

    #[test]
    fn the_korean_view_names_both_koreas() {
        let view = Viewport::preset(Preset::KoreanPeninsula, 560.0, 340.0);
        let lod = plan_embedded(&view);
        let texts = country_texts(
            &view,
            visible_labels(embedded_labels(), &lod, view.visible_rect()),
        );
        let names: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
        assert!(
            names.contains(&"NORTH KOREA") && names.contains(&"SOUTH KOREA"),
            "{names:?}"
        );
        let plan = plan_labels(&[], &texts, &[], 560.0, 340.0);
        let shown = plan.countries.iter().flatten().count();
        assert!(shown >= 2, "{shown}");
    }

    #[test]
    fn country_text_is_short_and_upper_case() {
        assert_eq!(country_text("United States of America"), "UNITED STATES");
        assert_eq!(country_text("Japan"), "JAPAN");
        assert!(country_width("JAPAN") > estimate_label_width("JAPAN", COUNTRY_FONT));
    }
}
