//! Sanity previews: renders SVGs the way the map view is meant to (see the module docs of
//! `geo`), for a human to look at. Ignored by default; run with
//!
//! ```text
//! cargo test --lib geo::preview -- --ignored
//! ```
//!
//! which writes `/tmp/geo-world.svg`, `/tmp/geo-eurasia.svg`, `/tmp/geo-nea.svg`,
//! `/tmp/geo-korea.svg` and `/tmp/geo-yeonpyeong.svg`.

use std::fmt::Write as _;

use super::arc::{arc_path, trip_path};
use super::labels::{embedded_labels, visible_labels};
use super::lod::plan_embedded;
use super::path::{embedded_paths, graticule_path, LayerPaths};
use super::projection::project;
use super::viewport::{Preset, Viewport};
use super::LonLat;

const PLACES: [(&str, LonLat); 10] = [
    ("Beijing", (116.4, 39.9)),
    ("Moscow", (37.6, 55.75)),
    ("Washington", (-77.04, 38.9)),
    ("Lisbon", (-9.14, 38.72)),
    ("Seoul", (126.98, 37.57)),
    ("Pyongyang", (125.75, 39.03)),
    ("Yeonpyeong", (125.70, 37.67)),
    ("Dushanbe", (68.78, 38.56)),
    ("Kunashir", (145.85, 44.03)),
    ("Yokohama", (139.64, 35.44)),
];

fn layer(svg: &mut String, l: &LayerPaths, k: f64, detail: bool) {
    if detail {
        let _ = write!(svg, r##"<path d="{}" fill="#cfe3f3"/>"##, l.frame_d);
    }
    for c in &l.countries {
        let fill = match c.name.as_str() {
            "China" => "#f2d4c4",
            "Russia" => "#d3def0",
            "North Korea" | "South Korea" => "#efe2b8",
            _ => "#f4f1e8",
        };
        let _ = write!(
            svg,
            r##"<path d="{}" fill="{fill}" fill-rule="evenodd"><title>{}</title></path>"##,
            c.d, c.name
        );
    }
    let _ = write!(
        svg,
        r##"<path d="{}" fill="none" stroke="#4f7088" stroke-width="{}" stroke-linejoin="round"/>"##,
        l.coast,
        0.7 / k
    );
    let _ = write!(
        svg,
        r##"<path d="{}" fill="none" stroke="#8c7b6b" stroke-width="{}" stroke-dasharray="{} {}"/>"##,
        l.borders,
        0.8 / k,
        3.0 / k,
        1.5 / k
    );
}

fn render(vp: &Viewport) -> String {
    let paths = embedded_paths();
    let plan = plan_embedded(vp);
    let k = vp.k();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif"><rect width="{w}" height="{h}" fill="#eef0f2"/><g transform="{}">"##,
        vp.transform(),
        w = vp.width,
        h = vp.height
    );
    let _ = write!(svg, r##"<path d="{}" fill="#cfe3f3"/>"##, paths.outline);
    layer(&mut svg, &paths.world, k, false);
    for &i in &plan.details {
        layer(&mut svg, &paths.details[i], k, true);
    }
    let _ = write!(
        svg,
        r##"<path d="{}" fill="none" stroke="#7f9fb8" stroke-opacity="0.3" stroke-width="{}"/>"##,
        graticule_path(10.0, 2),
        0.5 / k
    );
    let trips: [(LonLat, LonLat); 4] = [
        ((116.4, 39.9), (37.6, 55.75)),
        ((37.6, 55.75), (-77.04, 38.9)),
        ((-77.04, 38.9), (116.4, 39.9)),
        ((37.6, 55.75), (-9.14, 38.72)),
    ];
    for (a, b) in trips {
        let arc = arc_path(a, b, 2);
        let _ = write!(
            svg,
            r##"<path d="{}" fill="none" stroke="#c0392b" stroke-width="{}"/><path d="M0,-4L8,0L0,4z" fill="#c0392b" transform="translate({} {}) rotate({}) scale({})"/>"##,
            arc.d,
            1.5 / k,
            arc.mid.0,
            arc.mid.1,
            arc.angle_deg,
            1.0 / k
        );
    }
    let _ = write!(
        svg,
        r##"<path d="{}" fill="none" stroke="#7d3c98" stroke-width="{}" stroke-dasharray="{} {}"/>"##,
        trip_path(
            &[
                (37.6, 55.75),
                (68.78, 38.56),
                (126.98, 37.57),
                (139.64, 35.44)
            ],
            2
        ),
        1.2 / k,
        4.0 / k,
        2.0 / k
    );
    for (name, (lon, lat)) in PLACES {
        let (x, y) = project(lon, lat);
        let _ = write!(
            svg,
            r##"<circle cx="{x}" cy="{y}" r="{}" fill="none" stroke="#222" stroke-width="{}"/><text x="{}" y="{}" font-size="{}" fill="#222">{name}</text>"##,
            3.0 / k,
            1.0 / k,
            x + 4.0 / k,
            y - 3.0 / k,
            11.0 / k
        );
    }
    for l in visible_labels(embedded_labels(), &plan, vp.visible_rect()) {
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" font-size="{}" fill="#6b5e50" text-anchor="middle" letter-spacing="{}">{}</text>"##,
            l.at.0,
            l.at.1,
            10.0 / k,
            0.5 / k,
            l.name.to_uppercase()
        );
    }
    let _ = write!(
        svg,
        r##"</g><text x="8" y="{}" font-size="12" fill="#333">zoom {:.2} · details {:?}</text></svg>"##,
        vp.height - 8.0,
        vp.zoom,
        plan.details
    );
    svg
}

#[test]
#[ignore = "writes preview SVGs to /tmp for manual inspection"]
fn write_preview_svgs() {
    let (w, h) = (1000.0, 600.0);
    let views = [
        ("world", Viewport::new(w, h)),
        ("eurasia", Viewport::preset(Preset::Eurasia, w, h)),
        ("nea", Viewport::preset(Preset::NortheastAsia, w, h)),
        ("korea", Viewport::preset(Preset::KoreanPeninsula, w, h)),
        (
            "yeonpyeong",
            Viewport {
                zoom: 64.0,
                center: project(125.9, 37.8),
                ..Viewport::new(w, h)
            }
            .clamped(),
        ),
        (
            "chukotka",
            Viewport {
                zoom: 12.0,
                center: project(180.0, 65.0),
                ..Viewport::new(w, h)
            }
            .clamped(),
        ),
        (
            "chukotka-close",
            Viewport {
                zoom: 150.0,
                center: project(-179.8, 65.3),
                ..Viewport::new(w, h)
            },
        ),
        // Beyond MAX_ZOOM (unclamped), only to check the island's outline itself.
        (
            "yeonpyeong-close",
            Viewport {
                zoom: 1500.0,
                center: project(125.69, 37.665),
                ..Viewport::new(w, h)
            },
        ),
    ];
    for (name, vp) in views {
        let path = format!("/tmp/geo-{name}.svg");
        std::fs::write(&path, render(&vp)).expect("write preview");
        println!("wrote {path} (zoom {:.2})", vp.zoom);
    }
}
