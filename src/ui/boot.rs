//! Starting the app in steps: the built-in dataset is read, the basemap projected and the
//! first render made in three tasks instead of one, so no single task holds the page for
//! long (Lighthouse's "total blocking time" counts every task's time past 50 ms). The
//! page's own HTML (the header, a deep link's first frame) stays on screen meanwhile.

use std::cell::OnceCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use super::perf;
use crate::data::{self, Catalog};

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
/// then each detail layer), each in a task of its own. Each step leaves a User Timing mark,
/// for the benchmark's breakdown of a first load.
pub fn in_steps(render: impl FnOnce() + 'static) {
    perf::mark(perf::STARTED);
    let _ = embedded_catalog();
    perf::mark(perf::DATASET_READ);
    Timeout::new(0, move || {
        let paths = crate::geo::embedded_paths();
        project_details(paths, 0, render);
    })
    .forget();
}

/// Projects detail layer `next` and the ones after it, one task each, then renders.
fn project_details(
    paths: &'static crate::geo::BasemapPaths,
    next: usize,
    render: impl FnOnce() + 'static,
) {
    if next >= paths.detail_count() {
        perf::mark(perf::BASEMAP_PROJECTED);
        Timeout::new(0, render).forget();
        return;
    }
    Timeout::new(0, move || {
        let _ = paths.detail(next);
        project_details(paths, next + 1, render);
    })
    .forget();
}
