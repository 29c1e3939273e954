//! Explorer of the China–Russia chapter of Comparative Connections, Oct–Dec 2010.
//!
//! Everything but `ui` is pure Rust and tested natively; `ui` is the Yew shell that only
//! renders state and turns DOM events into actions.

pub mod cooperative;
pub mod data;
pub mod embed;
pub mod explore;
pub mod export;
pub mod geo;
pub mod layout;
pub mod numfmt;
pub mod present;
pub mod query;
pub mod rng;
pub mod roving;
pub mod sheet;
pub mod shortcuts;
pub mod sorting;
pub mod startup;
pub mod url;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod ui;
