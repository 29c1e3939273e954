//! Zoom and pan of the network drawing: a scale `k` and a translation mapping layout px to
//! screen px (`screen = layout · k + t`), with d3-zoom's conventions for the wheel.
//! Screen coordinates are CSS px from the SVG's top-left corner.

use crate::layout::{Point, Rect};
use crate::url::NetAt;

/// Zoom limits: far enough out to see everything in a small view, far enough in to read
/// a crowded cluster.
pub const MIN_K: f64 = 0.1;
pub const MAX_K: f64 = 4.0;
/// Zoom step of the + and − buttons.
pub const BUTTON_FACTOR: f64 = 1.5;
/// Room kept around fitted content, in screen px.
pub const FIT_PADDING: f64 = 10.0;
/// How much of the content stays on screen however far it is dragged, in screen px.
const KEEP_ON_SCREEN: f64 = 40.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Size of the SVG in CSS px.
    pub width: f64,
    pub height: f64,
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
}

fn sane_size(v: f64) -> f64 {
    if v.is_finite() && v >= 1.0 {
        v
    } else {
        1.0
    }
}

impl Viewport {
    /// The view that shows all of `content` (layout px) centred, as large as fits.
    pub fn fit(content: Rect, width: f64, height: f64) -> Viewport {
        let (width, height) = (sane_size(width), sane_size(height));
        let room_w = (width - 2.0 * FIT_PADDING).max(1.0);
        let room_h = (height - 2.0 * FIT_PADDING).max(1.0);
        let k = if content.w > 0.0 && content.h > 0.0 {
            (room_w / content.w).min(room_h / content.h)
        } else {
            1.0
        };
        let k = if k.is_finite() {
            k.clamp(MIN_K, MAX_K)
        } else {
            1.0
        };
        let centre = content.center();
        Viewport {
            width,
            height,
            k,
            tx: width / 2.0 - centre.x * k,
            ty: height / 2.0 - centre.y * k,
        }
    }

    pub fn to_screen(&self, p: Point) -> Point {
        Point::new(p.x * self.k + self.tx, p.y * self.k + self.ty)
    }

    pub fn to_layout(&self, s: Point) -> Point {
        Point::new((s.x - self.tx) / self.k, (s.y - self.ty) / self.k)
    }

    /// The screen area, for clipping labels.
    pub fn screen(&self) -> Rect {
        Rect::new(0.0, 0.0, self.width, self.height)
    }

    /// Zooms by `factor` keeping the layout point under `screen` where it is (the pointer,
    /// or the centre for the buttons).
    pub fn zoom_at(self, factor: f64, screen: Point) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 || !screen.x.is_finite() || !screen.y.is_finite() {
            return self;
        }
        let k = (self.k * factor).clamp(MIN_K, MAX_K);
        let anchor = self.to_layout(screen);
        Viewport {
            k,
            tx: screen.x - anchor.x * k,
            ty: screen.y - anchor.y * k,
            ..self
        }
    }

    /// Zooms around the centre of the view.
    pub fn zoom_centre(self, factor: f64) -> Viewport {
        self.zoom_at(factor, Point::new(self.width / 2.0, self.height / 2.0))
    }

    pub fn pan_by(self, dx: f64, dy: f64) -> Viewport {
        if !dx.is_finite() || !dy.is_finite() {
            return self;
        }
        Viewport {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..self
        }
    }

    /// Keeps at least a strip of `content` on screen, so the network cannot be dragged
    /// out of sight.
    pub fn clamped(self, content: Rect) -> Viewport {
        let clamp_axis = |t: f64, lo: f64, hi: f64, size: f64| {
            let keep = KEEP_ON_SCREEN.min((hi - lo) * self.k).min(size);
            // Content spans [t + lo·k, t + hi·k] on screen.
            let min_t = keep - hi * self.k;
            let max_t = size - keep - lo * self.k;
            if min_t <= max_t {
                t.clamp(min_t, max_t)
            } else {
                (min_t + max_t) / 2.0
            }
        };
        Viewport {
            tx: clamp_axis(self.tx, content.x, content.right(), self.width),
            ty: clamp_axis(self.ty, content.y, content.bottom(), self.height),
            ..self
        }
    }

    /// Pans as little as possible so the layout point `p` is at least `margin` px inside
    /// the view (used when the keyboard moves focus to a node off screen).
    pub fn ensure_visible(self, p: Point, margin: f64) -> Viewport {
        let s = self.to_screen(p);
        let margin = margin.min(self.width / 2.0).min(self.height / 2.0).max(0.0);
        let shift = |v: f64, size: f64| {
            if v < margin {
                margin - v
            } else if v > size - margin {
                size - margin - v
            } else {
                0.0
            }
        };
        self.pan_by(shift(s.x, self.width), shift(s.y, self.height))
    }

    /// The centre (layout px) and scale as a link carries them (`netview=`).
    pub fn link(&self) -> NetAt {
        let centre = self.to_layout(Point::new(self.width / 2.0, self.height / 2.0));
        NetAt::new(centre.x, centre.y, self.k)
    }

    /// The view a link describes, in an SVG of `width` × `height` px.
    pub fn from_link(at: NetAt, width: f64, height: f64) -> Viewport {
        let (width, height) = (sane_size(width), sane_size(height));
        let k = at.scale();
        Viewport {
            width,
            height,
            k,
            tx: width / 2.0 - at.x() * k,
            ty: height / 2.0 - at.y() * k,
        }
    }

    /// The same view in an SVG of a new size, keeping the centre and the zoom.
    pub fn resize(self, width: f64, height: f64) -> Viewport {
        let (width, height) = (sane_size(width), sane_size(height));
        let centre = self.to_layout(Point::new(self.width / 2.0, self.height / 2.0));
        Viewport {
            width,
            height,
            tx: width / 2.0 - centre.x * self.k,
            ty: height / 2.0 - centre.y * self.k,
            ..self
        }
    }
}

/// How far (screen px) a pointer must move before a press becomes a drag rather than a
/// click on a node.
pub const DRAG_THRESHOLD: f64 = 4.0;

/// A pointer held down on the drawing: a click until it moves [`DRAG_THRESHOLD`] px, then
/// a pan that keeps the layout point under the pointer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drag {
    pub pointer: i32,
    start: Point,
    origin: Viewport,
    /// Whether it has become a pan (so the click that ends it must not open a node).
    pub panning: bool,
}

impl Drag {
    pub fn new(pointer: i32, start: Point, origin: Viewport) -> Drag {
        Drag {
            pointer,
            start,
            origin,
            panning: false,
        }
    }

    /// The view with the pointer at `at`, or `None` while the press is still a click.
    pub fn view_at(&mut self, at: Point, content: Rect) -> Option<Viewport> {
        let (dx, dy) = (at.x - self.start.x, at.y - self.start.y);
        if !self.panning && dx.hypot(dy) < DRAG_THRESHOLD {
            return None;
        }
        self.panning = true;
        Some(self.origin.pan_by(dx, dy).clamped(content))
    }
}

/// Zoom factor for a wheel event, as d3-zoom: `2^(−Δy · unit)` where the unit depends on
/// whether the delta is in pixels (0), lines (1) or pages (2).
pub fn wheel_factor(delta_y: f64, delta_mode: u32) -> f64 {
    let unit = match delta_mode {
        0 => 0.002,
        1 => 0.05,
        _ => 1.0,
    };
    let exponent = (-delta_y * unit).clamp(-2.0, 2.0);
    if exponent.is_finite() {
        2f64.powf(exponent)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-9
    }

    #[test]
    fn fit_centres_the_content_and_uses_the_tighter_axis() {
        let content = Rect::new(100.0, 50.0, 400.0, 200.0);
        let v = Viewport::fit(content, 220.0, 300.0);
        assert!(
            (v.k - 200.0 / 400.0).abs() < 1e-12,
            "width is the limit: {}",
            v.k
        );
        assert!(close(
            v.to_screen(content.center()),
            Point::new(110.0, 150.0)
        ));
        let left = v.to_screen(Point::new(content.x, content.y));
        assert!((left.x - FIT_PADDING).abs() < 1e-9);
    }

    #[test]
    fn a_tall_content_is_fitted_to_the_height() {
        let content = Rect::new(0.0, 0.0, 100.0, 400.0);
        let v = Viewport::fit(content, 300.0, 220.0);
        assert!(
            (v.k - 200.0 / 400.0).abs() < 1e-12,
            "height is the limit: {}",
            v.k
        );
        let top = v.to_screen(Point::new(content.x, content.y));
        let bottom = v.to_screen(Point::new(content.right(), content.bottom()));
        assert!((top.y - FIT_PADDING).abs() < 1e-9, "{top:?}");
        assert!(
            (bottom.y - (220.0 - FIT_PADDING)).abs() < 1e-9,
            "{bottom:?}"
        );
        assert!(close(
            v.to_screen(content.center()),
            Point::new(150.0, 110.0)
        ));
    }

    #[test]
    fn a_flat_content_is_shown_at_scale_one_not_blown_up_to_the_width() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 10.0, 0.0), 800.0, 600.0);
        assert_eq!(v.k, 1.0);
    }

    #[test]
    fn fit_survives_degenerate_input() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 0.0, 0.0), f64::NAN, -5.0);
        assert_eq!((v.width, v.height, v.k), (1.0, 1.0, 1.0));
        let v = Viewport::fit(Rect::new(0.0, 0.0, 1e9, 1e9), 300.0, 300.0);
        assert_eq!(v.k, MIN_K);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 500.0, 500.0), 250.0, 250.0);
        let pointer = Point::new(60.0, 180.0);
        let under = v.to_layout(pointer);
        let z = v.zoom_at(2.0, pointer);
        assert!((z.k - 2.0 * v.k).abs() < 1e-12);
        assert!(close(z.to_screen(under), pointer));
        assert_eq!(v.zoom_at(f64::NAN, pointer), v);
        assert_eq!(v.zoom_at(0.0, pointer), v);
    }

    #[test]
    fn zoom_is_limited() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 100.0, 100.0), 100.0, 100.0);
        assert_eq!(v.zoom_centre(1e6).k, MAX_K);
        assert_eq!(v.zoom_centre(1e-6).k, MIN_K);
    }

    #[test]
    fn screen_and_layout_round_trip() {
        let v =
            Viewport::fit(Rect::new(-30.0, 10.0, 300.0, 120.0), 240.0, 320.0).pan_by(13.0, -7.0);
        let p = Point::new(42.0, -17.5);
        assert!(close(v.to_layout(v.to_screen(p)), p));
    }

    #[test]
    fn the_content_cannot_be_dragged_out_of_sight() {
        let content = Rect::new(0.0, 0.0, 400.0, 400.0);
        let v = Viewport::fit(content, 200.0, 200.0);
        let far = v.pan_by(10_000.0, -10_000.0).clamped(content);
        let top_left = far.to_screen(Point::new(content.x, content.y));
        let bottom_right = far.to_screen(Point::new(content.right(), content.bottom()));
        assert!(top_left.x <= 200.0 - KEEP_ON_SCREEN + 1e-9);
        assert!(bottom_right.y >= KEEP_ON_SCREEN - 1e-9);
        // A small pan stays as it is.
        let near = v.pan_by(5.0, 5.0);
        assert_eq!(near.clamped(content), near);
    }

    #[test]
    fn a_network_as_wide_as_a_narrow_view_is_dragged_back_to_fill_it() {
        // The content is exactly as wide as the view at this zoom, so the strip kept on
        // screen is all of it: however far it is dragged, it comes back to fill the view
        // (whatever the rounding of its edges).
        for k in [0.2, 1.1, 2.2] {
            for i in 0..200 {
                let content = Rect::new(i as f64 * 0.7 - 60.0, 0.0, 40.0 / k, 300.0);
                for tx in [-1e4, 1e4] {
                    let v = Viewport {
                        width: 40.0,
                        height: 400.0,
                        k,
                        tx,
                        ty: 0.0,
                    }
                    .clamped(content);
                    let left = v.to_screen(Point::new(content.x, 0.0)).x;
                    let right = v.to_screen(Point::new(content.right(), 0.0)).x;
                    assert!(
                        left.abs() < 1e-9 && (right - 40.0).abs() < 1e-9,
                        "{content:?} {v:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ensure_visible_pans_only_as_needed() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 100.0, 100.0), 200.0, 200.0).zoom_centre(4.0);
        let inside = v.to_layout(Point::new(100.0, 100.0));
        assert_eq!(v.ensure_visible(inside, 20.0), v);
        let outside = v.to_layout(Point::new(-50.0, 260.0));
        let moved = v.ensure_visible(outside, 20.0);
        assert!(close(moved.to_screen(outside), Point::new(20.0, 180.0)));
        // A margin wider than half the view's height is cut to it: the point is centred
        // vertically, on a short wide view.
        let short = Viewport::fit(Rect::new(0.0, 0.0, 100.0, 100.0), 400.0, 100.0).zoom_centre(4.0);
        let below = short.to_layout(Point::new(200.0, 300.0));
        let moved = short.ensure_visible(below, 80.0);
        assert!(
            close(moved.to_screen(below), Point::new(200.0, 50.0)),
            "{:?}",
            moved.to_screen(below)
        );
    }

    #[test]
    fn a_view_and_its_link_agree() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 500.0, 300.0), 400.0, 300.0)
            .zoom_at(2.5, Point::new(100.0, 80.0))
            .pan_by(-33.0, 12.0);
        let at = v.link();
        let centre = v.to_layout(Point::new(200.0, 150.0));
        assert!((at.x() - centre.x).abs() <= 0.05 && (at.y() - centre.y).abs() <= 0.05);
        assert!((at.scale() - v.k).abs() <= 0.0005);
        let back = Viewport::from_link(at, 400.0, 300.0);
        assert_eq!(
            (back.width, back.height, back.k),
            (400.0, 300.0, at.scale())
        );
        assert!(close(
            back.to_screen(Point::new(at.x(), at.y())),
            Point::new(200.0, 150.0)
        ));
        assert_eq!(back.link(), at, "a link read back is the same link");
        // Another size keeps the centre and the scale.
        let wide = Viewport::from_link(at, 900.0, 500.0);
        assert!(close(
            wide.to_screen(Point::new(at.x(), at.y())),
            Point::new(450.0, 250.0)
        ));
        assert_eq!(Viewport::from_link(at, f64::NAN, 0.0).width, 1.0);
    }

    #[test]
    fn the_links_scale_limits_are_the_networks() {
        assert_eq!(crate::url::NET_SCALE, (MIN_K, MAX_K));
    }

    #[test]
    fn resizing_keeps_the_centre() {
        let v = Viewport::fit(Rect::new(0.0, 0.0, 100.0, 100.0), 200.0, 200.0);
        let centre = v.to_layout(Point::new(100.0, 100.0));
        let r = v.resize(400.0, 300.0);
        assert!(close(r.to_screen(centre), Point::new(200.0, 150.0)));
        assert_eq!(r.k, v.k);
        // Labels are kept within the new size, not the old one.
        assert_eq!((r.width, r.height), (400.0, 300.0));
        assert_eq!(r.screen(), Rect::new(0.0, 0.0, 400.0, 300.0));
        // And the same view resized back is where it was.
        let back = r.resize(200.0, 200.0);
        assert!(close(back.to_screen(centre), Point::new(100.0, 100.0)));
        assert_eq!((back.width, back.height), (200.0, 200.0));
    }

    #[test]
    fn a_press_becomes_a_pan_only_after_moving() {
        let content = Rect::new(0.0, 0.0, 300.0, 300.0);
        let v = Viewport::fit(content, 200.0, 200.0).zoom_centre(3.0);
        let mut drag = Drag::new(1, Point::new(50.0, 50.0), v);
        assert_eq!(drag.view_at(Point::new(52.0, 51.0), content), None);
        assert!(!drag.panning);
        let moved = drag.view_at(Point::new(70.0, 40.0), content).unwrap();
        assert!(drag.panning);
        assert!((moved.tx - v.tx - 20.0).abs() < 1e-9 && (moved.ty - v.ty + 10.0).abs() < 1e-9);
        // Once panning, even small moves pan (back to the start here).
        let back = drag.view_at(Point::new(51.0, 50.0), content).unwrap();
        assert!((back.tx - v.tx - 1.0).abs() < 1e-9);
    }

    #[test]
    fn wheel_follows_d3() {
        assert!((wheel_factor(-500.0, 0) - 2.0).abs() < 1e-12);
        assert!((wheel_factor(20.0, 1) - 0.5).abs() < 1e-12);
        assert_eq!(wheel_factor(0.0, 0), 1.0);
        assert_eq!(wheel_factor(f64::NAN, 0), 1.0);
        assert!(
            wheel_factor(1e9, 0) >= 0.25,
            "one event never zooms more than 4×"
        );
    }
}
