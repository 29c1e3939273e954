//! Packs the built-in data into the compact binary form the app reads (`src/data/pack.rs`):
//! the dataset (`src/data/dataset.json`, the one human-edited source) and the actor
//! network's saved layout. The app's wasm then needs no JSON parser for them, and the
//! dataset is read at start-up several times faster than as JSON.

// The schema's helper methods and the packing macros' exports are compiled here too, and
// only some are used.
#![allow(dead_code, unused_imports)]

#[path = "src/data/model.rs"]
mod model;
#[path = "src/data/pack.rs"]
mod pack;

use std::path::Path;

use pack::{packed_struct, Pack, Reader, UnpackError, Writer};

const DATASET: &str = "src/data/dataset.json";
const LAYOUT: &str = "src/views/network/embedded_layout.json";

/// The saved layout's fields, as `views::network::saved::SavedLayout` has them.
#[derive(serde::Deserialize)]
struct SavedLayout {
    inputs: String,
    positions: Vec<[f64; 2]>,
    overlap_free: bool,
}

packed_struct!(SavedLayout {
    inputs,
    positions,
    overlap_free
});

fn main() {
    for source in [DATASET, LAYOUT, "src/data/model.rs", "src/data/pack.rs"] {
        println!("cargo:rerun-if-changed={source}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dataset: model::Dataset = read_json(DATASET);
    write(&out, "dataset.bin", &pack::to_bytes(&dataset));
    let layout: SavedLayout = read_json(LAYOUT);
    write(&out, "layout.bin", &pack::to_bytes(&layout));
}

/// A broken file stops the build with the reason; the test suite explains schema problems
/// record by record (`cargo test --test dataset`).
fn read_json<T: serde::de::DeserializeOwned>(path: &str) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} cannot be read: {e}"))
}

fn write(out: &str, name: &str, bytes: &[u8]) {
    std::fs::write(Path::new(out).join(name), bytes).expect("OUT_DIR is writable");
}
