//! Rules a dataset must satisfy before the app uses it. Every problem names the record and
//! the field, so a hand edit that breaks something is found in seconds.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::date::Date;
use super::model::{ActorKind, Dataset, Event, LineKind, LineStatus};
use super::order::MAX_AFTER_CHAIN;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// e.g. `event 2010-11-23-yeonpyeong-shelling`
    pub record: String,
    /// e.g. `participants[1].actor`
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, field `{}`: {}",
            self.record, self.field, self.message
        )
    }
}

/// Checks every rule of the schema; an empty list means the dataset is usable. A reader's
/// own file in the schema is held to these.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    Checker::default().run(dataset)
}

/// The schema's rules and the article's own: its chronicle covers Oct–Dec 2010, so an
/// event dated outside 2010 must be marked as background (`context`). The built-in
/// dataset is held to these by the test suite; a reader's chronicle of another period is
/// not.
pub fn validate_article(dataset: &Dataset) -> Vec<Problem> {
    Checker {
        article: true,
        ..Checker::default()
    }
    .run(dataset)
}

/// The rules for a dataset read from another format (`data::import`): the same, except
/// one only a chronicle with people and places can meet: a participant or place for every
/// event (a TimelineJS file names neither).
pub fn validate_imported(dataset: &Dataset) -> Vec<Problem> {
    Checker {
        imported: true,
        ..Checker::default()
    }
    .run(dataset)
}

/// Kebab-case ids: lowercase ASCII letters and digits separated by single hyphens.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `HH:MM` on a 24-hour clock.
pub fn is_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 5
        && bytes[2] == b':'
        && text[..2]
            .parse::<u8>()
            .is_ok_and(|h| h < 24 && bytes[0].is_ascii_digit())
        && text[3..]
            .parse::<u8>()
            .is_ok_and(|m| m < 60 && bytes[3].is_ascii_digit())
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    imported: bool,
    /// The article's own rules too (see [`validate_article`]).
    article: bool,
}

impl Checker {
    /// Every problem of `dataset` under this checker's rules.
    fn run(mut self, dataset: &Dataset) -> Vec<Problem> {
        self.check(dataset);
        self.problems
    }

    fn report(&mut self, record: &str, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            record: record.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Reports malformed and repeated ids of one collection; returns the set of ids.
    fn ids<'a>(&mut self, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            let record = format!("{kind} {id}");
            if !is_kebab_id(id) {
                self.report(
                    &record,
                    "id",
                    "must be kebab-case: lowercase letters, digits and single hyphens",
                );
            }
            if !seen.insert(id) {
                self.report(&record, "id", "is used by more than one record");
            }
        }
        seen
    }

    /// Former ids keep old links working, so each must name exactly one event: well
    /// formed, not another event's current id, and not claimed twice.
    fn former_ids(&mut self, data: &Dataset, current: &HashSet<&str>) {
        let mut claimed = HashSet::new();
        for event in &data.events {
            let record = format!("event {}", event.id);
            for (i, old) in event.former_ids.iter().enumerate() {
                let field = format!("former_ids[{i}]");
                if !is_kebab_id(old) {
                    self.report(&record, &field, format!("`{old}` is not a kebab-case id"));
                }
                if current.contains(old.as_str()) {
                    self.report(
                        &record,
                        &field,
                        format!("`{old}` is the id of an event in this dataset"),
                    );
                }
                if !claimed.insert(old.as_str()) {
                    self.report(
                        &record,
                        &field,
                        format!("`{old}` is a former id of more than one event"),
                    );
                }
            }
        }
    }

    /// `after` names the event this one answers: an event of the dataset, not itself, at
    /// most a short chain (the order follows it) and never a loop.
    fn answers(&mut self, data: &Dataset) {
        let after: HashMap<&str, &str> = data
            .events
            .iter()
            .filter_map(|e| Some((e.id.as_str(), e.after.as_deref()?)))
            .collect();
        for event in &data.events {
            let Some(cause) = event.after.as_deref() else {
                continue;
            };
            let record = format!("event {}", event.id);
            if cause == event.id {
                self.report(&record, "after", "names the event itself");
                continue;
            }
            if !data.events.iter().any(|e| e.id == cause) {
                self.report(&record, "after", format!("`{cause}` is not an event id"));
                continue;
            }
            // Follow the chain of answers from this event's cause.
            let mut at = cause;
            let mut links = 1;
            while let Some(&next) = after.get(at) {
                if next == event.id {
                    self.report(
                        &record,
                        "after",
                        "closes a loop of events answering each other",
                    );
                    break;
                }
                links += 1;
                if links > MAX_AFTER_CHAIN {
                    let problem =
                        format!("is part of a chain of more than {MAX_AFTER_CHAIN} answers");
                    self.report(&record, "after", problem);
                    break;
                }
                at = next;
            }
        }
    }

    fn check(&mut self, data: &Dataset) {
        let storylines = self.ids("storyline", data.storylines.iter().map(|s| s.id.as_str()));
        let actors = self.ids("actor", data.actors.iter().map(|a| a.id.as_str()));
        let places = self.ids("place", data.places.iter().map(|p| p.id.as_str()));
        let events = self.ids("event", data.events.iter().map(|e| e.id.as_str()));
        self.former_ids(data, &events);
        self.answers(data);
        self.ids("line", data.lines.iter().map(|l| l.id.as_str()));
        let actor_kinds: HashMap<&str, ActorKind> = data
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.kind))
            .collect();

        if data.events.is_empty() {
            self.report("dataset", "events", "holds no events");
        }

        for actor in &data.actors {
            let record = format!("actor {}", actor.id);
            if actor.name.trim().is_empty() {
                self.report(&record, "name", "is empty");
            }
            match (&actor.affiliation, actor.kind) {
                (Some(affiliation), _) => match actor_kinds.get(affiliation.as_str()) {
                    None => self.report(
                        &record,
                        "affiliation",
                        format!("`{affiliation}` is not an actor"),
                    ),
                    // A journalist acts for their outlet; nothing else belongs to one.
                    Some(ActorKind::Media) if actor.kind == ActorKind::Person => {}
                    Some(ActorKind::Person | ActorKind::Media) => self.report(
                        &record,
                        "affiliation",
                        format!("`{affiliation}` must be a state or organisation"),
                    ),
                    Some(_) if affiliation == &actor.id => {
                        self.report(&record, "affiliation", "an actor cannot belong to itself")
                    }
                    Some(_) => {}
                },
                (None, ActorKind::Person) => self.report(
                    &record,
                    "affiliation",
                    "a person needs the state or organisation they act for",
                ),
                (None, _) => {}
            }
            if matches!(actor.kind, ActorKind::State | ActorKind::Organisation)
                && actor.side.is_none()
            {
                self.report(
                    &record,
                    "side",
                    "states and organisations need a side (the timeline lane)",
                );
            }
        }

        for place in &data.places {
            let record = format!("place {}", place.id);
            if !(-90.0..=90.0).contains(&place.lat) {
                self.report(&record, "lat", format!("{} is outside −90…90", place.lat));
            }
            if !(-180.0..=180.0).contains(&place.lon) {
                self.report(&record, "lon", format!("{} is outside −180…180", place.lon));
            }
            if let Some(country) = &place.country {
                if !actors.contains(country.as_str()) {
                    self.report(&record, "country", format!("`{country}` is not an actor"));
                }
            }
        }

        for line in &data.lines {
            let record = format!("line {}", line.id);
            if line.stops.is_empty() == line.points.is_empty() {
                self.report(
                    &record,
                    "stops/points",
                    "give either `stops` (place ids) or `points` ([lon, lat])",
                );
            }
            if !line.stops.is_empty() && line.stops.len() < 2
                || !line.points.is_empty() && line.points.len() < 2
            {
                self.report(
                    &record,
                    "stops/points",
                    "a line needs at least two positions",
                );
            }
            if line.status == LineStatus::NotYetBuilt && line.kind != LineKind::Pipeline {
                self.report(&record, "status", "only a pipeline can be `not-yet-built`");
            }
            for (i, stop) in line.stops.iter().enumerate() {
                if !places.contains(stop.as_str()) {
                    self.report(
                        &record,
                        &format!("stops[{i}]"),
                        format!("`{stop}` is not a place"),
                    );
                }
            }
            for (i, [lon, lat]) in line.points.iter().enumerate() {
                if !(-180.0..=180.0).contains(lon) || !(-90.0..=90.0).contains(lat) {
                    self.report(
                        &record,
                        &format!("points[{i}]"),
                        format!("[{lon}, {lat}] is not a [lon, lat] pair"),
                    );
                }
            }
            for (i, event) in line.events.iter().enumerate() {
                if !events.contains(event.as_str()) {
                    self.report(
                        &record,
                        &format!("events[{i}]"),
                        format!("`{event}` is not an event"),
                    );
                }
            }
        }

        for storyline in &data.storylines {
            let record = format!("storyline {}", storyline.id);
            if storyline.title.trim().is_empty() {
                self.report(&record, "title", "is empty");
            }
            for (i, step) in storyline.tour.iter().enumerate() {
                if !events.contains(step.event.as_str()) {
                    self.report(
                        &record,
                        &format!("tour[{i}].event"),
                        format!("`{}` is not an event", step.event),
                    );
                }
            }
        }

        for event in &data.events {
            self.check_event(event, &storylines, &actors, &places);
        }
    }

    fn check_event(
        &mut self,
        event: &Event,
        storylines: &HashSet<&str>,
        actors: &HashSet<&str>,
        places: &HashSet<&str>,
    ) {
        let record = format!("event {}", event.id);
        let record = record.as_str();
        if event.title.trim().is_empty() {
            self.report(record, "title", "is empty");
        } else if event.title.chars().count() > 120 {
            self.report(record, "title", "is longer than 120 characters");
        }
        if event.summary.trim().is_empty() {
            self.report(record, "summary", "is empty");
        }

        let start = Date::parse(&event.start);
        if start.is_none() {
            self.report(
                record,
                "start",
                format!("`{}` is not a date (YYYY-MM-DD)", event.start),
            );
        }
        let end = event.end.as_deref().map(|text| (text, Date::parse(text)));
        if let Some((text, None)) = end {
            self.report(
                record,
                "end",
                format!("`{text}` is not a date (YYYY-MM-DD)"),
            );
        }
        if let (Some(start), Some((_, Some(end)))) = (start, end) {
            if end < start {
                self.report(record, "end", format!("{end} is before the start {start}"));
            }
        }
        if let Some(start) = start {
            let prefix = format!("{start}-");
            if !event.id.starts_with(&prefix) || event.id.len() == prefix.len() {
                self.report(
                    record,
                    "id",
                    format!("must be `{start}-short-slug` (its start date, then a slug)"),
                );
            }
            let outside_2010 =
                start.year != 2010 || end.and_then(|(_, d)| d).is_some_and(|d| d.year != 2010);
            if outside_2010 && !event.context && self.article {
                self.report(record, "start", "dates outside 2010 need `context: true`");
            }
        }
        if let Some(time) = &event.time {
            if !is_clock_time(time) {
                self.report(
                    record,
                    "time",
                    format!("`{time}` is not a local time HH:MM"),
                );
            }
        }

        if event.storylines.is_empty() {
            self.report(record, "storylines", "needs at least one storyline");
        }
        for (i, id) in event.storylines.iter().enumerate() {
            if !storylines.contains(id.as_str()) {
                self.report(
                    record,
                    &format!("storylines[{i}]"),
                    format!("`{id}` is not a storyline"),
                );
            }
        }
        if event.participants.is_empty() && event.places.is_empty() && !self.imported {
            self.report(
                record,
                "participants",
                "needs at least one participant or place",
            );
        }
        for (i, participant) in event.participants.iter().enumerate() {
            if !actors.contains(participant.actor.as_str()) {
                self.report(
                    record,
                    &format!("participants[{i}].actor"),
                    format!("`{}` is not an actor", participant.actor),
                );
            }
        }
        for (i, id) in event.places.iter().enumerate() {
            if !places.contains(id.as_str()) {
                self.report(
                    record,
                    &format!("places[{i}]"),
                    format!("`{id}` is not a place"),
                );
            }
        }
        for (i, quote) in event.quotes.iter().enumerate() {
            if !actors.contains(quote.speaker.as_str()) {
                self.report(
                    record,
                    &format!("quotes[{i}].speaker"),
                    format!("`{}` is not an actor", quote.speaker),
                );
            }
            if quote.text.trim().is_empty() {
                self.report(record, &format!("quotes[{i}].text"), "is empty");
            }
        }
        for (i, figure) in event.figures.iter().enumerate() {
            if !figure.value.is_finite() {
                self.report(
                    record,
                    &format!("figures[{i}].value"),
                    "is not a finite number",
                );
            }
        }
        if event.sources.is_empty() {
            self.report(
                record,
                "sources",
                "needs at least one reference to the article",
            );
        }
        for (i, source) in event.sources.iter().enumerate() {
            if source.section.trim().is_empty() {
                self.report(record, &format!("sources[{i}].section"), "is empty");
            }
            if source.paragraph == 0 {
                self.report(
                    record,
                    &format!("sources[{i}].paragraph"),
                    "paragraphs count from 1",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_imported_dataset_keeps_every_rule_but_people_and_places() {
        let mut dataset = crate::data::synthetic::generate(5, 2);
        assert_eq!(validate_imported(&dataset), Vec::new());
        // An event with neither participants nor places: fine in an import only.
        dataset.events[0].participants.clear();
        dataset.events[0].places.clear();
        assert_eq!(validate_imported(&dataset), Vec::new());
        assert!(!validate(&dataset).is_empty());
        // Any other broken rule is still reported.
        dataset.events[1].storylines = vec!["nowhere".into()];
        let problems = validate_imported(&dataset);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "storylines[0]");
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("2010-11-23-yeonpyeong-shelling"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a_b", "é"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    #[test]
    fn clock_times() {
        assert!(is_clock_time("14:38"));
        assert!(is_clock_time("00:00"));
        for bad in ["24:00", "9:00", "12:60", "+1:00", "ab:cd", "12-30"] {
            assert!(!is_clock_time(bad), "{bad}");
        }
    }
}
