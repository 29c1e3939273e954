//! Rendering of the story on the map: the lines (in map units, inside the transformed
//! group) and, in screen pixels on top, country names, arrows, rings, place marks, their
//! labels and the open event list. Only markup and event wiring; every position, size and
//! name comes from `views::map::scene`, `views::map::lines`, `views::map::marks` and `views::map::tooltip`.

use yew::prelude::*;

use super::super::state::AppContext;
use crate::data::{Catalog, LineKind, LineStatus};
use crate::present;
use crate::url::Route;
use crate::views::map::glyphs;
use crate::views::map::lines::{line_label, line_state, line_title, LineShape};
use crate::views::map::marks::{
    events_count, mark_label, ring_slices, slice_path, Category, MarkShape,
};
use crate::views::map::scene::{MarkView, Scene};
use crate::views::map::tooltip::tip_box;
use crate::views::map::Viewport;

/// Callbacks from the marks and the list to the view. Place indices travel with a flag:
/// `true` for the pointer (peek) or the keyboard (toggle, picked).
#[derive(Clone)]
pub struct OverlayEvents {
    /// Show a place's list for a moment (hover or focus on its mark).
    pub peek: Callback<(usize, bool)>,
    /// The pointer or focus left a mark.
    pub unpeek: Callback<bool>,
    /// The pointer or focus is in the list: keep it.
    pub keep_list: Callback<()>,
    /// ...and left it.
    pub release_list: Callback<()>,
    /// Open or close a place's list (a mark with several events was activated).
    pub toggle: Callback<(usize, bool)>,
    /// An event was picked in a place's list.
    pub picked: Callback<(usize, bool)>,
    /// The list's close button.
    pub close: Callback<()>,
}

/// What the screen-space overlay draws.
pub struct OverlayInput<'a> {
    pub app: &'a AppContext,
    pub catalog: &'a Catalog,
    pub scene: &'a Scene,
    pub lines: &'a [LineShape],
    pub shown: &'a [usize],
    pub selected_event: Option<usize>,
    pub hovered_event: Option<usize>,
    pub view: &'a Viewport,
    pub categories: &'a [Category],
    /// The place whose list is shown, and whether it is pinned open.
    pub list_place: Option<usize>,
    pub pinned: Option<usize>,
    pub events: &'a OverlayEvents,
}

fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn line_kind_class(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Itinerary => "is-trip",
        LineKind::Pipeline => "is-pipeline",
        LineKind::Boundary => "is-boundary",
    }
}

/// The lines, drawn in map units (strokes keep their width while zooming). Lines whose
/// events are all filtered out are dimmed and inert; the others link to their event.
pub fn lines_in_map_units(
    app: &AppContext,
    catalog: &Catalog,
    lines: &[LineShape],
    shown: &[usize],
    selected_event: Option<usize>,
    hovered_event: Option<usize>,
) -> Html {
    let mut drawn: Vec<_> = lines
        .iter()
        .map(|shape| {
            (
                shape,
                line_state(shape, shown, selected_event, hovered_event),
            )
        })
        .collect();
    // Dimmed lines at the bottom, the selection's on top.
    crate::sorting::sort_by_key(&mut drawn, |(_, st)| (st.active, st.hovered, st.selected));
    let items = drawn.into_iter().map(|(shape, st)| {
        let class = classes!(
            "map-line",
            line_kind_class(shape.kind),
            (shape.status == LineStatus::NotYetBuilt).then_some("is-not-built"),
            (!st.active).then_some("is-dim"),
            st.selected.then_some("is-selected"),
            st.hovered.then_some("is-hovered"),
        );
        let target = st
            .target
            .and_then(|e| catalog.events().get(e))
            .filter(|_| st.active);
        match target {
            Some(event) => html! {
                <a key={shape.id.clone()} {class} href={app.href(Route::Event(event.id.clone()))}
                   aria-label={line_label(catalog, shape, &st)} data-line-id={shape.id.clone()}>
                    <title>{ line_title(shape) }</title>
                    <path class="map-line-hit" d={shape.d.clone()} vector-effect="non-scaling-stroke" />
                    <path class="map-line-path" d={shape.d.clone()} vector-effect="non-scaling-stroke" />
                </a>
            },
            None => html! {
                <g key={shape.id.clone()} {class} aria-hidden="true">
                    <path class="map-line-path" d={shape.d.clone()} vector-effect="non-scaling-stroke" />
                </g>
            },
        }
    });
    html! { <g class="map-lines">{ for items }</g> }
}

/// Everything drawn in screen pixels, in painting order.
pub fn overlay(input: &OverlayInput) -> Html {
    let scene = input.scene;
    let countries = scene.countries.iter().map(|c| {
        let at = c.label.text_position();
        html! {
            <text class="map-country" x={r2(at.x).to_string()} y={r2(at.y).to_string()}
                  text-anchor="middle" dy="0.35em">{ &c.text }</text>
        }
    });
    let focus = glyphs::LineFocus {
        shown: input.shown,
        selected_event: input.selected_event,
        hovered_event: input.hovered_event,
    };
    let arrows = glyphs::arrowheads(input.lines, focus, input.view);
    let arrows = arrows.into_iter().map(|(look, d)| {
        let class = classes!(
            "map-arrow",
            line_kind_class(look.kind),
            look.not_built.then_some("is-not-built"),
            look.dim.then_some("is-dim"),
            look.selected.then_some("is-selected"),
        );
        html! { <path {class} {d} /> }
    });
    let rings = scene.marks.iter().filter_map(|m| {
        let class = if m.emphasised {
            "map-ring is-selected"
        } else if m.hovered {
            "map-ring is-hovered"
        } else {
            return None;
        };
        let (x, y, r) = (r2(m.at.x), r2(m.at.y), m.radius + 5.0);
        // The ring follows the mark's shape: a circle round a place, a square round an area.
        Some(match m.mark.shape {
            MarkShape::Point => html! {
                <circle {class} cx={x.to_string()} cy={y.to_string()} r={r.to_string()} />
            },
            MarkShape::Area => html! {
                <rect {class} x={(x - r).to_string()} y={(y - r).to_string()}
                      width={(2.0 * r).to_string()} height={(2.0 * r).to_string()} rx="5" />
            },
        })
    });
    let lone_rings = scene.lone_rings.iter().map(|ring| {
        html! {
            <circle class="map-ring is-selected is-lone" cx={r2(ring.at.x).to_string()}
                    cy={r2(ring.at.y).to_string()} r="7" />
        }
    });
    let leaders = glyphs::leaders(&scene.marks);
    let leaders = (!leaders.lines.is_empty()).then(|| {
        html! {
            <>
                <path class="map-leader-lines" d={leaders.lines} />
                <path class="map-leader-homes" d={leaders.homes} />
            </>
        }
    });
    let marks = scene.marks.iter().map(|m| mark_html(input, m));
    let labels = scene.marks.iter().filter_map(|m| {
        let label = m.label?;
        let name = &input.catalog.places().get(m.mark.place)?.name;
        let at = label.text_position();
        let class = classes!(
            "map-label",
            (m.mark.shape == MarkShape::Area).then_some("is-area"),
            m.emphasised.then_some("is-selected"),
        );
        Some(html! {
            <text {class} x={r2(at.x).to_string()} y={r2(at.y).to_string()}
                  text-anchor={label.slot.text_anchor()} dy="0.35em">{ name }</text>
        })
    });
    let list = input
        .list_place
        .and_then(|p| scene.marks.iter().find(|m| m.mark.place == p))
        .map(|m| list_html(input, m));
    html! {
        <g class="map-overlay">
            <g class="map-countries" aria-hidden="true">{ for countries }</g>
            <g class="map-arrows" aria-hidden="true">{ for arrows }</g>
            <g class="map-rings" aria-hidden="true">{ for rings }{ for lone_rings }</g>
            <g class="map-leaders" aria-hidden="true">{ leaders }</g>
            <g class="map-marks">{ for marks }</g>
            <g class="map-labels" aria-hidden="true">{ for labels }</g>
            // Yew matches unkeyed children from the end: the optional list gets its own
            // group so that showing it never shifts (and re-creates) the marks.
            <g class="map-tips">{ for list }</g>
        </g>
    }
}

fn mark_html(input: &OverlayInput, m: &MarkView) -> Html {
    let catalog = input.catalog;
    let place_index = m.mark.place;
    let Some(place) = catalog.places().get(place_index) else {
        return Html::default();
    };
    let r = m.radius;
    let category_class = |c: usize| input.categories.get(c).map(|cat| cat.class.clone());
    let is_open = input.pinned == Some(place_index);
    let class = classes!(
        "map-mark",
        match m.mark.shape {
            MarkShape::Point => "is-point",
            MarkShape::Area => "is-area",
        },
        m.mark.dominant().and_then(category_class),
        m.mark.selected.then_some("is-selected"),
        m.emphasised.then_some("is-emphasised"),
        m.hovered.then_some("is-hovered"),
        is_open.then_some("is-open"),
    );
    let body = match m.mark.shape {
        MarkShape::Point => html! { <circle class="map-mark-body" r={r.to_string()} /> },
        MarkShape::Area => html! {
            <rect class="map-mark-body" x={(-r).to_string()} y={(-r).to_string()}
                  width={(2.0 * r).to_string()} height={(2.0 * r).to_string()} rx="3" />
        },
    };
    let slices = ring_slices(&m.mark.tally).into_iter().map(|slice| {
        html! {
            <path class={classes!("map-mark-slice", category_class(slice.category))}
                  d={slice_path(&slice, r + 2.5)} />
        }
    });
    let content = html! {
        <>
            { body }
            { for slices }
            <text class="map-mark-count" text-anchor="middle" dy="0.35em">{ m.mark.count() }</text>
        </>
    };
    let events = input.events;
    let transform = format!("translate({} {})", r2(m.at.x), r2(m.at.y));
    let label = mark_label(catalog, &m.mark);
    let current = m.mark.selected.then_some("true");
    let onpointerenter = events
        .peek
        .reform(move |_: PointerEvent| (place_index, true));
    let onpointerleave = events.unpeek.reform(|_: PointerEvent| true);
    let onfocus = events
        .peek
        .reform(move |_: FocusEvent| (place_index, false));
    let onblur = events.unpeek.reform(|_: FocusEvent| false);
    match m.mark.events.as_slice() {
        [only] => {
            let href = catalog
                .events()
                .get(*only)
                .map(|e| input.app.href(Route::Event(e.id.clone())));
            html! {
                <a key={place.id.clone()} {class} {transform} {href} aria-label={label}
                   aria-current={current} data-place={place_index.to_string()}
                   data-place-id={place.id.clone()}
                   {onpointerenter} {onpointerleave} {onfocus} {onblur}>
                    { content }
                </a>
            }
        }
        _ => {
            let toggle = events.toggle.clone();
            let onclick = toggle.reform(move |e: MouseEvent| (place_index, e.detail() == 0));
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if matches!(e.key().as_str(), "Enter" | " ") {
                    e.prevent_default();
                    toggle.emit((place_index, true));
                }
            });
            html! {
                <g key={place.id.clone()} {class} {transform} role="button" tabindex="0"
                   aria-label={label} aria-current={current}
                   aria-expanded={is_open.to_string()}
                   data-place={place_index.to_string()} data-place-id={place.id.clone()}
                   {onclick} {onkeydown} {onpointerenter} {onpointerleave} {onfocus} {onblur}>
                    { content }
                </g>
            }
        }
    }
}

/// A place's events as links, beside its mark (HTML in a `foreignObject`, so the links are
/// real links: focusable, middle-clickable, announced as such).
fn list_html(input: &OverlayInput, m: &MarkView) -> Html {
    let catalog = input.catalog;
    let place_index = m.mark.place;
    let Some(place) = catalog.places().get(place_index) else {
        return Html::default();
    };
    let tip = tip_box(
        m.at,
        m.radius,
        m.mark.count(),
        input.view.width,
        input.view.height,
    );
    let events = input.events;
    let items = m
        .mark
        .events
        .iter()
        .filter_map(|&e| catalog.events().get(e).map(|event| (e, event)))
        .map(|(e, event)| {
            let current = (input.selected_event == Some(e)).then_some("true");
            let onclick = events
                .picked
                .reform(move |click: MouseEvent| (place_index, click.detail() == 0));
            html! {
                <li key={event.id.clone()}>
                    <a href={input.app.href(Route::Event(event.id.clone()))}
                       aria-label={present::event_mark_label(event)} aria-current={current}
                       data-event-id={event.id.clone()} {onclick}>
                        <span class="map-tip-date">{ present::event_date(event) }</span>
                        <span class="map-tip-title">{ &event.title }</span>
                    </a>
                </li>
            }
        });
    let pinned = input.pinned == Some(place_index);
    let close = events.close.reform(|_: MouseEvent| ());
    html! {
        <foreignObject class="map-tip-box" x={r2(tip.rect.x).to_string()} y={r2(tip.rect.y).to_string()}
                       width={r2(tip.rect.w).to_string()} height={r2(tip.rect.h).to_string()}>
            <div xmlns="http://www.w3.org/1999/xhtml"
                 class={classes!("map-tip", tip.scrolls.then_some("scrolls"))}
                 role="group" aria-label={format!("Events at {}", place.name)}
                 onpointerenter={events.keep_list.reform(|_: PointerEvent| ())}
                 onpointerleave={events.release_list.reform(|_: PointerEvent| ())}
                 onfocusin={events.keep_list.reform(|_: FocusEvent| ())}
                 onfocusout={events.release_list.reform(|_: FocusEvent| ())}>
                <p class="map-tip-head">
                    <a class="map-tip-place" href={input.app.href(Route::Place(place.id.clone()))}>{ &place.name }</a>
                    <span class="map-tip-count">{ events_count(m.mark.count()) }</span>
                    <span class="map-tip-actions">
                        if pinned {
                            <button type="button" class="map-tip-close" aria-label="Close the list" onclick={close}>{ "×" }</button>
                        }
                    </span>
                </p>
                <ul class="map-tip-list">{ for items }</ul>
            </div>
        </foreignObject>
    }
}
