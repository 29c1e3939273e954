//! Skip links: the first tab stops of the page, shown only while focused, that move the
//! focus past the filters into a view or the search box; and, after the search box, one to
//! the results. They focus their target themselves and cancel the link's own navigation:
//! the fragment is the app's route, and `#event-list` as a route would mean "no such page".
//! On a phone, where only one view is rendered, a skip link to another view switches the
//! view first (as its tab in the tab bar would) and focuses it once it is there. In compare
//! mode, which stands in for the views on every screen, they lead to its parts instead.
//! "Skip to search" unfolds the filters when they are folded, as the "/" key does.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::state::{use_app, AppContext, Entry};
use crate::url::{PhoneTab, UrlState};

/// A place a skip link leads to: the element focused and the view it is in (if any).
#[derive(Clone, Copy, PartialEq)]
struct Skip {
    label: &'static str,
    /// The id of the element that takes the focus.
    target: &'static str,
    view: Option<PhoneTab>,
}

/// To the search box, in the filters: unfolds them when they are folded.
const SEARCH: Skip = Skip {
    label: "Skip to search",
    target: "search-input",
    view: None,
};

/// In the page's order.
const SKIPS: [Skip; 5] = [
    SEARCH,
    Skip {
        label: "Skip to the map",
        target: "view-map",
        view: Some(PhoneTab::Map),
    },
    Skip {
        label: "Skip to the actors",
        target: "view-actors",
        view: Some(PhoneTab::Actors),
    },
    Skip {
        label: "Skip to the timeline",
        target: "view-timeline",
        view: Some(PhoneTab::Timeline),
    },
    Skip {
        label: "Skip to the event list",
        target: "event-list",
        view: Some(PhoneTab::List),
    },
];

/// In compare mode, in the page's order.
const COMPARE_SKIPS: [Skip; 5] = [
    SKIPS[0],
    Skip {
        label: "Skip to the comparison",
        target: "view-compare",
        view: None,
    },
    Skip {
        label: "Skip to the axis",
        target: "cmp-axis",
        view: None,
    },
    Skip {
        label: "Skip to the counts",
        target: "cmp-counts",
        view: None,
    },
    Skip {
        label: "Skip to the network of ties",
        target: "cmp-network",
        view: None,
    },
];

/// The skip links at the top of the page.
#[component]
pub fn SkipLinks() -> Html {
    let app = use_app();
    let skips = if app.url().compare.is_some() {
        &COMPARE_SKIPS
    } else {
        &SKIPS
    };
    html! {
        <div class="skip-links">
            { for skips.iter().map(|&skip| {
                let onclick = {
                    let app = app.clone();
                    Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        if skip == SEARCH {
                            super::keyboard::open_search(&app);
                        } else {
                            skip_to(&app, skip.view, move || by_id(skip.target));
                        }
                    })
                };
                html! {
                    <a class="skip-link" href={format!("#{}", skip.target)} {onclick}>{ skip.label }</a>
                }
            }) }
        </div>
    }
}

/// The link after the search box to the first result in the event list (the list itself
/// when nothing matches); in compare mode, to the first mark on the axis.
#[component]
pub fn SkipToResults() -> Html {
    let app = use_app();
    let comparing = app.url().compare.is_some();
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        if comparing {
            skip_to(&app, None, || {
                first("#cmp-axis .cmp-mark").or_else(|| by_id("cmp-axis"))
            });
        } else {
            skip_to(&app, Some(PhoneTab::List), || {
                first("#event-list tbody a[data-event-id]").or_else(|| by_id("event-list"))
            });
        }
    });
    let href = if comparing {
        "#cmp-axis"
    } else {
        "#event-list"
    };
    html! {
        <a class="skip-inline" {href} {onclick}>{ "Skip to the results" }</a>
    }
}

/// Focuses what `find` finds, switching a phone to `view` first if it is not rendered.
fn skip_to(
    app: &AppContext,
    view: Option<PhoneTab>,
    find: impl Fn() -> Option<HtmlElement> + 'static,
) {
    if let Some(element) = find() {
        let _ = element.focus();
        return;
    }
    let Some(view) = view else {
        return;
    };
    app.navigate(
        UrlState {
            view: Some(view),
            ..app.url().clone()
        },
        Entry::Push,
    );
    // The view renders after this handler; a long list renders its rows a moment later.
    Timeout::new(0, move || {
        if let Some(element) = find() {
            let _ = element.focus();
            return;
        }
        Timeout::new(120, move || {
            if let Some(element) = find() {
                let _ = element.focus();
            }
        })
        .forget();
    })
    .forget();
}

fn by_id(id: &str) -> Option<HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}

/// The first element `selector` matches (an SVG mark too: its `focus` is looked up on the
/// object itself).
fn first(selector: &str) -> Option<HtmlElement> {
    gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .map(|el| el.unchecked_into::<HtmlElement>())
}
