//! The Actors view's own settings — network or table, ego mode, the enlarged view, the
//! table's sort — and what its buttons and Escape do to them, as a pure reducer with the
//! same [`Effect`]s as the drawing's. The mode and ego mode are also in the link (`net=`).

use super::interaction::Effect;
use super::keynav::{key_command, Command};
use super::table::Sort;
use crate::url::ActorsMode;
use crate::views::in_link::InLink;

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
    /// The mode and ego mode as the link and the view last agreed on them.
    in_link: InLink<ActorsMode>,
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
    /// Takes the link's mode and ego mode, as the app reads them now.
    pub fn read_link(&mut self, link: ActorsMode) {
        if let Some(link) = self.in_link.read(&link) {
            self.mode = link.mode;
            self.ego = link.ego;
        }
    }

    /// After a change: what the link must now say, when that changed.
    pub fn link_change(&mut self) -> Option<ActorsMode> {
        self.in_link.shown(ActorsMode {
            mode: self.mode,
            ego: self.ego,
        })
    }

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
    fn the_mode_and_ego_mode_follow_the_link_and_the_buttons() {
        let mut p = Panel::default();
        p.read_link(ActorsMode::default());
        assert_eq!(p.link_change(), None);
        let table_ego = ActorsMode {
            mode: Mode::Table,
            ego: true,
        };
        p.read_link(table_ego);
        assert_eq!((p.mode, p.ego), (Mode::Table, true));
        assert_eq!(p.link_change(), None, "shown as the link says it");
        p.update(PanelInput::ToggleEgo);
        assert_eq!(
            p.link_change(),
            Some(ActorsMode {
                mode: Mode::Table,
                ego: false
            })
        );
        // The enlarged view and the table's sort are not in the link.
        p.update(PanelInput::ToggleExpanded);
        p.update(PanelInput::SortBy(p.sort.toggled(SortKey::Name)));
        assert_eq!(p.link_change(), None);
        // The link written comes back; then back to the older one.
        p.read_link(ActorsMode {
            mode: Mode::Table,
            ego: false,
        });
        assert!(!p.ego);
        p.read_link(table_ego);
        assert!(p.ego);
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
