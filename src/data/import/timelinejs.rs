//! TimelineJS3 JSON (`{"title": …, "events": […], "eras": […]}`): each event's
//! `start_date`/`end_date` parts, `text.headline`/`text.text`, `group` (a storyline),
//! `media.url` (the source link) and `display_date`; the title slide names the dataset; an
//! era becomes a storyline of the events that start inside it. The spreadsheet template
//! (`spreadsheet.rs`) hands its rows over as the same [`Slide`]s.

use serde_json::{Map, Value};

use super::build::{plain_text, web_link, Builder, Item, Parts, When};
use super::report::{Format, Report};
use crate::data::model::Dataset;

/// One slide of a timeline, whichever file it came from.
#[derive(Clone, Debug, Default)]
pub struct Slide {
    pub item: Item,
    /// The media's address or embed code, as written.
    pub media: String,
    /// What the slide carries that the explorer has no place for, for the report.
    pub unused: Vec<&'static str>,
}

/// An era: a titled span of time.
#[derive(Clone, Debug, Default)]
pub struct Era {
    pub title: String,
    pub start: Parts,
    pub end: Parts,
}

/// The pieces of a timeline, read from JSON or from the spreadsheet.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    pub title: String,
    pub intro: String,
    pub slides: Vec<Slide>,
    pub eras: Vec<Era>,
}

/// Maps a timeline onto the schema.
pub fn assemble(
    file: &str,
    format: Format,
    timeline: Timeline,
) -> Result<(Dataset, Report), String> {
    let mut builder = Builder::new(file);
    builder.intro = timeline.intro;
    for mut slide in timeline.slides {
        if !slide.media.trim().is_empty() {
            match web_link(&slide.media) {
                Some(link) => slide.item.link = Some(link),
                None => slide
                    .item
                    .dropped
                    .push("media that is embedded markup, not a link".to_owned()),
            }
        }
        let unused = slide.unused.iter().map(|u| (*u).to_owned());
        slide.item.dropped.extend(unused);
        builder.add(slide.item);
    }
    for era in &timeline.eras {
        add_era(&mut builder, era);
    }
    builder.finish(format, &timeline.title)
}

/// An era's storyline holds the events that start inside it.
fn add_era(builder: &mut Builder, era: &Era) {
    let title = plain_text(&era.title);
    let (Ok(start), Ok(end)) = (When::read(&era.start), When::read(&era.end)) else {
        builder
            .tally
            .dropped("eras without a calendar start and end", &title);
        return;
    };
    let title = if title.is_empty() {
        format!("Era {}–{}", start.year, end.year)
    } else {
        title
    };
    let (first, last) = (start.first(), end.last());
    let id = builder.storyline(
        &title,
        &format!("An era of the timeline, {first} to {last}."),
    );
    for event in builder.events_mut() {
        let inside =
            crate::data::Date::parse(&event.start).is_some_and(|s| first <= s && s <= last);
        if inside && !event.storylines.contains(&id) {
            event.storylines.push(id.clone());
        }
    }
    builder.tally.guessed(
        "eras made storylines of the events that start inside them",
        &title,
    );
}

/// A JSON value as text: strings as they are, numbers written out, anything else empty.
fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn parts(value: Option<&Value>) -> Option<Parts> {
    let date = value?.as_object()?;
    Some(Parts {
        year: text(date.get("year")),
        month: text(date.get("month")),
        day: text(date.get("day")),
        hour: text(date.get("hour")),
        minute: text(date.get("minute")),
    })
}

fn field<'a>(object: &'a Map<String, Value>, outer: &str, inner: &str) -> Option<&'a Value> {
    object.get(outer)?.as_object()?.get(inner)
}

fn slide(position: usize, event: &Map<String, Value>) -> Slide {
    let mut unused = Vec::new();
    let media = event.get("media").and_then(Value::as_object);
    if media.is_some_and(|m| m.keys().any(|k| k != "url")) {
        unused.push("media captions, credits and thumbnails");
    }
    if event.contains_key("background") {
        unused.push("slide backgrounds");
    }
    let start = parts(event.get("start_date")).unwrap_or_default();
    let display = match text(event.get("display_date")) {
        d if d.is_empty() => text(field(event, "start_date", "display_date")),
        d => d,
    };
    let group = text(event.get("group"));
    Slide {
        item: Item {
            position: u32::try_from(position + 1).unwrap_or(u32::MAX),
            title: text(field(event, "text", "headline")),
            summary: text(field(event, "text", "text")),
            start,
            end: parts(event.get("end_date")),
            display_date: display,
            groups: if group.trim().is_empty() {
                Vec::new()
            } else {
                vec![group.trim().to_owned()]
            },
            ..Item::default()
        },
        media: text(media.and_then(|m| m.get("url"))),
        unused,
    }
}

/// Whether a parsed JSON document looks like a TimelineJS3 timeline: an `events` array
/// whose entries carry a `start_date`.
pub fn matches(value: &Value) -> bool {
    value
        .get("events")
        .and_then(Value::as_array)
        .is_some_and(|events| events.iter().any(|e| e.get("start_date").is_some()))
}

pub fn read(file: &str, value: &Value) -> Result<(Dataset, Report), String> {
    let events = value.get("events").and_then(Value::as_array);
    let slides = events
        .into_iter()
        .flatten()
        .enumerate()
        // An entry that is not an object has no headline or text: the report counts it.
        .map(|(i, e)| e.as_object().map_or_else(Slide::default, |e| slide(i, e)))
        .collect();
    let eras = value
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|era| Era {
            title: text(field(era, "text", "headline")),
            start: parts(era.get("start_date")).unwrap_or_default(),
            end: parts(era.get("end_date")).unwrap_or_default(),
        })
        .collect();
    let timeline = Timeline {
        title: text(
            value
                .get("title")
                .and_then(|t| field(t.as_object()?, "text", "headline")),
        ),
        intro: text(
            value
                .get("title")
                .and_then(|t| field(t.as_object()?, "text", "text")),
        ),
        slides,
        eras,
    };
    assemble(file, Format::TimelineJson, timeline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn display_dates_media_backgrounds_and_eras() {
        let value = json!({
            "events": [
                {"start_date": {"year": 2010, "month": "11", "display_date": "autumn"}, "text": {"headline": "A", "text": "t"},
                 "media": {"url": "https://example.org/x"}, "group": " G "},
                {"start_date": {"year": "2011"}, "display_date": "the year after", "text": {"headline": "B"},
                 "media": {"url": "https://example.org/y", "credit": "c"}, "background": {"color": "#000"}},
                7
            ],
            "eras": [
                {"start_date": {"year": "2010"}, "end_date": {"year": "2010"}, "text": {}},
                {"start_date": {"year": "x"}, "end_date": {"year": "2010"}, "text": {"headline": "Broken"}}
            ]
        });
        assert!(matches(&value));
        assert!(!matches(&json!({"events": [{"date": 1}]})));
        let (dataset, report) = read("t.json", &value).unwrap();
        let a = &dataset.events[0];
        assert_eq!(a.notes[0].text, "The file shows the date as “autumn”.");
        assert_eq!(
            dataset.events[1].notes[0].text,
            "The file shows the date as “the year after”."
        );
        assert_eq!(a.sources[0].url.as_deref(), Some("https://example.org/x"));
        assert_eq!(a.storylines, ["g", "era-2010-2010"]);
        assert_eq!(dataset.events[1].storylines, ["other-events"]);
        let lines = [report.guessed.clone(), report.dropped.clone()]
            .concat()
            .join("\n");
        for expected in [
            "1 × media captions, credits and thumbnails (“B”)",
            "1 × slide backgrounds (“B”)",
            "1 × eras without a calendar start and end (“Broken”)",
            "1 × eras made storylines of the events that start inside them (“Era 2010–2010”)",
            "1 × event left out: neither a headline nor a text",
        ] {
            assert!(lines.contains(expected), "{expected}\n{lines}");
        }
        assert!(
            !lines.contains("media captions, credits and thumbnails (“A"),
            "{lines}"
        );
    }
}
