//! The compare view: two tracks side by side on one axis of days relative to an anchor
//! event, their counts before and after a split, the network of the ties that change,
//! their contacts and places, and the summary. It renders `views::compare::model`, memoised on the link, the
//! dataset and the filters, so a selection or a hover costs no recomputation.

mod counts;
mod hover;
mod lanes;
mod lists;
mod network;
mod pickers;
mod ties;
mod toggle;

pub use toggle::CompareToggle;

use std::rc::Rc;

use yew::prelude::*;

use super::links::use_link_base;
use super::memo::ByPtr;
use super::state::{use_app, Entry};
use crate::url::{CompareLink, UrlState};
use crate::views::compare::model::{self, Model};

/// The link with another compare setting, replacing the current entry (a setting, like the
/// views' own, not a step to go back through).
fn set_compare(app: &super::state::AppContext, change: impl FnOnce(&mut CompareLink)) {
    let mut url: UrlState = app.url().clone();
    let mut link = url.compare.clone().unwrap_or_default();
    change(&mut link);
    url.compare = Some(link);
    app.navigate(url, Entry::Replace);
}

#[component]
pub fn CompareView() -> Html {
    let app = use_app();
    let state = app.state();
    let link = state.exploration.url.compare.clone().unwrap_or_default();
    let model: Rc<Option<Rc<Model>>> = {
        let key = (
            ByPtr(state.catalog.clone()),
            link.clone(),
            ByPtr(state.exploration.shown.clone()),
        );
        use_memo(key, |(catalog, link, shown)| {
            let catalog = &catalog.0;
            let all = shown.0.len() == catalog.events().len();
            model::build(catalog, link, (!all).then_some(&shown.0[..])).map(Rc::new)
        })
    };
    let links = use_link_base(&state.exploration.url);
    let close = {
        let app = app.clone();
        Callback::from(move |_| {
            let url = UrlState {
                compare: None,
                ..app.url().clone()
            };
            app.navigate(url, Entry::Push);
        })
    };
    let selected = state.exploration.selected_event();
    let body = match &*model {
        None => html! { <p class="cmp-empty">{ "This dataset has no events to compare." }</p> },
        Some(model) => {
            let model = ModelRef(model.clone());
            html! {
            <>
                <pickers::Pickers model={model.clone()} {link} {selected} />
                <p class="cmp-summary" aria-live="polite">{ &model.0.summary }</p>
                <lanes::Lanes model={model.clone()} {selected} links={links.clone()} />
                <div class="cmp-panels">
                    <counts::CountsTable model={model.clone()} />
                    <network::DifferenceNetwork model={model.clone()} links={links.clone()} />
                    <lists::Contacts {model} {links} />
                </div>
            </>
            }
        }
    };
    html! {
        <section id="view-compare" class="view view-compare" aria-label="Compare" tabindex="-1">
            <div class="cmp-head">
                <h2 class="view-title">{ "Compare two tracks" }</h2>
                <button type="button" class="cmp-close" onclick={close}>{ "Close compare" }</button>
            </div>
            { body }
        </section>
    }
}

/// `Rc<Model>` for props: equal when it is the same model.
#[derive(Clone)]
pub struct ModelRef(pub Rc<Model>);

impl PartialEq for ModelRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
