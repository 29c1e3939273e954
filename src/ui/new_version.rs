//! Offline support, page side: registers the service worker that `scripts/postbuild/precache.mjs`
//! writes into every build, and offers a reload when a newer build is ready.
//!
//! The worker serves exactly one build. When a new one is deployed, the browser installs a
//! second worker that waits beside the first; the banner then says "New version available"
//! with a Reload button. The button asks the waiting worker to take over
//! (`SKIP_WAITING`) and the page reloads as soon as it has (`controllerchange`), so a reader
//! never runs half of one build and half of another, and never gets a silent switch.
//!
//! No worker is registered from `file://` (where the single-file build runs), where the
//! browser has no service workers, or in a page without a web app manifest (the single-file
//! build drops it, so even served over http it stays worker-free).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    EventTarget, RegistrationOptions, ServiceWorker, ServiceWorkerContainer,
    ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::prelude::*;

/// Relative, so the app works from any sub-path of a static host.
const WORKER_URL: &str = "./sw.js";
const SCOPE: &str = "./";
/// Besides each visit and each return to the tab, a page left open looks for a new build
/// this often.
const UPDATE_CHECK_MS: u32 = 60 * 60 * 1000;

/// What the banner offers the reader.
#[derive(Clone, PartialEq)]
enum Offer {
    Nothing,
    /// A newer build is installed and waits for the reader's go.
    Waiting(ServiceWorker),
    /// A newer build already took over (the reader accepted in another tab): this page
    /// still runs the older code.
    TookOver,
    /// The reader accepted; the page reloads as soon as the new worker controls it.
    Switching,
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    /// Whether the first render's stages are all on screen.
    pub settled: bool,
}

#[component]
pub fn NewVersionBanner(props: &BannerProps) -> Html {
    let offer = use_state_eq(|| Offer::Nothing);
    let watch = use_mut_ref(|| None::<Rc<Watch>>);
    let mounted = use_mut_ref(|| true);
    {
        // Registering, and the worker's precaching (every file of the build fetched and
        // stored on a thread of its own), waits until the start-up has drawn everything
        // and that frame is painted: on a phone's two cores it would otherwise compete
        // with the start-up's own tasks, and it is no part of what the reader sees.
        let (watch, mounted) = (watch.clone(), mounted.clone());
        let setter = offer.setter();
        use_effect_with(props.settled, move |&settled| {
            if settled && watch.borrow().is_none() {
                super::later::after_next_paint(move || {
                    if *mounted.borrow() && watch.borrow().is_none() {
                        *watch.borrow_mut() = Watch::start(Callback::from(move |o| setter.set(o)));
                    }
                });
            }
        });
    }
    {
        let (watch, mounted) = (watch.clone(), mounted.clone());
        use_effect_with((), move |_| {
            move || {
                *mounted.borrow_mut() = false;
                drop(watch.borrow_mut().take());
            }
        });
    }
    let accept = Callback::from(move |_: MouseEvent| {
        // Cloned out first: accepting updates the offer, which must not meet a borrow.
        let current = watch.borrow().clone();
        if let Some(watch) = current {
            watch.accept();
        }
    });
    // The live region is always there, so screen readers announce what appears in it.
    html! {
        <div class="update-offer" role="status">
            {
                match &*offer {
                    Offer::Nothing => html! {},
                    Offer::Waiting(_) | Offer::TookOver => html! {
                        <>
                            <span>{ "New version available" }</span>
                            <button type="button" onclick={accept}>{ "Reload" }</button>
                        </>
                    },
                    Offer::Switching => html! { <span>{ "Updating…" }</span> },
                }
            }
        </div>
    }
}

/// Follows the page's service worker registration and decides what to offer.
struct Watch {
    container: ServiceWorkerContainer,
    offer: RefCell<Offer>,
    show: Callback<Offer>,
    /// Whether a worker served this page. Only then does a new controller mean a new
    /// build: on the first visit the freshly installed worker merely claims the page.
    had_controller: Cell<bool>,
    listeners: RefCell<Vec<EventListener>>,
    periodic_check: RefCell<Option<Interval>>,
}

impl Watch {
    fn start(show: Callback<Offer>) -> Option<Rc<Watch>> {
        let container = worker_container()?;
        let watch = Rc::new(Watch {
            had_controller: Cell::new(container.controller().is_some()),
            container: container.clone(),
            offer: RefCell::new(Offer::Nothing),
            show,
            listeners: RefCell::default(),
            periodic_check: RefCell::default(),
        });
        watch.on(&container, "controllerchange", Watch::controller_changed);
        let weak = Rc::downgrade(&watch);
        spawn_local(async move {
            match register(&container).await {
                Ok(registration) => {
                    if let Some(watch) = weak.upgrade() {
                        watch.follow(registration);
                    }
                }
                Err(error) => gloo::console::warn!(
                    "The explorer will not work offline: its service worker did not register.",
                    error
                ),
            }
        });
        Some(watch)
    }

    /// Listens for as long as the watch lives, without keeping it alive.
    fn on(
        self: &Rc<Self>,
        target: &EventTarget,
        event: &'static str,
        handler: impl Fn(&Rc<Self>) + 'static,
    ) {
        let weak = Rc::downgrade(self);
        let listener = EventListener::new(target, event, move |_| {
            if let Some(watch) = weak.upgrade() {
                handler(&watch);
            }
        });
        self.listeners.borrow_mut().push(listener);
    }

    fn follow(self: &Rc<Self>, registration: ServiceWorkerRegistration) {
        // A new build may already be waiting or installing when the page starts.
        if let Some(worker) = registration.waiting() {
            self.track(worker.clone());
            self.installed(worker);
        }
        if let Some(worker) = registration.installing() {
            self.track(worker);
        }
        let found = registration.clone();
        self.on(&registration, "updatefound", move |watch| {
            if let Some(worker) = found.installing() {
                watch.track(worker);
            }
        });
        let on_return = registration.clone();
        self.on(&gloo::utils::document(), "visibilitychange", move |_| {
            if !gloo::utils::document().hidden() {
                look_for_new_build(&on_return);
            }
        });
        let periodic = Interval::new(UPDATE_CHECK_MS, move || look_for_new_build(&registration));
        *self.periodic_check.borrow_mut() = Some(periodic);
    }

    /// Follows a worker until it is ready to take over, or discarded.
    fn track(self: &Rc<Self>, worker: ServiceWorker) {
        let target = worker.clone();
        self.on(&target, "statechange", move |watch| match worker.state() {
            ServiceWorkerState::Installed => watch.installed(worker.clone()),
            ServiceWorkerState::Redundant => watch.discarded(&worker),
            _ => {}
        });
    }

    fn installed(self: &Rc<Self>, worker: ServiceWorker) {
        // Without a controller this page did not come from a worker: nothing is older.
        let newer_than_page = self.container.controller().is_some();
        let replaceable = matches!(*self.offer.borrow(), Offer::Nothing | Offer::Waiting(_));
        if newer_than_page && replaceable {
            self.set(Offer::Waiting(worker));
        }
    }

    /// A waiting build that failed or was superseded is no longer on offer.
    fn discarded(&self, worker: &ServiceWorker) {
        if *self.offer.borrow() == Offer::Waiting(worker.clone()) {
            self.set(Offer::Nothing);
        }
    }

    fn controller_changed(self: &Rc<Self>) {
        let had_controller = self.had_controller.replace(true);
        let switching = *self.offer.borrow() == Offer::Switching;
        if switching {
            reload();
        } else if had_controller {
            self.set(Offer::TookOver);
        }
    }

    /// The reader pressed Reload.
    fn accept(&self) {
        let offer = self.offer.borrow().clone();
        match offer {
            Offer::Waiting(worker) => {
                self.set(Offer::Switching);
                if let Err(error) = worker.post_message(&skip_waiting_message()) {
                    gloo::console::warn!("could not ask the new version to take over", error);
                    self.set(Offer::Waiting(worker));
                }
            }
            Offer::TookOver => reload(),
            Offer::Nothing | Offer::Switching => {}
        }
    }

    fn set(&self, offer: Offer) {
        *self.offer.borrow_mut() = offer.clone();
        self.show.emit(offer);
    }
}

/// The container, when this page should have a worker: served over http(s) by a browser
/// that offers workers there, and declaring a web app manifest.
fn worker_container() -> Option<ServiceWorkerContainer> {
    let window = gloo::utils::window();
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    // Absent outside secure contexts (plain http to a remote host).
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return None;
    }
    gloo::utils::document()
        .query_selector("link[rel=\"manifest\"]")
        .ok()
        .flatten()?;
    Some(navigator.service_worker())
}

async fn register(
    container: &ServiceWorkerContainer,
) -> Result<ServiceWorkerRegistration, JsValue> {
    let options = RegistrationOptions::new();
    options.set_scope(SCOPE);
    let registration =
        JsFuture::from(container.register_with_options(WORKER_URL, &options)).await?;
    registration.dyn_into()
}

/// Asks the server for a newer sw.js; a new build then announces itself via `updatefound`.
fn look_for_new_build(registration: &ServiceWorkerRegistration) {
    let Ok(promise) = registration.update() else {
        return;
    };
    // Offline or the host is down: the next check will do; nothing to tell the reader.
    spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
}

fn skip_waiting_message() -> JsValue {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    message.into()
}

fn reload() {
    if let Err(error) = gloo::utils::window().location().reload() {
        gloo::console::warn!("could not reload the page", error);
    }
}
