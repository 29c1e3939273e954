//! The Yew shell: renders the pure core's answers and turns DOM events into actions.

mod actors;
mod app;
mod boot;
mod compare;
mod dataset;
mod details;
mod embed;
mod event_row;
mod export;
mod facets;
mod files;
mod help;
mod history;
mod kept;
mod keyboard;
mod later;
mod links;
mod list;
mod map;
mod media;
mod memo;
mod network;
mod new_version;
mod notices;
mod panic;
mod perf;
mod picture;
mod pointer;
mod printing;
mod setting;
mod share;
mod sheet;
mod size;
mod skip;
mod stage;
mod startup;
mod state;
mod tabs;
mod theme;
mod timeline;
mod tour;
mod view_link;
mod wheel;

pub use app::App;

/// Entry point called from `main` in the browser.
pub fn start() {
    panic::install_hook();
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        panic::show_error_panel("The page has no #app element to start in.");
        return;
    };
    boot::in_steps(move || {
        root.set_inner_html("");
        yew::Renderer::<App>::with_root(root).render();
    });
}
