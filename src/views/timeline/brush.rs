//! The brush: dragging out a time window on the band under the axis, or moving and resizing
//! the one the URL already has. Works in pixels; [`commit`] turns the result into dates.

use super::window::snap_window;
use crate::data::Date;
use crate::layout::time::TimeScale;

/// How close (px) to an edge of the current window a press grabs that edge.
pub const HANDLE_PX: f64 = 6.0;
/// Movement (px) below which a press counts as a click, not a drag.
pub const CLICK_PX: f64 = 3.0;

/// What a press on the band takes hold of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// Outside the current window: a new window is dragged out.
    New,
    /// Inside it: the window slides, keeping its length.
    Move,
    /// Its left edge.
    Start,
    /// Its right edge.
    End,
}

/// One drag on the band, from press to release.
#[derive(Clone, Debug, PartialEq)]
pub struct BrushDrag {
    grip: Grip,
    origin: f64,
    initial: (f64, f64),
    plot: (f64, f64),
}

/// `x` kept within `[lo, hi]` without panicking when the bounds are reversed or NaN.
fn clamp(x: f64, (lo, hi): (f64, f64)) -> f64 {
    x.max(lo).min(hi.max(lo))
}

fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

impl BrushDrag {
    /// A press at `x` with the current window drawn at `current` (px) on a plot `plot`.
    pub fn begin(x: f64, current: Option<(f64, f64)>, plot: (f64, f64)) -> BrushDrag {
        let grip = match current {
            Some((a, b)) if (x - a).abs() <= HANDLE_PX && (x - a).abs() <= (x - b).abs() => {
                Grip::Start
            }
            Some((_, b)) if (x - b).abs() <= HANDLE_PX => Grip::End,
            Some((a, b)) if x > a && x < b => Grip::Move,
            _ => Grip::New,
        };
        let origin = if grip == Grip::Move {
            x
        } else {
            clamp(x, plot)
        };
        BrushDrag {
            grip,
            origin,
            initial: current.unwrap_or((origin, origin)),
            plot,
        }
    }

    pub fn grip(&self) -> Grip {
        self.grip
    }

    /// The window (px, ordered) with the pointer at `x`. Edges stop at the plot's ends; a
    /// moved window keeps its length.
    pub fn extent(&self, x: f64) -> (f64, f64) {
        let (a, b) = self.initial;
        match self.grip {
            Grip::New => ordered(self.origin, clamp(x, self.plot)),
            Grip::Move => {
                let shifted = a + (x - self.origin);
                let start = clamp(shifted, (self.plot.0, self.plot.1 - (b - a)));
                (start, start + (b - a))
            }
            Grip::Start => ordered(clamp(x, self.plot), b),
            Grip::End => ordered(a, clamp(x, self.plot)),
        }
    }

    /// Whether the pointer at `x` has not moved far enough to be a drag.
    pub fn is_click(&self, x: f64) -> bool {
        !x.is_finite() || (x - self.origin).abs() < CLICK_PX
    }
}

/// The dates a brushed pixel range stands for, snapped to whole days.
pub fn commit(scale: &TimeScale, extent: (f64, f64)) -> Option<(Date, Date)> {
    snap_window(scale.day_at(extent.0), scale.day_at(extent.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: (f64, f64) = (100.0, 600.0);

    #[test]
    fn a_press_grabs_what_is_under_it() {
        let window = Some((200.0, 300.0));
        assert_eq!(BrushDrag::begin(150.0, window, PLOT).grip(), Grip::New);
        assert_eq!(BrushDrag::begin(250.0, window, PLOT).grip(), Grip::Move);
        assert_eq!(BrushDrag::begin(204.0, window, PLOT).grip(), Grip::Start);
        assert_eq!(BrushDrag::begin(297.0, window, PLOT).grip(), Grip::End);
        assert_eq!(BrushDrag::begin(250.0, None, PLOT).grip(), Grip::New);
        // A one-pixel window: the nearer edge wins, and the end is still reachable.
        assert_eq!(
            BrushDrag::begin(203.0, Some((200.0, 201.0)), PLOT).grip(),
            Grip::End
        );
    }

    #[test]
    fn a_new_window_follows_the_pointer_either_way_within_the_plot() {
        let drag = BrushDrag::begin(300.0, None, PLOT);
        assert_eq!(drag.extent(420.0), (300.0, 420.0));
        assert_eq!(drag.extent(250.0), (250.0, 300.0));
        assert_eq!(drag.extent(900.0), (300.0, 600.0));
        assert_eq!(drag.extent(-50.0), (100.0, 300.0));
    }

    #[test]
    fn moving_keeps_the_length_and_resizing_moves_one_edge() {
        let window = Some((200.0, 300.0));
        let slide = BrushDrag::begin(250.0, window, PLOT);
        assert_eq!(slide.extent(290.0), (240.0, 340.0));
        assert_eq!(slide.extent(1000.0), (500.0, 600.0));
        assert_eq!(slide.extent(-1000.0), (100.0, 200.0));
        let start = BrushDrag::begin(201.0, window, PLOT);
        assert_eq!(start.extent(150.0), (150.0, 300.0));
        assert_eq!(start.extent(350.0), (300.0, 350.0));
        let end = BrushDrag::begin(299.0, window, PLOT);
        assert_eq!(end.extent(400.0), (200.0, 400.0));
    }

    #[test]
    fn small_movements_are_clicks() {
        let drag = BrushDrag::begin(300.0, None, PLOT);
        assert!(drag.is_click(302.0));
        assert!(!drag.is_click(304.0));
        assert!(
            drag.is_click(f64::NAN),
            "an unusable position commits nothing"
        );
    }

    #[test]
    fn the_brushed_pixels_become_the_days_under_them() {
        let december_9 = f64::from(Date::parse("2010-12-09").unwrap().to_days());
        let scale = TimeScale::new(december_9 - 10.0, december_9 + 40.0, 100.0, 600.0);
        let (a, b) = (scale.x(december_9), scale.x(december_9 + 9.0));
        assert_eq!(
            commit(&scale, (a + 2.0, b - 2.0)),
            Some((
                Date::parse("2010-12-09").unwrap(),
                Date::parse("2010-12-17").unwrap()
            ))
        );
    }

    #[test]
    fn a_window_wider_than_the_plot_does_not_panic() {
        let drag = BrushDrag::begin(300.0, Some((0.0, 900.0)), PLOT);
        assert_eq!(drag.grip(), Grip::Move);
        let (a, b) = drag.extent(310.0);
        assert_eq!(b - a, 900.0);
    }
}
