//! The timeline's toolbar: zoom, lanes, playback and the time window as form controls, so
//! everything the pointer gestures do can also be done with the keyboard.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::window_fields::WindowFields;
use crate::data::{Date, Period};
use crate::present;
use crate::views::timeline::interaction::{ZoomRequest, ZOOM_STEP};
use crate::views::timeline::playback::Speed;
use crate::views::timeline::LaneMode;

/// What the controls need from playback.
pub struct Player {
    pub playing: bool,
    pub speed: Speed,
    pub toggle: Callback<()>,
    pub set_speed: Callback<Speed>,
}

pub struct Controls {
    pub mode: LaneMode,
    pub on_mode: Callback<LaneMode>,
    pub on_zoom: Callback<ZoomRequest>,
    pub player: Player,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The data's first and last day.
    pub bounds: (Date, Date),
    /// The chronicle's period, which the zoom buttons name.
    pub period: Period,
    /// A new window from the date fields: `(from, to)`, either end may be open.
    pub on_window: Callback<(Option<Date>, Option<Date>)>,
    pub on_clear: Callback<()>,
}

pub fn view(c: Controls) -> Html {
    let zoom = |request: ZoomRequest| c.on_zoom.reform(move |_: MouseEvent| request);
    let lane_buttons = LaneMode::ALL.into_iter().map(|mode| {
        let pressed = mode == c.mode;
        html! {
            <button type="button" aria-pressed={if pressed { "true" } else { "false" }}
                    class={classes!("tl-toggle", pressed.then_some("active"))}
                    onclick={c.on_mode.reform(move |_: MouseEvent| mode)}>
                { mode.label() }
            </button>
        }
    });
    let speeds = Speed::ALL.into_iter().map(|speed| {
        html! { <option value={speed.id()} selected={speed == c.player.speed}>{ speed.label() }</option> }
    });
    let on_speed = c.player.set_speed.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Speed::from_id(&select.value()).unwrap_or_default()
    });
    let playing = c.player.playing;
    let on_play = c.player.toggle.reform(|_: MouseEvent| ());
    let (from, to) = (c.from, c.to);
    let has_window = from.is_some() || to.is_some();
    html! {
        <div class="tl-controls">
            <div class="tl-group" role="group" aria-label="Zoom">
                <button type="button" onclick={zoom(ZoomRequest::By(1.0 / ZOOM_STEP))} aria-label="Zoom out" aria-keyshortcuts="-">{ "−" }</button>
                <button type="button" onclick={zoom(ZoomRequest::By(ZOOM_STEP))} aria-label="Zoom in" aria-keyshortcuts="+">{ "+" }</button>
                <button type="button" onclick={zoom(ZoomRequest::Period)} aria-keyshortcuts="0">{ present::period_button(c.period) }</button>
                <button type="button" onclick={zoom(ZoomRequest::All)}>{ present::reach_button(c.period) }</button>
            </div>
            <div class="tl-group" role="group" aria-label="Lanes">
                <span class="tl-group-label" aria-hidden="true">{ "Lanes" }</span>
                { for lane_buttons }
            </div>
            <div class="tl-group" role="group" aria-label="Playback">
                <button type="button" class={classes!("tl-play", playing.then_some("playing"))}
                        aria-pressed={if playing { "true" } else { "false" }} onclick={on_play}>
                    { if playing { "❚❚ Pause" } else { "▶ Play" } }
                </button>
                <label class="tl-speed">
                    <span class="visually-hidden">{ "Playback speed" }</span>
                    <select onchange={on_speed}>{ for speeds }</select>
                </label>
            </div>
            <div class="tl-group tl-window-controls" role="group" aria-label="Time window">
                <WindowFields {from} {to} bounds={c.bounds} on_window={c.on_window.clone()} />
                if has_window {
                    <button type="button" onclick={zoom(ZoomRequest::Window)}>{ "Zoom to window" }</button>
                    <button type="button" class="tl-clear" onclick={c.on_clear.reform(|_: MouseEvent| ())}>{ "Clear time window" }</button>
                }
            </div>
        </div>
    }
}
