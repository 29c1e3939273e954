//! Every export format parses and holds exactly the shown events.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::{self, Catalog};
use korea2010::export::{csv::to_csv, geojson::to_geojson, ics::to_ics, subset::subset};
use korea2010::query::filter::Matcher;
use korea2010::query::{Facet, Filters, SearchIndex};

fn korea_crisis_events() -> (Catalog, Vec<usize>) {
    let catalog = data::load_embedded().unwrap();
    let search = SearchIndex::new(&catalog);
    let mut filters = Filters::default();
    filters.toggle(Facet::Story, "korea-crisis");
    let shown = Matcher::new(&catalog, &search, &filters).filtered();
    assert!(shown.len() > 5);
    (catalog, shown)
}

/// A small RFC 4180 reader: enough to prove the export is well-formed.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    rows
}

#[test]
fn csv_has_a_row_per_shown_event_and_cites_the_article() {
    let (catalog, shown) = korea_crisis_events();
    let rows = parse_csv(&to_csv(&catalog, &shown));
    assert_eq!(rows.len(), shown.len() + 1);
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width));
    let source = rows[0].iter().position(|h| h == "source").unwrap();
    for (row, &e) in rows[1..].iter().zip(&shown) {
        assert_eq!(row[0], catalog.events()[e].id);
        assert!(row[source].contains("Coping with Korea"), "{}", row[source]);
    }
}

#[test]
fn json_export_is_a_valid_dataset_of_the_shown_events() {
    let (catalog, shown) = korea_crisis_events();
    let text = serde_json::to_string_pretty(&subset(&catalog, &shown)).unwrap();
    let reloaded = data::load(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reloaded.events().len(), shown.len());
}

#[test]
fn geojson_is_valid_json_with_points_and_lines() {
    let (catalog, shown) = korea_crisis_events();
    let value: serde_json::Value = serde_json::from_str(&to_geojson(&catalog, &shown)).unwrap();
    assert_eq!(value["type"], "FeatureCollection");
    assert!(value["source"]
        .as_str()
        .unwrap()
        .contains("Comparative Connections"));
    let features = value["features"].as_array().unwrap();
    let points = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .count();
    let expected: usize = shown
        .iter()
        .map(|&e| catalog.events()[e].places.len())
        .sum();
    assert_eq!(points, expected);
    for feature in features {
        let coordinates = &feature["geometry"]["coordinates"];
        let first = if feature["geometry"]["type"] == "Point" {
            coordinates
        } else {
            &coordinates[0]
        };
        let (lon, lat) = (first[0].as_f64().unwrap(), first[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
}

#[test]
fn geojson_draws_every_line_of_the_shown_events_trips_along_great_circles() {
    let catalog = data::load_embedded().unwrap();
    let all: Vec<usize> = (0..catalog.events().len()).collect();
    let value: serde_json::Value = serde_json::from_str(&to_geojson(&catalog, &all)).unwrap();
    let drawn: Vec<(&str, usize)> = value["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .map(|f| {
            let coordinates = f["geometry"]["coordinates"].as_array().unwrap().len();
            (f["properties"]["line"].as_str().unwrap(), coordinates)
        })
        .collect();
    let lines = &catalog.dataset.lines;
    assert_eq!(drawn.len(), lines.len(), "{drawn:?}");
    for line in lines {
        let &(_, coordinates) = drawn
            .iter()
            .find(|(id, _)| *id == line.id)
            .unwrap_or_else(|| panic!("{} not drawn", line.id));
        if line.kind == data::LineKind::Itinerary {
            // 25 points a leg, the legs sharing their ends.
            assert_eq!(coordinates, 24 * (line.stops.len() - 1) + 1, "{}", line.id);
        } else {
            assert_eq!(coordinates, line.points.len(), "{}", line.id);
        }
    }
}

#[test]
fn geojson_keeps_a_line_of_two_points() {
    let mut dataset: serde_json::Value =
        serde_json::from_str(include_str!("../src/data/dataset.json")).unwrap();
    let boundary = dataset["lines"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|line| line["kind"] == "boundary")
        .unwrap();
    boundary["points"].as_array_mut().unwrap().truncate(2);
    let id = boundary["id"].as_str().unwrap().to_owned();
    let catalog = data::load(&dataset.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let all: Vec<usize> = (0..catalog.events().len()).collect();
    let value: serde_json::Value = serde_json::from_str(&to_geojson(&catalog, &all)).unwrap();
    let line = value["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["line"] == id.as_str())
        .unwrap_or_else(|| panic!("{id} not drawn"));
    assert_eq!(line["geometry"]["coordinates"].as_array().unwrap().len(), 2);
}

#[test]
fn ics_has_one_vevent_per_event_with_exclusive_all_day_ends() {
    let (catalog, shown) = korea_crisis_events();
    let text = to_ics(&catalog, &shown);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), shown.len());
    assert_eq!(text.matches("END:VEVENT").count(), shown.len());
    let shelling = "UID:2010-11-23-yeonpyeong-shelling@korea2010.explorer\r\nDTSTAMP:20101231T000000Z\r\nDTSTART;VALUE=DATE:20101123\r\nDTEND;VALUE=DATE:20101124";
    assert!(text.contains(shelling));
    assert!(text.lines().all(|l| l.len() <= 76));
}
