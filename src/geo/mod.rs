//! Shared map geometry, independent of any view state: the embedded basemap, the
//! projection, the seam, SVG paths and great-circle arcs. Pure Rust (std + serde only), tested
//! natively. The map view's own model (viewport, level of detail, marks, labels, scene) lives
//! in `crate::views::map` and builds on these.
//!
//! * [`basemap`] decodes the embedded offline asset (`basemap.bin`, built by
//!   `node scripts/build-basemap.mjs` from the `world-atlas` npm package): a coarse world
//!   layer (Natural Earth 1:110m) and a fine Northeast Asia layer (1:10m, clipped) of country
//!   polygons, plus label anchors;
//! * [`projection`] maps lon/lat to *map units* (SVG user units, y pointing down) with a
//!   Patterson cylindrical projection whose seam runs through the Bering Strait;
//! * [`seam`] cuts lines and rings that cross that seam so nothing streaks across the map;
//! * [`path`] turns layers, polylines and boxes into SVG path `d` strings **once**, rounded;
//! * [`steps`] runs a layer's projection in short steps, for a start-up in short tasks;
//! * [`arc`] computes great-circle arcs for trips, with a midpoint and heading for arrows.

pub mod arc;
pub mod basemap;
pub mod path;
pub mod projection;
pub mod seam;
pub mod steps;

use std::fmt;

pub use arc::{arc_path, great_circle, ArcPath};
pub use basemap::{Basemap, Country, LabelAnchor, Layer};
pub use path::{embedded_paths, keep_embedded_world, BasemapPaths, LayerPaths};
pub use projection::{invert, project};

/// A geographic position as `(longitude, latitude)` in degrees, the GeoJSON order.
pub type LonLat = (f64, f64);

/// A point in map units (SVG user units: x east, y **down**), see [`projection`].
pub type MapPoint = (f64, f64);

/// A longitude/latitude box in degrees. `west < east`; boxes never straddle the projection
/// seam (no story region does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLatBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl LonLatBox {
    pub const fn new(west: f64, south: f64, east: f64, north: f64) -> Self {
        LonLatBox {
            west,
            south,
            east,
            north,
        }
    }

    pub fn contains(&self, (lon, lat): LonLat) -> bool {
        lon >= self.west && lon <= self.east && lat >= self.south && lat <= self.north
    }
}

/// An axis-aligned rectangle in map units; `x0 <= x1`, `y0 <= y1` (y0 is the top).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapRect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl MapRect {
    /// The smallest rectangle containing all `points`; `None` when there are none.
    pub fn bounding(points: impl IntoIterator<Item = MapPoint>) -> Option<MapRect> {
        let mut it = points.into_iter();
        let (x, y) = it.next()?;
        let mut r = MapRect {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
        };
        for (x, y) in it {
            r.x0 = r.x0.min(x);
            r.y0 = r.y0.min(y);
            r.x1 = r.x1.max(x);
            r.y1 = r.y1.max(y);
        }
        Some(r)
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn center(&self) -> MapPoint {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// True when the two rectangles overlap (touching edges count).
    pub fn intersects(&self, other: &MapRect) -> bool {
        self.x0 <= other.x1 && other.x0 <= self.x1 && self.y0 <= other.y1 && other.y0 <= self.y1
    }
}

/// Why the basemap asset could not be decoded. Every corruption maps to one of these; the
/// decoder never panics and never allocates more than the input could describe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeoError {
    /// Fewer bytes than a header and checksum.
    TooShort { len: usize },
    /// The file does not start with `KGEO`.
    BadMagic,
    /// A format version this build cannot read.
    UnsupportedVersion(u8),
    /// The trailing FNV-1a checksum does not match the content.
    ChecksumMismatch { stored: u32, computed: u32 },
    /// The content ends in the middle of a value.
    Truncated { offset: usize },
    /// A varint longer than 64 bits.
    VarintOverflow { offset: usize },
    /// A string that is not UTF-8.
    InvalidUtf8 { offset: usize },
    /// A value out of its allowed range (`what` says which).
    Invalid { offset: usize, what: &'static str },
    /// Bytes left over after the last layer.
    TrailingBytes { offset: usize },
}

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeoError::TooShort { len } => write!(f, "basemap: only {len} bytes, too short"),
            GeoError::BadMagic => write!(f, "basemap: not a KGEO file"),
            GeoError::UnsupportedVersion(v) => write!(f, "basemap: unsupported version {v}"),
            GeoError::ChecksumMismatch { stored, computed } => write!(
                f,
                "basemap: checksum mismatch (stored {stored:08x}, computed {computed:08x}), file is corrupt"
            ),
            GeoError::Truncated { offset } => write!(f, "basemap: truncated at byte {offset}"),
            GeoError::VarintOverflow { offset } => {
                write!(f, "basemap: varint overflow at byte {offset}")
            }
            GeoError::InvalidUtf8 { offset } => {
                write!(f, "basemap: invalid UTF-8 string at byte {offset}")
            }
            GeoError::Invalid { offset, what } => {
                write!(f, "basemap: invalid {what} at byte {offset}")
            }
            GeoError::TrailingBytes { offset } => {
                write!(f, "basemap: unexpected trailing bytes at byte {offset}")
            }
        }
    }
}

impl std::error::Error for GeoError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_bounding_and_intersection() {
        let r = MapRect::bounding([(1.0, 5.0), (-2.0, 3.0), (4.0, -1.0)]).unwrap();
        assert_eq!(
            r,
            MapRect {
                x0: -2.0,
                y0: -1.0,
                x1: 4.0,
                y1: 5.0
            }
        );
        assert_eq!(r.width(), 6.0);
        assert_eq!(r.center(), (1.0, 2.0));
        assert!(MapRect::bounding(std::iter::empty()).is_none());
        let far = MapRect {
            x0: 10.0,
            y0: 10.0,
            x1: 11.0,
            y1: 11.0,
        };
        assert!(!r.intersects(&far));
        let touching = MapRect {
            x0: 4.0,
            y0: 5.0,
            x1: 6.0,
            y1: 6.0,
        };
        assert!(r.intersects(&touching));
    }

    #[test]
    fn box_contains() {
        let b = LonLatBox::new(120.0, 30.0, 130.0, 40.0);
        assert!(b.contains((125.7, 37.67)));
        assert!(!b.contains((116.4, 39.9)));
    }

    #[test]
    fn errors_display_clearly() {
        let e = GeoError::ChecksumMismatch {
            stored: 1,
            computed: 2,
        };
        assert!(e.to_string().contains("corrupt"));
        assert!(GeoError::Truncated { offset: 7 }.to_string().contains('7'));
    }
}
