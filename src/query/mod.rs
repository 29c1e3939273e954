//! What the reader asks of the data: filters (facets, time window, search), facet counts,
//! and navigation within the filtered events. Pure; every view reads the same answers.

pub mod filter;
pub mod search;
pub mod target;
pub mod ties;

pub use filter::{Facet, FacetValue, Filters};
pub use search::SearchIndex;
pub use target::Target;
