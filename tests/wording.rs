//! The dataset's words as a reader meets them: the article's citation, the names of sides,
//! kinds, roles, precisions and notes, and the message for a file that cannot be opened.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use korea2010::data::validate::Problem;
use korea2010::data::{self, EventKind, LoadError, NoteKind, Precision, Role, Side};

/// Distinct, non-empty labels: a reader can tell the values apart.
fn assert_distinct(what: &str, labels: &[&str]) {
    assert!(
        labels.iter().all(|l| !l.trim().is_empty()),
        "{what}: {labels:?}"
    );
    let unique: BTreeSet<&&str> = labels.iter().collect();
    assert_eq!(unique.len(), labels.len(), "{what}: {labels:?}");
}

/// The id serde writes for a value: what the file and the links use.
fn file_id<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_article_is_cited_in_full() {
    let catalog = data::load_embedded().unwrap();
    assert_eq!(
        catalog.dataset.meta.source.citation(),
        "Yu Bin, “Coping with Korea”, China–Russia chapter, Comparative Connections (Oct–Dec 2010)"
    );
}

#[test]
fn ids_are_the_files_own_and_labels_tell_values_apart() {
    for side in Side::ALL {
        assert_eq!(side.id(), file_id(side));
    }
    let sides: Vec<&str> = Side::ALL.iter().map(|s| s.label()).collect();
    assert_distinct("sides", &sides);
    assert_eq!(Side::UsAllies.label(), "US and allies");

    for kind in EventKind::ALL {
        assert_eq!(kind.id(), file_id(kind));
        assert_eq!(EventKind::from_id(kind.id()), Some(kind));
    }
    assert_eq!(EventKind::from_id("teleportation"), None);
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.label()).collect();
    assert_distinct("kinds", &kinds);
    assert_eq!(EventKind::PhoneCall.label(), "Phone call");

    let roles = [
        Role::Initiator,
        Role::Counterpart,
        Role::Participant,
        Role::Speaker,
        Role::Subject,
    ];
    for role in roles {
        assert_eq!(
            role.label(),
            file_id(role),
            "roles read as the file names them"
        );
    }

    let precisions = [Precision::Day, Precision::Month, Precision::Approximate];
    let labels: Vec<&str> = precisions.iter().map(|p| p.label()).collect();
    assert_distinct("precisions", &labels);
    assert_eq!(Precision::Month.label(), "month only");

    let notes = [
        NoteKind::InferredDate,
        NoteKind::Contradiction,
        NoteKind::Other,
    ];
    let labels: Vec<&str> = notes.iter().map(|n| n.label()).collect();
    assert_distinct("notes", &labels);
    assert_eq!(NoteKind::InferredDate.label(), "Inferred date");
}

fn problems(n: usize) -> LoadError {
    LoadError::Invalid(
        (1..=n)
            .map(|i| Problem {
                record: format!("event e-{i}"),
                field: "start".into(),
                message: "not a date".into(),
            })
            .collect(),
    )
}

#[test]
fn a_refused_file_lists_its_first_twenty_problems_and_counts_the_rest() {
    let text = problems(20).to_string();
    assert!(text.starts_with("The dataset has 20 problem(s):"), "{text}");
    assert_eq!(text.lines().count(), 21, "{text}");
    assert!(text.contains("event e-20"), "{text}");
    assert!(!text.contains("more"), "{text}");

    let text = problems(23).to_string();
    assert!(text.starts_with("The dataset has 23 problem(s):"), "{text}");
    assert!(!text.contains("event e-21"), "{text}");
    assert!(text.ends_with("\n• … and 3 more"), "{text}");

    let text = LoadError::Syntax("invalid JSON: EOF".into()).to_string();
    assert_eq!(text, "The file is not a valid dataset: invalid JSON: EOF");
}
