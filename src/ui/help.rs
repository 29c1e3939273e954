//! The keyboard help overlay (`?`), a modal dialog listing the shortcuts.

use yew::prelude::*;

use super::state::use_app;
use crate::shortcuts::HELP;

#[component]
pub fn HelpOverlay() -> Html {
    let app = use_app();
    let close_button = use_node_ref();
    let open = app.state().help_open;
    {
        let close_button = close_button.clone();
        use_effect_with(open, move |open| {
            if *open {
                if let Some(button) = close_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    if !open {
        return Html::default();
    }
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.set_help(false))
    };
    html! {
        <div class="help-backdrop">
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-heading">
                <h2 id="help-heading">{ "Keyboard shortcuts" }</h2>
                <dl class="help-keys">
                    { for HELP.iter().map(|(keys, action)| html! {
                        <><dt><kbd>{ *keys }</kbd></dt><dd>{ *action }</dd></>
                    }) }
                </dl>
                <button type="button" ref={close_button} onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
