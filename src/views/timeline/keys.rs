//! What a key press means on the timeline. Arrow keys walk through the filtered events
//! (as the reader reads a chronology), Home/End jump to its ends, +/− zoom, 0 resets the
//! zoom and Escape stops playback or a drag.

use crate::query::filter::step_through;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    ZoomIn,
    ZoomOut,
    ResetZoom,
    /// Previous (−1) or next (+1) event.
    Step(isize),
    First,
    Last,
    Cancel,
}

/// A key press as the DOM reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    pub ctrl: bool,
    pub meta: bool,
    pub alt: bool,
    /// Focus is in a control that uses these keys itself (a select, a text or date field).
    pub in_field: bool,
}

/// The command for `press`, or `None` to let the browser handle it (browser zoom with Ctrl,
/// arrows inside a field, shortcuts with Alt or Meta).
pub fn command(press: KeyPress) -> Option<Command> {
    if press.ctrl || press.meta || press.alt {
        return None;
    }
    if press.in_field {
        return (press.key == "Escape").then_some(Command::Cancel);
    }
    Some(match press.key {
        "+" | "=" => Command::ZoomIn,
        "-" | "_" => Command::ZoomOut,
        "0" => Command::ResetZoom,
        "ArrowLeft" => Command::Step(-1),
        "ArrowRight" => Command::Step(1),
        "Home" => Command::First,
        "End" => Command::Last,
        "Escape" => Command::Cancel,
        _ => return None,
    })
}

/// The event a navigation command leads to within `shown` (the filtered events in date
/// order), from the selected one. `None` when there is nowhere to go.
pub fn target(shown: &[usize], selected: Option<usize>, command: Command) -> Option<usize> {
    let to = match command {
        Command::Step(step) => step_through(shown, selected, step),
        Command::First => shown.first().copied(),
        Command::Last => shown.last().copied(),
        _ => None,
    }?;
    (Some(to) != selected).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ..KeyPress::default()
        }
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(command(key("+")), Some(Command::ZoomIn));
        assert_eq!(command(key("=")), Some(Command::ZoomIn));
        assert_eq!(command(key("-")), Some(Command::ZoomOut));
        assert_eq!(command(key("0")), Some(Command::ResetZoom));
        assert_eq!(command(key("ArrowLeft")), Some(Command::Step(-1)));
        assert_eq!(command(key("ArrowRight")), Some(Command::Step(1)));
        assert_eq!(command(key("Home")), Some(Command::First));
        assert_eq!(command(key("End")), Some(Command::Last));
        assert_eq!(command(key("Escape")), Some(Command::Cancel));
        assert_eq!(command(key("a")), None);
        assert_eq!(command(key("Tab")), None);
    }

    #[test]
    fn browser_shortcuts_and_fields_keep_their_keys() {
        let ctrl_plus = KeyPress {
            ctrl: true,
            ..key("+")
        };
        assert_eq!(command(ctrl_plus), None);
        let alt_left = KeyPress {
            alt: true,
            ..key("ArrowLeft")
        };
        assert_eq!(command(alt_left), None);
        let in_select = KeyPress {
            in_field: true,
            ..key("ArrowRight")
        };
        assert_eq!(command(in_select), None);
        let escape_in_field = KeyPress {
            in_field: true,
            ..key("Escape")
        };
        assert_eq!(command(escape_in_field), Some(Command::Cancel));
    }

    #[test]
    fn navigation_walks_the_shown_events() {
        let shown = [3, 5, 8, 13];
        assert_eq!(target(&shown, Some(5), Command::Step(1)), Some(8));
        assert_eq!(target(&shown, Some(5), Command::Step(-1)), Some(3));
        assert_eq!(target(&shown, None, Command::Step(1)), Some(3));
        assert_eq!(target(&shown, None, Command::Step(-1)), Some(13));
        assert_eq!(target(&shown, Some(8), Command::First), Some(3));
        assert_eq!(target(&shown, Some(8), Command::Last), Some(13));
        // At an end there is nowhere further to go.
        assert_eq!(target(&shown, Some(13), Command::Step(1)), None);
        assert_eq!(target(&shown, Some(3), Command::First), None);
        // A selection outside the filters steps to its neighbours in date order.
        assert_eq!(target(&shown, Some(6), Command::Step(1)), Some(8));
        assert_eq!(target(&shown, Some(6), Command::Step(-1)), Some(5));
        assert_eq!(target(&[], None, Command::Last), None);
        assert_eq!(target(&shown, Some(5), Command::ZoomIn), None);
    }
}
