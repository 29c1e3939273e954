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
        assert_eq!(visible_rows(-50.0, 280.0, 0.0, 3, 5), (0, 3));
        let (start, end) = visible_rows(500.0, 100.0, 28.0, 20, 2);
        assert!(start <= end && end <= 20);
    }
}
