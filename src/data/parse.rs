//! JSON → [`Dataset`], with `serde_json` in the browser as natively. Reading the text
//! straight into the schema types in wasm is several times faster than `JSON.parse` plus
//! walking the JS objects, which matters at 10k+ events. When the shape is wrong, each
//! record is tried on its own so the message names the record at fault, not only a
//! position in the file.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::model::{Actor, Dataset, Event, Line, Place, Storyline};

/// "event 2010-11-23-x" or, when the record has no usable id, "event #12".
fn record_name(kind: &str, index: usize, id: Option<String>) -> String {
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
        serde_json::from_str::<Records>(text)
            .ok()
            .and_then(|records| records.first_error())
            .unwrap_or_else(|| whole.to_string())
    })
}

/// The record collections, each record kept as its raw text. Records are then read from
/// text like the whole file, so the schema's deserializers exist once in the wasm.
#[derive(Deserialize)]
struct Records<'a> {
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    actors: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    places: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    storylines: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    lines: Vec<&'a RawValue>,
}

impl Records<'_> {
    fn first_error(&self) -> Option<String> {
        first_bad::<Event>("event", &self.events)
            .or_else(|| first_bad::<Actor>("actor", &self.actors))
            .or_else(|| first_bad::<Place>("place", &self.places))
            .or_else(|| first_bad::<Storyline>("storyline", &self.storylines))
            .or_else(|| first_bad::<Line>("line", &self.lines))
    }
}

/// The message without serde_json's "at line L column C", which would count from the
/// start of the record, not of the file.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// Just a record's id, to name it in a message.
#[derive(Deserialize)]
struct Id {
    id: Option<String>,
}

fn first_bad<T: DeserializeOwned>(kind: &str, records: &[&RawValue]) -> Option<String> {
    records.iter().enumerate().find_map(|(index, raw)| {
        let error = serde_json::from_str::<T>(raw.get()).err()?;
        let id = serde_json::from_str::<Id>(raw.get())
            .ok()
            .and_then(|r| r.id);
        Some(format!(
            "{}: {}",
            record_name(kind, index, id),
            without_position(&error)
        ))
    })
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
        assert!(!message.contains(" at line "), "{message}");
    }

    #[test]
    fn records_without_an_id_are_named_by_position() {
        let mut value: serde_json::Value =
            serde_json::to_value(crate::data::synthetic::generate(5, 3)).unwrap();
        value["places"][1] = serde_json::json!({ "name": "Nowhere" });
        let message = parse_dataset(&value.to_string()).unwrap_err();
        assert!(message.starts_with("place #2: missing field"), "{message}");
        // An empty id names nothing either.
        value["places"][1] = serde_json::json!({ "id": "", "name": "Nowhere" });
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
