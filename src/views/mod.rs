//! One room per view: each holds the pure model of what its view shows and the decisions
//! its interactions take (pointer, key, timer tick, resize in; new view state out), so that
//! every decision is tested natively. The Yew components in `crate::ui` render these models
//! and run their effects.
//!
//! A room may use the shared building blocks (`data`, `query`, `geo`, `layout`) but not
//! another view's room: what two views must agree on lives in a shared room. [`in_link`] is
//! the one rule every view follows to keep its settings and the link in step.

pub mod compare;
pub mod details;
pub mod filters;
pub mod in_link;
pub mod list;
pub mod map;
pub mod network;
pub mod timeline;
