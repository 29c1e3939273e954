//! The Actors view's own settings — network or table, ego mode, the enlarged view, the
//! table's sort — and what its buttons and Escape do to them, as a pure reducer with the
//! same [`Effect`]s as the drawing's.

use super::interaction::Effect;
use super::keynav::{key_command, Command};
use super::table::Sort;

/// How the actors show (defined with the link, which carries it as `net=`).
pub use crate::url::Mode;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Panel {
    pub mode: Mode,
    /// Only the selected actor and those they dealt with.
    pub ego: bool,
    /// The view drawn larger, over the others.
    pub expanded: bool,
    pub sort: Sort,
}

/// What the reader did in the view's head, or a key that reached the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PanelInput<'a> {
    ShowAs(Mode),
    ToggleEgo,
    ToggleExpanded,
    SortBy(Sort),
    Key { key: &'a str, modified: bool },
}

impl Panel {
    pub fn update(&mut self, input: PanelInput<'_>) -> Vec<Effect> {
        match input {
            PanelInput::ShowAs(mode) => self.mode = mode,
            PanelInput::ToggleEgo => self.ego = !self.ego,
            PanelInput::ToggleExpanded => self.expanded = !self.expanded,
            PanelInput::SortBy(sort) => self.sort = sort,
            PanelInput::Key { key, modified } => {
                // Escape first shrinks an enlarged view; only then does it clear the
                // selection (the app's handler, which this one keeps it from).
                if key_command(key, modified) == Some(Command::Shrink) && self.expanded {
                    self.expanded = false;
                    return vec![
                        Effect::PreventDefault,
                        Effect::StopPropagation,
                        Effect::Redraw,
                    ];
                }
                return vec![];
            }
        }
        vec![Effect::Redraw]
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::SortKey;
    use super::*;

    fn escape(modified: bool) -> PanelInput<'static> {
        PanelInput::Key {
            key: "Escape",
            modified,
        }
    }

    #[test]
    fn the_view_opens_as_a_network_at_its_normal_size() {
        let p = Panel::default();
        assert_eq!(p.mode, Mode::Network);
        assert!(!p.ego && !p.expanded);
        assert_eq!(p.sort, Sort::default());
    }

    #[test]
    fn the_buttons_switch_mode_ego_and_size() {
        let mut p = Panel::default();
        assert_eq!(
            p.update(PanelInput::ShowAs(Mode::Table)),
            vec![Effect::Redraw]
        );
        assert_eq!(p.mode, Mode::Table);
        p.update(PanelInput::ShowAs(Mode::Network));
        assert_eq!(p.mode, Mode::Network);
        p.update(PanelInput::ToggleEgo);
        assert!(p.ego);
        p.update(PanelInput::ToggleEgo);
        assert!(!p.ego);
        p.update(PanelInput::ToggleExpanded);
        assert!(p.expanded);
    }

    #[test]
    fn a_header_sorts_the_table() {
        let mut p = Panel::default();
        let by_name = p.sort.toggled(SortKey::Name);
        assert_ne!(by_name, p.sort);
        assert_eq!(p.update(PanelInput::SortBy(by_name)), vec![Effect::Redraw]);
        assert_eq!(p.sort, by_name);
    }

    #[test]
    fn escape_shrinks_an_enlarged_view_and_goes_no_further() {
        let mut p = Panel {
            expanded: true,
            ..Panel::default()
        };
        assert_eq!(
            p.update(escape(false)),
            vec![
                Effect::PreventDefault,
                Effect::StopPropagation,
                Effect::Redraw
            ]
        );
        assert!(!p.expanded);
        // At the normal size Escape is the app's: it clears the selection.
        assert_eq!(p.update(escape(false)), vec![]);
    }

    #[test]
    fn escape_shrinks_with_modifiers_too_and_other_keys_pass() {
        let mut p = Panel {
            expanded: true,
            ..Panel::default()
        };
        for key in ["Enter", "+", "ArrowDown", "0"] {
            assert_eq!(
                p.update(PanelInput::Key {
                    key,
                    modified: false
                }),
                vec![]
            );
        }
        assert!(p.expanded);
        assert_ne!(p.update(escape(true)), vec![]);
        assert!(!p.expanded);
    }
}
