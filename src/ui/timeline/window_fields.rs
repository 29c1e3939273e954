//! The time window's two date fields. A date field reports every keystroke as a complete
//! date (typing a year gives `0002-…`, `0020-…`, `0201-…`), so what they hold is applied
//! only when it makes sense: a complete window inside the data while typing, anything once
//! the reader presses Enter or leaves the field (`views::timeline::window::typed_window`).

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::data::Date;
use crate::views::timeline::window::{typed_window, TypedWindow};

#[derive(Properties, PartialEq)]
pub struct WindowFieldsProps {
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The data's first and last day: the fields' `min`/`max`, so a picker opens there.
    pub bounds: (Date, Date),
    /// A new window `(from, to)`, `from <= to`; either end may be open.
    pub on_window: Callback<(Option<Date>, Option<Date>)>,
}

fn date_value(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

#[component]
pub fn WindowFields(props: &WindowFieldsProps) -> Html {
    let from_ref = use_node_ref();
    let to_ref = use_node_ref();
    let problem = use_state_eq(|| None::<String>);
    let read = {
        let (from_ref, to_ref) = (from_ref.clone(), to_ref.clone());
        let problem = problem.clone();
        let (current, bounds) = ((props.from, props.to), props.bounds);
        let on_window = props.on_window.clone();
        move |finished: bool| {
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|input| input.value())
                    .unwrap_or_default()
            };
            match typed_window(&value(&from_ref), &value(&to_ref), bounds, finished) {
                TypedWindow::Apply(from, to) => {
                    problem.set(None);
                    if (from, to) != current {
                        on_window.emit((from, to));
                    } else if finished {
                        // Show the dates as applied (a clamped year, a tidied value).
                        for (r, date) in [(&from_ref, from), (&to_ref, to)] {
                            if let Some(input) = r.cast::<HtmlInputElement>() {
                                input.set_value(&date_value(date));
                            }
                        }
                    }
                }
                TypedWindow::Wait => {}
                TypedWindow::Problem(text) => problem.set(Some(text)),
            }
        }
    };
    let on_change = {
        let read = read.clone();
        Callback::from(move |_: Event| read(false))
    };
    let on_blur = {
        let read = read.clone();
        Callback::from(move |_: FocusEvent| read(true))
    };
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            read(true);
        }
    });
    let (min, max) = (props.bounds.0.to_string(), props.bounds.1.to_string());
    html! {
        <>
            <label>{ "From " }<input type="date" ref={from_ref} value={date_value(props.from)}
                min={min.clone()} max={max.clone()} aria-describedby="tl-window-problem"
                onchange={on_change.clone()} onblur={on_blur.clone()} onkeydown={on_key.clone()} /></label>
            <label>{ "to " }<input type="date" ref={to_ref} value={date_value(props.to)}
                {min} {max} aria-describedby="tl-window-problem"
                onchange={on_change} onblur={on_blur} onkeydown={on_key} /></label>
            <p id="tl-window-problem" class="tl-window-problem" role="status">
                { (*problem).clone().unwrap_or_default() }
            </p>
        </>
    }
}
