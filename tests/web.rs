//! Tests that need a real browser: the built-in dataset unpacked and a file read and
//! handed over by the wasm build's own code (32-bit sizes, as the app and the files
//! module run them), the schema's checks on text from the engine's JSON, and the app
//! mounting with its landmarks.
#![cfg(target_arch = "wasm32")]

use korea2010::data::{self, LoadError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_packed_dataset_unpacks_as_its_source_reads() {
    let catalog = data::load_embedded().expect("embedded dataset loads in the browser");
    assert!(!catalog.events().is_empty());
    assert!(catalog.event_index(&catalog.events()[0].id).is_some());
    let source = data::load(data::EMBEDDED_DATASET).unwrap();
    assert_eq!(catalog.dataset, source.dataset);
}

#[wasm_bindgen_test]
fn a_file_crosses_from_the_files_module_whole() {
    use korea2010::data::import::handover;
    let packed = handover::read_packed("built-in.json", data::EMBEDDED_DATASET).unwrap();
    let opened = handover::unpack(&packed).unwrap();
    assert_eq!(opened.dataset, data::read(data::EMBEDDED_DATASET).unwrap());
}

#[wasm_bindgen_test]
fn broken_json_is_an_error_not_a_panic() {
    match data::load("{ \"events\": [") {
        Err(LoadError::Syntax(message)) => assert!(!message.is_empty()),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_bad_date_is_named_with_its_record() {
    use js_sys::{Reflect, JSON};
    use wasm_bindgen::JsValue;
    let value = JSON::parse(data::EMBEDDED_DATASET).unwrap();
    let events = Reflect::get(&value, &"events".into()).unwrap();
    let first = Reflect::get(&events, &JsValue::from(0)).unwrap();
    let id = Reflect::get(&first, &"id".into())
        .unwrap()
        .as_string()
        .unwrap();
    Reflect::set(&first, &"start".into(), &"2010-13-45".into()).unwrap();
    let text = String::from(JSON::stringify(&value).unwrap());
    match data::load(&text) {
        Err(LoadError::Invalid(problems)) => assert!(
            problems
                .iter()
                .any(|p| p.record == format!("event {id}") && p.field == "start"),
            "{problems:?}"
        ),
        other => panic!("expected the bad date to be reported, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_its_landmarks() {
    let document = gloo::utils::document();
    // A narrow test window shows one view at a time: ask for the list's tab.
    gloo::utils::window()
        .location()
        .set_hash("#/?view=list")
        .unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<korea2010::ui::App>::with_root(root.clone()).render();
    // The first render comes in stages (`korea2010::startup`); everything is drawn once
    // the mark of the last stage is there (the list's rows below its first screenful).
    let performance = gloo::utils::window().performance().unwrap();
    for _ in 0..100 {
        if performance
            .get_entries_by_name("korea2010:list-rows-rendered")
            .length()
            > 0
        {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
    }
    for selector in [
        "[aria-label='Event list']",
        "[role='region'][aria-label='Details']",
        "#details-heading",
    ] {
        assert!(
            root.query_selector(selector).unwrap().is_some(),
            "{selector} is rendered"
        );
    }
    let rows = root
        .query_selector_all(".event-table tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows as usize, data::load_embedded().unwrap().events().len());
}
