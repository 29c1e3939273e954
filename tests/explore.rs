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
