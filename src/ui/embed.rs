//! The compact page an `<iframe>` shows (`embed=` in the link): the title, the count and a
//! link that opens the same view in the full explorer, in a new tab.

use yew::prelude::*;

use super::state::use_app;

/// The link to the same view in the full explorer, opened in a new tab.
pub fn open_full(url: &crate::url::UrlState) -> Html {
    let location = gloo::utils::window().location();
    let page = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let full = format!("{page}#{}", crate::url::format(&crate::embed::full(url)));
    html! {
        <a class="open-full" href={full} target="_blank" rel="noopener">
            { "Open in the full explorer" }<span aria-hidden="true">{ " ↗" }</span>
        </a>
    }
}

/// The embed's header; on a narrow embed the link to the full explorer sits in the tab bar,
/// which stays in sight.
#[component]
pub fn EmbedHeader() -> Html {
    let app = use_app();
    let state = app.state();
    let opened = use_context::<super::dataset::DatasetContext>()
        .is_some_and(|dataset| dataset.opened.is_some());
    html! {
        <header class="app-header embed-header">
            <h1 class="app-title">{ crate::present::heading(&state.catalog, opened) }</h1>
            <p class="app-count" aria-live="polite" role="status">
                { crate::present::shown_count(state.exploration.shown.len(), state.catalog.events().len()) }
            </p>
            { open_full(app.url()) }
        </header>
    }
}
