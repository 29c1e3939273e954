//! A compare link checked against the open dataset: tracks, anchor and split the data does
//! not know are replaced by their defaults and named in a notice, so any link opens a
//! working compare view (and the link is rewritten to what is shown).

use crate::data::Catalog;
use crate::url::{track_id, CompareLink};

use super::relative::Anchor;
use super::tracks::{TrackKey, Who};

/// Replaces what `catalog` does not know in `link` and says what was replaced; an event
/// named by a former id is renamed to its current id.
pub fn retain_known(catalog: &Catalog, link: &mut CompareLink) -> Vec<String> {
    let mut notices = Vec::new();
    let defaults = TrackKey::default_pair();
    for slot in 0..2 {
        if Who::resolve(catalog, &link.pair[slot]).is_some() {
            continue;
        }
        let other = &link.pair[1 - slot];
        // The slot's default, unless the other track is already it.
        let stand_in = if defaults[slot] == *other {
            defaults[1 - slot].clone()
        } else {
            defaults[slot].clone()
        };
        notices.push(format!(
            "“compare={}”: this dataset has no such track; {} is compared instead",
            track_id(&link.pair[slot]),
            Who::resolve(catalog, &stand_in).map_or_else(String::new, |w| w.label(catalog)),
        ));
        link.pair[slot] = stand_in;
    }
    for (key, slot, instead) in [
        ("anchor", &mut link.anchor, "day 0 is the default anchor"),
        ("split", &mut link.split, "the split is the anchor"),
    ] {
        let Some(id) = slot.as_deref() else {
            continue;
        };
        if catalog.event_index(id).is_some() {
            continue;
        }
        match catalog.event_by_former_id(id) {
            Some(event) => {
                let current = catalog.events()[event].id.clone();
                notices.push(format!(
                    "“{key}={id}” is an old id of the event now “{current}”; that event is used"
                ));
                *slot = Some(current);
            }
            None => {
                notices.push(format!("“{key}={id}”: no event has this id; {instead}"));
                *slot = None;
            }
        }
    }
    notices
}

/// The anchor and the split a link asks for (the split is the anchor unless it names
/// another event); `None` for a dataset without events.
pub fn anchors(catalog: &Catalog, link: &CompareLink) -> Option<(Anchor, Anchor)> {
    let anchor = link
        .anchor
        .as_deref()
        .and_then(|id| Anchor::by_id(catalog, id))
        .or_else(|| Anchor::default_for(catalog))?;
    let split = link
        .split
        .as_deref()
        .and_then(|id| Anchor::by_id(catalog, id))
        .unwrap_or_else(|| anchor.clone());
    Some((anchor, split))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture::{dated, sides};
    use crate::data::Side;

    fn catalog() -> Catalog {
        let mut renamed = dated("2010-11-24-new", "2010-11-24", None, None);
        renamed.former_ids = vec!["2010-11-25-old".into()];
        sides(vec![
            dated("2010-11-20-first", "2010-11-20", None, None),
            dated("2010-11-23-yeonpyeong-shelling", "2010-11-23", None, None),
            renamed,
        ])
    }

    #[test]
    fn a_known_link_is_left_as_it_is() {
        let catalog = catalog();
        let mut link = CompareLink {
            pair: [TrackKey::Actor("wen".into()), TrackKey::Side(Side::Koreas)],
            anchor: Some("2010-11-20-first".into()),
            split: Some("2010-11-24-new".into()),
            days: Some(3),
        };
        let before = link.clone();
        assert!(retain_known(&catalog, &mut link).is_empty());
        assert_eq!(link, before);
        let (anchor, split) = anchors(&catalog, &link).unwrap();
        assert_eq!(catalog.events()[anchor.event].id, "2010-11-20-first");
        assert_eq!(catalog.events()[split.event].id, "2010-11-24-new");
    }

    #[test]
    fn unknown_tracks_become_the_defaults_they_are_not() {
        let catalog = catalog();
        let mut link = CompareLink {
            pair: [
                TrackKey::Actor("nobody".into()),
                TrackKey::Side(Side::China),
            ],
            ..CompareLink::default()
        };
        let notices = retain_known(&catalog, &mut link);
        assert_eq!(
            link.pair,
            [TrackKey::Side(Side::Russia), TrackKey::Side(Side::China)]
        );
        assert_eq!(
            notices,
            ["“compare=actor.nobody”: this dataset has no such track; Russia is compared instead"]
        );
        let mut link = CompareLink {
            pair: [
                TrackKey::Side(Side::Koreas),
                TrackKey::Storyline("nothing".into()),
            ],
            ..CompareLink::default()
        };
        let notices = retain_known(&catalog, &mut link);
        assert_eq!(
            link.pair,
            [TrackKey::Side(Side::Koreas), TrackKey::Side(Side::Russia)]
        );
        assert_eq!(notices.len(), 1);
        assert!(notices[0].contains("story.nothing"), "{notices:?}");
        let mut link = CompareLink {
            pair: [TrackKey::Side(Side::Russia), TrackKey::Actor("x".into())],
            ..CompareLink::default()
        };
        retain_known(&catalog, &mut link);
        assert_eq!(
            link.pair,
            [TrackKey::Side(Side::Russia), TrackKey::Side(Side::China)]
        );
    }

    #[test]
    fn unknown_events_fall_back_and_former_ids_are_renamed() {
        let catalog = catalog();
        let mut link = CompareLink {
            anchor: Some("2010-11-25-old".into()),
            split: Some("2099-01-01-nothing".into()),
            ..CompareLink::default()
        };
        let notices = retain_known(&catalog, &mut link);
        assert_eq!(link.anchor.as_deref(), Some("2010-11-24-new"));
        assert_eq!(link.split, None);
        assert_eq!(
            notices,
            [
                "“anchor=2010-11-25-old” is an old id of the event now “2010-11-24-new”; that event is used",
                "“split=2099-01-01-nothing”: no event has this id; the split is the anchor",
            ]
        );
        let mut link = CompareLink {
            anchor: Some("nope".into()),
            ..CompareLink::default()
        };
        let notices = retain_known(&catalog, &mut link);
        assert_eq!(link.anchor, None);
        assert_eq!(
            notices,
            ["“anchor=nope”: no event has this id; day 0 is the default anchor"]
        );
    }

    #[test]
    fn the_anchor_defaults_to_the_shelling_and_the_split_to_the_anchor() {
        let catalog = catalog();
        let (anchor, split) = anchors(&catalog, &CompareLink::default()).unwrap();
        assert_eq!(
            catalog.events()[anchor.event].id,
            "2010-11-23-yeonpyeong-shelling"
        );
        assert_eq!(split, anchor);
        let empty = sides(vec![]);
        assert_eq!(anchors(&empty, &CompareLink::default()), None);
    }
}
