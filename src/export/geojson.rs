//! GeoJSON (RFC 7946): a point feature per event and place, and a line feature per route,
//! pipeline or boundary whose events are shown. Coordinates are `[lon, lat]`; the source is
//! named in a foreign member `source` and on every feature.

use std::fmt::Write;

use crate::data::{Catalog, LineKind};
use crate::geo::arc::great_circle;

pub fn to_geojson(catalog: &Catalog, shown: &[usize]) -> String {
    let mut features: Vec<String> = Vec::new();
    for &e in shown {
        let event = &catalog.events()[e];
        for place in event.places.iter().filter_map(|id| catalog.place(id)) {
            features.push(format!(
                "{{\"type\":\"Feature\",\"id\":{},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{},{}]}},\"properties\":{{\"event\":{},\"title\":{},\"start\":{},\"end\":{},\"kind\":{},\"place\":{},\"place_name\":{},\"summary\":{},\"source\":{}}}}}",
                json_string(&format!("{}@{}", event.id, place.id)),
                coordinate(place.lon),
                coordinate(place.lat),
                json_string(&event.id),
                json_string(&event.title),
                json_string(&event.start),
                event.end.as_deref().map_or("null".to_owned(), json_string),
                json_string(event.kind.id()),
                json_string(&place.id),
                json_string(&place.name),
                json_string(&event.summary),
                json_string(&super::source_line(catalog, event)),
            ));
        }
    }
    let shown_ids: Vec<&str> = shown
        .iter()
        .map(|&e| catalog.events()[e].id.as_str())
        .collect();
    for line in &catalog.dataset.lines {
        let events: Vec<&String> = line
            .events
            .iter()
            .filter(|e| shown_ids.contains(&e.as_str()))
            .collect();
        if events.is_empty() {
            continue;
        }
        let points: Vec<(f64, f64)> = if line.kind == LineKind::Itinerary {
            // Trips follow great circles, as drawn on the map.
            let stops: Vec<(f64, f64)> = line
                .stops
                .iter()
                .filter_map(|id| catalog.place(id))
                .map(|p| (p.lon, p.lat))
                .collect();
            let mut path = Vec::new();
            for pair in stops.windows(2) {
                let leg = great_circle(pair[0], pair[1], 24);
                path.extend(leg.into_iter().skip(usize::from(!path.is_empty())));
            }
            path
        } else {
            line.points.iter().map(|[lon, lat]| (*lon, *lat)).collect()
        };
        if points.len() < 2 {
            continue;
        }
        let coordinates: Vec<String> = points
            .iter()
            .map(|(lon, lat)| format!("[{},{}]", coordinate(*lon), coordinate(*lat)))
            .collect();
        let event_list: Vec<String> = events.iter().map(|e| json_string(e)).collect();
        features.push(format!(
            "{{\"type\":\"Feature\",\"id\":{},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[{}]}},\"properties\":{{\"line\":{},\"name\":{},\"kind\":{},\"events\":[{}],\"source\":{}}}}}",
            json_string(&line.id),
            coordinates.join(","),
            json_string(&line.id),
            json_string(&line.name),
            json_string(&format!("{:?}", line.kind).to_lowercase()),
            event_list.join(","),
            json_string(&catalog.dataset.meta.source.citation()),
        ));
    }
    format!(
        "{{\"type\":\"FeatureCollection\",\"source\":{},\"features\":[\n{}\n]}}\n",
        json_string(&format!(
            "Source: {}",
            catalog.dataset.meta.source.citation()
        )),
        features.join(",\n")
    )
}

/// Six decimals (~10 cm) is plenty for places known to ~10 km; a value that rounds to zero
/// is written `0`, whatever its sign.
fn coordinate(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A JSON string literal with the escapes RFC 8259 requires.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_are_valid_json() {
        assert_eq!(
            json_string("a \"q\" \\ \n\u{1}"),
            "\"a \\\"q\\\" \\\\ \\n\\u0001\""
        );
        assert_eq!(coordinate(125.7), "125.7");
        assert_eq!(coordinate(-77.0), "-77");
        assert_eq!(coordinate(0.0), "0");
        assert_eq!(coordinate(0.000_000_4), "0");
        assert_eq!(coordinate(-0.0), "0");
        assert_eq!(coordinate(-0.000_000_4), "0");
        assert_eq!(coordinate(-0.000_001), "-0.000001");
    }
}
