//! Starting the app in steps: the built-in dataset is read, the basemap projected and the
//! first render made in short tasks instead of one long one, so no single task holds the page for
//! long (Lighthouse's "total blocking time" counts every task's time past 50 ms). The
//! page's own HTML (the header, a deep link's first frame) stays on screen meanwhile.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;

use super::perf;
use crate::data::{self, Catalog};
use crate::geo::path::WORLD_DECIMALS;
use crate::geo::steps::{LayerProjection, Progress};
use crate::geo::{Basemap, LayerPaths};
use crate::views::map::lod::first_view_may_draw_details;

thread_local! {
    static EMBEDDED: OnceCell<Result<Rc<Catalog>, String>> = const { OnceCell::new() };
}

/// The built-in dataset, read on first use and kept.
pub fn embedded_catalog() -> Result<Rc<Catalog>, String> {
    EMBEDDED.with(|cell| {
        cell.get_or_init(|| {
            data::load_embedded()
                .map(Rc::new)
                .map_err(|error| error.to_string())
        })
        .clone()
    })
}

/// Runs `render` after reading the dataset and projecting the basemap (the world layer,
/// then each detail layer the first view may draw), each in short tasks of its own. Each step
/// leaves a User Timing mark, for the benchmark's breakdown of a first load.
pub fn in_steps(render: impl FnOnce() + 'static) {
    perf::mark(perf::STARTED);
    let _ = embedded_catalog();
    perf::mark(perf::DATASET_READ);
    // Reading the basemap gets a task of its own: the first calls of the reading code are
    // slow (the browser compiles each wasm function on its first call).
    Timeout::new(0, move || project_then(render)).forget();
}

/// Projects the basemap (see [`in_steps`]), then runs `render`.
fn project_then(render: impl FnOnce() + 'static) {
    // The home view shows the whole world: its detail layers (a large part of the
    // projecting) wait until the reader does anything at all, rather than hold up the start.
    let link = crate::url::parse(&super::history::current_fragment()).0;
    let selection = link.route != crate::url::Route::Overview;
    let details_now = first_view_may_draw_details(selection, link.views.map);
    let world = LayerProjection::new(&Basemap::embedded().world, WORLD_DECIMALS);
    in_tasks(world, move |world| {
        let paths = crate::geo::keep_embedded_world(world);
        let then_render = move || {
            perf::mark(perf::BASEMAP_PROJECTED);
            Timeout::new(0, render).forget();
        };
        if details_now {
            project_details(paths, 0, then_render);
        } else {
            then_render();
            project_details_on_first_input(paths);
        }
    });
}

/// How long one task of projecting goes on taking steps, in ms. Lighthouse times a page at
/// full speed and counts each task 4× as long, so a task must stay near 12 ms at full speed:
/// a fast machine takes a few steps per task, a slow one (each step over 4 ms) one.
const TASK_BUDGET_MS: f64 = 4.0;

/// Runs a projection in tasks of steps until each task's budget is spent, then hands the
/// layer to `done`.
fn in_tasks(projection: LayerProjection<'static>, done: impl FnOnce(LayerPaths) + 'static) {
    Timeout::new(0, move || {
        let start = perf::now();
        let mut projection = projection;
        loop {
            match projection.step() {
                Progress::More(next) if perf::now() - start < TASK_BUDGET_MS => projection = next,
                Progress::More(next) => return in_tasks(next, done),
                Progress::Done(layer) => return done(layer),
            }
        }
    })
    .forget();
}

thread_local! {
    /// The one-shot listeners of [`project_details_on_first_input`], dropped when one fires.
    static FIRST_INPUT: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// Projects the detail layers in short tasks of their own as soon as the reader points, touches,
/// scrolls or types anywhere: before a zoom or a selection can need them (a map view that
/// draws one sooner, e.g. after the back button, projects it on first use).
fn project_details_on_first_input(paths: &'static crate::geo::BasemapPaths) {
    let window = gloo::utils::window();
    let listeners = ["pointerdown", "pointermove", "keydown", "wheel", "focusin"]
        .into_iter()
        .map(|kind| {
            EventListener::new(&window, kind, move |_| {
                // Taken now so only the first event counts; dropped after this listener
                // has returned, not while it runs.
                let listeners = FIRST_INPUT.with(|cell| cell.take());
                if !listeners.is_empty() {
                    Timeout::new(0, move || drop(listeners)).forget();
                    project_details(paths, 0, || {});
                }
            })
        })
        .collect();
    FIRST_INPUT.with(|cell| *cell.borrow_mut() = listeners);
}

/// Projects detail layer `next` and the ones after it, in short tasks, then runs `then`.
fn project_details(
    paths: &'static crate::geo::BasemapPaths,
    next: usize,
    then: impl FnOnce() + 'static,
) {
    if next >= paths.detail_count() {
        perf::mark(perf::DETAILS_PROJECTED);
        then();
        return;
    }
    let after = move || project_details(paths, next + 1, then);
    match paths.detail_in_steps(next) {
        Some(projection) => in_tasks(projection, move |layer| {
            paths.keep_detail(next, layer);
            after();
        }),
        None => after(),
    }
}
