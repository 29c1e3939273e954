//! The first frame of a deep link to an event: the top of its details sheet as plain
//! HTML, written by the build for every event (`src/bin/first-frame.rs`) and shown by the
//! page's loader while the wasm downloads, so a shared link shows its event at once. The
//! markup is the Details component's (same elements, classes and text), so the app takes
//! over without a flash; an end-to-end test holds the two to the same place on screen.

use super::heading::{event_heading, EventHeading};
use crate::data::Catalog;
use crate::explore::Exploration;
use crate::query::search::SearchIndex;
use crate::sheet::Snap;
use crate::url::{self, Route, UrlState};

/// The directory of the build the fragments go to, one `<event id>.html` each.
pub const DIRECTORY: &str = "first-frame";

/// Every event's fragment, as `(file name, HTML)`, for a link without filters.
pub fn all(catalog: &Catalog) -> Vec<(String, String)> {
    let search = SearchIndex::new(catalog);
    catalog
        .events()
        .iter()
        .enumerate()
        .map(|(e, event)| {
            let fragment = url::format(&UrlState {
                route: Route::Event(event.id.clone()),
                ..UrlState::default()
            });
            let exploration = Exploration::from_fragment(catalog, &search, &fragment);
            let sheet = event_sheet(catalog, &event_heading(catalog, &exploration, e));
            (format!("{}.html", event.id), sheet)
        })
        .collect()
}

/// The details sheet of one event as the app lays it out when an event is selected.
pub fn event_sheet(catalog: &Catalog, heading: &EventHeading) -> String {
    let step = |target: Option<usize>, label: &str, rel: &str| match target {
        Some(t) => {
            let neighbour = &catalog.events()[t];
            format!(
                r#"<a class="step" rel="{rel}" href="{}" aria-label="{}">{label}</a>"#,
                attribute(&href(&neighbour.id)),
                attribute(&format!("{label}: {}", neighbour.title)),
            )
        }
        None => format!(r#"<span class="step disabled" aria-disabled="true">{label}</span>"#),
    };
    let hint = if heading.outside_filters {
        r#"<p class="hint">This event is outside the current filters.</p>"#
    } else {
        ""
    };
    format!(
        concat!(
            r#"<div class="layout has-selection first-frame" data-sheet="half"><div class="side">"#,
            r#"<button type="button" class="sheet-handle" aria-label="{handle}" title="{handle}" data-snap="half">"#,
            r#"<span class="sheet-grip" aria-hidden="true"></span></button>"#,
            r#"<aside class="details" role="region" aria-label="Details">"#,
            r#"<button type="button" class="details-close" aria-keyshortcuts="Escape">Close</button>"#,
            r#"<article class="event-details">"#,
            r#"<p class="details-kind">{kind}</p>"#,
            r#"<h2 id="details-heading">{title}</h2>"#,
            r#"<p class="details-date"><time datetime="{datetime}">{date}</time>{precision}</p>"#,
            "{hint}",
            r#"<nav class="details-steps" aria-label="Previous and next event">{previous}{next}</nav>"#,
            // `elementtiming`: the page's loader learns when the browser has shown it.
            r#"<p class="summary" elementtiming="first-frame">{summary}</p>"#,
            "</article></aside></div></div>",
        ),
        handle = attribute(Snap::Half.handle_label()),
        kind = text(&heading.kind),
        title = text(heading.title),
        datetime = attribute(heading.datetime),
        date = text(&heading.date),
        precision = text(&heading.precision_note),
        hint = hint,
        previous = step(heading.previous, "← Previous", "prev"),
        next = step(heading.next, "Next →", "next"),
        summary = text(heading.summary),
    )
}

/// The link to an event in a link without filters, as the app writes it.
fn href(id: &str) -> String {
    format!(
        "#{}",
        url::format(&UrlState {
            route: Route::Event(id.to_owned()),
            ..UrlState::default()
        })
    )
}

fn text(raw: &str) -> String {
    raw.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attribute(raw: &str) -> String {
    text(raw).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    #[test]
    fn every_event_gets_one_fragment_named_by_its_id() {
        let catalog = data::load_embedded().unwrap();
        let search = SearchIndex::new(&catalog);
        let overview = Exploration::from_fragment(&catalog, &search, "/");
        let fragments = all(&catalog);
        assert_eq!(fragments.len(), catalog.events().len());
        for (e, ((name, html), event)) in fragments.iter().zip(catalog.events()).enumerate() {
            assert_eq!(name, &format!("{}.html", event.id));
            assert!(html.contains(&text(&event.title)), "{name} lacks its title");
            assert!(
                html.contains(&text(&event.summary)),
                "{name} lacks its summary"
            );
            // The link selects the event: it is flagged only if a link without filters
            // hides it.
            let hidden = overview.shown.binary_search(&e).is_err();
            assert_eq!(html.contains(r#"class="hint""#), hidden, "{name}");
            // The same sheet as the app's, at the height the app opens it at.
            assert!(html.contains(r#"data-sheet="half""#), "{name}");
            assert!(html.contains(r#"class="sheet-handle""#), "{name}");
        }
    }

    #[test]
    fn the_shelling_sheet_links_its_neighbours_and_escapes_text() {
        let mut catalog = data::load_embedded().unwrap();
        let search = SearchIndex::new(&catalog);
        let id = "2010-11-23-yeonpyeong-shelling";
        let exploration = Exploration::from_fragment(&catalog, &search, &format!("/event/{id}"));
        let e = catalog.event_index(id).unwrap();
        let heading = event_heading(&catalog, &exploration, e);
        let (previous, next) = (heading.previous.unwrap(), heading.next.unwrap());
        let html = event_sheet(&catalog, &heading);
        for (t, rel) in [(previous, "prev"), (next, "next")] {
            let neighbour = &catalog.events()[t].id;
            assert!(
                html.contains(&format!(r##"rel="{rel}" href="#/event/{neighbour}""##)),
                "{rel} should step to {neighbour}: {html}"
            );
        }
        assert!(html.contains(r#"<time datetime="2010-11-23">"#), "{html}");
        assert!(!html.contains("class=\"hint\""), "{html}");

        catalog.dataset.events[e].summary = r#"Fire & "shells" <b>"#.into();
        let heading = event_heading(&catalog, &exploration, e);
        let html = event_sheet(&catalog, &heading);
        assert!(
            html.contains(r#"elementtiming="first-frame">Fire &amp; "shells" &lt;b&gt;</p>"#),
            "{html}"
        );
    }

    #[test]
    fn ends_of_the_chronicle_show_a_disabled_step() {
        let catalog = data::load_embedded().unwrap();
        let search = SearchIndex::new(&catalog);
        let exploration = Exploration::from_fragment(&catalog, &search, "/");
        let first = exploration.shown[0];
        let html = event_sheet(&catalog, &event_heading(&catalog, &exploration, first));
        assert!(
            html.contains(r#"<span class="step disabled" aria-disabled="true">← Previous</span>"#)
        );
        assert!(html.contains(r#"rel="next""#));
    }

    #[test]
    fn attributes_escape_quotes_and_text_does_not_need_to() {
        assert_eq!(
            attribute(r#"a "b" & <c>"#),
            "a &quot;b&quot; &amp; &lt;c&gt;"
        );
        assert_eq!(text(r#"a "b" & <c>"#), r#"a "b" &amp; &lt;c&gt;"#);
    }
}
