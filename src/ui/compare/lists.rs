//! The compare view's lists: each track's first contacts, contacts with who reached out,
//! and places.

use std::rc::Rc;

use yew::prelude::*;

use super::super::links::event_href;
use super::super::state::use_app;
use super::ModelRef;
use crate::present;
use crate::url::UrlState;
use crate::views::compare::Direction;

/// Items a list shows before it says how many more there are.
const LIST_MAX: usize = 12;
/// Contacts a track lists before it says how many more there are.
const CONTACTS_MAX: usize = 40;

#[derive(Properties, PartialEq)]
pub struct ContactsProps {
    pub model: ModelRef,
    pub links: Rc<UrlState>,
}

/// Per track: its first contacts after the anchor, its contacts (who met, called or
/// visited whom, and who reached out) and its places.
#[component]
pub fn Contacts(props: &ContactsProps) -> Html {
    let app = use_app();
    let catalog = &app.state().catalog;
    let model = &props.model.0;
    let columns = model.tracks.iter().map(|t| {
        let placed_day = |event: usize| {
            t.placed
                .iter()
                .find(|(e, _)| *e == event)
                .map(|(_, p)| present::relative_days(p.begins.lo, p.begins.hi))
                .unwrap_or_default()
        };
        let on_axis = t.contacts_on(model.domain);
        let contacts = on_axis.iter().take(CONTACTS_MAX).map(|c| {
            let event = &catalog.events()[c.event];
            let ours: Vec<&str> = c
                .ours
                .iter()
                .map(|&a| catalog.actors()[a].name.as_str())
                .collect();
            let ours = if ours.is_empty() {
                t.track.label.clone()
            } else {
                ours.join(", ")
            };
            let reached = match c.direction {
                Direction::Outgoing => Some(true),
                Direction::Incoming => Some(false),
                Direction::Unstated => None,
            };
            let line = present::contact_line(&ours, &catalog.actors()[c.party].name, reached);
            html! {
                <li>
                    <span class="cmp-day">{ placed_day(c.event) }</span>{ " · " }
                    <a href={event_href(&props.links, &event.id)}>{ line }</a>
                    <span class="cmp-kind">{ format!(" · {}", event.kind.label()) }</span>
                </li>
            }
        });
        let places = t.track.places.iter().take(LIST_MAX).map(|p| {
            let name = &catalog.places()[p.place].name;
            html! { <li>{ format!("{name} · {}", present::events_perhaps(p.events.len(), 0)) }</li> }
        });
        html! {
            <div class="cmp-column">
                <h4 class="cmp-column-name">{ &t.track.label }</h4>
                <h5>{ "First contacts after day 0" }</h5>
                <ul class="cmp-first">
                    { for t.first_contacts.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
                <h5>{ "Contacts on the axis" }</h5>
                if on_axis.is_empty() {
                    <p class="cmp-none">{ "none" }</p>
                } else {
                    <ul class="cmp-contacts">
                        { for contacts }
                        if on_axis.len() > CONTACTS_MAX {
                            <li class="cmp-more">{ present::and_more(on_axis.len() - CONTACTS_MAX) }</li>
                        }
                    </ul>
                }
                <h5>{ "Places" }</h5>
                if t.track.places.is_empty() {
                    <p class="cmp-none">{ "none" }</p>
                } else {
                    <ul class="cmp-places">
                        { for places }
                        if t.track.places.len() > LIST_MAX {
                            <li class="cmp-more">{ present::and_more(t.track.places.len() - LIST_MAX) }</li>
                        }
                    </ul>
                }
            </div>
        }
    });
    html! {
        <section class="cmp-contacts-panel" aria-labelledby="cmp-contacts-heading">
            <h3 id="cmp-contacts-heading">{ "Contacts and places" }</h3>
            <div class="cmp-columns">{ for columns }</div>
        </section>
    }
}
