//! A force layout computed ahead of time for the built-in dataset, so the network is drawn
//! in the first paint instead of after ~50–100 ms of simulation in the browser.
//!
//! The saved positions are keyed by a fingerprint of everything the layout reads (node
//! footprints, weighted edges, tuning, box): they are used only when a dataset produces
//! exactly those inputs, and any other dataset is laid out live. A native test recomputes
//! the layout and fails when the saved file is out of date (see `tests/network_layout.rs`).

use serde::{Deserialize, Serialize};

use crate::data::pack::{self, packed_struct, Pack, Reader, UnpackError, Writer};
use crate::layout::{ForceEdge, ForceNode, ForceParams, Point};

/// Bumped when the layout code changes in a way the inputs do not show.
const ALGORITHM_VERSION: u64 = 1;

/// The saved layout of the built-in dataset.
pub const EMBEDDED: &str = include_str!("embedded_layout.json");

/// The same layout packed at build time (see `build.rs`): what the app reads.
const EMBEDDED_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/layout.bin"));

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    /// [`fingerprint`] of the inputs, in hex.
    pub inputs: String,
    /// Node centres in layout px, in node order.
    pub positions: Vec<[f64; 2]>,
    pub overlap_free: bool,
}

/// Everything the force layout reads, as one value.
pub struct LayoutInputs<'a> {
    pub nodes: &'a [ForceNode],
    pub edges: &'a [ForceEdge],
    pub params: &'a ForceParams,
    /// Width, height and padding of the box the layout is fitted into.
    pub frame: (f64, f64, f64),
}

impl SavedLayout {
    pub fn new(inputs: &LayoutInputs, positions: &[Point], overlap_free: bool) -> SavedLayout {
        SavedLayout {
            inputs: format!("{:016x}", fingerprint(inputs)),
            positions: positions.iter().map(|p| [p.x, p.y]).collect(),
            overlap_free,
        }
    }

    /// The saved positions, if they were computed from exactly these inputs.
    pub fn positions_for(&self, inputs: &LayoutInputs) -> Option<Vec<Point>> {
        (self.inputs == format!("{:016x}", fingerprint(inputs))
            && self.positions.len() == inputs.nodes.len())
        .then(|| {
            self.positions
                .iter()
                .map(|&[x, y]| Point::new(x, y))
                .collect()
        })
    }
}

/// The built-in dataset's saved layout (`None` only if the embedded file is broken, which
/// a test rules out; the layout is then simply computed).
pub fn embedded() -> Option<SavedLayout> {
    pack::from_bytes(EMBEDDED_PACKED).ok()
}

packed_struct!(SavedLayout {
    inputs,
    positions,
    overlap_free
});

/// FNV-1a over the exact bits of every input. Not `rustc-hash`: the fingerprint is written
/// by a native test and compared in the wasm build, and FxHash mixes in `usize` words, so it
/// differs between 64-bit native and 32-bit wasm.
pub fn fingerprint(inputs: &LayoutInputs) -> u64 {
    let mut hash = Fnv::default();
    hash.u64(ALGORITHM_VERSION);
    hash.u64(inputs.nodes.len() as u64);
    for node in inputs.nodes {
        hash.f64(node.radius);
        hash.f64(node.label_width);
        hash.f64(node.label_height);
        hash.u64(node.group.map_or(u64::MAX, |g| g as u64));
        match node.initial {
            Some(p) => {
                hash.f64(p.x);
                hash.f64(p.y);
            }
            None => hash.u64(u64::MAX),
        }
    }
    hash.u64(inputs.edges.len() as u64);
    for edge in inputs.edges {
        hash.u64(edge.source as u64);
        hash.u64(edge.target as u64);
        hash.f64(edge.weight);
    }
    // The tuning's Debug text names every field with its value.
    hash.bytes(format!("{:?}", inputs.params).as_bytes());
    let (width, height, padding) = inputs.frame;
    hash.f64(width);
    hash.f64(height);
    hash.f64(padding);
    hash.0
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn u64(&mut self, value: u64) {
        self.bytes(&value.to_le_bytes());
    }
    fn f64(&mut self, value: f64) {
        self.u64(value.to_bits());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_layout_is_the_saved_file() {
        let from_json: SavedLayout = serde_json::from_str(EMBEDDED).unwrap();
        assert_eq!(embedded(), Some(from_json));
    }
}
