//! Calendar dates without a date library: the dataset only needs civil dates and day counts.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses strict `YYYY-MM-DD` (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)? as u8;
        let day = digits(8..10)? as u8;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i32 {
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::to_days`]. Howard Hinnant's `civil_from_days`.
    pub fn from_days(days: i32) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i32::from(month <= 2);
        Date { year, month, day }
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// English month abbreviation, as the article writes dates ("Nov. 23").
    pub fn month_abbrev(self) -> &'static str {
        MONTH_ABBREVS[(self.month - 1) as usize]
    }

    /// Reader-facing form, e.g. "23 Nov 2010".
    pub fn display_long(self) -> String {
        format!("{} {} {}", self.day, self.month_abbrev(), self.year)
    }
}

const MONTH_ABBREVS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl fmt::Display for Date {
    /// ISO form `YYYY-MM-DD`, the form used in ids and URLs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_iso_dates() {
        let date = Date::parse("2010-11-23").unwrap();
        assert_eq!((date.year, date.month, date.day), (2010, 11, 23));
        assert_eq!(date.to_string(), "2010-11-23");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2010-13-45",
            "2010-02-29",
            "2010-11-31",
            "banana",
            "2010-1-05",
            "+010-01-01",
            "",
            // Ten characters with the right digits but one separator wrong.
            "2010-11x23",
            "2010x11-23",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2012-02-29").is_some());
        // Century years are leap years only every fourth century.
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2100-02-29").is_none());
    }

    #[test]
    fn day_numbers_round_trip_and_match_known_values() {
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(Date::parse("2010-11-23").unwrap().to_days(), 14_936);
        // Both ways, in and around other centuries (a round trip alone would accept a
        // 32nd day that counts the same).
        for (text, days) in [
            ("1950-06-25", -7_130),
            ("1900-03-01", -25_508),
            ("1899-12-31", -25_568),
            ("2100-02-28", 47_540),
            ("2100-03-01", 47_541),
            ("1600-01-01", -135_140),
            // The last day of a 400-year cycle.
            ("2000-02-29", 11_016),
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.to_days(), days, "{text}");
            assert_eq!(Date::from_days(days), date, "{days}");
        }
        for days in -800_000..800_000 {
            if days % 997 == 0 {
                assert_eq!(Date::from_days(days).to_days(), days);
            }
        }
    }

    #[test]
    fn weekday_of_the_shelling_was_a_tuesday() {
        assert_eq!(Date::parse("2010-11-23").unwrap().weekday(), 1);
    }
}
