//! The TimelineJS spreadsheet template saved as CSV: a header row (Year, Month, Day, Time,
//! End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media
//! Credit, Media Caption, Media Thumbnail, Type, Group, Background), then one row per
//! slide; `Type` marks the `title` slide and `era`s. Columns are found by name, in any
//! order and case.

use super::build::Parts;
use super::csv;
use super::report::{Format, Report};
use super::timelinejs::{assemble, Era, Slide, Timeline};
use crate::data::model::Dataset;

const COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

fn name(cell: &str) -> String {
    cell.trim().to_lowercase()
}

/// Whether the first row of `text` is the template's header: it names Year and Headline.
pub fn matches(text: &str) -> bool {
    let header = text.lines().next().map(csv::rows).unwrap_or_default();
    let names: Vec<String> = header
        .first()
        .into_iter()
        .flatten()
        .map(|c| name(c))
        .collect();
    ["year", "headline"]
        .iter()
        .all(|c| names.iter().any(|n| n == c))
}

/// Hour and minute of a `Time` cell: `14:38`, `2:38 PM`, `14:38:05`; anything else gives
/// an hour that is not a number, so the time is reported as dropped.
fn clock(cell: &str) -> (String, String) {
    let cell = cell.trim().to_ascii_lowercase();
    if cell.is_empty() {
        return (String::new(), String::new());
    }
    let (cell, meridiem) = if let Some(rest) = cell.strip_suffix("pm") {
        (rest.trim(), Some(12))
    } else if let Some(rest) = cell.strip_suffix("am") {
        (rest.trim(), Some(0))
    } else {
        (cell.as_str(), None)
    };
    let mut pieces = cell.split(':');
    let hour = pieces.next().unwrap_or_default().trim();
    let minute = pieces.next().unwrap_or_default().trim().to_owned();
    let hour = match (hour.parse::<u8>(), meridiem) {
        // 12 AM is midnight, 12 PM noon.
        (Ok(h @ 1..=12), Some(offset)) => (h % 12 + offset).to_string(),
        (Ok(h), None) => h.to_string(),
        _ => format!("{hour}?"),
    };
    (hour, minute)
}

pub fn read(file: &str, text: &str) -> Result<(Dataset, Report), String> {
    let rows = csv::rows(text);
    let Some((header, body)) = rows.split_first() else {
        return Err("the file is empty".to_owned());
    };
    let names: Vec<String> = header.iter().map(|c| name(c)).collect();
    let column = |wanted: &str| names.iter().position(|n| n == wanted);
    let at: Vec<Option<usize>> = COLUMNS.iter().map(|c| column(c)).collect();
    let mut timeline = Timeline::default();
    for (index, row) in body.iter().enumerate() {
        let cell = |c: usize| -> String {
            at[c]
                .and_then(|i| row.get(i))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let (hour, minute) = clock(&cell(3));
        let (end_hour, end_minute) = clock(&cell(7));
        let start = Parts {
            year: cell(0),
            month: cell(1),
            day: cell(2),
            hour,
            minute,
        };
        let end = Parts {
            year: cell(4),
            month: cell(5),
            day: cell(6),
            hour: end_hour,
            minute: end_minute,
        };
        match name(&cell(15)).as_str() {
            "title" => {
                timeline.title = cell(9);
                timeline.intro = cell(10);
                continue;
            }
            "era" => {
                timeline.eras.push(Era {
                    title: cell(9),
                    start,
                    end,
                });
                continue;
            }
            _ => {}
        }
        let mut unused = Vec::new();
        if (12..=14).any(|c| !cell(c).is_empty()) {
            unused.push("media captions, credits and thumbnails");
        }
        if !cell(17).is_empty() {
            unused.push("slide backgrounds");
        }
        let group = cell(16);
        timeline.slides.push(Slide {
            item: super::build::Item {
                // The header is row 1.
                position: u32::try_from(index + 2).unwrap_or(u32::MAX),
                title: cell(9),
                summary: cell(10),
                start,
                end: Some(end),
                display_date: cell(8),
                groups: if group.is_empty() {
                    Vec::new()
                } else {
                    vec![group]
                },
                ..super::build::Item::default()
            },
            media: cell(11),
            unused,
        });
    }
    let mut read = assemble(file, Format::TimelineCsv, timeline);
    let extra: Vec<&str> = header
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && !COLUMNS.contains(&name(c).as_str()))
        .collect();
    if let (Ok((_, report)), false) = (&mut read, extra.is_empty()) {
        report.dropped.push(format!(
            "columns the template does not have: {}",
            extra.join(", ")
        ));
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_in_the_forms_spreadsheets_write() {
        let pair = |h: &str, m: &str| (h.to_owned(), m.to_owned());
        assert_eq!(clock("14:38"), pair("14", "38"));
        assert_eq!(clock(" 2:38 PM"), pair("14", "38"));
        assert_eq!(clock("12:05 am"), pair("0", "05"));
        assert_eq!(clock("12:05 pm"), pair("12", "05"));
        assert_eq!(clock("9:15am"), pair("9", "15"));
        assert_eq!(clock("14:38:05"), pair("14", "38"));
        assert_eq!(clock(""), pair("", ""));
        assert_eq!(clock("noon"), pair("noon?", ""));
        assert_eq!(clock("13:00 pm"), pair("13?", "00"));
    }

    #[test]
    fn the_header_is_recognised_by_its_columns() {
        assert!(matches("Year,Month,Headline\n2010,11,x"));
        assert!(matches(" year , HEADLINE "));
        assert!(!matches("Year,Title\n2010,x"));
        assert!(!matches("Headline\n"));
        assert!(!matches(""));
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;

    #[test]
    fn title_eras_media_and_extra_columns() {
        let text = "Year,Month,Day,Time,End Year,Headline,Text,Media,Media Credit,Type,Group,Background,Notes\n\
                    ,,,,,The Title,Intro,,,title,,,\n\
                    2010,,,,2010,Era one,,,,era,,,\n\
                    2010,11,23,2:38 PM,,Shelling,Text,https://example.org/a,AP,,Korea,#fff,n\n\
                    ,,,,,,,,,,,,\n\
                    2010,12,,,,Later,Text,<iframe>,,,,,\n";
        let (dataset, report) = read("s.csv", text).unwrap();
        assert_eq!(dataset.meta.title, "The Title");
        assert_eq!(dataset.events.len(), 2);
        let shelling = &dataset.events[0];
        assert_eq!(
            (shelling.time.as_deref(), shelling.sources[0].paragraph),
            (Some("14:38"), 4)
        );
        assert_eq!(
            shelling.sources[0].url.as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(shelling.end, None);
        let titles: Vec<&str> = dataset
            .storylines
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["Korea", "Era one"]);
        assert_eq!(dataset.events[1].storylines, ["era-one"]);
        assert_eq!(shelling.storylines, ["korea", "era-one"]);
        assert_eq!(dataset.events[1].sources[0].paragraph, 6);
        let lines = [report.guessed.clone(), report.dropped.clone()]
            .concat()
            .join("\n");
        for expected in [
            "1 × media captions, credits and thumbnails (“Shelling”)",
            "1 × slide backgrounds (“Shelling”)",
            "1 × media that is embedded markup, not a link (“Later”)",
            "columns the template does not have: Notes",
        ] {
            assert!(lines.contains(expected), "{expected}\n{lines}");
        }
        assert!(
            !lines.contains("neither a headline"),
            "a blank row is no event: {lines}"
        );
        assert_eq!(read("e.csv", ""), Err("the file is empty".to_owned()));
        let plain = read("p.csv", "Year,Headline\n2010,A\n").unwrap().1;
        assert!(
            !plain.dropped.iter().any(|l| l.contains("columns")),
            "{plain:?}"
        );
    }
}
