//! Pointer gestures on the timeline, decided without the DOM: one pointer pans (or brushes,
//! on the brush band or with Shift), two pointers pinch-zoom, and a press that barely moves
//! stays a click so marks remain links. The wheel zooms around the pointer.

use super::brush::BrushDrag;

/// Movement (px) after which a press becomes a pan.
pub const DRAG_PX: f64 = 4.0;
/// Narrowest pinch (px) used for the zoom ratio, so fingers close together do not explode it.
const MIN_PINCH_PX: f64 = 24.0;

/// What a press is for, decided by where it lands and the modifier keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    Pan,
    Brush,
}

/// What the view should do in answer to a pointer event.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// The press turned into a drag: capture the pointer, and swallow the click that follows.
    DragStarted,
    /// Move the content by this many px (positive: content follows the pointer to the right).
    Pan(f64),
    Zoom {
        factor: f64,
        around: f64,
    },
    /// The brush's live extent in px, to draw while dragging.
    Brushing((f64, f64)),
    /// The brush was released: the final extent, or `None` when it was only a click or was
    /// cancelled (the window stays as it was).
    BrushEnd(Option<(f64, f64)>),
}

#[derive(Clone, Debug, PartialEq)]
enum Mode {
    Idle,
    Pan { last: f64, origin: f64 },
    Brush { pointer: i32, drag: BrushDrag },
    Pinch { span: f64, mid: f64 },
}

/// The state of the pointers pressed on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Gestures {
    pointers: Vec<(i32, f64)>,
    mode: Mode,
    dragged: bool,
}

impl Default for Gestures {
    fn default() -> Gestures {
        Gestures {
            pointers: Vec::new(),
            mode: Mode::Idle,
            dragged: false,
        }
    }
}

impl Gestures {
    /// A pointer `id` pressed at `x`. `window` is the current time window in px (for the
    /// brush's grips) and `plot` the plot's extent.
    pub fn down(
        &mut self,
        id: i32,
        x: f64,
        intent: Intent,
        window: Option<(f64, f64)>,
        plot: (f64, f64),
    ) -> Vec<Effect> {
        if !x.is_finite() {
            return Vec::new();
        }
        self.pointers.retain(|&(p, _)| p != id);
        self.pointers.push((id, x));
        match (self.pointers.len(), &self.mode) {
            (1, _) => {
                self.dragged = false;
                self.mode = match intent {
                    Intent::Pan => Mode::Pan { last: x, origin: x },
                    Intent::Brush => Mode::Brush {
                        pointer: id,
                        drag: BrushDrag::begin(x, window, plot),
                    },
                };
                Vec::new()
            }
            (2, Mode::Pan { .. } | Mode::Idle) => {
                let (span, mid) = self.pinch_measure();
                self.mode = Mode::Pinch { span, mid };
                let first = !self.dragged;
                self.dragged = true;
                if first {
                    vec![Effect::DragStarted]
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    /// Pointer `id` moved to `x`.
    pub fn moved(&mut self, id: i32, x: f64) -> Vec<Effect> {
        if !x.is_finite() {
            return Vec::new();
        }
        let Some(slot) = self.pointers.iter_mut().find(|(p, _)| *p == id) else {
            return Vec::new();
        };
        slot.1 = x;
        let mut effects = Vec::new();
        let (span_now, mid_now) = self.pinch_measure();
        match &mut self.mode {
            Mode::Idle => {}
            Mode::Pan { last, origin } => {
                if !self.dragged && (x - *origin).abs() >= DRAG_PX {
                    self.dragged = true;
                    effects.push(Effect::DragStarted);
                }
                if self.dragged {
                    effects.push(Effect::Pan(x - *last));
                    *last = x;
                }
            }
            Mode::Brush { pointer, drag } => {
                if *pointer == id {
                    if !self.dragged && !drag.is_click(x) {
                        self.dragged = true;
                        effects.push(Effect::DragStarted);
                    }
                    if self.dragged {
                        effects.push(Effect::Brushing(drag.extent(x)));
                    }
                }
            }
            Mode::Pinch { span, mid } => {
                effects.push(Effect::Pan(mid_now - *mid));
                effects.push(Effect::Zoom {
                    factor: span_now / *span,
                    around: mid_now,
                });
                *span = span_now;
                *mid = mid_now;
            }
        }
        effects
    }

    /// Pointer `id` released at `x`.
    pub fn up(&mut self, id: i32, x: f64) -> Vec<Effect> {
        let known = self.pointers.iter().any(|&(p, _)| p == id);
        self.pointers.retain(|&(p, _)| p != id);
        if !known {
            return Vec::new();
        }
        match &self.mode {
            Mode::Brush { pointer, drag } if *pointer == id => {
                let end = (self.dragged && x.is_finite()).then(|| drag.extent(x));
                self.mode = Mode::Idle;
                vec![Effect::BrushEnd(end)]
            }
            Mode::Pinch { .. } => {
                // The remaining finger keeps panning.
                self.mode = match self.pointers.first() {
                    Some(&(_, rest)) => Mode::Pan {
                        last: rest,
                        origin: rest,
                    },
                    None => Mode::Idle,
                };
                Vec::new()
            }
            _ => {
                if self.pointers.is_empty() {
                    self.mode = Mode::Idle;
                }
                Vec::new()
            }
        }
    }

    /// The gesture was interrupted (pointer cancelled, Escape): nothing is committed.
    pub fn cancel(&mut self) -> Vec<Effect> {
        let was_brushing = matches!(self.mode, Mode::Brush { .. });
        self.pointers.clear();
        self.mode = Mode::Idle;
        if was_brushing {
            vec![Effect::BrushEnd(None)]
        } else {
            Vec::new()
        }
    }

    /// Whether the last press turned into a drag (its click must not follow a link).
    pub fn dragged(&self) -> bool {
        self.dragged
    }

    /// Whether any pointer is pressed.
    pub fn active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// Horizontal distance and midpoint of the first two pointers.
    fn pinch_measure(&self) -> (f64, f64) {
        match self.pointers.as_slice() {
            [(_, a), (_, b), ..] => ((a - b).abs().max(MIN_PINCH_PX), (a + b) / 2.0),
            [(_, a)] => (MIN_PINCH_PX, *a),
            [] => (MIN_PINCH_PX, 0.0),
        }
    }
}

/// What a wheel event over the timeline does at pointer `x`: a mostly sideways swipe pans,
/// anything else zooms around the pointer. `ctrl` is set for trackpad pinches.
pub fn wheel(delta_x: f64, delta_y: f64, delta_mode: u32, ctrl: bool, x: f64) -> Effect {
    if delta_x.abs() > delta_y.abs() {
        Effect::Pan(wheel_pan(delta_x, delta_mode))
    } else {
        Effect::Zoom {
            factor: wheel_zoom(delta_y, delta_mode, ctrl),
            around: x,
        }
    }
}

/// The zoom factor for a wheel turn (`delta_mode` as the DOM gives it: 0 px, 1 lines,
/// 2 pages). Rolling towards the reader zooms out. `precise` is a trackpad pinch (the
/// browser reports it as a wheel with Ctrl held), whose deltas are small.
pub fn wheel_zoom(delta_y: f64, delta_mode: u32, precise: bool) -> f64 {
    if !delta_y.is_finite() {
        return 1.0;
    }
    let px = delta_y * wheel_unit(delta_mode);
    let sensitivity = if precise { 0.01 } else { 0.002 };
    (-px * sensitivity).exp().clamp(0.5, 2.0)
}

/// The pan (px) for a sideways wheel or trackpad swipe: swiping left shows later days.
pub fn wheel_pan(delta_x: f64, delta_mode: u32) -> f64 {
    if !delta_x.is_finite() {
        return 0.0;
    }
    -delta_x * wheel_unit(delta_mode)
}

fn wheel_unit(delta_mode: u32) -> f64 {
    match delta_mode {
        1 => 16.0,
        2 => 400.0,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: (f64, f64) = (100.0, 600.0);

    #[test]
    fn a_small_press_stays_a_click() {
        let mut g = Gestures::default();
        assert!(g.down(1, 300.0, Intent::Pan, None, PLOT).is_empty());
        assert!(g.moved(1, 302.0).is_empty());
        assert!(g.up(1, 302.0).is_empty());
        assert!(!g.dragged());
        assert!(!g.active());
    }

    #[test]
    fn a_drag_pans_by_each_step() {
        let mut g = Gestures::default();
        g.down(1, 300.0, Intent::Pan, None, PLOT);
        assert_eq!(g.moved(1, 310.0), [Effect::DragStarted, Effect::Pan(10.0)]);
        assert_eq!(g.moved(1, 305.0), [Effect::Pan(-5.0)]);
        g.up(1, 305.0);
        assert!(g.dragged());
        // The next press starts afresh.
        g.down(1, 100.0, Intent::Pan, None, PLOT);
        assert!(!g.dragged());
    }

    #[test]
    fn two_pointers_pinch_zoom_around_their_middle() {
        let mut g = Gestures::default();
        g.down(1, 200.0, Intent::Pan, None, PLOT);
        assert_eq!(
            g.down(2, 300.0, Intent::Pan, None, PLOT),
            [Effect::DragStarted]
        );
        let effects = g.moved(2, 400.0);
        assert_eq!(
            effects,
            [
                Effect::Pan(50.0),
                Effect::Zoom {
                    factor: 2.0,
                    around: 300.0
                }
            ]
        );
        // Lifting one finger leaves a pan with the other.
        g.up(2, 400.0);
        assert_eq!(g.moved(1, 190.0), [Effect::Pan(-10.0)]);
    }

    #[test]
    fn brushing_reports_the_extent_and_commits_on_release() {
        let mut g = Gestures::default();
        g.down(7, 200.0, Intent::Brush, None, PLOT);
        assert_eq!(
            g.moved(7, 260.0),
            [Effect::DragStarted, Effect::Brushing((200.0, 260.0))]
        );
        assert_eq!(g.up(7, 280.0), [Effect::BrushEnd(Some((200.0, 280.0)))]);
        // A click on the band changes nothing.
        g.down(7, 200.0, Intent::Brush, None, PLOT);
        assert_eq!(g.up(7, 201.0), [Effect::BrushEnd(None)]);
    }

    #[test]
    fn a_cancelled_brush_commits_nothing() {
        let mut g = Gestures::default();
        g.down(1, 200.0, Intent::Brush, Some((150.0, 250.0)), PLOT);
        g.moved(1, 230.0);
        assert_eq!(g.cancel(), [Effect::BrushEnd(None)]);
        assert!(g.up(1, 230.0).is_empty(), "a stale release is ignored");
        assert!(g.cancel().is_empty());
    }

    #[test]
    fn unknown_pointers_and_bad_positions_are_ignored() {
        let mut g = Gestures::default();
        assert!(g.moved(3, 10.0).is_empty());
        assert!(g.up(3, 10.0).is_empty());
        assert!(g.down(1, f64::NAN, Intent::Pan, None, PLOT).is_empty());
        assert!(!g.active());
        g.down(1, 100.0, Intent::Pan, None, PLOT);
        assert!(g.moved(1, f64::INFINITY).is_empty());
    }

    #[test]
    fn a_sideways_swipe_pans_and_a_roll_zooms_at_the_pointer() {
        assert_eq!(wheel(-40.0, 5.0, 0, false, 200.0), Effect::Pan(40.0));
        let Effect::Zoom { factor, around } = wheel(0.0, -100.0, 0, false, 200.0) else {
            panic!("a roll zooms");
        };
        assert!(factor > 1.0);
        assert_eq!(around, 200.0);
    }

    #[test]
    fn the_wheel_zooms_in_when_rolled_away() {
        assert!(wheel_zoom(-100.0, 0, false) > 1.0);
        assert!(wheel_zoom(100.0, 0, false) < 1.0);
        assert_eq!(wheel_zoom(3.0, 1, false), wheel_zoom(48.0, 0, false));
        assert_eq!(wheel_zoom(1.0e6, 0, false), 0.5);
        assert_eq!(wheel_zoom(f64::NAN, 0, false), 1.0);
        assert!(wheel_zoom(-10.0, 0, true) > wheel_zoom(-10.0, 0, false));
        assert_eq!(wheel_pan(30.0, 0), -30.0);
        assert_eq!(wheel_pan(f64::NAN, 0), 0.0);
    }
}
