//! Exports are written in the files module (`src/bin/files.rs`), which the app fetches on
//! first use, so the first load carries none of the four writers nor a JSON serializer.
//! The app hands it the open dataset packed (`data::pack`), the shown events by id, and
//! the format; it answers with the file's text.

use super::{csv::to_csv, geojson::to_geojson, ics::to_ics, subset::subset};
use crate::data::pack::{self, packed_enum, packed_struct, Pack, Reader, UnpackError, Writer};
use crate::data::{Catalog, Dataset};

/// The formats the shown events can be exported in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Csv,
    Json,
    GeoJson,
    Ics,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Csv, Format::Json, Format::GeoJson, Format::Ics];

    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::GeoJson => "GeoJSON",
            Format::Ics => "Calendar (.ics)",
        }
    }

    pub fn extension_and_type(self) -> (&'static str, &'static str) {
        match self {
            Format::Csv => ("csv", "text/csv;charset=utf-8"),
            Format::Json => ("json", "application/json"),
            Format::GeoJson => ("geojson", "application/geo+json"),
            Format::Ics => ("ics", "text/calendar;charset=utf-8"),
        }
    }
}

/// An export as the app asks for it.
#[derive(Clone, Debug, PartialEq)]
struct Request {
    format: Format,
    dataset: Dataset,
    /// The shown events' ids, in the order shown.
    shown: Vec<String>,
}

packed_struct!(Request {
    format,
    dataset,
    shown
});
packed_enum!(Format {
    Csv,
    Json,
    GeoJson,
    Ics
});

/// The app's side: the request for `shown` (indices into `catalog`) in `format`.
pub fn request(format: Format, catalog: &Catalog, shown: &[usize]) -> Vec<u8> {
    let events = catalog.events();
    pack::to_bytes(&Request {
        format,
        dataset: catalog.dataset.clone(),
        shown: shown.iter().map(|&i| events[i].id.clone()).collect(),
    })
}

/// The files module's side: the file's text for a request, or why there is none.
pub fn write(request: &[u8]) -> Result<String, String> {
    let Request {
        format,
        dataset,
        shown,
    } = pack::from_bytes(request)
        .map_err(|UnpackError(why)| format!("the export request is damaged ({why})"))?;
    let catalog = Catalog::new(dataset);
    let shown: Vec<usize> = shown
        .iter()
        .filter_map(|id| catalog.event_index(id))
        .collect();
    Ok(match format {
        Format::Csv => to_csv(&catalog, &shown),
        Format::Json => serde_json::to_string_pretty(&subset(&catalog, &shown))
            .map_err(|e| format!("the JSON could not be written ({e})"))?,
        Format::GeoJson => to_geojson(&catalog, &shown),
        Format::Ics => to_ics(&catalog, &shown),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    #[test]
    fn each_format_is_written_as_in_the_app() {
        let catalog = load_embedded().unwrap();
        let shown = vec![4, 1, 30];
        for format in Format::ALL {
            let text = write(&request(format, &catalog, &shown)).unwrap();
            let expected = match format {
                Format::Csv => to_csv(&catalog, &shown),
                Format::Json => serde_json::to_string_pretty(&subset(&catalog, &shown)).unwrap(),
                Format::GeoJson => to_geojson(&catalog, &shown),
                Format::Ics => to_ics(&catalog, &shown),
            };
            assert_eq!(text, expected, "{format:?}");
        }
    }

    #[test]
    fn the_json_export_reads_back_as_the_shown_events() {
        let catalog = load_embedded().unwrap();
        let shown = vec![2, 7];
        let text = write(&request(Format::Json, &catalog, &shown)).unwrap();
        let read = crate::data::read(&text).unwrap();
        let ids: Vec<&str> = read.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, [&catalog.events()[2].id, &catalog.events()[7].id]);
        assert!(text.starts_with("{\n  \""), "indented: {}", &text[..20]);
    }

    #[test]
    fn a_damaged_request_is_refused() {
        assert!(write(b"K10p")
            .unwrap_err()
            .starts_with("the export request is damaged"));
    }
}
