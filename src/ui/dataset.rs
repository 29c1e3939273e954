//! Opening another dataset file by file picker or drag-and-drop: the explorer's own schema,
//! TimelineJS (JSON or the spreadsheet as CSV) or GeoJSON (`data::import`). The file is
//! read and validated first; a bad file is explained and the current data stays; a file in
//! another format opens with a report of what was guessed or left out.
//!
//! An opened file is kept in the browser (`kept`) and named in the link (`data=<name>~<hash>`),
//! so the link says which data it shows: a reload, back/forward or an offline reload opens
//! the same file again; a link without `data=` is the built-in chronicle; a link naming a
//! file this browser does not have says so and offers to open it or to go on without it.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use super::files;
use super::history;
use super::kept::{self, Kept};
use crate::data::import::{self, Report};
use crate::data::Catalog;
use crate::url::{self, DataRef, UrlState};

/// Whether the explorer can be shown, or what it waits for.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Ready,
    /// Reading the kept file the link names.
    Loading,
    /// The link names a file this browser does not have.
    Missing(DataRef),
}

/// What the app knows about the open dataset, and how to change it.
#[derive(Clone, PartialEq)]
pub struct DatasetContext {
    /// The opened file; `None` for the built-in chronicle.
    pub opened: Option<DataRef>,
    /// Whether the opened file is kept in this browser (`None` while storing it).
    pub stored: Option<bool>,
    /// A kept file this browser has while the built-in chronicle is shown.
    pub kept: Option<DataRef>,
    pub phase: Phase,
    /// Why the last file could not be opened.
    pub error: Option<String>,
    /// How the last file in another format was read.
    pub report: Option<Rc<Report>>,
    pub dismiss_report: Callback<()>,
    /// Called with a file's name and text.
    pub open: Callback<(String, String)>,
    /// Back to the built-in chronicle (the kept file stays kept).
    pub reset: Callback<()>,
    /// Opens the kept file again.
    pub reopen: Callback<()>,
    /// Forgets the kept file and goes back to the built-in chronicle.
    pub forget: Callback<()>,
    /// Shows what the link names, after the link was changed in place.
    pub follow: Callback<()>,
    pub dismiss_error: Callback<()>,
}

/// The currently open catalog with its origin.
#[derive(Clone)]
pub struct OpenDataset {
    pub catalog: Rc<Catalog>,
    pub opened: Option<DataRef>,
    /// Bumped on every change so the explorer starts afresh.
    pub generation: u32,
}

/// Reads `text` in any supported format (in the reader module), as dataset number
/// `generation`.
pub async fn apply_file(
    generation: u32,
    name: String,
    text: &str,
) -> Result<(OpenDataset, Option<Report>), String> {
    match files::read(&name, text).await {
        Ok(opened) => Ok((
            OpenDataset {
                catalog: Rc::new(Catalog::new(opened.dataset)),
                opened: Some(DataRef {
                    hash: import::fingerprint(text),
                    name,
                }),
                generation,
            },
            opened.report,
        )),
        Err(error) => Err(format!("“{name}” could not be opened. {error}")),
    }
}

/// The file the current link names.
fn linked() -> Option<DataRef> {
    url::parse(&history::current_fragment()).0.data
}

/// Makes the link name `data` (a new history entry). Opening a file keeps the rest of the
/// link, as a link does (what the file does not have is pointed out); leaving one starts
/// at the overview (`keep` false), since the file's ids mean nothing in the article.
fn link_to(data: Option<DataRef>, keep: bool) {
    let (current, _) = url::parse(&history::current_fragment());
    if current.data == data {
        return;
    }
    let next = if keep {
        UrlState { data, ..current }
    } else {
        UrlState {
            data,
            ..UrlState::default()
        }
    };
    history::set_fragment(&url::format(&next), true);
}

/// The open dataset and everything the picker and the messages need, for the component
/// that holds the explorer. The link decides which dataset is open.
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
    // Read by callbacks made in earlier renders: the dataset shown and the last generation.
    let shown = use_mut_ref(|| None::<DataRef>);
    let generation = use_mut_ref(|| 0u32);
    let phase = use_state_eq(|| match linked() {
        Some(_) => Phase::Loading,
        None => Phase::Ready,
    });
    let stored = use_state_eq(|| None::<bool>);
    let kept_ref = use_state_eq(|| None::<DataRef>);
    let error = use_state(|| None::<String>);
    let report = use_state(|| None::<Rc<Report>>);
    let next_generation = {
        let generation = generation.clone();
        Rc::new(move || {
            *generation.borrow_mut() += 1;
            *generation.borrow()
        })
    };

    // Shows what the link names: the built-in chronicle, the kept file, or the question.
    let follow_link = {
        let (current, shown, phase) = (current.clone(), shown.clone(), phase.clone());
        let (stored, kept_ref, report) = (stored.clone(), kept_ref.clone(), report.clone());
        let next_generation = next_generation.clone();
        Callback::from(move |()| {
            let wanted = linked();
            if wanted == *shown.borrow() {
                phase.set(Phase::Ready);
                return;
            }
            let Some(wanted) = wanted else {
                *shown.borrow_mut() = None;
                report.set(None);
                current.set(OpenDataset {
                    catalog: embedded.clone(),
                    opened: None,
                    generation: next_generation(),
                });
                phase.set(Phase::Ready);
                return;
            };
            phase.set(Phase::Loading);
            let (current, shown, phase) = (current.clone(), shown.clone(), phase.clone());
            let (stored, kept_ref) = (stored.clone(), kept_ref.clone());
            let next_generation = next_generation.clone();
            spawn_local(async move {
                let kept = kept::load().await;
                let opened = match kept.filter(|k| import::fingerprint(&k.text) == wanted.hash) {
                    Some(k) => apply_file(next_generation(), k.name, &k.text).await.ok(),
                    None => None,
                };
                match opened {
                    Some((dataset, _)) => {
                        *shown.borrow_mut() = dataset.opened.clone();
                        kept_ref.set(dataset.opened.clone());
                        stored.set(Some(true));
                        current.set(dataset);
                        phase.set(Phase::Ready);
                    }
                    None => phase.set(Phase::Missing(wanted)),
                }
            });
        })
    };
    {
        let follow_link = follow_link.clone();
        let kept_ref = kept_ref.clone();
        use_effect_with((), move |_| {
            follow_link.emit(());
            // Which file is kept, to offer it while the built-in chronicle is shown.
            spawn_local(async move {
                if let Some(kept) = kept::load().await {
                    kept_ref.set(Some(DataRef {
                        hash: import::fingerprint(&kept.text),
                        name: kept.name,
                    }));
                }
            });
            let again = follow_link.clone();
            let listeners = history::listen(move || again.emit(()));
            move || drop(listeners)
        });
    }

    let open = {
        let (current, shown, phase) = (current.clone(), shown.clone(), phase.clone());
        let (stored, kept_ref) = (stored.clone(), kept_ref.clone());
        let (error, report) = (error.clone(), report.clone());
        let generation = generation.clone();
        Callback::from(move |(name, text): (String, String)| {
            let (current, shown, phase) = (current.clone(), shown.clone(), phase.clone());
            let (stored, kept_ref) = (stored.clone(), kept_ref.clone());
            let (error, report) = (error.clone(), report.clone());
            let (generation, this) = (generation.clone(), next_generation());
            spawn_local(async move {
                let read = apply_file(this, name.clone(), &text).await;
                // A file opened while this one was read wins.
                if *generation.borrow() != this {
                    return;
                }
                match read {
                    Ok((next, read)) => {
                        link_to(next.opened.clone(), true);
                        *shown.borrow_mut() = next.opened.clone();
                        error.set(None);
                        report.set(read.map(Rc::new));
                        stored.set(None);
                        kept_ref.set(next.opened.clone());
                        current.set(next);
                        phase.set(Phase::Ready);
                        stored.set(Some(kept::store(&Kept { name, text }).await));
                    }
                    Err(message) => error.set(Some(message)),
                }
            });
        })
    };
    let reset = {
        let follow_link = follow_link.clone();
        Callback::from(move |()| {
            link_to(None, false);
            follow_link.emit(());
        })
    };
    let reopen = {
        let (follow_link, kept_ref) = (follow_link.clone(), kept_ref.clone());
        Callback::from(move |()| {
            link_to((*kept_ref).clone(), false);
            follow_link.emit(());
        })
    };
    let forget = {
        let (reset, kept_ref, stored) = (reset.clone(), kept_ref.clone(), stored.clone());
        Callback::from(move |()| {
            kept_ref.set(None);
            stored.set(None);
            reset.emit(());
            spawn_local(kept::forget());
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
        stored: *stored,
        kept: (*kept_ref).clone(),
        phase: (*phase).clone(),
        error: (*error).clone(),
        report: (*report).clone(),
        open,
        reset,
        reopen,
        forget,
        follow: follow_link,
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
    let warmed = std::cell::Cell::new(false);
    let over = EventListener::new_with_options(&document, "dragover", options, move |event| {
        event.prevent_default();
        // A file on its way: the files module loads while it is dragged.
        if !warmed.replace(true) {
            files::warm_up();
        }
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

/// A file input's change: reads the picked file and hands it to `open`.
fn on_file(open: Callback<(String, String)>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read_file(file, open.clone());
        }
        input.set_value("");
    })
}

#[component]
pub fn DatasetPicker() -> Html {
    let Some(dataset) = use_context::<DatasetContext>() else {
        return Html::default();
    };
    let onchange = on_file(dataset.open.clone());
    let reset = dataset.reset.reform(|_: MouseEvent| ());
    html! {
        <section class="dataset-picker" aria-labelledby="dataset-heading">
            <h2 id="dataset-heading" class="dataset-heading">{ "Dataset" }</h2>
            <p class="dataset-name">
                { dataset.opened.as_ref().map_or_else(|| "Built-in: the article’s own chronicle".to_owned(), |d| d.name.clone()) }
            </p>
            <label for="dataset-file" class="dataset-file-label">{ "Open another dataset file (or drop it on the page)" }</label>
            <p class="dataset-formats" id="dataset-formats">{ "The explorer’s own JSON, TimelineJS (JSON, or its spreadsheet saved as CSV) or GeoJSON points with dates." }</p>
            <input id="dataset-file" type="file" aria-describedby="dataset-formats"
                   accept=".json,.csv,.geojson,application/json,text/csv,application/geo+json" {onchange}
                   onclick={Callback::from(|_: MouseEvent| files::warm_up())} />
            if dataset.opened.is_some() {
                <button type="button" onclick={reset}>{ "Back to the built-in dataset" }</button>
            }
            if let Some(report) = dataset.report.clone() {
                <ImportReport {report} dismiss={dataset.dismiss_report.clone()} />
            }
        </section>
    }
}

/// What sits under the header about the data: which file is shown (or which one is kept),
/// and why the last file could not be opened.
#[component]
pub fn DatasetNotices() -> Html {
    html! {
        <>
            <KeptIndicator />
            <DatasetError />
        </>
    }
}

/// "Viewing: <file> · Back to the article · Forget it" while a reader's own file is shown;
/// while the built-in chronicle is, an offer to open the kept file again.
#[component]
fn KeptIndicator() -> Html {
    let Some(dataset) = use_context::<DatasetContext>() else {
        return Html::default();
    };
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    let forget = html! {
        <button type="button" class="link-button" onclick={click(&dataset.forget)}
                title="Remove the file from this browser">{ "Forget it" }</button>
    };
    if let Some(opened) = &dataset.opened {
        let kept = match dataset.stored {
            Some(true) => " (kept in this browser)",
            Some(false) => " (not kept: this browser does not allow it here)",
            None => "",
        };
        return html! {
            <p class="kept-indicator" role="status" aria-label="Dataset shown">
                <span>{ "Viewing: " }<strong class="kept-name">{ &opened.name }</strong>{ kept }</span>
                { " · " }
                <button type="button" class="link-button" onclick={click(&dataset.reset)}>{ "Back to the article" }</button>
                if dataset.stored != Some(false) { { " · " }{ forget } }
            </p>
        };
    }
    let Some(kept) = &dataset.kept else {
        return Html::default();
    };
    html! {
        <p class="kept-indicator kept-offer" role="status" aria-label="Dataset shown">
            <span>{ "Your own file " }<strong class="kept-name">{ &kept.name }</strong>{ " is kept in this browser" }</span>
            { " · " }
            <button type="button" class="link-button" onclick={click(&dataset.reopen)}>{ "Open it" }</button>
            { " · " }{ forget }
        </p>
    }
}

/// Instead of the explorer, while the kept file the link names is read, or when this
/// browser does not have it: the reader opens the file or goes on with the built-in
/// chronicle.
#[component]
pub fn DatasetGate() -> Html {
    let Some(dataset) = use_context::<DatasetContext>() else {
        return Html::default();
    };
    let body = match &dataset.phase {
        Phase::Missing(wanted) => {
            let onchange = on_file(dataset.open.clone());
            let follow = dataset.follow.clone();
            // The rest of the link still applies (what it names that the built-in chronicle
            // does not have is pointed out, as for any link).
            let go_on = Callback::from(move |_: MouseEvent| {
                let (link, _) = url::parse(&history::current_fragment());
                let link = UrlState { data: None, ..link };
                history::set_fragment(&url::format(&link), false);
                follow.emit(());
            });
            let other = dataset
                .kept
                .as_ref()
                .map(|k| format!(" This browser keeps another file, “{}”.", k.name))
                .unwrap_or_default();
            html! {
                <section class="notices dataset-missing" role="alert" aria-labelledby="missing-heading">
                    <h2 id="missing-heading">{ "This link is for a dataset this browser does not have" }</h2>
                    <p>
                        { "It was made while viewing the file " }<strong>{ &wanted.name }</strong>
                        { format!(" (fingerprint {}), which is not kept here.{other}", wanted.hash) }
                    </p>
                    <label for="dataset-file" class="dataset-file-label">{ "Open the file" }</label>
                    <input id="dataset-file" type="file"
                           accept=".json,.csv,.geojson,application/json,text/csv,application/geo+json" {onchange} />
                    <p><button type="button" onclick={go_on}>{ "Continue with the built-in chronicle" }</button></p>
                </section>
            }
        }
        _ => html! { <p class="dataset-loading" role="status">{ "Opening your dataset…" }</p> },
    };
    html! {
        <main class="dataset-gate">
            <header class="app-header"><h1 class="app-title">{ crate::present::APP_TITLE }</h1></header>
            { body }
            <DatasetError />
        </main>
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
