//! A GeoJSON FeatureCollection of dated points: each feature is an event, its point a
//! place. Properties are found by their common names, in any case: a date (`date`,
//! `start`, `start_date`, `time`, `datetime`, `when`, `year`; ISO 8601 from a year alone to
//! a date and time), an `end`, a name (`name`, `title`, `headline`, `label`), a text
//! (`description`, `summary`, `text`), a `group` (storyline), a `url`, and the place's own
//! name (`place`, `location`, `city`).

use serde_json::{Map, Value};

use super::build::{web_link, Builder, Item, Parts};
use super::report::{Format, Report};
use crate::data::model::Dataset;

const START: [&str; 9] = [
    "start",
    "start_date",
    "startdate",
    "date",
    "datetime",
    "time",
    "timestamp",
    "when",
    "year",
];
const END: [&str; 3] = ["end", "end_date", "enddate"];
const NAME: [&str; 4] = ["name", "title", "headline", "label"];
const TEXT: [&str; 5] = ["description", "summary", "text", "notes", "desc"];
const GROUP: [&str; 3] = ["group", "storyline", "category"];
const LINK: [&str; 5] = ["url", "link", "href", "source", "website"];
const PLACE: [&str; 4] = ["place", "location", "city", "site"];

/// Whether a parsed JSON document is a FeatureCollection.
pub fn matches(value: &Value) -> bool {
    value.get("type").and_then(Value::as_str) == Some("FeatureCollection")
}

/// A property's value as text: strings as they are, numbers written out.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The first of `names` the properties hold (any case), with the key as written.
fn find<'a>(properties: &'a Map<String, Value>, names: &[&str]) -> Option<(&'a str, String)> {
    names.iter().find_map(|wanted| {
        properties
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(wanted))
            .and_then(|(key, value)| Some((key.as_str(), text(value)?)))
    })
}

/// The parts of an ISO 8601 date, from `2010` to `2010-11-23T14:38:00+09:00`; `/` is
/// taken for `-` in the date. A zone is left out: the time is kept as written. The flag
/// says whether a zone was there.
pub fn iso_parts(text: &str) -> (Parts, bool) {
    let text = text.trim();
    let (date, time) = match text.find(['T', 't', ' ']) {
        Some(at) => (&text[..at], text[at + 1..].trim()),
        None => (text, ""),
    };
    let mut pieces = date.split(['-', '/']);
    let year = pieces.next().unwrap_or_default().to_owned();
    let month = pieces.next().unwrap_or_default().to_owned();
    let day = pieces.next().unwrap_or_default().to_owned();
    // A fourth piece means this was not a date: the year is spoiled so it reads as invalid.
    let year = if pieces.next().is_some() || year.is_empty() && !date.is_empty() {
        format!("{year}?")
    } else {
        year
    };
    let zone_at = time.find(['Z', 'z', '+', '-']);
    let clock = zone_at.map_or(time, |at| &time[..at]);
    let mut clock = clock.split(':');
    let hour = clock.next().unwrap_or_default().to_owned();
    let minute = clock.next().unwrap_or_default().to_owned();
    let parts = Parts {
        year,
        month,
        day,
        hour,
        minute,
    };
    (parts, zone_at.is_some())
}

/// `[lon, lat]` from a point's coordinates.
fn position(coordinates: Option<&Value>) -> Option<[f64; 2]> {
    match coordinates?.as_array()?.as_slice() {
        [lon, lat, ..] => Some([lon.as_f64()?, lat.as_f64()?]),
        _ => None,
    }
}

fn feature(builder: &mut Builder, position_in_file: usize, feature: &Value) {
    let empty = Map::new();
    let properties = feature
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut used: Vec<&str> = Vec::new();
    let mut take = |names: &[&str]| -> String {
        match find(properties, names) {
            Some((key, value)) => {
                used.push(key);
                value
            }
            None => String::new(),
        }
    };
    let name = take(&NAME);
    let start = take(&START);
    let end = take(&END);
    let summary = take(&TEXT);
    let group = take(&GROUP);
    let link = take(&LINK);
    let place_name = take(&PLACE);
    let mut guessed: Vec<String> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    let (start, zoned) = iso_parts(&start);
    let (end, end_zoned) = iso_parts(&end);
    if zoned || end_zoned {
        guessed.push("with a time zone: the time is kept as written, without the zone".into());
    }
    for key in properties.keys() {
        if !used.contains(&key.as_str()) {
            dropped.push(format!("property “{key}”"));
        }
    }
    let link = match web_link(&link) {
        Some(link) => Some(link),
        None if link.is_empty() => None,
        None => {
            dropped.push("links that are not web addresses".into());
            None
        }
    };
    let geometry = feature.get("geometry").filter(|g| !g.is_null());
    let kind = geometry.and_then(|g| g.get("type")).and_then(Value::as_str);
    let coordinates = geometry.and_then(|g| g.get("coordinates"));
    let at = match kind {
        Some("Point") => position(coordinates),
        Some("MultiPoint") => {
            guessed.push("with several points: placed at the first one".into());
            position(
                coordinates
                    .and_then(Value::as_array)
                    .and_then(|p| p.first()),
            )
        }
        Some(_) => {
            dropped.push("geometries other than points (the event is kept without a place)".into());
            None
        }
        None => {
            dropped.push("features without a geometry (kept without a place)".into());
            None
        }
    };
    if at.is_none() && matches!(kind, Some("Point" | "MultiPoint")) {
        dropped.push("coordinates that are not numbers".into());
    }
    builder.add(Item {
        position: u32::try_from(position_in_file + 1).unwrap_or(u32::MAX),
        title: name,
        summary,
        start,
        end: Some(end),
        display_date: String::new(),
        link,
        groups: if group.is_empty() {
            Vec::new()
        } else {
            vec![group]
        },
        place: at.map(|at| (at, place_name)),
        guessed,
        dropped,
    });
}

pub fn read(file: &str, value: &Value) -> Result<(Dataset, Report), String> {
    let mut builder = Builder::new(file);
    let features = value.get("features").and_then(Value::as_array);
    for (i, f) in features.into_iter().flatten().enumerate() {
        feature(&mut builder, i, f);
    }
    if builder.places_len() > 0 {
        builder.tally.guessed_all(
            "places are of kind “city”: GeoJSON does not say",
            builder.places_len(),
        );
    }
    let title = ["name", "title"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned();
    builder.finish(Format::GeoJson, &title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(y: &str, m: &str, d: &str, h: &str, min: &str) -> Parts {
        Parts {
            year: y.into(),
            month: m.into(),
            day: d.into(),
            hour: h.into(),
            minute: min.into(),
        }
    }

    #[test]
    fn iso_dates_from_a_year_to_a_zoned_time() {
        assert_eq!(iso_parts("2010"), (p("2010", "", "", "", ""), false));
        assert_eq!(iso_parts("2010-11"), (p("2010", "11", "", "", ""), false));
        assert_eq!(
            iso_parts("2010/11/23"),
            (p("2010", "11", "23", "", ""), false)
        );
        assert_eq!(
            iso_parts("2010-11-23T14:38"),
            (p("2010", "11", "23", "14", "38"), false)
        );
        assert_eq!(
            iso_parts("2010-11-23 14:38:00Z"),
            (p("2010", "11", "23", "14", "38"), true)
        );
        assert_eq!(
            iso_parts("2010-11-23t05:38+09:00"),
            (p("2010", "11", "23", "05", "38"), true)
        );
        assert!(iso_parts("2010-11-23T05:38-05:00").1);
        assert_eq!(iso_parts("2010-11-23-5").0.year, "2010?");
        assert_eq!(iso_parts("-500").0.year, "?");
        assert_eq!(iso_parts("").0, Parts::default());
    }

    #[test]
    fn positions_need_two_numbers() {
        assert_eq!(
            position(Some(&serde_json::json!([126.5, 37.5, 12]))),
            Some([126.5, 37.5])
        );
        assert_eq!(position(Some(&serde_json::json!([126.5]))), None);
        assert_eq!(position(Some(&serde_json::json!(["a", 1]))), None);
        assert_eq!(position(Some(&serde_json::json!([1, "b"]))), None);
        assert_eq!(position(None), None);
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn geometries_links_and_property_names_in_any_case() {
        let value = json!({"type": "FeatureCollection", "title": "T", "features": [
            {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[10, 20], [30, 40]]},
             "properties": {"Title": "Multi", "DATE": "2010-11-23", "Link": "not a link", "Place": "P"}},
            {"type": "Feature", "geometry": null, "properties": {"name": "Nowhere", "date": 2010}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["a", "b"]}, "properties": {"name": "Bad", "date": "2010-01"}},
            {"type": "Feature", "properties": null}
        ]});
        assert!(matches(&value));
        assert!(!matches(&json!({"type": "Feature"})));
        let (dataset, report) = read("g.geojson", &value).unwrap();
        assert_eq!(dataset.meta.title, "T");
        assert_eq!(dataset.events.len(), 3);
        let multi = dataset.events.iter().find(|e| e.title == "Multi").unwrap();
        assert_eq!(multi.places, ["p"]);
        assert_eq!((dataset.places[0].lon, dataset.places[0].lat), (10.0, 20.0));
        assert_eq!(multi.sources[0].url, None);
        let nowhere = dataset
            .events
            .iter()
            .find(|e| e.title == "Nowhere")
            .unwrap();
        assert_eq!(
            (nowhere.start.as_str(), nowhere.places.len()),
            ("2010-01-01", 0)
        );
        let lines = [report.guessed.clone(), report.dropped.clone()]
            .concat()
            .join("\n");
        for expected in [
            "1 × with several points: placed at the first one (“Multi”)",
            "1 × links that are not web addresses (“Multi”)",
            "1 × features without a geometry (kept without a place) (“Nowhere”)",
            "1 × coordinates that are not numbers (“Bad”)",
            "1 × places are of kind “city”",
        ] {
            assert!(lines.contains(expected), "{expected}\n{lines}");
        }
        assert!(
            !lines.contains("property"),
            "every property was used: {lines}"
        );
        let without_places = json!({"type": "FeatureCollection", "name": "N",
            "features": [{"type": "Feature", "geometry": null, "properties": {"name": "X", "date": "2010"}}]});
        let (dataset, report) = read("n.geojson", &without_places).unwrap();
        assert_eq!(dataset.meta.title, "N");
        assert!(
            !report.guessed.iter().any(|l| l.contains("city")),
            "{report:?}"
        );
    }
}
