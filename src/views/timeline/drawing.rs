//! Which drawing the timeline gets for the current view: single marks (packed rows, titles,
//! one link per event), or density strips when more events are in view than single marks
//! can carry (see [`super::density::DENSITY_THRESHOLD`]).

use super::density::{is_dense, layout_density, DensityLayout};
use super::marks::{layout_timeline, LaneBand, TimelineInput, TimelineLayout};

#[derive(Clone, Debug, PartialEq)]
pub enum Drawing {
    Marks(TimelineLayout),
    Density(DensityLayout),
}

impl Drawing {
    /// Decides and lays out; only the chosen layout's work is done.
    pub fn of(input: &TimelineInput) -> Drawing {
        if is_dense(input) {
            Drawing::Density(layout_density(input))
        } else {
            Drawing::Marks(layout_timeline(input))
        }
    }

    pub fn lanes(&self) -> &[LaneBand] {
        match self {
            Drawing::Marks(layout) => &layout.lanes,
            Drawing::Density(layout) => &layout.lanes,
        }
    }

    /// Horizontal extent of the plot.
    pub fn plot(&self) -> (f64, f64) {
        match self {
            Drawing::Marks(layout) => layout.plot,
            Drawing::Density(layout) => layout.plot,
        }
    }

    /// Horizontal extent of the "Earlier" strip.
    pub fn earlier(&self) -> (f64, f64) {
        match self {
            Drawing::Marks(layout) => layout.earlier,
            Drawing::Density(layout) => layout.earlier,
        }
    }

    /// Total height of the lane bands.
    pub fn height(&self) -> f64 {
        match self {
            Drawing::Marks(layout) => layout.height,
            Drawing::Density(layout) => layout.height,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use crate::layout::time::TimeScale;
    use crate::views::timeline::{Geometry, LaneMode};

    #[test]
    fn the_chronicle_gets_single_marks_and_a_large_dataset_density_strips() {
        let g = Geometry::default();
        let (x0, x1) = g.plot_range(900.0);
        let scale = TimeScale::with_default_domain(x0, x1);
        let small = data::load_embedded().unwrap();
        let events: Vec<usize> = (0..small.events().len()).collect();
        let input = TimelineInput {
            catalog: &small,
            events: &events,
            in_window: &events,
            mode: LaneMode::Sides,
            scale: &scale,
            geometry: g,
        };
        assert_eq!(Drawing::of(&input), Drawing::Marks(layout_timeline(&input)));
        let large = crate::data::Catalog::new(data::synthetic::generate(4000, 7));
        let events: Vec<usize> = (0..large.events().len()).collect();
        let input = TimelineInput {
            catalog: &large,
            events: &events,
            in_window: &events,
            ..input
        };
        let drawing = Drawing::of(&input);
        assert!(matches!(drawing, Drawing::Density(_)));
        assert_eq!(drawing.lanes().len(), 6);
        assert_eq!(drawing.plot(), (x0, x1));
        assert!(drawing.height() <= 6.0 * super::super::density::DENSITY_LANE_H);
    }
}
