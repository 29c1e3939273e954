//! The actor network of the open dataset, laid out once and shared: the Actors view and the
//! compare view's difference network draw the same positions, and a dataset laid out live
//! is laid out once between them (the last one is kept while the page lives).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::memo::ByPtr;
use crate::data::Catalog;
use crate::views::network::ActorNetwork;

/// A computed network and the catalog it belongs to (a reader may open another dataset).
#[derive(Clone)]
pub struct Computed {
    pub catalog: Rc<Catalog>,
    pub network: Rc<ActorNetwork>,
    /// How long the graph and its layout took, for the benchmark readout.
    pub millis: Option<f64>,
}

thread_local! {
    /// The last network computed, for whichever view asks next.
    static LAST: RefCell<Option<Computed>> = const { RefCell::new(None) };
}

/// The network of `catalog`, once laid out. The layout is deterministic and
/// filter-independent, so it is computed once per dataset. The built-in dataset's is saved
/// ahead of time and shows in the first paint; any other is laid out just after the first
/// paint, so the rest of the app shows at once.
#[hook]
pub fn use_computed_network(catalog: &Rc<Catalog>) -> Option<Computed> {
    let computed = {
        let catalog = catalog.clone();
        use_state(move || kept(&catalog).or_else(|| timed(&catalog, ActorNetwork::from_saved)))
    };
    {
        let computed = computed.clone();
        let ready = computed
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(&c.catalog, catalog));
        use_effect_with(ByPtr(catalog.clone()), move |key| {
            let catalog = key.0.clone();
            let timeout = (!ready).then(|| {
                Timeout::new(0, move || {
                    let network =
                        kept(&catalog).or_else(|| timed(&catalog, |c| Some(ActorNetwork::new(c))));
                    computed.set(network);
                })
            });
            move || drop(timeout)
        });
    }
    computed
        .as_ref()
        .filter(|c| Rc::ptr_eq(&c.catalog, catalog))
        .cloned()
}

/// The network last computed, if it is `catalog`'s.
fn kept(catalog: &Rc<Catalog>) -> Option<Computed> {
    LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|c| Rc::ptr_eq(&c.catalog, catalog))
            .cloned()
    })
}

/// Milliseconds from the page's time origin, where the browser offers it.
fn now() -> Option<f64> {
    gloo::utils::window().performance().map(|p| p.now())
}

/// Builds the network of `catalog` with `build`, noting how long it took, and keeps it.
fn timed(
    catalog: &Rc<Catalog>,
    build: impl FnOnce(&Catalog) -> Option<ActorNetwork>,
) -> Option<Computed> {
    let started = now();
    let network = Rc::new(build(catalog)?);
    let millis = now().zip(started).map(|(end, start)| end - start);
    let computed = Computed {
        catalog: catalog.clone(),
        network,
        millis,
    };
    LAST.with(|last| *last.borrow_mut() = Some(computed.clone()));
    Some(computed)
}
