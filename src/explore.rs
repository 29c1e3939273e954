//! One reader's exploration: a link resolved against the catalog. It keeps what the link
//! asked for that the data knows, lists in plain words what it could not use, and derives
//! the events every view shows. Pure, so the whole deep-link contract is tested natively.

use std::rc::Rc;

use crate::data::Catalog;
use crate::query::filter::Matcher;
use crate::query::{SearchIndex, Target};
use crate::url::{self, Route, UrlState};

#[derive(Clone, Debug, PartialEq)]
pub struct Exploration {
    /// The state the app shows: the link minus what could not be used.
    pub url: UrlState,
    /// Messages about the parts of the link that were not understood.
    pub notices: Vec<String>,
    /// Indices of the events that pass the filters, in date order. Shared with the previous
    /// exploration while the filters stay the same, so views can tell "same events" by
    /// pointer and a selection does not re-filter 50k events.
    pub shown: Rc<[usize]>,
    /// The event, actor or place the route opens, when the data has it.
    pub selected: Option<Target>,
    /// The storyline whose tour is being walked, and the step the selected event is at.
    pub tour: Option<TourPosition>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourPosition {
    pub storyline: usize,
    /// Index into the storyline's tour of the selected event (`None` before the first step
    /// or when the selected event is not part of the tour).
    pub step: Option<usize>,
    pub steps: usize,
}

impl Exploration {
    /// Resolves a URL fragment (`#/event/…?…`).
    pub fn from_fragment(catalog: &Catalog, search: &SearchIndex, fragment: &str) -> Exploration {
        Exploration::resolve_after(None, catalog, search, fragment)
    }

    /// Resolves the fragment that follows `self`, reusing `self.shown` when the filters are
    /// unchanged.
    pub fn next(&self, catalog: &Catalog, search: &SearchIndex, fragment: &str) -> Exploration {
        Exploration::resolve_after(Some(self), catalog, search, fragment)
    }

    fn resolve_after(
        previous: Option<&Exploration>,
        catalog: &Catalog,
        search: &SearchIndex,
        fragment: &str,
    ) -> Exploration {
        let (state, problems) = url::parse(fragment);
        let notices = problems.iter().map(ToString::to_string).collect();
        Exploration::resolve_with(previous, catalog, search, state, notices)
    }

    /// Resolves a state the app built itself (still checked: ids may be stale after a
    /// different dataset was opened).
    pub fn resolve(
        catalog: &Catalog,
        search: &SearchIndex,
        state: UrlState,
        notices: Vec<String>,
    ) -> Exploration {
        Exploration::resolve_with(None, catalog, search, state, notices)
    }

    fn resolve_with(
        previous: Option<&Exploration>,
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
        let mut renamed = None;
        let missing = match &state.route {
            Route::Overview => None,
            Route::Event(id) => {
                selected_event = catalog.event_index(id).or_else(|| {
                    renamed = catalog.event_by_former_id(id);
                    renamed
                });
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
        if let (Some(event), Route::Event(old)) = (renamed, &state.route) {
            let event = &catalog.events()[event];
            notices.push(former_id_notice(old, &event.id));
            // The link is rewritten to the current id, so it is shared on in that form.
            state.route = Route::Event(event.id.clone());
        }
        if let Some(message) = missing {
            notices.push(format!("{message}; showing the overview instead"));
            state.route = Route::Overview;
        }
        let tour = match state
            .tour
            .as_deref()
            .map(|id| (id, catalog.storyline_index(id)))
        {
            None => None,
            Some((_, Some(storyline))) => {
                let steps = &catalog.storylines()[storyline].tour;
                let selected = selected_event.map(|e| catalog.events()[e].id.as_str());
                let step = steps
                    .iter()
                    .position(|s| Some(s.event.as_str()) == selected);
                Some(TourPosition {
                    storyline,
                    step,
                    steps: steps.len(),
                })
            }
            Some((id, None)) => {
                notices.push(format!(
                    "“tour={id}”: there is no such tour; it was left out"
                ));
                state.tour = None;
                None
            }
        };
        if let Some(link) = state.compare.as_mut() {
            notices.extend(crate::views::compare::link::retain_known(catalog, link));
        }
        let shown = match previous {
            Some(previous) if previous.url.filters == state.filters => previous.shown.clone(),
            _ => Matcher::new(catalog, search, &state.filters)
                .filtered()
                .into(),
        };
        Exploration {
            url: state,
            notices,
            shown,
            selected: Target::selected(selected_event, selected_actor, selected_place),
            tour,
        }
    }

    /// The canonical fragment for the resolved state (without `#`).
    pub fn fragment(&self) -> String {
        url::format(&self.url)
    }

    /// The selected event, if the route opens one.
    pub fn selected_event(&self) -> Option<usize> {
        match self.selected {
            Some(Target::Event(e)) => Some(e),
            _ => None,
        }
    }

    /// The selected actor, if the route opens one.
    pub fn selected_actor(&self) -> Option<usize> {
        match self.selected {
            Some(Target::Actor(a)) => Some(a),
            _ => None,
        }
    }

    /// The selected place, if the route opens one.
    pub fn selected_place(&self) -> Option<usize> {
        match self.selected {
            Some(Target::Place(p)) => Some(p),
            _ => None,
        }
    }

    /// Whether the selected event passes the current filters.
    pub fn selection_shown(&self) -> bool {
        self.selected_event()
            .is_some_and(|e| self.shown.binary_search(&e).is_ok())
    }
}

/// Tells the reader that the link named an event by an id it no longer has.
fn former_id_notice(old: &str, current: &str) -> String {
    format!(
        "“{old}” is an old id of an event that is now “{current}”; that event is shown, \
         and the link has been updated"
    )
}

impl TourPosition {
    /// The event id of the step `delta` away from the current one; before the first step,
    /// "next" is the first step. `None` past either end.
    pub fn target<'a>(&self, catalog: &'a Catalog, delta: isize) -> Option<&'a str> {
        let steps = &catalog.storylines()[self.storyline].tour;
        let index = match self.step {
            Some(step) => step as isize + delta,
            None if delta > 0 => 0,
            None => return None,
        };
        usize::try_from(index)
            .ok()
            .and_then(|i| steps.get(i))
            .map(|s| s.event.as_str())
    }
}
