//! The entry point to the compare mode: a toggle in the header that turns `compare=` on
//! (China and Russia around the shelling) or off. Each is a step Back undoes.

use yew::prelude::*;

use super::super::state::{use_app, Entry};
use crate::url::{CompareLink, UrlState};

#[component]
pub fn CompareToggle() -> Html {
    let app = use_app();
    let on = app.url().compare.is_some();
    let toggle = {
        let app = app.clone();
        Callback::from(move |_| {
            let url = UrlState {
                compare: (!on).then(CompareLink::default),
                ..app.url().clone()
            };
            app.navigate(url, Entry::Push);
        })
    };
    html! {
        <button type="button" class="compare-toggle" aria-pressed={on.to_string()}
                title="Set two tracks side by side around an event"
                onclick={toggle}>{ "Compare" }</button>
    }
}
