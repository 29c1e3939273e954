//! The timeline's zoom and pan, kept as a reducer so that pointer moves arriving between
//! renders each apply to the latest scale. View state only: zoom is not shared in links,
//! the time window (the brush) is.

use std::rc::Rc;

use yew::prelude::*;

use crate::layout::time::TimeScale;
use crate::views::timeline::Geometry;

#[derive(Clone, Debug, PartialEq)]
pub struct ScaleState {
    pub scale: TimeScale,
    /// Width of the drawing in px, as last measured.
    pub width: f64,
}

impl Default for ScaleState {
    fn default() -> ScaleState {
        let (x0, x1) = Geometry::default().plot_range(0.0);
        ScaleState {
            scale: TimeScale::with_default_domain(x0, x1),
            width: 0.0,
        }
    }
}

pub enum ScaleAction {
    /// The drawing was measured at this width.
    Width(f64),
    Pan(f64),
    Zoom {
        factor: f64,
        around: f64,
    },
    /// Zoom around the middle of the plot (buttons and keys).
    ZoomCentre(f64),
    /// Show these days (half-open).
    Show(f64, f64),
    /// Back to the quarter.
    Reset,
}

impl Reducible for ScaleState {
    type Action = ScaleAction;

    fn reduce(self: Rc<Self>, action: ScaleAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ScaleAction::Width(width) => {
                if !width.is_finite() || width <= 0.0 || width == self.width {
                    return self;
                }
                let (x0, x1) = Geometry::default().plot_range(width);
                next.scale.set_range(x0, x1);
                next.width = width;
            }
            ScaleAction::Pan(dx) => next.scale.pan(dx),
            ScaleAction::Zoom { factor, around } => next.scale.zoom(factor, around),
            ScaleAction::ZoomCentre(factor) => {
                let (x0, x1) = next.scale.range();
                next.scale.zoom(factor, (x0 + x1) / 2.0);
            }
            ScaleAction::Show(start, end) => next.scale.set_domain(start, end),
            ScaleAction::Reset => next.scale.reset(),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
