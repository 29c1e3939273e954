//! The embedded dataset passes every rule, traces to the article, and is in our own words;
//! a deliberately broken copy is refused with the record and field named.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;

use korea2010::data::validate::validate_article;
use korea2010::data::{self, load, LoadError, EMBEDDED_DATASET};
use serde_json::{json, Value};
use support::article::{committed_index, run_hashes, CHRONOLOGY};

/// The edited file, read and validated as a reader's own file would be (the app reads the
/// same data packed at build time; `data::pack`'s tests hold the two equal).
fn embedded() -> korea2010::data::Catalog {
    match load(EMBEDDED_DATASET) {
        Ok(catalog) => catalog,
        Err(error) => panic!("{error}"),
    }
}

fn problems_of(value: &Value) -> Vec<String> {
    match load(&value.to_string()) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        Err(LoadError::Syntax(message)) => vec![message],
    }
}

#[test]
fn the_embedded_dataset_keeps_the_articles_own_rules() {
    let dataset = data::read(EMBEDDED_DATASET).unwrap();
    assert_eq!(validate_article(&dataset), Vec::new());
    // An event of 2009 not marked as background is refused in the article's chronicle,
    // and accepted in a reader's own file in the same schema.
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let events = value["events"].as_array_mut().unwrap();
    let index = events
        .iter()
        .position(|e| e["context"] != json!(true))
        .unwrap();
    let id = events[index]["id"].as_str().unwrap().to_owned();
    let moved = id.replacen("2010", "2009", 1);
    events[index]["id"] = json!(moved);
    events[index]["start"] = json!(events[index]["start"]
        .as_str()
        .unwrap()
        .replacen("2010", "2009", 1));
    for storyline in value["storylines"].as_array_mut().unwrap() {
        for step in storyline["tour"].as_array_mut().unwrap() {
            if step["event"] == json!(id) {
                step["event"] = json!(moved);
            }
        }
    }
    let text = value.to_string();
    let edited = data::read(&text).unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = validate_article(&edited)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        vec![format!(
            "event {moved}, field `start`: dates outside 2010 need `context: true`"
        )]
    );
}

#[test]
fn the_embedded_dataset_is_valid() {
    let catalog = embedded();
    assert!(
        catalog.events().len() >= 60,
        "only {} events",
        catalog.events().len()
    );
}

#[test]
fn events_are_in_date_order_and_ids_start_with_their_date() {
    let catalog = embedded();
    for pair in catalog.spans.windows(2) {
        assert!(pair[0].start <= pair[1].start);
    }
    for event in catalog.events() {
        assert!(event.id.starts_with(&event.start), "{}", event.id);
    }
}

#[test]
fn a_broken_copy_is_refused_naming_record_and_field() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let first_id = value["events"][0]["id"].as_str().unwrap().to_owned();
    value["events"][0]["participants"] = json!([{ "actor": "nobody-at-all", "role": "initiator" }]);
    value["events"][1]["start"] = json!("2010-13-45");
    let second_id = value["events"][1]["id"].as_str().unwrap().to_owned();
    value["places"][0]["lat"] = json!(123.0);
    let place_id = value["places"][0]["id"].as_str().unwrap().to_owned();
    let duplicate = value["actors"][0].clone();
    value["actors"].as_array_mut().unwrap().push(duplicate);

    let problems = problems_of(&value);
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(
        has(&format!("event {first_id}, field `participants[0].actor`")),
        "{problems:#?}"
    );
    assert!(
        has(&format!(
            "event {second_id}, field `start`: `2010-13-45` is not a date"
        )),
        "{problems:#?}"
    );
    assert!(
        has(&format!("place {place_id}, field `lat`")),
        "{problems:#?}"
    );
    assert!(has("is used by more than one record"), "{problems:#?}");
}

#[test]
fn an_end_before_the_start_and_a_missing_source_are_refused() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let id = value["events"][0]["id"].as_str().unwrap().to_owned();
    value["events"][0]["end"] = json!("1900-01-01");
    value["events"][0]["sources"] = json!([]);
    value["events"][0]["storylines"] = json!(["no-such-story"]);
    let problems = problems_of(&value);
    for field in ["end", "sources", "storylines[0]"] {
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("event {id}, field `{field}`"))),
            "{field}: {problems:#?}"
        );
    }
}

#[test]
fn unknown_fields_and_bad_json_are_reported() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    value["events"][0]["titel"] = json!("typo");
    let problems = problems_of(&value);
    assert!(
        problems[0].contains("unknown field `titel`"),
        "{problems:?}"
    );
    assert!(matches!(load("{ not json"), Err(LoadError::Syntax(_))));
}

/// The hashed 8-word runs of the article, from the committed index.
fn article_runs() -> BTreeSet<u64> {
    committed_index()
        .runs
        .iter()
        .map(|h| u64::from_str_radix(h, 16).unwrap())
        .collect()
}

#[test]
fn every_source_reference_points_into_the_article() {
    let index = committed_index();
    let catalog = embedded();
    for event in catalog.events() {
        for source in &event.sources {
            let count = index.sections.get(&source.section).copied();
            assert!(
                count.is_some(),
                "event {}: no section “{}” in the article",
                event.id,
                source.section
            );
            assert!(
                source.paragraph <= count.unwrap_or(0),
                "event {}: “{}” has {} paragraphs, not {}",
                event.id,
                source.section,
                count.unwrap_or(0),
                source.paragraph
            );
        }
    }
}

#[test]
fn every_chronology_entry_and_dated_paragraph_has_a_record() {
    let index = committed_index();
    let catalog = embedded();
    let cited: BTreeSet<(String, u32)> = catalog
        .events()
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| (s.section.clone(), s.paragraph)))
        .collect();
    let entries = index.sections[CHRONOLOGY];
    for entry in 1..=entries {
        assert!(
            cited.contains(&(CHRONOLOGY.to_owned(), entry)),
            "chronology entry {entry} has no record"
        );
    }
    for (section, paragraph) in &index.dated_paragraphs {
        assert!(
            cited.contains(&(section.clone(), *paragraph)),
            "“{section}” paragraph {paragraph} names a day but no record cites it"
        );
    }
}

#[test]
fn our_wording_repeats_no_run_of_the_articles_words() {
    let article = article_runs();
    let catalog = embedded();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for event in catalog.events() {
        texts.push((format!("event {} title", event.id), &event.title));
        texts.push((format!("event {} summary", event.id), &event.summary));
        for (i, note) in event.notes.iter().enumerate() {
            texts.push((format!("event {} notes[{i}]", event.id), &note.text));
        }
    }
    for story in catalog.storylines() {
        texts.push((format!("storyline {} context", story.id), &story.context));
        for (i, step) in story.tour.iter().enumerate() {
            texts.push((format!("storyline {} tour[{i}]", story.id), &step.narrative));
        }
    }
    for line in &catalog.dataset.lines {
        if let Some(summary) = &line.summary {
            texts.push((format!("line {} summary", line.id), summary));
        }
    }
    let copied: Vec<&String> = texts
        .iter()
        .filter(|(_, text)| run_hashes(text).iter().any(|h| article.contains(h)))
        .map(|(name, _)| name)
        .collect();
    assert!(
        copied.is_empty(),
        "these repeat 8 or more consecutive words of the article: {copied:#?}"
    );
}

#[test]
fn the_fingerprint_check_catches_text_taken_from_the_article() {
    // The long quotations are the article's words on purpose: the same check must flag them.
    let article = article_runs();
    let catalog = embedded();
    let long_quotes: Vec<&str> = catalog
        .events()
        .iter()
        .flat_map(|e| e.quotes.iter().map(|q| q.text.as_str()))
        .filter(|text| support::article::words(text).len() >= 12)
        .collect();
    assert!(!long_quotes.is_empty());
    let caught = long_quotes
        .iter()
        .filter(|q| run_hashes(q).iter().any(|h| article.contains(h)))
        .count();
    assert!(
        caught * 2 >= long_quotes.len(),
        "only {caught} of {} long quotes were recognised",
        long_quotes.len()
    );
}

const CHENG: &str = "2010-12-28-cheng-guoping-moscow";
const CHENG_OLD: &str = "2010-12-18-cheng-guoping-moscow";

#[test]
fn cheng_guoping_is_in_moscow_on_dec_28_and_keeps_his_old_id() {
    let catalog = embedded();
    let e = catalog
        .event_index(CHENG)
        .expect("the visit is dated Dec. 28");
    assert_eq!(catalog.events()[e].start, "2010-12-28");
    assert_eq!(catalog.events()[e].end, None);
    assert_eq!(catalog.event_index(CHENG_OLD), None);
    assert_eq!(catalog.event_by_former_id(CHENG_OLD), Some(e));
    // The tour visits it after the Security Council session of Dec. 19.
    let tour = &catalog.storyline("korea-crisis").unwrap().tour;
    let step = |id: &str| tour.iter().position(|s| s.event == id).unwrap();
    assert!(step(CHENG) > step("2010-12-19-unsc-emergency-meeting"));
}

#[test]
fn nothing_is_marked_at_the_pole() {
    // The "North Pole" of the Nov. 23 deals names a tanker route, not a place.
    for place in embedded().places() {
        assert!(
            place.lat.abs() < 85.0,
            "place {} at {}°",
            place.id,
            place.lat
        );
    }
}

#[test]
fn the_immediate_reactions_follow_the_shelling() {
    let catalog = embedded();
    let position = |id: &str| catalog.event_index(id).unwrap();
    let shelling = position("2010-11-23-yeonpyeong-shelling");
    assert!(position("2010-11-23-rok-artillery-drill") < shelling);
    for reaction in [
        "2010-11-23-china-urges-restraint",
        "2010-11-23-china-proposes-emergency-talks",
        "2010-11-23-russian-mfa-statement",
        "2010-11-23-lavrov-colossal-danger",
    ] {
        assert!(position(reaction) > shelling, "{reaction}");
        assert_eq!(
            catalog.events()[position(reaction)].after.as_deref(),
            Some("2010-11-23-yeonpyeong-shelling")
        );
    }
}

#[test]
fn after_must_name_another_event_without_loops() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let ids: Vec<String> = (0..7)
        .map(|i| value["events"][i]["id"].as_str().unwrap().to_owned())
        .collect();
    let (a, b, c, unknown) = (&ids[3], &ids[4], &ids[5], &ids[6]);
    value["events"][3]["after"] = json!(a);
    value["events"][4]["after"] = json!(c);
    value["events"][5]["after"] = json!(b);
    value["events"][6]["after"] = json!("2010-01-01-nothing");
    let problems = problems_of(&value);
    let has = |needle: String| problems.iter().any(|p| p.starts_with(&needle));
    assert!(
        has(format!("event {a}, field `after`: names the event itself")),
        "{problems:#?}"
    );
    assert!(
        has(format!("event {b}, field `after`: closes a loop")),
        "{problems:#?}"
    );
    assert!(
        has(format!(
            "event {unknown}, field `after`: `2010-01-01-nothing` is not an event id"
        )),
        "{problems:#?}"
    );
}

#[test]
fn a_chain_of_more_than_32_answers_is_refused_at_the_33rd() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let events = value["events"].as_array_mut().unwrap();
    for event in events.iter_mut() {
        event.as_object_mut().unwrap().remove("after");
    }
    let ids: Vec<String> = events
        .iter()
        .take(34)
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    // Each of the first 34 events answers the one before: the 33rd is 32 answers from the
    // first, the 34th 33.
    for (event, cause) in events.iter_mut().skip(1).zip(&ids).take(33) {
        event["after"] = json!(cause);
    }
    let problems = problems_of(&value);
    let chains: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains("field `after`"))
        .collect();
    assert_eq!(chains.len(), 1, "{problems:#?}");
    let expected = format!(
        "event {}, field `after`: is part of a chain of more than 32 answers",
        ids[33]
    );
    assert!(chains[0].starts_with(&expected), "{problems:#?}");
}

#[test]
fn former_ids_must_each_name_one_event_and_no_current_one() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let current = value["events"][0]["id"].as_str().unwrap().to_owned();
    let (first, second) = (
        value["events"][1]["id"].as_str().unwrap().to_owned(),
        value["events"][2]["id"].as_str().unwrap().to_owned(),
    );
    value["events"][1]["former_ids"] = json!([current, "Not An Id"]);
    value["events"][2]["former_ids"] = json!(["2010-01-01-gone", "2010-01-01-gone"]);
    let problems = problems_of(&value);
    let has = |needle: String| problems.iter().any(|p| p.starts_with(&needle));
    assert!(
        has(format!(
            "event {first}, field `former_ids[0]`: `{current}` is the id of an event"
        )),
        "{problems:#?}"
    );
    assert!(
        has(format!("event {first}, field `former_ids[1]`")),
        "{problems:#?}"
    );
    assert!(
        has(format!(
            "event {second}, field `former_ids[1]`: `2010-01-01-gone` is a former id of more than one event"
        )),
        "{problems:#?}"
    );
}

#[test]
fn only_a_pipeline_can_be_not_yet_built() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let lines = value["lines"].as_array_mut().unwrap();
    let trip = lines.iter_mut().find(|l| l["kind"] == "itinerary").unwrap();
    trip["status"] = json!("not-yet-built");
    let id = trip["id"].as_str().unwrap().to_owned();
    let problems = problems_of(&value);
    assert_eq!(
        problems,
        vec![format!(
            "line {id}, field `status`: only a pipeline can be `not-yet-built`"
        )]
    );
}

#[test]
fn a_person_may_act_for_a_news_outlet_but_an_outlet_may_not() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let actors = value["actors"].as_array_mut().unwrap();
    let outlet = |a: &Value| a["kind"] == "media";
    let (first, second) = {
        let mut media = actors.iter().filter(|a| outlet(a));
        let first = media.next().unwrap()["id"].as_str().unwrap().to_owned();
        let second = media.next().unwrap()["id"].as_str().unwrap().to_owned();
        (first, second)
    };
    let person = actors.iter_mut().find(|a| a["kind"] == "person").unwrap();
    person["affiliation"] = json!(first);
    assert!(problems_of(&value).is_empty());
    let outlet = value["actors"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == second.as_str())
        .unwrap();
    outlet["affiliation"] = json!(first);
    assert_eq!(
        problems_of(&value),
        vec![format!(
            "actor {second}, field `affiliation`: `{first}` must be a state or organisation"
        )]
    );
}

#[test]
fn an_organisation_cannot_belong_to_itself() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let actors = value["actors"].as_array_mut().unwrap();
    let organisation = actors
        .iter_mut()
        .find(|a| a["kind"] == "organisation" && a.get("affiliation").is_none())
        .unwrap();
    let id = organisation["id"].as_str().unwrap().to_owned();
    organisation["affiliation"] = json!(id);
    assert_eq!(
        problems_of(&value),
        vec![format!(
            "actor {id}, field `affiliation`: an actor cannot belong to itself"
        )]
    );
}

/// The first line of `value` drawn through places (`stops`).
fn first_line_with_stops(value: &mut Value) -> &mut Value {
    value["lines"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|l| l.get("stops").is_some())
        .unwrap()
}

#[test]
fn a_line_of_one_stop_is_refused_and_so_is_a_point_off_the_globe_on_one_axis() {
    let two_positions = "a line needs at least two positions";
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let line = first_line_with_stops(&mut value);
    let id = line["id"].as_str().unwrap().to_owned();
    line["stops"] = json!(["moscow"]);
    assert_eq!(
        problems_of(&value),
        vec![format!("line {id}, field `stops/points`: {two_positions}")]
    );

    // Drawn from points: a longitude out of range with a fine latitude, then the other way.
    for (point, shown) in [
        (json!([181.0, 40.0]), "[181, 40]"),
        (json!([120.0, -91.0]), "[120, -91]"),
    ] {
        let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
        let line = first_line_with_stops(&mut value);
        line.as_object_mut().unwrap().remove("stops");
        line["points"] = json!([[116.4, 39.9], point]);
        assert_eq!(
            problems_of(&value),
            vec![format!(
                "line {id}, field `points[1]`: {shown} is not a [lon, lat] pair"
            )]
        );
    }
}

#[test]
fn an_end_on_the_start_day_is_accepted() {
    let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
    let start = value["events"][0]["start"].clone();
    value["events"][0]["end"] = start;
    assert_eq!(problems_of(&value), Vec::<String>::new());
}

#[test]
fn an_id_must_start_with_its_own_date_and_go_on_with_a_slug() {
    type MakeId = fn(&str, &str) -> String;
    let ids: [(MakeId, &str); 2] = [
        (
            |start: &str, id: &str| id.replacen(start, "2010-01-01", 1),
            "another date",
        ),
        (|start: &str, _: &str| format!("{start}-"), "the date alone"),
    ];
    for (make_id, why) in ids {
        let mut value: Value = serde_json::from_str(EMBEDDED_DATASET).unwrap();
        let event = &mut value["events"][0];
        let start = event["start"].as_str().unwrap().to_owned();
        let id = make_id(&start, event["id"].as_str().unwrap());
        event["id"] = json!(id);
        let expected = format!(
            "event {id}, field `id`: must be `{start}-short-slug` (its start date, then a slug)"
        );
        let problems = problems_of(&value);
        assert!(problems.contains(&expected), "{why}: {problems:#?}");
    }
}
