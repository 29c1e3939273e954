//! Events on the map, grouped by place: one mark per place holding that place's *shown*
//! (filtered) events, with what the view needs to draw it — where, how big, which colour
//! categories and in what shares, and the accessible name.
//!
//! Colour never carries meaning alone: the mark shows its event count as text, places and
//! areas have different shapes ([`MarkShape`]), and the legend names every category.

use std::collections::BTreeMap;

use crate::data::{Catalog, Place, PlaceKind, Side};
use crate::geo::projection::{project, WORLD_NORTH, WORLD_SOUTH};
use crate::geo::MapPoint;
use crate::present;

/// How marks are coloured (defined with the link, which carries it as `colour=`).
pub use crate::url::ColourBy;

impl ColourBy {
    pub fn label(self) -> &'static str {
        match self {
            ColourBy::Storyline => "Storyline",
            ColourBy::Country => "Country",
        }
    }
}

/// Number of distinct storyline colours in the style sheet (`.cat-story-0` …); more
/// storylines than this reuse colours, told apart by the legend order.
pub const STORY_PALETTE: usize = 6;

/// One entry of the legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// CSS class carrying the colour (`cat-story-2`, `cat-side-russia`).
    pub class: String,
    pub label: String,
}

/// The legend for a colouring, in a stable order; category indices elsewhere point here.
pub fn categories(catalog: &Catalog, by: ColourBy) -> Vec<Category> {
    match by {
        ColourBy::Storyline => catalog
            .storylines()
            .iter()
            .enumerate()
            .map(|(i, story)| Category {
                class: format!("cat-story-{}", i % STORY_PALETTE),
                label: short_title(&story.title).to_owned(),
            })
            .collect(),
        ColourBy::Country => Side::ALL
            .iter()
            .map(|side| Category {
                class: format!("cat-side-{}", side.id()),
                label: side.label().to_owned(),
            })
            .collect(),
    }
}

/// "Korea crisis: Beijing's track and Moscow's track" → "Korea crisis" (legend-sized).
fn short_title(title: &str) -> &str {
    title.split(':').next().unwrap_or(title).trim()
}

/// The categories (indices into [`categories`]) one event belongs to, without repeats.
pub fn event_categories(catalog: &Catalog, by: ColourBy, event: usize) -> Vec<usize> {
    let Some(record) = catalog.events().get(event) else {
        return Vec::new();
    };
    let mut found: Vec<usize> = match by {
        ColourBy::Storyline => record
            .storylines
            .iter()
            .filter_map(|id| catalog.storyline_index(id))
            .collect(),
        ColourBy::Country => {
            let sides = catalog
                .event_sides
                .get(event)
                .map_or(&[][..], Vec::as_slice);
            if sides.is_empty() {
                // Nobody identifiable on a side: count the event as "Others" rather than
                // leaving its mark uncoloured.
                vec![Side::ALL.len() - 1]
            } else {
                sides
                    .iter()
                    .filter_map(|s| Side::ALL.iter().position(|a| a == s))
                    .collect()
            }
        }
    };
    found.sort_unstable();
    found.dedup();
    found
}

/// Points for cities and sites, squares for regions and seas (which have no precise spot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkShape {
    Point,
    Area,
}

impl MarkShape {
    pub fn of(kind: PlaceKind) -> MarkShape {
        match kind {
            PlaceKind::Region | PlaceKind::Sea => MarkShape::Area,
            PlaceKind::Capital | PlaceKind::City | PlaceKind::Island | PlaceKind::Facility => {
                MarkShape::Point
            }
        }
    }
}

/// A place with shown events.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMark {
    /// Index into `catalog.places()`.
    pub place: usize,
    /// Position in map units.
    pub at: MapPoint,
    pub shape: MarkShape,
    /// The shown events here, in date order.
    pub events: Vec<usize>,
    /// `(category, events in it)`, most frequent first (ties: legend order).
    pub tally: Vec<(usize, usize)>,
    /// True when the mark holds the selected event.
    pub selected: bool,
}

impl PlaceMark {
    pub fn count(&self) -> usize {
        self.events.len()
    }

    /// The category that colours the mark's body.
    pub fn dominant(&self) -> Option<usize> {
        self.tally.first().map(|&(category, _)| category)
    }

    /// Radius on screen, px (constant while zooming).
    pub fn radius(&self) -> f64 {
        mark_radius(self.count())
    }
}

/// Smallest mark radius: room for a one- or two-digit count at 10–11 px.
pub const MIN_RADIUS: f64 = 7.0;
/// Largest mark radius, so Moscow does not hide St. Petersburg's neighbourhood.
pub const MAX_RADIUS: f64 = 17.0;

/// Radius by event count: the area grows with the count (so a mark with four events looks
/// about twice as wide as one with one), clamped to [`MIN_RADIUS`]..[`MAX_RADIUS`].
pub fn mark_radius(count: usize) -> f64 {
    let n = count.max(1) as f64;
    (MIN_RADIUS + 3.0 * (n.sqrt() - 1.0)).clamp(MIN_RADIUS, MAX_RADIUS)
}

/// Where a place is drawn, in map units. Latitudes beyond the map (the North Pole) sit on
/// its edge instead of off the sheet.
pub fn place_point(place: &Place) -> MapPoint {
    let lat = if place.lat.is_finite() {
        place.lat.clamp(WORLD_SOUTH, WORLD_NORTH)
    } else {
        0.0
    };
    let lon = if place.lon.is_finite() {
        place.lon
    } else {
        0.0
    };
    project(lon, lat)
}

/// One mark per place that holds at least one shown event, ordered west to east (then north
/// to south) so keyboard order follows the map.
pub fn place_marks(
    catalog: &Catalog,
    shown: &[usize],
    by: ColourBy,
    selected_event: Option<usize>,
) -> Vec<PlaceMark> {
    let mut is_shown = vec![false; catalog.events().len()];
    for &e in shown {
        if let Some(slot) = is_shown.get_mut(e) {
            *slot = true;
        }
    }
    let mut marks: Vec<PlaceMark> = catalog
        .places()
        .iter()
        .enumerate()
        .filter_map(|(p, place)| {
            let events: Vec<usize> = catalog
                .place_events
                .get(p)?
                .iter()
                .copied()
                .filter(|&e| is_shown.get(e).copied().unwrap_or(false))
                .collect();
            if events.is_empty() {
                return None;
            }
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for &e in &events {
                for c in event_categories(catalog, by, e) {
                    *counts.entry(c).or_default() += 1;
                }
            }
            let mut tally: Vec<(usize, usize)> = counts.into_iter().collect();
            crate::sorting::sort_by(&mut tally, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Some(PlaceMark {
                place: p,
                at: place_point(place),
                shape: MarkShape::of(place.kind),
                selected: selected_event.is_some_and(|s| events.contains(&s)),
                events,
                tally,
            })
        })
        .collect();
    crate::sorting::sort_by(&mut marks, |a, b| {
        a.at.0
            .total_cmp(&b.at.0)
            .then(a.at.1.total_cmp(&b.at.1))
            .then(a.place.cmp(&b.place))
    });
    marks
}

/// How many events a mark's accessible name lists by title and date. The chronicle's
/// busiest place has 14; a place with hundreds of events in an opened dataset would make a
/// name nobody can listen to, rebuilt on every render.
pub const NAMED_EVENTS: usize = 40;

/// The mark's accessible name: the place, its count, then each event's title and date
/// (the map's contract with screen readers and browser tests, see DESIGN.md), up to
/// [`NAMED_EVENTS`] of them; the mark's list shows them all.
pub fn mark_label(catalog: &Catalog, mark: &PlaceMark) -> String {
    let place = catalog
        .places()
        .get(mark.place)
        .map_or("Unknown place", |p| p.name.as_str());
    let mut events: Vec<String> = mark
        .events
        .iter()
        .take(NAMED_EVENTS)
        .filter_map(|&e| catalog.events().get(e))
        .map(present::event_mark_label)
        .collect();
    if mark.count() > NAMED_EVENTS {
        events.push(format!(
            "and {} more in the list",
            present::format_number((mark.count() - NAMED_EVENTS) as f64)
        ));
    }
    format!(
        "{place}, {}: {}",
        events_count(mark.count()),
        events.join("; ")
    )
}

/// "1 event", "4 events".
pub fn events_count(n: usize) -> String {
    if n == 1 {
        "1 event".to_owned()
    } else {
        format!("{n} events")
    }
}

/// One slice of a mark's outer ring, as fractions of the full turn (0 = 12 o'clock,
/// clockwise).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RingSlice {
    pub category: usize,
    pub start: f64,
    pub end: f64,
}

/// The ring showing a mixed mark's categories in proportion; empty when the mark has only
/// one category (its body colour already says it).
pub fn ring_slices(tally: &[(usize, usize)]) -> Vec<RingSlice> {
    let total: usize = tally.iter().map(|&(_, n)| n).sum();
    if tally.len() < 2 || total == 0 {
        return Vec::new();
    }
    let mut start = 0.0;
    tally
        .iter()
        .map(|&(category, n)| {
            let end = start + n as f64 / total as f64;
            let slice = RingSlice {
                category,
                start,
                end,
            };
            start = end;
            slice
        })
        .collect()
}

/// SVG path (px, relative to the mark's centre) of a ring slice of radius `r`: an open arc
/// to be stroked. A slice covering the whole turn is drawn as two half arcs.
pub fn slice_path(slice: &RingSlice, r: f64) -> String {
    let point = |f: f64| {
        let a = f * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
        (round2(r * a.cos()), round2(r * a.sin()))
    };
    let span = (slice.end - slice.start).clamp(0.0, 1.0);
    if span >= 0.999_999 {
        let (x0, y0) = point(0.0);
        let (x1, y1) = point(0.5);
        return format!("M{x0},{y0}A{r},{r} 0 0 1 {x1},{y1}A{r},{r} 0 0 1 {x0},{y0}");
    }
    let (x0, y0) = point(slice.start);
    let (x1, y1) = point(slice.start + span);
    let large = u8::from(span > 0.5);
    format!("M{x0},{y0}A{r},{r} 0 {large} 1 {x1},{y1}")
}

fn round2(v: f64) -> f64 {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    fn catalog() -> Catalog {
        load_embedded().expect("embedded dataset loads")
    }

    fn all(catalog: &Catalog) -> Vec<usize> {
        (0..catalog.events().len()).collect()
    }

    fn mark<'a>(catalog: &Catalog, marks: &'a [PlaceMark], id: &str) -> Option<&'a PlaceMark> {
        let p = catalog.place_index(id)?;
        marks.iter().find(|m| m.place == p)
    }

    #[test]
    fn one_mark_per_place_with_its_shown_events() {
        let c = catalog();
        let marks = place_marks(&c, &all(&c), ColourBy::Storyline, None);
        let dushanbe = mark(&c, &marks, "dushanbe").expect("Dushanbe has events");
        assert_eq!(
            dushanbe.events,
            c.place_events[c.place_index("dushanbe").unwrap()]
        );
        assert!(dushanbe.count() >= 3);
        let mut places: Vec<usize> = marks.iter().map(|m| m.place).collect();
        places.dedup();
        assert_eq!(places.len(), marks.len(), "one mark per place");
        assert!(marks.iter().all(|m| m.count() > 0));
        // West to east.
        assert!(marks.windows(2).all(|w| w[0].at.0 <= w[1].at.0));
    }

    #[test]
    fn only_shown_events_count() {
        let c = catalog();
        let sco = c.event_index("2010-11-25-sco-pm-meeting").unwrap();
        let shelling = c.event_index("2010-11-23-yeonpyeong-shelling").unwrap();
        let marks = place_marks(&c, &[sco, shelling], ColourBy::Storyline, Some(shelling));
        assert_eq!(mark(&c, &marks, "dushanbe").unwrap().events, vec![sco]);
        let island = mark(&c, &marks, "yeonpyeong-island").unwrap();
        assert_eq!(island.events, vec![shelling]);
        assert!(island.selected);
        assert!(!mark(&c, &marks, "dushanbe").unwrap().selected);
        assert!(mark(&c, &marks, "moscow").is_none(), "no shown event there");
        assert!(place_marks(&c, &[], ColourBy::Country, None).is_empty());
        // Out-of-range indices are ignored, not a panic.
        assert!(place_marks(&c, &[usize::MAX], ColourBy::Country, None).is_empty());
    }

    #[test]
    fn tallies_follow_the_colouring() {
        let c = catalog();
        let marks = place_marks(&c, &all(&c), ColourBy::Storyline, None);
        let story = categories(&c, ColourBy::Storyline);
        let dushanbe = mark(&c, &marks, "dushanbe").unwrap();
        let wen = c.storyline_index("wen-visit").unwrap();
        assert_eq!(dushanbe.dominant(), Some(wen));
        assert_eq!(story[wen].label, "Wen Jiabao's journey");
        assert!(dushanbe.tally.windows(2).all(|w| w[0].1 >= w[1].1));

        let by_side = place_marks(&c, &all(&c), ColourBy::Country, None);
        let sides = categories(&c, ColourBy::Country);
        assert_eq!(sides.len(), Side::ALL.len());
        let moscow = mark(&c, &by_side, "moscow").unwrap();
        let russia = Side::ALL.iter().position(|s| *s == Side::Russia).unwrap();
        assert_eq!(moscow.dominant(), Some(russia));
        assert_eq!(sides[russia].class, "cat-side-russia");
        // Every event has at least one category in either colouring.
        for e in 0..c.events().len() {
            for by in ColourBy::ALL {
                assert!(!event_categories(&c, by, e).is_empty(), "{e} {by:?}");
            }
        }
        assert!(event_categories(&c, ColourBy::Country, usize::MAX).is_empty());
    }

    #[test]
    fn storyline_classes_cycle_through_the_palette() {
        let c = catalog();
        for (i, cat) in categories(&c, ColourBy::Storyline).iter().enumerate() {
            assert_eq!(cat.class, format!("cat-story-{}", i % STORY_PALETTE));
            assert!(!cat.label.contains(':'));
        }
    }

    #[test]
    fn radius_grows_with_count_and_is_bounded() {
        assert_eq!(mark_radius(0), MIN_RADIUS);
        assert_eq!(mark_radius(1), MIN_RADIUS);
        assert!(mark_radius(4) > mark_radius(2));
        assert!(mark_radius(14) > mark_radius(4));
        assert_eq!(mark_radius(10_000), MAX_RADIUS);
    }

    #[test]
    fn shapes_tell_points_from_areas() {
        let c = catalog();
        let marks = place_marks(&c, &all(&c), ColourBy::Storyline, None);
        assert_eq!(mark(&c, &marks, "moscow").unwrap().shape, MarkShape::Point);
        assert_eq!(
            mark(&c, &marks, "yellow-sea").unwrap().shape,
            MarkShape::Area
        );
        assert_eq!(
            mark(&c, &marks, "yeonpyeong-island").unwrap().shape,
            MarkShape::Point
        );
    }

    #[test]
    fn the_north_pole_stays_on_the_sheet() {
        // Another dataset may well place something at the pole.
        let pole = Place {
            id: "pole".into(),
            name: "North Pole".into(),
            native_name: None,
            kind: PlaceKind::Region,
            lat: 90.0,
            lon: 0.0,
            country: None,
        };
        let (_, y) = place_point(&pole);
        let (_, top) = project(0.0, WORLD_NORTH);
        assert!((y - top).abs() < 1e-9);
    }

    #[test]
    fn a_crowded_place_names_its_first_events_and_counts_the_rest() {
        let c = Catalog::new(crate::data::synthetic::generate(3000, 5));
        let marks = place_marks(&c, &all(&c), ColourBy::Storyline, None);
        let busiest = marks.iter().max_by_key(|m| m.count()).unwrap();
        assert!(busiest.count() > NAMED_EVENTS + 1);
        let label = mark_label(&c, busiest);
        let first = &c.events()[busiest.events[0]];
        let last = &c.events()[*busiest.events.last().unwrap()];
        assert!(label.contains(&present::event_mark_label(first)), "{label}");
        assert!(!label.contains(&present::event_mark_label(last)), "{label}");
        let rest = present::format_number((busiest.count() - NAMED_EVENTS) as f64);
        assert!(
            label.ends_with(&format!("and {rest} more in the list")),
            "{label}"
        );
    }

    #[test]
    fn accessible_name_lists_every_event_with_its_date() {
        let c = catalog();
        let marks = place_marks(&c, &all(&c), ColourBy::Storyline, None);
        let dushanbe = mark(&c, &marks, "dushanbe").unwrap();
        let label = mark_label(&c, dushanbe);
        assert!(label.starts_with("Dushanbe, "), "{label}");
        assert!(label.contains(&events_count(dushanbe.count())));
        for &e in &dushanbe.events {
            assert!(
                label.contains(&present::event_mark_label(&c.events()[e])),
                "{label}"
            );
        }
        assert_eq!(events_count(1), "1 event");
        assert_eq!(events_count(3), "3 events");
    }

    #[test]
    fn ring_slices_cover_the_turn_in_proportion() {
        assert!(ring_slices(&[(2, 5)]).is_empty());
        assert!(ring_slices(&[]).is_empty());
        let s = ring_slices(&[(0, 3), (4, 1)]);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].start, s[0].end), (0.0, 0.75));
        assert_eq!((s[1].start, s[1].end), (0.75, 1.0));
        assert_eq!(s[1].category, 4);
    }

    #[test]
    fn slice_paths_are_arcs_on_the_circle() {
        let quarter = slice_path(
            &RingSlice {
                category: 0,
                start: 0.0,
                end: 0.25,
            },
            10.0,
        );
        assert_eq!(quarter, "M0,-10A10,10 0 0 1 10,0");
        let big = slice_path(
            &RingSlice {
                category: 0,
                start: 0.25,
                end: 1.0,
            },
            10.0,
        );
        assert!(big.contains(" 0 1 1 "), "{big}");
        let full = slice_path(
            &RingSlice {
                category: 0,
                start: 0.0,
                end: 1.0,
            },
            10.0,
        );
        assert_eq!(full.matches('A').count(), 2);
    }
}
