//! The list of a place's events that the map shows over its mark: what hovering, focusing,
//! clicking and pressing keys on marks and lists does to it, as a reducer. The browser glue
//! feeds it inputs and carries out the effects it returns (a grace timer, a hover for the
//! other views, a focus move after the next render).
//!
//! Two lists can be asked for at once: a *peek* (the pointer or focus is on a mark, shown at
//! once and hidden a moment after it leaves, so the pointer can reach the list) and an
//! *open* list (a click or Enter on a mark, kept until closed). The peek wins while it lasts.

/// How long a peeked list stays after the pointer leaves its mark, so it can be reached.
pub const PEEK_GRACE_MS: u32 = 300;

/// What to focus after the next render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusRequest {
    /// The first event link of the open list.
    ListStart,
    /// A place's mark.
    Mark(usize),
}

/// An input from the marks, the lists, the keyboard or the timer. Places are indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// The pointer (`from_pointer`) or the focus is on a place's mark; `map_moving` while
    /// a drag or pinch is under way.
    Peek {
        place: usize,
        from_pointer: bool,
        map_moving: bool,
    },
    /// The pointer or the focus left a mark.
    Unpeek { from_pointer: bool },
    /// The pointer or the focus entered the list: keep it.
    KeepList,
    /// ...and left it.
    ReleaseList,
    /// The grace period after leaving ran out.
    GraceElapsed,
    /// A mark with several events was activated, by the keyboard or the pointer.
    Toggle { place: usize, by_keyboard: bool },
    /// An event was picked in a place's list.
    Picked { place: usize, by_keyboard: bool },
    /// Escape or the close button; `refocus` returns the focus to the list's mark.
    Close { refocus: bool },
    /// A tap on the map's background.
    BackgroundTap,
    /// Another event was selected (anywhere in the app).
    SelectionChanged,
}

/// What the glue must do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Tell the other views the pointer is on this place (`None`: on nothing).
    Hover(Option<usize>),
    /// Start (or restart) the grace timer; it answers with [`Input::GraceElapsed`].
    StartGrace,
    /// Stop the grace timer.
    CancelGrace,
    /// Move the focus after the next render.
    Focus(FocusRequest),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceList {
    /// Opened by activating a mark; stays until closed.
    pub open: Option<usize>,
    /// Shown while the pointer or the focus is on a mark or its list.
    pub peek: Option<usize>,
    /// A mark the view is focusing itself (after its list closed): that focus must not
    /// reopen the list.
    quiet_focus: Option<usize>,
}

impl PlaceList {
    /// The place whose list is drawn: a peek over the open one.
    pub fn shown(&self) -> Option<usize> {
        self.peek.or(self.open)
    }

    pub fn is_shown(&self) -> bool {
        self.shown().is_some()
    }

    /// The view is about to focus `place`'s mark itself; until [`PlaceList::focused`], focus
    /// on it does not peek.
    pub fn focusing(&mut self, place: usize) {
        self.quiet_focus = Some(place);
    }

    pub fn focused(&mut self) {
        self.quiet_focus = None;
    }

    pub fn update(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Peek {
                place,
                from_pointer,
                map_moving,
            } => {
                if (from_pointer && map_moving)
                    || (!from_pointer && self.quiet_focus == Some(place))
                {
                    return Vec::new();
                }
                self.peek = Some(place);
                let mut effects = vec![Effect::CancelGrace];
                if from_pointer {
                    effects.push(Effect::Hover(Some(place)));
                }
                effects
            }
            Input::Unpeek { from_pointer } => {
                let mut effects = vec![Effect::StartGrace];
                if from_pointer {
                    effects.push(Effect::Hover(None));
                }
                effects
            }
            Input::KeepList => vec![Effect::CancelGrace],
            Input::ReleaseList => vec![Effect::StartGrace],
            Input::GraceElapsed => {
                self.peek = None;
                Vec::new()
            }
            Input::Toggle { place, by_keyboard } => {
                if by_keyboard {
                    self.open = Some(place);
                    vec![Effect::Focus(FocusRequest::ListStart)]
                } else {
                    self.open = if self.open == Some(place) {
                        None
                    } else {
                        Some(place)
                    };
                    Vec::new()
                }
            }
            Input::Picked { place, by_keyboard } => {
                if by_keyboard {
                    vec![Effect::Focus(FocusRequest::Mark(place))]
                } else {
                    Vec::new()
                }
            }
            Input::Close { refocus } => {
                let place = self.shown();
                self.open = None;
                self.peek = None;
                match place {
                    Some(place) if refocus => vec![Effect::Focus(FocusRequest::Mark(place))],
                    _ => Vec::new(),
                }
            }
            Input::BackgroundTap => {
                self.open = None;
                Vec::new()
            }
            Input::SelectionChanged => {
                self.open = None;
                self.peek = None;
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOSCOW: usize = 3;
    const DUSHANBE: usize = 7;

    fn peek(place: usize, from_pointer: bool) -> Input {
        Input::Peek {
            place,
            from_pointer,
            map_moving: false,
        }
    }

    #[test]
    fn hovering_a_mark_shows_its_list_at_once_and_tells_the_other_views() {
        let mut list = PlaceList::default();
        assert!(!list.is_shown());
        let effects = list.update(peek(MOSCOW, true));
        assert_eq!(list.shown(), Some(MOSCOW));
        assert!(list.is_shown());
        assert_eq!(
            effects,
            vec![Effect::CancelGrace, Effect::Hover(Some(MOSCOW))]
        );
        // Focus peeks too, but is no pointer hover.
        let mut list = PlaceList::default();
        assert_eq!(list.update(peek(MOSCOW, false)), vec![Effect::CancelGrace]);
        assert_eq!(list.shown(), Some(MOSCOW));
    }

    #[test]
    fn leaving_a_mark_hides_its_list_only_after_the_grace_period() {
        let mut list = PlaceList::default();
        list.update(peek(MOSCOW, true));
        let effects = list.update(Input::Unpeek { from_pointer: true });
        assert_eq!(effects, vec![Effect::StartGrace, Effect::Hover(None)]);
        assert_eq!(list.shown(), Some(MOSCOW), "still reachable");
        list.update(Input::GraceElapsed);
        assert_eq!(list.shown(), None);
    }

    #[test]
    fn reaching_the_list_keeps_it_and_leaving_it_starts_the_grace_period() {
        let mut list = PlaceList::default();
        list.update(peek(MOSCOW, true));
        list.update(Input::Unpeek { from_pointer: true });
        assert_eq!(list.update(Input::KeepList), vec![Effect::CancelGrace]);
        assert_eq!(list.update(Input::ReleaseList), vec![Effect::StartGrace]);
    }

    #[test]
    fn a_drag_passing_over_marks_peeks_nothing() {
        let mut list = PlaceList::default();
        let effects = list.update(Input::Peek {
            place: MOSCOW,
            from_pointer: true,
            map_moving: true,
        });
        assert!(effects.is_empty());
        assert_eq!(list.shown(), None);
    }

    #[test]
    fn a_click_toggles_the_list_and_enter_opens_it_with_the_focus_inside() {
        let mut list = PlaceList::default();
        let click = Input::Toggle {
            place: MOSCOW,
            by_keyboard: false,
        };
        assert!(list.update(click).is_empty());
        assert_eq!(list.open, Some(MOSCOW));
        list.update(click);
        assert_eq!(list.open, None);
        let enter = Input::Toggle {
            place: DUSHANBE,
            by_keyboard: true,
        };
        assert_eq!(
            list.update(enter),
            vec![Effect::Focus(FocusRequest::ListStart)]
        );
        assert_eq!(
            list.update(enter),
            vec![Effect::Focus(FocusRequest::ListStart)]
        );
        assert_eq!(list.open, Some(DUSHANBE), "Enter never closes");
    }

    #[test]
    fn the_peek_shows_over_the_open_list() {
        let mut list = PlaceList::default();
        list.update(Input::Toggle {
            place: MOSCOW,
            by_keyboard: false,
        });
        list.update(peek(DUSHANBE, true));
        assert_eq!(list.shown(), Some(DUSHANBE));
        list.update(Input::GraceElapsed);
        assert_eq!(list.shown(), Some(MOSCOW));
    }

    #[test]
    fn escape_closes_the_list_and_returns_the_focus_to_its_mark() {
        let mut list = PlaceList::default();
        list.update(Input::Toggle {
            place: MOSCOW,
            by_keyboard: true,
        });
        assert_eq!(
            list.update(Input::Close { refocus: true }),
            vec![Effect::Focus(FocusRequest::Mark(MOSCOW))]
        );
        assert!(!list.is_shown());
        // Closing with the focus elsewhere leaves it there.
        list.update(peek(DUSHANBE, true));
        assert!(list.update(Input::Close { refocus: false }).is_empty());
        assert!(!list.is_shown());
    }

    #[test]
    fn the_view_focusing_a_mark_itself_does_not_reopen_its_list() {
        let mut list = PlaceList::default();
        list.focusing(MOSCOW);
        assert!(list.update(peek(MOSCOW, false)).is_empty());
        assert!(!list.is_shown());
        // Other marks, and the pointer, still peek.
        list.update(peek(DUSHANBE, false));
        assert_eq!(list.shown(), Some(DUSHANBE));
        list.focused();
        list.update(peek(MOSCOW, false));
        assert_eq!(list.shown(), Some(MOSCOW));
    }

    #[test]
    fn picking_with_the_keyboard_returns_to_the_mark_and_a_new_selection_closes_lists() {
        let mut list = PlaceList::default();
        list.update(Input::Toggle {
            place: MOSCOW,
            by_keyboard: true,
        });
        assert_eq!(
            list.update(Input::Picked {
                place: MOSCOW,
                by_keyboard: true
            }),
            vec![Effect::Focus(FocusRequest::Mark(MOSCOW))]
        );
        assert!(list
            .update(Input::Picked {
                place: MOSCOW,
                by_keyboard: false
            })
            .is_empty());
        list.update(peek(DUSHANBE, true));
        list.update(Input::SelectionChanged);
        assert!(!list.is_shown());
    }

    #[test]
    fn a_background_tap_closes_the_open_list_only() {
        let mut list = PlaceList::default();
        list.update(Input::Toggle {
            place: MOSCOW,
            by_keyboard: false,
        });
        list.update(peek(DUSHANBE, true));
        list.update(Input::BackgroundTap);
        assert_eq!(list.open, None);
        assert_eq!(list.shown(), Some(DUSHANBE));
    }
}
