//! The Actors view's own settings — network or table, ego mode, the table's sort — and what
//! its buttons do to them, as a pure reducer with the same [`Effect`]s as the drawing's. The
//! mode and ego mode are also in the link (`net=`); the view is enlarged by giving it the
//! stage, like any view (`stage=actors`).

use super::interaction::Effect;
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
    pub sort: Sort,
    /// The mode and ego mode as the link and the view last agreed on them.
    in_link: InLink<ActorsMode>,
}

/// What the reader did in the view's head, or a key that reached the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PanelInput {
    ShowAs(Mode),
    ToggleEgo,
    SortBy(Sort),
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

    pub fn update(&mut self, input: PanelInput) -> Vec<Effect> {
        match input {
            PanelInput::ShowAs(mode) => self.mode = mode,
            PanelInput::ToggleEgo => self.ego = !self.ego,
            PanelInput::SortBy(sort) => self.sort = sort,
        }
        vec![Effect::Redraw]
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::SortKey;
    use super::*;

    #[test]
    fn the_view_opens_as_a_network_at_its_normal_size() {
        let p = Panel::default();
        assert_eq!(p.mode, Mode::Network);
        assert!(!p.ego);
        assert_eq!(p.sort, Sort::default());
    }

    #[test]
    fn the_buttons_switch_mode_and_ego() {
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
        // The table's sort is not in the link.
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
}
