//! If the impossible happens, the reader sees a readable panel with a way back instead of
//! a frozen or blank page. Written with plain DOM calls: Yew may be what broke.

use wasm_bindgen::JsCast;

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        let location = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        gloo::console::error!(format!("panic: {message}{location}"));
        show_error_panel(&format!("{message}{location}"));
    }));
}

/// Replaces the page body with an error panel and a link back to the overview.
pub fn show_error_panel(detail: &str) {
    let document = gloo::utils::document();
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("error-panel");
    panel.set_attribute("role", "alert").ok();
    let heading = document.create_element("h1").ok();
    let text = document.create_element("p").ok();
    let detail_el = document.create_element("pre").ok();
    let link = document.create_element("a").ok();
    if let (Some(heading), Some(text), Some(detail_el), Some(link)) =
        (heading, text, detail_el, link)
    {
        heading.set_text_content(Some("Something went wrong in the explorer"));
        text.set_text_content(Some(
            "This is a bug, not something you did. Reloading the overview usually helps. The technical detail is below.",
        ));
        detail_el.set_text_content(Some(detail));
        link.set_text_content(Some("Reload the overview"));
        link.set_attribute("href", "#/").ok();
        if let Some(anchor) = link.dyn_ref::<web_sys::HtmlAnchorElement>() {
            let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
                let _ = gloo::utils::window().location().reload();
            });
            anchor.set_onclick(Some(reload.as_ref().unchecked_ref()));
            reload.forget();
        }
        for child in [&heading, &text, &detail_el, &link] {
            panel.append_child(child).ok();
        }
    }
    body.set_inner_html("");
    body.append_child(&panel).ok();
}
