//! The layout's part of a link: which view has the stage and which side panels the reader
//! folded away, so a colleague opens the explorer arranged as the sender had it.
//!
//! | parameter | says | example |
//! |---|---|---|
//! | `stage=<view>` | one view fills the views' area: `map`, `timeline`, `actors` or `list` | `stage=map` |
//! | `hide=<panels>` | side panels folded to a strip: `filters`, `details` or both | `hide=filters,details` |
//! | `embed=<views>` | the compact page for an `<iframe>`: only these views, no filters or tours, a link to the full explorer | `embed=map,timeline` |

use super::PhoneTab;

/// How the wide layout is arranged; the default shows every view and both side panels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Layout {
    /// The view on stage, if one is.
    pub stage: Option<PhoneTab>,
    pub hidden: Panels,
    /// Embedded in another page: the views it shows, in the order of [`PhoneTab::ALL`].
    pub embed: Option<Embed>,
}

/// The views an embedded explorer shows (at least one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Embed {
    shows: [bool; 4],
}

impl Embed {
    /// The views named, or `None` when none is.
    pub fn of(views: &[PhoneTab]) -> Option<Embed> {
        let mut shows = [false; 4];
        for view in views {
            if let Some(i) = PhoneTab::ALL.iter().position(|v| v == view) {
                shows[i] = true;
            }
        }
        shows.contains(&true).then_some(Embed { shows })
    }

    pub fn shows(self, view: PhoneTab) -> bool {
        PhoneTab::ALL
            .iter()
            .position(|&v| v == view)
            .is_some_and(|i| self.shows[i])
    }

    /// The views shown, in their fixed order.
    pub fn views(self) -> Vec<PhoneTab> {
        PhoneTab::ALL
            .into_iter()
            .filter(|&v| self.shows(v))
            .collect()
    }
}

/// The side panels that can be folded away.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Panels {
    /// The filter rail (search and facets).
    pub filters: bool,
    /// The column of tours and details.
    pub details: bool,
}

/// A side panel the reader can fold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    Filters,
    Details,
}

impl Panel {
    pub const ALL: [Panel; 2] = [Panel::Filters, Panel::Details];

    pub fn id(self) -> &'static str {
        match self {
            Panel::Filters => "filters",
            Panel::Details => "details",
        }
    }
}

impl Panels {
    pub fn is_hidden(self, panel: Panel) -> bool {
        match panel {
            Panel::Filters => self.filters,
            Panel::Details => self.details,
        }
    }

    /// The same panels with `panel` hidden or shown.
    pub fn with(self, panel: Panel, hidden: bool) -> Panels {
        match panel {
            Panel::Filters => Panels {
                filters: hidden,
                ..self
            },
            Panel::Details => Panels {
                details: hidden,
                ..self
            },
        }
    }
}

impl Layout {
    /// The layout with `view` on stage, or every view back when it already was.
    pub fn toggle_stage(self, view: PhoneTab) -> Layout {
        let stage = (self.stage != Some(view)).then_some(view);
        Layout { stage, ..self }
    }

    /// The layout with `panel` folded away or back.
    pub fn with_hidden(self, panel: Panel, hidden: bool) -> Layout {
        Layout {
            hidden: self.hidden.with(panel, hidden),
            ..self
        }
    }

    /// Whether `view` is drawn: every view (or every embedded one), or only the one on stage.
    pub fn shows(self, view: PhoneTab) -> bool {
        self.stage.is_none_or(|staged| staged == view)
            && self.embed.is_none_or(|embed| embed.shows(view))
    }
}

/// Reads `stage` or `hide` into `layout`; `None` when `key` is neither. `value` is already
/// percent-decoded.
pub(super) fn parse_param(
    key: &str,
    value: &str,
    layout: &mut Layout,
) -> Option<Result<(), &'static str>> {
    let value = value.trim();
    match key {
        "stage" => Some(match PhoneTab::from_id(value) {
            Some(view) => {
                layout.stage = Some(view);
                Ok(())
            }
            None => Err("not a view (map, timeline, actors or list); every view shows"),
        }),
        "hide" => {
            let mut read = Ok(());
            for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                match Panel::ALL.into_iter().find(|p| p.id() == item) {
                    Some(panel) => layout.hidden = layout.hidden.with(panel, true),
                    None => read = Err("not filters or details; the rest applies"),
                }
            }
            Some(read)
        }
        "embed" => {
            let mut views = Vec::new();
            let mut read = Ok(());
            for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                match PhoneTab::from_id(item) {
                    Some(view) => views.push(view),
                    None => {
                        read = Err("not a view (map, timeline, actors or list); the rest applies")
                    }
                }
            }
            layout.embed = Embed::of(&views);
            if layout.embed.is_none() {
                read = Err("names no view; the full explorer shows");
            }
            Some(read)
        }
        _ => None,
    }
}

/// Appends `&stage=…`, `&hide=…` and `&embed=…` when they differ from the default.
pub(super) fn format_params(layout: &Layout, out: &mut String) {
    if let Some(view) = layout.stage {
        out.push_str("&stage=");
        out.push_str(view.id());
    }
    let hidden: Vec<&str> = Panel::ALL
        .into_iter()
        .filter(|&p| layout.hidden.is_hidden(p))
        .map(Panel::id)
        .collect();
    if !hidden.is_empty() {
        out.push_str("&hide=");
        out.push_str(&hidden.join(","));
    }
    if let Some(embed) = layout.embed {
        let views: Vec<&str> = embed.views().into_iter().map(PhoneTab::id).collect();
        out.push_str("&embed=");
        out.push_str(&views.join(","));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{format, parse, UrlState};

    fn read(query: &str) -> (Layout, Vec<String>) {
        let (state, problems) = parse(&format!("/?{query}"));
        (state.layout, problems.into_iter().map(|p| p.part).collect())
    }

    fn link(layout: Layout) -> String {
        format(&UrlState {
            layout,
            ..UrlState::default()
        })
    }

    #[test]
    fn the_default_layout_adds_nothing_to_a_link() {
        assert_eq!(link(Layout::default()), "/");
    }

    #[test]
    fn a_staged_view_and_folded_panels_read_back() {
        let layout = Layout {
            stage: Some(PhoneTab::Timeline),
            hidden: Panels {
                filters: true,
                details: true,
            },
            embed: None,
        };
        assert_eq!(link(layout), "/?stage=timeline&hide=filters,details");
        assert_eq!(
            read("hide=details,filters&stage=timeline"),
            (layout, vec![])
        );
        let (only_details, problems) = read("hide=details");
        assert!(problems.is_empty());
        assert_eq!(
            only_details.hidden.with(Panel::Details, false),
            Panels::default()
        );
        assert!(!only_details.hidden.filters);
    }

    #[test]
    fn an_embed_names_its_views_in_a_fixed_order() {
        let (layout, problems) = read("embed=timeline,map,timeline");
        assert!(problems.is_empty(), "{problems:?}");
        let embed = layout.embed.unwrap();
        assert_eq!(embed.views(), [PhoneTab::Map, PhoneTab::Timeline]);
        assert!(layout.shows(PhoneTab::Timeline) && !layout.shows(PhoneTab::Actors));
        assert_eq!(link(layout), "/?embed=map,timeline");
        let staged = Layout {
            stage: Some(PhoneTab::List),
            ..layout
        };
        assert!(
            !staged.shows(PhoneTab::List),
            "an embed shows only its own views"
        );
        assert!(!staged.shows(PhoneTab::Map), "and only the one on stage");
        let (partly, problems) = read("embed=globe,list");
        assert_eq!(partly.embed.map(Embed::views), Some(vec![PhoneTab::List]));
        assert_eq!(problems, ["embed=globe,list"]);
        let (none, problems) = read("embed=,globe");
        assert_eq!(none.embed, None);
        assert_eq!(problems, ["embed=,globe"]);
        assert_eq!(Embed::of(&[]), None);
        assert!(
            Embed::of(&PhoneTab::ALL).is_some_and(|e| PhoneTab::ALL.iter().all(|&v| e.shows(v)))
        );
    }

    #[test]
    fn what_is_not_understood_is_reported_and_the_rest_applies() {
        let (layout, problems) = read("stage=globe&hide=filters,menu");
        assert_eq!(layout.stage, None);
        assert!(layout.hidden.filters && !layout.hidden.details);
        assert_eq!(problems, ["stage=globe", "hide=filters,menu"]);
    }

    #[test]
    fn staging_a_view_again_brings_every_view_back() {
        let staged = Layout::default().toggle_stage(PhoneTab::Map);
        assert_eq!(staged.stage, Some(PhoneTab::Map));
        assert!(staged.shows(PhoneTab::Map) && !staged.shows(PhoneTab::List));
        let other = staged.toggle_stage(PhoneTab::List);
        assert_eq!(other.stage, Some(PhoneTab::List));
        assert_eq!(other.toggle_stage(PhoneTab::List), Layout::default());
        assert!(PhoneTab::ALL.iter().all(|&v| Layout::default().shows(v)));
    }

    #[test]
    fn a_layout_folds_and_unfolds_one_panel_at_a_time() {
        let details = Layout::default().with_hidden(Panel::Details, true);
        assert_eq!(details.hidden, Panels::default().with(Panel::Details, true));
        let staged = Layout {
            stage: Some(PhoneTab::Map),
            ..details
        };
        let both = staged.with_hidden(Panel::Filters, true);
        assert_eq!(both.stage, Some(PhoneTab::Map), "the stage stays");
        assert!(both.hidden.filters && both.hidden.details);
        assert_eq!(
            both.with_hidden(Panel::Filters, false)
                .with_hidden(Panel::Details, false),
            Layout {
                stage: Some(PhoneTab::Map),
                ..Layout::default()
            }
        );
    }

    #[test]
    fn a_panel_is_hidden_and_shown_on_its_own() {
        let filters = Panels::default().with(Panel::Filters, true);
        assert!(filters.is_hidden(Panel::Filters) && !filters.is_hidden(Panel::Details));
        let both = filters.with(Panel::Details, true);
        assert!(both.is_hidden(Panel::Details));
        assert_eq!(
            both.with(Panel::Filters, false).with(Panel::Details, false),
            Panels::default()
        );
    }
}
