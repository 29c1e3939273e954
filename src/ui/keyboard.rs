//! The app-wide keyboard shortcuts (decided by `crate::shortcuts`), wired to the document.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use super::state::AppContext;
use crate::query::filter::step_through;
use crate::shortcuts::{shortcut_for, Shortcut};
use crate::url::{Layout, Panel, Route};

/// Listens with a snapshot of the state: re-register whenever the state changes. Not
/// passive: the shortcuts cancel the key's own effect (a "/" typed into the search box, the
/// page scrolling on an arrow key).
pub fn listen(app: AppContext) -> EventListener {
    let document = gloo::utils::document();
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&document, "keydown", options, move |event| {
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
                open_search(&app);
            }
            Shortcut::ToggleHelp => app.set_help(!app.state().help_open),
            Shortcut::Escape if app.state().help_open => app.set_help(false),
            // Escape clears the selection first; with nothing selected it gives the stage
            // back to every view.
            Shortcut::Escape if app.url().route != Route::Overview => app.clear_selection(),
            Shortcut::Escape => {
                if app.url().layout.stage.is_some() {
                    app.set_layout(|layout| Layout {
                        stage: None,
                        ..layout
                    });
                }
            }
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
                    let from_list_row = focused_list_row();
                    app.go_to(Route::Event(id.clone()));
                    if from_list_row {
                        follow_with_focus(id);
                    }
                }
            }
        }
    })
}

/// Puts the caret in the search box, unfolding the filters first if they are folded (the
/// "/" key and the "Skip to search" link).
pub fn open_search(app: &AppContext) {
    if app.url().layout.hidden.filters {
        app.set_layout(|layout| layout.with_hidden(Panel::Filters, false));
        Timeout::new(0, focus_search).forget();
    } else {
        focus_search();
    }
}

fn focus_search() {
    if let Some(input) = gloo::utils::document()
        .get_element_by_id("search-input")
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// Whether the focus is on an event's link in the event list.
fn focused_list_row() -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|el| el.matches("#event-list a[data-event-id]").unwrap_or(false))
}

/// Moves the focus to the newly selected event's row once the list has rendered it, so
/// stepping from a row does not leave the focus on a row scrolled out of view. A long list
/// renders the row after it has scrolled, hence the second try.
fn follow_with_focus(id: String) {
    fn focus_row(id: &str) -> bool {
        let selector = format!("#event-list a[data-event-id=\"{id}\"]");
        let row = gloo::utils::document()
            .query_selector(&selector)
            .ok()
            .flatten();
        match row.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
            Some(link) => link.focus().is_ok(),
            None => false,
        }
    }
    Timeout::new(0, move || {
        if !focus_row(&id) {
            Timeout::new(120, move || {
                focus_row(&id);
            })
            .forget();
        }
    })
    .forget();
}
