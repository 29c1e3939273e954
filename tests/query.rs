//! The filter algebra and search, on the real dataset.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use korea2010::data::{self, Catalog, Date};
use korea2010::query::filter::Matcher;
use korea2010::query::{Facet, Filters, SearchIndex};

fn setup() -> (Catalog, SearchIndex) {
    let catalog = data::load_embedded().expect("embedded dataset");
    let search = SearchIndex::new(&catalog);
    (catalog, search)
}

fn shown(catalog: &Catalog, search: &SearchIndex, filters: &Filters) -> BTreeSet<usize> {
    Matcher::new(catalog, search, filters)
        .filtered()
        .into_iter()
        .collect()
}

fn with(facet: Facet, values: &[&str]) -> Filters {
    let mut filters = Filters::default();
    for value in values {
        filters.toggle(facet, value);
    }
    filters
}

#[test]
fn values_of_one_facet_combine_with_or() {
    let (catalog, search) = setup();
    let korea = shown(&catalog, &search, &with(Facet::Story, &["korea-crisis"]));
    let wen = shown(&catalog, &search, &with(Facet::Story, &["wen-visit"]));
    let both = shown(
        &catalog,
        &search,
        &with(Facet::Story, &["korea-crisis", "wen-visit"]),
    );
    assert!(!korea.is_empty() && !wen.is_empty());
    assert_eq!(both, korea.union(&wen).copied().collect());
}

#[test]
fn facets_combine_with_and() {
    let (catalog, search) = setup();
    let korea = shown(&catalog, &search, &with(Facet::Story, &["korea-crisis"]));
    let russia = shown(&catalog, &search, &with(Facet::Country, &["russia"]));
    let mut filters = with(Facet::Story, &["korea-crisis"]);
    filters.toggle(Facet::Country, "russia");
    let both = shown(&catalog, &search, &filters);
    assert!(!both.is_empty());
    assert_eq!(both, korea.intersection(&russia).copied().collect());
    for &e in &both {
        assert!(catalog.events()[e]
            .storylines
            .iter()
            .any(|s| s == "korea-crisis"));
    }
}

#[test]
fn facet_counts_predict_what_selecting_a_value_leaves() {
    let (catalog, search) = setup();
    let base = with(Facet::Story, &["korea-crisis"]);
    let matcher = Matcher::new(&catalog, &search, &base);
    for facet in [Facet::Country, Facet::Kind, Facet::Actor] {
        for value in matcher.facet_values(facet) {
            let mut filters = base.clone();
            filters.toggle(facet, &value.id);
            assert_eq!(
                shown(&catalog, &search, &filters).len(),
                value.count,
                "{facet:?} {} predicts {}",
                value.id,
                value.count
            );
        }
    }
}

#[test]
fn the_time_window_keeps_events_that_overlap_it() {
    let (catalog, search) = setup();
    let filters = Filters {
        from: Date::parse("2010-12-09"),
        to: Date::parse("2010-12-17"),
        ..Filters::default()
    };
    let (from, to) = (
        filters.from.unwrap().to_days(),
        filters.to.unwrap().to_days(),
    );
    let kept = shown(&catalog, &search, &filters);
    assert!(!kept.is_empty());
    for e in 0..catalog.events().len() {
        let span = catalog.spans[e];
        assert_eq!(
            kept.contains(&e),
            span.start <= to && span.end >= from,
            "{}",
            catalog.events()[e].id
        );
    }
}

#[test]
fn search_finds_lavrov_in_latin_and_cyrillic_and_by_prefix() {
    let (catalog, search) = setup();
    let lavrov = catalog
        .actor_index("sergey-lavrov")
        .expect("Lavrov is an actor");
    let his: BTreeSet<usize> = catalog.actor_events[lavrov].iter().copied().collect();
    for q in ["lavrov", "LAVROV", "Лавров", "лавр", "Lav"] {
        let found = shown(
            &catalog,
            &search,
            &Filters {
                q: q.into(),
                ..Filters::default()
            },
        );
        assert!(
            his.is_subset(&found),
            "{q}: missing {:?}",
            his.difference(&found).collect::<Vec<_>>()
        );
    }
}

#[test]
fn search_ignores_case_and_diacritics_and_needs_every_word() {
    let (catalog, search) = setup();
    let q = |text: &str| {
        shown(
            &catalog,
            &search,
            &Filters {
                q: text.into(),
                ..Filters::default()
            },
        )
    };
    assert_eq!(q("dushanbe"), q("DUSHANBÉ"));
    assert!(!q("dushanbe").is_empty());
    let both = q("yeonpyeong shelling");
    assert!(both.is_subset(&q("yeonpyeong")));
    assert!(q("yeonpyeong zzzzqqq").is_empty());
}

#[test]
fn search_finds_native_script_names() {
    let (catalog, search) = setup();
    let wen = catalog
        .actor("wen-jiabao")
        .and_then(|a| a.native_name.clone())
        .expect("Wen has a native name");
    let found = shown(
        &catalog,
        &search,
        &Filters {
            q: wen,
            ..Filters::default()
        },
    );
    let his: BTreeSet<usize> = catalog.actor_events[catalog.actor_index("wen-jiabao").unwrap()]
        .iter()
        .copied()
        .collect();
    assert!(his.is_subset(&found));
}

#[test]
fn unknown_values_are_dropped_and_reported() {
    let (catalog, _) = setup();
    let mut filters = with(Facet::Story, &["korea-crisis", "no-such-story"]);
    filters.toggle(Facet::Kind, "teleportation");
    let unknown = filters.retain_known(&catalog);
    assert_eq!(filters.stories, vec!["korea-crisis"]);
    assert!(filters.kinds.is_empty());
    let reported: Vec<(&str, &str)> = unknown
        .iter()
        .map(|u| (u.param, u.value.as_str()))
        .collect();
    assert_eq!(
        reported,
        vec![("story", "no-such-story"), ("kind", "teleportation")]
    );
}

#[test]
fn the_list_sorts_by_any_column_keeping_date_order_among_equals() {
    use korea2010::views::list::sort::{column_text, sorted, SortKey};
    let (catalog, search) = setup();
    let shown = Matcher::new(&catalog, &search, &Filters::default()).filtered();
    for key in SortKey::ALL {
        for ascending in [true, false] {
            let order = sorted(&catalog, &shown, key, ascending);
            assert_eq!(order.len(), shown.len());
            let texts: Vec<String> = order
                .iter()
                .map(|&e| column_text(&catalog, e, key).to_lowercase())
                .collect();
            for (pair, events) in texts.windows(2).zip(order.windows(2)) {
                if key == SortKey::Date {
                    assert!(if ascending {
                        events[0] < events[1]
                    } else {
                        events[0] > events[1]
                    });
                } else if pair[0].is_empty() || pair[1].is_empty() {
                    assert!(pair[1].is_empty(), "{key:?}: empty texts go last");
                } else if pair[0] == pair[1] {
                    assert!(events[0] < events[1], "{key:?}: ties stay in date order");
                } else {
                    assert_eq!(
                        pair[0] < pair[1],
                        ascending,
                        "{key:?} {ascending}: {pair:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_list_columns_read_as_their_names() {
    use korea2010::views::list::sort::{column_text, SortKey};
    let labels: Vec<&str> = SortKey::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(labels, ["Date", "Event", "Places", "Actors", "Storylines"]);

    let (catalog, _) = setup();
    let e = catalog
        .event_index("2010-11-23-commercial-agreements")
        .expect("the commercial agreements are an event");
    let event = &catalog.events()[e];
    assert_eq!(column_text(&catalog, e, SortKey::Date), event.start);
    assert_eq!(column_text(&catalog, e, SortKey::Title), event.title);
    assert_eq!(
        column_text(&catalog, e, SortKey::Places),
        "Tianwan Nuclear Power Plant"
    );
    assert_eq!(column_text(&catalog, e, SortKey::Actors), "China, Russia");
    assert_eq!(
        column_text(&catalog, e, SortKey::Storylines),
        "Wen Jiabao's journey; Oil, gas and power: the energy deals"
    );
}

#[test]
fn the_list_sorts_by_title_from_a_to_z_and_back() {
    use korea2010::views::list::sort::{column_text, sorted, SortKey};
    let (catalog, search) = setup();
    let shown = Matcher::new(&catalog, &search, &with(Facet::Story, &["wen-visit"])).filtered();
    let titles = |order: &[usize]| -> Vec<String> {
        order
            .iter()
            .map(|&e| column_text(&catalog, e, SortKey::Title).to_lowercase())
            .collect()
    };
    let up = titles(&sorted(&catalog, &shown, SortKey::Title, true));
    let mut expected = titles(&shown);
    expected.sort();
    assert_eq!(up, expected);
    let down = titles(&sorted(&catalog, &shown, SortKey::Title, false));
    expected.reverse();
    assert_eq!(down, expected);
    let newest_first = sorted(&catalog, &shown, SortKey::Date, false);
    assert_eq!(newest_first.first(), shown.last());
    assert_eq!(newest_first.last(), shown.first());
}

#[test]
fn a_whole_word_a_prefix_and_a_word_past_every_other_all_search_correctly() {
    use korea2010::query::search::tokenize;
    let (catalog, search) = setup();
    let e = catalog
        .event_index("2010-11-23-commercial-agreements")
        .unwrap();
    let hit = |q: &str| search.matches(&catalog, e, &tokenize(q));
    assert!(hit("nineteen"), "a whole word of the title");
    assert!(hit("commercial agreements"));
    assert!(hit("agree"), "a prefix");
    assert!(hit("tianwan"), "a place's name");
    assert!(!hit("zzzz"), "a word after every word of the event");
    assert!(!hit("aaaa"), "a word before every word of the event");
    assert!(!hit("nineteen zzzz"), "every word must match");
    assert!(!search.matches(&catalog, catalog.events().len(), &tokenize("nineteen")));
}

#[test]
fn cjk_text_is_split_into_characters_and_whole_runs_only() {
    use korea2010::query::search::{highlight, tokenize};
    assert_eq!(tokenize("温 Wen"), vec!["温", "wen"]);
    assert_eq!(
        tokenize("Wen 温"),
        vec!["wen", "温"],
        "one ideograph is not also a run"
    );
    assert_eq!(tokenize("温家宝"), vec!["温", "家", "宝", "温家宝"]);
    assert_eq!(
        tokenize("温家宝访俄"),
        vec!["温", "家", "宝", "访", "俄", "温家宝访俄"]
    );
    assert_eq!(
        tokenize("a温家b"),
        vec!["a", "温", "家", "b", "温家"],
        "a run ends where the script changes"
    );
    assert_eq!(
        highlight("温家宝访俄 Wen", "温家"),
        vec![("温家".to_owned(), true), ("宝访俄 Wen".to_owned(), false),]
    );
    assert_eq!(
        highlight("Wen Jiabao", "jia"),
        vec![("Wen ".to_owned(), false), ("Jiabao".to_owned(), true)]
    );
}
