//! The basemap layer: the embedded Natural Earth paths, projected once at start-up
//! (`geo::embedded_paths`) and drawn in map units inside the view's transformed group.
//! It is its own component so that panning and zooming, which only change the parent's
//! `transform`, never re-render (or even diff) the country paths; it renders again only when
//! the set of detail layers changes.

use yew::prelude::*;

use crate::geo::path::LayerPaths;
use crate::geo::{embedded_paths, BasemapPaths};

#[derive(Properties, PartialEq)]
pub struct BasemapProps {
    /// Detail layers to draw over the world layer (`views::map::lod::plan`), in order.
    pub details: Vec<usize>,
}

/// Drawing order from `geo`'s module docs: sea, world land, coast and borders, then each
/// detail layer on a sea-coloured backdrop of its frame.
#[component]
pub fn Basemap(props: &BasemapProps) -> Html {
    let paths: &'static BasemapPaths = embedded_paths();
    let details = props
        .details
        .iter()
        .filter_map(|&i| paths.detail(i))
        .map(|layer| {
            html! {
                <g class="map-detail">
                    <path class="map-sea" d={layer.frame_d.as_str()} />
                    { layer_html(layer) }
                </g>
            }
        });
    html! {
        <g class="map-base" aria-hidden="true">
            <path class="map-sea" d={paths.outline.as_str()} />
            { layer_html(&paths.world) }
            // Own group: Yew matches unkeyed children from the end, so adding a detail layer
            // here must not shift (and rebuild) the world layer's nodes.
            <g class="map-details">{ for details }</g>
        </g>
    }
}

fn layer_html(layer: &'static LayerPaths) -> Html {
    // All the land in one path: the countries are filled alike and never overlap, so one
    // element draws the same picture as one per country, for far less DOM and start-up work.
    let land: String = layer.countries.iter().map(|c| c.d.as_str()).collect();
    html! {
        <>
            <path class="map-land" d={land} />
            <path class="map-coast" d={layer.coast.as_str()} vector-effect="non-scaling-stroke" />
            <path class="map-borders" d={layer.borders.as_str()} vector-effect="non-scaling-stroke" />
        </>
    }
}
