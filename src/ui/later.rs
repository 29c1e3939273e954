//! Work put off to a better moment: what the first frame does not show waits until that
//! frame is painted, so the long task that starts the app is shorter (the page answers
//! input sooner); what reads the layout waits for the next frame's own.

use wasm_bindgen::JsCast;

/// Runs `work` once the next frame has been painted: an animation frame callback runs
/// before that frame's style, layout and paint, so `work` goes in a task queued from it.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, work).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(callback.unchecked_ref());
}

/// Runs `work` in the next animation frame, before that frame's style and layout: reading a
/// size or a scroll offset there costs one layout, the one the frame needs anyway, where
/// reading it in a render's effects forces a layout of the half-updated page and then
/// another one for the frame.
pub fn before_next_paint(work: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    let _ = gloo::utils::window().request_animation_frame(callback.unchecked_ref());
}
