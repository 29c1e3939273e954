//! What the reader is told after a file in another format was read: how it was read, and
//! what was guessed or left out, each with how many events and a few of their titles.

use crate::data::model::Dataset;

/// The file formats the explorer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The explorer's own schema (`dataset.schema.json`).
    Dataset,
    TimelineJson,
    TimelineCsv,
    GeoJson,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Dataset,
        Format::TimelineJson,
        Format::TimelineCsv,
        Format::GeoJson,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Format::Dataset => "the explorer’s own dataset (JSON)",
            Format::TimelineJson => "TimelineJS3 JSON",
            Format::TimelineCsv => "TimelineJS spreadsheet (CSV)",
            Format::GeoJson => "GeoJSON FeatureCollection of dated points",
        }
    }
}

/// The sentence that names every supported format, for a file that matches none.
pub fn supported_formats() -> String {
    let labels: Vec<&str> = Format::ALL.iter().map(|f| f.label()).collect();
    format!("The explorer reads: {}.", labels.join("; "))
}

/// A count of events for one reason, with the first few titles as examples.
#[derive(Clone, Debug, Default, PartialEq)]
struct Line {
    what: String,
    count: usize,
    examples: Vec<String>,
}

const EXAMPLES: usize = 3;

/// Reasons in the order they first came up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    guessed: Vec<Line>,
    dropped: Vec<Line>,
}

fn count(lines: &mut Vec<Line>, what: &str, example: &str, by: usize) {
    let at = match lines.iter().position(|l| l.what == what) {
        Some(at) => at,
        None => {
            lines.push(Line {
                what: what.to_owned(),
                ..Line::default()
            });
            lines.len() - 1
        }
    };
    let line = &mut lines[at];
    line.count += by;
    if !example.is_empty() && line.examples.len() < EXAMPLES {
        line.examples.push(example.to_owned());
    }
}

fn words(line: &Line) -> String {
    let mut text = format!("{} × {}", line.count, line.what);
    if !line.examples.is_empty() {
        let quoted: Vec<String> = line.examples.iter().map(|e| format!("“{e}”")).collect();
        let more = if line.count > line.examples.len() {
            ", …"
        } else {
            ""
        };
        text.push_str(&format!(" ({}{more})", quoted.join(", ")));
    }
    text
}

impl Tally {
    /// One more event (or part of the file) for which `what` was guessed.
    pub fn guessed(&mut self, what: &str, example: &str) {
        count(&mut self.guessed, what, example, 1);
    }

    /// A guess that concerns `n` events at once.
    pub fn guessed_all(&mut self, what: &str, n: usize) {
        count(&mut self.guessed, what, "", n);
    }

    /// One more event (or part of the file) left out, or part of it, for `what`.
    pub fn dropped(&mut self, what: &str, example: &str) {
        count(&mut self.dropped, what, example, 1);
    }

    pub fn dropped_lines(&self) -> Vec<String> {
        self.dropped.iter().map(words).collect()
    }

    pub fn report(&self, format: Format, dataset: &Dataset) -> Report {
        Report {
            format,
            read: format!(
                "Read as {}: {} event(s), {} storyline(s), {} place(s).",
                format.label(),
                dataset.events.len(),
                dataset.storylines.len(),
                dataset.places.len()
            ),
            guessed: self.guessed.iter().map(words).collect(),
            dropped: self.dropped_lines(),
        }
    }
}

/// What the reader is shown after a file was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub format: Format,
    /// "Read as TimelineJS3 JSON: 20 event(s), 3 storyline(s), 0 place(s)."
    pub read: String,
    pub guessed: Vec<String>,
    pub dropped: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_and_quote_a_few_examples() {
        let mut tally = Tally::default();
        for title in ["a", "b", "c", "d"] {
            tally.dropped("with no date", title);
        }
        tally.dropped("off the globe", "e");
        tally.guessed("year only", "");
        tally.guessed_all("kind other", 7);
        assert_eq!(
            tally.dropped_lines(),
            vec![
                "4 × with no date (“a”, “b”, “c”, …)".to_owned(),
                "1 × off the globe (“e”)".to_owned()
            ]
        );
        let dataset = crate::data::synthetic::generate(5, 3);
        let report = tally.report(Format::GeoJson, &dataset);
        assert_eq!(report.guessed, vec!["1 × year only", "7 × kind other"]);
        assert_eq!(
            report.read,
            format!(
                "Read as GeoJSON FeatureCollection of dated points: 5 event(s), {} storyline(s), {} place(s).",
                dataset.storylines.len(),
                dataset.places.len()
            )
        );
        assert_eq!(report.format, Format::GeoJson);
    }

    #[test]
    fn every_format_is_named() {
        let sentence = supported_formats();
        for format in Format::ALL {
            assert!(sentence.contains(format.label()), "{sentence}");
        }
        assert!(sentence.contains("TimelineJS3 JSON; TimelineJS spreadsheet"));
    }
}
