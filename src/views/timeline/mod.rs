//! The timeline view's pure core: everything the Yew component needs decided before it
//! draws, and everything an input does, so that each decision is tested natively. The
//! component (`crate::ui::timeline`) only renders [`interaction::View`] and the drawing, turns
//! DOM events into [`interaction::Input`]s and carries out the [`interaction::Effect`]s.
//!
//! * [`grouping`] — which lanes an event sits in (by side or by storyline);
//! * [`marks`] — lane bands, marks, bars and the "Earlier" strip in pixels;
//! * [`density`] — the aggregated strips drawn instead when too many events are in view;
//! * [`drawing`] — which of the two the current view gets, what density strips still draw
//!   singly, and which rows the selection scrolls to;
//! * [`window`] — the URL's time window as days, and panning a selection into view;
//! * [`brush`] — dragging out, moving and resizing the time window on the brush band;
//! * [`gesture`] — pointers to pan, pinch-zoom and brush intents;
//! * [`keys`] — what a key press means on the timeline;
//! * [`playback`] — moving a window through the chronicle's period (the article's quarter);
//! * [`interaction`] — the reducer over all of them: the timeline's own state (zoom, lanes,
//!   the brush being dragged, playback and its take-over, hover, focus to restore) and what
//!   each key, pointer, wheel turn, click, toolbar button, tick, resize or new URL does to it.

pub mod brush;
pub mod density;
pub mod drawing;
pub mod gesture;
pub mod grouping;
pub mod interaction;
pub mod keys;
pub mod marks;
pub mod playback;
pub mod window;

use crate::data::Catalog;
use crate::query::filter::Matcher;
use crate::query::{Filters, SearchIndex};

pub use drawing::Drawing;
pub use grouping::{LaneKey, LaneMode};
pub use marks::{layout_timeline, Geometry, TimelineLayout};

/// The events the timeline draws: those passing every filter except the time window, in
/// date order. The brushed window then dims what lies outside it instead of hiding it, so
/// the reader keeps the context while choosing a window.
pub fn events_ignoring_window(
    catalog: &Catalog,
    search: &SearchIndex,
    filters: &Filters,
) -> Vec<usize> {
    let unwindowed = Filters {
        from: None,
        to: None,
        ..filters.clone()
    };
    Matcher::new(catalog, search, &unwindowed).filtered()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{self, Date};

    #[test]
    fn the_time_window_does_not_narrow_what_the_timeline_draws() {
        let catalog = data::load_embedded().unwrap();
        let search = SearchIndex::new(&catalog);
        let windowed = Filters {
            from: Date::parse("2010-12-09"),
            to: Date::parse("2010-12-17"),
            kinds: vec!["phone-call".into()],
            ..Filters::default()
        };
        let drawn = events_ignoring_window(&catalog, &search, &windowed);
        let narrowed = Matcher::new(&catalog, &search, &windowed).filtered();
        assert!(drawn.len() > narrowed.len());
        assert!(narrowed.iter().all(|e| drawn.contains(e)));
        // The other filters still apply.
        assert!(drawn
            .iter()
            .all(|&e| catalog.events()[e].kind == data::EventKind::PhoneCall));
        // Every phone call is drawn, before the window's start and after its end alike.
        let calls = Filters {
            kinds: vec!["phone-call".into()],
            ..Filters::default()
        };
        assert_eq!(drawn, Matcher::new(&catalog, &search, &calls).filtered());
        let start = |e: &usize| catalog.events()[*e].start.as_str();
        assert!(drawn.iter().any(|e| start(e) < "2010-12-09"));
        assert!(drawn.iter().any(|e| start(e) > "2010-12-17"));
    }
}
