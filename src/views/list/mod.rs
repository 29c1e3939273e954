//! The event list's pure core: the table's orders and which rows of a long list are on
//! screen.
//!
//! * [`sort`] — the orders of the table's columns;
//! * [`rows`] — the rows a scrolled viewport shows, so only those are rendered.

pub mod rows;
pub mod sort;
