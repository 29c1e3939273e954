//! Tells the reader, in plain words, which parts of a link were not understood.

use yew::prelude::*;

use super::state::use_app;

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let notices = &app.state().exploration.notices;
    if notices.is_empty() || app.state().notices_dismissed {
        return Html::default();
    }
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dismiss_notices())
    };
    html! {
        <section class="notices" role="alert" aria-label="Link problems">
            <h2>{ "Part of this link was not understood" }</h2>
            <ul>
                { for notices.iter().map(|n| html! { <li>{ n }</li> }) }
            </ul>
            <p>{ "Everything else in the link was applied." }</p>
            <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
