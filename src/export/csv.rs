//! CSV (RFC 4180): one header row, then one row per event; the last column cites the
//! article for that row.

use crate::data::Catalog;

const HEADER: [&str; 13] = [
    "id",
    "start",
    "end",
    "precision",
    "local_time",
    "title",
    "kind",
    "storylines",
    "places",
    "participants",
    "summary",
    "url_fragment",
    "source",
];

pub fn to_csv(catalog: &Catalog, shown: &[usize]) -> String {
    let mut out = String::new();
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for &e in shown {
        let event = &catalog.events()[e];
        let names = |ids: &[String], name: &dyn Fn(&str) -> Option<String>| {
            ids.iter()
                .map(|id| name(id).unwrap_or_else(|| id.clone()))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let participants: Vec<String> = event
            .participants
            .iter()
            .map(|p| {
                let name = catalog
                    .actor(&p.actor)
                    .map_or(p.actor.clone(), |a| a.name.clone());
                format!("{name} ({})", p.role.label())
            })
            .collect();
        push_row(
            &mut out,
            [
                event.id.clone(),
                event.start.clone(),
                event.end.clone().unwrap_or_default(),
                format!("{:?}", event.precision).to_lowercase(),
                event.time.clone().unwrap_or_default(),
                event.title.clone(),
                event.kind.id().to_owned(),
                names(&event.storylines, &|id| {
                    catalog.storyline(id).map(|s| s.title.clone())
                }),
                names(&event.places, &|id| {
                    catalog.place(id).map(|p| p.name.clone())
                }),
                participants.join("; "),
                event.summary.clone(),
                format!("#/event/{}", event.id),
                super::source_line(catalog, event),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let quoted: Vec<String> = fields.map(|f| quote(&f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// Quotes a field when it holds a comma, quote or line break; doubles inner quotes.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
    }
}
