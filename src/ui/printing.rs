//! Whether the page is being printed. The printed chronology repeats every event in full;
//! keeping it out of the DOM until then spares every render on screen hundreds of nodes.

use gloo::events::EventListener;
use web_sys::MediaQueryList;
use yew::prelude::*;

fn print_query() -> Option<MediaQueryList> {
    gloo::utils::window().match_media("print").ok().flatten()
}

/// True from `beforeprint` (or the print media query matching, e.g. print preview or
/// emulated print media) until `afterprint`. Yew renders in a microtask, which runs before
/// the browser lays out the printout.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| print_query().is_some_and(|q| q.matches()));
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let before = {
                let printing = printing.clone();
                EventListener::new(&window, "beforeprint", move |_| printing.set(true))
            };
            let after = {
                let printing = printing.clone();
                EventListener::new(&window, "afterprint", move |_| printing.set(false))
            };
            let media = print_query().map(|query| {
                let target = query.clone();
                EventListener::new(&query, "change", move |_| printing.set(target.matches()))
            });
            move || drop((before, after, media))
        });
    }
    *printing
}
