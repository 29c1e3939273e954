//! The compare view's settings: the two tracks (any side, actor or storyline), the anchor
//! (day 0), the split and the number of days each side. Each change rewrites the link.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::super::state::use_app;
use super::{set_compare, ModelRef};
use crate::data::Side;
use crate::present;
use crate::url::{parse_track, track_id, CompareLink};
use crate::views::compare::model::event_choices;
use crate::views::compare::TrackKey;

/// Events offered as anchor and split when the tracks have at most this many.
const CHOICES: usize = 400;
/// The periods offered, in days each side (plus the link's own, if another).
const DAYS: [u32; 7] = [3, 7, 10, 14, 30, 60, 90];

#[derive(Properties, PartialEq)]
pub struct PickersProps {
    pub model: ModelRef,
    pub link: CompareLink,
    pub selected: Option<usize>,
}

#[component]
pub fn Pickers(props: &PickersProps) -> Html {
    let app = use_app();
    let catalog = app.state().catalog.clone();
    let model = &props.model.0;
    let link = &props.link;
    let track_picker = |slot: usize, label: &'static str| {
        let current = track_id(&link.pair[slot]);
        let onchange = {
            let app = app.clone();
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                if let Some(key) = parse_track(&select.value()) {
                    set_compare(&app, |link| link.pair[slot] = key);
                }
            })
        };
        let option = |key: TrackKey, text: &str| {
            let id = track_id(&key);
            let selected = id == current;
            html! { <option {selected} value={id}>{ text.to_owned() }</option> }
        };
        html! {
            <label class="cmp-picker">
                <span>{ label }</span>
                <select {onchange}>
                    <optgroup label="Sides">
                        { for Side::ALL.into_iter().map(|s| option(TrackKey::Side(s), s.label())) }
                    </optgroup>
                    <optgroup label="Actors">
                        { for catalog.actors().iter().map(|a| option(TrackKey::Actor(a.id.clone()), &a.name)) }
                    </optgroup>
                    <optgroup label="Storylines">
                        { for catalog.storylines().iter().map(|s| option(TrackKey::Storyline(s.id.clone()), &s.title)) }
                    </optgroup>
                </select>
            </label>
        }
    };
    let choices = event_choices(&catalog, model, props.selected, CHOICES);
    let anchor_id = catalog.events()[model.anchor.event].id.clone();
    let event_picker = |label: &'static str, current: usize, split: bool| {
        let onchange = {
            let app = app.clone();
            let anchor_id = anchor_id.clone();
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let id = Some(select.value()).filter(|v| !v.is_empty());
                set_compare(&app, |link| {
                    if split {
                        // The anchor as split is the default: the link leaves it out.
                        link.split = id.filter(|id| *id != anchor_id);
                    } else {
                        link.anchor = id;
                    }
                });
            })
        };
        let options = choices.iter().map(|&e| {
            let event = &catalog.events()[e];
            let day = model
                .tracks
                .iter()
                .flat_map(|t| t.placed.iter())
                .find(|(i, _)| *i == e)
                .map(|(_, p)| format!("{} · ", present::relative_days(p.begins.lo, p.begins.hi)))
                .unwrap_or_default();
            html! {
                <option selected={e == current} value={event.id.clone()}>
                    { format!("{day}{} · {}", present::event_date(event), event.title) }
                </option>
            }
        });
        html! {
            <label class="cmp-picker cmp-picker-event">
                <span>{ label }</span>
                <select {onchange}>{ for options }</select>
            </label>
        }
    };
    let on_days = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let days = select.value().parse::<u32>().ok();
            set_compare(&app, |link| link.days = days);
        })
    };
    let mut days: Vec<u32> = DAYS.to_vec();
    if let Some(d) = link.days.filter(|d| !DAYS.contains(d)) {
        days.push(d);
        days.sort_unstable();
    }
    html! {
        <div class="cmp-pickers" role="group" aria-label="Compare settings">
            { track_picker(0, "First track") }
            { track_picker(1, "Second track") }
            { event_picker("Day 0 (anchor)", model.anchor.event, false) }
            { event_picker("Split before/after", model.split.event, true) }
            <label class="cmp-picker">
                <span>{ "Days each side" }</span>
                <select onchange={on_days}>
                    <option value="" selected={link.days.is_none()}>{ "All" }</option>
                    { for days.into_iter().map(|d| html! {
                        <option value={d.to_string()} selected={link.days == Some(d)}>{ d.to_string() }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
