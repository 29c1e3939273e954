//! What every format's reader shares: turning loose dates into the schema's dates with a
//! precision, names into unique kebab-case ids, groups into storylines, coordinates into
//! places, and keeping the tally of what was guessed or dropped for the report.

use std::collections::{HashMap, HashSet};

use super::report::{Format, Report, Tally};
use crate::data::date::{days_in_month, Date};
use crate::data::model::{
    Dataset, Event, EventKind, Meta, Note, NoteKind, Place, PlaceKind, Precision, SourceRef,
    SourceWork, Storyline,
};
use crate::data::validate::validate_imported;

/// The parts of a date as a file gives them, each still text (`"1815"`, `"12"`, `""`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parts {
    pub year: String,
    pub month: String,
    pub day: String,
    pub hour: String,
    pub minute: String,
}

/// A date read from [`Parts`]: month and day may be unknown, and so may the time of day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct When {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hour and minute, when the file gives an hour.
    pub clock: Option<(u8, u8)>,
}

/// Why [`Parts`] could not be read as a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DateError {
    /// No year at all.
    Missing,
    /// A year outside 0–9999, which the schema's `YYYY-MM-DD` cannot write.
    OutOfRange,
    /// Not numbers, or no such month or day.
    Invalid,
}

impl DateError {
    pub fn reason(self) -> &'static str {
        match self {
            DateError::Missing => "no start date",
            DateError::OutOfRange => "a year outside 0–9999, which the explorer cannot place",
            DateError::Invalid => "a start date that is not a calendar date",
        }
    }
}

fn number(text: &str) -> Result<Option<i64>, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // "1815.0" from a spreadsheet's number cell is still 1815.
    let text = text.strip_suffix(".0").unwrap_or(text);
    text.parse::<i64>()
        .map(Some)
        .map_err(|_| DateError::Invalid)
}

impl When {
    pub fn read(parts: &Parts) -> Result<When, DateError> {
        let year = number(&parts.year)?.ok_or(DateError::Missing)?;
        if !(0..=9999).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        let year = year as i32;
        let month = match number(&parts.month)? {
            None => None,
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return Err(DateError::Invalid),
        };
        let day = match (number(&parts.day)?, month) {
            (None, _) => None,
            (Some(d), Some(m)) if (1..=i64::from(days_in_month(year, m))).contains(&d) => {
                Some(d as u8)
            }
            _ => return Err(DateError::Invalid),
        };
        // A time of day means something only on a known day; a broken one is left out.
        let clock = match (day, number(&parts.hour), number(&parts.minute)) {
            (Some(_), Ok(Some(h @ 0..=23)), Ok(m)) => match m.unwrap_or(0) {
                m @ 0..=59 => Some((h as u8, m as u8)),
                _ => None,
            },
            _ => None,
        };
        Ok(When {
            year,
            month,
            day,
            clock,
        })
    }

    /// The first day the date may mean.
    pub fn first(self) -> Date {
        Date {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day the date may mean (the end of its month or year).
    pub fn last(self) -> Date {
        let month = self.month.unwrap_or(12);
        Date {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }

    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, None) => Precision::Approximate,
        }
    }

    /// Whether the parts held an hour that was not kept.
    pub fn dropped_clock(self, parts: &Parts) -> bool {
        self.clock.is_none() && !parts.hour.trim().is_empty()
    }
}

/// The coarser of two precisions.
fn coarser(a: Precision, b: Precision) -> Precision {
    let rank = |p| match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Approximate => 2,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// Lowercase ASCII words joined by single hyphens, common accented Latin letters folded
/// (`"Édith Clarke: Bucking"` → `edith-clarke-bucking`), as many whole words as fit in
/// `max` characters (a first word longer than that is cut).
pub fn slug(text: &str, max: usize) -> String {
    let mut words = vec![String::new()];
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        let word = words.last_mut().filter(|_| !folded.is_empty());
        match word {
            Some(word) => word.push_str(folded),
            None => words.push(String::new()),
        }
    }
    let mut out = String::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        if out.is_empty() {
            out = word.chars().take(max).collect();
        } else if out.len() + 1 + word.len() <= max {
            out.push('-');
            out.push_str(word);
        } else {
            break;
        }
    }
    out
}

/// A lowercase letter or digit as ASCII; `""` for anything that separates words.
fn fold(c: char) -> &'static str {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let at = ASCII.find(c).unwrap_or(0);
        return &ASCII[at..at + 1];
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ß' => "ss",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => "",
    }
}

/// Plain text from a snippet of HTML: tags removed (a block tag or `<br>` becomes a
/// space), the common entities decoded, runs of white space made one space.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => {
                    text.push(' ');
                    rest = &rest[end + 1..];
                }
                None => {
                    text.push_str(rest);
                    rest = "";
                }
            }
        } else {
            let (decoded, used) = entity(rest);
            text.push_str(&decoded);
            rest = &rest[used..];
        }
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character an entity at the start of `text` stands for, and how many bytes it used;
/// an unknown one is kept as written.
fn entity(text: &str) -> (String, usize) {
    let Some(end) = text.find(';').filter(|&end| end <= 10) else {
        return ("&".to_owned(), 1);
    };
    let name = &text[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
            .and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".to_owned(), 1),
    }
}

/// A link worth keeping as an event's source: a web address, not embedded markup.
pub fn web_link(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let is_link = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !text.contains(char::is_whitespace)
        && !text.contains(['<', '>', '"']);
    is_link.then(|| text.to_owned())
}

/// The longest title the schema takes.
const MAX_TITLE: usize = 120;

/// One event as a reader hands it over, before ids and storylines are given.
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// 1-based position in the file: the source "paragraph".
    pub position: u32,
    pub title: String,
    pub summary: String,
    pub start: Parts,
    pub end: Option<Parts>,
    /// How the file wants the date shown, kept as a note.
    pub display_date: String,
    pub link: Option<String>,
    /// Storylines by title (a group, an era).
    pub groups: Vec<String>,
    /// A place at `[lon, lat]` with its name, when the file gives coordinates.
    pub place: Option<([f64; 2], String)>,
    /// What the reader guessed or left out of this event, told if the event is kept.
    pub guessed: Vec<String>,
    pub dropped: Vec<String>,
}

/// Collects events, storylines and places under unique ids, and the report's tallies.
pub struct Builder {
    file: String,
    /// The file's own introduction, the context of the storyline of ungrouped events.
    pub intro: String,
    pub tally: Tally,
    events: Vec<Event>,
    ids: HashSet<String>,
    storylines: Vec<Storyline>,
    storyline_by_title: HashMap<String, String>,
    places: Vec<Place>,
    place_by_key: HashMap<String, String>,
}

/// `base`, or `base-2`, `base-3`… whichever is not taken yet; the one chosen is taken.
fn unique(taken: &mut HashSet<String>, base: &str) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}

impl Builder {
    pub fn new(file: &str) -> Builder {
        Builder {
            file: file.to_owned(),
            intro: String::new(),
            tally: Tally::default(),
            events: Vec::new(),
            ids: HashSet::new(),
            storylines: Vec::new(),
            storyline_by_title: HashMap::new(),
            places: Vec::new(),
            place_by_key: HashMap::new(),
        }
    }

    /// The id of the storyline titled `title`, made on first use.
    pub fn storyline(&mut self, title: &str, context: &str) -> String {
        if let Some(id) = self.storyline_by_title.get(title) {
            return id.clone();
        }
        let mut taken: HashSet<String> = self.storylines.iter().map(|s| s.id.clone()).collect();
        let base = slug(title, 40);
        let id = unique(
            &mut taken,
            if base.is_empty() { "storyline" } else { &base },
        );
        self.storylines.push(Storyline {
            id: id.clone(),
            title: title.to_owned(),
            context: context.to_owned(),
            tour: Vec::new(),
        });
        self.storyline_by_title.insert(title.to_owned(), id.clone());
        id
    }

    /// The id of the place at `[lon, lat]` named `name`, made on first use; `None` for
    /// coordinates off the globe.
    fn place(&mut self, [lon, lat]: [f64; 2], name: &str) -> Option<String> {
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        let name = if name.trim().is_empty() {
            format!(
                "{:.2}° {}, {:.2}° {}",
                lat.abs(),
                if lat < 0.0 { 'S' } else { 'N' },
                lon.abs(),
                if lon < 0.0 { 'W' } else { 'E' }
            )
        } else {
            name.trim().to_owned()
        };
        let key = format!("{name}|{lat:.5}|{lon:.5}");
        if let Some(id) = self.place_by_key.get(&key) {
            return Some(id.clone());
        }
        let mut taken: HashSet<String> = self.places.iter().map(|p| p.id.clone()).collect();
        let base = slug(&name, 40);
        let id = unique(&mut taken, if base.is_empty() { "place" } else { &base });
        self.places.push(Place {
            id: id.clone(),
            name,
            native_name: None,
            kind: PlaceKind::City,
            lat,
            lon,
            country: None,
        });
        self.place_by_key.insert(key, id.clone());
        Some(id)
    }

    /// Adds an event, or tallies why it was left out.
    pub fn add(&mut self, item: Item) {
        let headline = plain_text(&item.title);
        let text = plain_text(&item.summary);
        if headline.is_empty() && text.is_empty() {
            self.tally
                .dropped("event left out: neither a headline nor a text", "");
            return;
        }
        let title = if headline.is_empty() {
            shorten(&text, 80)
        } else {
            shorten(&headline, MAX_TITLE)
        };
        let start = match When::read(&item.start) {
            Ok(start) => start,
            Err(error) => {
                let why = format!("event left out: {}", error.reason());
                self.tally.dropped(&why, &title);
                return;
            }
        };
        // The event is kept: what the reader noticed about it counts now.
        for what in &item.guessed {
            self.tally.guessed(what, &title);
        }
        for what in &item.dropped {
            self.tally.dropped(what, &title);
        }
        if headline.is_empty() {
            self.tally.guessed(
                "without a headline: titled with the start of their text",
                "",
            );
        } else if headline.chars().count() > MAX_TITLE {
            self.tally
                .guessed("with a headline over 120 characters: shortened", &title);
        }
        let summary = if text.is_empty() {
            self.tally
                .guessed("without a text: the summary repeats the headline", &title);
            headline
        } else {
            text
        };
        let mut precision = start.precision();
        let mut end = start.last();
        if let Some(parts) = item.end.as_ref().filter(|p| *p != &Parts::default()) {
            match When::read(parts) {
                Ok(last) if last.last() >= start.first() => {
                    precision = coarser(precision, last.precision());
                    end = last.last();
                }
                Ok(_) => self
                    .tally
                    .dropped("end dates before their start (the start is kept)", &title),
                Err(_) => self.tally.dropped(
                    "end dates that are not calendar dates (the start is kept)",
                    &title,
                ),
            }
        }
        match start.precision() {
            Precision::Approximate => self.tally.guessed(
                "with only a year: dated as that whole year, approximate",
                &title,
            ),
            Precision::Month => self.tally.guessed(
                "with a year and month only: dated as that whole month",
                &title,
            ),
            Precision::Day => {}
        }
        if start.dropped_clock(&item.start) {
            self.tally
                .dropped("times of day that are not a time on a known day", &title);
        }
        let first = start.first();
        let base = format!("{first}-{}", slug(&title, 48));
        let base = base.trim_end_matches('-');
        let id = unique(&mut self.ids, base);
        let mut notes = Vec::new();
        let display = plain_text(&item.display_date);
        if !display.is_empty() {
            notes.push(Note {
                kind: NoteKind::Other,
                text: format!("The file shows the date as “{display}”."),
            });
        }
        let mut storylines: Vec<String> = Vec::new();
        for group in &item.groups {
            let id = self.storyline(group, "");
            if !storylines.contains(&id) {
                storylines.push(id);
            }
        }
        let places = match &item.place {
            Some((at, name)) => match self.place(*at, name) {
                Some(id) => {
                    if name.trim().is_empty() {
                        self.tally.guessed(
                            "without a place name: the place is named by its coordinates",
                            &title,
                        );
                    }
                    vec![id]
                }
                None => {
                    self.tally.dropped("coordinates off the globe", &title);
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        self.events.push(Event {
            id,
            former_ids: Vec::new(),
            after: None,
            title,
            summary,
            start: first.to_string(),
            end: (end > first).then(|| end.to_string()),
            precision,
            time: start
                .clock
                .map(|(h, m)| format!("{h:02}:{m:02}"))
                .filter(|_| precision == Precision::Day),
            part_of_day: None,
            context: false,
            kind: EventKind::Other,
            storylines,
            participants: Vec::new(),
            places,
            figures: Vec::new(),
            quotes: Vec::new(),
            sources: vec![SourceRef {
                section: self.file.clone(),
                paragraph: item.position.max(1),
                url: item.link,
            }],
            notes,
        });
    }

    pub fn places_len(&self) -> usize {
        self.places.len()
    }

    /// The events read so far, to place them in eras.
    pub fn events_mut(&mut self) -> &mut [Event] {
        &mut self.events
    }

    /// Gives every event without a storyline the one titled `fallback`.
    fn settle_storylines(&mut self, fallback: &str) {
        if self.events.iter().all(|e| !e.storylines.is_empty()) {
            return;
        }
        let intro = plain_text(&self.intro);
        let id = self.storyline(fallback, &intro);
        for event in &mut self.events {
            if event.storylines.is_empty() {
                event.storylines.push(id.clone());
            }
        }
    }

    /// The dataset, validated with the rules for imported files, and the report.
    pub fn finish(mut self, format: Format, title: &str) -> Result<(Dataset, Report), String> {
        if self.events.is_empty() {
            let mut why = "no event could be read".to_owned();
            let dropped = self.tally.dropped_lines();
            if !dropped.is_empty() {
                why.push_str(&format!(" ({})", dropped.join("; ")));
            }
            return Err(why);
        }
        let title = if title.trim().is_empty() {
            self.file.clone()
        } else {
            shorten(&plain_text(title), MAX_TITLE)
        };
        let fallback = if self.storylines.is_empty() {
            title.clone()
        } else {
            "Other events".to_owned()
        };
        self.settle_storylines(&fallback);
        self.tally.guessed_all(
            "every event is of kind “Other” and names no actors: the file does not say",
            self.events.len(),
        );
        let first = self.events.iter().map(|e| e.start.clone()).min();
        let last = self
            .events
            .iter()
            .filter_map(|e| e.end.clone().or(Some(e.start.clone())))
            .max();
        let period = match (first, last) {
            (Some(first), Some(last)) if first[..4] == last[..4] => first[..4].to_owned(),
            (Some(first), Some(last)) => format!("{}–{}", &first[..4], &last[..4]),
            _ => String::new(),
        };
        let dataset = Dataset {
            schema: None,
            meta: Meta {
                title: title.clone(),
                source: SourceWork {
                    publication: format!("{} “{}”", format.label(), self.file),
                    chapter: String::new(),
                    article: title,
                    author: String::new(),
                    affiliation: None,
                    period,
                },
            },
            storylines: self.storylines,
            actors: Vec::new(),
            places: self.places,
            lines: Vec::new(),
            events: self.events,
        };
        let problems = validate_imported(&dataset);
        if let Some(problem) = problems.first() {
            return Err(format!("the result breaks a rule of the schema: {problem}"));
        }
        let report = self.tally.report(format, &dataset);
        Ok((dataset, report))
    }
}

/// At most `max` characters, ending in "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(year: &str, month: &str, day: &str) -> Parts {
        Parts {
            year: year.into(),
            month: month.into(),
            day: day.into(),
            ..Parts::default()
        }
    }

    #[test]
    fn dates_keep_their_precision() {
        let year = When::read(&parts("1901", "", "")).unwrap();
        assert_eq!(year.precision(), Precision::Approximate);
        assert_eq!(
            (year.first().to_string(), year.last().to_string()),
            ("1901-01-01".into(), "1901-12-31".into())
        );
        let month = When::read(&parts("2012", "2", " ")).unwrap();
        assert_eq!(month.precision(), Precision::Month);
        assert_eq!(month.last().to_string(), "2012-02-29");
        let day = When::read(&parts("602", "7", "4.0")).unwrap();
        assert_eq!(day.precision(), Precision::Day);
        assert_eq!(
            (day.first(), day.last()),
            (
                Date {
                    year: 602,
                    month: 7,
                    day: 4
                },
                Date {
                    year: 602,
                    month: 7,
                    day: 4
                }
            )
        );
    }

    #[test]
    fn broken_dates_say_why() {
        assert_eq!(When::read(&parts("", "1", "1")), Err(DateError::Missing));
        assert_eq!(
            When::read(&parts("-13800000000", "", "")),
            Err(DateError::OutOfRange)
        );
        assert_eq!(
            When::read(&parts("10000", "", "")),
            Err(DateError::OutOfRange)
        );
        assert!(When::read(&parts("0", "", "")).is_ok());
        assert!(When::read(&parts("9999", "12", "31")).is_ok());
        for (y, m, d) in [
            ("2010", "13", ""),
            ("2010", "0", ""),
            ("2010", "2", "29"),
            ("2010", "", "3"),
            ("2010", "x", ""),
            ("2010", "1", "0"),
        ] {
            assert_eq!(
                When::read(&parts(y, m, d)),
                Err(DateError::Invalid),
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn a_time_is_kept_only_on_a_known_day_and_when_it_is_a_time() {
        let mut p = parts("2010", "11", "23");
        p.hour = "14".into();
        p.minute = "38".into();
        assert_eq!(When::read(&p).unwrap().clock, Some((14, 38)));
        p.minute = String::new();
        assert_eq!(When::read(&p).unwrap().clock, Some((14, 0)));
        p.minute = "60".into();
        let when = When::read(&p).unwrap();
        assert_eq!(when.clock, None);
        assert!(when.dropped_clock(&p));
        p.minute = "59".into();
        p.hour = "24".into();
        assert_eq!(When::read(&p).unwrap().clock, None);
        p.hour = "23".into();
        assert_eq!(When::read(&p).unwrap().clock, Some((23, 59)));
        p.day = String::new();
        assert_eq!(When::read(&p).unwrap().clock, None);
        assert!(!When::read(&parts("2010", "1", "1"))
            .unwrap()
            .dropped_clock(&parts("2010", "1", "1")));
    }

    #[test]
    fn coarser_takes_the_less_precise() {
        use Precision::*;
        assert_eq!(coarser(Day, Month), Month);
        assert_eq!(coarser(Month, Day), Month);
        assert_eq!(coarser(Approximate, Month), Approximate);
        assert_eq!(coarser(Day, Day), Day);
    }

    #[test]
    fn slugs_are_kebab_ids() {
        assert_eq!(
            slug("Édith Clarke: Bucking the Trend", 48),
            "edith-clarke-bucking-the-trend"
        );
        assert_eq!(slug("  The Big   Bang!! ", 48), "the-big-bang");
        assert_eq!(slug("one two three", 7), "one-two");
        assert_eq!(slug("one two three", 8), "one-two");
        assert_eq!(slug("one two three", 6), "one");
        assert_eq!(slug("one two three", 12), "one-two");
        assert_eq!(slug("one two three", 13), "one-two-three");
        assert_eq!(slug("abcdefgh", 4), "abcd");
        assert_eq!(slug("abcdefgh ij", 4), "abcd");
        assert_eq!(slug("Straße Œuvre", 48), "strasse-oeuvre");
        // One letter of each folded group.
        assert_eq!(slug("àæçďèğìłñòœřßśťùýźþ", 48), "aaecdegilnooerssstuyzth");
        assert_eq!(slug("中文", 48), "");
        assert_eq!(slug("a中b", 48), "a-b");
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p class=\"lead\">Women &amp; <a href=\"x\">men</a></p><br>&#233;t&#xE9; &lt;3 &nbsp;&bogus; & &"),
            "Women & men été <3 &bogus; & &"
        );
        assert_eq!(plain_text("a <unclosed"), "a <unclosed");
        assert_eq!(
            plain_text("&quot;q&quot; &apos;&#X41;&#xZZ;"),
            "\"q\" 'A&#xZZ;"
        );
        assert_eq!(plain_text("x&averyveryverylong;"), "x&averyveryverylong;");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(
            web_link(" https://en.wikipedia.org/wiki/X "),
            Some("https://en.wikipedia.org/wiki/X".into())
        );
        assert_eq!(web_link("HTTP://a.b"), Some("HTTP://a.b".into()));
        for bad in [
            "<blockquote>x</blockquote>",
            "ftp://a",
            "https://a b",
            "https://a\"b",
            "//a.b",
            "",
        ] {
            assert_eq!(web_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_and_places_are_unique_and_reused() {
        let mut taken = HashSet::new();
        assert_eq!(unique(&mut taken, "a"), "a");
        assert_eq!(unique(&mut taken, "a"), "a-2");
        assert_eq!(unique(&mut taken, "a"), "a-3");
        let mut builder = Builder::new("f.geojson");
        let seoul = builder.place([126.98, 37.57], "Seoul").unwrap();
        assert_eq!(builder.place([126.98, 37.57], "Seoul").unwrap(), seoul);
        assert_eq!(builder.place([127.0, 37.0], "Seoul").unwrap(), "seoul-2");
        assert_eq!(
            builder.place([-70.5, -33.25], "").unwrap(),
            "33-25-s-70-50-w"
        );
        assert_eq!(builder.places[2].name, "33.25° S, 70.50° W");
        assert_eq!(builder.place([10.0, 20.0], " ").unwrap(), "20-00-n-10-00-e");
        assert_eq!(builder.place([181.0, 0.0], "x"), None);
        assert_eq!(
            builder.place([180.0, -90.0], "pole").as_deref(),
            Some("pole")
        );
        assert_eq!(builder.place([0.0, 90.5], "x"), None);
        assert_eq!(builder.place([-180.5, 0.0], "x"), None);
        assert_eq!(builder.place([0.0, -90.5], "x"), None);
        let a = builder.storyline("Group A", "");
        assert_eq!(builder.storyline("Group A", "other"), a);
        assert_eq!(builder.storyline("Group-a", ""), "group-a-2");
        assert_eq!(builder.storyline("!!", ""), "storyline");
    }

    #[test]
    fn shorten_cuts_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 6), "abcdef");
        assert_eq!(shorten("abc def", 5), "abc…");
        assert_eq!(shorten("abcdefg", 4), "abc…");
    }
}

#[cfg(test)]
mod builder_tests {
    use super::*;
    use crate::data::import::report::Format;

    fn item(position: u32, title: &str, summary: &str, start: (&str, &str, &str)) -> Item {
        Item {
            position,
            title: title.into(),
            summary: summary.into(),
            start: Parts {
                year: start.0.into(),
                month: start.1.into(),
                day: start.2.into(),
                ..Parts::default()
            },
            ..Item::default()
        }
    }

    fn lines(report: &Report) -> String {
        [report.guessed.clone(), report.dropped.clone()]
            .concat()
            .join("\n")
    }

    #[test]
    fn titles_summaries_ends_and_times_follow_the_rules() {
        let mut builder = Builder::new("f.json");
        let long = "word ".repeat(30);
        builder.add(item(1, &long, "Text.", ("2010", "11", "23")));
        builder.add(item(
            2,
            "",
            "Only a text, which becomes the title of the event",
            ("2010", "11", "24"),
        ));
        builder.add(item(3, "No text", "", ("2010", "11", "25")));
        let mut ends = item(4, "End before start", "t", ("2010", "11", "25"));
        ends.end = Some(Parts {
            year: "2010".into(),
            month: "11".into(),
            day: "20".into(),
            ..Parts::default()
        });
        builder.add(ends);
        let mut broken_end = item(5, "Broken end", "t", ("2010", "11", "25"));
        broken_end.end = Some(Parts {
            year: "2010".into(),
            month: "13".into(),
            ..Parts::default()
        });
        builder.add(broken_end);
        let mut coarse_end = item(6, "Coarse end", "t", ("2010", "11", "25"));
        coarse_end.end = Some(Parts {
            year: "2011".into(),
            ..Parts::default()
        });
        builder.add(coarse_end);
        let mut timed = item(7, "Timed", "t", ("2010", "11", "23"));
        timed.start.hour = "25".into();
        timed.display_date = "<b>late</b> Nov".into();
        builder.add(timed);
        builder.add(item(8, "", "", ("2010", "1", "1")));
        let (dataset, report) = builder.finish(Format::TimelineJson, "").unwrap();
        let by = |p: u32| {
            dataset
                .events
                .iter()
                .find(|e| e.sources[0].paragraph == p)
                .unwrap()
        };
        assert_eq!(by(1).title.chars().count(), MAX_TITLE);
        assert!(by(1).title.ends_with('…'));
        assert_eq!(by(1).end, None, "one day has no end");
        assert_eq!(
            by(2).title,
            "Only a text, which becomes the title of the event"
        );
        assert_eq!(by(3).summary, "No text");
        assert_eq!(
            (by(4).end.as_deref(), by(4).precision),
            (None, Precision::Day)
        );
        assert_eq!(by(5).end, None);
        assert_eq!(
            (by(6).end.as_deref(), by(6).precision),
            (Some("2011-12-31"), Precision::Approximate)
        );
        assert_eq!(by(7).time, None);
        assert_eq!(
            by(7).notes[0].text,
            "The file shows the date as “late Nov”."
        );
        assert!(by(1).notes.is_empty());
        assert_eq!(dataset.events.len(), 7);
        // Without a title, the file's name; without groups, one storyline of that name.
        assert_eq!(dataset.meta.title, "f.json");
        assert_eq!(dataset.storylines.len(), 1);
        assert_eq!(dataset.storylines[0].title, "f.json");
        assert_eq!(dataset.meta.source.period, "2010–2011");
        let text = lines(&report);
        for expected in [
            "1 × with a headline over 120 characters: shortened",
            "1 × without a headline: titled with the start of their text",
            "1 × without a text: the summary repeats the headline (“No text”)",
            "1 × end dates before their start (the start is kept) (“End before start”)",
            "1 × end dates that are not calendar dates (the start is kept) (“Broken end”)",
            "1 × times of day that are not a time on a known day (“Timed”)",
            "1 × event left out: neither a headline nor a text",
            "7 × every event is of kind “Other”",
        ] {
            assert!(text.contains(expected), "{expected}\n{text}");
        }
        assert!(!text.contains("whole year"), "{text}");
    }

    #[test]
    fn groups_become_storylines_and_the_rest_other_events() {
        let mut builder = Builder::new("g.json");
        builder.intro = "<p>About</p>".into();
        let mut grouped = item(1, "A", "t", ("2010", "1", "1"));
        grouped.groups = vec!["Talks".into(), "Talks".into()];
        builder.add(grouped);
        builder.add(item(2, "B", "t", ("2010", "", "")));
        let (dataset, _) = builder
            .finish(Format::TimelineJson, "<i>Title</i>")
            .unwrap();
        assert_eq!(dataset.meta.title, "Title");
        assert_eq!(dataset.meta.source.period, "2010");
        let titles: Vec<&str> = dataset
            .storylines
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["Talks", "Other events"]);
        assert_eq!(dataset.storylines[1].context, "About");
        assert_eq!(dataset.events[0].storylines, ["talks"]);
        assert_eq!(dataset.events[1].storylines, ["other-events"]);
    }

    #[test]
    fn nothing_read_says_what_was_left_out() {
        let mut builder = Builder::new("h.json");
        builder.add(item(1, "Undated", "t", ("", "", "")));
        assert_eq!(
            builder.finish(Format::GeoJson, "x").unwrap_err(),
            "no event could be read (1 × event left out: no start date (“Undated”))"
        );
        assert_eq!(
            Builder::new("e").finish(Format::GeoJson, "x").unwrap_err(),
            "no event could be read"
        );
    }
}
