//! iCalendar (RFC 5545): one all-day VEVENT per event. Day-precise events span their days;
//! month-precise and approximate ones span the period they may fall in, and say so.

use crate::data::{Catalog, Date, Precision};

pub fn to_ics(catalog: &Catalog, shown: &[usize]) -> String {
    let source = catalog.dataset.meta.source.citation();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//korea2010 explorer//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", escape(&catalog.dataset.meta.title)),
        format!("X-WR-CALDESC:{}", escape(&format!("Source: {source}"))),
    ];
    for &e in shown {
        let event = &catalog.events()[e];
        let span = catalog.spans[e];
        let start = Date::from_days(span.start);
        // DTEND of an all-day event is exclusive.
        let end = Date::from_days(span.end + 1);
        let precision = match event.precision {
            Precision::Day => String::new(),
            Precision::Month => " (date known only to the month)".to_owned(),
            Precision::Approximate => " (approximate date)".to_owned(),
        };
        let time = event
            .time
            .as_deref()
            .map(|t| format!(" Local time {t}."))
            .unwrap_or_default();
        let description = format!(
            "{}{}\n{}",
            event.summary,
            time,
            super::source_line(catalog, event)
        );
        let location: Vec<&str> = event
            .places
            .iter()
            .filter_map(|id| catalog.place(id))
            .map(|p| p.name.as_str())
            .collect();
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@korea2010.explorer", event.id),
            "DTSTAMP:20101231T000000Z".to_owned(),
            format!("DTSTART;VALUE=DATE:{}", compact(start)),
            format!("DTEND;VALUE=DATE:{}", compact(end)),
            format!("SUMMARY:{}", escape(&format!("{}{precision}", event.title))),
            format!("DESCRIPTION:{}", escape(&description)),
        ]);
        if !location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&location.join(", "))));
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// TEXT escaping: backslash, semicolon, comma and newline.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets (never inside a UTF-8 character).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_folded() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = "X".repeat(200);
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), long);
        let cyrillic = "Л".repeat(100);
        assert!(fold(&cyrillic).split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn a_line_of_75_octets_is_not_folded_and_one_more_is() {
        let full = "X".repeat(75);
        assert_eq!(fold(&full), full);
        assert_eq!(fold(&format!("{full}Y")), format!("{full}\r\n Y"));
    }

    #[test]
    fn an_event_has_a_location_exactly_when_it_has_a_known_place() {
        let catalog = crate::data::load_embedded().unwrap();
        let all: Vec<usize> = (0..catalog.events().len()).collect();
        let placed = all
            .iter()
            .filter(|&&e| {
                catalog.events()[e]
                    .places
                    .iter()
                    .any(|p| catalog.place(p).is_some())
            })
            .count();
        assert!(
            placed > 0 && placed < all.len(),
            "both kinds are in the chronicle"
        );
        let text = to_ics(&catalog, &all);
        let locations: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("LOCATION:"))
            .collect();
        assert_eq!(locations.len(), placed);
        assert!(locations.iter().all(|l| l.len() > "LOCATION:".len()));
    }
}
