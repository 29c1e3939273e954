//! Opening another dataset file by file picker or drag-and-drop: the explorer's own schema,
//! TimelineJS (JSON or the spreadsheet as CSV) or GeoJSON (`data::import`). The file is
//! read and validated first; a bad file is explained and the current data stays; a file in
//! another format opens with a report of what was guessed or left out.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::data::import::{self, Report};
use crate::data::Catalog;

/// What the app knows about the open dataset, and how to change it.
#[derive(Clone, PartialEq)]
pub struct DatasetContext {
    /// The file name of an opened dataset; `None` for the built-in one.
    pub opened: Option<String>,
    /// Why the last file could not be opened.
    pub error: Option<String>,
    /// How the last file in another format was read.
    pub report: Option<Rc<Report>>,
    pub dismiss_report: Callback<()>,
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

/// Reads `text` in any supported format; on success the new catalog replaces the old (with
/// the report of a file in another format), on failure the error is kept and the data
/// stays as it was.
pub fn apply_file(
    current: &OpenDataset,
    name: String,
    text: &str,
) -> Result<(OpenDataset, Option<Report>), String> {
    match import::open(&name, text) {
        Ok(imported) => Ok((
            OpenDataset {
                catalog: Rc::new(imported.catalog),
                opened: Some(name),
                generation: current.generation + 1,
            },
            imported.report,
        )),
        Err(error) => Err(format!("“{name}” could not be opened. {error}")),
    }
}

/// The open dataset and everything the picker and the messages need, for the component
/// that holds the explorer.
#[hook]
pub fn use_dataset(embedded: Rc<Catalog>) -> (OpenDataset, DatasetContext) {
    let current = {
        let embedded = embedded.clone();
        use_state(move || OpenDataset {
            catalog: embedded,
            opened: None,
            generation: 0,
        })
    };
    let error = use_state(|| None::<String>);
    let report = use_state(|| None::<Rc<Report>>);
    let open = {
        let (current, error, report) = (current.clone(), error.clone(), report.clone());
        Callback::from(move |(name, text): (String, String)| {
            match apply_file(&current, name, &text) {
                Ok((next, read)) => {
                    error.set(None);
                    report.set(read.map(Rc::new));
                    current.set(next);
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let reset = {
        let (current, report) = (current.clone(), report.clone());
        Callback::from(move |()| {
            report.set(None);
            current.set(OpenDataset {
                catalog: embedded.clone(),
                opened: None,
                generation: current.generation + 1,
            })
        })
    };
    {
        let open = open.clone();
        use_effect_with((), move |_| {
            let listeners = listen_for_drops(open);
            move || drop(listeners)
        });
    }
    let context = DatasetContext {
        opened: current.opened.clone(),
        error: (*error).clone(),
        report: (*report).clone(),
        open,
        reset,
        dismiss_error: Callback::from(move |()| error.set(None)),
        dismiss_report: Callback::from(move |()| report.set(None)),
    };
    ((*current).clone(), context)
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
            <p class="dataset-formats" id="dataset-formats">{ "The explorer’s own JSON, TimelineJS (JSON, or its spreadsheet saved as CSV) or GeoJSON points with dates." }</p>
            <input id="dataset-file" type="file" aria-describedby="dataset-formats"
                   accept=".json,.csv,.geojson,application/json,text/csv,application/geo+json" {onchange} />
            if dataset.opened.is_some() {
                <button type="button" onclick={reset}>{ "Back to the built-in dataset" }</button>
            }
            if let Some(report) = dataset.report.clone() {
                <ImportReport {report} dismiss={dataset.dismiss_report.clone()} />
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

#[derive(Properties, PartialEq)]
struct ImportReportProps {
    report: Rc<Report>,
    dismiss: Callback<()>,
}

/// How a file in another format was read: what was guessed, what was left out. It takes
/// the focus when it appears, so a file dropped anywhere on the page shows its report.
#[component]
fn ImportReport(props: &ImportReportProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.report.clone(), move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let report = &props.report;
    let list = |title: &str, lines: &[String]| {
        if lines.is_empty() {
            return Html::default();
        }
        html! {
            <>
                <h3>{ title.to_owned() }</h3>
                <ul>{ for lines.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            </>
        }
    };
    let dismiss = props.dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="notices import-report" role="status" aria-label="Import report"
                 tabindex="-1" ref={node}>
            <h2>{ "How the file was read" }</h2>
            <p>{ &report.read }</p>
            { list("Guessed", &report.guessed) }
            { list("Left out", &report.dropped) }
            <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
