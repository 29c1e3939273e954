//! The map view's pure core: how the shared geometry of `crate::geo` is framed, which
//! layers and labels fit, and how the story is drawn over it, in screen pixels.
//!
//! * [`model`] is the view's own state and how it follows its size and the selection;
//! * [`viewport`] is the pan/zoom state: the view moves the precomputed basemap paths with an
//!   SVG `transform` instead of re-projecting anything per frame;
//! * [`lod`] decides which basemap layers (and how many labels) to draw at a zoom;
//! * [`country_labels`] exposes the country label anchors, projected;
//! * [`marks`] groups the shown events by place (size, colours, accessible names);
//! * [`lines`] draws trips, pipelines and boundaries;
//! * [`dodge`] keeps marks apart on screen, and [`glyphs`] writes its leaders and the arrowheads;
//! * [`labels`] places place and country names (with `crate::layout::label_placement`);
//! * [`scene`] assembles one frame in screen pixels;
//! * [`tooltip`] places a mark's event list, and [`place_list`] decides when it shows;
//! * [`fit`] frames a selection;
//! * [`gesture`] and [`controls`] turn pointers, keys, buttons and the wheel into viewports.
//!
//! How the view draws a frame, bottom to top, inside one `<g transform={viewport.transform()}>`
//! (strokes with `vector-effect="non-scaling-stroke"`, fills with `fill-rule="evenodd"`):
//!
//! 1. `paths.outline` filled with the sea colour;
//! 2. the world layer: every `countries[i].d` filled, then `coast` and `borders` stroked;
//! 3. for every detail layer index in [`lod::plan`]: its `frame` filled with the sea colour
//!    (this hides the coarse layer underneath), then its countries, coast and borders;
//! 4. the story: lines and arcs, marks, then labels, from [`scene`].

pub mod controls;
pub mod country_labels;
pub mod dodge;
pub mod fit;
pub mod gesture;
pub mod glyphs;
pub mod labels;
pub mod lines;
pub mod lod;
pub mod marks;
pub mod model;
pub mod place_list;
pub mod scene;
pub mod tooltip;
pub mod viewport;

pub use country_labels::{country_labels, CountryLabel};
pub use lod::{plan, LayerPlan};
pub use viewport::{Preset, Viewport};
