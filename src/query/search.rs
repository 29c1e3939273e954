//! Full-text search over titles, summaries, quotes, and the names (Latin and native
//! script) of an event's actors and places. Case- and diacritic-insensitive; every query
//! word must be the prefix of some word of the event, so results narrow as the reader types.

use std::cell::OnceCell;

use crate::data::{Catalog, Event};

/// Normalised words of each event, sorted and deduplicated for binary-search prefix lookup.
/// Built on the first search, not when a dataset opens: most readers never search, and
/// tokenizing 50k events costs a noticeable part of a second.
#[derive(Debug, Default)]
pub struct SearchIndex {
    words: OnceCell<Vec<Vec<String>>>,
}

impl SearchIndex {
    /// An index built now.
    pub fn new(catalog: &Catalog) -> SearchIndex {
        let index = SearchIndex::default();
        index.words(catalog);
        index
    }

    /// An index built on first use. It must only ever be asked about one catalog.
    pub fn lazy() -> SearchIndex {
        SearchIndex::default()
    }

    /// Whether event `index` of `catalog` matches every word of the (already tokenized)
    /// query.
    pub fn matches(&self, catalog: &Catalog, index: usize, query: &[String]) -> bool {
        let Some(words) = self.words(catalog).get(index) else {
            return false;
        };
        query.iter().all(|term| {
            let at = words.partition_point(|w| w.as_str() < term.as_str());
            words.get(at).is_some_and(|w| w.starts_with(term.as_str()))
        })
    }

    fn words(&self, catalog: &Catalog) -> &[Vec<String>] {
        self.words.get_or_init(|| {
            catalog
                .events()
                .iter()
                .map(|e| event_words(catalog, e))
                .collect()
        })
    }
}

fn event_words(catalog: &Catalog, event: &Event) -> Vec<String> {
    let mut text = String::new();
    let mut add = |part: &str| {
        text.push_str(part);
        text.push(' ');
    };
    add(&event.title);
    add(&event.summary);
    add(&event.id);
    for quote in &event.quotes {
        add(&quote.text);
    }
    let actors = event
        .participants
        .iter()
        .map(|p| p.actor.as_str())
        .chain(event.quotes.iter().map(|q| q.speaker.as_str()));
    for actor in actors.filter_map(|id| catalog.actor(id)) {
        add(&actor.name);
        add(actor.native_name.as_deref().unwrap_or(""));
        add(actor.title.as_deref().unwrap_or(""));
    }
    for place in event.places.iter().filter_map(|id| catalog.place(id)) {
        add(&place.name);
        add(place.native_name.as_deref().unwrap_or(""));
    }
    let mut words = tokenize(&text);
    words.sort_unstable();
    words.dedup();
    words
}

/// Splits text into lowercase, diacritic-free words. Letters of every script are kept
/// (Cyrillic, Hangul, CJK…); CJK ideographs are also indexed one by one, since Chinese
/// and Japanese do not separate words with spaces.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for ch in text.chars() {
        if is_cjk_ideograph(ch) {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            words.push(ch.to_string());
            continue;
        }
        if ch.is_alphanumeric() {
            for lower in ch.to_lowercase() {
                push_folded(&mut current, lower);
            }
        } else if !current.is_empty() && !matches!(ch, '\'' | '’') {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    // CJK runs also count as one word, so "温家宝" matches as a whole.
    let mut run = String::new();
    for ch in text.chars() {
        if is_cjk_ideograph(ch) {
            run.push(ch);
        } else if !run.is_empty() {
            if run.chars().count() > 1 {
                words.push(std::mem::take(&mut run));
            }
            run.clear();
        }
    }
    if run.chars().count() > 1 {
        words.push(run);
    }
    words
}

fn is_cjk_ideograph(ch: char) -> bool {
    matches!(ch as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Splits `text` into runs, marking the words that a query term is a prefix of, so the
/// list can highlight why an event matched. Matching uses the same folding as the index.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let terms = tokenize(query);
    if terms.is_empty() {
        return vec![(text.to_owned(), false)];
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, hit: bool| match runs.last_mut() {
        Some((last, last_hit)) if *last_hit == hit => last.push_str(piece),
        _ => runs.push((piece.to_owned(), hit)),
    };
    let mut word_start: Option<usize> = None;
    let flush = |start: usize, end: usize, push: &mut dyn FnMut(&str, bool)| {
        let word = &text[start..end];
        let mut folded = String::new();
        for ch in word.chars().flat_map(char::to_lowercase) {
            push_folded(&mut folded, ch);
        }
        let hit = terms.iter().any(|t| folded.starts_with(t.as_str()));
        push(word, hit);
    };
    for (at, ch) in text.char_indices() {
        let in_word = ch.is_alphanumeric() && !is_cjk_ideograph(ch);
        match (in_word, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(start)) => {
                flush(start, at, &mut push);
                word_start = None;
            }
            _ => {}
        }
        if !in_word {
            let hit = is_cjk_ideograph(ch) && terms.iter().any(|t| t.starts_with(ch));
            push(&text[at..at + ch.len_utf8()], hit);
        }
    }
    if let Some(start) = word_start {
        flush(start, text.len(), &mut push);
    }
    runs
}

/// Appends `ch` with its diacritics removed. The table covers the Latin letters found in
/// names (Šavrič, Süddeutsche, Rahmon) and Russian ё/й; other letters pass through as is.
fn push_folded(out: &mut String, ch: char) {
    let base = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ё' => "е",
        'й' => "и",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(base);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lazy_index_is_built_on_first_search_and_answers_like_an_eager_one() {
        let catalog = Catalog::new(crate::data::synthetic::generate(200, 11));
        let (eager, lazy) = (SearchIndex::new(&catalog), SearchIndex::lazy());
        assert!(lazy.words.get().is_none());
        let query = tokenize(&catalog.events()[17].title);
        let hits = |index: &SearchIndex| {
            (0..catalog.events().len())
                .filter(|&e| index.matches(&catalog, e, &query))
                .collect::<Vec<_>>()
        };
        assert!(hits(&lazy).contains(&17));
        assert_eq!(hits(&lazy), hits(&eager));
        assert!(lazy.words.get().is_some());
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(
            tokenize("Šavrič SÜDDEUTSCHE"),
            vec!["savric", "suddeutsche"]
        );
        assert_eq!(tokenize("Лавров, Сергей"), vec!["лавров", "сергеи"]);
        assert_eq!(tokenize("Wen’s 15th"), vec!["wens", "15th"]);
    }

    #[test]
    fn splits_cjk_into_characters_and_runs() {
        let words = tokenize("温家宝 visit");
        for expected in ["温", "家", "宝", "温家宝", "visit"] {
            assert!(
                words.iter().any(|w| w == expected),
                "{expected} in {words:?}"
            );
        }
    }

    #[test]
    fn highlights_words_the_query_is_a_prefix_of() {
        let runs = highlight("Lavrov calls Yang; Лавров", "lav лавр");
        assert_eq!(
            runs,
            vec![
                ("Lavrov".to_owned(), true),
                (" calls Yang; ".to_owned(), false),
                ("Лавров".to_owned(), true),
            ]
        );
        assert_eq!(
            highlight("Dushanbe", ""),
            vec![("Dushanbe".to_owned(), false)]
        );
        assert_eq!(highlight("Šavrič", "sav")[0], ("Šavrič".to_owned(), true));
    }

    #[test]
    fn hangul_words_stay_whole() {
        assert_eq!(tokenize("연평도 포격"), vec!["연평도", "포격"]);
    }
}
