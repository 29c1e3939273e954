//! Links to events from lists of many marks. A mark's link keeps the reader's filters, view
//! and tour; that part of the state is shared by every mark and changes only with them, so
//! it is memoised once and handed to the marks, which then stay unchanged across selections.

use std::rc::Rc;

use yew::prelude::*;

use crate::url::{self, Route, UrlState};

/// The current link state with the route left out, identical (same `Rc`) until the
/// filters, the focused view, the tour or the views' settings change.
#[hook]
pub fn use_link_base(current: &UrlState) -> Rc<UrlState> {
    use_memo(
        UrlState {
            route: Route::Overview,
            ..current.clone()
        },
        UrlState::clone,
    )
}

/// `#/event/<id>?…` with the state of `base`.
pub fn event_href(base: &UrlState, id: &str) -> String {
    format!(
        "#{}",
        url::format(&UrlState {
            route: Route::Event(id.to_owned()),
            ..base.clone()
        })
    )
}
