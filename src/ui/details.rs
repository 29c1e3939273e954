//! The Details region: the selected event, actor or place in full, or an introduction
//! when nothing is selected.

use yew::prelude::*;

use super::state::{use_app, AppContext, Target};
use crate::data::{Catalog, NoteKind};
use crate::present;
use crate::query::ties::contacts;
use crate::sheet::Snap;
use crate::url::Route;
use crate::views::details::heading::event_heading;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// A phone's screen: the details are a sheet (`crate::sheet`).
    pub narrow: bool,
}

#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let app = use_app();
    let exploration = &app.state().exploration;
    let body = match exploration.selected {
        Some(Target::Event(e)) => event_details(&app, e),
        Some(Target::Actor(a)) => actor_profile(&app, a),
        Some(Target::Place(p)) => place_profile(&app, p),
        None => overview(&app),
    };
    let selected = exploration.selected.is_some();
    // On a phone the details are a sheet: Close lowers it to its peek and keeps the
    // selection (`crate::sheet`); at the peek the button clears the selection instead.
    let narrow = props.narrow;
    let sheet = app.state().sheet;
    let collapses = narrow && sheet != Snap::Peek;
    let close = {
        let app = app.clone();
        Callback::from(move |_| {
            if collapses {
                app.set_sheet(Snap::Peek);
            } else {
                app.clear_selection();
            }
        })
    };
    html! {
        <aside class="details" role="region" aria-label="Details">
            if selected {
                if collapses {
                    <button type="button" class="details-close" onclick={close}
                            title="Lower the details to their title; the selection stays">{ "Close" }</button>
                } else {
                    <button type="button" class="details-close" onclick={close} aria-keyshortcuts="Escape"
                            aria-label={narrow.then_some("Clear the selection")}>{ if narrow { "Clear" } else { "Close" } }</button>
                }
            }
            { body }
        </aside>
    }
}

/// A link to an actor, place or event; pointing at it highlights the item in every view.
fn link(app: &AppContext, route: Route, text: &str) -> Html {
    let catalog = &app.state().catalog;
    let hover = match &route {
        Route::Actor(id) => catalog.actor_index(id).map(Target::Actor),
        Route::Place(id) => catalog.place_index(id).map(Target::Place),
        Route::Event(id) => catalog.event_index(id).map(Target::Event),
        Route::Overview => None,
    };
    let enter = {
        let app = app.clone();
        Callback::from(move |()| app.hover(hover))
    };
    let leave = {
        let app = app.clone();
        Callback::from(move |()| app.hover(None))
    };
    html! {
        <a href={app.href(route)}
           onmouseenter={enter.reform(|_: MouseEvent| ())} onmouseleave={leave.reform(|_: MouseEvent| ())}
           onfocus={enter.reform(|_: FocusEvent| ())} onblur={leave.reform(|_: FocusEvent| ())}>
            { text.to_owned() }
        </a>
    }
}

fn event_link(app: &AppContext, catalog: &Catalog, e: usize) -> Html {
    let event = &catalog.events()[e];
    html! {
        <a href={app.href(Route::Event(event.id.clone()))}>
            <span class="event-link-date">{ present::event_date(event) }</span>
            { " " }{ &event.title }
        </a>
    }
}

fn event_details(app: &AppContext, e: usize) -> Html {
    let catalog = &app.state().catalog;
    let event = &catalog.events()[e];
    // The same heading the build's first frame of this event's link shows.
    let heading = event_heading(catalog, &app.state().exploration, e);
    let nav_link = |target: Option<usize>, label: &str, rel: &str| match target {
        Some(t) => html! {
            <a class="step" rel={rel.to_owned()} href={app.href(Route::Event(catalog.events()[t].id.clone()))}
               aria-label={format!("{label}: {}", catalog.events()[t].title)}>{ label.to_owned() }</a>
        },
        None => {
            html! { <span class="step disabled" aria-disabled="true">{ label.to_owned() }</span> }
        }
    };
    let source_section = |section: &str, paragraph: u32| -> String {
        if section == "Chronology" {
            format!("Chronology, entry {paragraph}")
        } else {
            format!("“{section}”, paragraph {paragraph}")
        }
    };
    html! {
        <article class="event-details">
            <p class="details-kind">{ heading.kind }</p>
            <h2 id="details-heading">{ heading.title }</h2>
            <p class="details-date">
                <time datetime={heading.datetime.to_owned()}>{ heading.date }</time>
                { heading.precision_note }
            </p>
            if heading.outside_filters {
                <p class="hint">{ "This event is outside the current filters." }</p>
            }
            <nav class="details-steps" aria-label="Previous and next event">
                { nav_link(heading.previous, "← Previous", "prev") }
                { nav_link(heading.next, "Next →", "next") }
            </nav>
            <p class="summary">{ heading.summary }</p>
            if !event.places.is_empty() {
                <h3>{ "Places" }</h3>
                <ul class="inline-list">
                    { for event.places.iter().filter_map(|id| catalog.place(id)).map(|p| html! {
                        <li>{ link(app, Route::Place(p.id.clone()), &p.name) }</li>
                    }) }
                </ul>
            }
            if !event.participants.is_empty() {
                <h3>{ "Who" }</h3>
                <ul class="participants">
                    { for event.participants.iter().filter_map(|p| Some((catalog.actor(&p.actor)?, p.role))).map(|(a, role)| html! {
                        <li>{ link(app, Route::Actor(a.id.clone()), &a.name) }<span class="role">{ format!(" — {}", role.label()) }</span></li>
                    }) }
                </ul>
            }
            if !event.quotes.is_empty() {
                <h3>{ "Quoted" }</h3>
                { for event.quotes.iter().map(|q| {
                    let speaker = catalog.actor(&q.speaker).map_or(q.speaker.as_str(), |a| a.name.as_str());
                    html! {
                        <figure class="quote">
                            <blockquote>{ format!("“{}”", q.text) }</blockquote>
                            <figcaption>{ "— " }{ link(app, Route::Actor(q.speaker.clone()), speaker) }</figcaption>
                        </figure>
                    }
                }) }
            }
            if !event.figures.is_empty() {
                <h3>{ "Figures" }</h3>
                <dl class="figures">
                    { for event.figures.iter().map(|f| html! {
                        <>
                            <dt>{ format!("{}{} {}", if f.approximate { "≈ " } else { "" }, present::format_number(f.value), f.unit) }</dt>
                            <dd>{ &f.measures }</dd>
                        </>
                    }) }
                </dl>
            }
            if !event.notes.is_empty() {
                <h3>{ "Notes on the record" }</h3>
                <ul class="notes">
                    { for event.notes.iter().map(|n| html! {
                        <li class={classes!("note", (n.kind == NoteKind::Contradiction).then_some("note-contradiction"))}>
                            <strong>{ format!("{}: ", n.kind.label()) }</strong>{ &n.text }
                        </li>
                    }) }
                </ul>
            }
            <h3>{ "Source" }</h3>
            <ul class="sources">
                { for event.sources.iter().map(|s| html! {
                    <li>
                        { source_section(&s.section, s.paragraph) }
                        if let Some(url) = &s.url {
                            { " · " }<a href={url.clone()} rel="noopener noreferrer">{ "source link" }</a>
                        }
                    </li>
                }) }
            </ul>
            <p class="citation">{ catalog.dataset.meta.source.citation() }</p>
        </article>
    }
}

fn actor_profile(app: &AppContext, a: usize) -> Html {
    let catalog = &app.state().catalog;
    let actor = &catalog.actors()[a];
    let affiliation = actor
        .affiliation
        .as_deref()
        .and_then(|id| catalog.actor(id));
    // The one definition of an actor's events (`Target::events`): theirs and, for a state
    // or organisation, its people's; counted within the filters like every view counts.
    let events = Target::Actor(a).events(catalog);
    let in_view = Target::Actor(a).count_in(catalog, &app.state().exploration.shown);
    let with_people = catalog.has_people(a);
    let quotes: Vec<(usize, &str)> = catalog.actor_events[a]
        .iter()
        .flat_map(|&e| {
            catalog.events()[e]
                .quotes
                .iter()
                .filter(|q| q.speaker == actor.id)
                .map(move |q| (e, q.text.as_str()))
        })
        .collect();
    let people = contacts(catalog, a);
    html! {
        <article class="actor-profile">
            <p class="details-kind">{ format!("{:?}", actor.kind).to_lowercase() }</p>
            <h2 id="details-heading">{ &actor.name }</h2>
            if let Some(native) = &actor.native_name {
                <p class="native-name" lang={present::native_lang(native, actor_country(catalog, a))}>{ native }</p>
            }
            if let Some(title) = &actor.title {
                <p class="actor-title">{ title }</p>
            }
            if let Some(org) = affiliation {
                <p>{ "Affiliation: " }{ link(app, Route::Actor(org.id.clone()), &org.name) }</p>
            }
            <h3>{ present::actor_events_heading(in_view, events.len(), with_people) }</h3>
            <ol class="event-links">
                { for events.iter().map(|&e| html! { <li>{ event_link(app, catalog, e) }</li> }) }
            </ol>
            if !quotes.is_empty() {
                <h3>{ "Quoted" }</h3>
                { for quotes.iter().map(|(e, text)| html! {
                    <figure class="quote">
                        <blockquote>{ format!("“{text}”") }</blockquote>
                        <figcaption>{ event_link(app, catalog, *e) }</figcaption>
                    </figure>
                }) }
            }
            if !people.is_empty() {
                <h3>{ "Dealt with" }</h3>
                <ul class="contacts">
                    { for people.iter().map(|&(other, count)| html! {
                        <li>
                            { link(app, Route::Actor(catalog.actors()[other].id.clone()), &catalog.actors()[other].name) }
                            <span class="count">{ format!(" ({count} shared event{})", if count == 1 { "" } else { "s" }) }</span>
                        </li>
                    }) }
                </ul>
            }
        </article>
    }
}

fn place_profile(app: &AppContext, p: usize) -> Html {
    let catalog = &app.state().catalog;
    let place = &catalog.places()[p];
    let country = place.country.as_deref().and_then(|id| catalog.actor(id));
    html! {
        <article class="place-profile">
            <p class="details-kind">{ format!("{:?}", place.kind).to_lowercase() }</p>
            <h2 id="details-heading">{ &place.name }</h2>
            if let Some(native) = &place.native_name {
                <p class="native-name" lang={present::native_lang(native, place.country.as_deref())}>{ native }</p>
            }
            <p class="coords">{ format!("{:.2}° {}, {:.2}° {}", place.lat.abs(), if place.lat >= 0.0 { "N" } else { "S" }, place.lon.abs(), if place.lon >= 0.0 { "E" } else { "W" }) }</p>
            if let Some(country) = country {
                <p>{ "Country: " }{ link(app, Route::Actor(country.id.clone()), &country.name) }</p>
            }
            <h3>{ format!("Events here ({})", catalog.place_events[p].len()) }</h3>
            <ol class="event-links">
                { for catalog.place_events[p].iter().map(|&e| html! { <li>{ event_link(app, catalog, e) }</li> }) }
            </ol>
        </article>
    }
}

fn overview(app: &AppContext) -> Html {
    let catalog = &app.state().catalog;
    html! {
        <article class="overview">
            <h2 id="details-heading">{ &catalog.dataset.meta.title }</h2>
            <p>{ "Select an event, an actor or a place in any view to see it here. Every record links back to the paragraph of the article it comes from." }</p>
            <h3>{ "Storylines" }</h3>
            <ul class="storylines">
                { for catalog.storylines().iter().map(|s| html! {
                    <li>
                        <strong>{ &s.title }</strong>
                        <p>{ &s.context }</p>
                    </li>
                }) }
            </ul>
            <p class="citation">{ "Source: " }{ catalog.dataset.meta.source.citation() }</p>
        </article>
    }
}

/// The id of the state or organisation at the root of an actor's affiliation.
fn actor_country(catalog: &Catalog, a: usize) -> Option<&str> {
    Some(catalog.actors()[catalog.actor_root[a]].id.as_str())
}
