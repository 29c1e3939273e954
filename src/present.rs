//! Reader-facing wording derived from records: date labels that are honest about
//! precision, accessible names for marks, page titles. Pure, so every view says the same.

use crate::data::{Catalog, Date, Event, PartOfDay, Precision};
use crate::url::Route;

/// "23 Nov 2010", "22–24 Nov 2010", "28 Nov – 1 Dec 2010", "Nov 2010 (month only)",
/// "about 20–21 Nov 2010", with the local time when the article gives one.
pub fn event_date(event: &Event) -> String {
    let Some(start) = Date::parse(&event.start) else {
        return event.start.clone();
    };
    let end = event
        .end
        .as_deref()
        .and_then(Date::parse)
        .filter(|&end| end > start);
    let mut label = match (event.precision, end) {
        (Precision::Month, None) => format!("{} {} (month only)", start.month_abbrev(), start.year),
        (_, None) => start.display_long(),
        (_, Some(end)) => range(start, end),
    };
    if event.precision == Precision::Approximate {
        label = format!("about {label}");
    } else if event.precision == Precision::Month && end.is_some() {
        label.push_str(" (month only)");
    }
    if let Some(time) = &event.time {
        label.push_str(&format!(", {time} local time"));
    } else if let Some(part) = event.part_of_day {
        label.push_str(match part {
            PartOfDay::Morning => ", morning",
            PartOfDay::Afternoon => ", afternoon",
            PartOfDay::Evening => ", evening",
            PartOfDay::Night => ", night",
        });
    }
    label
}

/// A compact range label that does not repeat the shared month or year.
pub fn range(start: Date, end: Date) -> String {
    if start.year != end.year {
        format!("{} – {}", start.display_long(), end.display_long())
    } else if start.month != end.month {
        format!(
            "{} {} – {} {} {}",
            start.day,
            start.month_abbrev(),
            end.day,
            end.month_abbrev(),
            end.year
        )
    } else {
        format!(
            "{}–{} {} {}",
            start.day,
            end.day,
            end.month_abbrev(),
            end.year
        )
    }
}

/// The accessible name of an event's mark in any view: title and date.
pub fn event_mark_label(event: &Event) -> String {
    format!("{}, {}", event.title, event_date(event))
}

/// The document title for the current page, so shared tabs and bookmarks read well.
pub fn page_title(catalog: &Catalog, route: &Route) -> String {
    const APP: &str = "Korea 2010: China and Russia, Oct–Dec 2010";
    let item = match route {
        Route::Overview => None,
        Route::Event(id) => catalog
            .event_index(id)
            .map(|e| catalog.events()[e].title.clone()),
        Route::Actor(id) => catalog.actor(id).map(|a| a.name.clone()),
        Route::Place(id) => catalog.place(id).map(|p| p.name.clone()),
    };
    match item {
        Some(item) => format!("{item} — {APP}"),
        None => APP.to_owned(),
    }
}

/// "12 of 84 events".
pub fn shown_count(shown: usize, total: usize) -> String {
    let noun = if total == 1 { "event" } else { "events" };
    if shown == total {
        format!("All {total} {noun}")
    } else {
        format!("{shown} of {total} {noun}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{EventKind, SourceRef};

    fn event(start: &str, end: Option<&str>, precision: Precision, time: Option<&str>) -> Event {
        Event {
            id: format!("{start}-x"),
            title: "T".into(),
            summary: "S".into(),
            start: start.into(),
            end: end.map(Into::into),
            precision,
            time: time.map(Into::into),
            part_of_day: None,
            context: false,
            kind: EventKind::Other,
            storylines: vec![],
            participants: vec![],
            places: vec![],
            figures: vec![],
            quotes: vec![],
            sources: vec![SourceRef {
                section: "s".into(),
                paragraph: 1,
            }],
            notes: vec![],
        }
    }

    #[test]
    fn labels_say_how_precise_a_date_is() {
        assert_eq!(
            event_date(&event("2010-11-23", None, Precision::Day, Some("14:38"))),
            "23 Nov 2010, 14:38 local time"
        );
        assert_eq!(
            event_date(&event(
                "2010-11-22",
                Some("2010-11-24"),
                Precision::Day,
                None
            )),
            "22–24 Nov 2010"
        );
        assert_eq!(
            event_date(&event(
                "2010-11-28",
                Some("2010-12-01"),
                Precision::Day,
                None
            )),
            "28 Nov – 1 Dec 2010"
        );
        assert_eq!(
            event_date(&event("2010-11-01", None, Precision::Month, None)),
            "Nov 2010 (month only)"
        );
        assert_eq!(
            event_date(&event(
                "2010-11-20",
                Some("2010-11-21"),
                Precision::Approximate,
                None
            )),
            "about 20–21 Nov 2010"
        );
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(shown_count(84, 84), "All 84 events");
        assert_eq!(shown_count(3, 84), "3 of 84 events");
    }
}
