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

#[cfg(test)]
mod tests {
    use super::*;

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
