//! Where a mark's event list (its tooltip) goes on screen: beside the mark, on the side with
//! room, never outside the map, and tall enough for its items up to the map's height (then
//! it scrolls). Sizes are fixed per item so the box is known before anything is rendered.

use crate::layout::{Point, Rect};

/// Preferred width, px.
pub const TIP_WIDTH: f64 = 290.0;
/// Heading line (place name, count, link to the place), px.
pub const TIP_HEADER: f64 = 30.0;
/// One event: a date line and a one-line title, px.
pub const TIP_ITEM: f64 = 38.0;
/// Inner padding, top and bottom together, px.
pub const TIP_PADDING: f64 = 10.0;
/// Space kept between the box and the map's edges, and between the box and its mark, px.
pub const TIP_MARGIN: f64 = 6.0;

/// The list's box and whether its content is taller than the box (so it scrolls).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TipBox {
    pub rect: Rect,
    pub scrolls: bool,
}

/// Content height for `items` events.
pub fn content_height(items: usize) -> f64 {
    TIP_HEADER + TIP_PADDING + items as f64 * TIP_ITEM
}

/// The box for a list of `items` events next to a mark of radius `r` at `mark`, on a map
/// of `width` × `height` px. It never covers its own mark (the mark must stay clickable to
/// close it): right of the mark, else left, else below or above, wherever there is more
/// room, shortened to fit (then it scrolls).
pub fn tip_box(mark: Point, r: f64, items: usize, width: f64, height: f64) -> TipBox {
    let width = if width.is_finite() {
        width.max(0.0)
    } else {
        0.0
    };
    let height = if height.is_finite() {
        height.max(0.0)
    } else {
        0.0
    };
    let w = TIP_WIDTH.min(width - 2.0 * TIP_MARGIN).max(0.0);
    let wanted = content_height(items);
    let (mx, my) = if mark.x.is_finite() && mark.y.is_finite() {
        (mark.x, mark.y)
    } else {
        (width / 2.0, height / 2.0)
    };
    let r = if r.is_finite() { r.max(0.0) } else { 0.0 };
    let clamp = |v: f64, lo: f64, hi: f64| v.clamp(lo, hi.max(lo));

    let right = mx + r + TIP_MARGIN;
    let left = mx - r - TIP_MARGIN - w;
    let side_x = if right + w <= width - TIP_MARGIN {
        Some(right)
    } else if left >= TIP_MARGIN {
        Some(left)
    } else {
        None
    };
    let (rect, room) = match side_x {
        Some(x) => {
            let room = (height - 2.0 * TIP_MARGIN).max(0.0);
            let h = wanted.min(room);
            let y = clamp(my - h / 2.0, TIP_MARGIN, height - TIP_MARGIN - h);
            (Rect::new(x, y, w, h), room)
        }
        None => {
            // A narrow map: above or below the mark, centred on it as far as the edges allow.
            let below_top = my + r + TIP_MARGIN;
            let room_below = (height - TIP_MARGIN - below_top).max(0.0);
            let room_above = (my - r - TIP_MARGIN - TIP_MARGIN).max(0.0);
            let x = clamp(mx - w / 2.0, TIP_MARGIN, width - TIP_MARGIN - w);
            if room_below >= room_above.min(wanted) {
                let h = wanted.min(room_below);
                (Rect::new(x, below_top, w, h), room_below)
            } else {
                let h = wanted.min(room_above);
                (Rect::new(x, my - r - TIP_MARGIN - h, w, h), room_above)
            }
        }
    };
    TipBox {
        rect,
        scrolls: wanted > room + 1e-9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: f64 = 800.0;
    const H: f64 = 360.0;

    fn inside(b: &TipBox) -> bool {
        Rect::new(0.0, 0.0, W, H).contains_rect(&b.rect)
    }

    #[test]
    fn goes_right_of_the_mark_when_there_is_room() {
        let b = tip_box(Point::new(100.0, 180.0), 8.0, 3, W, H);
        assert_eq!(b.rect.x, 100.0 + 8.0 + TIP_MARGIN);
        assert_eq!(b.rect.h, content_height(3));
        assert!(
            (b.rect.center().y - 180.0).abs() < 1e-9,
            "centred on the mark"
        );
        assert!(!b.scrolls);
        assert!(inside(&b));
    }

    #[test]
    fn the_box_is_full_width_unless_the_map_is_narrower() {
        let wide = tip_box(Point::new(100.0, 180.0), 8.0, 3, W, H);
        assert_eq!(wide.rect.w, TIP_WIDTH);
        let narrow = tip_box(Point::new(100.0, 60.0), 8.0, 3, 250.0, H);
        assert_eq!(narrow.rect.w, 250.0 - 2.0 * TIP_MARGIN);
        assert!(Rect::new(0.0, 0.0, 250.0, H).contains_rect(&narrow.rect));
    }

    #[test]
    fn flips_left_near_the_right_edge() {
        let b = tip_box(Point::new(760.0, 180.0), 8.0, 2, W, H);
        assert!(b.rect.right() <= 760.0 - 8.0);
        assert!(inside(&b));
        assert!(!covers(&b, Point::new(760.0, 180.0), 8.0));
    }

    #[test]
    fn stays_inside_vertically_and_scrolls_when_long() {
        let top = tip_box(Point::new(100.0, 2.0), 8.0, 2, W, H);
        assert_eq!(top.rect.y, TIP_MARGIN);
        let long = tip_box(Point::new(100.0, 300.0), 8.0, 40, W, H);
        assert!(long.scrolls);
        assert_eq!(long.rect.h, H - 2.0 * TIP_MARGIN);
        assert!(inside(&long));
    }

    fn covers(b: &TipBox, mark: Point, r: f64) -> bool {
        b.rect
            .intersects_circle(&crate::layout::Circle { center: mark, r })
    }

    #[test]
    fn on_a_narrow_map_it_goes_below_or_above_without_covering_the_mark() {
        let frame = Rect::new(0.0, 0.0, 340.0, 226.0);
        for (x, y) in [(150.0, 60.0), (150.0, 180.0), (20.0, 113.0), (330.0, 20.0)] {
            let mark = Point::new(x, y);
            let b = tip_box(mark, 10.0, 4, frame.w, frame.h);
            assert!(frame.contains_rect(&b.rect), "{b:?}");
            assert!(!covers(&b, mark, 10.0), "{b:?} covers {mark:?}");
            assert!(b.rect.h > 0.0);
        }
        let high = tip_box(Point::new(150.0, 60.0), 10.0, 4, 340.0, 226.0);
        assert!(high.rect.y > 60.0, "room below a mark near the top");
        let low = tip_box(Point::new(150.0, 180.0), 10.0, 4, 340.0, 226.0);
        assert!(low.rect.bottom() < 180.0, "above a mark near the bottom");
        assert!(low.scrolls, "shortened to the room above");
        // Above or below, the box is centred on the mark as far as the edges allow.
        let centred = tip_box(Point::new(170.0, 60.0), 10.0, 4, 340.0, 226.0);
        assert_eq!(centred.rect.center().x, 170.0);
        let right = tip_box(Point::new(300.0, 20.0), 10.0, 4, 340.0, 226.0);
        assert_eq!(right.rect.right(), 340.0 - TIP_MARGIN);
    }

    #[test]
    fn degenerate_input_gives_a_finite_box() {
        let tiny = tip_box(Point::new(f64::NAN, 0.0), f64::NAN, 3, 5.0, f64::NAN);
        assert!(tiny.rect.w >= 0.0 && tiny.rect.h >= 0.0);
        assert!(tiny.rect.x.is_finite() && tiny.rect.y.is_finite());
    }
}
