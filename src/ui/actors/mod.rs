//! The Actors view: who met, called and visited whom, as a zoomable network or as a
//! sortable table, linked with the filters, the selection and the other views' hover.
//! Everything it shows is computed by `crate::views::network`; this shell renders it.

mod legend;
mod network;
mod table;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::state::{use_app, Target};
use crate::data::Catalog;
use crate::views::network::describe::ego_note;
use crate::views::network::linked::LinkedInput;
use crate::views::network::table::Sort;
use crate::views::network::{ActorNetwork, Highlight, NetworkLook};

/// A computed network and the catalog it belongs to (a reader may open another dataset).
#[derive(Clone)]
struct Computed {
    catalog: Rc<Catalog>,
    network: Rc<ActorNetwork>,
    /// How long the graph and its layout took, for the benchmark readout.
    millis: Option<f64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Network,
    Table,
}

#[component]
pub fn ActorView() -> Html {
    let app = use_app();
    let state = app.state();
    let catalog = state.catalog.clone();
    let exploration = &state.exploration;

    // The layout is deterministic and filter-independent, so it is computed once per
    // dataset. The built-in dataset's is saved ahead of time and shows in the first paint;
    // any other is laid out just after the first paint, so the rest of the app shows at once.
    let computed = {
        let catalog = catalog.clone();
        use_state(move || timed(&catalog, ActorNetwork::from_saved))
    };
    {
        let computed = computed.clone();
        let ready = computed
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(&c.catalog, &catalog));
        use_effect_with(CatalogKey(catalog.clone()), move |key| {
            let catalog = key.0.clone();
            let timeout = (!ready).then(|| {
                Timeout::new(0, move || {
                    computed.set(timed(&catalog, |c| Some(ActorNetwork::new(c))));
                })
            });
            move || drop(timeout)
        });
    }
    let mode = use_state(|| Mode::Network);
    let ego = use_state(|| false);
    let sort = use_state(Sort::default);
    let expanded = use_state(|| false);

    let network = computed
        .as_ref()
        .filter(|c| Rc::ptr_eq(&c.catalog, &catalog))
        .cloned();
    let Some(Computed {
        network, millis, ..
    }) = network
    else {
        return html! {
            <section class="view view-actors" aria-label="Actors" aria-busy="true">
                <h2 class="view-title">{ "Actors" }</h2>
                <p class="actors-note">{ "Laying out the network…" }</p>
            </section>
        };
    };

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
            ego: *ego,
        },
    ));
    let pinned = match state.hover {
        Some(Target::Actor(a)) => network.graph.node_of_actor.get(a).copied().flatten(),
        _ => None,
    };

    let toggle = |handle: &UseStateHandle<bool>| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.set(!*handle))
    };
    let set_mode = |value: Mode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(value))
    };
    let on_key_down = {
        let expanded = expanded.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Escape first shrinks an enlarged view; only then does it clear the selection.
            if e.key() == "Escape" && *expanded {
                e.prevent_default();
                e.stop_propagation();
                expanded.set(false);
            }
        })
    };
    let ego_note = ego_note(&catalog, &network.graph, look.ego);
    let class = classes!("view", "view-actors", expanded.then_some("is-expanded"));
    html! {
        <section {class} aria-label="Actors" onkeydown={on_key_down}>
            <div class="actors-head">
                <h2 class="view-title">{ "Actors" }</h2>
                <div class="actors-modes" role="group" aria-label="Show actors as">
                    <button type="button" aria-pressed={(*mode == Mode::Network).to_string()}
                            onclick={set_mode(Mode::Network)}>{ "Network" }</button>
                    <button type="button" aria-pressed={(*mode == Mode::Table).to_string()}
                            onclick={set_mode(Mode::Table)}>{ "Table" }</button>
                </div>
                <button type="button" class="actors-ego" aria-pressed={ego.to_string()} onclick={toggle(&ego)}
                        title="Show only the selected actor and those they dealt with">{ "Ego" }</button>
                <button type="button" class="actors-enlarge" aria-pressed={expanded.to_string()} onclick={toggle(&expanded)}
                        title={if *expanded { "Back to the normal size (Esc)" } else { "Show the actors larger" }}>
                    { if *expanded { "Shrink" } else { "Enlarge" } }
                </button>
            </div>
            if let Some(note) = ego_note {
                <p class="actors-note" role="status">{ note }</p>
            }
            if *mode == Mode::Network {
                <network::Network network={network.clone()} look={look.clone()} {pinned}
                                  expanded={*expanded} {millis} />
                <legend::Legend network={network.clone()} />
            } else {
                <table::ActorTable network={network.clone()} look={look.clone()} sort={*sort}
                                   on_sort={Callback::from(move |s: Sort| sort.set(s))} />
            }
        </section>
    }
}

/// Compares catalogs by identity, so the layout is redone only for another dataset.
#[derive(Clone)]
struct CatalogKey(Rc<Catalog>);

impl PartialEq for CatalogKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Milliseconds from the page's time origin, where the browser offers it.
fn now() -> Option<f64> {
    gloo::utils::window().performance().map(|p| p.now())
}

/// Builds the network of `catalog` with `build`, noting how long it took.
fn timed(
    catalog: &Rc<Catalog>,
    build: impl FnOnce(&Catalog) -> Option<ActorNetwork>,
) -> Option<Computed> {
    let started = now();
    let network = Rc::new(build(catalog)?);
    let millis = now().zip(started).map(|(end, start)| end - start);
    Some(Computed {
        catalog: catalog.clone(),
        network,
        millis,
    })
}
