//! The compare mode's part of a link. `compare=` turns the mode on; the others only mean
//! something with it:
//!
//! | parameter | says | example |
//! |---|---|---|
//! | `compare=<track>,<track>` | the two tracks: a side by its id, an actor or storyline as `actor.<id>` or `story.<id>` (`side.<id>` is read too); empty for China and Russia | `compare=china,actor.lavrov` |
//! | `anchor=<event-id>` | day 0 of the axis (the shelling by default) | `anchor=2010-11-22-wen-st-petersburg` |
//! | `split=<event-id>` | where "before" ends and "after" begins (the anchor by default) | |
//! | `days=<n>` | how many days each side of the anchor the axis and the periods reach (all the data by default) | `days=10` |
//!
//! Ids are checked here only for their form; whether the data knows them is the
//! exploration's business (`views::compare::link`), as for every other id in a link.

use crate::data::validate::is_kebab_id;
use crate::data::Side;
use crate::views::compare::TrackKey;

use super::percent_encode;

/// The longest period a link can ask for, in days (about ten years).
pub const MAX_DAYS: u32 = 3660;

/// What the compare mode shows, as a link says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareLink {
    pub pair: [TrackKey; 2],
    /// The anchor event's id; `None` for the default (the shelling).
    pub anchor: Option<String>,
    /// The split event's id; `None` for the anchor.
    pub split: Option<String>,
    /// Days each side of the anchor; `None` for all the data.
    pub days: Option<u32>,
}

impl Default for CompareLink {
    fn default() -> Self {
        CompareLink {
            pair: TrackKey::default_pair(),
            anchor: None,
            split: None,
            days: None,
        }
    }
}

/// A track as a link writes it: a side by its bare id, anything else by [`TrackKey::id`].
pub fn track_id(key: &TrackKey) -> String {
    match key {
        TrackKey::Side(side) => side.id().to_owned(),
        other => other.id(),
    }
}

/// Reads [`track_id`]'s form (and `side.<id>`); `None` for anything else.
pub fn parse_track(text: &str) -> Option<TrackKey> {
    if text.contains('.') {
        return TrackKey::parse(text);
    }
    Side::ALL
        .into_iter()
        .find(|side| side.id() == text)
        .map(TrackKey::Side)
}

/// The parameters of this module.
const KEYS: [&str; 4] = ["compare", "anchor", "split", "days"];

/// The compare parameters of a link as they are read; [`Reading::finish`] gives the mode's
/// state once the whole link is read (the parameters may come in any order).
#[derive(Debug, Default)]
pub(super) struct Reading {
    on: bool,
    link: CompareLink,
    /// `key=value` of the parameters read without `compare=`.
    stray: Vec<String>,
}

impl Reading {
    /// The mode's state, `None` when the link has no `compare=`; the parameters that mean
    /// nothing without it are reported.
    pub(super) fn finish(self, problems: &mut Vec<super::UrlProblem>) -> Option<CompareLink> {
        if !self.on {
            for part in self.stray {
                problems.push(super::UrlProblem {
                    part,
                    message: "only applies in compare mode (compare=…); ignored".to_owned(),
                });
            }
        }
        self.on.then_some(self.link)
    }
}

/// Reads one compare parameter; `None` when `key` is not one of them. `value` is already
/// percent-decoded.
pub(super) fn parse_param(
    key: &str,
    value: &str,
    reading: &mut Reading,
) -> Option<Result<(), &'static str>> {
    if !KEYS.contains(&key) {
        return None;
    }
    let value = value.trim();
    if key == "compare" {
        reading.on = true;
    } else {
        reading
            .stray
            .push(format!("{key}={}", super::shorten(value)));
    }
    let link = &mut reading.link;
    Some(match key {
        "compare" => read_pair(value, &mut link.pair),
        "anchor" => read_event(value, &mut link.anchor),
        "split" => read_event(value, &mut link.split),
        _ => read_days(value, &mut link.days),
    })
}

/// Two tracks; one alone is compared with the default track it is not; more than two, or
/// one that is not a track, is reported and the rest applies.
fn read_pair(value: &str, pair: &mut [TrackKey; 2]) -> Result<(), &'static str> {
    let mut tracks = Vec::new();
    let mut read = Ok(());
    for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        match parse_track(item) {
            Some(track) if tracks.len() < 2 => tracks.push(track),
            Some(_) => read = Err("more than two tracks; the first two are compared"),
            None => {
                read = Err(
                    "not a track (a side such as china, actor.<id> or story.<id>); the default is compared",
                )
            }
        }
    }
    let [first, second] = TrackKey::default_pair();
    *pair = match tracks.len() {
        0 => [first, second],
        1 => {
            let other = if tracks[0] == second { first } else { second };
            [tracks.remove(0), other]
        }
        _ => {
            let b = tracks.remove(1);
            [tracks.remove(0), b]
        }
    };
    read
}

fn read_event(value: &str, slot: &mut Option<String>) -> Result<(), &'static str> {
    if is_kebab_id(value) {
        *slot = Some(value.to_owned());
        Ok(())
    } else {
        Err("not a valid event id; the default is used")
    }
}

fn read_days(value: &str, days: &mut Option<u32>) -> Result<(), &'static str> {
    let number = value
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| value.parse::<u32>().ok())
        .flatten()
        .filter(|&n| (1..=MAX_DAYS).contains(&n))
        .ok_or("not a number of days from 1 to 3660; all the data is shown")?;
    *days = Some(number);
    Ok(())
}

/// Appends the mode's parameters to `out` (`&key=value` each), when it is on.
pub(super) fn format_params(link: Option<&CompareLink>, out: &mut String) {
    let Some(link) = link else {
        return;
    };
    let [a, b] = &link.pair;
    out.push_str("&compare=");
    out.push_str(&percent_encode(&track_id(a), true));
    out.push(',');
    out.push_str(&percent_encode(&track_id(b), true));
    for (key, id) in [("anchor", &link.anchor), ("split", &link.split)] {
        if let Some(id) = id {
            out.push_str(&format!("&{key}={}", percent_encode(id, true)));
        }
    }
    if let Some(days) = link.days {
        out.push_str(&format!("&days={days}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{format, parse, UrlState};

    fn read(query: &str) -> (Option<CompareLink>, Vec<String>) {
        let (state, problems) = parse(&format!("#/?{query}"));
        (
            state.compare,
            problems.iter().map(ToString::to_string).collect(),
        )
    }

    fn link(compare: Option<CompareLink>) -> String {
        format(&UrlState {
            compare,
            ..UrlState::default()
        })
    }

    #[test]
    fn without_compare_the_mode_is_off_and_the_link_unchanged() {
        assert_eq!(read(""), (None, vec![]));
        assert_eq!(link(None), "/");
    }

    #[test]
    fn compare_alone_is_china_and_russia_around_the_default_anchor() {
        for query in ["compare", "compare=", "compare=,"] {
            assert_eq!(
                read(query),
                (Some(CompareLink::default()), vec![]),
                "{query}"
            );
        }
        assert_eq!(link(Some(CompareLink::default())), "/?compare=china,russia");
    }

    #[test]
    fn every_parameter_reads_back_in_a_fixed_order() {
        let full = CompareLink {
            pair: [
                TrackKey::Actor("wen-jiabao".into()),
                TrackKey::Storyline("korea-crisis".into()),
            ],
            anchor: Some("2010-11-22-visit".into()),
            split: Some("2010-12-01-call".into()),
            days: Some(10),
        };
        let text = link(Some(full.clone()));
        assert_eq!(
            text,
            "/?compare=actor.wen-jiabao,story.korea-crisis&anchor=2010-11-22-visit\
             &split=2010-12-01-call&days=10"
        );
        assert_eq!(
            parse(&text),
            (
                UrlState {
                    compare: Some(full.clone()),
                    ..UrlState::default()
                },
                vec![]
            )
        );
        // Any order in, one order out.
        let (shuffled, problems) =
            read("days=10&split=2010-12-01-call&compare=actor.wen-jiabao,story.korea-crisis&anchor=2010-11-22-visit");
        assert_eq!((shuffled, problems), (Some(full), vec![]));
    }

    #[test]
    fn sides_are_written_bare_and_read_either_way() {
        let (pair, problems) = read("compare=side.us-allies,koreas");
        assert!(problems.is_empty());
        let pair = pair.unwrap().pair;
        assert_eq!(
            pair,
            [TrackKey::Side(Side::UsAllies), TrackKey::Side(Side::Koreas)]
        );
        assert_eq!(track_id(&pair[0]), "us-allies");
        assert_eq!(
            parse_track("actor.lavrov"),
            Some(TrackKey::Actor("lavrov".into()))
        );
        assert_eq!(parse_track("lavrov"), None);
        assert_eq!(parse_track("story.Bad"), None);
    }

    #[test]
    fn one_track_is_compared_with_the_default_it_is_not() {
        let pair = |q: &str| read(q).0.unwrap().pair;
        assert_eq!(
            pair("compare=koreas"),
            [TrackKey::Side(Side::Koreas), TrackKey::Side(Side::Russia)]
        );
        assert_eq!(
            pair("compare=russia"),
            [TrackKey::Side(Side::Russia), TrackKey::Side(Side::China)]
        );
        assert_eq!(
            pair("compare=china"),
            [TrackKey::Side(Side::China), TrackKey::Side(Side::Russia)]
        );
    }

    #[test]
    fn a_bad_track_is_reported_and_the_rest_applies() {
        let (got, problems) = read("compare=mars,koreas&days=5");
        let got = got.unwrap();
        assert_eq!(
            got.pair,
            [TrackKey::Side(Side::Koreas), TrackKey::Side(Side::Russia)]
        );
        assert_eq!(got.days, Some(5));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("“compare=mars,koreas”: not a track"),
            "{problems:?}"
        );
        let (got, problems) = read("compare=china,russia,koreas");
        assert_eq!(got.unwrap().pair, TrackKey::default_pair());
        assert!(problems[0].contains("more than two tracks"), "{problems:?}");
    }

    #[test]
    fn bad_anchors_splits_and_days_are_reported_and_left_at_their_defaults() {
        for (query, message) in [
            ("anchor=Not%20An%20Id", "not a valid event id"),
            ("split=x%2Fy", "not a valid event id"),
            ("days=0", "not a number of days"),
            ("days=3661", "not a number of days"),
            ("days=-3", "not a number of days"),
            ("days=%2B3", "not a number of days"),
            ("days=ten", "not a number of days"),
            ("days=99999999999", "not a number of days"),
        ] {
            let (got, problems) = read(&format!("compare&{query}"));
            assert_eq!(got, Some(CompareLink::default()), "{query}");
            assert_eq!(problems.len(), 1, "{query}: {problems:?}");
            assert!(problems[0].contains(message), "{query}: {problems:?}");
        }
        assert_eq!(read("compare&days=3660").0.unwrap().days, Some(3660));
        assert_eq!(read("compare&days=1").0.unwrap().days, Some(1));
    }

    #[test]
    fn settings_without_compare_are_reported_as_stray() {
        let (got, problems) = read("anchor=2010-11-22-visit&days=4&split=x");
        assert_eq!(got, None);
        assert_eq!(
            problems,
            [
                "“anchor=2010-11-22-visit”: only applies in compare mode (compare=…); ignored",
                "“days=4”: only applies in compare mode (compare=…); ignored",
                "“split=x”: only applies in compare mode (compare=…); ignored",
            ]
        );
    }
}
