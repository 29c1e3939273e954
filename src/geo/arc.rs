//! Great-circle arcs for trips and links (Beijing → Moscow, Moscow → Washington...).
//!
//! A flight or a diplomatic trip follows (roughly) the great circle, which on a cylindrical
//! map bows towards the pole: Beijing → Moscow passes over Mongolia and southern Siberia, not
//! over Kazakhstan as a straight line would. Points are computed by spherical linear
//! interpolation (slerp) of unit vectors, which is exact and stable for all distances, then
//! projected and cut at the seam like any line ([`line_path`]).
//!
//! For a direction arrow, [`ArcPath`] carries the projected midpoint of the arc and the
//! on-screen angle of its tangent there.

use super::path::{line_path, lines_path};
use super::projection::{project, wrap180};
use super::{LonLat, MapPoint};

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

type Vec3 = [f64; 3];

fn to_vec((lon, lat): LonLat) -> Vec3 {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

fn to_lonlat(v: Vec3) -> LonLat {
    let lat = v[2].clamp(-1.0, 1.0).asin().to_degrees();
    let lon = if v[0].abs() < 1e-15 && v[1].abs() < 1e-15 {
        0.0
    } else {
        v[1].atan2(v[0]).to_degrees()
    };
    (lon, lat.clamp(-90.0, 90.0))
}

fn dot(a: Vec3, b: Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: Vec3, b: Vec3) -> Vec3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn norm(a: Vec3) -> f64 {
    dot(a, a).sqrt()
}

/// Angle between two places seen from the Earth's centre, radians (robust for tiny and
/// near-antipodal separations, unlike `acos`).
pub fn central_angle(a: LonLat, b: LonLat) -> f64 {
    let (va, vb) = (to_vec(a), to_vec(b));
    norm(cross(va, vb)).atan2(dot(va, vb))
}

/// Great-circle distance, km.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    central_angle(a, b) * EARTH_RADIUS_KM
}

/// The point a fraction `t` (0..1) of the way along the great circle from `from` to `to`.
/// For antipodal places (any great circle works) the one through the meridian northwards
/// of `from` is chosen, deterministically.
pub fn interpolate(from: LonLat, to: LonLat, t: f64) -> LonLat {
    let (a, b) = (to_vec(from), to_vec(to));
    let omega = central_angle(from, to);
    if omega < 1e-12 {
        return from;
    }
    let s = omega.sin();
    let v = if s < 1e-9 {
        // Antipodal: rotate from `a` towards its local north by π·t.
        let (l, p) = (from.0.to_radians(), from.1.to_radians());
        let north = if p.cos() < 1e-12 {
            [1.0, 0.0, 0.0]
        } else {
            [-p.sin() * l.cos(), -p.sin() * l.sin(), p.cos()]
        };
        let th = omega * t;
        [
            th.cos() * a[0] + th.sin() * north[0],
            th.cos() * a[1] + th.sin() * north[1],
            th.cos() * a[2] + th.sin() * north[2],
        ]
    } else {
        let (wa, wb) = (((1.0 - t) * omega).sin() / s, (t * omega).sin() / s);
        [
            wa * a[0] + wb * b[0],
            wa * a[1] + wb * b[1],
            wa * a[2] + wb * b[2],
        ]
    };
    to_lonlat(v)
}

/// `segments + 1` points evenly spaced along the great circle, endpoints exactly `from` and
/// `to` (as given). `segments` is at least 1.
pub fn great_circle(from: LonLat, to: LonLat, segments: usize) -> Vec<LonLat> {
    let n = segments.max(1);
    let mut pts = Vec::with_capacity(n + 1);
    pts.push(from);
    for i in 1..n {
        pts.push(interpolate(from, to, i as f64 / n as f64));
    }
    pts.push(to);
    pts
}

/// A segment count giving smooth arcs: one per ~2° of arc, between 8 and 180.
pub fn default_segments(from: LonLat, to: LonLat) -> usize {
    let deg = central_angle(from, to).to_degrees();
    ((deg / 2.0).ceil() as usize).clamp(8, 180)
}

/// Midpoint of the great-circle arc.
pub fn midpoint(from: LonLat, to: LonLat) -> LonLat {
    interpolate(from, to, 0.5)
}

/// Initial bearing (compass degrees, 0 = north, 90 = east) to follow from `from` to `to`.
pub fn bearing(from: LonLat, to: LonLat) -> f64 {
    let (p1, p2) = (from.1.to_radians(), to.1.to_radians());
    let dl = (to.0 - from.0).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// A projected arc with what is needed to draw an arrow at its middle.
#[derive(Clone, Debug, PartialEq)]
pub struct ArcPath {
    /// SVG path in map units, cut at the seam.
    pub d: String,
    /// Arc midpoint in map units.
    pub mid: MapPoint,
    /// Direction of travel at `mid` on screen: degrees for SVG `rotate()` (0 = pointing
    /// right/east, 90 = down/south, −90 = up/north).
    pub angle_deg: f64,
    /// Compass heading at the midpoint (0 = north, 90 = east).
    pub bearing_at_mid: f64,
}

/// The great-circle arc from `from` to `to`, projected, with its midpoint arrow.
pub fn arc_path(from: LonLat, to: LonLat, decimals: u32) -> ArcPath {
    let pts = great_circle(from, to, default_segments(from, to));
    let mid_ll = midpoint(from, to);
    let eps = 1e-3;
    let p0 = project(
        interpolate(from, to, 0.5 - eps).0,
        interpolate(from, to, 0.5 - eps).1,
    );
    let p1 = project(
        interpolate(from, to, 0.5 + eps).0,
        interpolate(from, to, 0.5 + eps).1,
    );
    // x is relative longitude: a step across the seam is unwrapped.
    let (dx, dy) = (wrap180(p1.0 - p0.0), p1.1 - p0.1);
    let angle_deg = if dx == 0.0 && dy == 0.0 {
        0.0
    } else {
        dy.atan2(dx).to_degrees()
    };
    ArcPath {
        d: line_path(&pts, decimals),
        mid: project(mid_ll.0, mid_ll.1),
        angle_deg,
        bearing_at_mid: bearing(mid_ll, to),
    }
}

/// A multi-stop itinerary (a `Line`'s `stops`) as great-circle legs in one path.
pub fn trip_path(stops: &[LonLat], decimals: u32) -> String {
    let legs: Vec<Vec<LonLat>> = stops
        .windows(2)
        .map(|w| great_circle(w[0], w[1], default_segments(w[0], w[1])))
        .collect();
    lines_path(legs.iter().map(Vec::as_slice), decimals)
}

#[cfg(test)]
mod tests {
    use super::super::path::parse_subpaths;
    use super::*;

    const BEIJING: LonLat = (116.4, 39.9);
    const MOSCOW: LonLat = (37.6, 55.75);
    const WASHINGTON: LonLat = (-77.04, 38.9);
    const LISBON: LonLat = (-9.14, 38.72);
    const SEOUL: LonLat = (126.98, 37.57);

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn endpoints_are_preserved_exactly() {
        let pts = great_circle(BEIJING, MOSCOW, 32);
        assert_eq!(pts.len(), 33);
        assert_eq!(pts[0], BEIJING);
        assert_eq!(pts[32], MOSCOW);
        assert_eq!(great_circle(BEIJING, MOSCOW, 0).len(), 2);
        // Interpolation at the ends agrees with the inputs.
        let (l, p) = interpolate(BEIJING, MOSCOW, 1.0);
        assert!(close(l, MOSCOW.0, 1e-9) && close(p, MOSCOW.1, 1e-9));
    }

    #[test]
    fn all_points_are_on_the_great_circle_and_evenly_spaced() {
        for (a, b) in [(BEIJING, MOSCOW), (WASHINGTON, BEIJING), (LISBON, SEOUL)] {
            let total = central_angle(a, b);
            let pts = great_circle(a, b, 40);
            for &p in &pts {
                let sum = central_angle(a, p) + central_angle(p, b);
                assert!(close(sum, total, 1e-9), "{p:?} off the arc");
            }
            let step = total / 40.0;
            for w in pts.windows(2) {
                assert!(close(central_angle(w[0], w[1]), step, 1e-9));
            }
        }
    }

    #[test]
    fn known_distance_and_bearings() {
        let d = distance_km(BEIJING, MOSCOW);
        assert!(d > 5700.0 && d < 5900.0, "{d}");
        assert!(close(bearing((0.0, 0.0), (10.0, 0.0)), 90.0, 1e-9));
        assert!(close(bearing((0.0, 0.0), (0.0, 10.0)), 0.0, 1e-9));
        assert!(close(bearing((0.0, 0.0), (-10.0, 0.0)), 270.0, 1e-9));
        let b = bearing(BEIJING, MOSCOW);
        assert!(b > 290.0 && b < 340.0, "{b}");
    }

    #[test]
    fn beijing_moscow_arc_passes_north_of_the_straight_line() {
        let pts = great_circle(BEIJING, MOSCOW, 20);
        for (i, p) in pts.iter().enumerate().take(20).skip(1) {
            let t = i as f64 / 20.0;
            // Fraction along the arc ~ fraction along the chord in longitude.
            let chord_lat =
                BEIJING.1 + (p.0 - BEIJING.0) / (MOSCOW.0 - BEIJING.0) * (MOSCOW.1 - BEIJING.1);
            assert!(p.1 > chord_lat, "t={t}: {p:?} not north of {chord_lat}");
        }
        // On the map too: the projected midpoint is above (smaller y than) the chord's.
        let arc = arc_path(BEIJING, MOSCOW, 2);
        let (a, b) = (project(BEIJING.0, BEIJING.1), project(MOSCOW.0, MOSCOW.1));
        let chord_y_at_mid_x = a.1 + (arc.mid.0 - a.0) / (b.0 - a.0) * (b.1 - a.1);
        assert!(arc.mid.1 < chord_y_at_mid_x - 1.0);
        // Mid latitude well north of the endpoints' average.
        assert!(midpoint(BEIJING, MOSCOW).1 > (BEIJING.1 + MOSCOW.1) / 2.0 + 3.0);
    }

    #[test]
    fn arrow_angle_follows_the_direction_of_travel() {
        let east = arc_path((0.0, 0.0), (40.0, 0.0), 2);
        assert!(close(east.angle_deg, 0.0, 1e-6), "{}", east.angle_deg);
        assert!(close(east.bearing_at_mid, 90.0, 1e-6));
        let west = arc_path((40.0, 0.0), (0.0, 0.0), 2);
        assert!(close(west.angle_deg.abs(), 180.0, 1e-6));
        let north = arc_path((11.0, 0.0), (11.0, 40.0), 2);
        assert!(close(north.angle_deg, -90.0, 1e-6), "{}", north.angle_deg);
        // Beijing → Moscow heads west-north-west at the middle: up-left on screen.
        let bm = arc_path(BEIJING, MOSCOW, 2);
        assert!(
            bm.angle_deg < -90.0 && bm.angle_deg > -180.0,
            "{}",
            bm.angle_deg
        );
        assert!(bm.bearing_at_mid > 270.0 && bm.bearing_at_mid < 360.0);
    }

    #[test]
    fn the_arrow_lies_along_the_line_drawn_at_the_middle() {
        for (from, to) in [
            (BEIJING, MOSCOW),
            (MOSCOW, SEOUL),
            (LISBON, BEIJING),
            (SEOUL, LISBON),
        ] {
            let arc = arc_path(from, to, 4);
            let line: Vec<MapPoint> = parse_subpaths(&arc.d).concat();
            let nearest = (1..line.len() - 1)
                .min_by(|&a, &b| {
                    let d = |p: MapPoint| (p.0 - arc.mid.0).hypot(p.1 - arc.mid.1);
                    d(line[a]).total_cmp(&d(line[b]))
                })
                .unwrap();
            let (a, b) = (line[nearest - 1], line[nearest + 1]);
            let along = (b.1 - a.1).atan2(b.0 - a.0).to_degrees();
            let off = wrap180(along - arc.angle_deg).abs();
            assert!(
                off < 5.0,
                "{from:?} → {to:?}: line {along}°, arrow {}°",
                arc.angle_deg
            );
        }
    }

    #[test]
    fn arc_across_the_seam_is_cut_without_streak() {
        // Washington → Beijing goes over Alaska and Chukotka, crossing 169°W.
        let arc = arc_path(WASHINGTON, BEIJING, 2);
        let subs = parse_subpaths(&arc.d);
        assert_eq!(subs.len(), 2, "{}", arc.d);
        let max_dx = subs
            .iter()
            .flat_map(|s| s.windows(2).map(|w| (w[1].0 - w[0].0).abs()))
            .fold(0.0, f64::max);
        assert!(max_dx < 20.0, "{max_dx}");
        assert!(subs[0].last().unwrap().0.abs() > 179.9);
        assert!(subs[1][0].0.abs() > 179.9);
        // The arrow angle is finite even though the midpoint is near the seam.
        assert!(arc.angle_deg.is_finite());
    }

    #[test]
    fn degenerate_and_antipodal_cases_are_finite() {
        let same = great_circle(SEOUL, SEOUL, 4);
        assert!(same.iter().all(|&p| p == SEOUL));
        let z = arc_path(SEOUL, SEOUL, 2);
        assert_eq!(z.angle_deg, 0.0);
        let anti = great_circle((10.0, 20.0), (-170.0, -20.0), 10);
        for p in &anti {
            assert!(p.0.is_finite() && p.1.is_finite());
        }
        // Passes through the northward direction first.
        assert!(anti[1].1 > 20.0);
        let half = central_angle((10.0, 20.0), anti[5]);
        assert!(close(half, std::f64::consts::FRAC_PI_2, 1e-9));
        // From a pole, where no direction is north, the path runs down the prime meridian.
        let (lon, lat) = interpolate((0.0, 90.0), (0.0, -90.0), 0.5);
        assert!(
            close(lon, 0.0, 1e-9) && close(lat, 0.0, 1e-9),
            "{lon} {lat}"
        );
    }

    #[test]
    fn trip_path_has_one_subpath_per_leg() {
        let d = trip_path(&[MOSCOW, BEIJING, SEOUL], 2);
        assert_eq!(parse_subpaths(&d).len(), 2);
        assert_eq!(trip_path(&[MOSCOW], 2), "");
    }
}
