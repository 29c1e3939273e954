//! Files in other formats open, mapped onto the schema, with a report of what was guessed
//! or dropped: the TimelineJS examples as the npm package ships them (read from
//! `node_modules`, not copied), and a GeoJSON file of dated points.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::import::{self, Format, ImportError, Imported};
use korea2010::data::{Date, Precision, EMBEDDED_DATASET};
use serde_json::Value;

/// A file of the TimelineJS package; without it, says how to get it. `node_modules` is the
/// repository's, or `KOREA2010_NODE_MODULES` (set by `cargo xtask mutants`, whose copy of
/// the tree has none).
fn template(name: &str) -> String {
    let modules = std::env::var("KOREA2010_NODE_MODULES")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules").to_owned());
    let path = format!("{modules}/@knight-lab/timelinejs/src/template/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!("cannot read {path} ({error}): run `npm ci` in the repository first")
    })
}

fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/").to_owned() + name;
    std::fs::read_to_string(path).unwrap()
}

fn open(name: &str, text: &str) -> Imported {
    match import::open(name, text) {
        Ok(imported) => imported,
        Err(error) => panic!("{name}: {error}"),
    }
}

fn event<'a>(catalog: &'a korea2010::data::Catalog, id: &str) -> &'a korea2010::data::Event {
    let found = catalog.events().iter().find(|e| e.id == id);
    found.unwrap_or_else(|| panic!("no event {id}"))
}

fn report_text(imported: &Imported) -> String {
    let report = imported.report.as_ref().expect("a report");
    [
        vec![report.read.clone()],
        report.guessed.clone(),
        report.dropped.clone(),
    ]
    .concat()
    .join("\n")
}

/// The headlines of the file's events as TimelineJS would show them (tags removed).
fn headlines(value: &Value) -> Vec<String> {
    value["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| import::build::plain_text(e["text"]["headline"].as_str().unwrap_or("")))
        .collect()
}

/// A year the schema can write: 0–9999.
fn writable(year: &Value) -> bool {
    let text = match year {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text.trim()
        .parse::<i64>()
        .is_ok_and(|y| (0..=9999).contains(&y))
}

#[test]
fn every_timelinejs_json_example_is_read_event_for_event() {
    let mut read_any = 0;
    for name in [
        "all-media-types.json",
        "cosmo-mixed.json",
        "cosmo.json",
        "eras.json",
    ] {
        let text = template(name);
        let value: Value = serde_json::from_str(&text).unwrap();
        let events = value["events"].as_array().unwrap();
        let placeable = events
            .iter()
            .filter(|e| writable(&e["start_date"]["year"]))
            .count();
        let result = import::open(name, &text);
        if placeable == 0 {
            // All in deep time (the Big Bang…): said so, with the reason.
            let message = result.err().unwrap().to_string();
            assert!(message.contains("TimelineJS3 JSON"), "{message}");
            assert!(message.contains("outside 0–9999"), "{message}");
            continue;
        }
        read_any += 1;
        let imported = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.format, Format::TimelineJson);
        let catalog = &imported.catalog;
        assert_eq!(catalog.events().len(), placeable, "{name}");
        let report = report_text(&imported);
        if placeable < events.len() {
            assert!(
                report.contains(&format!(
                    "{} × event left out: a year outside 0–9999",
                    events.len() - placeable
                )),
                "{report}"
            );
        }
        // Each event keeps its headline (or, without one, the start of its text), its
        // year, and its media link as the source.
        let titles = headlines(&value);
        for (i, event) in events
            .iter()
            .enumerate()
            .filter(|(_, e)| writable(&e["start_date"]["year"]))
        {
            let mine = catalog
                .events()
                .iter()
                .find(|e| e.sources[0].paragraph as usize == i + 1)
                .unwrap_or_else(|| panic!("{name}: event {} missing", i + 1));
            if !titles[i].is_empty() {
                assert!(
                    titles[i].starts_with(mine.title.trim_end_matches('…')),
                    "{} / {}",
                    titles[i],
                    mine.title
                );
            }
            let start = Date::parse(&mine.start).unwrap();
            assert_eq!(
                i64::from(start.year),
                event["start_date"]["year"].as_str().map_or_else(
                    || event["start_date"]["year"].as_i64().unwrap(),
                    |y| y.trim().parse().unwrap()
                )
            );
            // Its text is the summary.
            let text = import::build::plain_text(event["text"]["text"].as_str().unwrap_or(""));
            if !text.is_empty() {
                assert_eq!(mine.summary, text, "{}", mine.id);
            }
            let url = event["media"]["url"].as_str().unwrap_or("");
            if url.starts_with("http") && !url.contains(' ') {
                assert_eq!(mine.sources[0].url.as_deref(), Some(url));
            }
            let precision = match (
                event["start_date"].get("month"),
                event["start_date"].get("day"),
            ) {
                (_, Some(_)) => Precision::Day,
                (Some(_), None) => Precision::Month,
                _ => Precision::Approximate,
            };
            assert!(
                precision == mine.precision || mine.end.is_some(),
                "{}",
                mine.id
            );
            assert_eq!(mine.sources[0].section, name);
        }
        assert_eq!(
            catalog.dataset.meta.title,
            import::build::plain_text(value["title"]["text"]["headline"].as_str().unwrap())
        );
    }
    assert!(read_any >= 3, "only {read_any} examples read");
}

#[test]
fn eras_become_storylines_of_the_events_inside_them() {
    let text = template("eras.json");
    let value: Value = serde_json::from_str(&text).unwrap();
    let imported = open("eras.json", &text);
    let catalog = &imported.catalog;
    for era in value["eras"].as_array().unwrap() {
        let title = era["text"]["headline"].as_str().unwrap();
        let story = catalog
            .dataset
            .storylines
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no storyline {title}"));
        let (from, to): (i32, i32) = (
            era["start_date"]["year"].as_str().unwrap().parse().unwrap(),
            era["end_date"]["year"].as_str().unwrap().parse().unwrap(),
        );
        for event in catalog.events() {
            let year = Date::parse(&event.start).unwrap().year;
            assert_eq!(
                event.storylines.contains(&story.id),
                (from..=to).contains(&year),
                "{} in {title}",
                event.id
            );
        }
    }
    assert!(report_text(&imported).contains("eras made storylines"));
}

#[test]
fn the_spreadsheet_template_csv_is_read_row_for_row() {
    let text = template("my-own-timeline.csv");
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media"), "{header}");
    let rows = import::csv::rows(&text);
    let imported = open("my-own-timeline.csv", &text);
    assert_eq!(imported.format, Format::TimelineCsv);
    let catalog = &imported.catalog;
    let column = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let (year, month, day, end_year, headline, kind, group) = (
        column("Year"),
        column("Month"),
        column("Day"),
        column("End Year"),
        column("Headline"),
        column("Type"),
        column("Group"),
    );
    let summary = column("Text");
    let slides: Vec<(usize, &Vec<String>)> = rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, r)| r.len() > kind && r[kind].is_empty() && !r[year].is_empty())
        .collect();
    assert_eq!(catalog.events().len(), slides.len());
    let title_row = rows
        .iter()
        .find(|r| r.len() > kind && r[kind] == "title")
        .unwrap();
    assert_eq!(catalog.dataset.meta.title, title_row[headline]);
    for (index, row) in slides {
        let event = catalog
            .events()
            .iter()
            .find(|e| e.sources[0].paragraph as usize == index + 1)
            .unwrap_or_else(|| panic!("row {} missing", index + 1));
        assert_eq!(event.title, import::build::plain_text(&row[headline]));
        let text = import::build::plain_text(&row[summary]);
        if !text.is_empty() {
            assert_eq!(event.summary, text, "{}", event.id);
        }
        let start = Date::parse(&event.start).unwrap();
        assert_eq!(start.year.to_string(), row[year]);
        if !row[month].is_empty() {
            assert_eq!(start.month.to_string(), row[month]);
        }
        if !row[day].is_empty() {
            assert_eq!(start.day.to_string(), row[day]);
        }
        if !row[end_year].is_empty() {
            let end = Date::parse(event.end.as_deref().unwrap()).unwrap();
            assert_eq!(end.year.to_string(), row[end_year]);
        }
        if !row[group].is_empty() {
            let story = catalog.storyline(&event.storylines[0]).unwrap();
            assert_eq!(story.title, row[group]);
        }
    }
    let report = report_text(&imported);
    assert!(
        report.contains("Read as TimelineJS spreadsheet (CSV)"),
        "{report}"
    );
}

#[test]
fn a_geojson_file_of_dated_points_gives_events_at_places() {
    let imported = open("dated-points.geojson", &fixture("dated-points.geojson"));
    assert_eq!(imported.format, Format::GeoJson);
    let catalog = &imported.catalog;
    let dataset = &catalog.dataset;
    assert_eq!(
        dataset.meta.title,
        "Korea crisis, Nov–Dec 2010 (test points)"
    );
    let titles: Vec<&str> = catalog.events().iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles.len(), 5, "{titles:?}");
    let shelling = event(catalog, "2010-11-23-shelling-of-yeonpyeong-island");
    assert_eq!(shelling.time.as_deref(), Some("14:34"));
    assert_eq!(shelling.precision, Precision::Day);
    assert_eq!(
        shelling.sources[0].url.as_deref(),
        Some("https://en.wikipedia.org/wiki/Bombardment_of_Yeonpyeong")
    );
    let place = catalog.place(&shelling.places[0]).unwrap();
    assert_eq!(
        (place.id.as_str(), place.name.as_str(), place.lat, place.lon),
        ("yeonpyeong-island", "Yeonpyeong Island", 37.6667, 125.6833)
    );
    let wen = event(catalog, "2010-11-22-wen-jiabao-in-st-petersburg");
    assert_eq!(wen.end.as_deref(), Some("2010-11-24"));
    assert_eq!(
        catalog.place(&wen.places[0]).unwrap().name,
        "59.94° N, 30.31° E"
    );
    let dushanbe = event(catalog, "2010-11-01-sco-heads-of-government-in-dushanbe");
    assert_eq!(
        (dushanbe.precision, dushanbe.end.as_deref()),
        (Precision::Month, Some("2010-11-30"))
    );
    assert_eq!(dushanbe.storylines, wen.storylines);
    let talks = event(catalog, "2010-12-01-talks-about-the-korea-crisis");
    assert!(talks.places.is_empty());
    let report = report_text(&imported);
    for expected in [
        "1 × with a time zone",
        "1 × property “casualties” (“Shelling of Yeonpyeong Island”)",
        "1 × geometries other than points",
        "1 × event left out: no start date (“A point without a date”)",
        "1 × coordinates off the globe (“Off the globe”)",
        "without a place name: the place is named by its coordinates",
        "5 event(s), 3 storyline(s), 3 place(s)",
    ] {
        assert!(report.contains(expected), "{expected}\n{report}");
    }
}

#[test]
fn the_explorers_own_schema_opens_without_a_report() {
    let imported = open("dataset.json", EMBEDDED_DATASET);
    assert_eq!(imported.format, Format::Dataset);
    assert!(imported.report.is_none());
    assert!(imported.catalog.events().len() > 50);
}

#[test]
fn a_file_in_no_supported_format_names_the_formats() {
    for (name, text) in [
        ("notes.txt", "Just some notes\nabout the crisis"),
        ("list.json", "[1, 2, 3]"),
        ("other.json", "{\"rows\": []}"),
        ("table.csv", "Date,Title\n2010-11-23,Shelling"),
        ("empty.csv", ""),
    ] {
        let error = import::open(name, text).err().unwrap();
        assert!(matches!(error, ImportError::Unsupported(_)), "{name}");
        let message = error.to_string();
        for format in Format::ALL {
            assert!(message.contains(format.label()), "{name}: {message}");
        }
    }
    let broken = import::open("broken.json", "{ \"events\": [")
        .err()
        .unwrap()
        .to_string();
    assert!(
        broken.starts_with("The file is not a valid dataset: invalid JSON"),
        "{broken}"
    );
    assert!(broken.contains(Format::GeoJson.label()), "{broken}");
}

#[test]
fn a_recognised_file_with_nothing_usable_says_what_it_was_read_as() {
    let empty = import::open("x.geojson", r#"{"type":"FeatureCollection","features":[]}"#)
        .err()
        .unwrap();
    assert_eq!(
        empty.to_string(),
        "It was read as GeoJSON FeatureCollection of dated points, but no event could be read."
    );
    let undated = import::open("y.csv", "Year,Headline\n,No year\n")
        .err()
        .unwrap();
    assert_eq!(undated.to_string(), "It was read as TimelineJS spreadsheet (CSV), but no event could be read (1 × event left out: no start date (“No year”)).");
}

#[test]
fn fingerprints_tell_files_apart() {
    assert_eq!(import::fingerprint(""), "811c9dc5");
    assert_eq!(import::fingerprint("a"), "e40c292c");
    assert_ne!(import::fingerprint("ab"), import::fingerprint("ba"));
    assert_eq!(import::fingerprint(EMBEDDED_DATASET).len(), 8);
}

/// The first and last day of the period and of the reach, as dates.
fn period_of(imported: &Imported) -> [String; 4] {
    let period = imported.catalog.period;
    let (a, b) = period.focus_dates();
    let (c, d) = period.reach_dates();
    [a, b, c, d].map(|date| date.to_string())
}

#[test]
fn an_imported_chronicle_has_its_own_period_on_the_timeline() {
    // Muhammad's life and the early caliphates: whole years, 602 to 698.
    let eras = open("eras.json", &template("eras.json"));
    assert_eq!(
        period_of(&eras),
        ["0602-01-01", "0698-12-31", "0602-01-01", "0698-12-31"]
    );
    // Ada Lovelace (1815–1852) to the spreadsheet's latest row.
    let csv = open("my-own-timeline.csv", &template("my-own-timeline.csv"));
    let [first, _, reach_first, _] = period_of(&csv);
    assert_eq!(
        (first.as_str(), reach_first.as_str()),
        ("1815-12-01", "1815-01-01")
    );
    // Dated points of the article's quarter keep the article's months.
    let points = open("dated-points.geojson", &fixture("dated-points.geojson"));
    assert_eq!(period_of(&points)[2..], ["2010-01-01", "2010-12-31"]);
    // The built-in chronicle, read as a reader's own file, is no different.
    let own = open("dataset.json", EMBEDDED_DATASET);
    assert_eq!(
        period_of(&own),
        ["2010-10-01", "2010-12-31", "2010-01-01", "2010-12-31"]
    );
}

#[test]
fn a_slides_end_date_and_a_rows_display_date_are_kept() {
    let json = r#"{"events": [{
        "start_date": {"year": "2010", "month": "11", "day": "23"},
        "end_date": {"year": "2010", "month": "11", "day": "25"},
        "text": {"headline": "Talks", "text": "Three days of talks."}
    }]}"#;
    let imported = open("talks.json", json);
    assert_eq!(imported.format, Format::TimelineJson);
    let talks = &imported.catalog.events()[0];
    let end = Date::parse(talks.end.as_deref().expect("an end")).unwrap();
    assert_eq!((end.year, end.month, end.day), (2010, 11, 25));

    let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";
    let csv = format!("{header}\n2010,11,23,,,,,,late November,Talks,Talks began.,,,,,,,\n");
    let imported = open("talks.csv", &csv);
    assert_eq!(imported.format, Format::TimelineCsv);
    let talks = &imported.catalog.events()[0];
    assert!(
        talks
            .notes
            .iter()
            .any(|n| n.text.contains("“late November”")),
        "{:?}",
        talks.notes
    );
}
