//! A small CSV reader (RFC 4180): comma-separated fields, double quotes around fields
//! that hold commas, quotes or line breaks, `""` for a quote inside them. Enough for a
//! spreadsheet's "download as CSV"; no dependency for it.

/// The rows of `text`, each a list of fields. A line break inside quotes stays in its
/// field; `\r\n` and `\n` both end a row; a blank line is a row with one empty field.
/// An unclosed quote runs to the end of the text, as spreadsheets read it.
pub fn rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_quoted_fields() {
        let text = "a,b,c\n1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n,,\n";
        assert_eq!(
            rows(text),
            vec![
                vec!["a", "b", "c"],
                vec!["1", "two, with comma", "say \"hi\""],
                vec!["", "", ""],
            ]
        );
    }

    #[test]
    fn line_breaks_inside_quotes_stay_in_the_field() {
        assert_eq!(
            rows("x,\"line one\nline two\"\ny,z"),
            vec![vec!["x", "line one\nline two"], vec!["y", "z"]]
        );
    }

    #[test]
    fn last_row_without_newline_a_bom_and_lone_carriage_returns() {
        assert_eq!(
            rows("\u{feff}a,b\rc,d"),
            vec![vec!["a", "b"], vec!["c", "d"]]
        );
        assert_eq!(rows("a\n\nb"), vec![vec!["a"], vec![""], vec!["b"]]);
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(rows("a,"), vec![vec!["a", ""]]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        assert_eq!(rows("a,\"b,c\nd"), vec![vec!["a", "b,c\nd"]]);
    }
}
