//! The map's legend: the colouring switch, what each colour means under it, and what the
//! shapes, numbers, rings and line styles mean (so nothing depends on colour alone), folded
//! under "Symbols" so the map keeps its room.

use yew::prelude::*;

use crate::views::map::marks::{Category, ColourBy};

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub categories: Vec<Category>,
    pub colour_by: ColourBy,
    pub on_colour: Callback<ColourBy>,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let swatches = props.categories.iter().map(|category| {
        html! {
            <li>
                <svg class="map-key" width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
                    <circle class={classes!("map-key-swatch", category.class.clone())} r="6" />
                </svg>
                { &category.label }
            </li>
        }
    });
    let switch = ColourBy::ALL.iter().map(|&by| {
        let onclick = props.on_colour.reform(move |_: MouseEvent| by);
        html! {
            <button type="button" aria-pressed={(by == props.colour_by).to_string()} {onclick}>
                { by.label() }
            </button>
        }
    });
    html! {
        <div class="map-legend">
            <div class="map-colour" role="group" aria-label="Colour marks by">
                <span class="map-colour-label" aria-hidden="true">{ "Colour by" }</span>
                { for switch }
            </div>
            <ul class="map-legend-colours" aria-label={format!("Colours: {}", props.colour_by.label())}>
                { for swatches }
            </ul>
            <details class="legend-symbols">
            <summary>{ "Symbols" }</summary>
            <ul class="map-legend-keys" aria-label="Symbols">
                <li>
                    <svg class="map-key" width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                        <circle class="map-key-mark" r="8" />
                        <text class="map-key-count" text-anchor="middle" dy="0.35em">{ "3" }</text>
                    </svg>
                    { "events at a place" }
                </li>
                <li>
                    <svg class="map-key" width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                        <rect class="map-key-mark" x="-7.5" y="-7.5" width="15" height="15" rx="3" />
                    </svg>
                    { "region or sea" }
                </li>
                <li>
                    <svg class="map-key" width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                        <circle class="map-key-ring" r="7" />
                    </svg>
                    { "selection" }
                </li>
                <li>
                    <svg class="map-key" width="26" height="12" viewBox="0 -6 26 12" aria-hidden="true">
                        <path class="map-key-trip" d="M1,3Q13,-6 25,3" />
                        <path class="map-key-arrow" d="M9,-3.5L16,-1L9,2.5Z" />
                    </svg>
                    { "trip" }
                </li>
                <li>
                    <svg class="map-key" width="26" height="12" viewBox="0 -6 26 12" aria-hidden="true">
                        <path class="map-key-pipeline" d="M1,0H25" />
                    </svg>
                    { "pipeline" }
                </li>
                <li>
                    <svg class="map-key" width="26" height="12" viewBox="0 -6 26 12" aria-hidden="true">
                        <path class="map-key-pipeline is-not-built" d="M1,0H25" />
                    </svg>
                    { "pipeline not yet built" }
                </li>
                <li>
                    <svg class="map-key" width="26" height="12" viewBox="0 -6 26 12" aria-hidden="true">
                        <path class="map-key-boundary" d="M1,0H25" />
                    </svg>
                    { "boundary" }
                </li>
            </ul>
            </details>
        </div>
    }
}
