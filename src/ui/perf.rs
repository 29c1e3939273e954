//! User Timing marks for the benchmark: when a change entered the app, and when every view
//! had rendered it. Cheap, and visible in any browser's performance panel.

/// Marks the moment a URL change (a selection, a facet, a brush) reaches the app.
pub const CHANGE: &str = "korea2010:change";
/// Measured from [`CHANGE`] to the end of the render that shows it in every view.
pub const UPDATED: &str = "korea2010:views-updated";
/// The start-up steps (`boot::in_steps`): the wasm's code begins, the built-in dataset is
/// read, the basemap is projected.
pub const STARTED: &str = "korea2010:started";
pub const DATASET_READ: &str = "korea2010:dataset-read";
pub const BASEMAP_PROJECTED: &str = "korea2010:basemap-projected";
/// Marked when the basemap's detail layers are projected: before the first render when the
/// first view may draw them, else after the reader's first input.
pub const DETAILS_PROJECTED: &str = "korea2010:details-projected";
/// Marked once the first render of all views is on screen.
pub const READY: &str = "korea2010:views-painted";

fn performance() -> Option<web_sys::Performance> {
    gloo::utils::window().performance()
}

/// Milliseconds since the page's start (0 where there is no clock).
pub fn now() -> f64 {
    performance().map_or(0.0, |performance| performance.now())
}

pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Measures from the last `CHANGE` mark to the end of the render batch that shows it, if
/// there was a change. Views re-render through context subscriptions, which Yew schedules
/// after the shell's own effects; the measure is taken in a task queued behind that batch,
/// so it covers every view.
pub fn measure_update() {
    wasm_bindgen_futures::spawn_local(async {
        if let Some(performance) = performance() {
            if performance.get_entries_by_name(CHANGE).length() > 0 {
                let _ = performance.measure_with_start_mark(UPDATED, CHANGE);
                performance.clear_marks_with_mark_name(CHANGE);
            }
        }
    });
}

/// Marks [`READY`] once the first render is painted.
pub fn mark_ready_after_paint() {
    super::later::after_next_paint(|| mark(READY));
}
