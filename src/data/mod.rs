//! The dataset: schema types, the embedded file, parsing, validation and the indexed
//! [`Catalog`] every other module reads.

pub mod catalog;
pub mod date;
#[cfg(test)]
pub(crate) mod fixture;
pub mod import;
pub mod kept;
pub mod model;
pub mod order;
pub mod pack;
pub mod parse;
pub mod period;
pub mod synthetic;
pub mod validate;

pub use catalog::Catalog;
pub use date::Date;
pub use model::*;
pub use period::Period;
pub use validate::Problem;

/// The dataset shipped inside the app, extracted from the article: the human-edited source.
pub const EMBEDDED_DATASET: &str = include_str!("dataset.json");

/// The same dataset packed at build time (see `build.rs`): what the app reads.
pub const EMBEDDED_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// Why a dataset file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Not JSON, or JSON not in the dataset's shape; the message says where.
    Syntax(String),
    /// Well-formed, but records break the rules; each problem names record and field.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Syntax(message) => write!(f, "The file is not a valid dataset: {message}"),
            LoadError::Invalid(problems) => {
                write!(f, "The dataset has {} problem(s):", problems.len())?;
                for problem in problems.iter().take(20) {
                    write!(f, "\n• {problem}")?;
                }
                if problems.len() > 20 {
                    write!(f, "\n• … and {} more", problems.len() - 20)?;
                }
                Ok(())
            }
        }
    }
}

/// Parses and validates a dataset file.
pub fn read(text: &str) -> Result<Dataset, LoadError> {
    let dataset = parse::parse_dataset(text).map_err(LoadError::Syntax)?;
    let problems = validate::validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Parses, validates and indexes a dataset file.
pub fn load(text: &str) -> Result<Catalog, LoadError> {
    read(text).map(Catalog::new)
}

/// The embedded dataset. Its JSON source is validated by the test suite, so failure here
/// means a broken build; the caller still gets the error to show rather than a panic.
pub fn load_embedded() -> Result<Catalog, LoadError> {
    pack::from_bytes(EMBEDDED_PACKED)
        .map(Catalog::new)
        .map_err(|pack::UnpackError(why)| LoadError::Syntax(format!("built-in data: {why}")))
}
