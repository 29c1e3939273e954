//! Guided tours: step through a storyline's events with a short narrative per step. Each
//! step is a deep link (`#/event/<id>?tour=<storyline>`), so every view follows and a step
//! can be shared.

use yew::prelude::*;

use super::state::{use_app, AppContext};
use crate::url::{Route, UrlState};

/// A link to `event` with the tour `tour` on (or off, with `None`).
fn tour_href(app: &AppContext, event: Option<&str>, tour: Option<&str>) -> String {
    let route = event.map_or_else(|| app.url().route.clone(), |id| Route::Event(id.to_owned()));
    let state = UrlState {
        route,
        tour: tour.map(str::to_owned),
        ..app.url().clone()
    };
    format!("#{}", crate::url::format(&state))
}

#[component]
pub fn TourPanel() -> Html {
    let app = use_app();
    let catalog = &app.state().catalog;
    let Some(position) = app.state().exploration.tour else {
        let tours = catalog.storylines().iter().filter(|s| !s.tour.is_empty());
        return html! {
            <section class="tours" aria-labelledby="tours-heading">
                <h2 id="tours-heading" class="tours-heading">{ "Guided tours" }</h2>
                <ul class="tour-list">
                    { for tours.map(|story| {
                        let first = story.tour.first().map(|s| s.event.as_str());
                        html! {
                            <li>
                                <a href={tour_href(&app, first, Some(&story.id))}>{ &story.title }</a>
                                <span class="tour-steps">{ format!(" · {} steps", story.tour.len()) }</span>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        };
    };
    let story = &catalog.storylines()[position.storyline];
    let step_text = match position.step {
        Some(step) => format!("Step {} of {}", step + 1, position.steps),
        None => format!("{} steps", position.steps),
    };
    let narrative = position.step.map(|step| story.tour[step].narrative.clone());
    let step_link = |delta: isize, label: &str, rel: &str| match position.target(catalog, delta) {
        Some(event) => html! {
            <a class="tour-step" rel={rel.to_owned()} href={tour_href(&app, Some(event), Some(&story.id))}>{ label.to_owned() }</a>
        },
        None => {
            html! { <span class="tour-step disabled" aria-disabled="true">{ label.to_owned() }</span> }
        }
    };
    html! {
        <section class="tours tour-active" aria-labelledby="tours-heading">
            <p class="tour-kicker">{ "Guided tour · " }{ step_text }</p>
            <h2 id="tours-heading" class="tours-heading">{ &story.title }</h2>
            if let Some(text) = narrative {
                <p class="tour-narrative">{ text }</p>
            } else {
                <p class="tour-narrative">{ &story.context }</p>
            }
            <nav class="tour-nav" aria-label="Tour steps">
                { step_link(-1, "← Previous step", "prev") }
                { step_link(1, if position.step.is_none() { "Start →" } else { "Next step →" }, "next") }
            </nav>
            <a class="tour-end" href={tour_href(&app, None, None)}>{ "End tour" }</a>
        </section>
    }
}
