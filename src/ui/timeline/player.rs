//! The playback timer and the URL watch. While playing, a window moves through the period
//! and is written to the URL (replacing the entry, so back still leads to where the reader
//! was before pressing Play), and the map and actor views follow it. Any other change to the
//! URL — a click, a brush, back/forward — means the reader took over, and playback stops.
//! Both decisions are the model's ([`Input::Tick`], [`Input::UrlChanged`]); this hook runs
//! the timer the model's plan asks for and reports each new fragment.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::shell::Shell;
use crate::views::timeline::interaction::Input;
use crate::views::timeline::playback::Plan;

/// Runs a timer while `playing` is set (a new one when the plan changes) and tells the model
/// of every new URL (as its `fragment` tells). Called after [`super::shell::use_follow`],
/// so the moving window is kept in view on the same drawing in which a reader's change stops
/// playback.
#[hook]
pub fn use_playback(shell: &Shell, playing: Option<Plan>, fragment: &str) {
    {
        let shell = shell.clone();
        use_effect_with(playing, move |plan| {
            let timer = plan
                .map(|plan| Interval::new(plan.interval_ms, move || shell.send(Input::Tick, None)));
            move || drop(timer)
        });
    }
    {
        let shell = shell.clone();
        use_effect_with(fragment.to_owned(), move |_| {
            if let Some(app) = shell.app() {
                shell.send(Input::UrlChanged(&app.url().clone()), None);
            }
        });
    }
}
