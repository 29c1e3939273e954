//! What the network drawing does with the reader's input, as a pure model and reducer:
//! pointer presses, moves and releases, the wheel, keys, the zoom buttons and the measured
//! size go in ([`Input`]); the new viewport and the [`Effect`]s the browser glue must run
//! come out. The Yew component only forwards DOM events here and runs the effects.
//!
//! A press stays a click on whatever it hit (a node is a link: the click opens the actor)
//! until it moves [`DRAG_THRESHOLD`](super::viewport::DRAG_THRESHOLD) px. From then on it
//! pans, the drawing captures the pointer, and the click that ends the drag is cancelled,
//! so the node it started on does not open.
//!
//! The view follows the fitted default (the whole network, or the ego neighbourhood), and
//! fits again when the size or what is fitted changes, until the reader zooms or pans. From
//! then on the link carries the view (`netview=`), and a link that carries one shows it.

use crate::layout::{Point, Rect};

use super::keynav::{key_command, nearest_in_direction, Command};
use super::linked::{Ego, NetworkLook, Presence};
use super::placement::Placement;
use super::viewport::{wheel_factor, Drag, Viewport, BUTTON_FACTOR, MAX_K, MIN_K};
use crate::url::NetAt;
use crate::views::in_link::InLink;

/// Size assumed until the drawing has been measured.
pub const INITIAL_SIZE: (f64, f64) = (240.0, 300.0);
/// Room kept between a node reached with the keyboard and the edge of the view.
pub const KEEP_IN_VIEW_PX: f64 = 30.0;
/// A measured side shorter than this is a hidden view (another tab on a small screen): it
/// keeps its last size.
const HIDDEN_BELOW_PX: f64 = 10.0;
/// Size changes smaller than this are measuring noise.
const SAME_SIZE_PX: f64 = 0.5;

/// What the browser glue must do after an input, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Draw again: the view (or the panel's settings) changed.
    Redraw,
    /// Cancel the event's default action: the page's scroll for a key the view used, or
    /// the opening of the node's link for the click that ends a drag.
    PreventDefault,
    /// Keep the event from the handlers around the view (Escape that only shrank it).
    StopPropagation,
    /// Capture this pointer on the drawing: the drag is the drawing's wherever it goes.
    CapturePointer(i32),
    /// Move keyboard focus to this node's link.
    Focus(usize),
}

/// A DOM event, as the reducer needs it. Points are CSS px from the drawing's top-left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input<'a> {
    /// A pointer pressed on the drawing; `mouse` with the button pressed (0 is the main
    /// one) for a mouse, as `PointerEvent.pointerType` and `.button` say.
    PointerDown {
        pointer: i32,
        at: Point,
        mouse: bool,
        button: i16,
    },
    PointerMove {
        pointer: i32,
        at: Point,
    },
    /// The pointer was released or the browser cancelled it.
    PointerEnd {
        pointer: i32,
    },
    /// A click reached the drawing (on a node or on empty space).
    Click,
    /// `WheelEvent.deltaY` and `.deltaMode` with the pointer at `at`.
    Wheel {
        delta_y: f64,
        delta_mode: u32,
        at: Point,
    },
    /// A key pressed in the drawing; `focused` is the node whose link has focus.
    Key {
        key: &'a str,
        modified: bool,
        focused: Option<usize>,
    },
    /// One of the zoom buttons beside the drawing.
    Button(Command),
    /// The drawing's measured size, CSS px.
    Resize {
        width: f64,
        height: f64,
    },
}

/// What the drawing shows that the interaction depends on: where the nodes sit, which
/// are active (focusable, so the arrow keys can reach them), and what "fitted" means.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// Layout px, per graph node.
    pub positions: Vec<Point>,
    /// Active nodes, ascending.
    pub active: Vec<usize>,
    /// The whole network, or in ego mode the neighbourhood shown.
    pub fit_to: Rect,
}

impl Drawn {
    pub fn of(placement: &Placement, look: &NetworkLook) -> Drawn {
        let active: Vec<usize> = look
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, l)| l.presence == Presence::Active)
            .map(|(n, _)| n)
            .collect();
        // Ego mode fits the neighbourhood; leaving it fits everything again.
        let fit_to = match look.ego {
            Ego::Showing(_) => placement.bounds_of_nodes(&active),
            _ => placement.bounds,
        };
        Drawn {
            positions: placement.positions.clone(),
            active,
            fit_to,
        }
    }
}

/// The drawing's interaction state, kept between renders.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    size: (f64, f64),
    /// `None` while the view follows the fitted default; set once the reader zooms or pans.
    view: Option<Viewport>,
    drawn: Drawn,
    drag: Option<Drag>,
    /// A drag just ended: the click it produces must not open a node.
    swallow_click: bool,
    /// The reader's view as the link and the drawing last agreed on it.
    in_link: InLink<Option<NetAt>>,
}

impl Model {
    pub fn new(drawn: Drawn) -> Model {
        Model {
            size: INITIAL_SIZE,
            view: None,
            drawn,
            drag: None,
            swallow_click: false,
            in_link: InLink::default(),
        }
    }

    /// Takes the link's view, as the app reads it now; true when the drawing changed. No
    /// view in the link is the fitted default.
    pub fn read_link(&mut self, link: Option<NetAt>) -> bool {
        let Some(at) = self.in_link.read(&link) else {
            return false;
        };
        let (w, h) = self.size;
        self.view = at.map(|at| Viewport::from_link(at, w, h).clamped(self.drawn.fit_to));
        true
    }

    /// After a change: what the link must now say about the view, when that changed.
    pub fn link_change(&mut self) -> Option<Option<NetAt>> {
        let shown = self.view.map(|view| view.link());
        self.in_link.shown(shown)
    }

    /// The view to draw with.
    pub fn viewport(&self) -> Viewport {
        self.view
            .unwrap_or_else(|| Viewport::fit(self.drawn.fit_to, self.size.0, self.size.1))
    }

    /// The active nodes, as [`Drawn::active`].
    pub fn active(&self) -> &[usize] {
        &self.drawn.active
    }

    /// Whether the + button can zoom in further.
    pub fn can_zoom_in(&self) -> bool {
        self.viewport().k < MAX_K
    }

    /// Whether the − button can zoom out further.
    pub fn can_zoom_out(&self) -> bool {
        self.viewport().k > MIN_K
    }

    /// Takes what is drawn now (filters, selection and ego mode may have changed it). A new
    /// fitted area (ego mode on or off) drops the reader's zoom and pan and fits it.
    pub fn show(&mut self, drawn: Drawn) {
        if drawn.fit_to != self.drawn.fit_to {
            self.view = None;
        }
        if drawn != self.drawn {
            self.drawn = drawn;
        }
    }

    pub fn update(&mut self, input: Input<'_>) -> Vec<Effect> {
        match input {
            Input::PointerDown {
                pointer,
                at,
                mouse,
                button,
            } => self.press(pointer, at, mouse, button),
            Input::PointerMove { pointer, at } => self.pointer_move(pointer, at),
            Input::PointerEnd { pointer } => {
                if let Some(drag) = self.drag.filter(|d| d.pointer == pointer) {
                    self.swallow_click = drag.panning;
                    self.drag = None;
                }
                vec![]
            }
            Input::Click if self.swallow_click => {
                self.swallow_click = false;
                vec![Effect::PreventDefault]
            }
            Input::Click => vec![],
            Input::Wheel {
                delta_y,
                delta_mode,
                at,
            } => {
                let factor = wheel_factor(delta_y, delta_mode);
                self.set_view(Some(self.viewport().zoom_at(factor, at)))
            }
            Input::Key {
                key,
                modified,
                focused,
            } => self.key(key, modified, focused),
            Input::Button(command) => self.command(command),
            Input::Resize { width, height } => {
                self.resize(width, height);
                vec![]
            }
        }
    }

    /// The main button (or a touch, or a pen) starts what may become a drag.
    fn press(&mut self, pointer: i32, at: Point, mouse: bool, button: i16) -> Vec<Effect> {
        if mouse && button != 0 {
            return vec![];
        }
        self.drag = Some(Drag::new(pointer, at, self.viewport()));
        self.swallow_click = false;
        vec![]
    }

    fn pointer_move(&mut self, pointer: i32, at: Point) -> Vec<Effect> {
        let content = self.drawn.fit_to;
        let Some(drag) = self.drag.as_mut().filter(|d| d.pointer == pointer) else {
            return vec![];
        };
        let was_panning = drag.panning;
        let Some(next) = drag.view_at(at, content) else {
            return vec![];
        };
        let mut effects = Vec::with_capacity(2);
        if !was_panning {
            effects.push(Effect::CapturePointer(pointer));
        }
        effects.extend(self.set_view(Some(next)));
        effects
    }

    /// Keys: arrows move between nodes, + and − zoom, 0 shows everything. Keys the drawing
    /// does not use keep their default and go on to the view around it.
    fn key(&mut self, key: &str, modified: bool, focused: Option<usize>) -> Vec<Effect> {
        match key_command(key, modified) {
            None | Some(Command::Shrink) => vec![],
            Some(Command::Move(direction)) => {
                // Without a focused node the arrow is the page's (it may scroll).
                let Some(from) = focused else { return vec![] };
                let mut effects = vec![Effect::PreventDefault];
                let (positions, active) = (&self.drawn.positions, &self.drawn.active);
                let Some(to) = nearest_in_direction(positions, active, from, direction) else {
                    return effects;
                };
                let view = self.viewport();
                let next = view.ensure_visible(positions[to], KEEP_IN_VIEW_PX);
                if next != view {
                    effects.extend(self.set_view(Some(next)));
                }
                effects.push(Effect::Focus(to));
                effects
            }
            Some(command) => {
                let mut effects = self.command(command);
                effects.push(Effect::PreventDefault);
                effects
            }
        }
    }

    /// The zoom commands, from a key or a button.
    fn command(&mut self, command: Command) -> Vec<Effect> {
        let view = self.viewport();
        match command {
            Command::ZoomIn => self.set_view(Some(view.zoom_centre(BUTTON_FACTOR))),
            Command::ZoomOut => self.set_view(Some(view.zoom_centre(1.0 / BUTTON_FACTOR))),
            Command::ShowAll => self.set_view(None),
            Command::Move(_) | Command::Shrink => vec![],
        }
    }

    fn set_view(&mut self, view: Option<Viewport>) -> Vec<Effect> {
        self.view = view;
        vec![Effect::Redraw]
    }

    /// Takes a measured size, keeping the reader's centre and zoom. A hidden view measures
    /// (nearly) zero and keeps its last size.
    fn resize(&mut self, w: f64, h: f64) {
        if w < HIDDEN_BELOW_PX || h < HIDDEN_BELOW_PX {
            return;
        }
        if (w - self.size.0).abs() < SAME_SIZE_PX && (h - self.size.1).abs() < SAME_SIZE_PX {
            return;
        }
        self.size = (w, h);
        self.view = self.view.map(|v| v.resize(w, h));
    }
}

/// The DOM id of a node's link, so the glue can find the focused node and focus another.
pub fn node_dom_id(node: usize) -> String {
    format!("actor-node-{node}")
}

/// The node whose link has the DOM id `id`, if it is one.
pub fn node_of_dom_id(id: &str) -> Option<usize> {
    id.strip_prefix("actor-node-")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::viewport::DRAG_THRESHOLD;
    use super::*;

    /// Five nodes: 0 in the middle, 1 left, 2 right, 3 far below (off screen once
    /// zoomed in), 4 up but not active (a ghost).
    fn drawn() -> Drawn {
        Drawn {
            positions: vec![
                Point::new(100.0, 100.0),
                Point::new(40.0, 100.0),
                Point::new(160.0, 100.0),
                Point::new(100.0, 200.0),
                Point::new(100.0, 20.0),
            ],
            active: vec![0, 1, 2, 3],
            fit_to: Rect::new(0.0, 0.0, 200.0, 200.0),
        }
    }

    /// A model measured at 400 × 400 px.
    fn model() -> Model {
        let mut m = Model::new(drawn());
        m.update(Input::Resize {
            width: 400.0,
            height: 400.0,
        });
        m
    }

    fn down(pointer: i32, x: f64, y: f64) -> Input<'static> {
        Input::PointerDown {
            pointer,
            at: Point::new(x, y),
            mouse: true,
            button: 0,
        }
    }

    fn to(pointer: i32, x: f64, y: f64) -> Input<'static> {
        Input::PointerMove {
            pointer,
            at: Point::new(x, y),
        }
    }

    fn key(key: &str, focused: Option<usize>) -> Input<'_> {
        Input::Key {
            key,
            modified: false,
            focused,
        }
    }

    fn zoomed_in(m: &mut Model) {
        m.update(Input::Button(Command::ZoomIn));
    }

    #[test]
    fn the_fitted_view_stays_out_of_the_link() {
        let mut m = model();
        assert!(!m.read_link(None));
        assert_eq!(m.link_change(), None);
    }

    #[test]
    fn the_readers_zoom_enters_the_link_and_showing_all_leaves_it() {
        let mut m = model();
        zoomed_in(&mut m);
        let zoomed = m.viewport();
        assert_eq!(m.link_change(), Some(Some(zoomed.link())));
        assert_eq!(m.link_change(), None, "reported once");
        m.update(Input::Button(Command::ShowAll));
        assert_eq!(m.link_change(), Some(None));
        // Ego mode fits its neighbourhood: the reader's view is dropped from the link too.
        zoomed_in(&mut m);
        m.link_change();
        m.show(Drawn {
            fit_to: Rect::new(0.0, 0.0, 100.0, 100.0),
            ..drawn()
        });
        assert_eq!(m.link_change(), Some(None));
    }

    #[test]
    fn a_link_shows_its_view_and_back_fits_again() {
        let mut m = model();
        let at = NetAt::new(100.0, 150.0, 2.5);
        assert!(m.read_link(Some(at)));
        assert_eq!(m.viewport(), Viewport::from_link(at, 400.0, 400.0));
        assert_eq!(m.link_change(), None, "shown as the link says it");
        assert!(!m.read_link(Some(at)), "read once");
        assert!(m.read_link(None));
        assert_eq!(m.viewport(), Viewport::fit(drawn().fit_to, 400.0, 400.0));
        assert_eq!(m.link_change(), None);
    }

    #[test]
    fn a_link_far_off_the_network_is_brought_back_and_written_as_shown() {
        let mut m = model();
        assert!(m.read_link(Some(NetAt::new(50_000.0, -50_000.0, 1.0))));
        let shown = m.viewport();
        assert_eq!(shown, shown.clamped(drawn().fit_to));
        assert_eq!(m.link_change(), Some(Some(shown.link())));
    }

    #[test]
    fn a_press_and_release_without_moving_lets_the_click_open_the_actor() {
        let mut m = model();
        let before = m.viewport();
        assert_eq!(m.update(down(1, 50.0, 50.0)), vec![]);
        let jitter = DRAG_THRESHOLD / 2.0;
        assert_eq!(m.update(to(1, 50.0 + jitter, 50.0)), vec![]);
        assert_eq!(m.update(Input::PointerEnd { pointer: 1 }), vec![]);
        assert_eq!(
            m.update(Input::Click),
            vec![],
            "the link's click goes through"
        );
        assert_eq!(m.viewport(), before);
    }

    #[test]
    fn moving_past_the_threshold_pans_and_does_not_open() {
        let mut m = model();
        zoomed_in(&mut m);
        let before = m.viewport();
        m.update(down(1, 50.0, 50.0));
        assert_eq!(
            m.update(to(1, 80.0, 70.0)),
            vec![Effect::CapturePointer(1), Effect::Redraw],
            "the drag captures the pointer once it pans"
        );
        let panned = m.viewport();
        assert!((panned.tx - before.tx - 30.0).abs() < 1e-9);
        assert!((panned.ty - before.ty - 20.0).abs() < 1e-9);
        assert_eq!(
            m.update(to(1, 81.0, 70.0)),
            vec![Effect::Redraw],
            "captured once only"
        );
        m.update(Input::PointerEnd { pointer: 1 });
        assert_eq!(m.update(Input::Click), vec![Effect::PreventDefault]);
        assert_eq!(m.update(Input::Click), vec![], "only the drag's own click");
    }

    #[test]
    fn a_new_press_forgets_a_drag_whose_click_never_came() {
        let mut m = model();
        m.update(down(1, 50.0, 50.0));
        m.update(to(1, 90.0, 50.0));
        m.update(Input::PointerEnd { pointer: 1 });
        // A new press, and a click before its release (Enter on the focused link, say).
        m.update(down(2, 60.0, 60.0));
        assert_eq!(m.update(Input::Click), vec![]);
    }

    #[test]
    fn other_mouse_buttons_and_other_pointers_do_not_drag() {
        let mut m = model();
        let before = m.viewport();
        let right = Input::PointerDown {
            pointer: 1,
            at: Point::new(50.0, 50.0),
            mouse: true,
            button: 2,
        };
        assert_eq!(m.update(right), vec![]);
        assert_eq!(m.update(to(1, 120.0, 50.0)), vec![]);
        assert_eq!(m.viewport(), before);
        // A touch has no button to speak of; it drags.
        let touch = Input::PointerDown {
            pointer: 3,
            at: Point::new(50.0, 50.0),
            mouse: false,
            button: -1,
        };
        m.update(touch);
        assert_eq!(m.update(to(4, 120.0, 50.0)), vec![], "another finger");
        m.update(Input::PointerEnd { pointer: 4 });
        assert_ne!(m.update(to(3, 120.0, 50.0)), vec![], "still dragging");
    }

    #[test]
    fn the_wheel_zooms_around_the_pointer() {
        let mut m = model();
        let at = Point::new(120.0, 300.0);
        let under = m.viewport().to_layout(at);
        let k = m.viewport().k;
        let wheel = Input::Wheel {
            delta_y: -500.0,
            delta_mode: 0,
            at,
        };
        assert_eq!(m.update(wheel), vec![Effect::Redraw]);
        assert!((m.viewport().k - 2.0 * k).abs() < 1e-9);
        assert!(m.viewport().to_screen(under).distance(at) < 1e-9);
    }

    #[test]
    fn plus_and_minus_zoom_around_the_centre_and_zero_shows_everything() {
        let mut m = model();
        let fitted = m.viewport();
        let centre = fitted.to_layout(Point::new(200.0, 200.0));
        assert_eq!(
            m.update(key("+", None)),
            vec![Effect::Redraw, Effect::PreventDefault]
        );
        assert!((m.viewport().k - fitted.k * BUTTON_FACTOR).abs() < 1e-9);
        let c = m.viewport().to_screen(centre);
        assert!(c.distance(Point::new(200.0, 200.0)) < 1e-9);
        m.update(key("-", None));
        m.update(key("_", None));
        assert!((m.viewport().k - fitted.k / BUTTON_FACTOR).abs() < 1e-9);
        assert_eq!(
            m.update(key("0", None)),
            vec![Effect::Redraw, Effect::PreventDefault]
        );
        assert_eq!(m.viewport(), fitted);
    }

    #[test]
    fn keys_the_drawing_does_not_use_keep_their_default() {
        let mut m = model();
        let before = m.viewport();
        for k in ["Enter", "Escape", "a", "Tab"] {
            assert_eq!(m.update(key(k, Some(0))), vec![], "{k}");
        }
        let ctrl_plus = Input::Key {
            key: "+",
            modified: true,
            focused: Some(0),
        };
        assert_eq!(m.update(ctrl_plus), vec![], "Ctrl + zooms the page");
        assert_eq!(m.viewport(), before);
    }

    #[test]
    fn arrow_keys_move_focus_to_the_nearest_node_in_that_direction() {
        let mut m = model();
        let before = m.viewport();
        assert_eq!(
            m.update(key("ArrowRight", Some(0))),
            vec![Effect::PreventDefault, Effect::Focus(2)]
        );
        assert_eq!(
            m.update(key("ArrowLeft", Some(0))),
            vec![Effect::PreventDefault, Effect::Focus(1)]
        );
        assert_eq!(m.viewport(), before, "both were in view");
    }

    #[test]
    fn arrow_keys_skip_nodes_that_are_not_active() {
        let mut m = model();
        // Node 4 lies straight up but is a ghost: nothing is up there to move to.
        assert_eq!(
            m.update(key("ArrowUp", Some(0))),
            vec![Effect::PreventDefault]
        );
    }

    #[test]
    fn an_arrow_without_a_focused_node_is_the_pages() {
        let mut m = model();
        assert_eq!(m.update(key("ArrowDown", None)), vec![]);
    }

    #[test]
    fn moving_to_a_node_off_screen_pans_it_into_view() {
        let mut m = model();
        for _ in 0..3 {
            zoomed_in(&mut m);
        }
        let p3 = drawn().positions[3];
        assert!(
            m.viewport().to_screen(p3).y > 400.0,
            "node 3 starts off screen"
        );
        assert_eq!(
            m.update(key("ArrowDown", Some(0))),
            vec![Effect::PreventDefault, Effect::Redraw, Effect::Focus(3)]
        );
        let y = m.viewport().to_screen(p3).y;
        assert!((y - (400.0 - KEEP_IN_VIEW_PX)).abs() < 1e-9, "{y}");
    }

    #[test]
    fn the_buttons_zoom_and_show_everything() {
        let mut m = model();
        let fitted = m.viewport();
        assert_eq!(
            m.update(Input::Button(Command::ZoomIn)),
            vec![Effect::Redraw]
        );
        assert!((m.viewport().k - fitted.k * BUTTON_FACTOR).abs() < 1e-9);
        assert_eq!(
            m.update(Input::Button(Command::ZoomOut)),
            vec![Effect::Redraw]
        );
        assert!((m.viewport().k - fitted.k).abs() < 1e-9);
        m.update(Input::Button(Command::ZoomIn));
        assert_eq!(
            m.update(Input::Button(Command::ShowAll)),
            vec![Effect::Redraw]
        );
        assert_eq!(m.viewport(), fitted);
    }

    #[test]
    fn the_buttons_are_disabled_at_the_zoom_limits() {
        let mut m = model();
        assert!(m.can_zoom_in() && m.can_zoom_out());
        for _ in 0..20 {
            zoomed_in(&mut m);
        }
        assert!(!m.can_zoom_in() && m.can_zoom_out());
        for _ in 0..40 {
            m.update(Input::Button(Command::ZoomOut));
        }
        assert!(m.can_zoom_in() && !m.can_zoom_out());
    }

    #[test]
    fn until_the_reader_zooms_a_resize_fits_again() {
        let mut m = model();
        m.update(Input::Resize {
            width: 800.0,
            height: 400.0,
        });
        assert_eq!(
            m.viewport(),
            Viewport::fit(drawn().fit_to, 800.0, 400.0),
            "follows the fit"
        );
    }

    #[test]
    fn after_zooming_a_resize_keeps_the_zoom_and_the_centre() {
        let mut m = model();
        zoomed_in(&mut m);
        let before = m.viewport();
        let centre = before.to_layout(Point::new(200.0, 200.0));
        m.update(Input::Resize {
            width: 600.0,
            height: 300.0,
        });
        let after = m.viewport();
        assert_eq!(after.k, before.k);
        assert!(after.to_screen(centre).distance(Point::new(300.0, 150.0)) < 1e-9);
    }

    #[test]
    fn a_hidden_view_and_measuring_noise_keep_the_size() {
        let mut m = model();
        let before = m.viewport();
        for (width, height) in [(0.0, 0.0), (500.0, 5.0), (400.3, 399.8)] {
            m.update(Input::Resize { width, height });
            assert_eq!(m.viewport(), before, "{width} × {height}");
        }
    }

    #[test]
    fn a_small_view_that_is_not_hidden_takes_its_size() {
        // Ten px is the smallest side a shown view measures.
        for (width, height) in [(500.0, 10.0), (10.0, 500.0)] {
            let mut m = model();
            m.update(Input::Resize { width, height });
            let v = m.viewport();
            assert_eq!((v.width, v.height), (width, height));
            assert_eq!(v, Viewport::fit(drawn().fit_to, width, height));
        }
    }

    #[test]
    fn the_initial_size_holds_until_measured() {
        let m = Model::new(drawn());
        let v = m.viewport();
        assert_eq!((v.width, v.height), INITIAL_SIZE);
    }

    #[test]
    fn a_new_fitted_area_drops_the_readers_zoom() {
        let mut m = model();
        zoomed_in(&mut m);
        let zoomed = m.viewport();
        // The same area (the filters changed): the reader's view stays.
        m.show(Drawn {
            active: vec![0, 1],
            ..drawn()
        });
        assert_eq!(m.viewport(), zoomed);
        assert_eq!(m.active(), &[0, 1]);
        // Ego mode fits its neighbourhood.
        let ego = Rect::new(30.0, 80.0, 140.0, 40.0);
        m.show(Drawn {
            fit_to: ego,
            ..drawn()
        });
        assert_eq!(m.viewport(), Viewport::fit(ego, 400.0, 400.0));
    }

    #[test]
    fn a_drag_is_kept_within_the_fitted_area() {
        let mut m = model();
        m.update(down(1, 50.0, 50.0));
        m.update(to(1, 5000.0, 50.0));
        let content = drawn().fit_to;
        let left = m.viewport().to_screen(Point::new(content.x, content.y));
        assert!(left.x < 400.0, "some of the network stays on screen");
    }

    #[test]
    fn dom_ids_name_their_node() {
        assert_eq!(node_dom_id(7), "actor-node-7");
        assert_eq!(node_of_dom_id(&node_dom_id(42)), Some(42));
        assert_eq!(node_of_dom_id("actor-node-"), None);
        assert_eq!(node_of_dom_id("event-3"), None);
    }

    mod drawn_of {
        use super::super::super::linked::LinkedInput;
        use super::super::super::ActorNetwork;
        use super::*;
        use crate::data::fixture::{actor, catalog, event, p};
        use crate::data::{ActorKind::Person, Role::*};

        #[test]
        fn ego_mode_fits_the_neighbourhood_and_only_active_nodes_count() {
            let c = catalog(
                vec![
                    actor("a", Person, None, None),
                    actor("b", Person, None, None),
                    actor("c", Person, None, None),
                    actor("d", Person, None, None),
                ],
                vec![
                    event(
                        "2010-11-01-ab",
                        "2010-11-01",
                        vec![p("a", Initiator), p("b", Counterpart)],
                    ),
                    event(
                        "2010-11-02-cd",
                        "2010-11-02",
                        vec![p("c", Initiator), p("d", Counterpart)],
                    ),
                ],
            );
            let net = ActorNetwork::new(&c);
            let a = net.graph.node_of(&c, "a").unwrap();
            let b = net.graph.node_of(&c, "b").unwrap();
            let look = |shown: &[usize], ego: bool| {
                NetworkLook::new(
                    &net.graph,
                    LinkedInput {
                        shown,
                        selected_event: None,
                        selected_actor: Some(net.graph.nodes[a].actor),
                        highlight: None,
                        ego,
                    },
                )
            };
            let all = Drawn::of(&net.placement, &look(&[0, 1], false));
            assert_eq!(all.fit_to, net.placement.bounds);
            assert_eq!(all.active.len(), 4);
            assert_eq!(all.positions, net.placement.positions);

            let ego = Drawn::of(&net.placement, &look(&[0, 1], true));
            let mut pair = vec![a, b];
            pair.sort_unstable();
            assert_eq!(ego.active, pair);
            assert_eq!(ego.fit_to, net.placement.bounds_of_nodes(&pair));
            assert_ne!(ego.fit_to, all.fit_to);

            // Filtered to the first event, c and d are ghosts: not reachable by keys.
            let filtered = Drawn::of(&net.placement, &look(&[0], false));
            assert_eq!(filtered.active, pair);
            assert_eq!(filtered.fit_to, net.placement.bounds);
        }
    }
}
