//! Pan/zoom state of the map, as pure math.
//!
//! The basemap is projected once into map units ([`path`](crate::geo::path)); the view only
//! changes the SVG `transform` (or `viewBox`) computed here, so panning and zooming cost no
//! geometry work. A [`Viewport`] is the pixel size of the SVG, a zoom (1 = the whole world
//! fits, clamped to [`MIN_ZOOM`]..[`MAX_ZOOM`]) and the map point at the centre of the
//! screen. Screen coordinates are CSS pixels from the SVG's top-left corner.
//!
//! The centre is clamped so the map always covers the screen along any axis where it is
//! larger than the screen (and is centred along an axis where it is smaller): the reader can
//! never pan the world out of sight.

use serde::{Deserialize, Serialize};

use crate::geo::projection::{invert, project, project_rel, rel_lon, world_rect};
use crate::geo::{LonLat, LonLatBox, MapPoint, MapRect};
use crate::url::MapAt;

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 64.0;

/// Padding (px) used by presets.
pub const PRESET_PADDING: f64 = 16.0;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    /// Size of the SVG element in CSS pixels.
    pub width: f64,
    pub height: f64,
    /// 1 = the whole world fits; see [`MIN_ZOOM`], [`MAX_ZOOM`].
    pub zoom: f64,
    /// Map point shown at the centre of the SVG.
    pub center: MapPoint,
}

/// Named views of the story's regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// The whole map (Washington and Lisbon to the Kurils included).
    World,
    /// Lisbon to the Kurils, the Arctic coast to India.
    Eurasia,
    /// North China, Mongolia's east, the Russian Far East, the Koreas, Japan, the Kurils.
    NortheastAsia,
    /// Both Koreas with Yeonpyeong and Jeju.
    KoreanPeninsula,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::World,
        Preset::Eurasia,
        Preset::NortheastAsia,
        Preset::KoreanPeninsula,
    ];

    /// The region to fit, in degrees.
    pub fn bbox(self) -> LonLatBox {
        match self {
            Preset::World => LonLatBox::new(
                -180.0,
                crate::geo::projection::WORLD_SOUTH,
                180.0,
                crate::geo::projection::WORLD_NORTH,
            ),
            Preset::Eurasia => LonLatBox::new(-12.0, 5.0, 160.0, 75.0),
            Preset::NortheastAsia => LonLatBox::new(110.0, 30.0, 150.0, 52.0),
            Preset::KoreanPeninsula => LonLatBox::new(124.0, 33.0, 131.0, 43.0),
        }
    }

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            Preset::World => "World",
            Preset::Eurasia => "Eurasia",
            Preset::NortheastAsia => "Northeast Asia",
            Preset::KoreanPeninsula => "Korean Peninsula",
        }
    }

    /// Stable identifier (URLs, storage).
    pub fn id(self) -> &'static str {
        match self {
            Preset::World => "world",
            Preset::Eurasia => "eurasia",
            Preset::NortheastAsia => "northeast-asia",
            Preset::KoreanPeninsula => "korean-peninsula",
        }
    }

    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == id)
    }
}

fn sane_size(v: f64) -> f64 {
    if v.is_finite() && v >= 1.0 {
        v
    } else {
        1.0
    }
}

/// The projected rectangle covering a lon/lat box (a box straddling the seam is cut at it).
pub fn project_box(b: LonLatBox) -> MapRect {
    let west = rel_lon(b.west);
    let mut east = west + (b.east - b.west).clamp(0.0, 360.0);
    if east > 180.0 {
        east = 180.0;
    }
    let (x0, y0) = project_rel(west, b.north);
    let (x1, y1) = project_rel(east, b.south);
    MapRect { x0, y0, x1, y1 }
}

impl Viewport {
    /// The whole world, fitted to a `width` × `height` px SVG.
    pub fn new(width: f64, height: f64) -> Viewport {
        Viewport {
            width: sane_size(width),
            height: sane_size(height),
            zoom: MIN_ZOOM,
            center: world_rect().center(),
        }
    }

    /// A named view.
    pub fn preset(preset: Preset, width: f64, height: f64) -> Viewport {
        match preset {
            Preset::World => Viewport::new(width, height),
            p => Viewport::fit_box(p.bbox(), width, height, PRESET_PADDING),
        }
    }

    /// Pixels per map unit at zoom 1: the world rectangle fits the SVG.
    pub fn base_scale(&self) -> f64 {
        let r = world_rect();
        (self.width / r.width()).min(self.height / r.height())
    }

    /// Pixels per map unit now.
    pub fn k(&self) -> f64 {
        self.base_scale() * self.zoom
    }

    /// Translation of the SVG transform (`screen = map · k + (tx, ty)`).
    pub fn tx(&self) -> f64 {
        self.width / 2.0 - self.center.0 * self.k()
    }

    pub fn ty(&self) -> f64 {
        self.height / 2.0 - self.center.1 * self.k()
    }

    /// `transform` attribute for the `<g>` holding everything drawn in map units.
    pub fn transform(&self) -> String {
        format!(
            "translate({} {}) scale({})",
            round_to(self.tx(), 3),
            round_to(self.ty(), 3),
            round_to(self.k(), 6)
        )
    }

    /// Equivalent `viewBox` attribute (map units), for an SVG with no transform group.
    pub fn view_box(&self) -> String {
        let r = self.visible_rect();
        format!(
            "{} {} {} {}",
            round_to(r.x0, 4),
            round_to(r.y0, 4),
            round_to(r.width(), 4),
            round_to(r.height(), 4)
        )
    }

    pub fn map_to_screen(&self, (x, y): MapPoint) -> (f64, f64) {
        let k = self.k();
        (x * k + self.tx(), y * k + self.ty())
    }

    pub fn screen_to_map(&self, (sx, sy): (f64, f64)) -> MapPoint {
        let k = self.k();
        ((sx - self.tx()) / k, (sy - self.ty()) / k)
    }

    pub fn lonlat_to_screen(&self, (lon, lat): LonLat) -> (f64, f64) {
        self.map_to_screen(project(lon, lat))
    }

    /// The place under a screen point; `None` off the map.
    pub fn screen_to_lonlat(&self, s: (f64, f64)) -> Option<LonLat> {
        let (x, y) = self.screen_to_map(s);
        invert(x, y)
    }

    /// The part of the map on screen, in map units.
    pub fn visible_rect(&self) -> MapRect {
        let k = self.k();
        let (hw, hh) = (self.width / 2.0 / k, self.height / 2.0 / k);
        MapRect {
            x0: self.center.0 - hw,
            y0: self.center.1 - hh,
            x1: self.center.0 + hw,
            y1: self.center.1 + hh,
        }
    }

    /// Zoom and centre forced into range (see the module docs).
    pub fn clamped(mut self) -> Viewport {
        self.width = sane_size(self.width);
        self.height = sane_size(self.height);
        self.zoom = if self.zoom.is_finite() {
            self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            MIN_ZOOM
        };
        let w = world_rect();
        let k = self.k();
        let clamp_axis = |c: f64, half: f64, lo: f64, hi: f64| {
            if !c.is_finite() || 2.0 * half >= (hi - lo) * (1.0 - 1e-12) {
                (lo + hi) / 2.0
            } else {
                c.clamp(lo + half, hi - half)
            }
        };
        self.center = (
            clamp_axis(self.center.0, self.width / 2.0 / k, w.x0, w.x1),
            clamp_axis(self.center.1, self.height / 2.0 / k, w.y0, w.y1),
        );
        self
    }

    /// Multiplies the zoom by `factor` keeping the map point under `screen` fixed (the
    /// cursor for wheel zoom, the pinch centre for touch); clamped.
    pub fn zoom_at(self, factor: f64, screen: (f64, f64)) -> Viewport {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        self.zoom_to(self.zoom * factor, screen)
    }

    /// Sets the zoom keeping the map point under `screen` fixed; clamped.
    pub fn zoom_to(self, zoom: f64, screen: (f64, f64)) -> Viewport {
        let anchor = self.screen_to_map(screen);
        let mut next = self;
        next.zoom = if zoom.is_finite() {
            zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            self.zoom
        };
        let k = next.k();
        next.center = (
            anchor.0 - (screen.0 - self.width / 2.0) / k,
            anchor.1 - (screen.1 - self.height / 2.0) / k,
        );
        next.clamped()
    }

    /// Moves the map by a drag of `dx`, `dy` pixels (the map follows the pointer); clamped.
    pub fn pan_by(self, dx: f64, dy: f64) -> Viewport {
        let k = self.k();
        let mut next = self;
        if dx.is_finite() && dy.is_finite() {
            next.center = (self.center.0 - dx / k, self.center.1 - dy / k);
        }
        next.clamped()
    }

    /// Centres a place without changing the zoom; clamped.
    pub fn center_on(self, (lon, lat): LonLat) -> Viewport {
        Viewport {
            center: project(lon, lat),
            ..self
        }
        .clamped()
    }

    /// Same view on a resized SVG (keeps centre and zoom).
    pub fn resize(self, width: f64, height: f64) -> Viewport {
        Viewport {
            width,
            height,
            ..self
        }
        .clamped()
    }

    /// The centre and zoom as a link carries them (`map=`).
    pub fn link(&self) -> MapAt {
        let (lon, lat) = invert(self.center.0, self.center.1).unwrap_or_default();
        MapAt::new(lat, lon, self.zoom)
    }

    /// The view a link describes, on a `width` × `height` px SVG; clamped.
    pub fn from_link(at: MapAt, width: f64, height: f64) -> Viewport {
        Viewport {
            zoom: at.zoom(),
            center: project(at.lon(), at.lat()),
            ..Viewport::new(width, height)
        }
        .clamped()
    }

    /// The view that fits a map rectangle with `padding` px on every side.
    pub fn fit_rect(rect: MapRect, width: f64, height: f64, padding: f64) -> Viewport {
        let base = Viewport::new(width, height);
        let pad = if padding.is_finite() {
            padding.max(0.0)
        } else {
            0.0
        };
        let avail_w = (base.width - 2.0 * pad).max(1.0);
        let avail_h = (base.height - 2.0 * pad).max(1.0);
        let k = (avail_w / rect.width().max(1e-9)).min(avail_h / rect.height().max(1e-9));
        Viewport {
            zoom: k / base.base_scale(),
            center: rect.center(),
            ..base
        }
        .clamped()
    }

    /// The view that fits a lon/lat box.
    pub fn fit_box(b: LonLatBox, width: f64, height: f64, padding: f64) -> Viewport {
        Viewport::fit_rect(project_box(b), width, height, padding)
    }

    /// The view that fits places (events, a trip), never tighter than `min_span` map units
    /// (≈ degrees) so a single place is not shown at the maximum zoom. `None` if empty.
    pub fn fit_points(
        points: &[LonLat],
        width: f64,
        height: f64,
        padding: f64,
        min_span: f64,
    ) -> Option<Viewport> {
        let rect = MapRect::bounding(
            points
                .iter()
                .filter(|p| p.0.is_finite() && p.1.is_finite())
                .map(|&(lon, lat)| project(lon, lat)),
        )?;
        let (cx, cy) = rect.center();
        let hw = rect.width().max(min_span) / 2.0;
        let hh = rect.height().max(min_span) / 2.0;
        let rect = MapRect {
            x0: cx - hw,
            y0: cy - hh,
            x1: cx + hw,
            y1: cy + hh,
        };
        Some(Viewport::fit_rect(rect, width, height, padding))
    }
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (v * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: f64 = 1000.0;
    const H: f64 = 600.0;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    fn on_screen(vp: &Viewport, p: LonLat, margin: f64) -> bool {
        let (x, y) = vp.lonlat_to_screen(p);
        x >= margin && x <= vp.width - margin && y >= margin && y <= vp.height - margin
    }

    const BEIJING: LonLat = (116.4, 39.9);
    const MOSCOW: LonLat = (37.6, 55.75);
    const SEOUL: LonLat = (126.98, 37.57);
    const PYONGYANG: LonLat = (125.75, 39.03);
    const YEONPYEONG: LonLat = (125.70, 37.67);
    const KUNASHIR: LonLat = (145.85, 44.0);
    const TOKYO: LonLat = (139.7, 35.7);
    const LISBON: LonLat = (-9.14, 38.72);
    const WASHINGTON: LonLat = (-77.04, 38.9);
    const DUSHANBE: LonLat = (68.78, 38.56);

    #[test]
    fn a_view_and_its_link_agree() {
        let vp = Viewport::preset(Preset::KoreanPeninsula, W, H).zoom_to(9.5, (300.0, 200.0));
        let at = vp.link();
        let centre = invert(vp.center.0, vp.center.1).unwrap();
        assert!(close(at.lon(), centre.0, 0.005) && close(at.lat(), centre.1, 0.005));
        assert_eq!(at.zoom(), 9.5);
        let back = Viewport::from_link(at, W, H);
        assert_eq!((back.width, back.height, back.zoom), (W, H, 9.5));
        assert!(close(back.center.0, vp.center.0, 0.01) && close(back.center.1, vp.center.1, 0.01));
        assert_eq!(back.link(), at, "a link read back is the same link");
        // West of Greenwich too.
        let washington = Viewport::from_link(MapAt::new(38.9, -77.04, 8.0), W, H);
        assert_eq!(washington.link(), MapAt::new(38.9, -77.04, 8.0));
        assert!(on_screen(&washington, WASHINGTON, 0.0));
    }

    #[test]
    fn a_link_the_map_cannot_show_is_brought_inside() {
        // The whole world at zoom 1 has one centre; a pole is out of reach.
        let world = Viewport::from_link(MapAt::new(80.0, 100.0, 1.0), W, H);
        assert_eq!(world, Viewport::new(W, H));
        let north = Viewport::from_link(MapAt::new(90.0, 11.0, 4.0), W, H);
        assert!(north.visible_rect().y0 >= world_rect().y0 - 1e-9);
        assert_eq!(north.zoom, 4.0);
    }

    #[test]
    fn the_links_zoom_limits_are_the_maps() {
        assert_eq!(crate::url::MAP_ZOOM, (MIN_ZOOM, MAX_ZOOM));
    }

    #[test]
    fn world_view_shows_the_whole_map() {
        for (w, h) in [(W, H), (400.0, 800.0), (1920.0, 400.0)] {
            let vp = Viewport::new(w, h);
            let v = vp.visible_rect();
            let r = world_rect();
            assert!(v.x0 <= r.x0 + 1e-9 && v.x1 >= r.x1 - 1e-9);
            assert!(v.y0 <= r.y0 + 1e-9 && v.y1 >= r.y1 - 1e-9);
            // ...and fits tightly along one axis.
            assert!(close(v.width(), r.width(), 1e-9) || close(v.height(), r.height(), 1e-9));
            for p in [WASHINGTON, LISBON, KUNASHIR, MOSCOW] {
                assert!(on_screen(&vp, p, 0.0));
            }
        }
    }

    #[test]
    fn screen_and_map_round_trip() {
        let vp = Viewport::preset(Preset::NortheastAsia, W, H);
        for s in [(0.0, 0.0), (123.4, 567.8), (W, H)] {
            let back = vp.map_to_screen(vp.screen_to_map(s));
            assert!(close(back.0, s.0, 1e-9) && close(back.1, s.1, 1e-9));
        }
        let (lon, lat) = vp.screen_to_lonlat(vp.lonlat_to_screen(SEOUL)).unwrap();
        assert!(close(lon, SEOUL.0, 1e-9) && close(lat, SEOUL.1, 1e-9));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor_fixed() {
        let vp = Viewport::preset(Preset::NortheastAsia, W, H);
        let cursor = (640.0, 210.0);
        let under = vp.screen_to_map(cursor);
        for factor in [1.25, 2.0, 0.8, 0.5, 3.7] {
            let z = vp.zoom_at(factor, cursor);
            assert!(close(z.zoom, vp.zoom * factor, 1e-12));
            let after = z.map_to_screen(under);
            assert!(close(after.0, cursor.0, 1e-9) && close(after.1, cursor.1, 1e-9));
        }
        // Zooming in at the screen position of Beijing keeps Beijing there.
        let b = vp.lonlat_to_screen(BEIJING);
        let z = vp.zoom_at(4.0, b);
        let b2 = z.lonlat_to_screen(BEIJING);
        assert!(close(b.0, b2.0, 1e-9) && close(b.1, b2.1, 1e-9));
    }

    #[test]
    fn zoom_is_clamped() {
        let vp = Viewport::new(W, H);
        assert_eq!(vp.zoom_at(1e6, (500.0, 300.0)).zoom, MAX_ZOOM);
        assert_eq!(vp.zoom_at(1e-6, (500.0, 300.0)).zoom, MIN_ZOOM);
        assert_eq!(vp.zoom_at(f64::NAN, (500.0, 300.0)).zoom, vp.zoom);
        assert_eq!(vp.zoom_at(-2.0, (500.0, 300.0)).zoom, vp.zoom);
        // Zooming out fully from anywhere returns to the world view.
        let deep = Viewport::preset(Preset::KoreanPeninsula, W, H);
        let out = deep.zoom_at(1e-3, (10.0, 10.0));
        assert_eq!(out, Viewport::new(W, H));
    }

    #[test]
    fn pan_moves_the_map_with_the_pointer() {
        let vp = Viewport::preset(Preset::NortheastAsia, W, H);
        let before = vp.lonlat_to_screen(SEOUL);
        let moved = vp.pan_by(25.0, -40.0);
        let after = moved.lonlat_to_screen(SEOUL);
        assert!(close(after.0 - before.0, 25.0, 1e-9));
        assert!(close(after.1 - before.1, -40.0, 1e-9));
        assert_eq!(moved.zoom, vp.zoom);
    }

    #[test]
    fn pan_is_clamped_to_the_map() {
        let vp = Viewport::preset(Preset::KoreanPeninsula, W, H);
        let far = vp.pan_by(1e7, -1e7);
        let v = far.visible_rect();
        let r = world_rect();
        assert!(v.x0 >= r.x0 - 1e-9 && v.y1 <= r.y1 + 1e-9);
        // At zoom 1 nothing moves.
        let world = Viewport::new(W, H);
        assert_eq!(world.pan_by(300.0, 300.0), world);
    }

    #[test]
    fn at_zoom_one_the_world_stays_put_in_a_frame_of_any_size() {
        // Along the axis where the world just fits, a drag does not shift it by a hair.
        for w in (200..2000).step_by(37) {
            for h in [150.0, 333.0, 600.0, 1234.0] {
                let world = Viewport::new(w as f64, h);
                assert_eq!(world.pan_by(300.0, -300.0), world, "{w} × {h}");
                assert_eq!(world.pan_by(-300.0, 300.0), world, "{w} × {h}");
            }
        }
    }

    #[test]
    fn centring_a_place_brings_it_to_the_middle_at_the_same_zoom() {
        let vp = Viewport::preset(Preset::NortheastAsia, W, H);
        let on_beijing = vp.center_on(BEIJING);
        let (x, y) = on_beijing.lonlat_to_screen(BEIJING);
        assert!(
            close(x, W / 2.0, 1e-9) && close(y, H / 2.0, 1e-9),
            "{x}, {y}"
        );
        assert_eq!(on_beijing.zoom, vp.zoom);
        // Seoul, on screen before, moved with it.
        assert_ne!(
            on_beijing.lonlat_to_screen(SEOUL),
            vp.lonlat_to_screen(SEOUL)
        );
    }

    #[test]
    fn presets_frame_their_places() {
        let korea = Viewport::preset(Preset::KoreanPeninsula, W, H);
        for p in [SEOUL, PYONGYANG, YEONPYEONG] {
            assert!(on_screen(&korea, p, PRESET_PADDING - 1e-6), "{p:?}");
        }
        assert!(!on_screen(&korea, BEIJING, 0.0));
        let nea = Viewport::preset(Preset::NortheastAsia, W, H);
        for p in [BEIJING, SEOUL, TOKYO, KUNASHIR] {
            assert!(on_screen(&nea, p, PRESET_PADDING - 1e-6), "{p:?}");
        }
        let eurasia = Viewport::preset(Preset::Eurasia, W, H);
        for p in [LISBON, MOSCOW, BEIJING, DUSHANBE, KUNASHIR] {
            assert!(on_screen(&eurasia, p, PRESET_PADDING - 1e-6), "{p:?}");
        }
        assert!(!on_screen(&eurasia, WASHINGTON, 0.0));
        let zooms: Vec<f64> = Preset::ALL
            .iter()
            .map(|&p| Viewport::preset(p, W, H).zoom)
            .collect();
        assert_eq!(zooms[0], 1.0);
        assert!(zooms.windows(2).all(|w| w[0] < w[1]), "{zooms:?}");
        assert!(zooms[3] <= MAX_ZOOM);
    }

    #[test]
    fn fit_box_is_tight_on_one_axis() {
        let b = Preset::KoreanPeninsula.bbox();
        let vp = Viewport::fit_box(b, W, H, 20.0);
        let (x0, y0) = vp.lonlat_to_screen((b.west, b.north));
        let (x1, y1) = vp.lonlat_to_screen((b.east, b.south));
        assert!(
            x0 >= 20.0 - 1e-6
                && y0 >= 20.0 - 1e-6
                && x1 <= W - 20.0 + 1e-6
                && y1 <= H - 20.0 + 1e-6
        );
        assert!(close(y0, 20.0, 1e-6) || close(x0, 20.0, 1e-6));
        // Centred.
        assert!(close((x0 + x1) / 2.0, W / 2.0, 1e-6));
    }

    #[test]
    fn fit_points_handles_single_and_empty() {
        assert!(Viewport::fit_points(&[], W, H, 10.0, 5.0).is_none());
        let one = Viewport::fit_points(&[YEONPYEONG], W, H, 10.0, 5.0).unwrap();
        assert!(one.zoom < MAX_ZOOM);
        assert!(on_screen(&one, YEONPYEONG, 10.0));
        let trip = Viewport::fit_points(&[BEIJING, MOSCOW, DUSHANBE], W, H, 30.0, 5.0).unwrap();
        for p in [BEIJING, MOSCOW, DUSHANBE] {
            assert!(on_screen(&trip, p, 30.0 - 1e-6));
        }
    }

    #[test]
    fn transform_and_view_box_agree_with_screen_mapping() {
        let vp = Viewport {
            width: 1000.0,
            height: 500.0,
            zoom: 2.0,
            center: (100.0, -40.0),
        }
        .clamped();
        let k = vp.k();
        let t = vp.transform();
        assert!(t.starts_with("translate("), "{t}");
        let nums: Vec<f64> = t
            .replace(['(', ')'], " ")
            .split_whitespace()
            .filter_map(|s| s.parse().ok())
            .collect();
        assert_eq!(nums.len(), 3, "{t}");
        let p = (123.0, -30.0);
        let s = vp.map_to_screen(p);
        assert!(close(p.0 * nums[2] + nums[0], s.0, 1e-3));
        assert!(close(p.1 * nums[2] + nums[1], s.1, 1e-3));
        assert!(close(nums[2], k, 1e-6));
        let vb: Vec<f64> = vp
            .view_box()
            .split(' ')
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(close(vb[2] * k, 1000.0, 1e-2) && close(vb[3] * k, 500.0, 1e-2));
        let r = vp.visible_rect();
        assert!(close(vb[0], r.x0, 1e-4) && close(vb[1], r.y0, 1e-4));
    }

    #[test]
    fn degenerate_sizes_do_not_produce_nan() {
        let vp = Viewport::new(0.0, f64::NAN);
        assert!(vp.k().is_finite() && vp.k() > 0.0);
        let vp = vp.zoom_at(2.0, (0.0, 0.0)).pan_by(f64::INFINITY, 1.0);
        assert!(vp.center.0.is_finite() && vp.center.1.is_finite());
        let r = vp.resize(800.0, 600.0);
        assert_eq!(r.width, 800.0);
    }

    #[test]
    fn preset_ids_round_trip() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_id(p.id()), Some(p));
            assert!(!p.label().is_empty());
        }
        assert_eq!(Preset::from_id("mars"), None);
    }

    #[test]
    fn project_box_cuts_at_the_seam() {
        let r = project_box(LonLatBox::new(150.0, 50.0, 200.0, 60.0));
        assert_eq!(r.x1, 180.0);
        assert!(r.x0 < r.x1);
    }
}
