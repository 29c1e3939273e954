//! Lanes: one band per side of the story (the default) or per storyline. An event that
//! belongs to several lanes is drawn in each, so China's and Russia's activity can be read
//! lane by lane.

use crate::data::{Catalog, Side};

/// How the timeline groups events into lanes (defined with the link, which carries it as
/// `lanes=`).
pub use crate::url::LaneMode;

impl LaneMode {
    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Sides => "Sides",
            LaneMode::Storylines => "Storylines",
        }
    }
}

/// What a lane stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKey {
    Side(Side),
    /// Index into `catalog.storylines()`.
    Storyline(usize),
    /// Events without any storyline, so none disappears in storyline mode.
    NoStoryline,
}

impl LaneKey {
    /// CSS class that gives the lane its colour (`--china`, … or a storyline colour).
    pub fn class(self) -> String {
        match self {
            LaneKey::Side(side) => format!("tl-side-{}", side.id()),
            LaneKey::Storyline(index) => format!("tl-story-{}", index % STORY_COLOURS),
            LaneKey::NoStoryline => "tl-side-other".to_owned(),
        }
    }
}

/// Number of distinct storyline colours in the stylesheet; more storylines reuse them.
pub const STORY_COLOURS: usize = 6;

/// One lane as the reader sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneDef {
    pub key: LaneKey,
    /// Full name, e.g. the storyline's title.
    pub title: String,
    /// Name short enough for the lane gutter ("Korea crisis" for "Korea crisis: …").
    pub short: String,
}

/// The lanes of `mode`, top to bottom.
pub fn lane_defs(catalog: &Catalog, mode: LaneMode) -> Vec<LaneDef> {
    match mode {
        LaneMode::Sides => Side::ALL
            .into_iter()
            .map(|side| LaneDef {
                key: LaneKey::Side(side),
                title: side.label().to_owned(),
                short: side.label().to_owned(),
            })
            .collect(),
        LaneMode::Storylines => {
            let mut lanes: Vec<LaneDef> = catalog
                .storylines()
                .iter()
                .enumerate()
                .map(|(index, story)| LaneDef {
                    key: LaneKey::Storyline(index),
                    title: story.title.clone(),
                    short: story
                        .title
                        .split(':')
                        .next()
                        .unwrap_or(&story.title)
                        .trim()
                        .to_owned(),
                })
                .collect();
            if catalog.events().iter().any(|e| e.storylines.is_empty()) {
                lanes.push(LaneDef {
                    key: LaneKey::NoStoryline,
                    title: "No storyline".to_owned(),
                    short: "No storyline".to_owned(),
                });
            }
            lanes
        }
    }
}

/// Indices into `lanes` of the lanes event `e` is drawn in, top to bottom. An event with no
/// side (e.g. no state or organisation among its participants) goes to "Others", one with no
/// known storyline to "No storyline", so every event is drawn somewhere.
pub fn lanes_of(catalog: &Catalog, lanes: &[LaneDef], e: usize) -> Vec<usize> {
    let mut found = Vec::new();
    lanes_into(catalog, lanes, e, &mut found);
    found
}

/// [`lanes_of`] written into `found` (cleared first), so that counting many events reuses
/// one buffer instead of allocating per event.
pub fn lanes_into(catalog: &Catalog, lanes: &[LaneDef], e: usize, found: &mut Vec<usize>) {
    let first = lanes.first().map(|lane| lane.key);
    let position = |key: LaneKey| lanes.iter().position(|lane| lane.key == key);
    lanes_by(catalog, e, first, position, found);
}

/// The lanes (by `position` of their key; `first` tells the mode) event `e` is drawn in.
fn lanes_by(
    catalog: &Catalog,
    e: usize,
    first: Option<LaneKey>,
    position: impl Fn(LaneKey) -> Option<usize>,
    found: &mut Vec<usize>,
) {
    found.clear();
    let Some(event) = catalog.events().get(e) else {
        return;
    };
    match first {
        Some(LaneKey::Side(_)) => {
            let sides = catalog.event_sides.get(e).map(Vec::as_slice).unwrap_or(&[]);
            found.extend(
                sides
                    .iter()
                    .filter_map(|&side| position(LaneKey::Side(side))),
            );
            if sides.is_empty() {
                found.extend(position(LaneKey::Side(Side::Other)));
            }
        }
        Some(_) => {
            found.extend(
                event
                    .storylines
                    .iter()
                    .filter_map(|id| catalog.storyline_index(id))
                    .filter_map(|story| position(LaneKey::Storyline(story))),
            );
            if found.is_empty() {
                found.extend(position(LaneKey::NoStoryline));
            }
        }
        None => {}
    }
    found.sort_unstable();
    found.dedup();
}

/// The short names of the lanes event `e` is drawn in besides `lane` (an event of both
/// sides is drawn in both lanes), so each of its marks can say so.
pub fn other_lanes<'a, L: AsRef<LaneDef>>(
    catalog: &Catalog,
    lanes: &'a [L],
    e: usize,
    lane: usize,
) -> Vec<&'a str> {
    let key = |l: &L| l.as_ref().key;
    let mut found = Vec::new();
    let position = |wanted: LaneKey| lanes.iter().position(|l| key(l) == wanted);
    lanes_by(catalog, e, lanes.first().map(key), position, &mut found);
    found
        .into_iter()
        .filter(|&l| l != lane)
        .map(|l| lanes[l].as_ref().short.as_str())
        .collect()
}

impl AsRef<LaneDef> for LaneDef {
    fn as_ref(&self) -> &LaneDef {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lane_buttons_say_what_they_group_by() {
        let labels: Vec<&str> = LaneMode::ALL.iter().map(|m| m.label()).collect();
        assert_eq!(labels, ["Sides", "Storylines"]);
    }
    use crate::data;

    fn catalog() -> Catalog {
        data::load_embedded().unwrap()
    }

    fn lane_titles(catalog: &Catalog, lanes: &[LaneDef], id: &str) -> Vec<String> {
        let e = catalog.event_index(id).unwrap();
        lanes_of(catalog, lanes, e)
            .into_iter()
            .map(|l| lanes[l].title.clone())
            .collect()
    }

    #[test]
    fn a_mark_names_the_other_lanes_its_event_is_drawn_in() {
        let catalog = data::load_embedded().unwrap();
        let lanes = lane_defs(&catalog, LaneMode::Sides);
        let communique = catalog
            .event_index("2010-11-23-pm-joint-communique")
            .unwrap();
        let drawn = lanes_of(&catalog, &lanes, communique);
        assert!(drawn.len() >= 2, "both sides' lane");
        let others = other_lanes(&catalog, &lanes, communique, drawn[0]);
        assert_eq!(others.len(), drawn.len() - 1);
        assert!(!others.contains(&lanes[drawn[0]].short.as_str()));
        let shelling = catalog
            .event_index("2010-11-23-yeonpyeong-shelling")
            .unwrap();
        let lane = lanes_of(&catalog, &lanes, shelling)[0];
        assert!(
            other_lanes(&catalog, &lanes, shelling, lane).len() + 1
                == lanes_of(&catalog, &lanes, shelling).len()
        );
    }

    #[test]
    fn side_lanes_follow_side_all() {
        let catalog = catalog();
        let lanes = lane_defs(&catalog, LaneMode::Sides);
        let titles: Vec<&str> = lanes.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "China",
                "Russia",
                "The two Koreas",
                "US and allies",
                "Multilateral bodies",
                "Others"
            ]
        );
        assert_eq!(lanes[3].key.class(), "tl-side-us-allies");
    }

    #[test]
    fn an_event_of_both_sides_is_in_both_lanes() {
        let catalog = catalog();
        let lanes = lane_defs(&catalog, LaneMode::Sides);
        assert_eq!(
            lane_titles(&catalog, &lanes, "2010-11-27-yang-lavrov-call"),
            ["China", "Russia"]
        );
        assert_eq!(
            lane_titles(&catalog, &lanes, "2010-11-23-yeonpyeong-shelling"),
            ["The two Koreas"]
        );
    }

    #[test]
    fn an_event_without_a_side_goes_to_others() {
        let catalog = catalog();
        let lanes = lane_defs(&catalog, LaneMode::Sides);
        let e = catalog.event_index("2010-01-01-haiti-earthquake").unwrap();
        assert!(catalog.event_sides[e].is_empty());
        assert_eq!(
            lane_titles(&catalog, &lanes, "2010-01-01-haiti-earthquake"),
            ["Others"]
        );
    }

    #[test]
    fn storyline_lanes_use_short_titles_and_multiple_memberships() {
        let catalog = catalog();
        let lanes = lane_defs(&catalog, LaneMode::Storylines);
        assert_eq!(lanes.len(), catalog.storylines().len());
        assert_eq!(lanes[0].short, "Korea crisis");
        assert!(lanes[0].title.starts_with("Korea crisis:"));
        let e = catalog
            .event_index("2010-11-23-pm-joint-communique")
            .unwrap();
        assert_eq!(lanes_of(&catalog, &lanes, e).len(), 3);
        assert_eq!(lanes[1].key.class(), "tl-story-1");
    }

    #[test]
    fn every_event_has_a_lane_in_both_modes() {
        let catalog = catalog();
        for mode in LaneMode::ALL {
            let lanes = lane_defs(&catalog, mode);
            for e in 0..catalog.events().len() {
                assert!(!lanes_of(&catalog, &lanes, e).is_empty(), "{mode:?} {e}");
            }
        }
    }

    #[test]
    fn unknown_events_and_empty_lane_lists_give_no_lanes() {
        let catalog = catalog();
        let lanes = lane_defs(&catalog, LaneMode::Sides);
        assert!(lanes_of(&catalog, &lanes, usize::MAX).is_empty());
        assert!(lanes_of(&catalog, &[], 0).is_empty());
    }
}
