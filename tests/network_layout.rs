//! The network layout saved for the built-in dataset (`src/views/network/embedded_layout.json`)
//! must be what the live force layout computes today. When the dataset or the layout code
//! changes, this fails; regenerate the file with
//! `UPDATE_SAVED_LAYOUT=1 cargo test --test network_layout`.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::{self, synthetic, Catalog};
use korea2010::views::network::saved::{self, SavedLayout};
use korea2010::views::network::{ActorGraph, ActorNetwork, Placement};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/views/network/embedded_layout.json"
);

#[test]
fn the_saved_layout_is_the_live_layout_of_the_built_in_dataset() {
    let catalog = data::load_embedded().unwrap();
    let graph = ActorGraph::build(&catalog);
    let live = Placement::save(&catalog, &graph);
    if std::env::var_os("UPDATE_SAVED_LAYOUT").is_some() {
        let text = serde_json::to_string(&live).unwrap() + "\n";
        std::fs::write(FILE, text).unwrap();
    }
    let saved: SavedLayout =
        serde_json::from_str(saved::EMBEDDED).expect("embedded_layout.json is not a saved layout");
    let stale = "embedded_layout.json is out of date: UPDATE_SAVED_LAYOUT=1 cargo test --test network_layout";
    assert_eq!(saved.inputs, live.inputs, "{stale}");
    assert_eq!(saved.positions.len(), live.positions.len(), "{stale}");
    for (node, (a, b)) in saved.positions.iter().zip(&live.positions).enumerate() {
        assert!(
            (a[0] - b[0]).abs() < 1e-6 && (a[1] - b[1]).abs() < 1e-6,
            "node {node}: saved {a:?}, live {b:?}. {stale}"
        );
    }
    assert_eq!(saved.overlap_free, live.overlap_free, "{stale}");
}

#[test]
fn the_built_in_dataset_uses_the_saved_layout_and_it_equals_the_live_one() {
    let catalog = data::load_embedded().unwrap();
    let saved = ActorNetwork::from_saved(&catalog).expect("the saved layout applies");
    let live = ActorNetwork::new(&catalog);
    assert_eq!(saved.graph, live.graph);
    assert_eq!(saved.placement.labels, live.placement.labels);
    assert_eq!(
        saved.placement.positions.len(),
        live.placement.positions.len()
    );
    for (a, b) in saved
        .placement
        .positions
        .iter()
        .zip(&live.placement.positions)
    {
        assert!((a.x - b.x).abs() < 1e-6 && (a.y - b.y).abs() < 1e-6);
    }
}

#[test]
fn another_dataset_is_laid_out_live() {
    let catalog = Catalog::new(synthetic::generate(300, 7));
    assert!(ActorNetwork::from_saved(&catalog).is_none());
}

#[test]
fn a_changed_input_does_not_match_the_saved_layout() {
    let mut dataset = data::load_embedded().unwrap().dataset.clone();
    // One fewer event changes a tie's weight or a node's size, so the key differs.
    dataset
        .events
        .retain(|e| e.id != "2010-11-23-yeonpyeong-shelling");
    let catalog = Catalog::new(dataset);
    assert!(ActorNetwork::from_saved(&catalog).is_none());
}
