//! One reader's exploration: a link resolved against the catalog. It keeps what the link
//! asked for that the data knows, lists in plain words what it could not use, and derives
//! the events every view shows. Pure, so the whole deep-link contract is tested natively.

use crate::data::Catalog;
use crate::query::filter::Matcher;
use crate::query::SearchIndex;
use crate::url::{self, Route, UrlState};

#[derive(Clone, Debug, PartialEq)]
pub struct Exploration {
    /// The state the app shows: the link minus what could not be used.
    pub url: UrlState,
    /// Messages about the parts of the link that were not understood.
    pub notices: Vec<String>,
    /// Indices of the events that pass the filters, in date order.
    pub shown: Vec<usize>,
    pub selected_event: Option<usize>,
    pub selected_actor: Option<usize>,
    pub selected_place: Option<usize>,
}

impl Exploration {
    /// Resolves a URL fragment (`#/event/…?…`).
    pub fn from_fragment(catalog: &Catalog, search: &SearchIndex, fragment: &str) -> Exploration {
        let (state, problems) = url::parse(fragment);
        let notices = problems.iter().map(ToString::to_string).collect();
        Exploration::resolve(catalog, search, state, notices)
    }

    /// Resolves a state the app built itself (still checked: ids may be stale after a
    /// different dataset was opened).
    pub fn resolve(
        catalog: &Catalog,
        search: &SearchIndex,
        mut state: UrlState,
        mut notices: Vec<String>,
    ) -> Exploration {
        for unknown in state.filters.retain_known(catalog) {
            notices.push(format!(
                "“{}={}”: this dataset has no such {}; that filter was left out",
                unknown.param, unknown.value, unknown.param
            ));
        }
        let (mut selected_event, mut selected_actor, mut selected_place) = (None, None, None);
        let missing = match &state.route {
            Route::Overview => None,
            Route::Event(id) => {
                selected_event = catalog.event_index(id);
                selected_event
                    .is_none()
                    .then(|| format!("no event has the id “{id}”"))
            }
            Route::Actor(id) => {
                selected_actor = catalog.actor_index(id);
                selected_actor
                    .is_none()
                    .then(|| format!("no actor has the id “{id}”"))
            }
            Route::Place(id) => {
                selected_place = catalog.place_index(id);
                selected_place
                    .is_none()
                    .then(|| format!("no place has the id “{id}”"))
            }
        };
        if let Some(message) = missing {
            notices.push(format!("{message}; showing the overview instead"));
            state.route = Route::Overview;
        }
        let shown = Matcher::new(catalog, search, &state.filters).filtered();
        Exploration {
            url: state,
            notices,
            shown,
            selected_event,
            selected_actor,
            selected_place,
        }
    }

    /// The canonical fragment for the resolved state (without `#`).
    pub fn fragment(&self) -> String {
        url::format(&self.url)
    }

    /// Whether the selected event passes the current filters.
    pub fn selection_shown(&self) -> bool {
        self.selected_event
            .is_some_and(|e| self.shown.binary_search(&e).is_ok())
    }
}
