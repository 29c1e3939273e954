//! Which drawing the timeline gets for the current view: single marks (packed rows, titles,
//! one link per event), or density strips when more events are in view than single marks
//! can carry (see [`super::density::DENSITY_THRESHOLD`]).

use super::density::{is_dense, layout_density, linked_bins, selected_marks, Bin, DensityLayout};
use super::marks::{
    layout_timeline, Chip, Geometry, LaneBand, Mark, TimelineInput, TimelineLayout,
};

/// What a density drawing still draws singly over its strips.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Singles {
    /// The selected event's marks and "Earlier" squares.
    pub marks: Vec<Mark>,
    pub chips: Vec<Chip>,
    /// The share of each bar lit by what another view hovers.
    pub lit_bins: Vec<Bin>,
}

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

    /// In density strips, the selected event is still drawn singly, and what another view
    /// hovers (`linked`, per event) lights its share of each bar, bounded by the bars however
    /// many events it is. Single marks need none of this.
    pub fn singles(
        &self,
        input: &TimelineInput,
        selected: Option<usize>,
        linked: &[bool],
    ) -> Singles {
        match self {
            Drawing::Density(layout) => {
                let (marks, chips) =
                    selected.map_or_else(Default::default, |e| selected_marks(input, layout, e));
                Singles {
                    marks,
                    chips,
                    lit_bins: linked_bins(input, layout, linked),
                }
            }
            Drawing::Marks(_) => Singles::default(),
        }
    }

    /// The rows (top, bottom) to scroll into view for the selected event: its marks' rows,
    /// or in density strips the lane its single mark is drawn in.
    pub fn selected_rows(
        &self,
        selected: Option<usize>,
        singles: &Singles,
        geometry: &Geometry,
    ) -> Option<(f64, f64)> {
        match self {
            Drawing::Marks(layout) => selected.and_then(|e| layout.event_rows(e, geometry)),
            Drawing::Density(layout) => singles.marks.first().map(|m| {
                let band = &layout.lanes[m.lane];
                (band.y, band.y + band.h)
            }),
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
        // The height holds every band.
        let last = drawing.lanes().last().unwrap();
        assert!(drawing.height() >= last.y + last.h - 1e-9);
    }

    #[test]
    fn a_selection_among_density_strips_is_drawn_singly_and_scrolled_to_by_its_lane() {
        let g = Geometry::default();
        let (x0, x1) = g.plot_range(900.0);
        let scale = TimeScale::with_default_domain(x0, x1);
        let large = crate::data::Catalog::new(data::synthetic::generate(4000, 7));
        let events: Vec<usize> = (0..large.events().len()).collect();
        let input = TimelineInput {
            catalog: &large,
            events: &events,
            in_window: &events,
            mode: LaneMode::Sides,
            scale: &scale,
            geometry: g,
        };
        let drawing = Drawing::of(&input);
        let e = events
            .iter()
            .copied()
            .find(|&e| scale.contains(f64::from(large.spans[e].start)))
            .unwrap();
        let mut linked = vec![false; events.len()];
        let singles = drawing.singles(&input, Some(e), &linked);
        assert!(!singles.marks.is_empty());
        assert!(singles.lit_bins.is_empty(), "nothing hovered, nothing lit");
        let band = &drawing.lanes()[singles.marks[0].lane];
        assert_eq!(
            drawing.selected_rows(Some(e), &singles, &g),
            Some((band.y, band.y + band.h))
        );
        linked[e] = true;
        assert!(!drawing.singles(&input, None, &linked).lit_bins.is_empty());
        assert_eq!(drawing.selected_rows(None, &Singles::default(), &g), None);
    }

    #[test]
    fn single_marks_scroll_to_the_selected_events_rows() {
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
        let drawing = Drawing::of(&input);
        let Drawing::Marks(layout) = &drawing else {
            panic!("the chronicle gets single marks");
        };
        let e = layout.marks[0].event;
        let singles = drawing.singles(&input, Some(e), &vec![true; events.len()]);
        assert_eq!(singles, Singles::default());
        let rows = drawing.selected_rows(Some(e), &singles, &g);
        assert_eq!(rows, layout.event_rows(e, &g));
        assert!(rows.is_some());
    }
}
