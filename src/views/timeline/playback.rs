//! Playback: a window of a week (or the reader's own window) moving through the chronicle's
//! period (`data::period`: the article's quarter), so the map and the actors replay the story. With reduced motion the window jumps a whole
//! window at a time, less often, instead of sliding day by day.

use crate::data::Period;

/// Days in the window when the reader has not chosen one.
pub const DEFAULT_WINDOW_DAYS: i32 = 7;
/// Longest window of the reader's own that playback keeps; a longer one would barely move.
pub const MAX_WINDOW_DAYS: i32 = 31;

/// How fast the window moves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speed {
    Slow,
    #[default]
    Normal,
    Fast,
}

impl Speed {
    pub const ALL: [Speed; 3] = [Speed::Slow, Speed::Normal, Speed::Fast];

    pub fn id(self) -> &'static str {
        match self {
            Speed::Slow => "slow",
            Speed::Normal => "normal",
            Speed::Fast => "fast",
        }
    }

    pub fn from_id(id: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Speed::Slow => "1 day every 2 s",
            Speed::Normal => "1 day per second",
            Speed::Fast => "2 days per second",
        }
    }

    /// Milliseconds per day of story.
    pub fn ms_per_day(self) -> u32 {
        match self {
            Speed::Slow => 2000,
            Speed::Normal => 1000,
            Speed::Fast => 500,
        }
    }
}

/// How the timer runs: every `interval_ms`, the window moves `step_days`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub interval_ms: u32,
    pub step_days: i32,
}

/// Day by day, or (reduced motion) a window's length at a time at the same average pace.
pub fn plan(speed: Speed, reduced_motion: bool, window_days: i32) -> Plan {
    let step_days = if reduced_motion {
        window_days.clamp(1, MAX_WINDOW_DAYS)
    } else {
        1
    };
    Plan {
        interval_ms: speed.ms_per_day() * step_days as u32,
        step_days,
    }
}

/// The period playback moves through, as inclusive day numbers `(first, last)`.
pub fn days_of(period: Period) -> (i32, i32) {
    (period.focus.0, period.focus.1 - 1)
}

/// The window (inclusive day numbers) playback starts from. A window the reader set inside
/// the quarter is continued (unless it already reached the end); otherwise a week from the
/// quarter's first day.
pub fn first_window(current: Option<(i32, i32)>, quarter: (i32, i32)) -> (i32, i32) {
    let week = (quarter.0, quarter.0 + DEFAULT_WINDOW_DAYS - 1);
    match current {
        Some((from, to))
            if from >= quarter.0
                && to <= quarter.1
                && from <= to
                && to < quarter.1
                && to - from < MAX_WINDOW_DAYS =>
        {
            (from, to)
        }
        Some((from, to)) if from <= to && to - from < MAX_WINDOW_DAYS && from < quarter.0 => {
            (quarter.0, quarter.0 + (to - from))
        }
        _ => week,
    }
}

/// The window after `current`, `step` days later, stopping flush with the quarter's end;
/// `None` once the window has reached it (playback is over).
pub fn next_window(current: (i32, i32), step: i32, quarter: (i32, i32)) -> Option<(i32, i32)> {
    let (from, to) = current;
    if to >= quarter.1 || step <= 0 {
        return None;
    }
    let length = to - from;
    let to = (to + step).min(quarter.1);
    Some((to - length, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Date;

    fn day(text: &str) -> i32 {
        Date::parse(text).unwrap().to_days()
    }

    fn quarter() -> (i32, i32) {
        days_of(Period::default())
    }

    #[test]
    fn the_article_s_playback_runs_from_october_to_december() {
        assert_eq!(quarter(), (day("2010-10-01"), day("2010-12-31")));
        let catalog = crate::data::load_embedded().unwrap();
        assert_eq!(days_of(catalog.period), quarter());
    }

    #[test]
    fn playback_starts_with_the_first_week_or_the_readers_window() {
        let q = quarter();
        assert_eq!(
            first_window(None, q),
            (day("2010-10-01"), day("2010-10-07"))
        );
        let dec = (day("2010-12-09"), day("2010-12-17"));
        assert_eq!(first_window(Some(dec), q), dec);
        // A window at the end starts over; one that is too long is replaced by a week.
        let last = (day("2010-12-25"), day("2010-12-31"));
        assert_eq!(first_window(Some(last), q).0, day("2010-10-01"));
        let long = (day("2010-10-01"), day("2010-12-01"));
        assert_eq!(first_window(Some(long), q).1, day("2010-10-07"));
        // One reaching back before the quarter keeps its length from the first day.
        let early = (day("2010-09-28"), day("2010-10-02"));
        assert_eq!(
            first_window(Some(early), q),
            (day("2010-10-01"), day("2010-10-05"))
        );
        // Unless it is too long: then the first week too.
        let long_early = (day("2010-08-01"), day("2010-12-01"));
        assert_eq!(
            first_window(Some(long_early), q),
            (day("2010-10-01"), day("2010-10-07"))
        );
    }

    #[test]
    fn the_window_moves_until_it_reaches_the_end() {
        let q = quarter();
        let mut window = first_window(None, q);
        let mut steps = 0;
        while let Some(next) = next_window(window, 1, q) {
            assert_eq!(next.1 - next.0, 6, "the length is kept");
            assert_eq!(next.0, window.0 + 1);
            window = next;
            steps += 1;
        }
        assert_eq!(window, (day("2010-12-25"), day("2010-12-31")));
        assert_eq!(steps, 85);
        // Weekly jumps end flush with the quarter too.
        let jump = next_window((day("2010-12-20"), day("2010-12-26")), 7, q);
        assert_eq!(jump, Some((day("2010-12-25"), day("2010-12-31"))));
        assert_eq!(next_window(window, 0, q), None);
    }

    #[test]
    fn reduced_motion_jumps_a_window_at_a_time_at_the_same_pace() {
        assert_eq!(
            plan(Speed::Normal, false, 7),
            Plan {
                interval_ms: 1000,
                step_days: 1
            }
        );
        assert_eq!(
            plan(Speed::Normal, true, 7),
            Plan {
                interval_ms: 7000,
                step_days: 7
            }
        );
        assert_eq!(plan(Speed::Fast, true, 9).interval_ms, 4500);
        assert_eq!(plan(Speed::Slow, true, 0).step_days, 1);
    }

    #[test]
    fn speeds_round_trip_through_their_ids() {
        for speed in Speed::ALL {
            assert_eq!(Speed::from_id(speed.id()), Some(speed));
        }
        assert_eq!(Speed::from_id("warp"), None);
        assert!(Speed::Fast.ms_per_day() < Speed::Slow.ms_per_day());
    }
}
