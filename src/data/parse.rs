//! JSON → [`Dataset`]. In the browser the text goes through the engine's own `JSON.parse`
//! and `serde-wasm-bindgen`, which keeps a JSON parser out of the wasm download; natively
//! `serde_json` does the same job. When the shape is wrong, each record is tried on its
//! own so the message names the record at fault, not only a position in the file.

use super::model::{Actor, Dataset, Event, Line, Place, Storyline};

/// The record collections and how their records are named in messages.
const SECTIONS: [(&str, &str); 5] = [
    ("events", "event"),
    ("actors", "actor"),
    ("places", "place"),
    ("storylines", "storyline"),
    ("lines", "line"),
];

/// "event 2010-11-23-x" or, when the record has no usable id, "event #12".
fn record_name(kind: &str, index: usize, id: Option<String>) -> String {
    match id {
        Some(id) if !id.is_empty() => format!("{kind} {id}"),
        _ => format!("{kind} #{}", index + 1),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn parse_dataset(text: &str) -> Result<Dataset, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    serde_json::from_value::<Dataset>(value.clone()).map_err(|whole| {
        for (section, kind) in SECTIONS {
            let Some(records) = value.get(section).and_then(Value::as_array) else {
                continue;
            };
            for (index, record) in records.iter().enumerate() {
                let check = |r: &Value| -> Result<(), serde_json::Error> {
                    match section {
                        "events" => serde_json::from_value::<Event>(r.clone()).map(drop),
                        "actors" => serde_json::from_value::<Actor>(r.clone()).map(drop),
                        "places" => serde_json::from_value::<Place>(r.clone()).map(drop),
                        "storylines" => serde_json::from_value::<Storyline>(r.clone()).map(drop),
                        _ => serde_json::from_value::<Line>(r.clone()).map(drop),
                    }
                };
                if let Err(error) = check(record) {
                    let id = record.get("id").and_then(Value::as_str).map(str::to_owned);
                    return format!("{}: {error}", record_name(kind, index, id));
                }
            }
        }
        whole.to_string()
    })
}

#[cfg(target_arch = "wasm32")]
pub fn parse_dataset(text: &str) -> Result<Dataset, String> {
    use js_sys::{Array, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let value = js_sys::JSON::parse(text).map_err(|error| {
        let message = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "not JSON".to_owned());
        format!("invalid JSON: {message}")
    })?;
    serde_wasm_bindgen::from_value::<Dataset>(value.clone()).map_err(|whole| {
        for (section, kind) in SECTIONS {
            let Ok(records) = Reflect::get(&value, &JsValue::from_str(section)) else {
                continue;
            };
            let Some(records) = records.dyn_ref::<Array>() else {
                continue;
            };
            for (index, record) in records.iter().enumerate() {
                let result = match section {
                    "events" => serde_wasm_bindgen::from_value::<Event>(record.clone()).map(drop),
                    "actors" => serde_wasm_bindgen::from_value::<Actor>(record.clone()).map(drop),
                    "places" => serde_wasm_bindgen::from_value::<Place>(record.clone()).map(drop),
                    "storylines" => {
                        serde_wasm_bindgen::from_value::<Storyline>(record.clone()).map(drop)
                    }
                    _ => serde_wasm_bindgen::from_value::<Line>(record.clone()).map(drop),
                };
                if let Err(error) = result {
                    let id = Reflect::get(&record, &JsValue::from_str("id"))
                        .ok()
                        .and_then(|v| v.as_string());
                    return format!("{}: {error}", record_name(kind, index, id));
                }
            }
        }
        whole.to_string()
    })
}

// The tests build fixtures with serde_json, which only the native build has.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn shape_errors_name_the_record() {
        let mut value: serde_json::Value =
            serde_json::to_value(crate::data::synthetic::generate(5, 3)).unwrap();
        let id = value["events"][2]["id"].as_str().unwrap().to_owned();
        value["events"][2]["kind"] = serde_json::json!("teleportation");
        let message = parse_dataset(&value.to_string()).unwrap_err();
        assert!(
            message.starts_with(&format!("event {id}: unknown variant `teleportation`")),
            "{message}"
        );
    }

    #[test]
    fn records_without_an_id_are_named_by_position() {
        let mut value: serde_json::Value =
            serde_json::to_value(crate::data::synthetic::generate(5, 3)).unwrap();
        value["places"][1] = serde_json::json!({ "name": "Nowhere" });
        let message = parse_dataset(&value.to_string()).unwrap_err();
        assert!(message.starts_with("place #2: missing field"), "{message}");
    }

    #[test]
    fn broken_json_says_so() {
        assert!(parse_dataset("{ \"events\": [")
            .unwrap_err()
            .starts_with("invalid JSON"));
    }
}
