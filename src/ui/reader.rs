//! The reader module (`src/bin/reader.rs`, built next to the app as `reader.js` and
//! `reader_bg.wasm`), fetched the first time a file is opened and kept for the next by the
//! page's `korea2010ReadFile` (in `index.html`, so the single-file build can put the module
//! inline).

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::import::handover::{self, Opened};

/// Reads the file `name` with content `text` in the reader module.
pub async fn read(name: &str, text: &str) -> Result<Opened, String> {
    let window = gloo::utils::window();
    let promise = Reflect::get(&window, &JsValue::from_str("korea2010ReadFile"))
        .ok()
        .and_then(|read| read.dyn_into::<Function>().ok())
        .and_then(|read| {
            read.call2(&window, &JsValue::from_str(name), &JsValue::from_str(text))
                .ok()
        })
        .and_then(|answer| answer.dyn_into::<Promise>().ok())
        .ok_or_else(|| not_loaded(&JsValue::from_str("the page has no file reader")))?;
    match JsFuture::from(promise).await {
        Ok(bytes) => handover::unpack(&Uint8Array::new(&bytes).to_vec()),
        // The module throws a message about the file; anything else is about the module.
        Err(thrown) => Err(thrown.as_string().unwrap_or_else(|| not_loaded(&thrown))),
    }
}

fn not_loaded(error: &JsValue) -> String {
    let detail = Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".to_owned());
    format!(
        "The part of the explorer that reads files could not be loaded ({detail}). Check the connection and try again."
    )
}
