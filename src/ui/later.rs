//! Work that the first frame does not show waits until that frame is painted, so the
//! long task that starts the app is shorter (the page answers input sooner).

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// False on the first render, true from the render after the first frame was painted: an
/// animation frame callback runs before that frame's paint, so the switch happens in a task
/// queued from it.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
                gloo::timers::callback::Timeout::new(0, move || painted.set(true)).forget();
            });
            let _ = gloo::utils::window().request_animation_frame(callback.unchecked_ref());
        });
    }
    *painted
}
