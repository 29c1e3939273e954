//! Pure layout algorithms for the views: they compute pixel geometry, the Yew components
//! only draw it. Nothing here touches the DOM, so all of it is tested natively.
//!
//! * [`time`] — the timeline's zoomable day → pixel scale and its calendar ticks;
//! * [`lanes`] — stacking overlapping timeline items into rows;
//! * [`force`] — deterministic force-directed layout of the actor network;
//! * [`label_placement`] — greedy, priority-ordered label placement for map and network;
//! * [`text`] — label size estimates without measuring text;
//! * [`geom`] — the points, rectangles and circles they exchange;

pub mod force;
pub mod geom;
pub mod label_placement;
pub mod lanes;
pub mod text;
pub mod time;

pub use force::{
    force_layout, ForceEdge, ForceLayout, ForceNode, ForceParams, LabelSide, Simulation,
};
pub use geom::{Circle, Point, Rect};
pub use label_placement::{place_labels, LabelRequest, PlacedLabel, PlacementOptions, Slot};
pub use lanes::{pack_lanes, pack_rows, LaneItem, LanePacking};
pub use text::{estimate_label_width, label_height};
pub use time::{Tick, TickUnit, Ticks, TimeScale};
