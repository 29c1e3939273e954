//! Reading the article's structure (sections, paragraphs, dated paragraphs) and a
//! fingerprint of its wording (hashed 8-word runs), so the dataset can be checked against
//! it. The fingerprint is committed as `tests/fixtures/article-index.json`: the checks run
//! on any machine, and the article's text itself is never part of the project.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Words per run: long enough that shared names do not count as copying.
pub const RUN_WORDS: usize = 8;

pub const HEADINGS: [&str; 4] = [
    "Korea: fog of war 60 years later",
    "Moscow’s “fresh start” with NATO and reset with US",
    "Wen’s business trip: through Russia to Central Asia",
    "Into 2011: A “reset” for the two Koreas?",
];
pub const INTRODUCTION: &str = "Introduction";
pub const CHRONOLOGY: &str = "Chronology";

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleIndex {
    /// Paragraph count of each section (entries, for the chronology).
    pub sections: BTreeMap<String, u32>,
    /// `(section, paragraph)` of every paragraph that names a day ("Nov. 23", "Dec. 6-20").
    pub dated_paragraphs: Vec<(String, u32)>,
    /// FNV-1a hashes (hex) of every run of [`RUN_WORDS`] normalised words.
    pub runs: Vec<String>,
}

/// Where the article is, if this machine has it.
pub fn article_path() -> Option<PathBuf> {
    let from_env = std::env::var_os("KOREA2010_ARTICLE").map(PathBuf::from);
    let beside =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/source/000_cf42a8b54a016396.txt");
    from_env.into_iter().chain([beside]).find(|p| p.is_file())
}

pub fn committed_index() -> ArticleIndex {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/article-index.json");
    let text =
        std::fs::read_to_string(&path).expect("tests/fixtures/article-index.json is committed");
    serde_json::from_str(&text).expect("the article index parses")
}

/// Splits the article into `(section, paragraphs)`.
pub fn sections(text: &str) -> Vec<(String, Vec<String>)> {
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut started = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !started {
            // The page furniture ends with the author's affiliation.
            started = line == "Wittenberg University";
            if started {
                sections.push((INTRODUCTION.to_owned(), Vec::new()));
            }
            continue;
        }
        if HEADINGS.contains(&line) {
            sections.push((line.to_owned(), Vec::new()));
            continue;
        }
        if is_chronology_entry(line) && sections.last().is_some_and(|s| s.0 != CHRONOLOGY) {
            sections.push((CHRONOLOGY.to_owned(), Vec::new()));
        }
        if let Some(section) = sections.last_mut() {
            section.1.push(line.to_owned());
        }
    }
    sections
}

/// Chronology lines start like "Nov. 14-15, 2010:".
fn is_chronology_entry(line: &str) -> bool {
    let Some((head, _)) = line.split_once(", 2010:") else {
        return false;
    };
    head.len() < 16 && ["Oct.", "Nov.", "Dec."].iter().any(|m| head.starts_with(m))
}

/// Whether a paragraph names a specific day of a month.
pub fn names_a_day(paragraph: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    words.windows(2).any(|pair| {
        MONTHS.contains(&pair[0]) && pair[1].chars().next().is_some_and(|c| c.is_ascii_digit())
    })
}

/// Lowercase alphanumeric words (apostrophes and quotes dropped).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn run_hashes(text: &str) -> Vec<u64> {
    let words = words(text);
    words
        .windows(RUN_WORDS)
        .map(|run| fnv1a(run.join(" ").as_bytes()))
        .collect()
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn index_of(text: &str) -> ArticleIndex {
    let sections = sections(text);
    let mut runs: Vec<u64> = sections
        .iter()
        .flat_map(|(_, ps)| ps.iter().flat_map(|p| run_hashes(p)))
        .collect();
    runs.sort_unstable();
    runs.dedup();
    ArticleIndex {
        sections: sections
            .iter()
            .map(|(name, ps)| (name.clone(), ps.len() as u32))
            .collect(),
        dated_paragraphs: sections
            .iter()
            .flat_map(|(name, ps)| {
                ps.iter()
                    .enumerate()
                    .filter(|(_, p)| names_a_day(p))
                    .map(move |(i, _)| (name.clone(), i as u32 + 1))
            })
            .collect(),
        runs: runs.iter().map(|h| format!("{h:016x}")).collect(),
    }
}
