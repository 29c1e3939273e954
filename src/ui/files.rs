//! The files module (`src/bin/files.rs`, built next to the app as `files.js` and
//! `files_bg.wasm`): fetched the first time a reader opens a file or exports, and kept for
//! the next, by the page's `korea2010LoadFiles` (in `index.html`, so the single-file build
//! can put the module inline).

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::import::handover::{self, Opened};

/// Reads the file `name` with content `text`.
pub async fn read(name: &str, text: &str) -> Result<Opened, String> {
    let packed = call("read", &[JsValue::from_str(name), JsValue::from_str(text)]).await?;
    handover::unpack(&Uint8Array::new(&packed).to_vec())
}

/// The text of an export, from its packed request (`export::handover::request`).
pub async fn write_export(request: &[u8]) -> Result<String, String> {
    let text = call("write_export", &[Uint8Array::from(request).into()]).await?;
    text.as_string()
        .ok_or_else(|| "the export came back empty".to_owned())
}

/// Starts loading the module ahead of a likely use — the file picker opened, a file dragged
/// over the page, the export menu opened — so its fetch and compile overlap the reader's
/// choice. A failure is left to the use itself to report.
pub fn warm_up() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load().await;
    });
}

/// The module, loaded once by the page's `korea2010LoadFiles`.
async fn load() -> Result<JsValue, String> {
    let window = gloo::utils::window();
    let loading = Reflect::get(&window, &JsValue::from_str("korea2010LoadFiles"))
        .ok()
        .and_then(|load| load.dyn_into::<Function>().ok())
        .and_then(|load| load.call0(&window).ok())
        .and_then(|loading| loading.dyn_into::<Promise>().ok())
        .ok_or_else(|| not_loaded(&JsValue::from_str("the page cannot load it")))?;
    JsFuture::from(loading).await.map_err(|e| not_loaded(&e))
}

/// Calls the module's function `name`, loading the module first if need be.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let module = load().await?;
    let function: Function = Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| not_loaded(&JsValue::from_str("it is of another version")))?;
    let args: js_sys::Array = args.iter().collect();
    // The module throws a message (a string) about the data.
    function
        .apply(&module, &args)
        .map_err(|thrown| thrown.as_string().unwrap_or_else(|| not_loaded(&thrown)))
}

fn not_loaded(error: &JsValue) -> String {
    let detail = Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".to_owned());
    format!(
        "The part of the explorer that reads and writes files could not be loaded ({detail}). Check the connection and try again."
    )
}
