//! The offline basemap: country polygons decoded from the embedded `basemap.bin`.
//!
//! The asset is produced by `node scripts/build-basemap.mjs` (read its header for the data
//! choices) and embedded with `include_bytes!`, so the explorer works offline with no tile
//! server, and the whole world plus a detailed Northeast Asia costs ~40 KB gzipped.
//!
//! Only polygon rings are stored; coastlines and borders are derived from them in
//! [`path`](super::path) by matching shared segments, so nothing is stored twice.
//!
//! # Format (version 1)
//!
//! All integers are LEB128 varints; `s` marks zigzag-encoded signed ones; strings are a
//! varint byte length then UTF-8.
//!
//! ```text
//! "KGEO" u8:version varint:layer_count
//! layer*:   str:name varint:units_per_degree s:west s:south s:east s:north varint:country_count
//! country*: str:id str:name u8:has_label
//!           [varint:rank varint:area_km2 s:label_lon s:label_lat]   (if has_label == 1)
//!           varint:polygon_count
//! polygon*: varint:ring_count            (first ring outer, the others holes)
//! ring*:    varint:point_count (>= 3, implicitly closed) then point_count × (s:dlon s:dlat)
//! u32 LE:   FNV-1a 32 of every byte before it
//! ```
//!
//! Coordinates are integers in 1/`units_per_degree` degree; each point is a delta from the
//! previous point of the layer (the cursor starts at 0,0 for every layer). The first layer is
//! the world, the others are detail layers whose frame is their clip box.

use std::sync::OnceLock;

use super::projection::wrap180;
use super::{GeoError, LonLat, LonLatBox};

/// The embedded asset.
pub static ASSET: &[u8] = include_bytes!("basemap.bin");

const MAGIC: &[u8; 4] = b"KGEO";
const VERSION: u8 = 1;
const MAX_UNITS_PER_DEGREE: u64 = 1_000_000;

/// A ring of `(lon, lat)` points, implicitly closed (the first point is not repeated).
pub type Ring = Vec<LonLat>;

/// A polygon: the outer ring then its holes.
pub type Polygon = Vec<Ring>;

/// Where and how important a country's label is.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelAnchor {
    /// Pole of inaccessibility of the country's largest polygon: inside, far from the coast.
    pub lon: f64,
    pub lat: f64,
    /// 1 = largest country by area; labels are thinned by rank at low zoom.
    pub rank: u32,
    /// Approximate land area (from the 1:110m outline).
    pub area_km2: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric code as in Natural Earth ("156" China, "643" Russia, "410" South
    /// Korea); a slug of the name for the few without one ("kosovo", "somaliland").
    pub id: String,
    /// Natural Earth short name ("China", "South Korea", "United States of America").
    pub name: String,
    /// Present in the world layer only.
    pub label: Option<LabelAnchor>,
    pub polygons: Vec<Polygon>,
}

impl Country {
    pub fn point_count(&self) -> usize {
        self.polygons.iter().flatten().map(Vec::len).sum()
    }

    /// Even–odd point-in-polygon over every ring. Natural Earth rings that cross 180° jump
    /// from +180 to −180 inside the ring, so each ring is unwrapped (every step the short
    /// way) and the point tested at its three 360° copies. Fine away from the poles.
    pub fn contains(&self, (x, y): LonLat) -> bool {
        let mut inside = false;
        for ring in self.polygons.iter().flatten() {
            let mut unwrapped = Vec::with_capacity(ring.len());
            for &(lon, lat) in ring {
                let u = match unwrapped.last() {
                    Some(&(prev, _)) => prev + wrap180(lon - prev),
                    None => lon,
                };
                unwrapped.push((u, lat));
            }
            if [0.0, 360.0, -360.0]
                .iter()
                .any(|shift| ring_contains(&unwrapped, (x + shift, y)))
            {
                inside = !inside;
            }
        }
        inside
    }
}

/// Even–odd ray casting in the plane.
fn ring_contains(ring: &[LonLat], (x, y): LonLat) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[(i + n - 1) % n];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// "world" or a detail layer name ("nea" = Northeast Asia).
    pub name: String,
    /// Quantisation of the stored coordinates.
    pub units_per_degree: u32,
    /// The clip box (the whole globe for the world layer). Ring segments lying on the frame
    /// are clip artefacts, never coastline.
    pub frame: LonLatBox,
    pub countries: Vec<Country>,
}

impl Layer {
    /// The country with this id or name.
    pub fn country(&self, id_or_name: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.id == id_or_name || c.name == id_or_name)
    }

    /// The country under a point, if any (for hover/click hit-testing).
    pub fn country_at(&self, p: LonLat) -> Option<&Country> {
        self.countries.iter().find(|c| c.contains(p))
    }

    pub fn point_count(&self) -> usize {
        self.countries.iter().map(Country::point_count).sum()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Basemap {
    /// Coarse (1:110m) world, always drawn.
    pub world: Layer,
    /// Finer layers for regions, drawn over the world when zoomed in ([`lod`](super::lod)).
    pub details: Vec<Layer>,
}

impl Basemap {
    /// The embedded asset, decoded once. Its validity is guaranteed by the tests below, so a
    /// failure here is a build defect, not a runtime condition.
    pub fn embedded() -> &'static Basemap {
        static EMBEDDED: OnceLock<Basemap> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Basemap::decode(ASSET).expect("embedded basemap.bin is valid (checked by tests)")
        })
    }

    /// Decodes an asset. Never panics: any truncation, corruption or out-of-range value is
    /// reported as a [`GeoError`].
    pub fn decode(bytes: &[u8]) -> Result<Basemap, GeoError> {
        if bytes.len() < MAGIC.len() + 1 + 4 {
            return Err(GeoError::TooShort { len: bytes.len() });
        }
        if &bytes[..4] != MAGIC {
            return Err(GeoError::BadMagic);
        }
        if bytes[4] != VERSION {
            return Err(GeoError::UnsupportedVersion(bytes[4]));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        let stored = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
        let computed = fnv1a(body);
        if stored != computed {
            return Err(GeoError::ChecksumMismatch { stored, computed });
        }
        parse_body(body)
    }

    /// Every layer, world first.
    pub fn layers(&self) -> impl Iterator<Item = &Layer> {
        std::iter::once(&self.world).chain(self.details.iter())
    }

    /// Re-encodes (the inverse of [`decode`](Self::decode)); used by tests to check the Rust
    /// reader against the Node writer byte for byte and to build corrupt inputs.
    #[cfg(test)]
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut w = Vec::new();
        w.extend_from_slice(MAGIC);
        w.push(VERSION);
        put_varint(&mut w, 1 + self.details.len() as u64);
        for layer in self.layers() {
            let upd = f64::from(layer.units_per_degree);
            let q = |v: f64| (v * upd).round() as i64;
            put_str(&mut w, &layer.name);
            put_varint(&mut w, u64::from(layer.units_per_degree));
            let f = layer.frame;
            for v in [f.west, f.south, f.east, f.north] {
                put_svarint(&mut w, q(v));
            }
            put_varint(&mut w, layer.countries.len() as u64);
            let (mut cx, mut cy) = (0i64, 0i64);
            for c in &layer.countries {
                put_str(&mut w, &c.id);
                put_str(&mut w, &c.name);
                match &c.label {
                    Some(l) => {
                        w.push(1);
                        put_varint(&mut w, u64::from(l.rank));
                        put_varint(&mut w, l.area_km2);
                        put_svarint(&mut w, q(l.lon));
                        put_svarint(&mut w, q(l.lat));
                    }
                    None => w.push(0),
                }
                put_varint(&mut w, c.polygons.len() as u64);
                for poly in &c.polygons {
                    put_varint(&mut w, poly.len() as u64);
                    for ring in poly {
                        put_varint(&mut w, ring.len() as u64);
                        for &(lon, lat) in ring {
                            let (x, y) = (q(lon), q(lat));
                            put_svarint(&mut w, x - cx);
                            put_svarint(&mut w, y - cy);
                            (cx, cy) = (x, y);
                        }
                    }
                }
            }
        }
        let sum = fnv1a(&w);
        w.extend_from_slice(&sum.to_le_bytes());
        w
    }
}

/// FNV-1a, 32 bits: tiny, and enough to tell a corrupted asset from a valid one. It is part
/// of the asset's format, which `scripts/build-basemap.mjs` writes with the same sum.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Parses everything after the checksum check (`body` includes magic and version).
fn parse_body(body: &[u8]) -> Result<Basemap, GeoError> {
    let mut r = Reader {
        bytes: body,
        pos: 5,
    };
    // A layer needs at least 7 bytes (name length, units, 4 frame values, country count).
    let layer_count = r.count(7, "layer count")?;
    if layer_count == 0 {
        return Err(GeoError::Invalid {
            offset: r.pos,
            what: "layer count (no world layer)",
        });
    }
    let mut layers = Vec::with_capacity(layer_count);
    for _ in 0..layer_count {
        layers.push(r.layer()?);
    }
    if r.pos != body.len() {
        return Err(GeoError::TrailingBytes { offset: r.pos });
    }
    let mut layers = layers.into_iter();
    let world = layers.next().ok_or(GeoError::Invalid {
        offset: 5,
        what: "layer count",
    })?;
    Ok(Basemap {
        world,
        details: layers.collect(),
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn u8(&mut self) -> Result<u8, GeoError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or(GeoError::Truncated { offset: self.pos })?;
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, GeoError> {
        let start = self.pos;
        let mut value = 0u64;
        let mut shift = 0u32;
        loop {
            let b = self.u8()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 || shift > 63 {
                return Err(GeoError::VarintOverflow { offset: start });
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn svarint(&mut self) -> Result<i64, GeoError> {
        let n = self.varint()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    /// A count of items that each take at least `min_bytes`: bounded by what is left, so a
    /// corrupt count can never trigger a huge allocation.
    fn count(&mut self, min_bytes: usize, what: &'static str) -> Result<usize, GeoError> {
        let offset = self.pos;
        let n = self.varint()?;
        let max = (self.remaining() / min_bytes.max(1)) as u64;
        if n > max {
            return Err(GeoError::Invalid { offset, what });
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<String, GeoError> {
        let len = self.count(1, "string length")?;
        let start = self.pos;
        let slice = &self.bytes[start..start + len];
        self.pos += len;
        std::str::from_utf8(slice)
            .map(str::to_owned)
            .map_err(|_| GeoError::InvalidUtf8 { offset: start })
    }

    /// A quantised coordinate, checked against `limit` degrees.
    fn coord(&mut self, upd: f64, limit: f64, what: &'static str) -> Result<f64, GeoError> {
        let offset = self.pos;
        let v = self.svarint()? as f64 / upd;
        if v.abs() > limit {
            return Err(GeoError::Invalid { offset, what });
        }
        Ok(v)
    }

    fn layer(&mut self) -> Result<Layer, GeoError> {
        let name = self.string()?;
        let offset = self.pos;
        let units = self.varint()?;
        if units == 0 || units > MAX_UNITS_PER_DEGREE {
            return Err(GeoError::Invalid {
                offset,
                what: "units per degree",
            });
        }
        let upd = units as f64;
        let offset = self.pos;
        let west = self.coord(upd, 180.0, "frame longitude")?;
        let south = self.coord(upd, 90.0, "frame latitude")?;
        let east = self.coord(upd, 180.0, "frame longitude")?;
        let north = self.coord(upd, 90.0, "frame latitude")?;
        if west >= east || south >= north {
            return Err(GeoError::Invalid {
                offset,
                what: "frame (empty box)",
            });
        }
        // A country is at least id, name, label flag and polygon count: 4 bytes.
        let n = self.count(4, "country count")?;
        let mut countries = Vec::with_capacity(n);
        let mut cursor = (0i64, 0i64);
        for _ in 0..n {
            countries.push(self.country(units, &mut cursor)?);
        }
        Ok(Layer {
            name,
            units_per_degree: units as u32,
            frame: LonLatBox::new(west, south, east, north),
            countries,
        })
    }

    fn country(&mut self, units: u64, cursor: &mut (i64, i64)) -> Result<Country, GeoError> {
        let upd = units as f64;
        let id = self.string()?;
        let name = self.string()?;
        let offset = self.pos;
        let label = match self.u8()? {
            0 => None,
            1 => {
                let offset = self.pos;
                let rank = u32::try_from(self.varint()?).map_err(|_| GeoError::Invalid {
                    offset,
                    what: "label rank",
                })?;
                let area_km2 = self.varint()?;
                let lon = self.coord(upd, 180.0, "label longitude")?;
                let lat = self.coord(upd, 90.0, "label latitude")?;
                Some(LabelAnchor {
                    lon,
                    lat,
                    rank,
                    area_km2,
                })
            }
            _ => {
                return Err(GeoError::Invalid {
                    offset,
                    what: "label flag",
                })
            }
        };
        // A polygon is at least a ring count and a 3-point ring: 8 bytes.
        let offset = self.pos;
        let n_polys = self.count(8, "polygon count")?;
        if n_polys == 0 {
            return Err(GeoError::Invalid {
                offset,
                what: "polygon count (country without geometry)",
            });
        }
        let (xmax, ymax) = (180 * units as i64, 90 * units as i64);
        let mut polygons = Vec::with_capacity(n_polys);
        for _ in 0..n_polys {
            let offset = self.pos;
            let n_rings = self.count(7, "ring count")?;
            if n_rings == 0 {
                return Err(GeoError::Invalid {
                    offset,
                    what: "ring count (empty polygon)",
                });
            }
            let mut rings = Vec::with_capacity(n_rings);
            for _ in 0..n_rings {
                let offset = self.pos;
                let n_points = self.count(2, "point count")?;
                if n_points < 3 {
                    return Err(GeoError::Invalid {
                        offset,
                        what: "point count (ring with fewer than 3 points)",
                    });
                }
                let mut ring = Vec::with_capacity(n_points);
                for _ in 0..n_points {
                    let offset = self.pos;
                    let dx = self.svarint()?;
                    let dy = self.svarint()?;
                    let x = cursor.0.checked_add(dx);
                    let y = cursor.1.checked_add(dy);
                    let (Some(x), Some(y)) = (x, y) else {
                        return Err(GeoError::Invalid {
                            offset,
                            what: "coordinate (overflow)",
                        });
                    };
                    if x.abs() > xmax || y.abs() > ymax {
                        return Err(GeoError::Invalid {
                            offset,
                            what: "coordinate (off the globe)",
                        });
                    }
                    *cursor = (x, y);
                    ring.push((x as f64 / upd, y as f64 / upd));
                }
                rings.push(ring);
            }
            polygons.push(rings);
        }
        Ok(Country {
            id,
            name,
            label,
            polygons,
        })
    }
}

#[cfg(test)]
fn put_varint(w: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        w.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    w.push(v as u8);
}

#[cfg(test)]
fn put_svarint(w: &mut Vec<u8>, v: i64) {
    put_varint(w, ((v << 1) ^ (v >> 63)) as u64);
}

#[cfg(test)]
fn put_str(w: &mut Vec<u8>, s: &str) {
    put_varint(w, s.len() as u64);
    w.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> &'static Basemap {
        Basemap::embedded()
    }

    /// Re-seal a modified body with a valid checksum, to reach the parser.
    fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
        let n = bytes.len() - 4;
        bytes.truncate(n);
        let sum = fnv1a(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        bytes
    }

    #[test]
    fn embedded_asset_decodes_with_world_and_northeast_asia() {
        let map = Basemap::decode(ASSET).expect("valid asset");
        assert_eq!(map.world.name, "world");
        assert!(map.world.countries.len() > 150);
        assert_eq!(map.details.len(), 1);
        let nea = &map.details[0];
        assert_eq!(nea.name, "nea");
        assert!(nea.frame.contains((125.7, 37.67)));
        assert!(nea.units_per_degree > map.world.units_per_degree);
        for name in [
            "China",
            "Russia",
            "Mongolia",
            "North Korea",
            "South Korea",
            "Japan",
        ] {
            assert!(nea.country(name).is_some(), "{name} missing from detail");
        }
        assert!(map.world.country("Antarctica").is_none());
    }

    #[test]
    fn asset_stays_within_budget() {
        // ≤ 60 KB gzipped is the budget; raw size is a conservative proxy natively.
        assert!(ASSET.len() < 80_000, "{} bytes", ASSET.len());
    }

    #[test]
    fn rust_encoder_reproduces_the_node_output_byte_for_byte() {
        assert_eq!(embedded().encode(), ASSET);
    }

    #[test]
    fn story_countries_have_labels_inside_them() {
        let world = &embedded().world;
        for name in [
            "China",
            "Russia",
            "Mongolia",
            "North Korea",
            "South Korea",
            "Japan",
            "United States of America",
            "Tajikistan",
            "Pakistan",
            "India",
            "Kazakhstan",
            "France",
            "Germany",
            "Portugal",
        ] {
            let c = world.country(name).unwrap_or_else(|| panic!("{name}"));
            let l = c.label.as_ref().unwrap_or_else(|| panic!("{name} label"));
            assert!(c.contains((l.lon, l.lat)), "{name} label outside");
            assert!(l.area_km2 > 0);
        }
        let rank = |n: &str| world.country(n).unwrap().label.as_ref().unwrap().rank;
        assert_eq!(rank("Russia"), 1);
        assert!(rank("China") < rank("Mongolia"));
        assert!(rank("North Korea") < rank("South Korea") + 20);
        let mut ranks: Vec<u32> = world
            .countries
            .iter()
            .map(|c| c.label.as_ref().unwrap().rank)
            .collect();
        ranks.sort_unstable();
        assert_eq!(
            ranks,
            (1..=world.countries.len() as u32).collect::<Vec<_>>()
        );
    }

    #[test]
    fn known_places_fall_in_the_right_country() {
        let map = embedded();
        let world = &map.world;
        let at = |layer: &Layer, p: LonLat| layer.country_at(p).map(|c| c.name.clone());
        assert_eq!(at(world, (116.4, 39.9)).as_deref(), Some("China"));
        assert_eq!(at(world, (37.6, 55.75)).as_deref(), Some("Russia"));
        assert_eq!(
            at(world, (-77.0, 38.9)).as_deref(),
            Some("United States of America")
        );
        assert_eq!(at(world, (68.8, 38.55)).as_deref(), Some("Tajikistan"));
        assert_eq!(at(world, (-30.0, 30.0)), None); // Atlantic
        let nea = &map.details[0];
        assert_eq!(at(nea, (126.98, 37.57)).as_deref(), Some("South Korea"));
        assert_eq!(at(nea, (125.75, 39.03)).as_deref(), Some("North Korea"));
        assert_eq!(at(nea, (133.0, 44.5)).as_deref(), Some("Russia")); // Primorye
        assert_eq!(at(nea, (139.7, 35.7)).as_deref(), Some("Japan"));
        assert_eq!(at(nea, (146.0, 44.2)).as_deref(), Some("Russia")); // Kunashir
        assert_eq!(at(nea, (124.5, 37.0)), None); // Yellow Sea
    }

    #[test]
    fn a_point_near_a_slanted_border_is_on_the_right_side_of_it() {
        // A diamond: its borders all run at 45°.
        let diamond = Country {
            id: "diamond".into(),
            name: "Diamond".into(),
            label: None,
            polygons: vec![vec![vec![
                (0.0, -10.0),
                (10.0, 0.0),
                (0.0, 10.0),
                (-10.0, 0.0),
            ]]],
        };
        for inside in [(8.0, 1.0), (-8.0, -1.5), (1.0, 8.5), (0.0, 0.0)] {
            assert!(diamond.contains(inside), "{inside:?}");
        }
        for outside in [(9.5, 1.0), (-1.0, -9.5), (6.0, 6.0), (20.0, 0.0)] {
            assert!(!diamond.contains(outside), "{outside:?}");
        }
    }

    #[test]
    fn rings_crossing_180_are_hit_tested_correctly() {
        let world = &embedded().world;
        let at = |p: LonLat| world.country_at(p).map(|c| c.name.as_str());
        // Chukotka on both sides of 180°, and Fiji's Vanua Levu / Taveuni region.
        assert_eq!(at((175.0, 66.0)), Some("Russia"));
        assert_eq!(at((-175.0, 66.5)), Some("Russia"));
        assert_eq!(at((178.0, -17.8)), Some("Fiji"));
        // Far from Russia's ring but at the latitude of its 180° cut: not Russia.
        assert_ne!(at((-100.0, 66.0)), Some("Russia"));
        assert_ne!(at((0.0, 66.0)), Some("Russia"));
        assert_eq!(at((-150.0, 40.0)), None); // North Pacific
    }

    #[test]
    fn yeonpyeong_island_is_in_the_detail_layer() {
        let nea = &embedded().details[0];
        let sk = nea.country("South Korea").unwrap();
        let island = sk
            .polygons
            .iter()
            .find(|p| {
                p[0].iter()
                    .all(|&(x, y)| (x - 125.7).abs() < 0.06 && (y - 37.67).abs() < 0.06)
            })
            .expect("Yeonpyeong polygon");
        assert!(island[0].len() >= 4);
        assert!(sk.contains((125.69, 37.665)) || sk.contains((125.70, 37.67)));
        // Not part of the coarse layer: that is why the detail exists.
        assert!(embedded().world.country_at((125.70, 37.67)).is_none());
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        // Every short prefix, every tail cut, and a stride through the middle (each decode
        // hashes the whole input, so all 50k prefixes would take seconds in debug builds).
        let n = ASSET.len();
        let lens = (0..128).chain((128..n - 128).step_by(61)).chain(n - 128..n);
        for len in lens {
            assert!(Basemap::decode(&ASSET[..len]).is_err(), "len {len}");
        }
        // Truncation of the body with a valid checksum reaches the parser.
        let body = &ASSET[..ASSET.len() - 4];
        for len in (5..body.len()).step_by(37) {
            let mut cut = body[..len].to_vec();
            cut.extend_from_slice(&fnv1a(&cut).to_le_bytes());
            assert!(Basemap::decode(&cut).is_err(), "len {len}");
        }
    }

    #[test]
    fn mutations_are_detected_by_the_checksum() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..500 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let mut bytes = ASSET.to_vec();
            let i = (rng % bytes.len() as u64) as usize;
            let flip = ((rng >> 32) as u8) | 1;
            bytes[i] ^= flip;
            assert!(Basemap::decode(&bytes).is_err());
        }
    }

    #[test]
    fn resealed_mutations_never_panic() {
        // With a recomputed checksum the parser sees arbitrary garbage: it must return
        // Ok or Err, never panic or allocate absurdly.
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..400 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let mut bytes = ASSET.to_vec();
            let n_flips = 1 + (round % 4);
            for f in 0..n_flips {
                let i = 5 + ((rng >> (f * 8)) as usize % (bytes.len() - 9));
                bytes[i] = (rng >> (8 + f * 3)) as u8;
            }
            let _ = Basemap::decode(&reseal(bytes));
        }
        // Early bytes (counts, units, frame) are the most dangerous: sweep them all.
        for i in 5..64 {
            for v in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let mut bytes = ASSET.to_vec();
                bytes[i] = v;
                let _ = Basemap::decode(&reseal(bytes));
            }
        }
    }

    #[test]
    fn specific_errors_are_reported() {
        assert_eq!(Basemap::decode(b"KGE"), Err(GeoError::TooShort { len: 3 }));
        assert_eq!(
            Basemap::decode(b"XGEO\x01\x00\x00\x00\x00"),
            Err(GeoError::BadMagic)
        );
        assert_eq!(
            Basemap::decode(b"KGEO\x07\x00\x00\x00\x00"),
            Err(GeoError::UnsupportedVersion(7))
        );
        let mut bad = ASSET.to_vec();
        let last = bad.len() - 1;
        bad[last] ^= 0xff;
        assert!(matches!(
            Basemap::decode(&bad),
            Err(GeoError::ChecksumMismatch { .. })
        ));
        // No layers.
        let empty = reseal(b"KGEO\x01\x00\0\0\0\0".to_vec());
        assert!(matches!(
            Basemap::decode(&empty),
            Err(GeoError::Invalid { .. })
        ));
        // Trailing garbage after a valid body.
        let mut trailing = ASSET[..ASSET.len() - 4].to_vec();
        trailing.push(0);
        trailing.extend_from_slice(&[0; 4]);
        assert!(matches!(
            Basemap::decode(&reseal(trailing)),
            Err(GeoError::TrailingBytes { .. })
        ));
        // A huge country count cannot allocate: it is bounded by the input length.
        let mut w = b"KGEO\x01\x01".to_vec();
        put_str(&mut w, "x");
        put_varint(&mut w, 10);
        for v in [-10, -10, 10, 10] {
            put_svarint(&mut w, v);
        }
        put_varint(&mut w, u64::MAX);
        w.extend_from_slice(&[0; 4]);
        assert!(matches!(
            Basemap::decode(&reseal(w)),
            Err(GeoError::Invalid {
                what: "country count",
                ..
            })
        ));
    }

    #[test]
    fn overlong_varint_and_off_globe_coordinates_are_rejected() {
        let mut r = Reader {
            bytes: &[0xff; 11],
            pos: 0,
        };
        assert!(matches!(r.varint(), Err(GeoError::VarintOverflow { .. })));
        let mut r = Reader {
            bytes: &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            pos: 0,
        };
        assert_eq!(r.varint(), Ok(u64::MAX));
        // One layer, one country with a triangle starting at `lon0`°E.
        let tiny = |lon0: i64| {
            let mut w = b"KGEO\x01\x01".to_vec();
            put_str(&mut w, "t");
            put_varint(&mut w, 1);
            for v in [-180, -90, 180, 90] {
                put_svarint(&mut w, v);
            }
            put_varint(&mut w, 1);
            put_str(&mut w, "1");
            put_str(&mut w, "X");
            w.push(0);
            put_varint(&mut w, 1);
            put_varint(&mut w, 1);
            put_varint(&mut w, 3);
            for (dx, dy) in [(lon0, 0), (-1, 0), (0, 1)] {
                put_svarint(&mut w, dx);
                put_svarint(&mut w, dy);
            }
            w.extend_from_slice(&[0; 4]);
            Basemap::decode(&reseal(w))
        };
        assert!(matches!(
            tiny(200),
            Err(GeoError::Invalid {
                what: "coordinate (off the globe)",
                ..
            })
        ));
        let ok = tiny(100).expect("in range");
        assert_eq!(ok.world.countries[0].polygons[0][0][1], (99.0, 0.0));
    }

    #[test]
    fn a_file_shorter_than_header_and_checksum_is_too_short() {
        // Magic, version and a layer count of 0 (one byte) need 6 bytes, the checksum 4.
        assert_eq!(
            Basemap::decode(b"KGEO\x01\x00\x00\x00"),
            Err(GeoError::TooShort { len: 8 })
        );
        let nine = reseal(b"KGEO\x01\x00\0\0\0".to_vec());
        assert!(!matches!(
            Basemap::decode(&nine),
            Err(GeoError::TooShort { .. })
        ));
    }

    #[test]
    fn a_varint_of_ten_bytes_holds_at_most_one_bit_in_the_last() {
        let varint = |last: u8| {
            let mut bytes = [0x80; 10];
            bytes[9] = last;
            Reader {
                bytes: &bytes,
                pos: 0,
            }
            .varint()
        };
        assert_eq!(varint(0x00), Ok(0));
        assert_eq!(varint(0x01), Ok(1 << 63));
        assert_eq!(varint(0x02), Err(GeoError::VarintOverflow { offset: 0 }));
    }

    /// An asset of one layer with no countries, in `units` per degree and `frame` (west,
    /// south, east, north in those units).
    fn one_layer(units: u64, frame: [i64; 4]) -> Result<Basemap, GeoError> {
        let mut w = b"KGEO\x01\x01".to_vec();
        put_str(&mut w, "t");
        put_varint(&mut w, units);
        for v in frame {
            put_svarint(&mut w, v);
        }
        put_varint(&mut w, 0);
        w.extend_from_slice(&[0; 4]);
        Basemap::decode(&reseal(w))
    }

    #[test]
    fn a_layer_frame_must_enclose_some_room() {
        let empty = |frame| {
            matches!(
                one_layer(1, frame),
                Err(GeoError::Invalid {
                    what: "frame (empty box)",
                    ..
                })
            )
        };
        assert!(empty([10, -90, 10, 90]));
        assert!(empty([-180, 20, 180, 20]));
        assert!(empty([30, 0, 20, 10]));
        assert!(!empty([-180, -90, 180, 90]));
    }

    #[test]
    fn a_layer_needs_between_one_and_a_million_units_per_degree() {
        let refused = |units| {
            matches!(
                one_layer(units, [-180, -90, 180, 90]),
                Err(GeoError::Invalid {
                    what: "units per degree",
                    ..
                })
            )
        };
        assert!(refused(0));
        assert!(refused(MAX_UNITS_PER_DEGREE + 1));
        assert!(!refused(1));
        assert!(!refused(MAX_UNITS_PER_DEGREE));
    }

    #[test]
    fn small_hand_made_asset_round_trips() {
        let map = Basemap {
            world: Layer {
                name: "world".into(),
                units_per_degree: 10,
                frame: LonLatBox::new(-180.0, -90.0, 180.0, 90.0),
                countries: vec![Country {
                    id: "1".into(),
                    name: "Square".into(),
                    label: Some(LabelAnchor {
                        lon: 0.5,
                        lat: 0.5,
                        rank: 1,
                        area_km2: 12_345,
                    }),
                    polygons: vec![vec![vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]]],
                }],
            },
            details: vec![],
        };
        let bytes = map.encode();
        assert_eq!(Basemap::decode(&bytes), Ok(map));
    }
}
