//! The wide layout's controls: giving one view the stage (and back), and folding the
//! filter rail or the details column to a strip. Each is a step in the link (`stage=`,
//! `hide=`), so Back undoes it and a shared link arranges the page the same way.

use yew::prelude::*;

use super::state::use_app;
use crate::url::{Panel, PhoneTab};

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub view: PhoneTab,
}

/// "Maximise" in a view's head: the view fills the views' area; pressed again, every view
/// is back.
#[component]
pub fn StageToggle(props: &StageProps) -> Html {
    let app = use_app();
    let view = props.view;
    let staged = app.url().layout.stage == Some(view);
    let onclick = {
        let app = app.clone();
        Callback::from(move |_| app.set_layout(|layout| layout.toggle_stage(view)))
    };
    let name = view.label().to_lowercase();
    // A toggle keeps one name; pressed, it says so, and the tooltip says what a press does.
    let label = format!("Maximise the {name}");
    let title = if staged {
        "Show every view again (Esc)".to_owned()
    } else {
        format!("Give the {name} the whole area")
    };
    html! {
        <button type="button" class="stage-toggle" aria-pressed={staged.to_string()}
                aria-label={label} {title} {onclick}>
            <svg class="stage-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                if staged {
                    <path d="M6 2v4H2M10 2v4h4M6 14v-4H2M10 14v-4h4" />
                } else {
                    <path d="M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4" />
                }
            </svg>
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct FoldProps {
    pub panel: Panel,
}

fn panel_name(panel: Panel) -> &'static str {
    match panel {
        Panel::Filters => "filters",
        Panel::Details => "details",
    }
}

fn panel_element_id(panel: Panel) -> &'static str {
    match panel {
        Panel::Filters => "filter-rail",
        Panel::Details => "details-sheet",
    }
}

/// The button at the top of an open side panel that folds it to a strip.
#[component]
pub fn FoldButton(props: &FoldProps) -> Html {
    let app = use_app();
    let panel = props.panel;
    let onclick = Callback::from(move |_| {
        app.set_layout(|layout| layout.with_hidden(panel, true));
    });
    let arrow = if panel == Panel::Filters { "«" } else { "»" };
    html! {
        <button type="button" class="fold-button" aria-expanded="true"
                aria-controls={panel_element_id(panel)} {onclick}
                title={format!("Fold the {} away to give the views more room", panel_name(panel))}>
            <span aria-hidden="true">{ arrow }</span>
            <span class="visually-hidden">{ format!("Hide the {}", panel_name(panel)) }</span>
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct StripProps {
    pub panel: Panel,
    /// A short status the strip shows, e.g. how many filters apply.
    #[prop_or_default]
    pub status: Option<AttrValue>,
}

/// What a folded panel leaves: a narrow strip whose button opens it again.
#[component]
pub fn FoldedStrip(props: &StripProps) -> Html {
    let app = use_app();
    let panel = props.panel;
    let onclick = Callback::from(move |_| {
        app.set_layout(|layout| layout.with_hidden(panel, false));
    });
    let name = panel_name(panel);
    let heading = match panel {
        Panel::Filters => "Filters",
        Panel::Details => "Details",
    };
    html! {
        <div class={classes!("folded-strip", format!("folded-{name}"))} id={panel_element_id(panel)}>
            <button type="button" class="strip-button" aria-expanded="false" {onclick}
                    title={format!("Show the {name} again")}>
                <span class="strip-label">{ heading }</span>
                if let Some(status) = &props.status {
                    <span class="strip-status">{ status.clone() }</span>
                }
            </button>
        </div>
    }
}
