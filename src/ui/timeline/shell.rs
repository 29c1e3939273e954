//! The glue between the browser and the timeline's reducer
//! ([`crate::views::timeline::interaction`]): [`Shell::send`] hands an input to the model
//! with what the app shows now, and carries out the effects it answers with. The hooks here
//! turn the browser's own happenings (a resize, the wheel, a new selection or window) into
//! inputs.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, PointerEvent};
use yew::prelude::*;

use super::dom;
use crate::ui::size::use_size;
use crate::ui::state::{AppContext, Entry, Target};
use crate::views::timeline::interaction::{Context, Effect, Input, Model, View};

/// The timeline's model, the app it last rendered with, and the elements the effects
/// reach. Cheap to clone; every clone shares the one model.
#[derive(Clone)]
pub struct Shell {
    model: Rc<RefCell<Model>>,
    /// The app as of the latest render, for listeners registered once and for the timer.
    app: Rc<RefCell<Option<AppContext>>>,
    redraw: UseForceUpdateHandle,
    /// The element around the axis and the lanes, whose left edge positions are taken from.
    pub plot: NodeRef,
    /// The scrolling lanes.
    pub body: NodeRef,
    /// The whole view.
    pub section: NodeRef,
}

impl Shell {
    /// The timeline's own state, to draw.
    pub fn view(&self) -> View {
        self.model.borrow().view().clone()
    }

    /// The app as of the latest render.
    pub fn app(&self) -> Option<AppContext> {
        self.app.borrow().clone()
    }

    /// Hands `input` to the model and carries out its effects; `event` is the DOM event it
    /// came from, if any (to cancel, stop or capture).
    pub fn send(&self, input: Input, event: Option<&web_sys::Event>) {
        self.send_inside(input, event, true);
    }

    /// Takes the link's range and lanes, while rendering: what is drawn next shows them,
    /// so no second drawing is asked for.
    pub fn read_link(&self, app: &AppContext) {
        let views = app.views();
        let input = Input::Link {
            span: views.span,
            lanes: views.lanes,
        };
        self.send_inside(input, None, false);
    }

    fn send_inside(&self, input: Input, event: Option<&web_sys::Event>, redraw: bool) {
        let Some(app) = self.app() else {
            return;
        };
        let effects = {
            let state = app.state();
            let exploration = &state.exploration;
            let ctx = Context {
                catalog: &state.catalog,
                url: &exploration.url,
                shown: &exploration.shown,
                selected: exploration.selected_event(),
            };
            self.model.borrow_mut().update(input, &ctx)
        };
        // No borrow is held here: an effect may send again.
        for effect in effects {
            if redraw || effect != Effect::Redraw {
                self.run(effect, &app, event);
            }
        }
    }

    fn run(&self, effect: Effect, app: &AppContext, event: Option<&web_sys::Event>) {
        match effect {
            Effect::Redraw => self.redraw.force_update(),
            Effect::PreventDefault => event.into_iter().for_each(|e| e.prevent_default()),
            Effect::StopPropagation => event.into_iter().for_each(|e| e.stop_propagation()),
            Effect::CapturePointer => {
                if let Some(pointer) = event.and_then(|e| e.dyn_ref::<PointerEvent>()) {
                    dom::capture(pointer, &self.plot);
                }
            }
            Effect::Navigate { url, replace } => {
                let entry = if replace { Entry::Replace } else { Entry::Push };
                app.navigate(*url, entry);
            }
            Effect::WriteLink { span, lanes } => app.set_views(|views| {
                views.span = span;
                views.lanes = lanes;
            }),
            Effect::Hover(event) => app.hover(event.map(Target::Event)),
            Effect::ScrollLanes(offset) => dom::scroll_to(&self.body, offset),
            Effect::FocusSelectedMark => {
                if dom::focus_selected_mark(&self.section) {
                    self.send(Input::SelectedMarkFocused, None);
                }
            }
            Effect::FocusPlot => {
                if let Some(plot) = self.plot.cast::<HtmlElement>() {
                    let _ = plot.focus();
                }
            }
        }
    }
}

/// The timeline's one model (a `use_mut_ref`, redrawn when its view changes), kept with
/// the latest app.
#[hook]
pub fn use_shell(app: &AppContext) -> Shell {
    // The explorer is built anew for each dataset, so the period is read once.
    let period = app.state().catalog.period;
    let model = use_mut_ref(|| Model::new(period));
    let latest = use_mut_ref(|| None::<AppContext>);
    *latest.borrow_mut() = Some(app.clone());
    Shell {
        model,
        app: latest,
        redraw: use_force_update(),
        plot: use_node_ref(),
        body: use_node_ref(),
        section: use_node_ref(),
    }
}

/// The plot's width comes from an observer (window resizes, a tab switch on small screens
/// making the view visible); the model ignores an unchanged width.
#[hook]
pub fn use_resize(shell: &Shell) {
    let (width, _) = use_size(shell.plot.clone());
    let shell = shell.clone();
    use_effect_with(width, move |&width| {
        if width > 0.0 {
            shell.send(Input::Resized(width), None);
        }
    });
}

/// The wheel, cooperatively (`crate::ui::wheel`): returns the hint to draw over the lanes.
#[hook]
pub fn use_wheel(shell: &Shell) -> Html {
    let plot = shell.plot.clone();
    let shell = shell.clone();
    crate::ui::wheel::use_cooperative_wheel(
        plot,
        "timeline",
        true,
        std::rc::Rc::new(move |wheel: &web_sys::WheelEvent| {
            let input = Input::Wheel {
                delta_x: wheel.delta_x(),
                delta_y: wheel.delta_y(),
                delta_mode: wheel.delta_mode(),
                ctrl: wheel.ctrl_key(),
                x: dom::local_x(wheel, &shell.plot),
            };
            shell.send(input, None);
        }),
    )
}

/// Keeps what the reader should see in view after each drawing: a newly selected event
/// (panned in, scrolled to, and focused when the keys moved to it), and while playing, the
/// moving window. `rows` are the selected event's rows in the lanes as drawn; `window` the
/// URL's window in days.
#[hook]
pub fn use_follow(
    shell: &Shell,
    selected: Option<usize>,
    rows: Option<(f64, f64)>,
    window: Option<(f64, f64)>,
) {
    {
        let shell = shell.clone();
        use_effect_with(selected, move |_| shell.send(Input::SelectionChanged, None));
    }
    {
        let shell = shell.clone();
        let top = rows.map(|(top, _)| top.round() as i64);
        // Sent again once the plot is measured: rows drawn before are not scrolled to.
        let measured = shell.view().width > 0.0;
        use_effect_with((selected, top, measured), move |&(_, _, measured)| {
            // Before the plot is measured its lanes are not drawn: nothing to scroll to yet.
            if !measured {
                return;
            }
            crate::ui::later::before_next_paint(move || {
                let viewport = dom::scroll_view(&shell.body);
                shell.send(Input::SelectionDrawn { rows, viewport }, None);
            });
        });
    }
    {
        let shell = shell.clone();
        let days = window.map(|(a, b)| (a as i64, b as i64));
        use_effect_with(days, move |_| shell.send(Input::WindowChanged, None));
    }
}
