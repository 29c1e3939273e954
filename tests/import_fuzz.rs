//! The importers never panic: damaged TimelineJS, spreadsheet and GeoJSON files, and
//! arbitrary values in their fields, give a valid dataset or a message.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::import;
use korea2010::data::validate::validate_imported;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A file of the repository.
fn read(path: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path} ({e})"))
}

/// A file of the TimelineJS package, from the repository's `node_modules` or
/// `KOREA2010_NODE_MODULES` (set by `cargo xtask mutants`, whose copy of the tree has none).
fn template(name: &str) -> String {
    let modules = std::env::var("KOREA2010_NODE_MODULES")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules").to_owned());
    let path = format!("{modules}/@knight-lab/timelinejs/src/template/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {path} ({e}): run `npm ci` in the repository first")
    })
}

fn files() -> Vec<(&'static str, String)> {
    vec![
        ("eras.json", template("eras.json")),
        ("my-own-timeline.csv", template("my-own-timeline.csv")),
        (
            "dated-points.geojson",
            read("tests/fixtures/dated-points.geojson"),
        ),
    ]
}

/// Opened: a dataset the schema's import rules accept; or refused with a message.
fn check(name: &str, text: &str) -> Result<(), TestCaseError> {
    match import::open(name, text) {
        Ok(imported) => {
            prop_assert!(!imported.catalog.events().is_empty());
            if imported.report.is_some() {
                let problems = validate_imported(&imported.catalog.dataset);
                prop_assert!(problems.is_empty(), "{:?}", problems);
            }
        }
        Err(error) => prop_assert!(error.to_string().len() > 20, "vague: {error}"),
    }
    Ok(())
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::num::f64::ANY
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::from),
        "-?[0-9]{1,5}".prop_map(Value::from),
        Just(json!("2010-11-23T25:61+09:00")),
        Just(json!("<p>&#xFFFFFFFF; &#0; <")),
        Just(json!([])),
        Just(json!([1e308, -1e308])),
        Just(json!({})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_never_panic(which in 0usize..3, at in 0usize..30_000, cut in 0usize..200, junk in prop::collection::vec(any::<u8>(), 0..8)) {
        let (name, text) = files().swap_remove(which);
        let mut bytes = text.into_bytes();
        let at = at % (bytes.len() + 1);
        bytes.splice(at..at, junk);
        bytes.truncate(bytes.len().saturating_sub(cut));
        check(name, &String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn any_value_in_a_timelinejs_field_never_panics(
        index in 0usize..20,
        path in prop::sample::select(vec![
            "start_date", "start_date.year", "start_date.month", "start_date.day", "start_date.hour",
            "start_date.minute", "end_date", "end_date.year", "end_date.day", "text", "text.headline",
            "text.text", "media", "media.url", "group", "display_date", "",
        ]),
        value in any_value(),
    ) {
        let mut timeline: Value = serde_json::from_str(&files()[0].1).unwrap();
        let mut target = &mut timeline["events"][index];
        for key in path.split('.').filter(|k| !k.is_empty()) {
            if !target.is_object() {
                *target = json!({});
            }
            target = &mut target[key];
        }
        *target = value;
        check("eras.json", &timeline.to_string())?;
    }

    #[test]
    fn any_value_in_a_geojson_feature_never_panics(
        index in 0usize..6,
        path in prop::sample::select(vec![
            "geometry", "geometry.type", "geometry.coordinates", "properties", "properties.date",
            "properties.name", "properties.end", "properties.place", "properties.url", "",
        ]),
        value in any_value(),
    ) {
        let mut collection: Value = serde_json::from_str(&files()[2].1).unwrap();
        let mut target = &mut collection["features"][index];
        for key in path.split('.').filter(|k| !k.is_empty()) {
            if !target.is_object() {
                *target = json!({});
            }
            target = &mut target[key];
        }
        *target = value;
        check("dated-points.geojson", &collection.to_string())?;
    }

    #[test]
    fn any_csv_rows_never_panic(cells in prop::collection::vec(prop::collection::vec("[-0-9a-z:\" ,]{0,8}", 0..20), 0..6)) {
        let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background";
        let body: Vec<String> = cells.iter().map(|row| row.join(",")).collect();
        check("rows.csv", &format!("{header}\n{}", body.join("\n")))?;
    }

    #[test]
    fn any_text_never_panics(text in ".{0,300}") {
        check("anything", &text)?;
    }
}
