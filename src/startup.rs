//! The explorer's first render in stages, one task each: the page's shell (the header, the
//! tabs, a selection's details, a wide screen's panels), then the views' frames, then, once
//! a frame is painted, the story over the map, then what a phone shows below its view. No
//! single task then holds the page for long: Lighthouse's total blocking time counts every
//! task's time past 50 ms, and a first render with everything in it was the longest task of
//! a first load (about two thirds of it the browser compiling the wasm functions it calls
//! for the first time). This module decides; `ui::startup` runs the stages.

/// How far the first render has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StartupStage {
    /// The page's shell, without the views.
    Shell,
    /// The views' frames. The map draws its basemap as soon as its frame's size is known.
    Views,
    /// The story over the map: lines, marks, labels.
    Story,
    /// On a phone's overview, the introduction in the details, below the view: a task of
    /// its own rather than the story's, the longest of the start-up.
    Introduction,
    /// A phone's filter panel, below the view and the details.
    Filters,
    /// A phone's tours, at the bottom of the page.
    Tours,
    /// Once the views are painted, the event list's rows below its first screenful (the
    /// list sits below the fold of a wide screen, so none of them is on screen at first):
    /// everything is drawn.
    ListRows,
}

impl StartupStage {
    /// Everything drawn: the stage of a page being printed, or of a part of the page that
    /// does not take part in the stages.
    pub const ALL: Self = Self::ListRows;

    /// The stage after this one, if any.
    pub fn next(self) -> Option<Self> {
        match self {
            Self::Shell => Some(Self::Views),
            Self::Views => Some(Self::Story),
            Self::Story => Some(Self::Introduction),
            Self::Introduction => Some(Self::Filters),
            Self::Filters => Some(Self::Tours),
            Self::Tours => Some(Self::ListRows),
            Self::ListRows => None,
        }
    }

    /// Whether this stage waits for a painted frame rather than only for the next task: the
    /// story does, so that the views' frames and the basemap are on screen first, and the
    /// list's other rows, so that they do not hold back the views' paint.
    pub fn waits_for_paint(self) -> bool {
        matches!(self, Self::Story | Self::ListRows)
    }

    /// Whether every view is drawn in full once this stage is painted (the benchmark's
    /// "views painted").
    pub fn completes_the_views(self) -> bool {
        self == Self::Story
    }

    /// The User Timing mark left when this stage has rendered, for the benchmark's breakdown.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Shell => "korea2010:shell-rendered",
            Self::Views => "korea2010:views-rendered",
            Self::Story => "korea2010:story-rendered",
            Self::Introduction => "korea2010:introduction-rendered",
            Self::Filters => "korea2010:filters-rendered",
            Self::Tours => "korea2010:tours-rendered",
            Self::ListRows => "korea2010:list-rows-rendered",
        }
    }
}

/// Which parts of the page a stage draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub views: bool,
    /// The lines, marks and labels over the map's basemap.
    pub map_story: bool,
    pub details: bool,
    pub filters: bool,
    pub tours: bool,
    /// Every row of the event list, not only its first screenful.
    pub all_list_rows: bool,
}

/// The parts drawn at `stage`. A wide screen shows its panels beside the views, so they
/// come with the shell; a phone stacks them below its view, so they come last, except the
/// details of a selection, which open over the view as a sheet.
pub fn parts(stage: StartupStage, narrow: bool, has_selection: bool) -> Parts {
    let reached = |wanted: StartupStage| stage >= wanted;
    Parts {
        views: reached(StartupStage::Views),
        map_story: reached(StartupStage::Story),
        details: !narrow || has_selection || reached(StartupStage::Introduction),
        filters: !narrow || reached(StartupStage::Filters),
        tours: !narrow || reached(StartupStage::Tours),
        all_list_rows: reached(StartupStage::ListRows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages() -> Vec<StartupStage> {
        std::iter::successors(Some(StartupStage::Shell), |s| s.next()).collect()
    }

    #[test]
    fn the_stages_run_in_order_and_end_with_everything_drawn() {
        let all = stages();
        assert_eq!(all.len(), 7);
        assert!(all.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(all.last(), Some(&StartupStage::ALL));
        let drawn = parts(StartupStage::ALL, true, false);
        assert!(drawn.views && drawn.map_story && drawn.details && drawn.filters && drawn.tours);
        assert!(drawn.all_list_rows);
    }

    #[test]
    fn a_phone_overview_starts_with_the_shell_alone() {
        let first = parts(StartupStage::Shell, true, false);
        assert_eq!(
            first,
            Parts {
                views: false,
                map_story: false,
                details: false,
                filters: false,
                tours: false,
                all_list_rows: false,
            }
        );
        assert!(parts(StartupStage::Views, true, false).views);
        assert!(!parts(StartupStage::Views, true, false).map_story);
        assert!(parts(StartupStage::Story, true, false).map_story);
        assert!(!parts(StartupStage::Story, true, false).details);
        assert!(parts(StartupStage::Introduction, true, false).details);
        assert!(!parts(StartupStage::Introduction, true, false).filters);
        assert!(!parts(StartupStage::Story, true, false).filters);
        assert!(parts(StartupStage::Filters, true, false).filters);
        assert!(!parts(StartupStage::Filters, true, false).tours);
    }

    #[test]
    fn a_phone_deep_link_opens_its_details_with_the_shell() {
        let first = parts(StartupStage::Shell, true, true);
        assert!(first.details);
        assert!(!first.views && !first.filters && !first.tours);
    }

    #[test]
    fn a_wide_screen_draws_its_panels_with_the_shell_and_its_views_next() {
        let first = parts(StartupStage::Shell, false, false);
        assert!(first.details && first.filters && first.tours);
        assert!(!first.views && !first.map_story);
        let next = parts(StartupStage::Views, false, false);
        assert!(next.views && !next.map_story);
    }

    #[test]
    fn the_list_draws_its_other_rows_last_on_every_screen() {
        for narrow in [false, true] {
            for selection in [false, true] {
                for stage in stages() {
                    let drawn = parts(stage, narrow, selection).all_list_rows;
                    assert_eq!(
                        drawn,
                        stage == StartupStage::ALL,
                        "{stage:?} narrow {narrow}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_part_disappears_at_a_later_stage() {
        for narrow in [false, true] {
            for selection in [false, true] {
                for pair in stages().windows(2) {
                    let (before, after) = (
                        parts(pair[0], narrow, selection),
                        parts(pair[1], narrow, selection),
                    );
                    let shown = |p: Parts| {
                        [
                            p.views,
                            p.map_story,
                            p.details,
                            p.filters,
                            p.tours,
                            p.all_list_rows,
                        ]
                    };
                    for (was, is) in shown(before).into_iter().zip(shown(after)) {
                        assert!(!was || is, "{pair:?} narrow {narrow} selection {selection}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_story_and_the_list_rows_wait_for_a_paint_and_the_story_completes_the_views() {
        let waiting: Vec<_> = stages()
            .into_iter()
            .filter(|s| s.waits_for_paint())
            .collect();
        assert_eq!(waiting, [StartupStage::Story, StartupStage::ListRows]);
        let completing: Vec<_> = stages()
            .into_iter()
            .filter(|s| s.completes_the_views())
            .collect();
        assert_eq!(completing, [StartupStage::Story]);
    }

    #[test]
    fn each_stage_leaves_its_own_mark() {
        let marks: Vec<_> = stages().into_iter().map(StartupStage::mark).collect();
        let mut unique = marks.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), marks.len());
        assert!(marks.iter().all(|m| m.starts_with("korea2010:")));
        assert_eq!(StartupStage::Views.mark(), "korea2010:views-rendered");
    }
}
