//! The map's heading row: region presets and the zoom, reset and fit buttons.

use yew::prelude::*;

use super::glue::MapGlue;
use crate::geo::LonLat;
use crate::ui::stage::StageToggle;
use crate::url::PhoneTab;
use crate::views::map::controls::{shows_preset, MapCommand};
use crate::views::map::fit;
use crate::views::map::{Preset, Viewport};

/// `selection_points`: the places of the selection, for the fit button.
pub fn head(glue: &MapGlue, view: &Viewport, selection_points: Vec<LonLat>) -> Html {
    let zoom_button = |command: MapCommand, text: &'static str, label: &'static str| {
        let glue = glue.clone();
        let onclick = Callback::from(move |_: MouseEvent| glue.change(|m| m.command(command)));
        html! {
            <button type="button" class="map-zoom-button" aria-label={label} title={label} {onclick}>
                { text }
            </button>
        }
    };
    let presets = Preset::ALL.iter().map(|&preset| {
        let glue = glue.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            glue.change(|m| m.moved(Viewport::preset(preset, m.view.width, m.view.height)));
        });
        let pressed = shows_preset(view, preset);
        html! {
            <button type="button" aria-pressed={pressed.to_string()} data-preset={preset.id()} {onclick}>
                { preset.label() }
            </button>
        }
    });
    let fit_button = {
        let glue = glue.clone();
        let disabled = selection_points.is_empty();
        let onclick = Callback::from(move |_: MouseEvent| {
            glue.change(|m| {
                if let Some(next) = fit::fit_places(&selection_points, m.view.width, m.view.height)
                {
                    m.view = next;
                }
            });
        });
        html! {
            <button type="button" class="map-zoom-button map-fit" onclick={onclick}
                    {disabled}
                    aria-label="Fit the selection" title="Fit the selection">
                { "◎" }
            </button>
        }
    };
    html! {
        <div class="map-head">
            <h2 class="view-title">{ "Map" }</h2>
            <div class="map-presets" role="group" aria-label="Show a region">{ for presets }</div>
            <div class="map-zoom" role="group" aria-label="Zoom">
                { zoom_button(MapCommand::ZoomIn, "+", "Zoom in") }
                { zoom_button(MapCommand::ZoomOut, "−", "Zoom out") }
                { zoom_button(MapCommand::Reset, "⌂", "Reset the view") }
                { fit_button }
            </div>
            <StageToggle view={PhoneTab::Map} />
        </div>
    }
}
