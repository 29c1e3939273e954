//! On narrow screens one view fits at a time: a tab bar picks it, and the choice is the
//! `view` parameter of the link, so a phone user can share exactly what they see.

use yew::prelude::*;

use super::state::use_app;
use crate::url::{PhoneTab, UrlState};

/// The view shown on a narrow screen when the link names none.
pub const DEFAULT_FOCUS: PhoneTab = PhoneTab::Map;

#[component]
pub fn ViewTabs() -> Html {
    let app = use_app();
    let current = app.url().view.unwrap_or(DEFAULT_FOCUS);
    // Compare mode stands in for the views the tabs pick between. A class of their own, not
    // a `body:has(…)` rule: that made the browser check every node inserted into the page.
    let comparing = app.url().compare.is_some().then_some("is-comparing");
    html! {
        <nav class={classes!("view-tabs", comparing)} aria-label="Views">
            { for PhoneTab::ALL.iter().filter(|&&view| app.url().layout.embed.is_none_or(|e| e.shows(view))).map(|&view| {
                let href = format!("#{}", crate::url::format(&UrlState { view: Some(view), ..app.url().clone() }));
                html! {
                    <a {href} class={classes!("view-tab", (view == current).then_some("active"))}
                       aria-current={(view == current).then_some("page")}>{ view.label() }</a>
                }
            }) }
            if app.url().layout.embed.is_some() { { super::embed::open_full(app.url()) } }
        </nav>
    }
}
