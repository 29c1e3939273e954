//! Which rows of a long, fixed-row-height list are on screen, so only those are rendered.

/// Rows `[start, end)` visible in a viewport scrolled to `scroll_top`, plus `overscan`
/// rows either side so fast scrolling shows no gaps.
pub fn visible_rows(
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    total: usize,
    overscan: usize,
) -> (usize, usize) {
    if total == 0 || row_height <= 0.0 || !scroll_top.is_finite() || !viewport.is_finite() {
        return (0, total.min(overscan * 2));
    }
    let first = (scroll_top.max(0.0) / row_height).floor() as usize;
    let count = (viewport.max(0.0) / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(total);
    let end = (first + count + overscan).min(total);
    (start, end.max(start))
}

/// The shortest a row can be (one line of text and its padding), in px.
pub const SHORTEST_ROW: f64 = 32.0;
/// Rows drawn beyond those a screen could show.
const FIRST_ROWS_MARGIN: usize = 5;

/// How many of a list's `total` rows its first render draws, before the rest follow a
/// task later: as many as a screen `screen_height` px tall could show at the shortest row,
/// and at least down to the selected row (at `selected`) and a screenful below it, so
/// revealing it finds it in place. `None` for the screen's height (unknown) draws all.
pub fn first_rows(total: usize, screen_height: Option<f64>, selected: Option<usize>) -> usize {
    let Some(height) = screen_height.filter(|h| h.is_finite() && *h > 0.0) else {
        return total;
    };
    let screenful = (height / SHORTEST_ROW).ceil() as usize + FIRST_ROWS_MARGIN;
    let reach = selected.map_or(screenful, |position| position + 1 + screenful);
    reach.max(screenful).min(total)
}

/// Where to scroll a box of height `viewport` so a row at `top` (of `height`) is visible:
/// `None` when it already is; otherwise the row lands a third of the way down.
pub fn scroll_row_to_upper_third(
    top: f64,
    height: f64,
    scroll_top: f64,
    viewport: f64,
) -> Option<f64> {
    let visible = top >= scroll_top && top + height <= scroll_top + viewport;
    (!visible).then(|| (top - viewport / 3.0).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_render_draws_a_screenful_of_rows_then_the_rest() {
        // 800 px at 32 px a row: 25 rows, and 5 more.
        assert_eq!(first_rows(93, Some(800.0), None), 30);
        assert_eq!(first_rows(93, Some(1440.0), None), 50);
        assert_eq!(first_rows(12, Some(800.0), None), 12);
        assert_eq!(first_rows(0, Some(800.0), None), 0);
        // An unknown screen draws every row.
        assert_eq!(first_rows(93, None, None), 93);
        assert_eq!(first_rows(93, Some(f64::NAN), None), 93);
        assert_eq!(first_rows(93, Some(0.0), None), 93);
    }

    #[test]
    fn a_first_render_reaches_the_selected_row_and_a_screenful_below() {
        assert_eq!(first_rows(93, Some(800.0), Some(50)), 81);
        assert_eq!(first_rows(93, Some(800.0), Some(80)), 93);
        // A selected row on the first screen draws no more than the screenful.
        assert_eq!(first_rows(93, Some(800.0), Some(3)), 34);
        assert_eq!(first_rows(93, Some(800.0), Some(0)), 31);
    }

    #[test]
    fn reveals_rows_only_when_hidden() {
        assert_eq!(scroll_row_to_upper_third(100.0, 30.0, 0.0, 400.0), None);
        assert_eq!(
            scroll_row_to_upper_third(900.0, 30.0, 0.0, 300.0),
            Some(800.0)
        );
        assert_eq!(
            scroll_row_to_upper_third(10.0, 30.0, 500.0, 300.0),
            Some(0.0)
        );
        assert_eq!(
            scroll_row_to_upper_third(390.0, 30.0, 0.0, 400.0),
            Some(390.0 - 400.0 / 3.0)
        );
    }

    #[test]
    fn shows_the_rows_in_view_with_overscan() {
        assert_eq!(visible_rows(0.0, 280.0, 28.0, 10_000, 5), (0, 16));
        assert_eq!(visible_rows(2800.0, 280.0, 28.0, 10_000, 5), (95, 116));
        assert_eq!(visible_rows(1e9, 280.0, 28.0, 10_000, 5), (10_000, 10_000));
    }

    #[test]
    fn degenerate_inputs_stay_in_range() {
        assert_eq!(visible_rows(0.0, 280.0, 28.0, 0, 5), (0, 0));
        assert_eq!(visible_rows(f64::NAN, 280.0, 28.0, 3, 5), (0, 3));
        // An offset or a height that is not a number draws the first rows only.
        assert_eq!(visible_rows(f64::NAN, 280.0, 28.0, 100, 5), (0, 10));
        assert_eq!(visible_rows(0.0, f64::INFINITY, 28.0, 100, 5), (0, 10));
        assert_eq!(visible_rows(-50.0, 280.0, 0.0, 3, 5), (0, 3));
        let (start, end) = visible_rows(500.0, 100.0, 28.0, 20, 2);
        assert!(start <= end && end <= 20);
    }
}
