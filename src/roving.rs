//! One tab stop for a group of controls, with arrow keys inside it (a "roving tabindex").
//!
//! A facet of the filter panel is a list of checkboxes; as separate tab stops they put forty
//! and more presses between the top of the page and the views. As a group, Tab enters the
//! list once and leaves it with the next press, and the arrow keys move within it. The shell
//! gives the checkbox chosen by [`tab_stop`] `tabindex="0"` and every other one `-1`, and
//! moves the focus where [`moved`] says.

/// Where a key asks the focus to go within a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Previous,
    Next,
    First,
    Last,
}

/// The move a key (a `KeyboardEvent.key` value) asks for in a vertical group: ↑/↓ for the
/// previous/next control, Home/End for the first/last. Other keys (Space toggles, Tab
/// leaves) keep their own meaning; a modified key is not ours.
pub fn move_for(key: &str, modifier: bool) -> Option<Move> {
    if modifier {
        return None;
    }
    match key {
        "ArrowUp" => Some(Move::Previous),
        "ArrowDown" => Some(Move::Next),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        _ => None,
    }
}

/// The move a key asks for in a horizontal group (a row of bars along a time axis): ←/→
/// for the previous/next control, Home/End for the first/last.
pub fn move_along(key: &str, modifier: bool) -> Option<Move> {
    match key {
        "ArrowLeft" if !modifier => Some(Move::Previous),
        "ArrowRight" if !modifier => Some(Move::Next),
        "ArrowUp" | "ArrowDown" => None,
        _ => move_for(key, modifier),
    }
}

/// The index the focus moves to from `current` in a group of `len` controls. The ends do
/// not wrap: ↓ on the last control stays there, as in a list. `None` for an empty group.
pub fn moved(current: usize, len: usize, step: Move) -> Option<usize> {
    let last = len.checked_sub(1)?;
    let current = current.min(last);
    Some(match step {
        Move::Previous => current.saturating_sub(1),
        Move::Next => (current + 1).min(last),
        Move::First => 0,
        Move::Last => last,
    })
}

/// Which control of a group is its one tab stop: the one focused last (while it is still in
/// the group), else the first checked one, else the first. `None` for an empty group.
pub fn tab_stop(len: usize, last_focused: Option<usize>, checked: &[bool]) -> Option<usize> {
    if len == 0 {
        return None;
    }
    last_focused
        .filter(|&index| index < len)
        .or_else(|| checked.iter().take(len).position(|&on| on))
        .or(Some(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tab_stop_is_the_last_focused_then_the_first_checked_then_the_first() {
        assert_eq!(tab_stop(4, None, &[false; 4]), Some(0));
        assert_eq!(tab_stop(4, None, &[false, false, true, true]), Some(2));
        assert_eq!(tab_stop(4, Some(3), &[false, true, false, false]), Some(3));
        // A control that left the group (the list got shorter) no longer counts.
        assert_eq!(tab_stop(2, Some(3), &[false, true]), Some(1));
        // A group that shrank to exactly the last focused index no longer has it.
        assert_eq!(tab_stop(2, Some(2), &[false, true]), Some(1));
        assert_eq!(tab_stop(0, Some(0), &[]), None);
    }

    #[test]
    fn exactly_one_control_is_the_tab_stop() {
        for len in 1..6 {
            for focused in [None, Some(0), Some(len - 1), Some(len + 2)] {
                let stop = tab_stop(len, focused, &vec![false; len]).unwrap();
                assert!(stop < len, "{len} {focused:?} gave {stop}");
            }
        }
    }

    #[test]
    fn arrows_move_within_the_group_without_wrapping() {
        assert_eq!(moved(0, 5, Move::Next), Some(1));
        assert_eq!(moved(4, 5, Move::Next), Some(4));
        assert_eq!(moved(0, 5, Move::Previous), Some(0));
        assert_eq!(moved(3, 5, Move::Previous), Some(2));
        assert_eq!(moved(2, 5, Move::First), Some(0));
        assert_eq!(moved(2, 5, Move::Last), Some(4));
        assert_eq!(moved(9, 5, Move::Previous), Some(3));
        assert_eq!(moved(0, 0, Move::Next), None);
    }

    #[test]
    fn a_row_moves_with_left_right_home_end_and_leaves_up_down_alone() {
        assert_eq!(move_along("ArrowRight", false), Some(Move::Next));
        assert_eq!(move_along("ArrowLeft", false), Some(Move::Previous));
        assert_eq!(move_along("Home", false), Some(Move::First));
        assert_eq!(move_along("End", false), Some(Move::Last));
        assert_eq!(move_along("ArrowRight", true), None);
        assert_eq!(move_along("ArrowLeft", true), None);
        assert_eq!(move_along("End", true), None);
        assert_eq!(move_along("ArrowDown", false), None);
        assert_eq!(move_along("ArrowUp", false), None);
        assert_eq!(move_along("Enter", false), None);
    }

    #[test]
    fn only_unmodified_up_down_home_end_are_group_moves() {
        assert_eq!(move_for("ArrowDown", false), Some(Move::Next));
        assert_eq!(move_for("ArrowUp", false), Some(Move::Previous));
        assert_eq!(move_for("Home", false), Some(Move::First));
        assert_eq!(move_for("End", false), Some(Move::Last));
        assert_eq!(move_for("ArrowDown", true), None);
        assert_eq!(move_for(" ", false), None);
        assert_eq!(move_for("Tab", false), None);
    }
}
