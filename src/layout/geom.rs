//! Minimal 2-D geometry shared by the placers: pixel points, axis-aligned rectangles and
//! circles. Kept tiny on purpose so the views can render the values directly as SVG attributes.

/// A point in pixels (SVG user units, y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// Euclidean distance, used by tests and by views that hit-test marks.
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// Axis-aligned rectangle given by its top-left corner and size (like an SVG `<rect>`).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Grows the rectangle by `margin` on every side (negative shrinks), so callers can ask
    /// for breathing room between labels without changing the stored geometry.
    pub fn inflate(&self, margin: f64) -> Rect {
        Rect::new(
            self.x - margin,
            self.y - margin,
            self.w + 2.0 * margin,
            self.h + 2.0 * margin,
        )
    }

    /// True when the interiors intersect; rectangles that merely touch do not overlap, so
    /// labels may sit edge to edge.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// True when `other` lies entirely inside `self` (edges may coincide).
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// Squared distance from `p` to the nearest point of the rectangle (0 inside).
    fn distance_sq_to(&self, p: Point) -> f64 {
        let dx = (self.x - p.x).max(0.0).max(p.x - self.right());
        let dy = (self.y - p.y).max(0.0).max(p.y - self.bottom());
        dx * dx + dy * dy
    }

    /// True when the rectangle's interior meets the open disc of `circle`; a label may touch
    /// a mark's outline but not cover any of it.
    pub fn intersects_circle(&self, circle: &Circle) -> bool {
        circle.r > 0.0 && self.distance_sq_to(circle.center) < circle.r * circle.r
    }
}

/// A disc: the drawn mark of a node, city or event.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Circle {
    pub center: Point,
    pub r: f64,
}

impl Circle {
    pub fn new(x: f64, y: f64, r: f64) -> Circle {
        Circle {
            center: Point::new(x, y),
            r,
        }
    }

    /// True when the open discs intersect (touching circles do not overlap).
    pub fn overlaps(&self, other: &Circle) -> bool {
        let reach = self.r + other.r;
        let dx = self.center.x - other.center.x;
        let dy = self.center.y - other.center.y;
        dx * dx + dy * dy < reach * reach
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_rectangles_do_not_overlap_but_intersecting_ones_do() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(!a.overlaps(&Rect::new(10.0, 0.0, 5.0, 5.0)));
        assert!(!a.overlaps(&Rect::new(0.0, 10.0, 5.0, 5.0)));
        assert!(a.overlaps(&Rect::new(9.9, 9.9, 5.0, 5.0)));
        assert!(
            a.overlaps(&Rect::new(2.0, 2.0, 1.0, 1.0)),
            "containment overlaps"
        );
    }

    #[test]
    fn rectangle_circle_intersection_uses_the_nearest_point() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        // Near the corner: the corner is ~1.41 away from (11, 11).
        assert!(!r.intersects_circle(&Circle::new(11.0, 11.0, 1.4)));
        assert!(r.intersects_circle(&Circle::new(11.0, 11.0, 1.5)));
        // Centre inside the rectangle.
        assert!(r.intersects_circle(&Circle::new(5.0, 5.0, 0.5)));
        // Zero-radius marks are points and never block.
        assert!(!r.intersects_circle(&Circle::new(5.0, 5.0, 0.0)));
    }

    #[test]
    fn inflate_and_contains() {
        let r = Rect::new(1.0, 1.0, 2.0, 2.0).inflate(1.0);
        assert_eq!(r, Rect::new(0.0, 0.0, 4.0, 4.0));
        assert!(r.contains_rect(&Rect::new(0.0, 1.0, 4.0, 3.0)));
        assert!(!r.contains_rect(&Rect::new(0.0, 1.0, 4.1, 3.0)));
        assert_eq!(r.center(), Point::new(2.0, 2.0));
    }

    #[test]
    fn circles_overlap_only_when_closer_than_their_radii() {
        let a = Circle::new(0.0, 0.0, 3.0);
        assert!(!a.overlaps(&Circle::new(5.0, 0.0, 2.0)));
        assert!(a.overlaps(&Circle::new(4.9, 0.0, 2.0)));
    }
}
