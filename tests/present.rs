//! Reader-facing wording on the real dataset: page titles, counts, numbers and languages.
#![cfg(not(target_arch = "wasm32"))]

use korea2010::data::{self, Date};
use korea2010::present::{
    format_number, heading, native_lang, page_title, range, shown_count, APP_TITLE,
};
use korea2010::url::Route;

const APP: &str = "Korea 2010: China and Russia, Oct–Dec 2010";

#[test]
fn the_page_title_names_what_is_open() {
    let catalog = data::load_embedded().unwrap();
    assert_eq!(page_title(&catalog, &Route::Overview, false), APP);
    let event = &catalog.events()[0];
    assert_eq!(
        page_title(&catalog, &Route::Event(event.id.clone()), false),
        format!("{} — {APP}", event.title)
    );
    assert_eq!(
        page_title(&catalog, &Route::Actor("russia".into()), false),
        format!("Russia — {APP}")
    );
    assert_eq!(
        page_title(&catalog, &Route::Place("beijing".into()), false),
        format!("Beijing — {APP}")
    );
    // A stale id names the app alone rather than nothing.
    assert_eq!(
        page_title(&catalog, &Route::Actor("nobody".into()), false),
        APP
    );
}

#[test]
fn a_readers_own_file_is_named_by_its_title() {
    let mut catalog = data::load_embedded().unwrap();
    assert_eq!(heading(&catalog, false), APP_TITLE);
    catalog.dataset.meta.title = "The Korean War, 1950–1953".into();
    assert_eq!(heading(&catalog, true), "The Korean War, 1950–1953");
    assert_eq!(heading(&catalog, false), APP_TITLE);
    let event = &catalog.events()[0];
    assert_eq!(
        page_title(&catalog, &Route::Event(event.id.clone()), true),
        format!("{} — The Korean War, 1950–1953", event.title)
    );
    assert_eq!(
        page_title(&catalog, &Route::Overview, true),
        "The Korean War, 1950–1953"
    );
    // A file without a title keeps the explorer's name.
    catalog.dataset.meta.title = " ".into();
    assert_eq!(heading(&catalog, true), APP_TITLE);
    assert_eq!(page_title(&catalog, &Route::Overview, true), APP);
}

#[test]
fn a_single_event_is_counted_in_the_singular() {
    assert_eq!(shown_count(1, 1), "All 1 event");
    assert_eq!(shown_count(0, 1), "0 of 1 event");
    assert_eq!(shown_count(0, 2), "0 of 2 events");
}

#[test]
fn thousands_are_separated_only_from_four_digits_on() {
    assert_eq!(format_number(0.0), "0");
    assert_eq!(format_number(999.0), "999");
    assert_eq!(format_number(1000.0), "1,000");
    assert_eq!(format_number(-999.0), "-999");
    assert_eq!(format_number(123456.0), "123,456");
    assert_eq!(format_number(1234567.0), "1,234,567");
    assert_eq!(format_number(999_999_999_999_999.0), "999,999,999,999,999");
    // From 10^15 on, the plain form (no separators).
    assert_eq!(format_number(1e15), "1000000000000000");
    assert_eq!(format_number(-2.5), "-2.5");
}

#[test]
fn each_script_gets_its_language() {
    assert_eq!(native_lang("ひらがな", None), "ja");
    assert_eq!(native_lang("カタカナ", Some("china")), "ja");
    assert_eq!(native_lang("मनमोहन सिंह", Some("india")), "hi");
    assert_eq!(native_lang("Ханчжоу", None), "ru");
    assert_eq!(native_lang("«温家宝»", None), "zh");
    assert_eq!(native_lang("ᄀ", None), "ko");
    assert_eq!(native_lang("", None), "und");
    assert_eq!(native_lang("123", Some("russia")), "und");
}

#[test]
fn ranges_do_not_repeat_the_shared_month_or_year() {
    let d = |s| Date::parse(s).unwrap();
    assert_eq!(range(d("2010-11-22"), d("2010-11-24")), "22–24 Nov 2010");
    assert_eq!(
        range(d("2010-11-28"), d("2010-12-01")),
        "28 Nov – 1 Dec 2010"
    );
    assert_eq!(
        range(d("2010-12-30"), d("2011-01-02")),
        "30 Dec 2010 – 2 Jan 2011"
    );
}
