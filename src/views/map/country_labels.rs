//! Country label anchors, projected. No overlap avoidance here: the generic placer in
//! `layout::label_placement` takes these candidates (ordered by importance) and decides.
//!
//! Anchors come from the asset (pole of inaccessibility of each country's largest polygon,
//! computed by the build script), so a label sits well inside the country rather than at a
//! centroid that may fall in the sea (Japan, Norway) or on a neighbour (Mongolia/China).

use std::sync::OnceLock;

use super::lod::LayerPlan;
use crate::geo::basemap::{Basemap, Layer};
use crate::geo::projection::project;
use crate::geo::{LonLat, MapPoint, MapRect};

#[derive(Clone, Debug, PartialEq)]
pub struct CountryLabel {
    pub id: String,
    pub name: String,
    /// 1 = largest country; lower ranks are placed first.
    pub rank: u32,
    pub area_km2: u64,
    pub lonlat: LonLat,
    /// Anchor in map units (the label's centre).
    pub at: MapPoint,
}

/// Label candidates of a layer (countries with an anchor), ordered by rank.
pub fn country_labels(layer: &Layer) -> Vec<CountryLabel> {
    let mut labels: Vec<CountryLabel> = layer
        .countries
        .iter()
        .filter_map(|c| {
            let l = c.label.as_ref()?;
            Some(CountryLabel {
                id: c.id.clone(),
                name: c.name.clone(),
                rank: l.rank,
                area_km2: l.area_km2,
                lonlat: (l.lon, l.lat),
                at: project(l.lon, l.lat),
            })
        })
        .collect();
    crate::sorting::sort_by(&mut labels, |a, b| {
        a.rank.cmp(&b.rank).then_with(|| a.name.cmp(&b.name))
    });
    labels
}

/// The embedded world layer's labels, computed once.
pub fn embedded_labels() -> &'static [CountryLabel] {
    static LABELS: OnceLock<Vec<CountryLabel>> = OnceLock::new();
    LABELS.get_or_init(|| country_labels(&Basemap::embedded().world))
}

/// The candidates worth offering to the placer for a view: big enough at this scale
/// ([`LayerPlan::label_allowed`]) and anchored inside `visible`. Keeps the rank order.
pub fn visible_labels<'a>(
    labels: &'a [CountryLabel],
    plan: &'a LayerPlan,
    visible: MapRect,
) -> impl Iterator<Item = &'a CountryLabel> + 'a {
    labels.iter().filter(move |l| {
        plan.label_allowed(l.area_km2)
            && l.at.0 >= visible.x0
            && l.at.0 <= visible.x1
            && l.at.1 >= visible.y0
            && l.at.1 <= visible.y1
    })
}

#[cfg(test)]
mod tests {
    use super::super::lod::plan;
    use super::super::viewport::{Preset, Viewport};
    use super::*;

    fn label(name: &str) -> &'static CountryLabel {
        embedded_labels()
            .iter()
            .find(|l| l.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    }

    #[test]
    fn labels_are_ranked_and_projected() {
        let labels = embedded_labels();
        assert!(labels.len() > 150);
        assert!(labels.windows(2).all(|w| w[0].rank <= w[1].rank));
        assert_eq!(labels[0].name, "Russia");
        for l in labels {
            assert_eq!(l.at, project(l.lonlat.0, l.lonlat.1));
        }
    }

    #[test]
    fn story_labels_sit_in_the_expected_places() {
        // Geography sanity: relative positions of the anchors.
        let (china, russia, mongolia) = (label("China"), label("Russia"), label("Mongolia"));
        assert!(russia.at.1 < mongolia.at.1 && mongolia.at.1 < china.at.1);
        let (nk, sk, japan) = (label("North Korea"), label("South Korea"), label("Japan"));
        assert!(nk.at.1 < sk.at.1);
        assert!(japan.at.0 > sk.at.0);
        let (france, germany, portugal) = (label("France"), label("Germany"), label("Portugal"));
        assert!(portugal.at.0 < france.at.0 && france.at.0 < germany.at.0);
        let usa = label("United States of America");
        assert!(usa.at.0 < portugal.at.0);
        for name in ["Tajikistan", "Pakistan", "India", "Kazakhstan"] {
            assert!(label(name).at.0 > germany.at.0 && label(name).at.0 < china.at.0 + 20.0);
        }
    }

    #[test]
    fn visible_labels_follow_view_and_scale() {
        let labels = embedded_labels();
        let vp = Viewport::preset(Preset::KoreanPeninsula, 1000.0, 600.0);
        let p = plan(&vp, &[]);
        let names: Vec<&str> = visible_labels(labels, &p, vp.visible_rect())
            .map(|l| l.name.as_str())
            .collect();
        assert!(names.contains(&"South Korea") && names.contains(&"North Korea"));
        assert!(!names.contains(&"France"));
        let world = Viewport::new(1000.0, 600.0);
        let p = plan(&world, &[]);
        let n = visible_labels(labels, &p, world.visible_rect()).count();
        assert!(n > 5 && n < 60, "{n}");
    }
}
