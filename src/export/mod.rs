//! Exports of what the reader is looking at (the filtered events), generated in the
//! browser: CSV, JSON in the dataset's own schema, GeoJSON and iCalendar, and pictures of the
//! views as SVG (PNG is drawn from it in the browser). Every format names
//! the article as its source. Pure text builders, tested natively.

pub mod csv;
pub mod geojson;
pub mod handover;
pub mod ics;
pub mod picture;
pub mod subset;

use crate::data::{Catalog, Event};
use crate::query::Filters;

/// A file name stem that says what was exported, e.g.
/// `korea2010-korea-crisis-russia-2010-12-09-to-2010-12-17`.
pub fn file_stem(filters: &Filters) -> String {
    let mut parts = vec!["korea2010".to_owned()];
    for values in [
        &filters.stories,
        &filters.countries,
        &filters.actors,
        &filters.kinds,
    ] {
        parts.extend(values.iter().cloned());
    }
    if let Some(from) = filters.from {
        parts.push(format!("from-{from}"));
    }
    if let Some(to) = filters.to {
        parts.push(format!("to-{to}"));
    }
    let search: String = crate::query::search::tokenize(&filters.q)
        .into_iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect::<Vec<_>>()
        .join("-");
    if !search.is_empty() {
        parts.push(format!("search-{search}"));
    }
    let stem = parts.join("-");
    // Keep names short enough for every file system.
    stem.chars().take(120).collect()
}

/// "Source: <article citation>, <section>, paragraph N; …" for one event.
pub fn source_line(catalog: &Catalog, event: &Event) -> String {
    let places: Vec<String> = event
        .sources
        .iter()
        .map(|s| {
            if s.section == "Chronology" {
                format!("chronology entry {}", s.paragraph)
            } else {
                format!("“{}”, paragraph {}", s.section, s.paragraph)
            }
        })
        .collect();
    format!(
        "Source: {}; {}",
        catalog.dataset.meta.source.citation(),
        places.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Date;

    #[test]
    fn file_names_say_what_was_exported() {
        let filters = Filters {
            stories: vec!["korea-crisis".into()],
            countries: vec!["russia".into()],
            from: Date::parse("2010-12-09"),
            to: Date::parse("2010-12-17"),
            q: "Lavrov Лавров".into(),
            ..Filters::default()
        };
        assert_eq!(
            file_stem(&filters),
            "korea2010-korea-crisis-russia-from-2010-12-09-to-2010-12-17-search-lavrov"
        );
        assert_eq!(file_stem(&Filters::default()), "korea2010");
    }

    #[test]
    fn a_source_line_names_a_chronology_entry_apart_from_a_section_s_paragraph() {
        let catalog = crate::data::load_embedded().unwrap();
        // The line of an event cited from `section`, and the paragraph cited there.
        let cited = |section: &str| {
            catalog
                .events()
                .iter()
                .find_map(|event| {
                    let source = event.sources.iter().find(|s| s.section == section)?;
                    Some((source_line(&catalog, event), source.paragraph))
                })
                .expect("an event cited from that section")
        };
        let (line, paragraph) = cited("Chronology");
        assert!(line.starts_with("Source: "), "{line}");
        assert!(
            line.contains(&format!("; chronology entry {paragraph}")),
            "{line}"
        );
        assert!(!line.contains("“Chronology”"), "{line}");
        let (line, paragraph) = cited("Introduction");
        assert!(
            line.contains(&format!("; “Introduction”, paragraph {paragraph}")),
            "{line}"
        );
    }
}
