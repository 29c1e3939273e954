//! Light and dark themes: follow the system unless the reader picks one; the choice
//! persists in local storage and is applied as `data-theme` on the root element.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

const KEY: &str = "korea2010.theme";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_id(id: &str) -> Theme {
        match id {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

fn apply(theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.id()),
        };
    }
}

#[component]
pub fn ThemeToggle() -> Html {
    let theme = use_state(|| Theme::from_id(&LocalStorage::get::<String>(KEY).unwrap_or_default()));
    use_effect_with(*theme, |theme| apply(*theme));
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = theme.next();
            let _ = LocalStorage::set(KEY, next.id());
            theme.set(next);
        })
    };
    html! {
        <button type="button" class="theme-toggle" {onclick}
                title="Switch between the system theme, light and dark">
            // "Theme: " stays in the name; a phone shows a sign in its place, for room.
            <span class="theme-word">{ "Theme: " }</span>
            <span class="theme-sign" aria-hidden="true">{ "◐ " }</span>
            { theme.id() }
        </button>
    }
}
