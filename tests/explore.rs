//! Deep links resolved against the real dataset: what applies, what is reported.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data;
use korea2010::explore::Exploration;
use korea2010::query::SearchIndex;
use korea2010::url::Route;

fn resolve(fragment: &str) -> Exploration {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    Exploration::from_fragment(&catalog, &search, fragment)
}

#[test]
fn an_event_link_selects_the_event() {
    let exploration = resolve("#/event/2010-11-23-yeonpyeong-shelling");
    assert!(exploration.selected_event().is_some());
    assert!(exploration.notices.is_empty(), "{:?}", exploration.notices);
    assert!(exploration.selection_shown());
}

#[test]
fn an_unknown_id_falls_back_to_the_overview_and_says_so() {
    let exploration = resolve("#/actor/nobody?story=korea-crisis");
    assert_eq!(exploration.url.route, Route::Overview);
    assert_eq!(exploration.selected_actor(), None);
    assert_eq!(exploration.url.filters.stories, vec!["korea-crisis"]);
    assert_eq!(exploration.notices.len(), 1);
    assert!(exploration.notices[0].contains("no actor has the id “nobody”"));
}

#[test]
fn stale_filter_values_are_reported_and_the_rest_applies() {
    let exploration = resolve("#/?country=russia,atlantis&from=banana");
    assert_eq!(exploration.url.filters.countries, vec!["russia"]);
    assert_eq!(exploration.notices.len(), 2, "{:?}", exploration.notices);
    assert_eq!(exploration.fragment(), "/?country=russia");
}

#[test]
fn a_filtered_out_selection_stays_selected_but_not_shown() {
    let exploration = resolve("#/event/2010-11-23-yeonpyeong-shelling?from=2010-12-01");
    assert!(exploration.selected_event().is_some());
    assert!(!exploration.selection_shown());
}

#[test]
fn a_tour_link_knows_its_step_and_neighbours() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let story = catalog
        .storyline("wen-visit")
        .expect("Wen's journey is a storyline");
    assert!(story.tour.len() >= 3);
    let second = &story.tour[1].event;
    let link = format!("#/event/{second}?tour=wen-visit");
    let exploration = Exploration::from_fragment(&catalog, &search, &link);
    let position = exploration.tour.expect("the tour is on");
    assert_eq!(position.step, Some(1));
    assert_eq!(position.steps, story.tour.len());
    assert_eq!(
        position.target(&catalog, 1),
        Some(story.tour[2].event.as_str())
    );
    assert_eq!(
        position.target(&catalog, -1),
        Some(story.tour[0].event.as_str())
    );
    assert_eq!(position.target(&catalog, -2), None);
}

#[test]
fn an_unknown_tour_is_reported() {
    let exploration = resolve("#/?tour=grand-tour");
    assert!(exploration.tour.is_none());
    assert!(exploration.url.tour.is_none());
    assert!(exploration.notices[0].contains("no such tour"));
}

#[test]
fn a_new_selection_with_the_same_filters_shares_the_shown_events() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let before = Exploration::from_fragment(&catalog, &search, "#/?story=korea-crisis");
    let after = before.next(
        &catalog,
        &search,
        "#/event/2010-11-23-yeonpyeong-shelling?story=korea-crisis",
    );
    assert!(after.selected_event().is_some());
    assert!(std::rc::Rc::ptr_eq(&before.shown, &after.shown));
}

#[test]
fn changed_filters_filter_again() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let before = Exploration::from_fragment(&catalog, &search, "#/?story=korea-crisis");
    let after = before.next(&catalog, &search, "#/?story=korea-crisis&country=russia");
    let fresh =
        Exploration::from_fragment(&catalog, &search, "#/?story=korea-crisis&country=russia");
    assert!(!std::rc::Rc::ptr_eq(&before.shown, &after.shown));
    assert_eq!(after.shown, fresh.shown);
    assert!(after.shown.len() < before.shown.len());
}

#[test]
fn an_old_event_id_opens_the_renamed_event_and_says_so() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let (old, new) = (
        "2010-12-18-cheng-guoping-moscow",
        "2010-12-28-cheng-guoping-moscow",
    );
    let exploration = Exploration::from_fragment(
        &catalog,
        &search,
        &format!("#/event/{old}?tour=korea-crisis"),
    );
    let selected = exploration
        .selected_event()
        .expect("the old id still resolves");
    assert_eq!(catalog.events()[selected].id, new);
    assert_eq!(catalog.events()[selected].start, "2010-12-28");
    // The link is rewritten to the current id and the rest of it still applies.
    assert_eq!(exploration.url.route, Route::Event(new.to_owned()));
    assert_eq!(
        exploration.fragment(),
        format!("/event/{new}?tour=korea-crisis")
    );
    assert!(exploration.tour.and_then(|t| t.step).is_some());
    assert_eq!(exploration.notices.len(), 1, "{:?}", exploration.notices);
    let notice = &exploration.notices[0];
    assert!(
        notice.contains(&format!("“{old}” is an old id")) && notice.contains(new),
        "{notice}"
    );
}

#[test]
fn a_tour_link_without_a_selected_event_starts_at_the_first_step() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let story = catalog.storyline("wen-visit").unwrap();
    let exploration = Exploration::from_fragment(&catalog, &search, "#/?tour=wen-visit");
    assert!(exploration.notices.is_empty(), "{:?}", exploration.notices);
    let position = exploration.tour.expect("the tour is on");
    assert_eq!(position.step, None);
    assert_eq!(position.steps, story.tour.len());
    assert_eq!(
        position.target(&catalog, 1),
        Some(story.tour[0].event.as_str()),
        "next is the first step"
    );
    assert_eq!(
        position.target(&catalog, -1),
        None,
        "nothing before the start"
    );
    assert_eq!(
        position.target(&catalog, 0),
        None,
        "no current step to stay on"
    );

    // An event that is not one of the tour's steps is not a step either.
    let outside = "#/event/1950-01-01-korean-war?tour=wen-visit";
    let exploration = Exploration::from_fragment(&catalog, &search, outside);
    assert!(exploration.selected_event().is_some());
    assert_eq!(exploration.tour.unwrap().step, None);
}

#[test]
fn the_last_step_of_a_tour_has_no_next() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let story = catalog.storyline("wen-visit").unwrap();
    let last = story.tour.len() - 1;
    let link = format!("#/event/{}?tour=wen-visit", story.tour[last].event);
    let position = Exploration::from_fragment(&catalog, &search, &link)
        .tour
        .unwrap();
    assert_eq!(position.step, Some(last));
    assert_eq!(position.target(&catalog, 1), None);
    assert_eq!(
        position.target(&catalog, 0),
        Some(story.tour[last].event.as_str())
    );
}

#[test]
fn place_and_actor_links_select_them_and_keep_a_canonical_link() {
    let exploration = resolve("#/place/beijing?view=map&story=wen-visit,korea-crisis");
    let catalog = data::load_embedded().unwrap();
    assert_eq!(exploration.selected_place(), catalog.place_index("beijing"));
    assert_eq!(exploration.selected_event(), None);
    assert!(!exploration.selection_shown(), "no event is selected");
    assert_eq!(
        exploration.fragment(),
        "/place/beijing?story=korea-crisis,wen-visit&view=map"
    );

    let exploration = resolve("#/actor/russia");
    assert_eq!(exploration.selected_actor(), catalog.actor_index("russia"));
    assert_eq!(exploration.shown.len(), catalog.events().len());

    let exploration = resolve("#/place/atlantis");
    assert_eq!(exploration.url.route, Route::Overview);
    assert_eq!(
        exploration.notices,
        vec!["no place has the id “atlantis”; showing the overview instead"]
    );
}

#[test]
fn a_state_built_by_the_app_is_checked_like_a_link() {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let (state, _) = korea2010::url::parse("#/event/no-such-event?kind=visit,teleportation");
    let exploration = Exploration::resolve(&catalog, &search, state, vec!["earlier".into()]);
    assert_eq!(exploration.url.route, Route::Overview);
    assert_eq!(exploration.url.filters.kinds, vec!["visit"]);
    assert_eq!(exploration.notices.len(), 3, "{:?}", exploration.notices);
    assert_eq!(exploration.notices[0], "earlier");
    assert!(exploration.notices[1].contains("kind=teleportation"));
    assert!(exploration.notices[2].contains("no event has the id “no-such-event”"));
    assert!(exploration
        .shown
        .iter()
        .all(|&e| catalog.events()[e].kind.id() == "visit"));
}

#[test]
fn a_compare_link_with_unknown_ids_opens_the_defaults_and_says_so() {
    let exploration = resolve(
        "#/?compare=china,actor.nobody&anchor=2010-13-01-nothing&split=2010-11-23-yeonpyeong-shelling&days=10",
    );
    assert_eq!(exploration.notices.len(), 2, "{:?}", exploration.notices);
    assert!(exploration.notices[0].contains("actor.nobody"));
    assert!(exploration.notices[1].contains("anchor=2010-13-01-nothing"));
    assert_eq!(
        exploration.fragment(),
        "/?compare=china,russia&split=2010-11-23-yeonpyeong-shelling&days=10"
    );
    let known = resolve("#/?compare=actor.wen-jiabao,russia&anchor=2010-11-23-yeonpyeong-shelling");
    assert!(known.notices.is_empty(), "{:?}", known.notices);
}
