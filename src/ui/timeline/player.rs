//! The playback timer: while playing, a window moves through the quarter and is written to
//! the URL (replacing the entry, so back still leads to where the reader was before pressing
//! Play), and the map and actor views follow it. Any other change to the URL — a click, a
//! brush, back/forward — means the reader took over, and playback stops.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::dom;
use crate::data::Date;
use crate::ui::state::{AppContext, Entry};
use crate::url::UrlState;
use crate::views::timeline::playback::{self, first_window, next_window, Plan, Speed};
use crate::views::timeline::window::with_window;

/// What the controls need from playback.
#[derive(Clone, PartialEq)]
pub struct Player {
    pub playing: bool,
    pub speed: Speed,
    pub toggle: Callback<()>,
    pub stop: Callback<()>,
    pub set_speed: Callback<Speed>,
}

/// Counts timer ticks; each new count moves the window once.
#[derive(Default, PartialEq)]
struct Ticks(u64);

impl Reducible for Ticks {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Ticks(self.0.wrapping_add(1)))
    }
}

/// The URL's window as inclusive day numbers, when both ends are set.
fn url_window(app: &AppContext) -> Option<(i32, i32)> {
    let filters = &app.url().filters;
    Some((filters.from?.to_days(), filters.to?.to_days()))
}

/// Writes a window to the URL, remembering the fragment so the change is known as ours.
fn write(app: &AppContext, written: &RefCell<Option<String>>, window: (i32, i32), entry: Entry) {
    let filters = with_window(
        &app.url().filters,
        Some((Date::from_days(window.0), Date::from_days(window.1))),
    );
    let url = UrlState {
        filters,
        ..app.url().clone()
    };
    *written.borrow_mut() = Some(crate::url::format(&url));
    app.navigate(url, entry);
}

#[hook]
pub fn use_player(app: &AppContext) -> Player {
    let plan = use_state_eq(|| None::<Plan>);
    let speed = use_state_eq(Speed::default);
    let reduced = use_mut_ref(|| false);
    let written = use_mut_ref(|| None::<String>);
    let ticks = use_reducer(Ticks::default);

    {
        let dispatcher = ticks.dispatcher();
        use_effect_with(*plan, move |plan| {
            let timer =
                plan.map(|plan| Interval::new(plan.interval_ms, move || dispatcher.dispatch(())));
            move || drop(timer)
        });
    }
    {
        let app = app.clone();
        let plan = plan.clone();
        let written = written.clone();
        use_effect_with(ticks.0, move |&count| {
            let Some(current_plan) = *plan else { return };
            if count == 0 {
                return;
            }
            let next = url_window(&app).and_then(|window| {
                next_window(window, current_plan.step_days, playback::quarter())
            });
            match next {
                Some(window) => write(&app, &written, window, Entry::Replace),
                None => plan.set(None),
            }
        });
    }
    {
        let plan = plan.clone();
        let written = written.clone();
        use_effect_with(app.state().fragment.clone(), move |fragment| {
            if plan.is_some() && written.borrow().as_deref() != Some(fragment.as_str()) {
                plan.set(None);
            }
        });
    }

    let toggle = {
        let app = app.clone();
        let plan = plan.clone();
        let speed = speed.clone();
        let reduced = reduced.clone();
        Callback::from(move |()| {
            if plan.is_some() {
                plan.set(None);
                return;
            }
            let motion_reduced = dom::prefers_reduced_motion();
            *reduced.borrow_mut() = motion_reduced;
            let first = first_window(url_window(&app), playback::quarter());
            // Starting is a step the reader can go back from; the moves after it are not.
            write(&app, &written, first, Entry::Push);
            plan.set(Some(playback::plan(
                *speed,
                motion_reduced,
                first.1 - first.0 + 1,
            )));
        })
    };
    let stop = {
        let plan = plan.clone();
        Callback::from(move |()| plan.set(None))
    };
    let set_speed = {
        let app = app.clone();
        let plan = plan.clone();
        let speed = speed.clone();
        Callback::from(move |new_speed: Speed| {
            speed.set(new_speed);
            if plan.is_some() {
                let length =
                    url_window(&app).map_or(playback::DEFAULT_WINDOW_DAYS, |(a, b)| b - a + 1);
                plan.set(Some(playback::plan(new_speed, *reduced.borrow(), length)));
            }
        })
    };
    Player {
        playing: plan.is_some(),
        speed: *speed,
        toggle,
        stop,
        set_speed,
    }
}
