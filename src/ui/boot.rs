//! Starting the app in steps: the built-in dataset is read, the basemap projected and the
//! first render made in three tasks instead of one, so no single task holds the page for
//! long (Lighthouse's "total blocking time" counts every task's time past 50 ms). The
//! page's own HTML (the header, a deep link's first frame) stays on screen meanwhile.

use std::cell::OnceCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

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

/// Runs `render` after reading the dataset and projecting the basemap, each in a task of
/// its own.
pub fn in_steps(render: impl FnOnce() + 'static) {
    let _ = embedded_catalog();
    Timeout::new(0, move || {
        let _ = crate::geo::embedded_paths();
        Timeout::new(0, render).forget();
    })
    .forget();
}
