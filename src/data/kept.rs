//! How a reader's own file is stored in the browser (`ui::kept`): its name and its text in
//! one body, `<bytes of the name>:<name><text>`, so keeping a file needs no JSON.

/// The stored form of the file `name` with content `text`.
pub fn body(name: &str, text: &str) -> String {
    format!("{}:{name}{text}", name.len())
}

/// The name and text of a stored body; `None` for anything else.
pub fn read(body: &str) -> Option<(String, String)> {
    let (length, rest) = body.split_once(':')?;
    let length: usize = length.parse().ok()?;
    if !rest.is_char_boundary(length) {
        return None;
    }
    let (name, text) = rest.split_at(length);
    Some((name.to_owned(), text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_file_comes_back_whole() {
        for (name, text) in [
            ("dmz.csv", "Year,Month\n2019,6\n"),
            ("12:34 notes.json", "{\"a\":\"1:2\"}"),
            ("ソウル年表.json", ""),
            ("", "text"),
        ] {
            assert_eq!(
                read(&body(name, text)),
                Some((name.to_owned(), text.to_owned()))
            );
        }
        assert_eq!(body("a.csv", "x"), "5:a.csvx");
    }

    #[test]
    fn other_bodies_are_not_misread() {
        for body in [
            "",
            "{\"name\":\"a\",\"text\":\"b\"}",
            "x:abc",
            "9:abc",
            "2:ソ",
        ] {
            assert_eq!(read(body), None, "{body}");
        }
    }
}
