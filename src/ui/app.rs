//! The app shell: loads the embedded dataset, owns the state, keeps the URL and the page
//! title in step with it, and lays out the views.

use std::rc::Rc;

use yew::prelude::*;

use super::dataset::{use_dataset, DatasetContext, DatasetGate, DatasetNotices, Phase};
use super::details::Details;
use super::facets::FilterPanel;
use super::help::HelpOverlay;
use super::history;
use super::keyboard;
use super::later;
use super::list::EventList;
use super::media::{use_media, NARROW};
use super::memo::ByPtr;
use super::new_version::NewVersionBanner;
use super::notices::Notices;
use super::perf;
use super::printing::use_printing;
use super::share::ShareButton;
use super::skip::SkipLinks;
use super::stage::{FoldButton, FoldedStrip};
use super::startup::{use_startup_stage, MapStory};
use super::state::{Action, AppContext, AppState, Entry};
use super::tabs::{self, ViewTabs};
use super::theme::ThemeToggle;
use super::tour::TourPanel;
use super::view_link::PendingViews;
use crate::data::Catalog;
use crate::query::Filters;
use crate::startup::{self, StartupStage};
use crate::url::{Panel, PhoneTab};

#[component]
pub fn App() -> Html {
    let embedded = use_memo((), |_| super::boot::embedded_catalog());
    match &*embedded {
        Ok(catalog) => html! { <WithDataset embedded={catalog.clone()} /> },
        Err(error) => html! {
            <main class="fatal" role="alert">
                <h1>{ "The built-in dataset could not be read" }</h1>
                <pre>{ error.to_string() }</pre>
            </main>
        },
    }
}

#[derive(Properties)]
struct WithDatasetProps {
    embedded: Rc<Catalog>,
}

impl PartialEq for WithDatasetProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.embedded, &other.embedded)
    }
}

/// Holds the open dataset (built-in or a file the reader opened) around the explorer.
#[component]
fn WithDataset(props: &WithDatasetProps) -> Html {
    let (current, context) = use_dataset(props.embedded.clone());
    let ready = context.phase == Phase::Ready;
    html! {
        <ContextProvider<DatasetContext> {context}>
            if ready {
                <Explorer key={current.generation} catalog={current.catalog.clone()}
                          opened={current.opened.is_some()} />
            } else {
                <DatasetGate />
            }
        </ContextProvider<DatasetContext>>
    }
}

#[derive(Properties)]
struct ExplorerProps {
    catalog: Rc<Catalog>,
    /// A reader's own file rather than the built-in chronicle.
    opened: bool,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) && self.opened == other.opened
    }
}

#[component]
fn Explorer(props: &ExplorerProps) -> Html {
    let catalog = props.catalog.clone();
    let handle = use_reducer(move || AppState::new(catalog, history::current_fragment()));
    let pending = use_memo((), |_| PendingViews::default());
    let context = AppContext {
        handle: handle.clone(),
        pending,
    };

    {
        // Back/forward and hand-edited links: the link says it all, the views' settings too.
        // In-app links clicked while the views' latest settings are not in their `href`s
        // yet are followed with them.
        let app = context.clone();
        use_effect_with((), move |_| {
            let pending = app.pending.clone();
            let dispatcher = app.handle.dispatcher();
            let listeners = history::listen(move || {
                pending.take();
                perf::mark(perf::CHANGE);
                dispatcher.dispatch(Action::FromUrl(history::current_fragment()))
            });
            let clicks = history::listen_link_clicks(move |fragment| {
                if app.pending.get().is_none() {
                    return false;
                }
                app.navigate(crate::url::parse(fragment).0, Entry::Push);
                true
            });
            move || drop((listeners, clicks))
        });
    }
    {
        // Show the canonical link (what was not understood is dropped from it and
        // explained in the notices) and a title that names the selection.
        let exploration = handle.exploration.clone();
        let catalog = handle.catalog.clone();
        let opened = props.opened;
        use_effect_with(exploration, move |exploration| {
            perf::measure_update();
            let canonical = exploration.fragment();
            if history::current_fragment() != canonical {
                history::set_fragment(&canonical, false);
            }
            // The browser's own work on a new title (about a millisecond and a half) waits
            // until the selection is on screen.
            let title = crate::present::page_title(&catalog, &exploration.url.route, opened);
            later::after_next_paint(move || {
                let document = gloo::utils::document();
                if document.title() != title {
                    document.set_title(&title);
                }
            });
        });
    }

    // App-wide keys: "/" search, Esc clear, "?" help. The listener sees a snapshot of
    // the state, so it is renewed with every state.
    use_effect_with(context.clone(), |app| {
        let listener = keyboard::listen(app.clone());
        move || drop(listener)
    });

    let state = context.state();
    let total = state.catalog.events().len();
    let shown = state.exploration.shown.len();
    let background = {
        let filters = &state.exploration.url.filters;
        let key = (
            ByPtr(state.exploration.shown.clone()),
            filters.from,
            filters.to,
        );
        let catalog = state.catalog.clone();
        use_memo(key, move |(shown, from, to)| {
            let window = Filters {
                from: *from,
                to: *to,
                ..Filters::default()
            };
            shown
                .0
                .iter()
                .filter(|&&e| window.is_background(catalog.spans[e]))
                .count()
        })
    };
    let url = &state.exploration.url;
    let layout = url.layout;
    // A phone shows the view its tab names, else the one a wide screen had on stage (in an
    // embed, only an embedded view, else its first).
    let embed = layout.embed;
    let focus = url
        .view
        .or(layout.stage)
        .filter(|&view| layout.shows(view) || embed.is_none())
        .or_else(|| embed.and_then(|e| e.views().first().copied()))
        .unwrap_or(tabs::DEFAULT_FOCUS);

    // Compare mode takes the whole views area while it is on.
    let comparing = url.compare.is_some();
    let has_selection = state.exploration.url.route != crate::url::Route::Overview;
    // A phone shows one view: the others are not rendered at all (they would cost the first
    // frame their whole drawing), except the list while printing (the printout is its
    // chronology).
    let narrow = use_media(NARROW);
    let printing = use_printing();
    // A wide screen shows every view, or the one on stage.
    let shows = |tab: PhoneTab| {
        (printing && tab == PhoneTab::List)
            || if narrow {
                tab == focus
            } else {
                layout.shows(tab)
            }
    };
    // Folding the side panels is for wide screens; a phone stacks them below the view.
    let folded = |panel: Panel| !narrow && layout.hidden.is_hidden(panel);
    let active_filters = url.filters.active_count();
    // The first render comes in stages (`startup`): the views follow the shell, and on a phone
    // the introduction, the filters and the tours, which sit below the view, come last.
    let started = use_startup_stage();
    // A page being printed has everything.
    let stage = if printing { StartupStage::ALL } else { started };
    let drawn = startup::parts(stage, narrow, has_selection);
    let sheet = state.sheet;
    super::sheet::use_sheet(narrow, has_selection, sheet, focus);
    let sheet_handle = (narrow && has_selection).then(|| super::sheet::handle(&context));
    let open_help = {
        let context = context.clone();
        Callback::from(move |_| context.set_help(true))
    };
    html! {
        <ContextProvider<AppContext> context={context}>
        <ContextProvider<MapStory> context={MapStory(drawn.map_story)}>
            <SkipLinks />
            if embed.is_some() {
                <super::embed::EmbedHeader />
            } else {
            <header class="app-header">
                <h1 class="app-title">{ crate::present::heading(&props.catalog, props.opened) }</h1>
                <p class="app-count" aria-live="polite" role="status">
                    { crate::present::shown_in_window(shown, *background, total) }
                </p>
                <NewVersionBanner settled={drawn.all_list_rows} />
                <div class="header-tools">
                    <ShareButton />
                    <ThemeToggle />
                    <button type="button" class="help-button" onclick={open_help}
                            aria-keyshortcuts="?">{ "Keys ?" }</button>
                </div>
            </header>
            }
            <Notices />
            <DatasetNotices />
            <ViewTabs />
            <div class={classes!("layout", has_selection.then_some("has-selection"), embed.is_some().then_some("is-embed"),
                                 folded(Panel::Filters).then_some("filters-folded"),
                                 folded(Panel::Details).then_some("details-folded"))}
                 data-sheet={has_selection.then_some(sheet.id())}>
                if embed.is_some() {
                    // An embed has no filters: the full explorer is a click away.
                } else if folded(Panel::Filters) {
                    <FoldedStrip panel={Panel::Filters}
                                 status={(active_filters > 0).then(|| AttrValue::from(crate::present::active_filters(active_filters)))} />
                } else if drawn.filters {
                    <FilterPanel {narrow} />
                }
                <main class="views" data-focus={focus.id()} data-stage={layout.stage.map(PhoneTab::id)}
                      data-compare={comparing.then_some("on")}>
                    if !drawn.views {
                        // Their frames come in the next task.
                    } else if comparing { <super::compare::CompareView /> } else {
                    if shows(PhoneTab::Map) { <super::map::MapView /> }
                    if shows(PhoneTab::Actors) { <super::actors::ActorView /> }
                    if shows(PhoneTab::Timeline) { <super::timeline::Timeline /> }
                    if shows(PhoneTab::List) { <EventList all_rows={drawn.all_list_rows} /> }
                    }
                </main>
                if folded(Panel::Details) {
                    <FoldedStrip panel={Panel::Details}
                                 status={has_selection.then(|| AttrValue::from("1 selected"))} />
                } else {
                    <div class="side" id="details-sheet">
                        { sheet_handle }
                        if !narrow { <FoldButton panel={Panel::Details} /> }
                        if drawn.tours && embed.is_none() { <TourPanel /> }
                        if drawn.details { <Details {narrow} /> }
                    </div>
                }
            </div>
            <HelpOverlay />
        </ContextProvider<MapStory>>
        </ContextProvider<AppContext>>
    }
}
