//! The details as a bottom sheet on a phone: three heights it snaps to, what opens it at
//! which, where a drag of its handle lets it go, and when the view above it is brought
//! back into sight. The view above always fits the space the sheet leaves (the shell
//! measures it); what is decided here is pure.
//!
//! * **Peek** shows the selection's title, date and Previous/Next: the view keeps most of
//!   the screen.
//! * **Half** shows the start of the details too; a new selection opens the sheet here.
//! * **Full** is for reading; the top of the screen keeps a strip of the view.
//!
//! "Close" collapses the sheet to its peek and keeps the selection (clearing it is a
//! separate button, or Esc).

/// A height the sheet rests at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Snap {
    Peek,
    #[default]
    Half,
    Full,
}

impl Snap {
    pub const ALL: [Snap; 3] = [Snap::Peek, Snap::Half, Snap::Full];

    /// The `data-sheet` value the stylesheet sizes the sheet by.
    pub fn id(self) -> &'static str {
        match self {
            Snap::Peek => "peek",
            Snap::Half => "half",
            Snap::Full => "full",
        }
    }

    /// Where the handle (a button: tap, Enter or Space) takes the sheet: up one height,
    /// and from the top back down to the peek.
    pub fn next(self) -> Snap {
        match self {
            Snap::Peek => Snap::Half,
            Snap::Half => Snap::Full,
            Snap::Full => Snap::Peek,
        }
    }

    /// What the handle says it does next, for its accessible name and tooltip.
    pub fn handle_label(self) -> &'static str {
        match self.next() {
            Snap::Half => "Show more of the details",
            Snap::Full => "Show the details full height",
            Snap::Peek => "Show less of the details",
        }
    }

    /// The sheet's height in px for a viewport `viewport_h` px tall whose peek (title,
    /// date, Previous/Next) measures `peek_h` px. Each height is at least the peek and at
    /// most the viewport less a strip of the view (`FULL_GAP`).
    pub fn height(self, viewport_h: f64, peek_h: f64) -> f64 {
        let top = (viewport_h - FULL_GAP).max(0.0);
        let peek = finite_or(peek_h, DEFAULT_PEEK).clamp(0.0, top);
        let h = match self {
            Snap::Peek => peek,
            Snap::Half => viewport_h * 0.5,
            Snap::Full => top,
        };
        finite_or(h, peek).clamp(peek, top.max(peek))
    }
}

/// The strip of the view left above a full-height sheet, px.
pub const FULL_GAP: f64 = 56.0;
/// The peek's height before it is measured, px.
pub const DEFAULT_PEEK: f64 = 136.0;
/// A release faster than this (px per ms) flings the sheet one height on.
pub const FLING: f64 = 0.6;

fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}

/// Where the sheet rests after its handle is dragged from `from` by `dy` px (down is
/// positive) and let go at `velocity` px/ms: a fling goes one height on in its direction;
/// otherwise the height nearest to where it was let go.
pub fn settle(from: Snap, dy: f64, velocity: f64, viewport_h: f64, peek_h: f64) -> Snap {
    let velocity = finite_or(velocity, 0.0);
    let index = Snap::ALL.iter().position(|&s| s == from).unwrap_or(1);
    if velocity.abs() >= FLING {
        // Down (positive) is one height lower, up one higher, within the three.
        let step = (index as f64 - velocity.signum()).clamp(0.0, 2.0);
        return Snap::ALL[step as usize];
    }
    let released = from.height(viewport_h, peek_h) - finite_or(dy, 0.0);
    Snap::ALL
        .into_iter()
        .min_by(|a, b| {
            let da = (a.height(viewport_h, peek_h) - released).abs();
            let db = (b.height(viewport_h, peek_h) - released).abs();
            da.total_cmp(&db)
        })
        .unwrap_or(from)
}

/// The sheet's height after the selection changed: a sheet that was not open opens at
/// half height; one that was open stays where the reader left it (stepping with Next
/// keeps the peek a peek).
pub fn after_selection(was_selected: bool, current: Snap) -> Snap {
    if was_selected {
        current
    } else {
        Snap::Half
    }
}

/// Whether the page is scrolled so the view starts right under the tab bar: when the
/// sheet opens (a selection, a tour started from the list of tours further down) or
/// changes height, so the view is never left scrolled away behind it. The event list is
/// left where it is: it keeps its selected row in sight by itself.
pub fn brings_view_up(view_is_a_drawing: bool, opened: bool, snap_changed: bool) -> bool {
    view_is_a_drawing && (opened || snap_changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VH: f64 = 844.0;
    const PEEK: f64 = 130.0;

    #[test]
    fn the_handle_goes_up_a_height_and_from_the_top_back_to_the_peek() {
        assert_eq!(Snap::Peek.next(), Snap::Half);
        assert_eq!(Snap::Half.next(), Snap::Full);
        assert_eq!(Snap::Full.next(), Snap::Peek);
        assert_eq!(Snap::Peek.handle_label(), "Show more of the details");
        assert_eq!(Snap::Half.handle_label(), "Show the details full height");
        assert_eq!(Snap::Full.handle_label(), "Show less of the details");
        let ids: Vec<&str> = Snap::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, ["peek", "half", "full"]);
        assert_eq!(Snap::default(), Snap::Half);
    }

    #[test]
    fn heights_grow_from_the_peek_to_all_but_a_strip() {
        assert_eq!(Snap::Peek.height(VH, PEEK), PEEK);
        assert_eq!(Snap::Half.height(VH, PEEK), VH / 2.0);
        assert_eq!(Snap::Full.height(VH, PEEK), VH - FULL_GAP);
        // An unmeasured peek has a default; a peek taller than half keeps half at least
        // the peek; nothing exceeds the screen.
        assert_eq!(Snap::Peek.height(VH, f64::NAN), DEFAULT_PEEK);
        assert_eq!(Snap::Half.height(VH, 500.0), 500.0);
        assert_eq!(Snap::Peek.height(300.0, 900.0), 300.0 - FULL_GAP);
        assert_eq!(Snap::Full.height(30.0, PEEK), 0.0);
    }

    #[test]
    fn a_drag_rests_at_the_nearest_height() {
        // From half (422 px) down by 250 px: 172 px is nearest the peek.
        assert_eq!(settle(Snap::Half, 250.0, 0.0, VH, PEEK), Snap::Peek);
        // Down by 100 px: 322 px, still nearest half.
        assert_eq!(settle(Snap::Half, 100.0, 0.1, VH, PEEK), Snap::Half);
        // Up by 300 px: 722 px, nearest full (788).
        assert_eq!(settle(Snap::Half, -300.0, -0.2, VH, PEEK), Snap::Full);
        // From the peek, a long drag up reaches full.
        assert_eq!(settle(Snap::Peek, -700.0, 0.0, VH, PEEK), Snap::Full);
        assert_eq!(settle(Snap::Full, f64::NAN, f64::NAN, VH, PEEK), Snap::Full);
    }

    #[test]
    fn a_fling_goes_one_height_on() {
        assert_eq!(settle(Snap::Half, 20.0, 1.0, VH, PEEK), Snap::Peek);
        assert_eq!(settle(Snap::Half, -20.0, -1.0, VH, PEEK), Snap::Full);
        assert_eq!(settle(Snap::Peek, 5.0, 2.0, VH, PEEK), Snap::Peek);
        assert_eq!(settle(Snap::Full, -5.0, -2.0, VH, PEEK), Snap::Full);
        assert_eq!(settle(Snap::Full, 50.0, FLING, VH, PEEK), Snap::Half);
    }

    #[test]
    fn a_new_selection_opens_at_half_and_stepping_keeps_the_height() {
        assert_eq!(after_selection(false, Snap::Peek), Snap::Half);
        assert_eq!(after_selection(false, Snap::Full), Snap::Half);
        assert_eq!(after_selection(true, Snap::Peek), Snap::Peek);
        assert_eq!(after_selection(true, Snap::Full), Snap::Full);
    }

    #[test]
    fn a_drawing_is_brought_back_up_when_the_sheet_opens_or_moves() {
        assert!(brings_view_up(true, true, false));
        assert!(brings_view_up(true, false, true));
        assert!(!brings_view_up(true, false, false));
        assert!(!brings_view_up(false, true, true));
    }
}
