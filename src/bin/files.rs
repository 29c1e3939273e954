//! The files module: a second, small wasm the app fetches only when a reader opens a file
//! of their own (or reloads a kept one) or exports the shown events. It holds what only
//! those need — the JSON parser and serializer, the schema's validation, the TimelineJS
//! and GeoJSON importers, the export writers — so the explorer's first load does not carry
//! them. Data crosses in the packed form (`data::pack`).

#[cfg(target_arch = "wasm32")]
mod exported {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The file `name` with content `text`, packed as `data::import::handover` describes,
    /// or a thrown message saying why it cannot be opened.
    #[wasm_bindgen]
    pub fn read(name: &str, text: &str) -> Result<Vec<u8>, String> {
        korea2010::data::import::handover::read_packed(name, text)
    }

    /// The text of the export `request` (`export::handover`), or a thrown message.
    #[wasm_bindgen]
    pub fn write_export(request: &[u8]) -> Result<String, String> {
        korea2010::export::handover::write(request)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("the files module runs in the browser, loaded by the explorer on demand.");
}
