//! The views' settings on their way to the link. A view reports a change (the reader
//! zoomed, sorted, switched lanes) with `AppContext::set_views`; a moment later, once the
//! changes settle, the address bar's entry is rewritten in place (`replaceState`), without
//! re-rendering the app: the views keep their own settings and already show them.
//!
//! Until the URL is next read — a navigation, back/forward, a hand-edited link — these are
//! the settings the link says: every navigation carries them (`AppContext::navigate`), and
//! a click on an in-app link made before they reached the links' `href`s is carried out
//! with them (`history::listen_link_clicks`).

use std::cell::RefCell;

use gloo::timers::callback::Timeout;

use super::history;
use crate::url::{self, ViewState};

/// How long the settings must stay unchanged before the address bar is rewritten: a drag
/// or a turn of the wheel rewrites it once, not on every frame.
const SETTLE_MS: u32 = 250;

/// The settings changed since the URL was last read, and the timer that writes them.
#[derive(Default)]
pub struct PendingViews {
    views: RefCell<Option<ViewState>>,
    timer: RefCell<Option<Timeout>>,
}

impl PendingViews {
    /// The settings the link now says, when they changed since the URL was last read.
    pub fn get(&self) -> Option<ViewState> {
        self.views.borrow().clone()
    }

    /// New settings: written to the address bar once they settle.
    pub fn set(self: &std::rc::Rc<Self>, views: ViewState) {
        *self.views.borrow_mut() = Some(views);
        let pending = self.clone();
        let timer = Timeout::new(SETTLE_MS, move || pending.flush());
        *self.timer.borrow_mut() = Some(timer);
    }

    /// Writes the settings to the address bar now (the reader copies the link).
    pub fn flush(&self) {
        self.timer.borrow_mut().take();
        let Some(views) = self.get() else {
            return;
        };
        let (mut current, _) = url::parse(&history::current_fragment());
        if current.views != views {
            current.views = views;
            history::set_fragment(&url::format(&current), false);
        }
    }

    /// The URL is read again (back/forward, an edited link) or a navigation carries the
    /// settings: forgets them, and any write still to come.
    pub fn take(&self) -> Option<ViewState> {
        self.timer.borrow_mut().take();
        self.views.borrow_mut().take()
    }
}
