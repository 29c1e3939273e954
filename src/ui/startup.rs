//! The first render in stages, one task each: the page's shell (the header, the tabs, a
//! selection's details, a wide screen's panels), then the views' frames, then, once a frame
//! is painted, the story over the map and what a phone shows below the view. No single task
//! then holds the page for long: Lighthouse's total blocking time counts every task's time
//! past 50 ms, and a first render with everything in it was the longest task of a first load
//! (about two thirds of it the browser compiling the wasm functions it calls for the first time).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::later::after_next_paint;
use super::perf;

/// How far the first render has come. Components read it from the context that
/// [`use_startup_stage`]'s caller provides; without that context everything is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StartupStage {
    /// The page's shell, without the views.
    Shell,
    /// The views' frames. The map draws its basemap as soon as its frame's size is known.
    Views,
    /// The story over the map (lines, marks, labels) and, on a phone, the introduction in
    /// the details, which sits below the view.
    Story,
    /// A phone's filter panel, below the view and the details.
    Filters,
    /// A phone's tours, at the bottom of the page.
    Tours,
}

impl StartupStage {
    /// The User Timing mark left when this stage has rendered, for the benchmark's breakdown.
    fn mark(self) -> &'static str {
        match self {
            Self::Shell => "korea2010:shell-rendered",
            Self::Views => "korea2010:views-rendered",
            Self::Story => "korea2010:story-rendered",
            Self::Filters => "korea2010:filters-rendered",
            Self::Tours => "korea2010:tours-rendered",
        }
    }

    /// The stage after this one, if any.
    fn next(self) -> Option<Self> {
        match self {
            Self::Shell => Some(Self::Views),
            Self::Views => Some(Self::Story),
            Self::Story => Some(Self::Filters),
            Self::Filters => Some(Self::Tours),
            Self::Tours => None,
        }
    }
}

/// The stage of the first render of the component that calls it: [`StartupStage::Shell`],
/// then one more per task, except that the story waits for a painted frame. Marks
/// `perf::READY` once the story is painted (every view is then drawn in full).
#[hook]
pub fn use_startup_stage() -> StartupStage {
    let stage = use_state_eq(|| StartupStage::Shell);
    {
        let handle = stage.clone();
        use_effect_with(*stage, move |&now| {
            perf::mark(now.mark());
            if now == StartupStage::Story {
                perf::mark_ready_after_paint();
            }
            if let Some(next) = now.next() {
                let advance = move || handle.set(next);
                if next == StartupStage::Story {
                    after_next_paint(advance);
                } else {
                    Timeout::new(0, advance).forget();
                }
            }
        });
    }
    *stage
}

/// The stage provided by an ancestor; the last one (everything drawn) where none is.
#[hook]
pub fn use_stage_reached() -> StartupStage {
    use_context::<StartupStage>().unwrap_or(StartupStage::Tours)
}
