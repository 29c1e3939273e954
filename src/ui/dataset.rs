//! Opening another dataset file (same schema) by file picker or drag-and-drop. The file is
//! validated first; a bad file is explained record by record and the current data stays.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::data::{self, Catalog};

/// What the app knows about the open dataset, and how to change it.
#[derive(Clone, PartialEq)]
pub struct DatasetContext {
    /// The file name of an opened dataset; `None` for the built-in one.
    pub opened: Option<String>,
    /// Why the last file could not be opened.
    pub error: Option<String>,
    /// Called with a file's name and text.
    pub open: Callback<(String, String)>,
    pub reset: Callback<()>,
    pub dismiss_error: Callback<()>,
}

/// The currently open catalog with its origin.
#[derive(Clone)]
pub struct OpenDataset {
    pub catalog: Rc<Catalog>,
    pub opened: Option<String>,
    /// Bumped on every change so the explorer starts afresh.
    pub generation: u32,
}

/// Loads `text`; on success the new catalog replaces the old, on failure the error is kept
/// and the data stays as it was.
pub fn apply_file(current: &OpenDataset, name: String, text: &str) -> Result<OpenDataset, String> {
    match data::load(text) {
        Ok(catalog) => Ok(OpenDataset {
            catalog: Rc::new(catalog),
            opened: Some(name),
            generation: current.generation + 1,
        }),
        Err(error) => Err(format!("“{name}” could not be opened. {error}")),
    }
}

/// Reads a dropped or picked file, then hands its name and text on.
pub fn read_file(file: File, open: Callback<(String, String)>) {
    spawn_local(async move {
        let name = file.name();
        match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
        {
            Some(text) => open.emit((name, text)),
            None => open.emit((name, String::new())),
        }
    });
}

/// Accepts files dropped anywhere on the page.
pub fn listen_for_drops(open: Callback<(String, String)>) -> [EventListener; 2] {
    let document = gloo::utils::document();
    let options = EventListenerOptions::enable_prevent_default();
    let over = EventListener::new_with_options(&document, "dragover", options, |event| {
        event.prevent_default();
    });
    let drop = EventListener::new_with_options(&document, "drop", options, move |event| {
        event.prevent_default();
        let file = event
            .dyn_ref::<DragEvent>()
            .and_then(DragEvent::data_transfer)
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            read_file(file, open.clone());
        }
    });
    [over, drop]
}

#[component]
pub fn DatasetPicker() -> Html {
    let Some(dataset) = use_context::<DatasetContext>() else {
        return Html::default();
    };
    let onchange = {
        let open = dataset.open.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file(file, open.clone());
            }
            input.set_value("");
        })
    };
    let reset = dataset.reset.reform(|_: MouseEvent| ());
    html! {
        <section class="dataset-picker" aria-labelledby="dataset-heading">
            <h2 id="dataset-heading" class="dataset-heading">{ "Dataset" }</h2>
            <p class="dataset-name">
                { dataset.opened.clone().unwrap_or_else(|| "Built-in: the article’s own chronicle".to_owned()) }
            </p>
            <label for="dataset-file" class="dataset-file-label">{ "Open another dataset file (or drop it on the page)" }</label>
            <input id="dataset-file" type="file" accept=".json,application/json" {onchange} />
            if dataset.opened.is_some() {
                <button type="button" onclick={reset}>{ "Back to the built-in dataset" }</button>
            }
        </section>
    }
}

/// The message about a file that could not be opened.
#[component]
pub fn DatasetError() -> Html {
    let Some(dataset) = use_context::<DatasetContext>() else {
        return Html::default();
    };
    let Some(error) = dataset.error.clone() else {
        return Html::default();
    };
    let dismiss = dataset.dismiss_error.reform(|_: MouseEvent| ());
    html! {
        <section class="notices dataset-error" role="alert" aria-label="Dataset problems">
            <h2>{ "That dataset file was not opened" }</h2>
            <pre>{ error }</pre>
            <p>{ "The data you were exploring is unchanged." }</p>
            <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
