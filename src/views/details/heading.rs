//! The top of an event's details, computed once for both of its renderers.

use crate::data::{Catalog, Precision};
use crate::explore::Exploration;
use crate::present;
use crate::query::filter::step_through;

/// Everything the details of event `event` show above its places and participants.
#[derive(Debug, Clone, PartialEq)]
pub struct EventHeading<'a> {
    /// "Military action", or "Military action · background" for context outside the quarter.
    pub kind: String,
    pub title: &'a str,
    /// The machine-readable start date (`<time datetime>`).
    pub datetime: &'a str,
    /// The reader's date, honest about precision (`present::event_date`).
    pub date: String,
    /// " · precision: month" and the like; empty for a day-precise event.
    pub precision_note: String,
    /// The event is selected but the filters hide it.
    pub outside_filters: bool,
    /// The neighbours among the shown events, as Previous / Next step to them.
    pub previous: Option<usize>,
    pub next: Option<usize>,
    pub summary: &'a str,
}

/// The heading of event `e` as `exploration` shows it (its filters decide the neighbours).
pub fn event_heading<'a>(
    catalog: &'a Catalog,
    exploration: &Exploration,
    e: usize,
) -> EventHeading<'a> {
    let event = &catalog.events()[e];
    let shown = &exploration.shown;
    let kind = if event.context {
        format!("{} · background", event.kind.label())
    } else {
        event.kind.label().to_owned()
    };
    let precision_note = if event.precision == Precision::Day {
        String::new()
    } else {
        format!(" · precision: {}", event.precision.label())
    };
    EventHeading {
        kind,
        title: &event.title,
        datetime: &event.start,
        date: present::event_date(event),
        precision_note,
        outside_filters: !exploration.selection_shown(),
        previous: step_through(shown, Some(e), -1).filter(|&p| p != e),
        next: step_through(shown, Some(e), 1).filter(|&n| n != e),
        summary: &event.summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::query::search::SearchIndex;

    fn open(fragment: &str) -> (Catalog, Exploration) {
        let catalog = data::load_embedded().unwrap();
        let search = SearchIndex::new(&catalog);
        let exploration = Exploration::from_fragment(&catalog, &search, fragment);
        (catalog, exploration)
    }

    fn index(catalog: &Catalog, id: &str) -> usize {
        catalog.event_index(id).unwrap()
    }

    #[test]
    fn the_shelling_steps_to_its_chronicle_neighbours() {
        let (catalog, exploration) = open("/event/2010-11-23-yeonpyeong-shelling");
        let e = index(&catalog, "2010-11-23-yeonpyeong-shelling");
        let heading = event_heading(&catalog, &exploration, e);
        assert_eq!(heading.title, catalog.events()[e].title);
        assert_eq!(heading.summary, catalog.events()[e].summary);
        assert_eq!(heading.datetime, "2010-11-23");
        assert!(heading.date.contains("14:38"), "{}", heading.date);
        assert_eq!(heading.precision_note, "");
        assert!(!heading.outside_filters);
        let at = exploration.shown.binary_search(&e).unwrap();
        assert_eq!(heading.previous, Some(exploration.shown[at - 1]));
        assert_eq!(heading.next, Some(exploration.shown[at + 1]));
    }

    #[test]
    fn the_first_and_last_shown_events_have_one_neighbour() {
        let (catalog, exploration) = open("/");
        let first = exploration.shown[0];
        let last = *exploration.shown.last().unwrap();
        let opening = event_heading(&catalog, &exploration, first);
        assert_eq!(
            (opening.previous, opening.next),
            (None, Some(exploration.shown[1]))
        );
        let closing = event_heading(&catalog, &exploration, last);
        let before_last = exploration.shown[exploration.shown.len() - 2];
        assert_eq!((closing.previous, closing.next), (Some(before_last), None));
    }

    #[test]
    fn background_and_loose_dates_are_said() {
        let (catalog, exploration) = open("/");
        let (e, event) = catalog
            .events()
            .iter()
            .enumerate()
            .find(|(_, ev)| ev.context && ev.precision != Precision::Day)
            .expect("the chronicle has loosely dated background");
        let heading = event_heading(&catalog, &exploration, e);
        assert_eq!(heading.kind, format!("{} · background", event.kind.label()));
        assert_eq!(
            heading.precision_note,
            format!(" · precision: {}", event.precision.label())
        );
    }

    #[test]
    fn a_selection_the_filters_hide_is_flagged_and_steps_to_the_shown() {
        let (catalog, exploration) =
            open("/event/2010-11-23-yeonpyeong-shelling?from=2010-12-01&to=2010-12-31");
        let e = index(&catalog, "2010-11-23-yeonpyeong-shelling");
        let heading = event_heading(&catalog, &exploration, e);
        assert!(heading.outside_filters);
        // The steps go to the shown events on either side of it in chronicle order.
        let before = exploration.shown.iter().copied().rfind(|&s| s < e);
        let after = exploration.shown.iter().copied().find(|&s| s > e);
        assert!(after.is_some());
        assert_eq!((heading.previous, heading.next), (before, after));
    }
}
