//! The Actors view: who met, called and visited whom, as a zoomable network or as a
//! sortable table, linked with the filters, the selection and the other views' hover.
//!
//! What lives where: everything it shows and every decision its controls take are in
//! `crate::views::network` — the drawing's pointer, wheel, key, button and resize
//! decisions in `interaction`, the head's settings (network or table, ego, sort) in
//! `panel`, the one key map in `keynav`. This shell renders those models,
//! turns DOM events into the rooms' inputs and runs the effects they return: `ActorView`
//! here (the head), `network::Network` (the drawing), `table::ActorTable`, `legend::Legend`.
//!
//! One state pattern for both reducers: the room's model in a `use_mut_ref`, drawn again
//! with `use_force_update` when the reducer returns `Effect::Redraw`. The reducers run
//! synchronously inside the DOM event handler, because some effects only work there
//! (`preventDefault`, `stopPropagation`, pointer capture); `use_reducer` dispatches later
//! and hands no effects back. The network computed for a dataset is a cache, kept by
//! `ui::network::use_computed_network` (the compare view draws the same one).

mod legend;
mod network;
mod table;

pub use legend::reached_out_key;
pub use network::side_class;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Event;
use yew::prelude::*;

use super::network::{use_computed_network, Computed};
use super::stage::StageToggle;
use super::state::{use_app, AppContext};
use crate::url::PhoneTab;
use crate::views::network::describe::ego_note;
use crate::views::network::interaction::Effect;
use crate::views::network::linked::{pinned_node, LinkedInput};
use crate::views::network::panel::{Mode, Panel, PanelInput};
use crate::views::network::table::Sort;
use crate::views::network::{Highlight, NetworkLook};

#[component]
pub fn ActorView() -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = state.catalog.clone();
    let exploration = &state.exploration;
    let computed = use_computed_network(&catalog);
    let glue = PanelGlue {
        panel: use_mut_ref(Panel::default),
        redraw: use_force_update(),
        app: app.clone(),
    };
    glue.panel.borrow_mut().read_link(app.views().actors);

    let Some(Computed {
        network, millis, ..
    }) = computed
    else {
        return html! {
            <section id="view-actors" class="view view-actors" aria-label="Actors" aria-busy="true" tabindex="-1">
                <h2 class="view-title">{ "Actors" }</h2>
                <p class="actors-note">{ "Laying out the network…" }</p>
            </section>
        };
    };

    let panel = *glue.panel.borrow();
    let highlight = state
        .hover
        .map(|target| Highlight::of(target, &catalog, &network.graph));
    let look = Rc::new(NetworkLook::new(
        &network.graph,
        LinkedInput {
            shown: &exploration.shown,
            selected_event: exploration.selected_event(),
            selected_actor: exploration.selected_actor(),
            highlight: highlight.as_ref(),
            ego: panel.ego,
        },
    ));
    let pinned = pinned_node(&network.graph, state.hover);
    let ego_note = ego_note(&catalog, &network.graph, look.ego);
    html! {
        <section id="view-actors" class="view view-actors" aria-label="Actors" tabindex="-1">
            { head(&panel, &glue) }
            if let Some(note) = ego_note {
                <p class="actors-note" role="status">{ note }</p>
            }
            if panel.mode == Mode::Network {
                <network::Network network={network.clone()} look={look.clone()} {pinned}
                                  {millis} />
                <legend::Legend network={network.clone()} />
            } else {
                <table::ActorTable network={network.clone()} look={look.clone()} sort={panel.sort}
                                   on_sort={glue.on_sort()} />
            }
        </section>
    }
}

/// The title and the buttons for the mode, ego mode and the size.
fn head(panel: &Panel, glue: &PanelGlue) -> Html {
    html! {
        <div class="actors-head">
            <h2 class="view-title">{ "Actors" }</h2>
            <div class="actors-modes" role="group" aria-label="Show actors as">
                <button type="button" aria-pressed={(panel.mode == Mode::Network).to_string()}
                        onclick={glue.on_click(PanelInput::ShowAs(Mode::Network))}>{ "Network" }</button>
                <button type="button" aria-pressed={(panel.mode == Mode::Table).to_string()}
                        onclick={glue.on_click(PanelInput::ShowAs(Mode::Table))}>{ "Table" }</button>
            </div>
            <button type="button" class="actors-ego" aria-pressed={panel.ego.to_string()}
                    onclick={glue.on_click(PanelInput::ToggleEgo)}
                    title="Show only the selected actor and those they dealt with">{ "Ego" }</button>
            <StageToggle view={PhoneTab::Actors} />
        </div>
    }
}

/// The view's settings and what runs their effects, shared by the event handlers.
#[derive(Clone)]
struct PanelGlue {
    panel: Rc<RefCell<Panel>>,
    redraw: UseForceUpdateHandle,
    app: AppContext,
}

impl PanelGlue {
    /// Feeds `input` to the panel and runs the effects on `event`, if it came with one.
    fn send(&self, input: PanelInput, event: Option<&Event>) {
        let effects = self.panel.borrow_mut().update(input);
        for effect in effects {
            match (effect, event) {
                (Effect::Redraw, _) => self.redraw.force_update(),
                (Effect::PreventDefault, Some(e)) => e.prevent_default(),
                (Effect::StopPropagation, Some(e)) => e.stop_propagation(),
                // The panel moves no focus and captures no pointer.
                _ => {}
            }
        }
        if let Some(actors) = self.panel.borrow_mut().link_change() {
            self.app.set_views(|views| views.actors = actors);
        }
    }

    fn on_click(&self, input: PanelInput) -> Callback<MouseEvent> {
        let glue = self.clone();
        Callback::from(move |e: MouseEvent| glue.send(input, Some(&e)))
    }

    fn on_sort(&self) -> Callback<Sort> {
        let glue = self.clone();
        Callback::from(move |sort: Sort| glue.send(PanelInput::SortBy(sort), None))
    }
}
