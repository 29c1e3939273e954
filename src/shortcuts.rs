//! Keyboard shortcuts of the whole app, decided from the key and where focus is. Views add
//! their own keys (arrows on the timeline, +/− on the map) while they have focus.

/// What a global key press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    FocusSearch,
    /// Escape: close the help if open, else clear the selection, else give every view its
    /// place back when one has the stage.
    Escape,
    ToggleHelp,
    /// Previous (-1) or next (+1) event within the filters.
    Step(isize),
    /// First (-1) or last (+1) event within the filters.
    Jump(isize),
}

/// The shortcut for `key` (a `KeyboardEvent.key` value). While the reader types in a text
/// field only Escape counts, so "/" and "?" can be typed.
pub fn shortcut_for(key: &str, typing: bool, modifier: bool) -> Option<Shortcut> {
    if modifier {
        return None;
    }
    match key {
        "Escape" => Some(Shortcut::Escape),
        "/" if !typing => Some(Shortcut::FocusSearch),
        "?" if !typing => Some(Shortcut::ToggleHelp),
        "ArrowLeft" if !typing => Some(Shortcut::Step(-1)),
        "ArrowRight" if !typing => Some(Shortcut::Step(1)),
        "Home" if !typing => Some(Shortcut::Jump(-1)),
        "End" if !typing => Some(Shortcut::Jump(1)),
        _ => None,
    }
}

/// The list shown in the help overlay: keys and what they do.
pub const HELP: &[(&str, &str)] = &[
    ("/", "Search"),
    ("Esc", "Clear the selection, then restore a maximised view (or close this help)"),
    ("?", "Show or hide this help"),
    (
        "← →",
        "Previous / next event within the filters (map and network: pan / move)",
    ),
    ("Home / End", "First / last event within the filters"),
    ("+ / −", "Map, timeline and network: zoom in / out"),
    (
        "Arrow keys",
        "Map: pan; network: move to the nearest person in that direction",
    ),
    ("Enter", "Open the focused event, person or place"),
    (
        "Tab",
        "Move between controls and marks; the first stops skip to search, each view and the event list, and the one after the search box to the results",
    ),
    (
        "↑ ↓ Home / End",
        "In a filter (storyline, country, actor, kind): move between its values; Space ticks one, Tab leaves the filter",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_and_question_mark_are_text_while_typing() {
        assert_eq!(shortcut_for("/", false, false), Some(Shortcut::FocusSearch));
        assert_eq!(shortcut_for("/", true, false), None);
        assert_eq!(shortcut_for("?", false, false), Some(Shortcut::ToggleHelp));
        assert_eq!(shortcut_for("?", true, false), None);
    }

    #[test]
    fn arrows_step_through_events_except_while_typing() {
        assert_eq!(
            shortcut_for("ArrowRight", false, false),
            Some(Shortcut::Step(1))
        );
        assert_eq!(
            shortcut_for("ArrowLeft", false, false),
            Some(Shortcut::Step(-1))
        );
        assert_eq!(shortcut_for("End", false, false), Some(Shortcut::Jump(1)));
        assert_eq!(shortcut_for("Home", false, false), Some(Shortcut::Jump(-1)));
        // In a text field the arrows, Home and End move the caret.
        for key in ["ArrowLeft", "ArrowRight", "Home", "End"] {
            assert_eq!(shortcut_for(key, true, false), None, "{key}");
        }
    }

    #[test]
    fn escape_works_everywhere_but_modified_keys_do_not() {
        assert_eq!(shortcut_for("Escape", true, false), Some(Shortcut::Escape));
        assert_eq!(shortcut_for("/", false, true), None);
        assert_eq!(shortcut_for("a", false, false), None);
    }
}
