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

#[test]
fn the_difference_network_shows_beijing_s_new_tie_to_pyongyang_where_the_actors_view_does() {
    use korea2010::url::CompareLink;
    use korea2010::views::compare::model::build;
    use korea2010::views::compare::network::{Change, Difference, MIN_TIE_PX};
    use korea2010::views::network::ActorNetwork;

    let catalog = data::load_embedded().unwrap();
    // The built-in dataset's saved layout: the one the Actors view draws first.
    let network = ActorNetwork::from_saved(&catalog).unwrap();
    let model = build(&catalog, &CompareLink::default(), None).unwrap();
    let difference = Difference::of(&catalog, &network.graph, &model);
    let graph = &network.graph;
    let node = |id: &str| graph.node_of(&catalog, id).unwrap();
    let tie = |a: &str, b: &str| {
        let (a, b) = (node(a), node(b));
        let edge = graph
            .edges
            .iter()
            .position(|e| e.touches(a) && e.touches(b))
            .unwrap();
        difference.tie_of(edge).unwrap()
    };
    // Dai Bingguo's visit to Kim Jong-il on 8 Dec, after the shelling.
    let dai_kim = tie("dai-bingguo", "kim-jong-il");
    assert_eq!(dai_kim.change, Change::New);
    assert_eq!(
        difference.tie_name(&catalog, graph, dai_kim),
        "Dai Bingguo – Kim Jong Il: new after the split, 1 shared event"
    );
    assert!(difference
        .actor_name(&catalog, graph, &model, node("dai-bingguo"))
        .starts_with("Dai Bingguo, in the China track: acts in "));
    assert!(difference.marks[node("sergey-lavrov")][1]);
    for change in Change::ALL {
        assert!(!difference.list(change).is_empty(), "{change:?}");
    }
    // Every actor is drawn where the network's placement puts it.
    let look = difference.look(&catalog, graph, None, None);
    let (viewport, scene) = difference.drawing(&network, &look, (900.0, 420.0), None);
    assert_eq!(scene.nodes.len(), graph.nodes.len());
    for shape in &scene.nodes {
        let at = viewport.to_layout(shape.centre);
        assert!(at.distance(network.placement.positions[shape.node]) < 1e-6);
    }
    assert!(
        scene.labels.iter().flatten().count() >= 10,
        "labels fit at that size"
    );
    // Zoomed out to fit, a tie of one event would be a hairline: its dashes need width.
    assert!(viewport.k < 1.0);
    assert!(scene.edges.iter().all(|e| e.width >= MIN_TIE_PX));
    assert!(scene.edges.iter().any(|e| e.width == MIN_TIE_PX));
    // In a box big enough for zoom 1, a tie of two events keeps its own width.
    let (viewport, scene) = difference.drawing(&network, &look, (4000.0, 4000.0), None);
    assert!(viewport.k >= 1.0);
    assert!(scene.edges.iter().any(|e| e.width > MIN_TIE_PX));
}
