//! What the on-demand reader module (`src/bin/reader.rs`) hands the app: a file read and
//! checked in any supported format, packed (`data::pack`), or the message saying why it
//! could not be. The app itself then needs no JSON parser nor the importers.

use super::{read, Format, Report};
use crate::data::pack::{self, packed_enum, packed_struct, Pack, Reader, UnpackError, Writer};
use crate::data::Dataset;

/// A file as the app opens it.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub dataset: Dataset,
    /// How a file in another format was read; `None` for the explorer's own schema.
    pub report: Option<Report>,
}

packed_struct!(Opened { dataset, report });
packed_struct!(Report {
    format,
    read,
    guessed,
    dropped
});
packed_enum!(Format {
    Dataset,
    TimelineJson,
    TimelineCsv,
    GeoJson
});

/// The reader module's one job: the file packed, or the message for the reader.
pub fn read_packed(name: &str, text: &str) -> Result<Vec<u8>, String> {
    let read = read(name, text).map_err(|error| error.to_string())?;
    Ok(pack::to_bytes(&Opened {
        dataset: read.dataset,
        report: read.report,
    }))
}

/// The app's side: bytes from [`read_packed`] back into the file's data.
pub fn unpack(bytes: &[u8]) -> Result<Opened, String> {
    pack::from_bytes(bytes)
        .map_err(|UnpackError(why)| format!("the reader's answer is damaged ({why})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{synthetic, EMBEDDED_DATASET};

    #[test]
    fn a_file_of_the_schema_arrives_as_read_without_a_report() {
        let opened = unpack(&read_packed("built-in.json", EMBEDDED_DATASET).unwrap()).unwrap();
        assert_eq!(opened.dataset, crate::data::read(EMBEDDED_DATASET).unwrap());
        assert_eq!(opened.report, None);
    }

    #[test]
    fn a_file_of_another_format_arrives_with_its_report() {
        let csv = "Year,Month,Day,Headline,Text\n2019,6,30,Meeting at Panmunjom,Trump and Kim\n2019,,,A year,\n";
        let opened = unpack(&read_packed("dmz.csv", csv).unwrap()).unwrap();
        let report = opened.report.unwrap();
        assert_eq!(report.format, Format::TimelineCsv);
        assert_eq!(Some(report), read("dmz.csv", csv).unwrap().report);
        assert_eq!(opened.dataset.events.len(), 2);
        let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[126.6,37.4]},"properties":{"name":"Incheon","date":"2010-11-11"}}]}"#;
        let opened = unpack(&read_packed("points.geojson", geojson).unwrap()).unwrap();
        assert_eq!(opened.report.unwrap().format, Format::GeoJson);
    }

    #[test]
    fn what_cannot_be_read_is_said() {
        let message = read_packed("notes.txt", "just some words").unwrap_err();
        assert!(
            message.starts_with("It is not in a format the explorer reads"),
            "{message}"
        );
        let mut broken = synthetic::generate(3, 1);
        broken.events[0].storylines = vec!["nowhere".into()];
        let text = serde_json::to_string(&broken).unwrap();
        let message = read_packed("broken.json", &text).unwrap_err();
        assert!(
            message.starts_with("The dataset has 1 problem(s):"),
            "{message}"
        );
        assert!(unpack(b"{}")
            .unwrap_err()
            .starts_with("the reader's answer is damaged"));
    }
}
