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

/// Whether the map draws its story yet, as the explorer provides it to the map: a context
/// of its own, so that the later stages (which change nothing on the map) do not re-render
/// the map, as a context of the whole stage would.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapStory(pub bool);

/// Whether the map draws its story yet; always where no explorer provides it.
#[hook]
pub fn use_map_story() -> bool {
    use_context::<MapStory>().is_none_or(|story| story.0)
}
