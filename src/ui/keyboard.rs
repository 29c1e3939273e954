//! The app-wide keyboard shortcuts (decided by `crate::shortcuts`), wired to the document.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use super::state::AppContext;
use crate::query::filter::step_through;
use crate::shortcuts::{shortcut_for, Shortcut};
use crate::url::Route;

/// Listens with a snapshot of the state: re-register whenever the state changes.
pub fn listen(app: AppContext) -> EventListener {
    let document = gloo::utils::document();
    EventListener::new(&document, "keydown", move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let typing = gloo::utils::document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let modifier = event.ctrl_key() || event.meta_key() || event.alt_key();
        let Some(shortcut) = shortcut_for(&event.key(), typing, modifier) else {
            return;
        };
        match shortcut {
            Shortcut::FocusSearch => {
                event.prevent_default();
                if let Some(input) = gloo::utils::document()
                    .get_element_by_id("search-input")
                    .and_then(|el| el.dyn_into::<HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            }
            Shortcut::ToggleHelp => app.set_help(!app.state().help_open),
            Shortcut::Escape if app.state().help_open => app.set_help(false),
            Shortcut::Escape => app.clear_selection(),
            Shortcut::Step(step) | Shortcut::Jump(step) => {
                let exploration = &app.state().exploration;
                let current = match shortcut {
                    Shortcut::Jump(_) => None,
                    _ => exploration.selected_event(),
                };
                let step = if matches!(shortcut, Shortcut::Jump(_)) {
                    -step
                } else {
                    step
                };
                if let Some(target) = step_through(&exploration.shown, current, step) {
                    event.prevent_default();
                    let id = app.state().catalog.events()[target].id.clone();
                    app.go_to(Route::Event(id));
                }
            }
        }
    })
}
