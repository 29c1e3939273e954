//! The actor network behind the Actors view, as pure Rust: who dealt with whom, what the
//! filters and the selection leave of it, where each node sits, the screen maths of a
//! zoomable, keyboard-navigable drawing of it, and every decision its pointer, wheel, keys,
//! buttons and resizes take. The Yew components in `crate::ui::actors` only render these
//! answers, forward DOM events to the reducers and run the effects they return.
//!
//! * [`model`] — nodes (people, and bodies acting as such) and weighted, directed ties;
//! * [`linked`] — what the filters, selection, hover and ego mode show, dim or mark;
//! * [`placement`] — the force layout of the whole network, computed once per dataset;
//! * [`saved`] — that layout saved ahead of time for the built-in dataset;
//! * [`viewport`] — zoom and pan of the drawing, a press that becomes a drag, the wheel;
//! * [`interaction`] — the drawing's model and reducer: drag versus click, wheel, keys,
//!   zoom buttons, resize and refitting in; the new view and the effects (redraw, focus a
//!   node, capture the pointer, cancel a default) out;
//! * [`panel`] — the view's settings (network or table, ego, enlarged, sort) and their
//!   reducer, Escape included;
//! * [`scene`] — screen geometry: trimmed edges, arrowheads, which labels fit;
//! * [`dense`] — crowded networks draw their plain ties merged;
//! * [`keynav`] — the view's one key map, and arrow keys moving to the nearest node in
//!   that direction;
//! * [`table`] — the sortable table of actors, the accessible alternative;
//! * [`describe`] — names and affiliations as the table and the drawing say them.

pub mod dense;
pub mod describe;
pub mod interaction;
pub mod keynav;
pub mod linked;
pub mod model;
pub mod panel;
pub mod placement;
pub mod saved;
pub mod scene;
pub mod table;
pub mod viewport;

pub use linked::{Highlight, NetworkLook};
pub use model::{ActorGraph, Edge, Node};
pub use placement::Placement;
pub use viewport::Viewport;

use crate::data::Catalog;

/// The network of one dataset and where its nodes sit: what the view computes once.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorNetwork {
    pub graph: ActorGraph,
    pub placement: Placement,
}

impl ActorNetwork {
    /// The network with a live layout (tens of ms for the built-in dataset in the browser).
    pub fn new(catalog: &Catalog) -> ActorNetwork {
        let graph = ActorGraph::build(catalog);
        let placement = Placement::compute(catalog, &graph);
        ActorNetwork { graph, placement }
    }

    /// The network with the layout saved for the built-in dataset, if `catalog` yields
    /// exactly the graph it was saved for; cheap, so it can run before the first paint.
    pub fn from_saved(catalog: &Catalog) -> Option<ActorNetwork> {
        let saved = saved::embedded()?;
        let graph = ActorGraph::build(catalog);
        let placement = Placement::from_saved(catalog, &graph, &saved)?;
        Some(ActorNetwork { graph, placement })
    }
}
