//! Reader-facing wording derived from records: date labels that are honest about
//! precision, accessible names for marks, page titles. Pure, so every view says the same.

use crate::data::date::days_in_month;
use crate::data::{Catalog, Date, Event, PartOfDay, Period, Precision};
use crate::url::Route;

/// The explorer's name, as its header shows it. `index.html` carries the same header as
/// plain HTML, so the title is on screen before the app has loaded (a test keeps the two
/// in step).
pub const APP_TITLE: &str = "Korea 2010 · China & Russia, Oct–Dec 2010";

/// "23 Nov 2010", "22–24 Nov 2010", "28 Nov – 1 Dec 2010", "Aug 2008", "about 1950–1953",
/// with the local time when the article gives one. Whole months and years are named as
/// such, so a loosely dated record never looks more precise than it is.
pub fn event_date(event: &Event) -> String {
    let Some(start) = Date::parse(&event.start) else {
        return event.start.clone();
    };
    let end = event
        .end
        .as_deref()
        .and_then(Date::parse)
        .filter(|&end| end >= start)
        .unwrap_or(start);
    let mut label = if let Some(period) = calendar_period(start, end) {
        period
    } else if event.precision == Precision::Month {
        format!("{} {}", start.month_abbrev(), start.year)
    } else if end > start {
        range(start, end)
    } else {
        start.display_long()
    };
    if event.precision == Precision::Approximate {
        label = format!("about {label}");
    }
    if let Some(time) = &event.time {
        label.push_str(&format!(", {time} local time"));
    } else if let Some(part) = event.part_of_day {
        label.push_str(match part {
            PartOfDay::Morning => ", morning",
            PartOfDay::Afternoon => ", afternoon",
            PartOfDay::Evening => ", evening",
            PartOfDay::Night => ", night",
        });
    }
    label
}

/// Names a span of whole years ("1950–1953") or whole months ("Aug 2008", "Jan–Apr 2010").
fn calendar_period(start: Date, end: Date) -> Option<String> {
    let month_start = start.day == 1;
    let month_end = end.day == days_in_month(end.year, end.month);
    if !(month_start && month_end) {
        return None;
    }
    if start.month == 1 && end.month == 12 {
        return Some(if start.year == end.year {
            start.year.to_string()
        } else {
            format!("{}–{}", start.year, end.year)
        });
    }
    Some(if start.year != end.year {
        format!(
            "{} {} – {} {}",
            start.month_abbrev(),
            start.year,
            end.month_abbrev(),
            end.year
        )
    } else if start.month == end.month {
        format!("{} {}", start.month_abbrev(), start.year)
    } else {
        format!(
            "{}–{} {}",
            start.month_abbrev(),
            end.month_abbrev(),
            end.year
        )
    })
}

/// The timeline's button back to the chronicle's period: its months ("Oct–Dec", without the
/// year, which the button beside it names; a single month "Nov 2019"), or across years
/// "Jun 1950 – Jul 1953".
pub fn period_button(period: Period) -> String {
    let (start, end) = period.focus_dates();
    if start.year == end.year && start.month != end.month {
        format!("{}–{}", start.month_abbrev(), end.month_abbrev())
    } else {
        calendar_period(start, end).unwrap_or_else(|| range(start, end))
    }
}

/// The timeline's button for all it can show: "All 2010", "All 1950–1953".
pub fn reach_button(period: Period) -> String {
    let (start, end) = period.reach_dates();
    if start.year == end.year {
        format!("All {}", start.year)
    } else {
        format!("All {}–{}", start.year, end.year)
    }
}

/// A compact range label that does not repeat the shared month or year.
pub fn range(start: Date, end: Date) -> String {
    if start.year != end.year {
        format!("{} – {}", start.display_long(), end.display_long())
    } else if start.month != end.month {
        format!(
            "{} {} – {} {} {}",
            start.day,
            start.month_abbrev(),
            end.day,
            end.month_abbrev(),
            end.year
        )
    } else {
        format!(
            "{}–{} {} {}",
            start.day,
            end.day,
            end.month_abbrev(),
            end.year
        )
    }
}

/// The accessible name of an event's mark in any view: title and date.
pub fn event_mark_label(event: &Event) -> String {
    format!("{}, {}", event.title, event_date(event))
}

/// The heading over the explorer: its own name over the article's chronicle, the file's
/// title over a reader's own (`opened`), when it has one.
pub fn heading(catalog: &Catalog, opened: bool) -> String {
    let title = catalog.dataset.meta.title.trim();
    if opened && !title.is_empty() {
        title.to_owned()
    } else {
        APP_TITLE.to_owned()
    }
}

/// The document title for the current page, so shared tabs and bookmarks read well; for a
/// reader's own file (`opened`), named after the file's title.
pub fn page_title(catalog: &Catalog, route: &Route, opened: bool) -> String {
    const APP: &str = "Korea 2010: China and Russia, Oct–Dec 2010";
    let app = match catalog.dataset.meta.title.trim() {
        title if opened && !title.is_empty() => title,
        _ => APP,
    };
    let item = match route {
        Route::Overview => None,
        Route::Event(id) => catalog
            .event_index(id)
            .map(|e| catalog.events()[e].title.clone()),
        Route::Actor(id) => catalog.actor(id).map(|a| a.name.clone()),
        Route::Place(id) => catalog.place(id).map(|p| p.name.clone()),
    };
    match item {
        Some(item) => format!("{item} — {app}"),
        None => app.to_owned(),
    }
}

/// "12 of 84 events".
pub fn shown_count(shown: usize, total: usize) -> String {
    let noun = if total == 1 { "event" } else { "events" };
    if shown == total {
        format!("All {total} {noun}")
    } else {
        format!("{shown} of {total} {noun}")
    }
}

/// What a folded filter rail says applies, e.g. "3 filters".
pub fn active_filters(count: usize) -> String {
    if count == 1 {
        "1 filter".to_owned()
    } else {
        format!("{count} filters")
    }
}

/// The heading over an actor's events in the details: what is counted (with a state's or
/// organisation's people, when it has any) and how many of them the filters show.
pub fn actor_events_heading(in_view: usize, total: usize, with_people: bool) -> String {
    let whose = if with_people {
        "Events, with its people"
    } else {
        "Events"
    };
    if in_view == total {
        format!("{whose} ({total})")
    } else {
        format!("{whose} ({in_view} of {total} in view)")
    }
}

/// An actor's events, as a node's name and the actor table say it: "3 events", "2 of 5
/// events in view", and for a state or organisation with people "…, including its
/// people's". The count is `Target::count_in`, the same as the details and the filters.
pub fn actor_event_count(in_view: usize, total: usize, with_people: bool) -> String {
    let noun = if total == 1 { "event" } else { "events" };
    let count = if in_view == total {
        format!("{total} {noun}")
    } else {
        format!("{in_view} of {total} {noun} in view")
    };
    if with_people {
        format!("{count}, including its people's")
    } else {
        count
    }
}

/// What a filter value's count counts: the events it would show with the other filters.
pub fn facet_count(count: usize) -> String {
    let noun = if count == 1 { "event" } else { "events" };
    format!("{count} {noun} with the other filters")
}

/// The header's count: `shown_count`, saying apart the events that only span the window.
pub fn shown_in_window(shown: usize, background: usize, total: usize) -> String {
    if background == 0 {
        return format!("{} shown", shown_count(shown, total));
    }
    let noun = if background == 1 { "event" } else { "events" };
    format!(
        "{} in the window, and {background} longer {noun} spanning it",
        shown_count(shown - background, total)
    )
}

/// What a timeline mark adds to its name when its event is drawn in other lanes too.
pub fn also_in_lanes(others: &[&str]) -> String {
    match others {
        [] => String::new(),
        [one] => format!(" (also in the {one} lane)"),
        [first @ .., last] => format!(" (also in the {} and {last} lanes)", first.join(", ")),
    }
}

/// Numbers as the article writes them: no trailing ".0", thousands separated.
pub fn format_number(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if value < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A day on the compare mode's relative axis, in prose: "day 0", "day 3", "day −2".
pub fn relative_day(offset: i32) -> String {
    format!("day {}", signed(offset, false))
}

/// A day on the relative axis as a tick label: "0", "+1", "−2".
pub fn relative_tick(offset: i32) -> String {
    signed(offset, true)
}

/// A range of days on the relative axis, honest about not knowing which: "day 4",
/// "day 0–1", "day −3 to −1", "day −2 to 3".
pub fn relative_days(lo: i32, hi: i32) -> String {
    if lo == hi {
        relative_day(lo)
    } else if lo >= 0 {
        format!("day {lo}–{hi}")
    } else {
        format!("day {} to {}", signed(lo, false), signed(hi, false))
    }
}

/// A number with a real minus sign, and a plus when asked.
fn signed(value: i32, plus: bool) -> String {
    match value {
        v if v < 0 => format!("−{}", v.unsigned_abs()),
        v if v > 0 && plus => format!("+{v}"),
        v => v.to_string(),
    }
}

/// A count of events that may be uncertain: "1 event", "9 events", "9 events (perhaps
/// 11)", "no events (perhaps 2)".
pub fn events_perhaps(surely: usize, perhaps: usize) -> String {
    let sure = match surely {
        0 => "no events".to_owned(),
        1 => "1 event".to_owned(),
        n => format!("{n} events"),
    };
    if perhaps == 0 {
        sure
    } else {
        format!("{sure} (perhaps {})", surely + perhaps)
    }
}

/// When something first happened on the relative axis: "first on day 0–1"; "perhaps on
/// day 0" when it may not have happened after the anchor at all; "none" when nothing did.
pub fn first_on(first: Option<(i32, i32)>, sure: bool) -> String {
    match first {
        Some((lo, hi)) if sure => format!("first on {}", relative_days(lo, hi)),
        Some((lo, hi)) => format!("perhaps on {}", relative_days(lo, hi)),
        None => "none".to_owned(),
    }
}

/// A track's first contact with a party, for the compare table: "Seoul: day 4, China
/// reached out", "Washington: day 16–22, met as equals", "Pyongyang: none".
pub fn first_contact(party: &str, days: Option<(i32, i32)>, reached_out: Option<&str>) -> String {
    match days {
        None => format!("{party}: none"),
        Some((lo, hi)) => {
            let who = reached_out.map_or_else(
                || "neither reached out first".to_owned(),
                |who| format!("{who} reached out"),
            );
            format!("{party}: {}, {who}", relative_days(lo, hi))
        }
    }
}

/// What the compare summary says of one track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackFacts<'a> {
    pub label: &'a str,
    /// Events it surely and perhaps took part in during the period after the anchor.
    pub surely: usize,
    pub perhaps: usize,
    /// The days its first act after the anchor may have been on, and whether surely.
    pub first: Option<(i32, i32)>,
    pub first_sure: bool,
}

/// The compare mode's summary: "In the 10 days after “North Korea shells Yeonpyeong
/// Island”: China took part in 9 events, first on day 0–1; Russia in 4, first on day 1."
pub fn compare_summary(anchor: &str, days: Option<u32>, tracks: &[TrackFacts]) -> String {
    let period = match days {
        Some(1) => format!("On the day of “{anchor}”"),
        Some(n) => format!("In the {n} days after “{anchor}”"),
        None => format!("After “{anchor}”"),
    };
    let parts: Vec<String> = tracks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let verb = if i == 0 { "took part in " } else { "in " };
            let first = if t.surely + t.perhaps == 0 {
                String::new()
            } else {
                format!(", {}", first_on(t.first, t.first_sure))
            };
            format!(
                "{} {verb}{}{first}",
                t.label,
                events_perhaps(t.surely, t.perhaps)
            )
        })
        .collect();
    if parts.is_empty() {
        return format!("{period}.");
    }
    format!("{period}: {}.", parts.join("; "))
}

/// A cell of the compare table: "3", "3 (perhaps 5)", "0 (perhaps 1; 2 spanning)", where
/// "spanning" counts events dated so loosely they are background to the period.
pub fn count_cell(surely: usize, perhaps: usize, background: usize) -> String {
    let mut notes = Vec::new();
    if perhaps > 0 {
        notes.push(format!("perhaps {}", surely + perhaps));
    }
    if background > 0 {
        notes.push(format!("{background} spanning"));
    }
    if notes.is_empty() {
        surely.to_string()
    } else {
        format!("{surely} ({})", notes.join("; "))
    }
}

/// A contact in the compare view, with who reached out: "China → South Korea (China
/// reached out)", "Russia ← South Korea (South Korea reached out)", "China ↔ Russia
/// (neither reached out first)".
pub fn contact_line(ours: &str, party: &str, we_reached_out: Option<bool>) -> String {
    match we_reached_out {
        Some(true) => format!("{ours} → {party} ({ours} reached out)"),
        Some(false) => format!("{ours} ← {party} ({party} reached out)"),
        None => format!("{ours} ↔ {party} (neither reached out first)"),
    }
}

/// A tie of the compare view's difference network by how it changed at the split, with
/// its shared events on each side: "Dai Bingguo – Kim Jong Il: new after the split, 1
/// shared event", "…: gone after the split, 2 shared events before it", "…: in both
/// periods, 1 shared event before the split and 3 after".
pub fn tie_change(a: &str, b: &str, before: usize, after: usize) -> String {
    let shared = |n: usize| {
        if n == 1 {
            "1 shared event".to_owned()
        } else {
            format!("{n} shared events")
        }
    };
    let change = match (before, after) {
        (0, n) => format!("new after the split, {}", shared(n)),
        (n, 0) => format!("gone after the split, {} before it", shared(n)),
        (n, m) => format!(
            "in both periods, {} before the split and {m} after",
            shared(n)
        ),
    };
    format!("{a} – {b}: {change}")
}

/// An actor of the difference network, with the tracks it acts for and the events it acts
/// in on each side of the split: "Dai Bingguo, in the China track: acts in 2 events after
/// the split, none before"; "Kim Jong Il: acts in 1 event after the split, none before".
pub fn actor_change(name: &str, tracks: &[&str], before: usize, after: usize) -> String {
    let events = |n: usize| {
        if n == 1 {
            "1 event".to_owned()
        } else {
            format!("{n} events")
        }
    };
    let tracks = match tracks {
        [] => String::new(),
        [one] => format!(", in the {one} track"),
        [rest @ .., last] => format!(", in the {} and {last} tracks", rest.join(", ")),
    };
    let acts = match (before, after) {
        (0, n) => format!("acts in {} after the split, none before", events(n)),
        (n, 0) => format!("acts in {} before the split, none after", events(n)),
        (n, m) => format!("acts in {} before the split and {m} after", events(n)),
    };
    format!("{name}{tracks}: {acts}")
}

/// What a list leaves out: "and 12 more".
pub fn and_more(count: usize) -> String {
    format!("and {count} more")
}

/// A BCP 47 tag for a native-script name, so screen readers pronounce it and browsers pick
/// the right CJK glyphs. The script decides, the country breaks ties (Han is Chinese or
/// Japanese, Cyrillic is Russian or Tajik).
pub fn native_lang(text: &str, country: Option<&str>) -> &'static str {
    let first = text
        .chars()
        .find(|c| c.is_alphabetic())
        .map_or(0, |c| c as u32);
    match (first, country) {
        (0x0400..=0x04FF, Some("tajikistan")) => "tg",
        (0x0400..=0x04FF, _) => "ru",
        (0xAC00..=0xD7AF | 0x1100..=0x11FF, _) => "ko",
        (0x3040..=0x30FF, _) => "ja",
        (0x4E00..=0x9FFF, Some("japan")) => "ja",
        (0x4E00..=0x9FFF, _) => "zh",
        (0x0900..=0x097F, _) => "hi",
        _ => "und",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::fixture;

    fn event(start: &str, end: Option<&str>, precision: Precision, time: Option<&str>) -> Event {
        Event {
            precision,
            ..fixture::dated(&format!("{start}-x"), start, end, time)
        }
    }

    /// A period over `focus` (first and last day) within the years `reach`.
    fn period(focus: (&str, &str), reach: (i32, i32)) -> Period {
        let day = |text: &str| Date::parse(text).unwrap().to_days();
        let jan_1 = |year| Date::new(year, 1, 1).unwrap().to_days();
        Period {
            focus: (day(focus.0), day(focus.1) + 1),
            reach: (jan_1(reach.0), jan_1(reach.1 + 1)),
        }
    }

    #[test]
    fn the_timeline_s_buttons_name_the_chronicle_s_period() {
        let article = Period::default();
        assert_eq!(period_button(article), "Oct–Dec");
        assert_eq!(reach_button(article), "All 2010");
        let war = period(("1950-06-01", "1953-07-31"), (1950, 1953));
        assert_eq!(period_button(war), "Jun 1950 – Jul 1953");
        assert_eq!(reach_button(war), "All 1950–1953");
        let month = period(("2019-11-01", "2019-11-30"), (2019, 2019));
        assert_eq!(period_button(month), "Nov 2019");
        assert_eq!(reach_button(month), "All 2019");
        let year = period(("2019-01-01", "2019-12-31"), (2019, 2019));
        assert_eq!(period_button(year), "Jan–Dec");
        let years = period(("1950-01-01", "1953-12-31"), (1950, 1953));
        assert_eq!(period_button(years), "1950–1953");
        // Whole months across a new year keep both years.
        let winter = period(("2019-12-01", "2020-01-31"), (2019, 2020));
        assert_eq!(period_button(winter), "Dec 2019 – Jan 2020");
        assert_eq!(reach_button(winter), "All 2019–2020");
        // A hand-made period of loose days is still named, as a range.
        let loose = period(("2019-11-05", "2019-11-20"), (2019, 2019));
        assert_eq!(period_button(loose), "5–20 Nov 2019");
    }

    #[test]
    fn a_mark_drawn_in_several_lanes_says_so() {
        assert_eq!(also_in_lanes(&[]), "");
        assert_eq!(also_in_lanes(&["Russia"]), " (also in the Russia lane)");
        assert_eq!(
            also_in_lanes(&["Russia", "Koreas", "Others"]),
            " (also in the Russia, Koreas and Others lanes)"
        );
    }

    #[test]
    fn events_spanning_the_window_are_counted_apart() {
        assert_eq!(shown_in_window(93, 0, 93), "All 93 events shown");
        assert_eq!(
            shown_in_window(22, 5, 93),
            "17 of 93 events in the window, and 5 longer events spanning it"
        );
        assert_eq!(
            shown_in_window(3, 1, 93),
            "2 of 93 events in the window, and 1 longer event spanning it"
        );
    }

    #[test]
    fn a_node_and_a_filter_value_say_what_they_count() {
        assert_eq!(actor_event_count(1, 1, false), "1 event");
        assert_eq!(actor_event_count(5, 5, false), "5 events");
        assert_eq!(actor_event_count(2, 5, false), "2 of 5 events in view");
        assert_eq!(actor_event_count(0, 1, false), "0 of 1 event in view");
        assert_eq!(
            actor_event_count(18, 59, true),
            "18 of 59 events in view, including its people's"
        );
        assert_eq!(
            actor_event_count(4, 4, true),
            "4 events, including its people's"
        );
        assert_eq!(facet_count(1), "1 event with the other filters");
        assert_eq!(facet_count(22), "22 events with the other filters");
    }

    #[test]
    fn an_actor_s_event_count_says_what_it_counts() {
        assert_eq!(actor_events_heading(12, 12, false), "Events (12)");
        assert_eq!(
            actor_events_heading(59, 68, true),
            "Events, with its people (59 of 68 in view)"
        );
        assert_eq!(actor_events_heading(3, 4, false), "Events (3 of 4 in view)");
    }

    #[test]
    fn labels_say_how_precise_a_date_is() {
        let label = |start, end, precision, time| event_date(&event(start, end, precision, time));
        use Precision::*;
        assert_eq!(
            label("2010-11-23", None, Day, Some("14:38")),
            "23 Nov 2010, 14:38 local time"
        );
        assert_eq!(
            label("2010-11-22", Some("2010-11-24"), Day, None),
            "22–24 Nov 2010"
        );
        assert_eq!(
            label("2010-11-28", Some("2010-12-01"), Day, None),
            "28 Nov – 1 Dec 2010"
        );
        assert_eq!(label("2010-11-01", None, Month, None), "Nov 2010");
        assert_eq!(
            label("2010-11-20", Some("2010-11-21"), Approximate, None),
            "about 20–21 Nov 2010"
        );
        assert_eq!(
            label("2008-08-01", Some("2008-08-31"), Month, None),
            "Aug 2008"
        );
        assert_eq!(
            label("1950-01-01", Some("1953-12-31"), Approximate, None),
            "about 1950–1953"
        );
        assert_eq!(
            label("2010-01-01", Some("2010-04-30"), Approximate, None),
            "about Jan–Apr 2010"
        );
        assert_eq!(
            label("2010-11-01", Some("2011-01-31"), Approximate, None),
            "about Nov 2010 – Jan 2011"
        );
        // Only a span from the first to the last day of months is named as months.
        assert_eq!(
            label("2010-11-01", Some("2010-11-15"), Day, None),
            "1–15 Nov 2010"
        );
        assert_eq!(
            label("2010-10-20", Some("2010-10-31"), Day, None),
            "20–31 Oct 2010"
        );
    }

    #[test]
    fn numbers_read_like_the_article() {
        assert_eq!(format_number(2757.0), "2,757");
        assert_eq!(format_number(8.6), "8.6");
        assert_eq!(format_number(-1000000.0), "-1,000,000");
        assert_eq!(format_number(100.0), "100");
    }

    #[test]
    fn native_names_get_a_language() {
        assert_eq!(native_lang("温家宝", Some("china")), "zh");
        assert_eq!(native_lang("前原誠司", Some("japan")), "ja");
        assert_eq!(native_lang("Сергей Лавров", Some("russia")), "ru");
        assert_eq!(native_lang("Эмомали Рахмон", Some("tajikistan")), "tg");
        assert_eq!(native_lang("연평도", None), "ko");
        assert_eq!(native_lang("Lisbon", None), "und");
    }

    #[test]
    fn compare_view_lines_say_counts_direction_and_ties() {
        assert_eq!(count_cell(3, 0, 0), "3");
        assert_eq!(count_cell(3, 2, 0), "3 (perhaps 5)");
        assert_eq!(count_cell(0, 1, 2), "0 (perhaps 1; 2 spanning)");
        assert_eq!(count_cell(4, 0, 1), "4 (1 spanning)");
        assert_eq!(
            contact_line("China", "South Korea", Some(true)),
            "China → South Korea (China reached out)"
        );
        assert_eq!(
            contact_line("Russia", "South Korea", Some(false)),
            "Russia ← South Korea (South Korea reached out)"
        );
        assert_eq!(
            contact_line("China", "Russia", None),
            "China ↔ Russia (neither reached out first)"
        );
        assert_eq!(
            tie_change("Dai Bingguo", "Kim Jong Il", 0, 1),
            "Dai Bingguo – Kim Jong Il: new after the split, 1 shared event"
        );
        assert_eq!(
            tie_change("A", "B", 2, 0),
            "A – B: gone after the split, 2 shared events before it"
        );
        assert_eq!(
            tie_change("A", "B", 1, 3),
            "A – B: in both periods, 1 shared event before the split and 3 after"
        );
        assert_eq!(
            actor_change("Dai Bingguo", &["China"], 0, 2),
            "Dai Bingguo, in the China track: acts in 2 events after the split, none before"
        );
        assert_eq!(
            actor_change("Kim Jong Il", &[], 0, 1),
            "Kim Jong Il: acts in 1 event after the split, none before"
        );
        assert_eq!(
            actor_change("Yang", &["China", "Yang"], 1, 2),
            "Yang, in the China and Yang tracks: acts in 1 event before the split and 2 after"
        );
        assert_eq!(
            actor_change("Lavrov", &["Russia"], 3, 0),
            "Lavrov, in the Russia track: acts in 3 events before the split, none after"
        );
        assert_eq!(and_more(12), "and 12 more");
    }

    #[test]
    fn relative_days_are_honest_about_ranges() {
        assert_eq!(relative_day(0), "day 0");
        assert_eq!(relative_day(3), "day 3");
        assert_eq!(relative_day(-2), "day −2");
        assert_eq!(relative_tick(0), "0");
        assert_eq!(relative_tick(1), "+1");
        assert_eq!(relative_tick(-12), "−12");
        assert_eq!(relative_days(4, 4), "day 4");
        assert_eq!(relative_days(0, 1), "day 0–1");
        assert_eq!(relative_days(-3, -1), "day −3 to −1");
        assert_eq!(relative_days(-2, 3), "day −2 to 3");
        assert_eq!(events_perhaps(0, 0), "no events");
        assert_eq!(events_perhaps(1, 0), "1 event");
        assert_eq!(events_perhaps(9, 2), "9 events (perhaps 11)");
        assert_eq!(events_perhaps(0, 2), "no events (perhaps 2)");
        assert_eq!(first_on(Some((0, 1)), true), "first on day 0–1");
        assert_eq!(first_on(Some((0, 0)), false), "perhaps on day 0");
        assert_eq!(first_on(None, true), "none");
        assert_eq!(
            first_contact("Seoul", Some((4, 4)), Some("China")),
            "Seoul: day 4, China reached out"
        );
        assert_eq!(
            first_contact("Washington", Some((16, 22)), None),
            "Washington: day 16–22, neither reached out first"
        );
        assert_eq!(
            first_contact("Pyongyang", None, Some("China")),
            "Pyongyang: none"
        );
    }

    #[test]
    fn the_compare_summary_names_the_period_and_each_track() {
        let facts = [
            TrackFacts {
                label: "China",
                surely: 9,
                perhaps: 0,
                first: Some((0, 0)),
                first_sure: true,
            },
            TrackFacts {
                label: "Russia",
                surely: 4,
                perhaps: 1,
                first: Some((1, 1)),
                first_sure: true,
            },
            TrackFacts {
                label: "Japan",
                surely: 0,
                perhaps: 0,
                first: None,
                first_sure: false,
            },
        ];
        assert_eq!(
            compare_summary("the shelling", Some(10), &facts[..2]),
            "In the 10 days after “the shelling”: China took part in 9 events, first on day 0; \
             Russia in 4 events (perhaps 5), first on day 1."
        );
        assert_eq!(
            compare_summary("x", None, &facts[2..]),
            "After “x”: Japan took part in no events."
        );
        assert_eq!(compare_summary("x", Some(1), &[]), "On the day of “x”.");
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(shown_count(84, 84), "All 84 events");
        assert_eq!(shown_count(3, 84), "3 of 84 events");
    }
}
