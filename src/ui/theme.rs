//! Light and dark themes: follow the system unless the reader picks one; the choice
//! persists in local storage and is applied as `data-theme` on the root element.

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

/// The stored choice. Earlier builds stored it as a JSON string (`"dark"`), read the same.
fn stored() -> Theme {
    let value = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(KEY).ok().flatten())
        .unwrap_or_default();
    Theme::from_id(value.trim_matches('"'))
}

fn store(theme: Theme) {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.set_item(KEY, theme.id());
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
    let theme = use_state(stored);
    use_effect_with(*theme, |theme| apply(*theme));
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = theme.next();
            store(next);
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
