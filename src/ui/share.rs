//! "Copy link": puts the current deep link on the clipboard, the views' latest settings
//! included; "Copy embed code" puts an `<iframe>` of the same view there (`crate::embed`).
//! Where the Clipboard API is refused (no permission, insecure context), the text shows
//! selected for copying by hand.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::use_app;

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    /// What was copied: "Link copied".
    Copied(&'static str),
    /// The text to copy by hand.
    Manual(String),
}

/// Copies `text`, or offers it to copy by hand.
fn copy(text: String, done: &'static str, outcome: UseStateHandle<Outcome>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    spawn_local(async move {
        match JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => outcome.set(Outcome::Copied(done)),
            Err(_) => outcome.set(Outcome::Manual(text)),
        }
    });
}

#[component]
pub fn ShareButton() -> Html {
    let app = use_app();
    let outcome = use_state(|| Outcome::Idle);
    let field = use_node_ref();
    let onclick = {
        let (outcome, app) = (outcome.clone(), app.clone());
        Callback::from(move |_| {
            app.pending.flush();
            let href = gloo::utils::window().location().href().unwrap_or_default();
            copy(href, "Link copied", outcome.clone());
        })
    };
    let on_embed = {
        let outcome = outcome.clone();
        Callback::from(move |_| {
            app.pending.flush();
            let location = gloo::utils::window().location();
            let page = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            let url = crate::url::parse(&super::history::current_fragment()).0;
            let code = crate::embed::snippet(&page, &url, crate::present::APP_TITLE);
            copy(code, "Embed code copied", outcome.clone());
        })
    };
    {
        // Select the fallback field as soon as it appears, ready for Ctrl+C.
        let field = field.clone();
        use_effect_with((*outcome).clone(), move |outcome| {
            if let (Outcome::Manual(_), Some(input)) = (outcome, field.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let dismiss = {
        let outcome = outcome.clone();
        Callback::from(move |_| outcome.set(Outcome::Idle))
    };
    html! {
        <div class="share">
            <button type="button" class="share-button" {onclick}>{ "Copy link" }</button>
            <button type="button" class="embed-button" onclick={on_embed}
                    title="An <iframe> of this view for another page">{ "Copy embed code" }</button>
            <span class="share-status" role="status">
                if let Outcome::Copied(done) = *outcome { { done } }
            </span>
            if let Outcome::Manual(href) = &*outcome {
                <div class="share-manual">
                    <label for="share-link">{ "Copy this:" }</label>
                    <input id="share-link" type="text" readonly=true value={href.clone()} ref={field} />
                    <button type="button" onclick={dismiss}>{ "Done" }</button>
                </div>
            }
        </div>
    }
}
