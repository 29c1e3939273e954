//! A view's setting that is in the link (the map's colouring, the event list's order): its
//! value now and how the reader changes it, kept in step with the link by
//! `crate::views::in_link`.

use yew::prelude::*;

use super::state::use_app;
use crate::url::ViewState;
use crate::views::in_link::InLink;

/// The setting `read` picks from the link: the link's value when the link changed (a link
/// opened fresh, back/forward), else the reader's last choice. The callback sets a new
/// value, which `write` puts in the link.
#[hook]
pub fn use_link_setting<T>(
    read: fn(&ViewState) -> T,
    write: fn(&mut ViewState, T),
) -> (T, Callback<T>)
where
    T: Clone + Default + PartialEq + 'static,
{
    let app = use_app();
    let sync = use_mut_ref(InLink::<T>::default);
    let redraw = use_force_update();
    sync.borrow_mut().read(&read(&app.views()));
    let value = sync.borrow().shows().clone();
    let set = Callback::from(move |value: T| {
        if let Some(value) = sync.borrow_mut().shown(value) {
            app.set_views(|views| write(views, value));
            redraw.force_update();
        }
    });
    (value, set)
}
