//! Pointer gestures on the map — drag to pan, pinch to zoom, double-tap to zoom in — as a
//! small state machine fed with pointer events (mouse, pen and touch alike, which is what
//! Pointer Events give). The view forwards `pointerdown/move/up/cancel` and applies the
//! [`Response`]; everything it decides is here and tested natively.
//!
//! A press becomes a drag only after it moves [`DRAG_THRESHOLD`] px, and only then does the
//! view capture the pointer: a plain click on a mark must still reach the mark (with the
//! pointer captured by the map, the click would land on the map instead).

use super::viewport::Viewport;

/// Movement (px) after which a press is a drag rather than a click or tap.
pub const DRAG_THRESHOLD: f64 = 5.0;

/// Two taps at most this far apart in time (ms) and space (px) make a double tap.
pub const DOUBLE_TAP_MS: f64 = 350.0;
pub const DOUBLE_TAP_PX: f64 = 30.0;

/// Zoom factor of a double tap.
pub const DOUBLE_TAP_ZOOM: f64 = 2.0;

type Px = (f64, f64);

#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    id: i32,
    at: Px,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Idle,
    /// One pointer down, not yet moved far enough to drag.
    Pressed {
        start: Px,
        on_background: bool,
    },
    Dragging,
    Pinching {
        start_distance: f64,
        start_mid: Px,
        start_view: Viewport,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Tap {
    at: Px,
    time_ms: f64,
}

/// What the view should do after a pointer event.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Response {
    /// The new viewport, when it changed.
    pub view: Option<Viewport>,
    /// Capture the pointers now (a drag or pinch has begun).
    pub capture: bool,
    /// A press released without dragging on empty map (closes an open list).
    pub background_tap: bool,
}

/// The gesture state; one per map.
#[derive(Clone, Debug, PartialEq)]
pub struct Gestures {
    pointers: Vec<Pointer>,
    mode: Mode,
    last_tap: Option<Tap>,
}

impl Default for Gestures {
    fn default() -> Self {
        Gestures {
            pointers: Vec::new(),
            mode: Mode::Idle,
            last_tap: None,
        }
    }
}

fn finite((x, y): Px) -> bool {
    x.is_finite() && y.is_finite()
}

fn distance(a: Px, b: Px) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

fn midpoint(a: Px, b: Px) -> Px {
    ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
}

impl Gestures {
    /// True while a drag or pinch is in progress (the view may show a grabbing cursor).
    pub fn is_moving(&self) -> bool {
        matches!(self.mode, Mode::Dragging | Mode::Pinching { .. })
    }

    /// A pointer went down at `at` (px from the map's top-left). `on_background` is false
    /// when it landed on a mark, line or the event list, which handle their own clicks.
    pub fn down(&mut self, view: Viewport, id: i32, at: Px, on_background: bool) -> Response {
        if !finite(at) {
            return Response::default();
        }
        self.pointers.retain(|p| p.id != id);
        self.pointers.push(Pointer { id, at });
        match self.pointers.as_slice() {
            [_] => {
                self.mode = Mode::Pressed {
                    start: at,
                    on_background,
                }
            }
            [a, b, ..] => {
                let start_distance = distance(a.at, b.at);
                self.mode = Mode::Pinching {
                    start_distance,
                    start_mid: midpoint(a.at, b.at),
                    start_view: view,
                };
                self.last_tap = None;
                return Response {
                    capture: true,
                    ..Response::default()
                };
            }
            [] => {}
        }
        Response::default()
    }

    /// A pointer moved.
    pub fn moved(&mut self, view: Viewport, id: i32, at: Px) -> Response {
        if !finite(at) {
            return Response::default();
        }
        let Some(index) = self.pointers.iter().position(|p| p.id == id) else {
            return Response::default();
        };
        let previous = self.pointers[index].at;
        self.pointers[index].at = at;
        match self.mode {
            Mode::Pressed { start, .. } => {
                if distance(start, at) < DRAG_THRESHOLD {
                    return Response::default();
                }
                self.mode = Mode::Dragging;
                self.last_tap = None;
                Response {
                    view: Some(view.pan_by(at.0 - start.0, at.1 - start.1)),
                    capture: true,
                    background_tap: false,
                }
            }
            Mode::Dragging => Response {
                view: Some(view.pan_by(at.0 - previous.0, at.1 - previous.1)),
                ..Response::default()
            },
            Mode::Pinching {
                start_distance,
                start_mid,
                start_view,
            } => {
                let [a, b, ..] = self.pointers.as_slice() else {
                    return Response::default();
                };
                let ratio = if start_distance > 1.0 {
                    distance(a.at, b.at) / start_distance
                } else {
                    1.0
                };
                let mid = midpoint(a.at, b.at);
                // Zoom about where the fingers started, then follow their midpoint.
                let next = start_view
                    .zoom_to(start_view.zoom * ratio, start_mid)
                    .pan_by(mid.0 - start_mid.0, mid.1 - start_mid.1);
                Response {
                    view: Some(next),
                    ..Response::default()
                }
            }
            Mode::Idle => Response::default(),
        }
    }

    /// A pointer went up at time `time_ms` (`Event.timeStamp`).
    pub fn up(&mut self, view: Viewport, id: i32, time_ms: f64) -> Response {
        let Some(index) = self.pointers.iter().position(|p| p.id == id) else {
            return Response::default();
        };
        let released = self.pointers.remove(index);
        match self.mode {
            Mode::Pressed {
                on_background: true,
                ..
            } => {
                self.mode = Mode::Idle;
                let tap = Tap {
                    at: released.at,
                    time_ms,
                };
                let double = self.last_tap.is_some_and(|last| {
                    let dt = time_ms - last.time_ms;
                    (0.0..=DOUBLE_TAP_MS).contains(&dt)
                        && distance(last.at, tap.at) <= DOUBLE_TAP_PX
                });
                if double {
                    self.last_tap = None;
                    return Response {
                        view: Some(view.zoom_at(DOUBLE_TAP_ZOOM, tap.at)),
                        ..Response::default()
                    };
                }
                self.last_tap = Some(tap);
                Response {
                    background_tap: true,
                    ..Response::default()
                }
            }
            Mode::Pinching { .. } => {
                // One finger lifted: the other keeps dragging, without a jump.
                self.mode = if self.pointers.is_empty() {
                    Mode::Idle
                } else {
                    Mode::Dragging
                };
                Response::default()
            }
            _ => {
                self.mode = if self.pointers.is_empty() {
                    Mode::Idle
                } else {
                    self.mode
                };
                Response::default()
            }
        }
    }

    /// The browser took the pointer away (a scroll, the window lost focus).
    pub fn cancel(&mut self, id: i32) {
        self.pointers.retain(|p| p.id != id);
        if self.pointers.is_empty() {
            self.mode = Mode::Idle;
        } else if matches!(self.mode, Mode::Pinching { .. }) {
            self.mode = Mode::Dragging;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::viewport::Preset;
    use super::*;

    fn view() -> Viewport {
        Viewport::preset(Preset::NortheastAsia, 800.0, 400.0)
    }

    #[test]
    fn a_small_press_is_a_tap_not_a_drag() {
        let mut g = Gestures::default();
        let vp = view();
        g.down(vp, 1, (100.0, 100.0), true);
        let r = g.moved(vp, 1, (102.0, 101.0));
        assert_eq!(r, Response::default());
        let up = g.up(vp, 1, 1000.0);
        assert!(up.background_tap);
        assert!(up.view.is_none());
        assert!(!g.is_moving());
    }

    #[test]
    fn a_tap_on_a_mark_is_left_to_the_mark() {
        let mut g = Gestures::default();
        let vp = view();
        g.down(vp, 1, (100.0, 100.0), false);
        assert_eq!(g.up(vp, 1, 10.0), Response::default());
    }

    #[test]
    fn dragging_pans_with_the_pointer_and_captures_it() {
        let mut g = Gestures::default();
        let mut vp = view();
        let probe = vp.screen_to_map((300.0, 200.0));
        g.down(vp, 7, (300.0, 200.0), false);
        let first = g.moved(vp, 7, (320.0, 200.0));
        assert!(first.capture, "capture starts with the drag");
        vp = first.view.unwrap();
        let second = g.moved(vp, 7, (340.0, 230.0));
        assert!(!second.capture);
        vp = second.view.unwrap();
        let (x, y) = vp.map_to_screen(probe);
        assert!((x - 340.0).abs() < 1e-9 && (y - 230.0).abs() < 1e-9);
        assert!(g.is_moving());
        let up = g.up(vp, 7, 50.0);
        assert!(!up.background_tap, "a drag is not a tap");
        assert!(!g.is_moving());
    }

    #[test]
    fn pinching_zooms_about_the_fingers() {
        let mut g = Gestures::default();
        let vp = view();
        let probe = vp.screen_to_map((400.0, 200.0));
        g.down(vp, 1, (350.0, 200.0), true);
        let second = g.down(vp, 2, (450.0, 200.0), true);
        assert!(second.capture);
        g.moved(vp, 1, (300.0, 200.0));
        let r = g.moved(vp, 2, (500.0, 200.0));
        let zoomed = r.view.unwrap();
        assert!((zoomed.zoom / vp.zoom - 2.0).abs() < 1e-9);
        let (x, y) = zoomed.map_to_screen(probe);
        assert!((x - 400.0).abs() < 1e-6 && (y - 200.0).abs() < 1e-6);
        // Lifting one finger neither jumps nor counts as a tap.
        let up = g.up(zoomed, 1, 100.0);
        assert_eq!(up, Response::default());
        let drag = g.moved(zoomed, 2, (510.0, 200.0)).view.unwrap();
        assert!((drag.zoom - zoomed.zoom).abs() < 1e-12);
        let (x2, _) = drag.map_to_screen(probe);
        assert!((x2 - 410.0).abs() < 1e-6);
    }

    #[test]
    fn a_double_tap_zooms_in_where_it_landed() {
        let mut g = Gestures::default();
        let vp = view();
        g.down(vp, 1, (200.0, 150.0), true);
        g.up(vp, 1, 1000.0);
        g.down(vp, 2, (205.0, 152.0), true);
        let r = g.up(vp, 2, 1200.0);
        let zoomed = r.view.expect("double tap zooms");
        assert!((zoomed.zoom / vp.zoom - DOUBLE_TAP_ZOOM).abs() < 1e-9);
        // A third tap right after starts a new pair instead of zooming again.
        g.down(zoomed, 3, (205.0, 152.0), true);
        assert!(g.up(zoomed, 3, 1300.0).view.is_none());
    }

    #[test]
    fn slow_or_distant_taps_are_not_a_double_tap() {
        let mut g = Gestures::default();
        let vp = view();
        g.down(vp, 1, (200.0, 150.0), true);
        g.up(vp, 1, 1000.0);
        g.down(vp, 1, (200.0, 150.0), true);
        assert!(g.up(vp, 1, 1000.0 + DOUBLE_TAP_MS + 1.0).view.is_none());
        g.down(vp, 1, (300.0, 150.0), true);
        assert!(g.up(vp, 1, 1100.0 + DOUBLE_TAP_MS).view.is_none());
    }

    #[test]
    fn unknown_pointers_and_bad_input_are_ignored() {
        let mut g = Gestures::default();
        let vp = view();
        assert_eq!(g.moved(vp, 9, (1.0, 1.0)), Response::default());
        assert_eq!(g.up(vp, 9, 0.0), Response::default());
        assert_eq!(g.down(vp, 1, (f64::NAN, 0.0), true), Response::default());
        g.down(vp, 1, (10.0, 10.0), true);
        g.cancel(1);
        assert!(!g.is_moving());
        assert_eq!(g.moved(vp, 1, (100.0, 100.0)), Response::default());
    }
}
