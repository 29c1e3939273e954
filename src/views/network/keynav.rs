//! The Actors view's keys: which [`Command`] a key gives (the one key map of the view,
//! read by the drawing's and the panel's reducers alike), and keyboard navigation between
//! nodes: an arrow key moves focus to the nearest node in that direction, preferring nodes
//! straight ahead over ones far off to the side, the way spatial navigation works on TV
//! remotes and in d3 examples.

use crate::layout::Point;

/// What a key asks of the Actors view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Zoom the drawing in (also its + button).
    ZoomIn,
    /// Zoom the drawing out (also its − button).
    ZoomOut,
    /// Back to the fitted view of the whole network (also its ⤢ button).
    ShowAll,
    /// Move focus to the nearest node in this direction.
    Move(Direction),
    /// Escape: shrink an enlarged view (only then does the app clear the selection).
    Shrink,
}

/// The command for a key (`KeyboardEvent.key`), if the Actors view handles it. Modified
/// keys (Ctrl/Cmd/Alt) are left to the browser (`Ctrl +` zooms the page), except Escape,
/// which backs out of the enlarged view with or without them.
pub fn key_command(key: &str, modified: bool) -> Option<Command> {
    if key == "Escape" {
        return Some(Command::Shrink);
    }
    if modified {
        return None;
    }
    Some(match key {
        "+" | "=" => Command::ZoomIn,
        "-" | "_" => Command::ZoomOut,
        "0" => Command::ShowAll,
        _ => return Direction::from_key(key).map(Command::Move),
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The direction of an arrow key (`KeyboardEvent.key`), if it is one.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" | "Left" => Some(Direction::Left),
            "ArrowRight" | "Right" => Some(Direction::Right),
            "ArrowUp" | "Up" => Some(Direction::Up),
            "ArrowDown" | "Down" => Some(Direction::Down),
            _ => None,
        }
    }

    /// Unit vector in screen coordinates (y grows downwards).
    fn vector(self) -> (f64, f64) {
        match self {
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
        }
    }
}

/// How much sideways distance counts against a candidate, relative to distance ahead.
const SIDEWAYS_PENALTY: f64 = 2.0;

/// The node to move to from `from` in `direction`, among `candidates` (node indices into
/// `points`), or `None` when nothing lies that way. Candidates must be strictly ahead;
/// the score is distance ahead plus twice the sideways distance, ties to the lower index.
pub fn nearest_in_direction(
    points: &[Point],
    candidates: &[usize],
    from: usize,
    direction: Direction,
) -> Option<usize> {
    let origin = *points.get(from)?;
    let (ux, uy) = direction.vector();
    candidates
        .iter()
        .copied()
        .filter(|&c| c != from)
        .filter_map(|c| {
            let p = points.get(c)?;
            let (dx, dy) = (p.x - origin.x, p.y - origin.y);
            let ahead = dx * ux + dy * uy;
            let sideways = (dx * uy - dy * ux).abs();
            (ahead > 0.0 && ahead.is_finite() && sideways.is_finite())
                .then_some((ahead + SIDEWAYS_PENALTY * sideways, c))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plus sign around a centre node 0, plus a far node 5 slightly to the right.
    fn plus() -> Vec<Point> {
        vec![
            Point::new(0.0, 0.0),
            Point::new(-10.0, 1.0),
            Point::new(10.0, -1.0),
            Point::new(0.0, -10.0),
            Point::new(1.0, 10.0),
            Point::new(3.0, 40.0),
        ]
    }

    #[test]
    fn arrows_move_to_the_neighbour_in_that_direction() {
        let points = plus();
        let all: Vec<usize> = (0..points.len()).collect();
        assert_eq!(
            nearest_in_direction(&points, &all, 0, Direction::Left),
            Some(1)
        );
        assert_eq!(
            nearest_in_direction(&points, &all, 0, Direction::Right),
            Some(2)
        );
        assert_eq!(
            nearest_in_direction(&points, &all, 0, Direction::Up),
            Some(3)
        );
        assert_eq!(
            nearest_in_direction(&points, &all, 0, Direction::Down),
            Some(4)
        );
        assert_eq!(
            nearest_in_direction(&points, &all, 4, Direction::Down),
            Some(5)
        );
    }

    #[test]
    fn straight_ahead_beats_closer_but_off_to_the_side() {
        let points = vec![
            Point::new(0.0, 0.0),
            Point::new(5.0, 5.0),  // 7 away, half of it sideways
            Point::new(12.0, 0.5), // 12 away, straight right
        ];
        assert_eq!(
            nearest_in_direction(&points, &[0, 1, 2], 0, Direction::Right),
            Some(2)
        );
    }

    #[test]
    fn nothing_that_way_or_outside_the_candidates_means_no_move() {
        let points = plus();
        assert_eq!(
            nearest_in_direction(&points, &[0, 1, 2, 3, 4, 5], 1, Direction::Left),
            None
        );
        assert_eq!(
            nearest_in_direction(&points, &[0, 1], 0, Direction::Right),
            None
        );
        assert_eq!(
            nearest_in_direction(&points, &[0, 2], 9, Direction::Right),
            None
        );
        assert_eq!(
            nearest_in_direction(&points, &[0, 77], 0, Direction::Right),
            None
        );
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(key_command("+", false), Some(Command::ZoomIn));
        assert_eq!(key_command("=", false), Some(Command::ZoomIn));
        assert_eq!(key_command("-", false), Some(Command::ZoomOut));
        assert_eq!(key_command("_", false), Some(Command::ZoomOut));
        assert_eq!(key_command("0", false), Some(Command::ShowAll));
        assert_eq!(
            key_command("ArrowLeft", false),
            Some(Command::Move(Direction::Left))
        );
        assert_eq!(
            key_command("Down", false),
            Some(Command::Move(Direction::Down))
        );
        assert_eq!(key_command("Escape", false), Some(Command::Shrink));
        assert_eq!(key_command("Enter", false), None, "Enter follows the link");
        assert_eq!(key_command("a", false), None);
    }

    #[test]
    fn modified_keys_are_the_browsers_but_escape_still_shrinks() {
        assert_eq!(key_command("+", true), None, "Ctrl + zooms the page");
        assert_eq!(key_command("0", true), None);
        assert_eq!(key_command("ArrowUp", true), None);
        assert_eq!(key_command("Escape", true), Some(Command::Shrink));
    }

    #[test]
    fn only_arrow_keys_are_directions() {
        assert_eq!(Direction::from_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::from_key("Enter"), None);
        assert_eq!(Direction::from_key("a"), None);
    }
}
