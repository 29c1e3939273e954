//! The dataset loader never panics on mutated files and always says what is wrong.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::{load, synthetic, LoadError, EMBEDDED_DATASET};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Checks the loader's answer: usable, or an error that names its cause.
fn check(text: &str) -> Result<(), TestCaseError> {
    check_naming(text, None)
}

/// As [`check`]; when `record` is given, a shape error must name that record.
fn check_naming(text: &str, record: Option<&str>) -> Result<(), TestCaseError> {
    match load(text) {
        Ok(catalog) => prop_assert!(!catalog.events().is_empty()),
        Err(LoadError::Syntax(message)) => {
            prop_assert!(message.len() > 5, "vague: {message}");
            if let (Some(record), false) = (record, message.starts_with("invalid JSON")) {
                prop_assert!(
                    message.starts_with(record) || message.contains(" #"),
                    "{record}: {message}"
                );
            }
        }
        Err(LoadError::Invalid(problems)) => {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                prop_assert!(
                    !problem.record.is_empty()
                        && !problem.field.is_empty()
                        && !problem.message.is_empty()
                );
            }
        }
    }
    Ok(())
}

fn small_dataset() -> Value {
    serde_json::to_value(synthetic::generate(40, 1)).unwrap()
}

/// Replacement values of every JSON type, including the tricky ones.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::num::f64::ANY
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::from),
        Just(json!("2010-13-45")),
        Just(json!("nobody-at-all")),
        Just(json!([])),
        Just(json!({})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn byte_level_damage_never_panics(cut in 0usize..4000, at in 0usize..4000, junk in prop::collection::vec(any::<u8>(), 0..6)) {
        let base = serde_json::to_string(&small_dataset()).unwrap();
        let mut bytes = base.into_bytes();
        let at = at % (bytes.len() + 1);
        bytes.splice(at..at, junk);
        bytes.truncate(bytes.len().saturating_sub(cut % 50));
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn field_level_damage_never_panics_and_names_the_record(
        section in prop::sample::select(vec!["events", "actors", "places", "storylines"]),
        index in 0usize..40,
        field in prop::sample::select(vec!["id", "start", "end", "kind", "lat", "participants", "places", "affiliation", "side", "storylines", "sources", "tour", "title"]),
        value in any_value(),
    ) {
        let mut dataset = small_dataset();
        let records = dataset[section].as_array_mut().unwrap();
        let index = index % records.len();
        let kind = section.trim_end_matches('s');
        let name = match (field, records[index]["id"].as_str()) {
            ("id", _) | (_, None) => None,
            (_, Some(id)) => Some(format!("{kind} {id}")),
        };
        records[index][field] = value;
        check_naming(&dataset.to_string(), name.as_deref())?;
    }
}

#[test]
fn the_real_dataset_survives_every_truncation_point_sampled() {
    for cut in (0..EMBEDDED_DATASET.len()).step_by(997) {
        let text = EMBEDDED_DATASET.get(..cut).unwrap_or("");
        assert!(
            matches!(load(text), Err(LoadError::Syntax(_))),
            "cut at {cut}"
        );
    }
}
