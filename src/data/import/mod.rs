//! Reading what people already have: besides the explorer's own schema, TimelineJS3
//! JSON, the TimelineJS spreadsheet template saved as CSV, and a GeoJSON FeatureCollection
//! of dated points. The format is told from the content, not the file name; each reader
//! maps its file onto the schema and says in a [`Report`] what it guessed or left out.

pub mod build;
pub mod csv;
pub mod geojson;
pub mod handover;
pub mod report;
pub mod spreadsheet;
pub mod timelinejs;

pub use report::{supported_formats, Format, Report};

use super::{Catalog, Dataset, LoadError};

/// A file read into a catalog.
pub struct Imported {
    pub catalog: Catalog,
    pub format: Format,
    /// What was guessed or dropped; `None` for the explorer's own schema, read as it is.
    pub report: Option<Report>,
}

/// A file read into the schema, before it is indexed.
pub struct Read {
    pub dataset: Dataset,
    pub format: Format,
    /// What was guessed or dropped; `None` for the explorer's own schema, read as it is.
    pub report: Option<Report>,
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The explorer's own schema, with its problems.
    Dataset(LoadError),
    /// Recognised as `format`, but nothing usable came out of it.
    Empty { format: Format, why: String },
    /// No supported format: what the file looked like.
    Unsupported(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Dataset(LoadError::Syntax(message)) => {
                write!(
                    f,
                    "The file is not a valid dataset: {message}\n{}",
                    supported_formats()
                )
            }
            ImportError::Dataset(error) => write!(f, "{error}"),
            ImportError::Empty { format, why } => {
                write!(f, "It was read as {}, but {why}.", format.label())
            }
            ImportError::Unsupported(what) => {
                write!(
                    f,
                    "It is not in a format the explorer reads: {what}.\n{}",
                    supported_formats()
                )
            }
        }
    }
}

/// Reads and indexes a file in any supported format; `name` is the file's name, used as
/// the source of the imported records.
pub fn open(name: &str, text: &str) -> Result<Imported, ImportError> {
    read(name, text).map(|read| Imported {
        catalog: Catalog::new(read.dataset),
        format: read.format,
        report: read.report,
    })
}

/// Reads a file in any supported format into the schema (validated).
pub fn read(name: &str, text: &str) -> Result<Read, ImportError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        if spreadsheet::matches(trimmed) {
            return imported(Format::TimelineCsv, spreadsheet::read(name, trimmed));
        }
        let what = if trimmed.is_empty() {
            "the file is empty"
        } else {
            "it is not JSON, nor a CSV file whose first row names the TimelineJS columns (Year, …, Headline, …)"
        };
        return Err(ImportError::Unsupported(what.to_owned()));
    }
    let value: serde_json::Value = match serde_json::from_str(trimmed) {
        Ok(value) => value,
        // Broken JSON is explained as the schema's loader explains it.
        Err(_) => {
            return Err(ImportError::Dataset(
                super::read(trimmed)
                    .err()
                    .unwrap_or_else(|| LoadError::Syntax("invalid JSON".to_owned())),
            ))
        }
    };
    if geojson::matches(&value) {
        return imported(Format::GeoJson, geojson::read(name, &value));
    }
    if value.get("meta").is_some() {
        return super::read(trimmed)
            .map(|dataset| Read {
                dataset,
                format: Format::Dataset,
                report: None,
            })
            .map_err(ImportError::Dataset);
    }
    if timelinejs::matches(&value) {
        return imported(Format::TimelineJson, timelinejs::read(name, &value));
    }
    Err(ImportError::Unsupported(
        "it is JSON, but has neither `meta` (the explorer’s own schema), `events` with a `start_date` (TimelineJS3) nor `\"type\": \"FeatureCollection\"` (GeoJSON)"
            .to_owned(),
    ))
}

fn imported(format: Format, read: Result<(Dataset, Report), String>) -> Result<Read, ImportError> {
    match read {
        Ok((dataset, report)) => Ok(Read {
            dataset,
            format,
            report: Some(report),
        }),
        Err(why) => Err(ImportError::Empty { format, why }),
    }
}

/// A short fingerprint of a file's text (FNV-1a, 32 bits, as 8 hex digits): enough to tell
/// in a link whether the reader has the same file, not a security measure.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}
