//! Pictures of the views as they are drawn now: the drawings' SVG gathered from the page
//! (filters, selection and theme included), put together by `crate::export::picture`, and
//! saved as SVG, or drawn at print resolution and saved as PNG.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, HtmlCanvasElement, HtmlImageElement};

use crate::export::picture::{caption, custom_properties, svg_document, Part, Picture};

/// What a picture shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// Every drawing in the views' area, where it sits.
    Stage,
    Map,
    Timeline,
    Actors,
}

impl Subject {
    pub const ALL: [Subject; 4] = [
        Subject::Stage,
        Subject::Map,
        Subject::Timeline,
        Subject::Actors,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Subject::Stage => "views",
            Subject::Map => "map",
            Subject::Timeline => "timeline",
            Subject::Actors => "actors",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Subject::Stage => "All views on screen",
            Subject::Map => "Map",
            Subject::Timeline => "Timeline",
            Subject::Actors => "Actor network",
        }
    }

    pub fn from_id(id: &str) -> Option<Subject> {
        Subject::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The drawings: a window (what clips) and the SVG drawn in it.
    fn drawings(self) -> &'static [(&'static str, &'static str)] {
        const MAP: (&str, &str) = (".view-map .map-frame", ".view-map .map-svg");
        const ACTORS: (&str, &str) = (".view-actors .actors-canvas", ".view-actors .actors-svg");
        const AXIS: (&str, &str) = (".view-timeline svg.tl-axis", ".view-timeline svg.tl-axis");
        const LANES: (&str, &str) = (".view-timeline .tl-body", ".view-timeline svg.tl-lanes");
        match self {
            Subject::Stage => &[MAP, ACTORS, AXIS, LANES],
            Subject::Map => &[MAP],
            Subject::Timeline => &[AXIS, LANES],
            Subject::Actors => &[ACTORS],
        }
    }
}

/// The picture's SVG document, or why there is none.
pub fn svg(subject: Subject, citation: &str) -> Result<String, String> {
    let document = gloo::utils::document();
    let views = document
        .query_selector("main.views")
        .ok()
        .flatten()
        .ok_or("The views are not on screen.")?;
    let serializer = web_sys::XmlSerializer::new().map_err(|_| "This browser cannot save SVG.")?;
    let mut parts = Vec::new();
    for (window, drawing) in subject.drawings() {
        let (Some(window), Some(drawing)) = (find(&document, window), find(&document, drawing))
        else {
            continue;
        };
        let (w, d) = (
            window.get_bounding_client_rect(),
            drawing.get_bounding_client_rect(),
        );
        if w.width() <= 0.0 || w.height() <= 0.0 {
            continue;
        }
        parts.push(Part {
            x: w.left(),
            y: w.top(),
            width: w.width(),
            height: w.height(),
            scroll: (w.left() - d.left(), w.top() - d.top()),
            markup: serializer
                .serialize_to_string(&drawing)
                .map_err(|_| "A drawing could not be read.")?,
        });
    }
    if parts.is_empty() {
        return Err(format!(
            "The {} is not on screen: show it, then save its picture.",
            subject.label().to_lowercase()
        ));
    }
    // Placed relative to the views' area for the whole stage, else to the drawings' corner.
    let area = views.get_bounding_client_rect();
    let (left, top) = if subject == Subject::Stage {
        (area.left(), area.top())
    } else {
        let left = parts.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
        let top = parts.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
        (left, top)
    };
    for part in &mut parts {
        part.x = (part.x - left).round();
        part.y = (part.y - top).round();
    }
    // Whole pixels, so a PNG's size is exactly three times the SVG's.
    let width = parts
        .iter()
        .map(|p| p.x + p.width)
        .fold(0.0, f64::max)
        .ceil();
    let height = parts
        .iter()
        .map(|p| p.y + p.height)
        .fold(0.0, f64::max)
        .ceil();
    let style = stylesheet_text();
    let root = gloo::utils::document_element();
    let computed = gloo::utils::window()
        .get_computed_style(&root)
        .ok()
        .flatten();
    let value = |name: &str| {
        computed
            .as_ref()
            .and_then(|c| c.get_property_value(name).ok())
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let variables = custom_properties(&style)
        .into_iter()
        .map(|name| {
            let resolved = value(&name);
            (name, resolved)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let body_font = gloo::utils::body();
    let font_family = gloo::utils::window()
        .get_computed_style(&body_font)
        .ok()
        .flatten()
        .and_then(|c| c.get_property_value("font-family").ok())
        .unwrap_or_default();
    let link = gloo::utils::window().location().href().unwrap_or_default();
    Ok(svg_document(&Picture {
        width,
        height,
        background: value("--panel"),
        font_family,
        variables,
        style,
        parts,
        caption: caption(subject.label(), citation, &link),
    }))
}

fn find(document: &web_sys::Document, selector: &str) -> Option<Element> {
    document.query_selector(selector).ok().flatten()
}

/// The page's own stylesheets, rule by rule, as the browser reads them.
fn stylesheet_text() -> String {
    let sheets = gloo::utils::document().style_sheets();
    let mut text = String::new();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets
            .item(i)
            .and_then(|s| s.dyn_into::<CssStyleSheet>().ok())
        else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        for r in 0..rules.length() {
            if let Some(rule) = rules.item(r) {
                text.push_str(&rule.css_text());
                text.push('\n');
            }
        }
    }
    text
}

/// Scale of a PNG against the screen's CSS pixels: about 300 dots per inch.
const PNG_SCALE: f64 = 3.0;

/// Draws the SVG document onto a canvas at print resolution and hands the PNG to `done`.
pub fn png(svg: &str, done: impl FnOnce(Result<web_sys::Blob, String>) + 'static) {
    let failed = |message: &str| Err(message.to_owned());
    let Ok(blob) = super::export::blob(svg, "image/svg+xml") else {
        return done(failed("The picture could not be drawn."));
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return done(failed("The picture could not be drawn."));
    };
    let Ok(image) = HtmlImageElement::new() else {
        return done(failed("The picture could not be drawn."));
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<web_sys::Blob, String>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move || finish(Err("The picture could not be drawn.".to_owned())))
    };
    let on_load = {
        let image = image.clone();
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            match draw(&image) {
                Ok(canvas) => {
                    let callback = Closure::once_into_js(move |blob: JsValue| {
                        finish(
                            blob.dyn_into::<web_sys::Blob>()
                                .map_err(|_| "The PNG could not be made.".to_owned()),
                        )
                    });
                    if canvas.to_blob(callback.unchecked_ref()).is_err() {
                        gloo::console::error!("the PNG could not be made");
                    }
                }
                Err(message) => finish(Err(message)),
            }
        })
    };
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
}

fn draw(image: &HtmlImageElement) -> Result<HtmlCanvasElement, String> {
    let fail = |_| "The picture could not be drawn.".to_owned();
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "The picture could not be drawn.".to_owned())?;
    let (w, h) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    canvas.set_width((w * PNG_SCALE).round() as u32);
    canvas.set_height((h * PNG_SCALE).round() as u32);
    let context = canvas
        .get_context("2d")
        .map_err(fail)?
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or("The picture could not be drawn.")?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            w * PNG_SCALE,
            h * PNG_SCALE,
        )
        .map_err(fail)?;
    Ok(canvas)
}
