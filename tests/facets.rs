//! The facet panel's numbers and the "filters are on" state, on the real dataset: what a
//! reader sees next to every storyline, country, actor and kind of event.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use korea2010::data::{self, ActorKind, Catalog, Date, EventKind};
use korea2010::query::filter::Matcher;
use korea2010::query::{Facet, FacetValue, Filters, SearchIndex};

fn setup() -> (Catalog, SearchIndex) {
    let catalog = data::load_embedded().expect("embedded dataset");
    let search = SearchIndex::new(&catalog);
    (catalog, search)
}

fn values(
    catalog: &Catalog,
    search: &SearchIndex,
    filters: &Filters,
    facet: Facet,
) -> Vec<FacetValue> {
    Matcher::new(catalog, search, filters).facet_values(facet)
}

fn ids(values: &[FacetValue]) -> Vec<&str> {
    values.iter().map(|v| v.id.as_str()).collect()
}

#[test]
fn with_no_filter_every_storyline_is_listed_with_its_number_of_events() {
    let (catalog, search) = setup();
    let stories = values(&catalog, &search, &Filters::default(), Facet::Story);
    let expected: Vec<&str> = catalog.storylines().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids(&stories), expected);
    for value in &stories {
        let in_story = catalog
            .events()
            .iter()
            .filter(|e| e.storylines.contains(&value.id))
            .count();
        assert!(in_story > 0, "{}", value.id);
        assert_eq!(value.count, in_story, "{}", value.id);
        assert!(!value.selected);
        let title = &catalog.storyline(&value.id).unwrap().title;
        assert_eq!(&value.label, title);
    }
}

#[test]
fn every_kind_of_event_is_listed_with_its_count() {
    let (catalog, search) = setup();
    let kinds = values(&catalog, &search, &Filters::default(), Facet::Kind);
    let total: usize = kinds.iter().map(|v| v.count).sum();
    assert_eq!(total, catalog.events().len(), "every event has one kind");
    for value in &kinds {
        let kind = EventKind::from_id(&value.id).unwrap();
        assert_eq!(value.label, kind.label());
        assert_eq!(
            value.count,
            catalog.events().iter().filter(|e| e.kind == kind).count()
        );
    }
}

#[test]
fn a_kind_of_event_the_dataset_does_not_use_is_not_listed() {
    let (full, _) = setup();
    let dropped = full.events()[0].kind;
    let mut dataset = full.dataset.clone();
    dataset.events.retain(|e| e.kind != dropped);
    let catalog = Catalog::new(dataset);
    let search = SearchIndex::new(&catalog);
    let kinds = values(&catalog, &search, &Filters::default(), Facet::Kind);
    let present: BTreeSet<&str> = catalog.events().iter().map(|e| e.kind.id()).collect();
    let listed: BTreeSet<&str> = ids(&kinds).into_iter().collect();
    assert_eq!(listed, present);
    assert!(!listed.contains(dropped.id()));
    assert!(!listed.is_empty());
}

#[test]
fn the_actor_facet_lists_people_with_events_by_name() {
    let (catalog, search) = setup();
    let actors = values(&catalog, &search, &Filters::default(), Facet::Actor);
    assert!(!actors.is_empty());
    let names: Vec<&str> = actors.iter().map(|v| v.label.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "listed by name");
    let expected: BTreeSet<&str> = catalog
        .actors()
        .iter()
        .enumerate()
        .filter(|(a, actor)| {
            actor.kind == ActorKind::Person && !catalog.actor_events[*a].is_empty()
        })
        .map(|(_, actor)| actor.id.as_str())
        .collect();
    assert_eq!(ids(&actors).into_iter().collect::<BTreeSet<_>>(), expected);
    assert!(
        catalog.actors().iter().any(|a| a.kind != ActorKind::Person),
        "the check needs actors that are not people"
    );
    for value in &actors {
        let a = catalog.actor_index(&value.id).unwrap();
        assert_eq!(value.count, catalog.actor_events[a].len(), "{}", value.id);
    }
}

#[test]
fn country_counts_are_the_events_each_country_takes_part_in() {
    let (catalog, search) = setup();
    let countries = values(&catalog, &search, &Filters::default(), Facet::Country);
    let expected: Vec<&str> = catalog
        .countries()
        .into_iter()
        .map(|a| catalog.actors()[a].id.as_str())
        .collect();
    assert_eq!(ids(&countries), expected);
    let russia = countries.iter().find(|v| v.id == "russia").expect("Russia");
    let a = catalog.actor_index("russia").unwrap();
    let with_russia = catalog
        .event_countries
        .iter()
        .filter(|c| c.contains(&a))
        .count();
    assert!(with_russia > 0);
    assert_eq!(russia.count, with_russia);
}

#[test]
fn the_country_facet_offers_every_state_behind_an_event_once() {
    let (catalog, search) = setup();
    let countries = values(&catalog, &search, &Filters::default(), Facet::Country);
    let listed = ids(&countries);
    for id in [
        "china",
        "russia",
        "north-korea",
        "south-korea",
        "united-states",
    ] {
        let times = listed.iter().filter(|&&l| l == id).count();
        assert_eq!(times, 1, "{id} in {listed:?}");
    }
    for (event, countries) in catalog.events().iter().zip(&catalog.event_countries) {
        for &c in countries {
            let id = catalog.actors()[c].id.as_str();
            assert!(listed.contains(&id), "{id} of {} is not offered", event.id);
        }
    }
}

#[test]
fn counts_follow_the_other_facets_but_not_their_own() {
    let (catalog, search) = setup();
    let mut filters = Filters::default();
    filters.toggle(Facet::Story, "korea-crisis");
    let stories = values(&catalog, &search, &filters, Facet::Story);
    let unfiltered = values(&catalog, &search, &Filters::default(), Facet::Story);
    // Its own facet is ignored: the other storylines keep their full counts.
    assert_eq!(
        stories.iter().map(|v| v.count).collect::<Vec<_>>(),
        unfiltered.iter().map(|v| v.count).collect::<Vec<_>>()
    );
    let selected: Vec<&str> = stories
        .iter()
        .filter(|v| v.selected)
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(selected, vec!["korea-crisis"]);

    // Another facet narrows the counts to the events of the crisis.
    let kinds = values(&catalog, &search, &filters, Facet::Kind);
    let in_crisis = Matcher::new(&catalog, &search, &filters).filtered().len();
    assert_eq!(kinds.iter().map(|v| v.count).sum::<usize>(), in_crisis);
    assert!(in_crisis < catalog.events().len());
}

#[test]
fn a_time_window_narrows_the_counts() {
    let (catalog, search) = setup();
    let filters = Filters {
        from: Date::parse("2010-12-09"),
        to: Date::parse("2010-12-17"),
        ..Filters::default()
    };
    let kinds = values(&catalog, &search, &filters, Facet::Kind);
    let shown = Matcher::new(&catalog, &search, &filters).filtered().len();
    assert!(shown > 0 && shown < catalog.events().len());
    assert_eq!(kinds.iter().map(|v| v.count).sum::<usize>(), shown);
}

#[test]
fn no_filter_is_not_active_and_each_filter_alone_is() {
    assert!(!Filters::default().is_active());
    let blank_search = Filters {
        q: "   ".into(),
        ..Filters::default()
    };
    assert!(!blank_search.is_active(), "spaces alone search nothing");

    let day = Date::parse("2010-11-23");
    let from = Filters {
        from: day,
        ..Filters::default()
    };
    let to = Filters {
        to: day,
        ..Filters::default()
    };
    let search = Filters {
        q: "lavrov".into(),
        ..Filters::default()
    };
    for (what, filters) in [("from", from), ("to", to), ("q", search)] {
        assert!(filters.is_active(), "{what}");
    }
    for facet in Facet::ALL {
        let mut filters = Filters::default();
        filters.toggle(facet, "some-value");
        assert!(filters.is_active(), "{facet:?}");
        filters.toggle(facet, "some-value");
        assert!(!filters.is_active(), "{facet:?} toggled off");
    }
}

#[test]
fn facets_are_headed_by_their_names_and_linked_by_their_parameters() {
    let labels: Vec<&str> = Facet::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(
        labels,
        ["Storyline", "Country / side", "Actor", "Kind of event"]
    );
    let params: Vec<&str> = Facet::ALL.iter().map(|f| f.param()).collect();
    assert_eq!(params, ["story", "country", "actor", "kind"]);
}

#[test]
fn a_folded_rail_counts_the_window_once_the_search_once_and_each_value() {
    assert_eq!(Filters::default().active_count(), 0);
    let blank = Filters {
        q: "  ".into(),
        ..Filters::default()
    };
    assert_eq!(blank.active_count(), 0, "spaces alone search nothing");
    let day = Date::parse("2010-11-23");
    let half_window = Filters {
        to: day,
        ..Filters::default()
    };
    assert_eq!(half_window.active_count(), 1);
    let mut filters = Filters {
        from: day,
        to: day,
        q: "lavrov".into(),
        ..Filters::default()
    };
    assert_eq!(filters.active_count(), 2, "a whole window is one condition");
    filters.toggle(Facet::Country, "china");
    filters.toggle(Facet::Country, "russia");
    filters.toggle(Facet::Kind, "meeting");
    assert_eq!(filters.active_count(), 5);
    let wording: Vec<String> = [1, 2, 5]
        .into_iter()
        .map(korea2010::present::active_filters)
        .collect();
    assert_eq!(wording, ["1 filter", "2 filters", "5 filters"]);
}
