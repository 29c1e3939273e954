//! The compare mode's pure core: two tracks (sides, actors or storylines) side by side on a
//! time axis relative to an anchor event, with their contacts and places, their counts
//! before and after a split, and a plain-language summary.
//!
//! - [`tracks`]: what a track is — its events (the project's one definition, as the other
//!   views light them), the events it took part in, its contacts with direction, its places;
//! - [`relative`]: day offsets from the anchor, honest about date precision and local
//!   times of day (the rules are in its docs), and the first event after the anchor;
//! - [`periods`]: counts per track and per kind of event before and after a split, and the
//!   events surely in each period;
//! - [`network`]: the difference network: the actor network's ties that appear, vanish or
//!   hold between the two periods, drawn at the network's own positions with the tracks'
//!   actors marked;
//! - [`summary`]: the first act and first contacts per track, and the summary sentence
//!   (worded in `present`);
//! - [`link`]: a compare link checked against the open dataset (unknown tracks and events
//!   replaced by their defaults, with a notice);
//! - [`axis`]: the relative axis in pixels: its days, ticks, and each track's marks in rows;
//! - [`model`]: everything the view shows for a link, computed once per link and filters.

pub mod axis;
pub mod link;
pub mod model;
pub mod network;
pub mod periods;
pub mod relative;
pub mod summary;
pub mod tracks;

pub use periods::{periods, Periods};
pub use relative::{Anchor, DayRange, Moment, Placement};
pub use summary::{first_act, first_contact, summary, FirstContact};
pub use tracks::{Contact, Direction, Track, TrackKey, Who};
