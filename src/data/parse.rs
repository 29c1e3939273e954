//! JSON → [`Dataset`]. In the browser the text goes through the engine's own `JSON.parse`
//! and `serde-wasm-bindgen`, which keeps a JSON parser out of the wasm download; natively
//! `serde_json` does the same job and reports line and column.

use super::model::Dataset;

#[cfg(not(target_arch = "wasm32"))]
pub fn parse_dataset(text: &str) -> Result<Dataset, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

#[cfg(target_arch = "wasm32")]
pub fn parse_dataset(text: &str) -> Result<Dataset, String> {
    let value = js_sys::JSON::parse(text).map_err(|error| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "invalid JSON".to_owned())
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
