//! Runs the first render's stages (`crate::startup` decides what each draws): one stage per
//! task, the story after a painted frame, and the benchmark's marks on the way.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::later::after_next_paint;
use super::perf;
use crate::startup::StartupStage;

/// The stage of the first render of the component that calls it: [`StartupStage::Shell`],
/// then one more per task. Marks `perf::READY` once the stage that completes the views is
/// painted.
#[hook]
pub fn use_startup_stage() -> StartupStage {
    let stage = use_state_eq(|| StartupStage::Shell);
    {
        let handle = stage.clone();
        use_effect_with(*stage, move |&now| {
            perf::mark(now.mark());
            if now.completes_the_views() {
                perf::mark_ready_after_paint();
            }
            if let Some(next) = now.next() {
                let advance = move || handle.set(next);
                if next.waits_for_paint() {
                    after_next_paint(advance);
                } else {
                    Timeout::new(0, advance).forget();
                }
            }
        });
    }
    *stage
}

/// The stage provided by an ancestor; everything drawn where none is.
#[hook]
pub fn use_stage_reached() -> StartupStage {
    use_context::<StartupStage>().unwrap_or(StartupStage::ALL)
}
