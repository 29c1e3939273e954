//! The one app state (a reducer behind a context). Its shareable part lives in the URL:
//! every change a reader might share is made by writing the URL, which is then read back,
//! so clicks, typed links, reloads and back/forward all take the same path.

use std::rc::Rc;

use yew::prelude::*;

use super::history;
use super::view_link::PendingViews;
use crate::data::Catalog;
use crate::explore::Exploration;
pub use crate::query::Target;
use crate::query::{Filters, SearchIndex};
use crate::sheet::{self, Snap};
use crate::url::{Layout, Route, UrlState, ViewState};

#[derive(Clone)]
pub struct AppState {
    pub catalog: Rc<Catalog>,
    pub search: Rc<SearchIndex>,
    pub exploration: Rc<Exploration>,
    /// The fragment `exploration` was resolved from, to skip repeated notifications.
    pub fragment: String,
    /// What the pointer or keyboard focus is on, lit in every view.
    pub hover: Option<Target>,
    pub notices_dismissed: bool,
    pub help_open: bool,
    /// The height of the details sheet on a phone (`crate::sheet`).
    pub sheet: Snap,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.exploration, &other.exploration)
            && self.hover == other.hover
            && self.notices_dismissed == other.notices_dismissed
            && self.help_open == other.help_open
            && self.sheet == other.sheet
    }
}

pub enum Action {
    /// The URL fragment is now this (after our own navigation, back/forward, or an edit).
    FromUrl(String),
    Hover(Option<Target>),
    DismissNotices,
    SetHelp(bool),
    SetSheet(Snap),
}

impl AppState {
    pub fn new(catalog: Rc<Catalog>, fragment: String) -> AppState {
        let search = Rc::new(SearchIndex::lazy());
        let exploration = Rc::new(Exploration::from_fragment(&catalog, &search, &fragment));
        AppState {
            catalog,
            search,
            exploration,
            fragment,
            hover: None,
            notices_dismissed: false,
            help_open: false,
            sheet: Snap::default(),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::FromUrl(fragment) => {
                if fragment == self.fragment {
                    return self;
                }
                let exploration = self
                    .exploration
                    .next(&self.catalog, &self.search, &fragment);
                let selected = |e: &Exploration| e.url.route != Route::Overview;
                if selected(&exploration) {
                    next.sheet = sheet::after_selection(selected(&self.exploration), self.sheet);
                }
                next.exploration = Rc::new(exploration);
                next.fragment = fragment;
                next.hover = None;
                next.notices_dismissed = false;
            }
            Action::Hover(hover) => next.hover = hover,
            Action::DismissNotices => next.notices_dismissed = true,
            Action::SetHelp(open) => next.help_open = open,
            Action::SetSheet(snap) => next.sheet = snap,
        }
        // An equal state keeps the old Rc, so nothing re-renders for nothing.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// How a navigation enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A new step the reader can go back from.
    Push,
    /// A refinement of the current step (e.g. each keystroke of a search).
    Replace,
}

/// What components get from the context: the state and the ways to change it.
#[derive(Clone)]
pub struct AppContext {
    pub handle: UseReducerHandle<AppState>,
    /// The views' settings changed since the URL was read, on their way to the link.
    pub pending: Rc<PendingViews>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.handle == other.handle && Rc::ptr_eq(&self.pending, &other.pending)
    }
}

impl AppContext {
    pub fn state(&self) -> &AppState {
        &self.handle
    }

    pub fn url(&self) -> &UrlState {
        &self.handle.exploration.url
    }

    /// Writes the state to the URL and applies it, with the views' latest settings.
    pub fn navigate(&self, mut url: UrlState, entry: Entry) {
        if let Some(views) = self.pending.take() {
            url.views = views;
        }
        let fragment = crate::url::format(&url);
        history::set_fragment(&fragment, entry == Entry::Push);
        super::perf::mark(super::perf::CHANGE);
        self.handle.dispatch(Action::FromUrl(fragment));
    }

    /// The link for a route with the current filters and view kept.
    pub fn href(&self, route: Route) -> String {
        format!(
            "#{}",
            crate::url::format(&UrlState {
                route,
                ..self.url().clone()
            })
        )
    }

    pub fn go_to(&self, route: Route) {
        self.navigate(
            UrlState {
                route,
                ..self.url().clone()
            },
            Entry::Push,
        );
    }

    pub fn set_filters(&self, filters: Filters, entry: Entry) {
        self.navigate(
            UrlState {
                filters,
                ..self.url().clone()
            },
            entry,
        );
    }

    /// Rearranges the layout (a view on stage, a panel folded): a step the reader can go
    /// back from.
    pub fn set_layout(&self, change: impl FnOnce(Layout) -> Layout) {
        let url = self.url();
        self.navigate(
            UrlState {
                layout: change(url.layout),
                ..url.clone()
            },
            Entry::Push,
        );
    }

    /// The views' settings as the link says them now (a change a view reported may not be
    /// in the app's state yet: see `view_link`).
    pub fn views(&self) -> ViewState {
        self.pending
            .get()
            .unwrap_or_else(|| self.url().views.clone())
    }

    /// A view's settings changed: the link says so, in place of the current entry's.
    pub fn set_views(&self, change: impl FnOnce(&mut ViewState)) {
        let mut views = self.views();
        change(&mut views);
        self.pending.set(views);
    }

    pub fn hover(&self, hover: Option<Target>) {
        self.handle.dispatch(Action::Hover(hover));
    }

    pub fn set_help(&self, open: bool) {
        self.handle.dispatch(Action::SetHelp(open));
    }

    /// Back to the overview, keeping filters and view.
    pub fn clear_selection(&self) {
        if self.url().route != Route::Overview {
            self.go_to(Route::Overview);
        }
    }

    /// Moves the phone's details sheet to another height.
    pub fn set_sheet(&self, snap: Snap) {
        self.handle.dispatch(Action::SetSheet(snap));
    }

    pub fn dismiss_notices(&self) {
        self.handle.dispatch(Action::DismissNotices);
    }
}

/// The context; components are always rendered inside the provider.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components render inside the AppContext provider")
}
