//! The reader module: a second, small wasm the app fetches only when a reader opens a file
//! of their own (or reloads a kept one). It holds what only that needs — the JSON parser,
//! the schema's validation and the TimelineJS and GeoJSON importers — so the explorer's
//! first load does not carry them. It answers with the file packed (`data::pack`).

#[cfg(target_arch = "wasm32")]
mod exported {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The file `name` with content `text`, packed as `data::import::handover` describes,
    /// or a thrown message saying why it cannot be opened.
    #[wasm_bindgen]
    pub fn read(name: &str, text: &str) -> Result<Vec<u8>, String> {
        korea2010::data::import::handover::read_packed(name, text)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("the reader module runs in the browser, loaded by the explorer on demand.");
}
