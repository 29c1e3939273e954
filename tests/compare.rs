//! The compare mode's core against the embedded dataset: the answers the article gives.

use korea2010::data::{self, Catalog};
use korea2010::views::compare::periods::periods;
use korea2010::views::compare::relative::{place, Anchor, DayRange, Moment};
use korea2010::views::compare::summary::{first_act, first_contact};
use korea2010::views::compare::{summary, Direction, Track, TrackKey};

fn setup() -> (Catalog, Anchor, [Track; 2]) {
    let catalog = data::load_embedded().unwrap();
    let anchor = Anchor::default_for(&catalog).unwrap();
    let pair = TrackKey::default_pair().map(|k| Track::build(&catalog, &k).unwrap());
    (catalog, anchor, pair)
}

fn moment(catalog: &Catalog, anchor: &Anchor, id: &str) -> Moment {
    place(catalog, anchor, catalog.event_index(id).unwrap()).moment
}

#[test]
fn the_shelling_is_day_0_at_14_38_and_the_drill_near_it_came_before() {
    let (catalog, anchor, _) = setup();
    assert_eq!(
        catalog.events()[anchor.event].id,
        "2010-11-23-yeonpyeong-shelling"
    );
    assert_eq!(anchor.clock, Some((14 * 60 + 38, 14 * 60 + 38)));
    // "proceeded with artillery firing exercise at 10:00 local time. At 14:38, the North …"
    assert_eq!(
        moment(&catalog, &anchor, "2010-11-23-rok-artillery-drill"),
        Moment::Before
    );
    // Beijing's and Moscow's statements answer the shelling.
    for id in [
        "2010-11-23-china-urges-restraint",
        "2010-11-23-russian-mfa-statement",
        "2010-11-23-lavrov-colossal-danger",
    ] {
        assert_eq!(moment(&catalog, &anchor, id), Moment::After, "{id}");
    }
    // The prime ministers met in St. Petersburg that day; the data cannot say whether
    // before or after 14:38 in Korea.
    assert_eq!(
        moment(&catalog, &anchor, "2010-11-23-wen-putin-pm-meeting"),
        Moment::Either
    );
}

#[test]
fn both_capitals_responded_at_once_and_beijing_reached_seoul_and_pyongyang_first() {
    let (catalog, anchor, [china, russia]) = setup();
    // "Immediately after the Yeonpyeong incident, both Chinese and Russian governments
    // tried to defuse the crisis": statements dated 23–24 Nov.
    for track in [&china, &russia] {
        let first = first_act(&catalog, track, &anchor).unwrap();
        assert_eq!(first.days, DayRange { lo: 0, hi: 1 }, "{}", track.label);
        assert!(first.sure);
    }
    let party = |id: &str| catalog.actor_index(id).unwrap();
    let contact =
        |track: &Track, id: &str| first_contact(&catalog, track, &anchor, party(id)).unwrap();
    // Dai Bingguo in Seoul on Nov. 27, four days after; Wi Sung Lac in Moscow on Dec. 15:
    // "diplomats from Japan and the two Koreas lined up to get to Moscow".
    let (cn_seoul, ru_seoul) = (
        contact(&china, "south-korea"),
        contact(&russia, "south-korea"),
    );
    assert_eq!(cn_seoul.first.days, DayRange::day(4));
    assert_eq!(cn_seoul.direction, Direction::Outgoing);
    assert_eq!(ru_seoul.first.days, DayRange::day(22));
    assert_eq!(ru_seoul.direction, Direction::Incoming);
    // Dai Bingguo with Kim Jong Il (Dec. 8) before Pak Ui Chun in Moscow (Dec. 12).
    let (cn_north, ru_north) = (
        contact(&china, "north-korea"),
        contact(&russia, "north-korea"),
    );
    assert_eq!(cn_north.first.days, DayRange::day(15));
    assert_eq!(ru_north.first.days, DayRange::day(19));
    // Hu called Obama on Dec. 6; Logvinov's Washington visit is dated only "about 9–15 Dec".
    assert_eq!(
        contact(&china, "united-states").first.days,
        DayRange::day(13)
    );
    assert_eq!(
        contact(&russia, "united-states").first.days,
        DayRange { lo: 16, hi: 22 }
    );
}

#[test]
fn the_summary_of_china_and_russia_reads_from_the_data() {
    let (catalog, anchor, pair) = setup();
    let text = summary(&catalog, &pair, &anchor, Some(10));
    assert!(
        text.starts_with(
            "In the 10 days after “North Korea shells Yeonpyeong Island”: China took part in "
        ),
        "{text}"
    );
    assert!(text.contains("first on day 0–1; Russia in "), "{text}");
    // Every count in the sentence is the period's.
    let china = periods(&catalog, &pair[0], &anchor, Some(10)).took_part_after;
    assert!(
        text.contains(&format!("China took part in {} events", china.surely)),
        "{text}"
    );
    assert!(
        china.surely >= 5,
        "Beijing's visible moves in the 10 days: {china:?}"
    );
}

#[test]
fn any_track_of_the_data_builds_and_unknown_ones_do_not() {
    let (catalog, anchor, _) = setup();
    for side in korea2010::data::Side::ALL {
        let track = Track::build(&catalog, &TrackKey::Side(side)).unwrap();
        assert!(track.took_part.iter().all(|e| track.events.contains(e)));
        let _ = periods(&catalog, &track, &anchor, Some(7));
    }
    for story in catalog.storylines() {
        let track = Track::build(&catalog, &TrackKey::Storyline(story.id.clone())).unwrap();
        assert_eq!(track.took_part, track.events);
    }
    assert!(Track::build(&catalog, &TrackKey::Actor("nobody-at-all".into())).is_none());
}
