//! JSON → [`Dataset`], with `serde_json` in the browser as natively. Reading the text
//! straight into the schema types in wasm is several times faster than `JSON.parse` plus
//! walking the JS objects, which matters at 10k+ events. When the shape is wrong, each
//! record is tried on its own so the message names the record at fault, not only a
//! position in the file.

use serde::de::DeserializeOwned;
use serde_json::Value;

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
fn record_name(kind: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.is_empty() => format!("{kind} {id}"),
        _ => format!("{kind} #{}", index + 1),
    }
}

pub fn parse_dataset(text: &str) -> Result<Dataset, String> {
    serde_json::from_str::<Dataset>(text).map_err(|whole| {
        if whole.is_syntax() || whole.is_eof() {
            return format!("invalid JSON: {whole}");
        }
        // The file is JSON but not a dataset: find the first record that does not fit.
        serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|value| first_bad_record(&value))
            .unwrap_or_else(|| whole.to_string())
    })
}

fn first_bad_record(value: &Value) -> Option<String> {
    SECTIONS.iter().find_map(|&(section, kind)| {
        let records = value.get(section)?.as_array()?;
        records.iter().enumerate().find_map(|(index, record)| {
            let error = match section {
                "events" => shape_error::<Event>(record),
                "actors" => shape_error::<Actor>(record),
                "places" => shape_error::<Place>(record),
                "storylines" => shape_error::<Storyline>(record),
                _ => shape_error::<Line>(record),
            }?;
            let id = record.get("id").and_then(Value::as_str);
            Some(format!("{}: {error}", record_name(kind, index, id)))
        })
    })
}

fn shape_error<T: DeserializeOwned>(record: &Value) -> Option<serde_json::Error> {
    T::deserialize(record).err()
}

#[cfg(test)]
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
