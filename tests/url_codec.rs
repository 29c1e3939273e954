//! The deep-link codec never panics and round-trips (`parse(format(s)) == s`).
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::Date;
use korea2010::data::Side;
use korea2010::query::Filters;
use korea2010::url::{
    format, parse, ActorsMode, ColourBy, CompareLink, DataRef, Embed, LaneMode, Layout, MapAt,
    Mode, NetAt, Panels, PhoneTab, Route, Sort, SortKey, Span, UrlState, ViewState, MAX_DAYS,
};
use korea2010::views::compare::TrackKey;
use proptest::prelude::*;

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"
}

fn date() -> impl Strategy<Value = Date> {
    (1990i32..2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn ids() -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(id(), 0..4).prop_map(|set| set.into_iter().collect())
}

/// Every view setting a link can carry, at the precision it carries them.
fn views() -> impl Strategy<Value = ViewState> {
    let map = prop::option::of(
        (-90_000i32..=90_000, -180_000i32..=180_000, 100i32..=6400).prop_map(|(lat, lon, zoom)| {
            MapAt::new(
                f64::from(lat) / 1000.0,
                f64::from(lon) / 1000.0,
                f64::from(zoom) / 100.0,
            )
        }),
    );
    // Minutes from 1900 to 2100, and a range from one minute to a few years.
    let span = prop::option::of((-36_816_480i64..68_374_080, 1i64..2_000_000).prop_map(
        |(start, length)| {
            Span::from_days(start as f64 / 1440.0, (start + length) as f64 / 1440.0).unwrap()
        },
    ));
    let network = prop::option::of(
        (
            -1_000_000i32..=1_000_000,
            -1_000_000i32..=1_000_000,
            100i32..=4000,
        )
            .prop_map(|(x, y, scale)| {
                NetAt::new(
                    f64::from(x) / 10.0,
                    f64::from(y) / 10.0,
                    f64::from(scale) / 1000.0,
                )
            }),
    );
    let actors = (any::<bool>(), any::<bool>()).prop_map(|(table, ego)| ActorsMode {
        mode: if table { Mode::Table } else { Mode::Network },
        ego,
    });
    let sort = (prop::sample::select(SortKey::ALL.to_vec()), any::<bool>())
        .prop_map(|(key, ascending)| Sort { key, ascending });
    (
        map,
        prop::sample::select(ColourBy::ALL.to_vec()),
        span,
        prop::sample::select(LaneMode::ALL.to_vec()),
        actors,
        network,
        sort,
    )
        .prop_map(
            |(map, colour, span, lanes, actors, network, sort)| ViewState {
                map,
                colour,
                span,
                lanes,
                actors,
                network,
                sort,
            },
        )
}

/// Any compare setting: two tracks of any kind, any anchor, split and period, or none.
fn compare() -> impl Strategy<Value = Option<CompareLink>> {
    let track = || {
        prop_oneof![
            prop::sample::select(Side::ALL.to_vec()).prop_map(TrackKey::Side),
            id().prop_map(TrackKey::Actor),
            id().prop_map(TrackKey::Storyline),
        ]
    };
    prop::option::of(
        (
            track(),
            track(),
            prop::option::of(id()),
            prop::option::of(id()),
            prop::option::of(1u32..=MAX_DAYS),
        )
            .prop_map(|(a, b, anchor, split, days)| CompareLink {
                pair: [a, b],
                anchor,
                split,
                days,
            }),
    )
}

fn state() -> impl Strategy<Value = UrlState> {
    let route = prop_oneof![
        Just(Route::Overview),
        id().prop_map(Route::Event),
        id().prop_map(Route::Actor),
        id().prop_map(Route::Place),
    ];
    let view = prop::option::of(prop::sample::select(PhoneTab::ALL.to_vec()));
    let window =
        (prop::option::of(date()), prop::option::of(date())).prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
            other => other,
        });
    let tour = prop::option::of(id());
    let facets = (ids(), ids(), ids(), ids());
    let layout = (
        prop::option::of(prop::sample::select(PhoneTab::ALL.to_vec())),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(prop::sample::select(PhoneTab::ALL.to_vec()), 0..4),
    )
        .prop_map(|(stage, filters, details, embedded)| Layout {
            stage,
            hidden: Panels { filters, details },
            embed: Embed::of(&embedded),
        });
    let data = prop::option::of(data_ref());
    let shown = (view, tour, views(), layout, compare(), data);
    (route, window, facets, ".{0,30}", shown).prop_map(
        |(
            route,
            (from, to),
            (stories, countries, actors, kinds),
            q,
            (view, tour, views, layout, compare, data),
        )| UrlState {
            route,
            filters: Filters {
                from,
                to,
                stories,
                countries,
                actors,
                kinds,
                q,
            },
            view,
            tour,
            views,
            layout,
            compare,
            data,
        },
    )
}

/// A dataset file's name (any text, `~` and `&` included) and its 8-hex-digit hash.
fn data_ref() -> impl Strategy<Value = DataRef> {
    ("[^\\s].{0,40}", "[0-9a-f]{8}").prop_map(|(name, hash)| DataRef { name, hash })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn formatted_states_parse_back_to_themselves(state in state()) {
        let link = format(&state);
        let (parsed, problems) = parse(&link);
        prop_assert!(problems.is_empty(), "{link}: {problems:?}");
        prop_assert_eq!(parsed, state);
    }

    #[test]
    fn arbitrary_text_never_panics_and_formats_canonically(text in ".{0,120}") {
        let (state, _) = parse(&text);
        let canonical = format(&state);
        let (again, problems) = parse(&canonical);
        prop_assert!(problems.is_empty(), "{canonical}: {problems:?}");
        prop_assert_eq!(format(&again), canonical);
    }

    #[test]
    fn mutated_links_never_panic(state in state(), cut in 0usize..200, junk in "[%&=?/#,+ a-zA-Z0-9\u{0}-\u{ff}]{0,8}") {
        let mut link = format(&state);
        let at = link.char_indices().map(|(i, _)| i).nth(cut % (link.chars().count() + 1)).unwrap_or(link.len());
        link.insert_str(at, &junk);
        let (parsed, _) = parse(&link);
        let canonical = format(&parsed);
        prop_assert_eq!(format(&parse(&canonical).0), canonical);
    }
}

#[test]
fn malformed_links_report_what_was_not_understood() {
    let (state, problems) = parse("#/event/%%%");
    assert_eq!(state.route, Route::Overview);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("not a valid event id"),
        "{problems:?}"
    );

    let (state, problems) = parse("#/nope");
    assert_eq!(state.route, Route::Overview);
    assert!(problems[0].message.contains("no such page"));

    let (state, problems) = parse("#/?from=banana&to=2010-12-17&story=korea-crisis");
    assert_eq!(state.filters.from, None);
    assert_eq!(state.filters.to, Date::parse("2010-12-17"));
    assert_eq!(state.filters.stories, vec!["korea-crisis".to_owned()]);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].part.contains("banana"));
}

#[test]
fn the_rest_of_a_link_still_applies() {
    let (state, problems) =
        parse("/actor/yang-jiechi?view=globe&kind=phone-call,Bad%20Id&q=Лавров&zoom=3");
    assert_eq!(state.route, Route::Actor("yang-jiechi".into()));
    assert_eq!(state.filters.kinds, vec!["phone-call".to_owned()]);
    assert_eq!(state.filters.q, "Лавров");
    assert_eq!(state.view, None);
    let parts: Vec<&str> = problems.iter().map(|p| p.part.as_str()).collect();
    assert_eq!(parts, vec!["view=globe", "kind=Bad Id", "zoom=3"]);
}

#[test]
fn canonical_form_orders_parameters_and_lists() {
    let (state, _) = parse("#/event/2010-11-23-yeonpyeong-shelling?view=map&story=wen-visit,korea-crisis&from=2010-11-01");
    assert_eq!(
        format(&state),
        "/event/2010-11-23-yeonpyeong-shelling?from=2010-11-01&story=korea-crisis,wen-visit&view=map"
    );
}

#[test]
fn an_inverted_window_is_swapped_and_reported() {
    let (state, problems) = parse("/?from=2010-12-31&to=2010-10-01");
    assert_eq!(state.filters.from, Date::parse("2010-10-01"));
    assert_eq!(state.filters.to, Date::parse("2010-12-31"));
    assert_eq!(problems.len(), 1);
}

#[test]
fn one_broken_list_item_spoils_only_itself() {
    let (state, problems) = parse("#/?kind=visit,%%bad,phone-call&story=%E0%A4");
    assert_eq!(
        state.filters.kinds,
        vec!["phone-call".to_owned(), "visit".to_owned()]
    );
    assert!(state.filters.stories.is_empty());
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].part.starts_with("kind=%%bad"), "{problems:?}");
}

#[test]
fn a_tour_link_names_its_tour() {
    let (state, problems) = parse("#/event/2010-11-23-yeonpyeong-shelling?tour=wen-visit");
    assert_eq!(state.tour.as_deref(), Some("wen-visit"));
    assert!(problems.is_empty(), "{problems:?}");

    let (state, problems) = parse("#/?tour=Not%20A%20Tour");
    assert_eq!(state.tour, None);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].part, "tour=Not A Tour");
    assert_eq!(problems[0].message, "not a valid tour id; ignored");
}

#[test]
fn only_a_well_formed_id_opens_a_page() {
    for (link, part) in [
        ("#/event/Not%20An%20Id", "/event/Not An Id"),
        ("#/actor/UPPER", "/actor/UPPER"),
        ("#/place/beijing/extra", "/place/beijing"),
    ] {
        let (state, problems) = parse(link);
        assert_eq!(state.route, Route::Overview, "{link}");
        assert_eq!(problems.len(), 1, "{link}: {problems:?}");
        assert_eq!(problems[0].part, part, "{link}");
    }
    let (state, problems) = parse("#/event");
    assert_eq!(state.route, Route::Overview);
    assert!(
        problems[0].message.contains("names no event"),
        "{problems:?}"
    );

    assert_eq!(
        parse("/place/beijing/").0.route,
        Route::Place("beijing".into())
    );
    assert_eq!(parse("#/").0.route, Route::Overview);
    assert!(parse("#/").1.is_empty());
}

#[test]
fn a_one_day_window_is_not_inverted() {
    let (state, problems) = parse("#/?from=2010-11-23&to=2010-11-23");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.filters.from, Date::parse("2010-11-23"));
    assert_eq!(state.filters.to, Date::parse("2010-11-23"));
}

#[test]
fn search_text_and_ids_are_percent_encoded_in_links() {
    use korea2010::url::percent_encode;
    // Unreserved characters stay as they are; everything else is escaped.
    assert_eq!(percent_encode("a-Z.0_9~", true), "a-Z.0_9~");
    assert_eq!(percent_encode("a b&c=d", true), "a%20b%26c%3Dd");
    assert_eq!(
        percent_encode("Лавров", false),
        "%D0%9B%D0%B0%D0%B2%D1%80%D0%BE%D0%B2"
    );
    // A comma separates list items inside the query, so there it is escaped; in a path it
    // is kept.
    assert_eq!(percent_encode("a,b", true), "a%2Cb");
    assert_eq!(percent_encode("a,b", false), "a,b");

    let state = UrlState {
        filters: Filters {
            q: "Wen, Putin & co".into(),
            ..Filters::default()
        },
        tour: Some("wen-visit".into()),
        view: Some(PhoneTab::List),
        ..UrlState::default()
    };
    assert_eq!(
        format(&state),
        "/?q=Wen%2C%20Putin%20%26%20co&tour=wen-visit&view=list"
    );
    assert_eq!(parse(&format(&state)).0, state);
}

#[test]
fn a_search_longer_than_the_limit_is_cut_not_refused() {
    use korea2010::url::MAX_QUERY_CHARS;
    let long = "ж".repeat(MAX_QUERY_CHARS + 20);
    let (state, problems) = parse(&format!("#/?q={long}"));
    assert!(problems.is_empty());
    assert_eq!(state.filters.q.chars().count(), MAX_QUERY_CHARS);
    let plus = parse("#/?q=wen+jiabao").0;
    assert_eq!(plus.filters.q, "wen jiabao");
}

#[test]
fn problems_read_as_the_part_and_what_was_done() {
    let (_, problems) = parse("#/?view=globe");
    assert_eq!(
        problems[0].to_string(),
        "“view=globe”: not a view (map, timeline, actors or list); ignored"
    );
    let huge = "x".repeat(100);
    let (_, problems) = parse(&format!("#/{huge}"));
    let part = &problems[0].part;
    assert!(part.chars().count() <= 62, "{part}");
    assert!(part.ends_with('…'), "{part}");
}

#[test]
fn views_have_ids_and_names() {
    let ids: Vec<&str> = PhoneTab::ALL.iter().map(|v| v.id()).collect();
    assert_eq!(ids, ["map", "timeline", "actors", "list"]);
    let labels: Vec<&str> = PhoneTab::ALL.iter().map(|v| v.label()).collect();
    assert_eq!(labels, ["Map", "Timeline", "Actors", "Event list"]);
    for view in PhoneTab::ALL {
        assert_eq!(PhoneTab::from_id(view.id()), Some(view));
    }
    assert_eq!(PhoneTab::from_id("globe"), None);
}

#[test]
fn a_compare_link_keeps_the_rest_of_the_link() {
    let (state, problems) = parse(
        "#/event/2010-11-23-yeonpyeong-shelling?story=korea-crisis&compare=china,actor.lavrov&days=7&sort=-title",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        state.route,
        Route::Event("2010-11-23-yeonpyeong-shelling".into())
    );
    assert_eq!(state.filters.stories, ["korea-crisis"]);
    assert_eq!(state.views.sort.key, SortKey::Title);
    let compare = state.compare.clone().unwrap();
    assert_eq!(
        compare.pair,
        [
            TrackKey::Side(Side::China),
            TrackKey::Actor("lavrov".into())
        ]
    );
    assert_eq!(compare.days, Some(7));
    assert_eq!(
        format(&state),
        "/event/2010-11-23-yeonpyeong-shelling?story=korea-crisis&sort=-title&compare=china,actor.lavrov&days=7"
    );
}

#[test]
fn a_dataset_reference_names_the_file_and_its_hash() {
    let (state, problems) = parse("#/event/2010-01-01-x?data=my%20own~timeline.csv~0a1b2c3d");
    assert!(problems.is_empty(), "{problems:?}");
    let data = state.data.clone().unwrap();
    assert_eq!(
        (data.name.as_str(), data.hash.as_str()),
        ("my own~timeline.csv", "0a1b2c3d")
    );
    assert_eq!(
        format(&state),
        "/event/2010-01-01-x?data=my%20own~timeline.csv~0a1b2c3d"
    );
    for bad in [
        "x.csv",
        "x.csv~0A1B2C3D",
        "x.csv~0a1b2c3",
        "x.csv~0a1b2c3d4",
        "~0a1b2c3d",
        "%20~0a1b2c3d",
        "x~0a1b2c3g",
    ] {
        let (state, problems) = parse(&format!("/?data={bad}"));
        assert_eq!(state.data, None, "{bad}");
        assert_eq!(problems.len(), 1, "{bad}");
        assert!(problems[0].message.contains("built-in chronicle"), "{bad}");
    }
    let long = "n".repeat(korea2010::url::MAX_DATA_NAME_CHARS);
    assert!(parse(&format!("/?data={long}~0a1b2c3d")).0.data.is_some());
    assert!(parse(&format!("/?data={long}n~0a1b2c3d")).0.data.is_none());
    // It comes last, after the views' settings.
    let (state, _) = parse("/?data=a.json~12345678&sort=title&from=2010-11-01");
    assert_eq!(
        format(&state),
        "/?from=2010-11-01&sort=title&data=a.json~12345678"
    );
}
