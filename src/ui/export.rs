//! The export menu: the shown events as CSV, JSON, GeoJSON or iCalendar, generated in the
//! browser and saved under a name that says what was exported; and pictures of the views.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::files;
use super::picture::{self, Subject};
use super::state::use_app;
use crate::export::file_stem;
use crate::export::handover::{request, Format};

/// `text` as a blob of type `mime`.
pub fn blob(text: &str, mime: &str) -> Result<web_sys::Blob, wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Saves a blob as a file through a temporary object URL.
pub fn save(name: &str, blob: &web_sys::Blob) -> Result<(), wasm_bindgen::JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let anchor: web_sys::HtmlAnchorElement =
        gloo::utils::document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Saves `text` as a file.
fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    save(name, &blob(text, mime)?)
}

#[component]
pub fn ExportMenu() -> Html {
    let app = use_app();
    let status = use_state(String::new);
    let buttons = Format::ALL.iter().map(|&format| {
        let (app, status) = (app.clone(), status.clone());
        let onclick = Callback::from(move |_| {
            let state = app.state();
            let asked = request(format, &state.catalog, &state.exploration.shown);
            let (extension, mime) = format.extension_and_type();
            let name = format!("{}.{extension}", file_stem(&state.exploration.url.filters));
            let status = status.clone();
            status.set(format!("Writing {name}…"));
            // The writers are in the files module, fetched on the first export.
            spawn_local(async move {
                let written = files::write_export(&asked).await;
                status.set(match written {
                    Ok(text) if download(&name, mime, &text).is_ok() => format!("Saved {name}."),
                    Ok(_) => format!("{name} could not be saved."),
                    Err(message) => message,
                });
            });
        });
        html! { <button type="button" data-format={format.extension_and_type().0} {onclick}>{ format.label() }</button> }
    });
    html! {
        <details class="export" ontoggle={Callback::from(|_: Event| files::warm_up())}>
            <summary>{ format!("Export {} shown", crate::present::shown_count(app.state().exploration.shown.len(), app.state().catalog.events().len()).to_lowercase()) }</summary>
            <div class="export-buttons" role="group" aria-label="Export formats">{ for buttons }</div>
            <p class="export-status" role="status">{ (*status).clone() }</p>
            <PictureExport />
        </details>
    }
}

/// "Picture": a view (or every view on screen) saved as drawn, as SVG or PNG.
#[component]
fn PictureExport() -> Html {
    let app = use_app();
    let subject = use_state(|| Subject::Stage);
    let status = use_state(String::new);
    let on_subject = {
        let subject = subject.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(chosen) = Subject::from_id(&select.value()) {
                subject.set(chosen);
            }
        })
    };
    let save_as = |png: bool| {
        let (app, subject, status) = (app.clone(), subject.clone(), status.clone());
        Callback::from(move |_| {
            let state = app.state();
            let citation = state.catalog.dataset.meta.source.citation();
            let name = format!(
                "{}-{}",
                file_stem(&state.exploration.url.filters),
                subject.id()
            );
            let svg = match picture::svg(*subject, &citation) {
                Ok(svg) => svg,
                Err(message) => return status.set(message),
            };
            if !png {
                let saved =
                    blob(&svg, "image/svg+xml").and_then(|b| save(&format!("{name}.svg"), &b));
                status.set(if saved.is_ok() {
                    "Saved as SVG.".into()
                } else {
                    "The SVG could not be saved.".into()
                });
                return;
            }
            let status = status.clone();
            picture::png(&svg, move |made| match made {
                Ok(png) if save(&format!("{name}.png"), &png).is_ok() => {
                    status.set("Saved as PNG.".into())
                }
                Ok(_) => status.set("The PNG could not be saved.".into()),
                Err(message) => status.set(message),
            });
        })
    };
    html! {
        <div class="picture-export" role="group" aria-label="Picture">
            <label for="picture-of">{ "Picture of" }</label>
            <select id="picture-of" onchange={on_subject}>
                { for Subject::ALL.iter().map(|&s| html! {
                    <option value={s.id()} selected={s == *subject}>{ s.label() }</option>
                }) }
            </select>
            <div class="export-buttons">
                <button type="button" data-format="svg" onclick={save_as(false)}>{ "SVG" }</button>
                <button type="button" data-format="png" onclick={save_as(true)}>{ "PNG" }</button>
            </div>
            <p class="picture-status" role="status">{ (*status).clone() }</p>
        </div>
    }
}
