//! "Copy link": puts the current deep link on the clipboard, the views' latest settings
//! included; where the Clipboard API is refused (no permission, insecure context), shows the
//! link selected for copying by hand.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::use_app;

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    /// The link to copy by hand.
    Manual(String),
}

#[component]
pub fn ShareButton() -> Html {
    let app = use_app();
    let outcome = use_state(|| Outcome::Idle);
    let field = use_node_ref();
    let onclick = {
        let outcome = outcome.clone();
        Callback::from(move |_| {
            app.pending.flush();
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let outcome = outcome.clone();
            let clipboard = gloo::utils::window().navigator().clipboard();
            spawn_local(async move {
                match JsFuture::from(clipboard.write_text(&href)).await {
                    Ok(_) => outcome.set(Outcome::Copied),
                    Err(_) => outcome.set(Outcome::Manual(href)),
                }
            });
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
            <span class="share-status" role="status">
                if *outcome == Outcome::Copied { { "Link copied" } }
            </span>
            if let Outcome::Manual(href) = &*outcome {
                <div class="share-manual">
                    <label for="share-link">{ "Copy this link:" }</label>
                    <input id="share-link" type="text" readonly=true value={href.clone()} ref={field} />
                    <button type="button" onclick={dismiss}>{ "Done" }</button>
                </div>
            }
        </div>
    }
}
