//! The timeline's interaction reducer: every input the browser reports (a key, a pointer,
//! the wheel, a click on a density bar, a toolbar button, a timer tick, a resize, a new URL)
//! goes through [`Model::update`], which changes the timeline's own state ([`View`]: zoom and
//! pan, lanes, the brush being dragged, playback) and answers with the [`Effect`]s the
//! browser glue must carry out (write the URL, light an event, scroll, focus, swallow the
//! event, draw again). What is shared lives in the URL and is read through [`Context`]. The
//! visible range (once the reader zoomed or panned) and the lanes are the timeline's own and
//! also in the link (`span=`, `lanes=`): [`Input::Link`] reads them, [`Effect::WriteLink`]
//! reports a change, kept in step by [`InLink`].

use super::density::drill_down;
use super::gesture::{self, Gestures, Intent};
use super::keys::{self, Command, KeyPress};
use super::marks::extent_days;
use super::playback::{self, first_window, next_window, Plan, Speed};
use super::window::{reveal, reveal_within, scroll_least_to_show, window_days, with_window};
use super::{brush, Geometry, LaneMode};
use crate::data::{Catalog, Date, Period};
use crate::layout::time::TimeScale;
use crate::query::Filters;
use crate::url::{Route, Span, UrlState, ViewState};
use crate::views::in_link::InLink;

/// Zoom step of the +/− keys and buttons.
pub const ZOOM_STEP: f64 = 1.6;

/// A zoom request from the toolbar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ZoomRequest {
    /// Zoom around the middle of the plot by this factor.
    By(f64),
    /// Back to the chronicle's period (the article's quarter).
    Period,
    /// All the view can show: the years around the period (all of 2010).
    All,
    /// The URL's time window.
    Window,
}

/// What the timeline draws from its own state; everything else comes from the app.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub scale: TimeScale,
    /// Width of the drawing in px, as last measured (0 until then).
    pub width: f64,
    pub mode: LaneMode,
    /// The brush's extent in px while it is being dragged.
    pub brushing: Option<(f64, f64)>,
    /// How playback's timer runs; `None` when it is not playing.
    pub playing: Option<Plan>,
    pub speed: Speed,
}

impl View {
    /// The chronicle's period, before the plot is measured.
    pub fn new(period: Period) -> View {
        let (x0, x1) = Geometry::default().plot_range(0.0);
        View {
            scale: TimeScale::of(period, x0, x1),
            width: 0.0,
            mode: LaneMode::default(),
            brushing: None,
            playing: None,
            speed: Speed::default(),
        }
    }

    /// The URL's time window as days, its open ends at the view's bounds.
    pub fn window_days(&self, filters: &Filters) -> Option<(f64, f64)> {
        window_days(filters, self.scale.bounds())
    }

    /// The brush to draw, in px: the one being dragged, else the URL's window.
    pub fn window_px(&self, filters: &Filters) -> Option<(f64, f64)> {
        self.brushing.or_else(|| self.url_window_px(filters))
    }

    fn url_window_px(&self, filters: &Filters) -> Option<(f64, f64)> {
        self.window_days(filters)
            .map(|(a, b)| (self.scale.x(a), self.scale.x(b)))
    }
}

/// What the reducer reads from the app when an input arrives.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub url: &'a UrlState,
    /// The filtered events in date order (what the arrow keys walk through).
    pub shown: &'a [usize],
    pub selected: Option<usize>,
}

/// An input from the browser, in the timeline's terms. Positions are px from the left edge
/// of the plot element.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input<'a> {
    /// The drawing was measured at this width.
    Resized(f64),
    Wheel {
        delta_x: f64,
        delta_y: f64,
        /// As the DOM gives it: 0 px, 1 lines, 2 pages.
        delta_mode: u32,
        /// Held for trackpad pinches.
        ctrl: bool,
        x: f64,
    },
    PointerDown {
        pointer: i32,
        x: f64,
        /// The button pressed, for a mouse; `None` for touch and pens.
        mouse_button: Option<i16>,
        /// On the brush band under the dates.
        on_band: bool,
        /// On the lanes.
        on_lanes: bool,
        shift: bool,
    },
    PointerMove {
        pointer: i32,
        x: f64,
    },
    PointerUp {
        pointer: i32,
        x: f64,
    },
    PointerCancel,
    /// A click in the plot: by a pointer (not a keyboard "click"), and the days of the
    /// density bar it landed on, if any.
    Click {
        by_pointer: bool,
        bar: Option<(f64, f64)>,
    },
    /// A key pressed inside the plot, and the days of the density bar it was pressed on.
    PlotKey {
        key: &'a str,
        bar: Option<(f64, f64)>,
    },
    /// A key pressed anywhere in the view; `focus_on_mark` whether focus is on an event mark.
    Key {
        press: KeyPress<'a>,
        focus_on_mark: bool,
    },
    /// The mouse went over an element: the event whose mark it belongs to, if any.
    Over(Option<usize>),
    /// The pointer or focus is now on this event's mark, or on none.
    Pointing(Option<usize>),
    Zoom(ZoomRequest),
    Lanes(LaneMode),
    /// The date fields: a new window, either end open.
    DateFields(Option<Date>, Option<Date>),
    ClearWindow,
    /// The Play/Pause button; whether the reader prefers reduced motion.
    TogglePlay {
        reduced_motion: bool,
    },
    Speed(Speed),
    /// Playback's timer fired.
    Tick,
    /// The URL is now this (after any navigation, ours or not).
    UrlChanged(&'a UrlState),
    /// The link's visible range and lanes, as the app reads them now.
    Link {
        span: Option<Span>,
        lanes: LaneMode,
    },
    /// Another event (or none) is selected.
    SelectionChanged,
    /// The URL's time window changed.
    WindowChanged,
    /// The selection was drawn: its rows (top, bottom) in the lanes, and the lanes' scroll
    /// offset and visible height.
    SelectionDrawn {
        rows: Option<(f64, f64)>,
        viewport: Option<(f64, f64)>,
    },
    /// The selected event's mark took focus.
    SelectedMarkFocused,
}

/// What the browser glue must do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// The [`View`] changed: draw again.
    Redraw,
    /// The browser's own action for this event must not happen.
    PreventDefault,
    /// The event must not reach the app's handlers (Escape there clears the selection).
    StopPropagation,
    /// Send the rest of this pointer's drag to the plot, even outside it.
    CapturePointer,
    /// Write this URL: a new history step, or (`replace`) a refinement of the current one.
    Navigate { url: Box<UrlState>, replace: bool },
    /// The link must now say this about the timeline (a refinement of the current step).
    WriteLink { span: Option<Span>, lanes: LaneMode },
    /// Light this event in every view (or nothing).
    Hover(Option<usize>),
    /// Scroll the lanes vertically to this offset (px).
    ScrollLanes(f64),
    /// Focus the selected event's mark.
    FocusSelectedMark,
    /// Focus the plot itself.
    FocusPlot,
}

/// The timeline's state between inputs.
#[derive(Clone, Debug)]
pub struct Model {
    view: View,
    gestures: Gestures,
    /// Whether playback was started with reduced motion (jumping a window at a time).
    reduced_motion: bool,
    /// The last URL playback wrote (its views left out), to tell its own moves from the
    /// reader's.
    written: Option<UrlState>,
    /// The visible range is in the link: the reader zoomed or panned, or a link set it.
    linked: bool,
    /// The range and lanes as the link and the view last agreed on them.
    in_link: InLink<(Option<Span>, LaneMode)>,
    /// The arrow keys moved the selection while focus was on a mark: focus the new one.
    refocus: bool,
    /// The event last announced as pointed at, to announce each change once.
    hovered: Option<usize>,
}

impl Model {
    /// A timeline over the chronicle's `period` (`Catalog::period`): where it starts and
    /// how far it goes.
    pub fn new(period: Period) -> Model {
        Model {
            view: View::new(period),
            gestures: Gestures::default(),
            reduced_motion: false,
            written: None,
            linked: false,
            in_link: InLink::default(),
            refocus: false,
            hovered: None,
        }
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    /// Applies `input`; the effects come in the order they must be carried out, with
    /// [`Effect::Redraw`] last when the view changed. A range the reader moved enters the
    /// link, and any change of it or of the lanes is reported for the link.
    pub fn update(&mut self, input: Input, ctx: &Context) -> Vec<Effect> {
        let before = self.view.clone();
        let mut effects = self.apply(input, ctx);
        let domain = |view: &View| (view.scale.start(), view.scale.end());
        if by_reader(&input) && domain(&self.view) != domain(&before) {
            self.linked = true;
        }
        if let Some((span, lanes)) = self.in_link.shown((self.span(), self.view.mode)) {
            effects.push(Effect::WriteLink { span, lanes });
        }
        if self.view != before {
            effects.push(Effect::Redraw);
        }
        effects
    }

    /// The visible range as the link carries it: only once it is the reader's.
    pub fn span(&self) -> Option<Span> {
        let scale = &self.view.scale;
        self.linked
            .then(|| Span::from_days(scale.start(), scale.end()))
            .flatten()
    }

    /// Shows the range a link asks for, within the reach; without one, the period (and the
    /// selection).
    fn show_span(&mut self, span: Option<Span>, ctx: &Context) {
        if span == self.span() {
            return;
        }
        match span {
            Some(span) => self.view.scale.set_domain(span.start_day(), span.end_day()),
            None => {
                self.view.scale.reset();
                self.reveal_selection(ctx);
            }
        }
        self.linked = span.is_some();
    }

    fn apply(&mut self, input: Input, ctx: &Context) -> Vec<Effect> {
        match input {
            Input::Resized(width) => {
                if width.is_finite() && width > 0.0 && width != self.view.width {
                    let (x0, x1) = Geometry::default().plot_range(width);
                    self.view.scale.set_range(x0, x1);
                    self.view.width = width;
                }
            }
            Input::Wheel {
                delta_x,
                delta_y,
                delta_mode,
                ctrl,
                x,
            } => {
                let effect = gesture::wheel(delta_x, delta_y, delta_mode, ctrl, x);
                return self.gesture(vec![effect], ctx);
            }
            Input::PointerDown {
                pointer,
                x,
                mouse_button,
                on_band,
                on_lanes,
                shift,
            } => {
                return self.pointer_down(pointer, x, mouse_button, (on_band, on_lanes), shift, ctx)
            }
            Input::PointerMove { pointer, x } => {
                let effects = self.gestures.moved(pointer, x);
                return self.gesture(effects, ctx);
            }
            Input::PointerUp { pointer, x } => {
                let effects = self.gestures.up(pointer, x);
                return self.gesture(effects, ctx);
            }
            Input::PointerCancel => {
                let effects = self.gestures.cancel();
                return self.gesture(effects, ctx);
            }
            Input::Click { by_pointer, bar } => {
                // A drag that ended on a mark is not a click on it; a keyboard "click" is.
                if by_pointer && self.gestures.dragged() {
                    return vec![Effect::PreventDefault];
                }
                self.drill(bar);
            }
            Input::PlotKey { key, bar } => {
                // Density bars are buttons; the bar goes away with the zoom, so focus stays
                // in the timeline and the next Tab reaches the events that appeared.
                if (key == "Enter" || key == " ") && self.drill(bar) {
                    return vec![Effect::PreventDefault, Effect::FocusPlot];
                }
            }
            Input::Key {
                press,
                focus_on_mark,
            } => return self.key(press, focus_on_mark, ctx),
            Input::Over(event) => {
                // Between marks, the last one stays lit until the pointer leaves it.
                if event.is_some() {
                    return self.hover(event);
                }
            }
            Input::Pointing(event) => return self.hover(event),
            Input::Zoom(request) => self.zoom(request, ctx),
            Input::Lanes(mode) => self.view.mode = mode,
            Input::DateFields(from, to) => {
                self.stop_playback();
                let mut filters = ctx.url.filters.clone();
                (filters.from, filters.to) = (from, to);
                // A window typed in the fields is shown whole: the timeline zooms to it (a
                // brushed one is already on screen where it was drawn).
                if let Some((start, end)) = self.view.window_days(&filters) {
                    self.view.scale.set_domain(start, end);
                }
                return vec![set_filters(ctx, filters)];
            }
            Input::ClearWindow => {
                self.stop_playback();
                return vec![set_filters(ctx, with_window(&ctx.url.filters, None))];
            }
            Input::TogglePlay { reduced_motion } => return self.toggle_play(reduced_motion, ctx),
            Input::Speed(speed) => self.set_speed(speed, ctx),
            Input::Tick => return self.tick(ctx),
            Input::UrlChanged(url) => {
                // Any change to the URL but playback's own means the reader took over (the
                // views' settings follow the reader and playback alike: they do not count).
                if self.view.playing.is_some() && self.written != Some(without_views(url)) {
                    self.stop_playback();
                }
            }
            Input::Link { span, lanes } => {
                if let Some((span, lanes)) = self.in_link.read(&(span, lanes)) {
                    self.view.mode = lanes;
                    self.show_span(span, ctx);
                }
            }
            Input::SelectionChanged => self.reveal_selection(ctx),
            Input::WindowChanged => self.follow_window(ctx),
            Input::SelectionDrawn { rows, viewport } => {
                return self.selection_drawn(rows, viewport)
            }
            Input::SelectedMarkFocused => self.refocus = false,
        }
        Vec::new()
    }

    /// An event selected elsewhere (or by the keys) is panned into view…
    fn reveal_selection(&mut self, ctx: &Context) {
        let extent = ctx.selected.and_then(|e| {
            let span = *ctx.catalog.spans.get(e)?;
            Some(extent_days(ctx.catalog.events().get(e)?, span))
        });
        let scale = &mut self.view.scale;
        let domain = (scale.start(), scale.end());
        if let Some((start, end)) =
            extent.and_then(|item| reveal_within(domain, scale.bounds(), item))
        {
            scale.set_domain(start, end);
        }
    }

    /// …and scrolled into view vertically, and focused when the keys moved to it.
    fn selection_drawn(
        &self,
        rows: Option<(f64, f64)>,
        viewport: Option<(f64, f64)>,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        // Rows drawn before the plot was measured are laid out for another width (more
        // rows, say): scrolling to them would leave the lanes scrolled too far.
        let measured = self.view.width > 0.0;
        if let (true, Some((top, bottom)), Some((view_top, view_h))) = (measured, rows, viewport) {
            if let Some(offset) = scroll_least_to_show(top, bottom, view_top, view_h) {
                effects.push(Effect::ScrollLanes(offset));
            }
        }
        if self.refocus {
            effects.push(Effect::FocusSelectedMark);
        }
        effects
    }

    /// While playing, the moving window is kept in view.
    fn follow_window(&mut self, ctx: &Context) {
        let window = self.view.window_days(&ctx.url.filters);
        let scale = &mut self.view.scale;
        let domain = (scale.start(), scale.end());
        if let (Some(_), Some(window)) = (self.view.playing, window) {
            if let Some((start, end)) = reveal(domain, window) {
                scale.set_domain(start, end);
            }
        }
    }

    fn pointer_down(
        &mut self,
        pointer: i32,
        x: f64,
        mouse_button: Option<i16>,
        (on_band, on_lanes): (bool, bool),
        shift: bool,
        ctx: &Context,
    ) -> Vec<Effect> {
        if mouse_button.is_some_and(|button| button != 0) || !(on_band || on_lanes) {
            return Vec::new();
        }
        // Pressing on the timeline is the reader taking over from playback.
        self.stop_playback();
        let mut effects = Vec::new();
        let intent = if on_band || shift {
            effects.push(Effect::PreventDefault); // no text selection while brushing
            Intent::Brush
        } else {
            Intent::Pan
        };
        let window = self.view.url_window_px(&ctx.url.filters);
        let plot = self.view.scale.range();
        let started = self.gestures.down(pointer, x, intent, window, plot);
        effects.extend(self.gesture(started, ctx));
        effects
    }

    /// Carries out what the pointer gestures decided.
    fn gesture(&mut self, decided: Vec<gesture::Effect>, ctx: &Context) -> Vec<Effect> {
        let mut effects = Vec::new();
        let view = &mut self.view;
        for effect in decided {
            match effect {
                gesture::Effect::DragStarted => effects.push(Effect::CapturePointer),
                gesture::Effect::Pan(dx) => view.scale.pan(dx),
                gesture::Effect::Zoom { factor, around } => view.scale.zoom(factor, around),
                gesture::Effect::Brushing(extent) => view.brushing = Some(extent),
                gesture::Effect::BrushEnd(extent) => {
                    view.brushing = None;
                    if let Some(window) = extent.and_then(|e| brush::commit(&view.scale, e)) {
                        let filters = with_window(&ctx.url.filters, Some(window));
                        effects.push(set_filters(ctx, filters));
                    }
                }
            }
        }
        effects
    }

    fn key(&mut self, press: KeyPress, focus_on_mark: bool, ctx: &Context) -> Vec<Effect> {
        let Some(command) = keys::command(press) else {
            return Vec::new();
        };
        let was_playing = self.stop_playback();
        let mut effects = Vec::new();
        match command {
            Command::ZoomIn => self.zoom(ZoomRequest::By(ZOOM_STEP), ctx),
            Command::ZoomOut => self.zoom(ZoomRequest::By(1.0 / ZOOM_STEP), ctx),
            Command::ResetZoom => self.zoom(ZoomRequest::Period, ctx),
            Command::Cancel => {
                let cancelled = self.gestures.cancel();
                self.view.brushing = None;
                // Escape stopped something here; it should not also clear the selection.
                if was_playing || !cancelled.is_empty() {
                    effects.push(Effect::StopPropagation);
                }
                return effects;
            }
            Command::Step(_) | Command::First | Command::Last => {
                if let Some(target) = keys::target(ctx.shown, ctx.selected, command) {
                    self.refocus = focus_on_mark;
                    let route = Route::Event(ctx.catalog.events()[target].id.clone());
                    effects.push(Effect::Navigate {
                        url: Box::new(UrlState {
                            route,
                            ..ctx.url.clone()
                        }),
                        replace: false,
                    });
                }
            }
        }
        effects.extend([Effect::PreventDefault, Effect::StopPropagation]);
        effects
    }

    fn hover(&mut self, event: Option<usize>) -> Vec<Effect> {
        if self.hovered == event {
            return Vec::new();
        }
        self.hovered = event;
        vec![Effect::Hover(event)]
    }

    fn zoom(&mut self, request: ZoomRequest, ctx: &Context) {
        let window = self.view.window_days(&ctx.url.filters);
        let scale = &mut self.view.scale;
        match request {
            ZoomRequest::By(factor) => {
                let (x0, x1) = scale.range();
                scale.zoom(factor, (x0 + x1) / 2.0);
            }
            ZoomRequest::Period => scale.reset(),
            ZoomRequest::All => {
                let (start, end) = scale.bounds();
                scale.set_domain(start, end);
            }
            ZoomRequest::Window => {
                if let Some((start, end)) = window {
                    scale.set_domain(start, end);
                }
            }
        }
    }

    /// Zooms onto the days of a density bar; whether there was one to zoom onto.
    fn drill(&mut self, bar: Option<(f64, f64)>) -> bool {
        let scale = &mut self.view.scale;
        let domain = (scale.start(), scale.end());
        match bar.and_then(|(from, to)| drill_down(from, to, domain)) {
            Some((start, end)) => {
                scale.set_domain(start, end);
                true
            }
            None => false,
        }
    }

    /// Stops playback; whether it was playing.
    fn stop_playback(&mut self) -> bool {
        self.view.playing.take().is_some()
    }

    fn toggle_play(&mut self, reduced_motion: bool, ctx: &Context) -> Vec<Effect> {
        if self.stop_playback() {
            return Vec::new();
        }
        self.reduced_motion = reduced_motion;
        let first = first_window(url_window(ctx.url), playback::days_of(ctx.catalog.period));
        let length = first.1 - first.0 + 1;
        self.view.playing = Some(playback::plan(self.view.speed, reduced_motion, length));
        // Starting is a step the reader can go back from; the moves after it are not.
        vec![self.write(ctx.url, first, false)]
    }

    fn set_speed(&mut self, speed: Speed, ctx: &Context) {
        self.view.speed = speed;
        if self.view.playing.is_some() {
            let length =
                url_window(ctx.url).map_or(playback::DEFAULT_WINDOW_DAYS, |(a, b)| b - a + 1);
            self.view.playing = Some(playback::plan(speed, self.reduced_motion, length));
        }
    }

    fn tick(&mut self, ctx: &Context) -> Vec<Effect> {
        let Some(plan) = self.view.playing else {
            return Vec::new();
        };
        let next = url_window(ctx.url).and_then(|window| {
            next_window(
                window,
                plan.step_days,
                playback::days_of(ctx.catalog.period),
            )
        });
        match next {
            Some(window) => vec![self.write(ctx.url, window, true)],
            None => {
                self.stop_playback();
                Vec::new()
            }
        }
    }

    /// Writes a playback window to the URL, remembering the fragment as ours.
    fn write(&mut self, url: &UrlState, window: (i32, i32), replace: bool) -> Effect {
        let dates = (Date::from_days(window.0), Date::from_days(window.1));
        let url = UrlState {
            filters: with_window(&url.filters, Some(dates)),
            ..url.clone()
        };
        self.written = Some(without_views(&url));
        Effect::Navigate {
            url: Box::new(url),
            replace,
        }
    }
}

/// Whether an input is the reader's own doing (rather than the app following the
/// selection, the window, the size or the link): a range it moves becomes the reader's.
fn by_reader(input: &Input) -> bool {
    matches!(
        input,
        Input::Wheel { .. }
            | Input::PointerMove { .. }
            | Input::PointerUp { .. }
            | Input::Click { .. }
            | Input::PlotKey { .. }
            | Input::Key { .. }
            | Input::Zoom(_)
            | Input::DateFields(..)
    )
}

/// The URL with the views' settings left out.
fn without_views(url: &UrlState) -> UrlState {
    UrlState {
        views: ViewState::default(),
        ..url.clone()
    }
}

/// The URL's window as inclusive day numbers, when both ends are set.
fn url_window(url: &UrlState) -> Option<(i32, i32)> {
    Some((url.filters.from?.to_days(), url.filters.to?.to_days()))
}

/// A new history step with these filters.
fn set_filters(ctx: &Context, filters: Filters) -> Effect {
    Effect::Navigate {
        url: Box::new(UrlState {
            filters,
            ..ctx.url.clone()
        }),
        replace: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    /// The app as the timeline sees it: the chronicle, a URL, the events shown.
    struct App {
        catalog: Catalog,
        url: UrlState,
        shown: Vec<usize>,
        selected: Option<usize>,
    }

    impl App {
        fn new() -> App {
            let catalog = data::load_embedded().unwrap();
            let shown = (0..catalog.events().len()).collect();
            App {
                catalog,
                url: UrlState::default(),
                shown,
                selected: None,
            }
        }

        fn ctx(&self) -> Context<'_> {
            Context {
                catalog: &self.catalog,
                url: &self.url,
                shown: &self.shown,
                selected: self.selected,
            }
        }

        fn event(&self, id: &str) -> usize {
            self.catalog.event_index(id).unwrap()
        }

        /// Carries out the navigations among `effects`, as the glue would.
        fn follow(&mut self, effects: &[Effect]) {
            for effect in effects {
                if let Effect::Navigate { url, .. } = effect {
                    self.url = (**url).clone();
                    self.selected = match &url.route {
                        Route::Event(id) => self.catalog.event_index(id),
                        _ => None,
                    };
                }
            }
        }
    }

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn day(text: &str) -> f64 {
        f64::from(date(text).to_days())
    }

    fn key(key: &str) -> Input<'_> {
        Input::Key {
            press: KeyPress {
                key,
                ..KeyPress::default()
            },
            focus_on_mark: false,
        }
    }

    fn down(x: f64, on_band: bool, shift: bool) -> Input<'static> {
        Input::PointerDown {
            pointer: 1,
            x,
            mouse_button: Some(0),
            on_band,
            on_lanes: !on_band,
            shift,
        }
    }

    fn moved(x: f64) -> Input<'static> {
        Input::PointerMove { pointer: 1, x }
    }

    fn up(x: f64) -> Input<'static> {
        Input::PointerUp { pointer: 1, x }
    }

    /// A model measured at 1000 px, as after the first layout.
    fn measured(app: &App) -> Model {
        let mut model = Model::new(app.catalog.period);
        model.update(Input::Resized(1000.0), &app.ctx());
        model
    }

    fn domain(model: &Model) -> (f64, f64) {
        (model.view().scale.start(), model.view().scale.end())
    }

    fn playing(app: &mut App, model: &mut Model) {
        let effects = model.update(
            Input::TogglePlay {
                reduced_motion: false,
            },
            &app.ctx(),
        );
        app.follow(&effects);
        assert!(model.view().playing.is_some());
    }

    /// The effects but the link's report.
    fn drawing(effects: Vec<Effect>) -> Vec<Effect> {
        effects
            .into_iter()
            .filter(|e| !matches!(e, Effect::WriteLink { .. }))
            .collect()
    }

    fn navigations(effects: &[Effect]) -> Vec<(&UrlState, bool)> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Navigate { url, replace } => Some((&**url, *replace)),
                _ => None,
            })
            .collect()
    }

    fn link(span: Option<Span>, lanes: LaneMode) -> Input<'static> {
        Input::Link { span, lanes }
    }

    fn span(from: &str, to: &str) -> Span {
        Span::from_days(day(from), day(to)).unwrap()
    }

    #[test]
    fn a_link_without_timeline_settings_changes_nothing() {
        let app = App::new();
        let mut model = measured(&app);
        assert!(model
            .update(link(None, LaneMode::Sides), &app.ctx())
            .is_empty());
        assert_eq!(model.span(), None);
    }

    #[test]
    fn a_link_shows_its_range_and_lanes() {
        let app = App::new();
        let mut model = measured(&app);
        let wanted = span("2010-11-20", "2010-12-01");
        let effects = model.update(link(Some(wanted), LaneMode::Storylines), &app.ctx());
        assert_eq!(
            effects,
            [Effect::Redraw],
            "shown as it is: nothing to write back"
        );
        assert_eq!(domain(&model), (day("2010-11-20"), day("2010-12-01")));
        assert_eq!(model.view().mode, LaneMode::Storylines);
        assert_eq!(model.span(), Some(wanted));
        // Read once: the same link again changes nothing.
        assert!(model
            .update(link(Some(wanted), LaneMode::Storylines), &app.ctx())
            .is_empty());
    }

    #[test]
    fn a_range_the_timeline_cannot_show_is_written_back_as_shown() {
        let app = App::new();
        let mut model = measured(&app);
        let early = span("2009-06-01", "2009-07-01");
        let effects = model.update(link(Some(early), LaneMode::Sides), &app.ctx());
        let shown = span("2010-01-01", "2010-01-31");
        assert_eq!(
            effects,
            [
                Effect::WriteLink {
                    span: Some(shown),
                    lanes: LaneMode::Sides
                },
                Effect::Redraw
            ]
        );
    }

    #[test]
    fn the_readers_zoom_and_pan_enter_the_link() {
        let app = App::new();
        let mut model = measured(&app);
        let effects = model.update(key("+"), &app.ctx());
        let (start, end) = domain(&model);
        let written = Span::from_days(start, end);
        assert!(effects.contains(&Effect::WriteLink {
            span: written,
            lanes: LaneMode::Sides
        }));
        assert_eq!(model.span(), written);
        // Once the reader's, the range follows the selection in the link too.
        let mut app = app;
        app.selected = Some(app.event("2010-03-26-cheonan-sinking"));
        let effects = model.update(Input::SelectionChanged, &app.ctx());
        let (start, end) = domain(&model);
        assert_eq!(
            effects,
            [
                Effect::WriteLink {
                    span: Span::from_days(start, end),
                    lanes: LaneMode::Sides
                },
                Effect::Redraw
            ]
        );
    }

    #[test]
    fn the_timeline_following_by_itself_stays_out_of_the_link() {
        let mut app = App::new();
        let mut model = measured(&app);
        app.selected = Some(app.event("2010-03-26-cheonan-sinking"));
        assert_eq!(
            model.update(Input::SelectionChanged, &app.ctx()),
            [Effect::Redraw]
        );
        assert_ne!(domain(&model), default_domain_days());
        model.update(Input::Resized(700.0), &app.ctx());
        assert_eq!(model.span(), None);
    }

    fn default_domain_days() -> (f64, f64) {
        (day("2010-10-01"), day("2011-01-01"))
    }

    fn all_of_2010() -> (f64, f64) {
        (day("2010-01-01"), day("2011-01-01"))
    }

    #[test]
    fn the_older_link_read_before_it_was_written_does_not_undo_the_reader() {
        let app = App::new();
        let mut model = measured(&app);
        model.update(Input::Lanes(LaneMode::Storylines), &app.ctx());
        model.update(key("+"), &app.ctx());
        let zoomed = domain(&model);
        assert!(model
            .update(link(None, LaneMode::Sides), &app.ctx())
            .is_empty());
        assert_eq!(domain(&model), zoomed);
        assert_eq!(model.view().mode, LaneMode::Storylines);
    }

    #[test]
    fn back_to_a_link_without_a_range_shows_the_quarter_and_the_selection() {
        let mut app = App::new();
        let mut model = measured(&app);
        let wanted = span("2010-11-20", "2010-12-01");
        model.update(link(Some(wanted), LaneMode::Storylines), &app.ctx());
        app.selected = Some(app.event("2010-03-26-cheonan-sinking"));
        let effects = model.update(link(None, LaneMode::Sides), &app.ctx());
        assert_eq!(effects, [Effect::Redraw]);
        assert_eq!(model.span(), None);
        assert_eq!(model.view().mode, LaneMode::Sides);
        assert!(model.view().scale.contains(day("2010-03-26")));
        // Without a selection, back to the quarter itself.
        app.selected = None;
        model.update(link(Some(wanted), LaneMode::Sides), &app.ctx());
        model.update(link(None, LaneMode::Sides), &app.ctx());
        assert_eq!(domain(&model), default_domain_days());
    }

    #[test]
    fn a_measured_width_sets_the_plot_once() {
        let app = App::new();
        let mut model = Model::new(app.catalog.period);
        let effects = model.update(Input::Resized(1000.0), &app.ctx());
        assert_eq!(effects, [Effect::Redraw]);
        assert_eq!(model.view().width, 1000.0);
        assert_eq!(
            model.view().scale.range(),
            Geometry::default().plot_range(1000.0)
        );
        assert!(model.update(Input::Resized(1000.0), &app.ctx()).is_empty());
        assert!(model.update(Input::Resized(0.0), &app.ctx()).is_empty());
        assert!(model
            .update(Input::Resized(f64::NAN), &app.ctx())
            .is_empty());
        assert_eq!(model.view().width, 1000.0);
    }

    #[test]
    fn plus_minus_and_zero_zoom_around_the_middle_and_back() {
        let app = App::new();
        let mut model = measured(&app);
        let quarter = domain(&model);
        let middle = (quarter.0 + quarter.1) / 2.0;
        let effects = model.update(key("+"), &app.ctx());
        assert_eq!(
            drawing(effects),
            [
                Effect::PreventDefault,
                Effect::StopPropagation,
                Effect::Redraw
            ]
        );
        let (start, end) = domain(&model);
        assert!((end - start - (quarter.1 - quarter.0) / ZOOM_STEP).abs() < 1e-6);
        assert!(((start + end) / 2.0 - middle).abs() < 1e-6);
        model.update(key("-"), &app.ctx());
        model.update(key("-"), &app.ctx());
        assert!(domain(&model).1 - domain(&model).0 > quarter.1 - quarter.0);
        model.update(key("0"), &app.ctx());
        assert_eq!(domain(&model), quarter);
    }

    #[test]
    fn keys_that_belong_to_the_browser_change_nothing() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        let ctrl_plus = Input::Key {
            press: KeyPress {
                key: "+",
                ctrl: true,
                ..KeyPress::default()
            },
            focus_on_mark: false,
        };
        assert!(model.update(ctrl_plus, &app.ctx()).is_empty());
        assert!(model.update(key("a"), &app.ctx()).is_empty());
        assert!(model.view().playing.is_some(), "still playing");
    }

    #[test]
    fn a_key_pressed_while_playing_stops_playback() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        model.update(key("+"), &app.ctx());
        assert_eq!(model.view().playing, None);
    }

    #[test]
    fn home_goes_to_the_first_event_and_end_to_the_last() {
        let mut app = App::new();
        let mut model = measured(&app);
        let effects = model.update(key("Home"), &app.ctx());
        let first = &app.catalog.events()[app.shown[0]].id;
        assert_eq!(
            effects,
            [
                Effect::Navigate {
                    url: Box::new(UrlState {
                        route: Route::Event(first.clone()),
                        ..UrlState::default()
                    }),
                    replace: false
                },
                Effect::PreventDefault,
                Effect::StopPropagation
            ]
        );
        app.follow(&effects);
        let effects = model.update(key("End"), &app.ctx());
        app.follow(&effects);
        assert_eq!(app.selected, app.shown.last().copied());
    }

    #[test]
    fn the_arrows_step_through_the_shown_events_and_stop_at_the_ends() {
        let mut app = App::new();
        app.shown = vec![3, 5, 8];
        app.selected = Some(5);
        let mut model = measured(&app);
        let effects = model.update(key("ArrowRight"), &app.ctx());
        app.follow(&effects);
        assert_eq!(app.selected, Some(8));
        // At the end there is nowhere to go, but the key is still the timeline's.
        let effects = model.update(key("ArrowRight"), &app.ctx());
        assert_eq!(effects, [Effect::PreventDefault, Effect::StopPropagation]);
        let effects = model.update(key("ArrowLeft"), &app.ctx());
        app.follow(&effects);
        assert_eq!(app.selected, Some(5));
    }

    #[test]
    fn stepping_from_a_focused_mark_focuses_the_next_mark_once() {
        let mut app = App::new();
        let mut model = measured(&app);
        let drawn = Input::SelectionDrawn {
            rows: None,
            viewport: None,
        };
        // Stepping while focus is elsewhere leaves focus where it is.
        app.follow(&model.update(key("ArrowRight"), &app.ctx()));
        assert!(model.update(drawn, &app.ctx()).is_empty());
        let from_mark = Input::Key {
            press: KeyPress {
                key: "ArrowRight",
                ..KeyPress::default()
            },
            focus_on_mark: true,
        };
        app.follow(&model.update(from_mark, &app.ctx()));
        assert_eq!(model.update(drawn, &app.ctx()), [Effect::FocusSelectedMark]);
        // Until the mark has taken focus, each drawing tries again.
        assert_eq!(model.update(drawn, &app.ctx()), [Effect::FocusSelectedMark]);
        model.update(Input::SelectedMarkFocused, &app.ctx());
        assert!(model.update(drawn, &app.ctx()).is_empty());
    }

    #[test]
    fn escape_stops_playback_and_keeps_the_selection() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        let effects = model.update(key("Escape"), &app.ctx());
        assert_eq!(effects, [Effect::StopPropagation, Effect::Redraw]);
        assert_eq!(model.view().playing, None);
        // With nothing to stop, Escape goes on to clear the selection.
        assert!(model.update(key("Escape"), &app.ctx()).is_empty());
    }

    #[test]
    fn escape_cancels_a_brush_without_writing_the_window() {
        let app = App::new();
        let mut model = measured(&app);
        model.update(down(300.0, true, false), &app.ctx());
        model.update(moved(400.0), &app.ctx());
        assert_eq!(model.view().brushing, Some((300.0, 400.0)));
        let effects = model.update(key("Escape"), &app.ctx());
        assert_eq!(effects, [Effect::StopPropagation, Effect::Redraw]);
        assert_eq!(model.view().brushing, None);
        assert!(navigations(&model.update(up(450.0), &app.ctx())).is_empty());
    }

    #[test]
    fn dragging_the_lanes_pans_and_captures_the_pointer() {
        let app = App::new();
        let mut model = measured(&app);
        let before = domain(&model);
        assert!(model
            .update(down(500.0, false, false), &app.ctx())
            .is_empty());
        let effects = model.update(moved(550.0), &app.ctx());
        assert_eq!(drawing(effects), [Effect::CapturePointer, Effect::Redraw]);
        assert!(domain(&model).0 < before.0, "earlier days come into view");
        assert!(model.update(up(550.0), &app.ctx()).is_empty());
        // The click that ends the drag does not follow the mark's link.
        let click = Input::Click {
            by_pointer: true,
            bar: None,
        };
        assert_eq!(model.update(click, &app.ctx()), [Effect::PreventDefault]);
    }

    #[test]
    fn the_reader_dragging_during_playback_takes_over() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        model.update(down(500.0, false, false), &app.ctx());
        assert_eq!(model.view().playing, None);
    }

    #[test]
    fn other_buttons_and_presses_beside_the_plot_are_ignored() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        let right = Input::PointerDown {
            pointer: 1,
            x: 500.0,
            mouse_button: Some(2),
            on_band: false,
            on_lanes: true,
            shift: false,
        };
        assert!(model.update(right, &app.ctx()).is_empty());
        let beside = Input::PointerDown {
            pointer: 1,
            x: 500.0,
            mouse_button: None,
            on_band: false,
            on_lanes: false,
            shift: false,
        };
        assert!(model.update(beside, &app.ctx()).is_empty());
        assert!(model.update(moved(600.0), &app.ctx()).is_empty());
        assert!(model.view().playing.is_some());
        // A finger on the lanes pans like the main button.
        let finger = Input::PointerDown {
            pointer: 1,
            x: 500.0,
            mouse_button: None,
            on_band: false,
            on_lanes: true,
            shift: false,
        };
        model.update(finger, &app.ctx());
        assert!(model
            .update(moved(620.0), &app.ctx())
            .contains(&Effect::CapturePointer));
    }

    #[test]
    fn brushing_draws_the_extent_and_writes_the_window_on_release() {
        let mut app = App::new();
        app.url.filters.q = "wen".into();
        let mut model = measured(&app);
        let scale = model.view().scale.clone();
        let (x0, x1) = (scale.x(day("2010-12-09")), scale.x(day("2010-12-18")));
        let effects = model.update(down(x0, true, false), &app.ctx());
        assert_eq!(effects, [Effect::PreventDefault], "no text selection");
        model.update(moved(x1 - 20.0), &app.ctx());
        assert_eq!(model.view().brushing, Some((x0, x1 - 20.0)));
        assert_eq!(
            model.view().window_px(&app.url.filters),
            Some((x0, x1 - 20.0))
        );
        let effects = model.update(up(x1), &app.ctx());
        assert_eq!(model.view().brushing, None);
        let written = navigations(&effects);
        assert_eq!(written.len(), 1);
        let (url, replace) = written[0];
        assert!(!replace, "a new history step");
        assert_eq!(url.filters.from, Some(date("2010-12-09")));
        assert_eq!(url.filters.to, Some(date("2010-12-17")));
        assert_eq!(url.filters.q, "wen", "the other filters stay");
    }

    #[test]
    fn shift_dragging_the_lanes_brushes_too() {
        let app = App::new();
        let mut model = measured(&app);
        let effects = model.update(down(300.0, false, true), &app.ctx());
        assert_eq!(effects, [Effect::PreventDefault]);
        model.update(moved(400.0), &app.ctx());
        assert_eq!(model.view().brushing, Some((300.0, 400.0)));
    }

    #[test]
    fn a_cancelled_pointer_leaves_the_window_alone() {
        let app = App::new();
        let mut model = measured(&app);
        model.update(down(300.0, true, false), &app.ctx());
        model.update(moved(400.0), &app.ctx());
        let effects = model.update(Input::PointerCancel, &app.ctx());
        assert_eq!(effects, [Effect::Redraw]);
        assert_eq!(model.view().brushing, None);
    }

    #[test]
    fn picking_a_density_bar_zooms_onto_its_days() {
        let app = App::new();
        let mut model = measured(&app);
        let bar = Some((day("2010-11-20"), day("2010-11-27")));
        let click = Input::Click {
            by_pointer: true,
            bar,
        };
        assert_eq!(drawing(model.update(click, &app.ctx())), [Effect::Redraw]);
        let (start, end) = domain(&model);
        assert!(start <= day("2010-11-20") && end >= day("2010-11-27"));
        assert!(end - start < 30.0);
        // A click beside the bars does nothing.
        let before = domain(&model);
        let miss = Input::Click {
            by_pointer: true,
            bar: None,
        };
        assert!(model.update(miss, &app.ctx()).is_empty());
        assert_eq!(domain(&model), before);
    }

    #[test]
    fn a_keyboard_click_picks_a_bar_even_after_a_drag() {
        let app = App::new();
        let mut model = measured(&app);
        model.update(down(500.0, false, false), &app.ctx());
        model.update(moved(560.0), &app.ctx());
        model.update(up(560.0), &app.ctx());
        let bar = Some((day("2010-11-20"), day("2010-11-27")));
        let keyboard = Input::Click {
            by_pointer: false,
            bar,
        };
        assert_eq!(
            drawing(model.update(keyboard, &app.ctx())),
            [Effect::Redraw]
        );
    }

    #[test]
    fn enter_or_space_on_a_bar_zooms_and_keeps_focus_in_the_plot() {
        let app = App::new();
        let mut model = measured(&app);
        let bar = Some((day("2010-11-20"), day("2010-11-27")));
        let tab = Input::PlotKey { key: "Tab", bar };
        assert!(model.update(tab, &app.ctx()).is_empty());
        let enter = Input::PlotKey { key: "Enter", bar };
        assert_eq!(
            drawing(model.update(enter, &app.ctx())),
            [Effect::PreventDefault, Effect::FocusPlot, Effect::Redraw]
        );
        let space = Input::PlotKey {
            key: " ",
            bar: Some((day("2010-11-22"), day("2010-11-23"))),
        };
        assert!(model.update(space, &app.ctx()).contains(&Effect::FocusPlot));
        let on_a_mark = Input::PlotKey {
            key: "Enter",
            bar: None,
        };
        assert!(model.update(on_a_mark, &app.ctx()).is_empty());
    }

    #[test]
    fn the_wheel_zooms_at_the_pointer_and_a_sideways_swipe_pans() {
        let app = App::new();
        let mut model = measured(&app);
        let quarter = domain(&model);
        let at = model.view().scale.x(day("2010-11-23"));
        let roll = Input::Wheel {
            delta_x: 0.0,
            delta_y: -200.0,
            delta_mode: 0,
            ctrl: false,
            x: at,
        };
        assert_eq!(drawing(model.update(roll, &app.ctx())), [Effect::Redraw]);
        let zoomed = domain(&model);
        assert!(zoomed.1 - zoomed.0 < quarter.1 - quarter.0);
        assert!((model.view().scale.day_at(at) - day("2010-11-23")).abs() < 1e-6);
        let swipe = Input::Wheel {
            delta_x: 80.0,
            delta_y: 0.0,
            delta_mode: 0,
            ctrl: false,
            x: at,
        };
        model.update(swipe, &app.ctx());
        assert!(domain(&model).0 > zoomed.0, "later days come into view");
    }

    #[test]
    fn hovering_announces_each_change_once() {
        let app = App::new();
        let mut model = measured(&app);
        assert_eq!(
            model.update(Input::Over(Some(4)), &app.ctx()),
            [Effect::Hover(Some(4))]
        );
        assert!(model.update(Input::Over(Some(4)), &app.ctx()).is_empty());
        // Between marks the last one stays lit…
        assert!(model.update(Input::Over(None), &app.ctx()).is_empty());
        // …until the pointer (or focus) leaves it for nothing.
        assert_eq!(
            model.update(Input::Pointing(None), &app.ctx()),
            [Effect::Hover(None)]
        );
        assert!(model.update(Input::Pointing(None), &app.ctx()).is_empty());
        assert_eq!(
            model.update(Input::Pointing(Some(7)), &app.ctx()),
            [Effect::Hover(Some(7))]
        );
    }

    #[test]
    fn the_toolbar_zooms_to_the_year_the_window_and_the_quarter() {
        let mut app = App::new();
        let mut model = measured(&app);
        let quarter = domain(&model);
        // Without a window there is nothing to zoom to.
        assert!(model
            .update(Input::Zoom(ZoomRequest::Window), &app.ctx())
            .is_empty());
        model.update(Input::Zoom(ZoomRequest::All), &app.ctx());
        assert_eq!(domain(&model), all_of_2010());
        app.url.filters.from = Some(date("2010-12-09"));
        app.url.filters.to = Some(date("2010-12-17"));
        model.update(Input::Zoom(ZoomRequest::Window), &app.ctx());
        assert_eq!(domain(&model), (day("2010-12-09"), day("2010-12-18")));
        model.update(Input::Zoom(ZoomRequest::By(1.0 / ZOOM_STEP)), &app.ctx());
        assert!(domain(&model).1 - domain(&model).0 > 9.0);
        model.update(Input::Zoom(ZoomRequest::Period), &app.ctx());
        assert_eq!(domain(&model), quarter);
    }

    #[test]
    fn lanes_switch_between_sides_and_storylines() {
        let app = App::new();
        let mut model = measured(&app);
        assert_eq!(model.view().mode, LaneMode::Sides);
        let effects = model.update(Input::Lanes(LaneMode::Storylines), &app.ctx());
        assert_eq!(
            effects,
            [
                Effect::WriteLink {
                    span: None,
                    lanes: LaneMode::Storylines
                },
                Effect::Redraw
            ]
        );
        assert_eq!(model.view().mode, LaneMode::Storylines);
    }

    #[test]
    fn the_date_fields_write_their_window_and_take_over_from_playback() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        let typed = Input::DateFields(Some(date("2010-12-09")), Some(date("2010-12-17")));
        let effects = model.update(typed, &app.ctx());
        assert_eq!(model.view().playing, None);
        let written = navigations(&effects);
        assert_eq!(written.len(), 1);
        assert!(!written[0].1);
        assert_eq!(written[0].0.filters.from, Some(date("2010-12-09")));
        assert_eq!(written[0].0.filters.to, Some(date("2010-12-17")));
        app.follow(&effects);
        let effects = model.update(Input::ClearWindow, &app.ctx());
        let written = navigations(&effects);
        assert_eq!(
            (written[0].0.filters.from, written[0].0.filters.to),
            (None, None)
        );
        // Emptying both fields clears the window too.
        let emptied = model.update(Input::DateFields(None, None), &app.ctx());
        assert_eq!(navigations(&emptied)[0].0.filters.from, None);
    }

    #[test]
    fn a_window_typed_in_the_date_fields_is_zoomed_to() {
        let app = App::new();
        let mut model = measured(&app);
        let typed = Input::DateFields(Some(date("2010-11-23")), Some(date("2010-11-30")));
        model.update(typed, &app.ctx());
        assert_eq!(domain(&model), (day("2010-11-23"), day("2010-12-01")));
        // An open end keeps the other end of the view's bounds.
        model.update(
            Input::DateFields(Some(date("2010-12-20")), None),
            &app.ctx(),
        );
        assert_eq!(domain(&model).0, day("2010-12-20"));
    }

    #[test]
    fn play_starts_a_week_as_a_new_step_and_moves_it_in_place() {
        let mut app = App::new();
        app.selected = Some(app.event("2010-11-23-yeonpyeong-shelling"));
        app.url.route = Route::Event("2010-11-23-yeonpyeong-shelling".into());
        let mut model = measured(&app);
        let play = Input::TogglePlay {
            reduced_motion: false,
        };
        let effects = model.update(play, &app.ctx());
        let written = navigations(&effects);
        assert_eq!(written.len(), 1);
        assert!(!written[0].1, "starting is a step back leads out of");
        assert_eq!(written[0].0.route, app.url.route, "the selection stays");
        assert_eq!(written[0].0.filters.from, Some(date("2010-10-01")));
        assert_eq!(written[0].0.filters.to, Some(date("2010-10-07")));
        assert_eq!(
            model.view().playing,
            Some(Plan {
                interval_ms: 1000,
                step_days: 1
            })
        );
        app.follow(&effects);
        let effects = model.update(Input::Tick, &app.ctx());
        let written = navigations(&effects);
        assert!(written[0].1, "later moves replace the entry");
        assert_eq!(written[0].0.filters.from, Some(date("2010-10-02")));
        assert_eq!(written[0].0.filters.to, Some(date("2010-10-08")));
        // Pressing the button again pauses.
        assert_eq!(model.update(play, &app.ctx()), [Effect::Redraw]);
        assert!(model.update(Input::Tick, &app.ctx()).is_empty());
    }

    /// A reader's own chronicle of the Korean War, from the invasion to the armistice.
    fn war() -> App {
        let events = vec![
            data::fixture::event("1950-06-25-invasion", "1950-06-25", Vec::new()),
            data::fixture::event("1953-07-27-armistice", "1953-07-27", Vec::new()),
        ];
        App {
            catalog: data::fixture::catalog(Vec::new(), events),
            url: UrlState::default(),
            shown: vec![0, 1],
            selected: None,
        }
    }

    #[test]
    fn another_chronicle_is_zoomed_within_its_own_years() {
        let app = war();
        let mut model = measured(&app);
        let period = (day("1950-06-01"), day("1953-08-01"));
        assert_eq!(domain(&model), period);
        model.update(Input::Zoom(ZoomRequest::All), &app.ctx());
        assert_eq!(domain(&model), (day("1950-01-01"), day("1954-01-01")));
        model.update(key("0"), &app.ctx());
        assert_eq!(domain(&model), period);
        // A link's range of 2010 is brought inside the chronicle's years, its length kept.
        model.update(
            link(Some(span("2010-11-20", "2010-11-30")), LaneMode::Sides),
            &app.ctx(),
        );
        assert_eq!(domain(&model), (day("1953-12-22"), day("1954-01-01")));
        model.update(link(None, LaneMode::Sides), &app.ctx());
        assert_eq!(domain(&model), period);
    }

    #[test]
    fn another_chronicle_is_played_through_its_own_period() {
        let mut app = war();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        assert_eq!(app.url.filters.from, Some(date("1950-06-01")));
        assert_eq!(app.url.filters.to, Some(date("1950-06-07")));
        app.url.filters.from = Some(date("1953-07-24"));
        app.url.filters.to = Some(date("1953-07-30"));
        app.follow(&model.update(Input::Tick, &app.ctx()));
        assert_eq!(app.url.filters.to, Some(date("1953-07-31")));
        model.update(Input::Tick, &app.ctx());
        assert_eq!(model.view().playing, None);
    }

    #[test]
    fn playback_stops_when_the_window_reaches_the_end_of_the_quarter() {
        let mut app = App::new();
        app.url.filters.from = Some(date("2010-12-24"));
        app.url.filters.to = Some(date("2010-12-30"));
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        app.follow(&model.update(Input::Tick, &app.ctx()));
        assert_eq!(app.url.filters.to, Some(date("2010-12-31")));
        let effects = model.update(Input::Tick, &app.ctx());
        assert_eq!(effects, [Effect::Redraw]);
        assert_eq!(model.view().playing, None);
    }

    #[test]
    fn with_reduced_motion_playback_jumps_a_window_at_a_time() {
        let mut app = App::new();
        let mut model = measured(&app);
        let play = Input::TogglePlay {
            reduced_motion: true,
        };
        app.follow(&model.update(play, &app.ctx()));
        assert_eq!(model.view().playing.map(|p| p.step_days), Some(7));
        app.follow(&model.update(Input::Tick, &app.ctx()));
        assert_eq!(app.url.filters.from, Some(date("2010-10-08")));
    }

    #[test]
    fn a_new_speed_replans_a_running_playback_for_its_window() {
        let mut app = App::new();
        let mut model = measured(&app);
        // While stopped, the speed is only remembered.
        model.update(Input::Speed(Speed::Fast), &app.ctx());
        assert_eq!(model.view().speed, Speed::Fast);
        assert_eq!(model.view().playing, None);
        let play = Input::TogglePlay {
            reduced_motion: true,
        };
        app.follow(&model.update(play, &app.ctx()));
        assert_eq!(model.view().playing.map(|p| p.interval_ms), Some(3500));
        model.update(Input::Speed(Speed::Slow), &app.ctx());
        assert_eq!(
            model.view().playing,
            Some(Plan {
                interval_ms: 14_000,
                step_days: 7
            }),
            "reduced motion is kept"
        );
    }

    #[test]
    fn any_url_change_but_playbacks_own_means_the_reader_took_over() {
        let mut app = App::new();
        let mut model = measured(&app);
        playing(&mut app, &mut model);
        let ours = app.url.clone();
        assert!(model
            .update(Input::UrlChanged(&ours), &app.ctx())
            .is_empty());
        app.follow(&model.update(Input::Tick, &app.ctx()));
        // The views' settings written along with playback's move do not count.
        let ours = UrlState {
            views: ViewState {
                lanes: LaneMode::Storylines,
                ..ViewState::default()
            },
            ..app.url.clone()
        };
        model.update(Input::UrlChanged(&ours), &app.ctx());
        assert!(model.view().playing.is_some(), "its own moves go on");
        let clicked = UrlState {
            route: Route::Event("2010-11-23-yeonpyeong-shelling".into()),
            ..app.url.clone()
        };
        let effects = model.update(Input::UrlChanged(&clicked), &app.ctx());
        assert_eq!(effects, [Effect::Redraw]);
        assert_eq!(model.view().playing, None);
    }

    #[test]
    fn an_event_selected_elsewhere_is_panned_into_view() {
        let mut app = App::new();
        let mut model = measured(&app);
        app.url.filters.from = Some(date("2010-12-20"));
        app.url.filters.to = Some(date("2010-12-26"));
        model.update(Input::Zoom(ZoomRequest::Window), &app.ctx());
        let shelling = app.event("2010-11-23-yeonpyeong-shelling");
        assert!(!model.view().scale.contains(day("2010-11-23")));
        // Nothing selected: the view stays.
        assert!(model.update(Input::SelectionChanged, &app.ctx()).is_empty());
        app.selected = Some(shelling);
        let effects = model.update(Input::SelectionChanged, &app.ctx());
        assert_eq!(drawing(effects), [Effect::Redraw]);
        assert!(model.view().scale.contains(day("2010-11-23")));
        // Already in view: it stays.
        assert!(model.update(Input::SelectionChanged, &app.ctx()).is_empty());
    }

    #[test]
    fn background_events_before_the_year_leave_the_view_alone() {
        let mut app = App::new();
        let mut model = measured(&app);
        let background = (0..app.catalog.events().len())
            .find(|&e| f64::from(app.catalog.spans[e].end) < all_of_2010().0)
            .expect("the chronicle has background before 2010");
        app.selected = Some(background);
        assert!(model.update(Input::SelectionChanged, &app.ctx()).is_empty());
    }

    #[test]
    fn while_playing_the_moving_window_is_kept_in_view() {
        let mut app = App::new();
        app.url.filters.from = Some(date("2010-12-09"));
        app.url.filters.to = Some(date("2010-12-15"));
        let mut model = measured(&app);
        model.update(Input::Zoom(ZoomRequest::All), &app.ctx());
        model.update(Input::Zoom(ZoomRequest::Window), &app.ctx());
        app.url.filters.from = Some(date("2010-12-20"));
        app.url.filters.to = Some(date("2010-12-26"));
        // Not playing: the reader's own window does not move the view.
        assert!(model.update(Input::WindowChanged, &app.ctx()).is_empty());
        playing(&mut app, &mut model);
        app.follow(&model.update(Input::Tick, &app.ctx()));
        assert_eq!(app.url.filters.to, Some(date("2010-12-27")));
        let effects = model.update(Input::WindowChanged, &app.ctx());
        assert_eq!(drawing(effects), [Effect::Redraw]);
        assert!(model.view().scale.contains(day("2010-12-21")));
        assert!(model.view().scale.contains(day("2010-12-27")));
    }

    #[test]
    fn the_selection_is_scrolled_into_view_moving_as_little_as_possible() {
        let app = App::new();
        let mut model = measured(&app);
        let below = Input::SelectionDrawn {
            rows: Some((300.0, 320.0)),
            viewport: Some((0.0, 200.0)),
        };
        assert_eq!(
            model.update(below, &app.ctx()),
            [Effect::ScrollLanes(124.0)]
        );
        let visible = Input::SelectionDrawn {
            rows: Some((50.0, 70.0)),
            viewport: Some((0.0, 200.0)),
        };
        assert!(model.update(visible, &app.ctx()).is_empty());
        let unmeasured = Input::SelectionDrawn {
            rows: Some((300.0, 320.0)),
            viewport: None,
        };
        assert!(model.update(unmeasured, &app.ctx()).is_empty());
    }

    #[test]
    fn rows_drawn_before_the_plot_is_measured_are_not_scrolled_to() {
        let app = App::new();
        let mut model = Model::new(app.catalog.period);
        let below = Input::SelectionDrawn {
            rows: Some((300.0, 320.0)),
            viewport: Some((0.0, 200.0)),
        };
        assert!(model.update(below, &app.ctx()).is_empty());
        model.update(Input::Resized(800.0), &app.ctx());
        assert_eq!(
            model.update(below, &app.ctx()),
            [Effect::ScrollLanes(124.0)]
        );
    }

    #[test]
    fn the_brush_drawn_is_the_urls_window_when_nothing_is_dragged() {
        let mut app = App::new();
        let model = measured(&app);
        assert_eq!(model.view().window_px(&app.url.filters), None);
        app.url.filters.from = Some(date("2010-12-09"));
        let scale = &model.view().scale;
        assert_eq!(
            model.view().window_px(&app.url.filters),
            Some((scale.x(day("2010-12-09")), scale.x(scale.bounds().1)))
        );
    }
}
