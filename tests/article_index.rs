//! Keeps the committed article index in step with the article, where the article exists.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::article::{
    article_path, committed_index, index_of, sections, CHRONOLOGY, INTRODUCTION,
};

#[test]
fn committed_index_matches_the_article() {
    let Some(path) = article_path() else {
        // Users' machines do not have the article; the committed index stands in for it.
        eprintln!("article not on this machine: checked the committed index only");
        assert!(!committed_index().runs.is_empty());
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let fresh = index_of(&text);
    if std::env::var_os("UPDATE_ARTICLE_INDEX").is_some() {
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/article-index.json");
        std::fs::write(out, serde_json::to_string(&fresh).unwrap()).unwrap();
    }
    assert!(
        fresh == committed_index(),
        "tests/fixtures/article-index.json is out of date; regenerate with \
         UPDATE_ARTICLE_INDEX=1 cargo test --test article_index"
    );
}

#[test]
fn the_article_splits_into_its_known_sections() {
    let Some(path) = article_path() else {
        eprintln!("article not on this machine: section split checked on the committed index");
        let index = committed_index();
        assert_eq!(index.sections.len(), 6);
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let names: Vec<String> = sections(&text).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names.first().map(String::as_str), Some(INTRODUCTION));
    assert_eq!(names.last().map(String::as_str), Some(CHRONOLOGY));
    assert_eq!(names.len(), 6, "{names:?}");
}
