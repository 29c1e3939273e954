//! The map projection: **Patterson cylindrical**, central meridian 11°E, in map units.
//!
//! Why this and not Natural Earth I or Robinson centred near 60°E:
//!
//! * The story spans Washington (−77°) and Lisbon (−9°) to the Kurils (147°) but the reader
//!   mostly zooms onto Northeast Asia and the Korean peninsula. Pseudocylindrical projections
//!   (Natural Earth, Robinson) shear shapes away from their central meridian: with a 60°E
//!   centre, Korea (~65° off) is drawn with meridians tilted by ~11°, with a 35°E centre by
//!   ~15°. A cylindrical projection has no shear anywhere, so a zoomed Korea looks like the
//!   web maps readers know. Patterson (Patterson, Šavrič & Jenny 2015) is a compromise
//!   cylindrical designed for world maps: it keeps high latitudes far less inflated than
//!   Mercator (poles at finite y) while staying close to conformal at mid latitudes (at 37°N
//!   the north–south / east–west scale ratio is ~0.92, so the peninsula is not squashed).
//! * With no shear, the central meridian only decides where the map is cut, so it can be
//!   picked for the cut alone: 11°E puts the seam at 169°W in the Bering Strait, between
//!   Chukotka and Alaska. Russia stays in one piece (the usual 180° seam cuts Chukotka off),
//!   the Americas stay together on the left, and only a few small islands (St Lawrence, the
//!   western Aleutians) are cut. The world view reads in the familiar
//!   Americas | Europe–Africa | Asia order.
//!
//! Map units: `x` is the longitude relative to the central meridian, in degrees
//! (−180..180, so 1 unit = 1° of longitude); `y = −(180/π)·f(φ)` with Patterson's
//! polynomial `f`, i.e. degrees-like and pointing **down**, directly usable as SVG user units.
//! The projection is invertible ([`invert`]).

use super::{LonLat, MapPoint, MapRect};

/// Longitude (°E) of the central meridian.
pub const CENTRAL_MERIDIAN: f64 = 11.0;

/// Longitude of the seam, the meridian opposite the centre (169°W).
pub const SEAM_LON: f64 = CENTRAL_MERIDIAN - 180.0;

/// Northern and southern limits of the world view (Greenland's tip; Cape Horn with margin).
/// Antarctica is not in the basemap.
pub const WORLD_NORTH: f64 = 84.0;
pub const WORLD_SOUTH: f64 = -58.0;

const K1: f64 = 1.0148;
const K2: f64 = 0.23185;
const K3: f64 = -0.14499;
const K4: f64 = 0.02406;
const C1: f64 = K1;
const C2: f64 = 5.0 * K2;
const C3: f64 = 7.0 * K3;
const C4: f64 = 9.0 * K4;

/// Patterson's `f(φ)` at the pole, in radians.
pub const Y_MAX_RAD: f64 = 1.790_857_183;

/// Patterson's latitude function, radians in, radians out.
fn patterson_y(phi: f64) -> f64 {
    let p2 = phi * phi;
    phi * (K1 + p2 * p2 * (K2 + p2 * (K3 + K4 * p2)))
}

/// Derivative of [`patterson_y`], positive everywhere on [−π/2, π/2] (monotone).
fn patterson_dy(phi: f64) -> f64 {
    let p2 = phi * phi;
    C1 + p2 * p2 * (C2 + p2 * (C3 + C4 * p2))
}

/// Longitude relative to the central meridian, wrapped to `[-180, 180)`.
pub fn rel_lon(lon: f64) -> f64 {
    wrap180(lon - CENTRAL_MERIDIAN)
}

/// Wraps an angle in degrees to `[-180, 180)`.
pub fn wrap180(deg: f64) -> f64 {
    // Most inputs (a ring's steps, the basemap's longitudes) are in range already: the
    // remainder below is the larger part of projecting the basemap.
    if (-180.0..180.0).contains(&deg) {
        return deg;
    }
    let w = (deg + 180.0).rem_euclid(360.0) - 180.0;
    // rem_euclid can round up to exactly 360 for tiny negative inputs.
    if w >= 180.0 {
        w - 360.0
    } else {
        w
    }
}

/// Projects `lon`, `lat` (degrees) to map units. Latitudes are clamped to ±90.
/// Longitudes on the seam map to `x = -180` (the left edge).
pub fn project(lon: f64, lat: f64) -> MapPoint {
    project_rel(rel_lon(lon), lat)
}

/// Projects a point given by its longitude relative to the central meridian, which may be
/// exactly `+180` (right edge) for pieces cut at the seam. No wrapping is applied.
pub fn project_rel(rel: f64, lat: f64) -> MapPoint {
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    (rel, -patterson_y(phi).to_degrees())
}

/// Projects a `(lon, lat)` pair.
pub fn project_point((lon, lat): LonLat) -> MapPoint {
    project(lon, lat)
}

/// Inverse of [`project`]: map units back to `(lon, lat)`, longitude in `[-180, 180)`.
/// `None` outside the map (|x| > 180 or beyond the poles) or for non-finite input.
pub fn invert(x: f64, y: f64) -> Option<LonLat> {
    if !x.is_finite() || !y.is_finite() || x.abs() > 180.0 {
        return None;
    }
    let y_max = patterson_y(std::f64::consts::FRAC_PI_2);
    let target = -y.to_radians();
    if beyond_the_poles(target, y_max) {
        return None;
    }
    let target = target.clamp(-y_max, y_max);
    // Newton–Raphson from f's own value (f is monotone and nearly the identity: K1 ≈ 1.01);
    // it converges in a few steps.
    let mut phi = target;
    for _ in 0..50 {
        let delta = (patterson_y(phi) - target) / patterson_dy(phi);
        phi -= delta;
        if delta.abs() < 1e-13 {
            break;
        }
    }
    let phi = phi.clamp(-std::f64::consts::FRAC_PI_2, std::f64::consts::FRAC_PI_2);
    Some((wrap180(x + CENTRAL_MERIDIAN), phi.to_degrees()))
}

/// Whether `target` (Patterson's `f`, radians) lies beyond the poles' `y_max`, past rounding.
fn beyond_the_poles(target: f64, y_max: f64) -> bool {
    target.abs() > y_max + 1e-12
}

/// The world as drawn at zoom 1: full width, [`WORLD_NORTH`] to [`WORLD_SOUTH`].
pub fn world_rect() -> MapRect {
    let (_, top) = project_rel(0.0, WORLD_NORTH);
    let (_, bottom) = project_rel(0.0, WORLD_SOUTH);
    MapRect {
        x0: -180.0,
        y0: top,
        x1: 180.0,
        y1: bottom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn the_derivative_is_the_slope_of_the_latitude_function() {
        // Newton's steps in `invert` divide by it; a wrong one still converges, slower.
        for lat in [-89.0, -60.0, -37.5, -10.0, 0.0, 15.0, 45.0, 72.0, 88.0_f64] {
            let (phi, h) = (lat.to_radians(), 1e-6);
            let slope = (patterson_y(phi + h) - patterson_y(phi - h)) / (2.0 * h);
            assert!(close(patterson_dy(phi), slope, 1e-6), "at {lat}°");
        }
    }

    #[test]
    fn a_pair_projects_like_its_two_numbers() {
        for (lon, lat) in [(37.6, 55.75), (-77.0, 38.9), (126.7, 37.7)] {
            assert_eq!(project_point((lon, lat)), project(lon, lat));
        }
        assert_ne!(project_point((126.7, 37.7)), (0.0, 0.0));
    }

    #[test]
    fn the_right_edge_inverts_to_the_seam_and_beyond_it_nothing_does() {
        let (lon, lat) = invert(180.0, 0.0).expect("x = 180 is on the map");
        assert!(close(lon, SEAM_LON, 1e-9) && close(lat, 0.0, 1e-12));
        assert_eq!(invert(180.000_001, 0.0), None);
        assert!(invert(-180.0, 0.0).is_some());
    }

    #[test]
    fn central_meridian_maps_to_x_zero_and_equator_to_y_zero() {
        assert_eq!(project(CENTRAL_MERIDIAN, 45.0).0, 0.0);
        assert_eq!(project(CENTRAL_MERIDIAN, -30.0).0, 0.0);
        assert_eq!(project(100.0, 0.0).1, 0.0);
    }

    #[test]
    fn x_is_relative_longitude_in_degrees() {
        // Moscow is 26.6° east of the centre, Washington 88° west.
        assert!(close(project(37.6, 55.75).0, 26.6, 1e-9));
        assert!(close(project(-77.0, 38.9).0, -88.0, 1e-9));
        assert!(close(project(147.0, 45.0).0, 136.0, 1e-9));
    }

    #[test]
    fn symmetric_about_centre_and_equator() {
        for &(d, lat) in &[(10.0, 20.0), (75.0, 55.0), (150.0, -40.0), (179.0, 80.0)] {
            let (xe, ye) = project(CENTRAL_MERIDIAN + d, lat);
            let (xw, yw) = project(CENTRAL_MERIDIAN - d, lat);
            assert!(close(xe, -xw, 1e-9) && close(ye, yw, 1e-12));
            let (_, ys) = project(CENTRAL_MERIDIAN + d, -lat);
            assert!(close(ye, -ys, 1e-12));
        }
    }

    #[test]
    fn north_is_up_and_y_monotone_in_latitude() {
        let mut prev = f64::INFINITY;
        let mut lat = -90.0;
        while lat <= 90.0 {
            let (_, y) = project(0.0, lat);
            assert!(y < prev, "y must decrease as latitude grows ({lat})");
            prev = y;
            lat += 0.5;
        }
        // Seoul is above (smaller y than) Shanghai.
        assert!(project(127.0, 37.5).1 < project(121.5, 31.2).1);
    }

    #[test]
    fn x_monotone_in_longitude_within_the_sheet() {
        let mut prev = f64::NEG_INFINITY;
        let mut lon = SEAM_LON;
        while lon < SEAM_LON + 360.0 {
            let (x, _) = project(lon, 10.0);
            assert!(x > prev);
            prev = x;
            lon += 0.25;
        }
    }

    #[test]
    fn seam_wraps_to_the_edges() {
        // The seam runs through the Bering Strait, between Cape Dezhnev and Cape Prince of Wales.
        assert!((-169.65..-168.08).contains(&SEAM_LON), "{SEAM_LON}");
        assert!(close(project(SEAM_LON + 1e-6, 60.0).0, -180.0, 1e-5));
        assert!(close(project(SEAM_LON - 1e-6, 60.0).0, 180.0, 1e-5));
        assert_eq!(project(SEAM_LON, 60.0).0, -180.0);
        // Chukotka (Cape Dezhnev) is on the right edge, Alaska (Cape Prince of Wales) on the left.
        assert!(project(-169.65, 66.08).0 > 179.0);
        assert!(project(-168.08, 65.6).0 < -179.0);
    }

    #[test]
    fn pole_value_matches_published_constant() {
        let (_, y) = project(0.0, 90.0);
        assert!(close(-y, Y_MAX_RAD.to_degrees(), 1e-6));
        // Near-linear at the equator with slope K1.
        let (_, y1) = project(0.0, 1.0);
        assert!(close(-y1, K1, 1e-3));
    }

    #[test]
    fn nearly_conformal_around_korea() {
        // Local north–south over east–west scale at 37°N should be close to 1 (0.92).
        let dy = project(127.0, 37.5).1 - project(127.0, 36.5).1;
        let dx = (project(127.5, 37.0).0 - project(126.5, 37.0).0) / 37f64.to_radians().cos();
        let ratio = dy.abs() / dx;
        assert!(ratio > 0.85 && ratio < 1.0, "{ratio}");
    }

    #[test]
    fn invert_round_trips() {
        let mut lat = -89.0;
        while lat <= 89.0 {
            let mut lon = -179.0;
            while lon < 180.0 {
                let (x, y) = project(lon, lat);
                let (l2, p2) = invert(x, y).unwrap();
                assert!(close(wrap180(l2 - lon), 0.0, 1e-9), "{lon} {lat}");
                assert!(close(p2, lat, 1e-9), "{lon} {lat} -> {p2}");
                lon += 7.3;
            }
            lat += 4.1;
        }
    }

    #[test]
    fn invert_rejects_outside_the_map() {
        assert!(invert(181.0, 0.0).is_none());
        assert!(invert(0.0, -200.0).is_none());
        assert!(invert(f64::NAN, 0.0).is_none());
        let (_, top) = project(0.0, 90.0);
        let (_, lat) = invert(0.0, top).unwrap();
        assert!(close(lat, 90.0, 1e-6));
    }

    #[test]
    fn wrap180_leaves_a_longitude_in_range_exactly_as_it_is() {
        for deg in [
            -180.0,
            -179.999_999_9,
            -1e-17,
            0.0,
            1e-17,
            37.123_456_789,
            179.999_999,
        ] {
            assert_eq!(wrap180(deg).to_bits(), deg.to_bits(), "{deg}");
        }
    }

    #[test]
    fn wrap180_range() {
        assert_eq!(wrap180(180.0), -180.0);
        assert_eq!(wrap180(-180.0), -180.0);
        assert_eq!(wrap180(540.0), -180.0);
        assert!(close(wrap180(190.0), -170.0, 1e-12));
        assert!(close(wrap180(-190.0), 170.0, 1e-12));
        let w = wrap180(-1e-17);
        assert!((-180.0..180.0).contains(&w));
        // Just below −180 the remainder rounds up to a full turn: still at the edge.
        let w = wrap180((-180.0f64).next_down());
        assert!(
            (-180.0..180.0).contains(&w) && (w.abs() - 180.0).abs() < 1e-9,
            "{w}"
        );
    }

    #[test]
    fn world_rect_is_wide_and_contains_story_places() {
        let r = world_rect();
        assert_eq!(r.width(), 360.0);
        assert!(r.height() > 100.0 && r.height() < 200.0);
        for (lon, lat) in [(-77.0, 38.9), (-9.1, 38.7), (147.0, 45.0), (37.6, 55.75)] {
            let (x, y) = project(lon, lat);
            assert!(x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1);
        }
    }
}
