//! Cutting geometry at the projection seam ([`SEAM_LON`](super::projection::SEAM_LON)).
//!
//! A segment between two points on either side of the seam would otherwise be drawn from one
//! edge of the map to the other (a horizontal streak); a ring crossing it would be filled
//! across the whole map. Both are handled in *relative longitude* (longitude minus the
//! central meridian), where the seam is at ±180:
//!
//! * the points are first **unwrapped**: each step takes the short way round, so a line going
//!   east across the seam continues past +180 instead of jumping to −180;
//! * the unwrapped plane is tiled in 360°-wide sheets; a line is split where it leaves a sheet
//!   (interpolating the latitude of the crossing), a ring is clipped (Sutherland–Hodgman) to
//!   every sheet it touches, and each piece is shifted back into `[-180, 180]`.
//!
//! Because the projection is cylindrical, the seam edges of clipped pieces are straight
//! vertical lines in the map, so no densification is needed. A ring that encircles a pole
//! (its unwrapped longitude drifts by 360°) is closed through that pole first. Inputs are
//! `(lon, lat)` in degrees; outputs are `(rel_lon, lat)` for
//! [`project_rel`](super::projection::project_rel).

use super::projection::{rel_lon, wrap180};
use super::LonLat;

/// Unwrapped relative longitudes: `u[0] = rel_lon(p0)`, then each step the short way.
fn unwrap(points: &[LonLat]) -> Vec<f64> {
    let mut out = Vec::with_capacity(points.len());
    let mut prev: Option<(f64, f64)> = None; // (lon, u)
    for &(lon, _) in points {
        let u = match prev {
            None => rel_lon(lon),
            Some((plon, pu)) => pu + wrap180(lon - plon),
        };
        out.push(u);
        prev = Some((lon, u));
    }
    out
}

/// Index of the 360°-wide sheet holding `u`: sheet 0 is `[-180, 180)`.
fn sheet(u: f64) -> i64 {
    ((u + 180.0) / 360.0).floor() as i64
}

/// Splits a polyline at the seam. Returns pieces of `(rel_lon, lat)` with at least two
/// points each; pieces that collapse to a single point are dropped.
pub fn split_line(points: &[LonLat]) -> Vec<Vec<LonLat>> {
    let finite: Vec<LonLat> = points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    let us = unwrap(&finite);
    let mut pieces = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for i in 0..finite.len() {
        let (u, lat) = (us[i], finite[i].1);
        let k = sheet(u);
        if let Some(previous) = i.checked_sub(1) {
            let (pu, plat) = (us[previous], finite[previous].1);
            let pk = sheet(pu);
            if pk != k {
                // One step is shorter than 180°, so it crosses exactly one sheet boundary.
                let boundary = if k > pk {
                    180.0 + 360.0 * pk as f64
                } else {
                    -180.0 + 360.0 * pk as f64
                };
                let t = (boundary - pu) / (u - pu);
                let clat = plat + t * (lat - plat);
                current.push((boundary - 360.0 * pk as f64, clat));
                push_piece(&mut pieces, std::mem::take(&mut current));
                current.push((boundary - 360.0 * k as f64, clat));
            }
        }
        current.push((u - 360.0 * k as f64, lat));
    }
    push_piece(&mut pieces, current);
    pieces
}

fn push_piece(pieces: &mut Vec<Vec<LonLat>>, mut piece: Vec<LonLat>) {
    piece.dedup();
    if piece.len() >= 2 {
        pieces.push(piece);
    }
}

/// Splits a ring (implicitly closed; a repeated closing point is tolerated) into pieces on
/// each side of the seam. Each piece is an implicitly closed ring of `(rel_lon, lat)` with
/// non-zero area; a ring not crossing the seam comes back as one piece.
pub fn split_ring(ring: &[LonLat]) -> Vec<Vec<LonLat>> {
    let mut pts: Vec<LonLat> = ring
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return Vec::new();
    }
    let us = unwrap(&pts);
    let mut plane: Vec<LonLat> = us
        .iter()
        .zip(&pts)
        .map(|(&u, &(_, lat))| (u, lat))
        .collect();
    // Drift after closing the ring: 0 normally, ±360 around a pole.
    let (last_lon, last_u) = (pts[pts.len() - 1].0, us[us.len() - 1]);
    let closing_u = last_u + wrap180(pts[0].0 - last_lon);
    let drift = closing_u - us[0];
    if drift.abs() > 180.0 {
        // Close through the pole the ring is nearest to: a cap drawn as a band to ±90.
        let mean_lat = pts.iter().map(|p| p.1).sum::<f64>() / pts.len() as f64;
        let pole = if mean_lat >= 0.0 { 90.0 } else { -90.0 };
        plane.push((closing_u, pts[0].1));
        plane.push((closing_u, pole));
        plane.push((us[0], pole));
    }
    let umin = plane.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let umax = plane.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let (kmin, kmax) = (sheet(umin), sheet(umax));
    let mut pieces = Vec::new();
    for k in kmin..=kmax {
        let shift = 360.0 * k as f64;
        let piece = if kmin == kmax {
            plane.clone()
        } else {
            let lo = clip_half(&plane, -180.0 + shift, true);
            clip_half(&lo, 180.0 + shift, false)
        };
        let mut piece: Vec<LonLat> = piece.into_iter().map(|(u, lat)| (u - shift, lat)).collect();
        piece.dedup();
        // A ring closed by repeating its first point is kept open, as the others are.
        if matches!(piece.as_slice(), [first, .., last] if first == last) {
            piece.pop();
        }
        if piece.len() >= 3 && has_area(&piece) {
            pieces.push(piece);
        }
    }
    pieces
}

/// Whether a piece encloses any area: a sliver cut at the seam can be a line.
fn has_area(piece: &[LonLat]) -> bool {
    signed_area(piece).abs() > 1e-12
}

/// Sutherland–Hodgman against the half-plane `u >= c` (`keep_above`) or `u <= c`.
fn clip_half(ring: &[LonLat], c: f64, keep_above: bool) -> Vec<LonLat> {
    let inside = |p: &LonLat| if keep_above { p.0 >= c } else { p.0 <= c };
    let cut = |a: LonLat, b: LonLat| {
        let t = (c - a.0) / (b.0 - a.0);
        (c, a.1 + t * (b.1 - a.1))
    };
    let mut out = Vec::with_capacity(ring.len() + 4);
    let Some(&last) = ring.last() else {
        return out;
    };
    let mut prev = last;
    for &cur in ring {
        match (inside(&prev), inside(&cur)) {
            (true, true) => out.push(cur),
            (false, true) => {
                out.push(cut(prev, cur));
                out.push(cur);
            }
            (true, false) => out.push(cut(prev, cur)),
            (false, false) => {}
        }
        prev = cur;
    }
    out
}

/// Shoelace area in degrees² (sign = orientation).
pub fn signed_area(ring: &[LonLat]) -> f64 {
    let n = ring.len();
    let mut a = 0.0;
    for i in 0..n {
        let (x0, y0) = ring[(i + n - 1) % n];
        let (x1, y1) = ring[i];
        a += x0 * y1 - x1 * y0;
    }
    a / 2.0
}

#[cfg(test)]
mod tests {
    use super::super::projection::{CENTRAL_MERIDIAN, SEAM_LON};
    use super::*;

    fn max_jump(piece: &[LonLat]) -> f64 {
        piece
            .windows(2)
            .map(|w| (w[1].0 - w[0].0).abs())
            .fold(0.0, f64::max)
    }

    #[test]
    fn line_away_from_seam_is_one_piece_shifted_to_relative_longitude() {
        let pieces = split_line(&[(116.4, 39.9), (37.6, 55.75)]);
        assert_eq!(pieces.len(), 1);
        assert!((pieces[0][0].0 - (116.4 - CENTRAL_MERIDIAN)).abs() < 1e-9);
        assert_eq!(pieces[0][1].1, 55.75);
    }

    #[test]
    fn line_crossing_seam_is_split_at_both_edges() {
        // Eastward across 169°W at 60°N: from 175°W to 160°W.
        let pieces = split_line(&[(-175.0, 60.0), (-160.0, 66.0)]);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let (a, b) = (&pieces[0], &pieces[1]);
        assert_eq!(a.last().unwrap().0, 180.0);
        assert_eq!(b.first().unwrap().0, -180.0);
        // Crossing latitude interpolated: 6/15 of the way.
        assert!((a.last().unwrap().1 - 62.4).abs() < 1e-9);
        assert_eq!(a.last().unwrap().1, b.first().unwrap().1);
        assert!(max_jump(a) < 20.0 && max_jump(b) < 20.0);
    }

    #[test]
    fn line_crossing_westward_and_back() {
        let pieces = split_line(&[(-160.0, 0.0), (-175.0, 0.0), (-150.0, 10.0)]);
        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces[0].last().unwrap().0, -180.0);
        assert_eq!(pieces[1][0].0, 180.0);
        assert_eq!(pieces[2][0].0, -180.0);
        for p in &pieces {
            assert!(max_jump(p) < 30.0);
        }
    }

    #[test]
    fn line_crossing_180_meridian_is_not_split() {
        // 180° is not the seam: Chukotka to Kamchatka stays one piece.
        let pieces = split_line(&[(175.0, 65.0), (-172.0, 66.0)]);
        assert_eq!(pieces.len(), 1);
        assert!(max_jump(&pieces[0]) < 14.0);
    }

    #[test]
    fn degenerate_lines_are_dropped() {
        assert!(split_line(&[]).is_empty());
        assert!(split_line(&[(10.0, 10.0)]).is_empty());
        assert!(split_line(&[(10.0, 10.0), (10.0, 10.0)]).is_empty());
        assert!(split_line(&[(10.0, f64::NAN), (f64::INFINITY, 1.0)]).is_empty());
    }

    #[test]
    fn ring_not_crossing_is_unchanged_but_relative() {
        let ring = [(120.0, 30.0), (130.0, 30.0), (130.0, 40.0), (120.0, 40.0)];
        let pieces = split_ring(&ring);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].len(), 4);
        assert_eq!(pieces[0][0], (120.0 - CENTRAL_MERIDIAN, 30.0));
    }

    #[test]
    fn ring_crossing_seam_is_cut_into_two_pieces_with_area_preserved() {
        // A square from 175°W to 160°W around 169°W (the seam), closing point repeated.
        let ring = [
            (-175.0, 50.0),
            (-160.0, 50.0),
            (-160.0, 60.0),
            (-175.0, 60.0),
            (-175.0, 50.0),
        ];
        let pieces = split_ring(&ring);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let total: f64 = pieces.iter().map(|p| signed_area(p).abs()).sum();
        assert!((total - 150.0).abs() < 1e-9);
        for p in &pieces {
            // No piece spans the map: each stays on its own edge.
            let xs: Vec<f64> = p.iter().map(|q| q.0).collect();
            let span = xs.iter().cloned().fold(f64::MIN, f64::max)
                - xs.iter().cloned().fold(f64::MAX, f64::min);
            assert!(span <= 9.0 + 1e-9, "{p:?}");
            assert!(xs.iter().all(|x| x.abs() >= 171.0 - 1e-9));
        }
        let left = pieces.iter().find(|p| p.iter().any(|q| q.0 == -180.0));
        let right = pieces.iter().find(|p| p.iter().any(|q| q.0 == 180.0));
        assert!(left.is_some() && right.is_some());
        // The 9° east of the seam (to 160°W) are on the left edge, the 6° west on the right.
        assert!((signed_area(left.unwrap()).abs() - 90.0).abs() < 1e-9);
        assert!((signed_area(right.unwrap()).abs() - 60.0).abs() < 1e-9);
    }

    #[test]
    fn concave_ring_crossing_seam_keeps_area() {
        // A "U" shape straddling the seam.
        let s = SEAM_LON;
        let ring = [
            (s - 10.0, 0.0),
            (s + 10.0, 0.0),
            (s + 10.0, 10.0),
            (s + 5.0, 10.0),
            (s + 5.0, 2.0),
            (s - 5.0, 2.0),
            (s - 5.0, 10.0),
            (s - 10.0, 10.0),
        ];
        let whole = signed_area(&ring).abs();
        let pieces = split_ring(&ring);
        assert_eq!(pieces.len(), 2);
        let total: f64 = pieces.iter().map(|p| signed_area(p).abs()).sum();
        assert!((total - whole).abs() < 1e-9);
    }

    #[test]
    fn polar_ring_is_closed_through_the_pole() {
        // A latitude circle at 80°N, every 30°, crossing the seam once.
        let ring: Vec<LonLat> = (0..12).map(|i| (i as f64 * 30.0 - 180.0, 80.0)).collect();
        let pieces = split_ring(&ring);
        assert!(!pieces.is_empty());
        let total: f64 = pieces.iter().map(|p| signed_area(p).abs()).sum();
        // Band from 80° to 90° over 360°.
        assert!((total - 3600.0).abs() < 1e-6, "{total}");
        for p in &pieces {
            assert!(p.iter().all(|q| q.0 >= -180.0 && q.0 <= 180.0));
            assert!(p.iter().any(|q| q.1 == 90.0));
        }
    }

    #[test]
    fn a_ring_around_the_south_pole_is_closed_through_the_south_pole() {
        // A latitude circle at 70°S, every 30°.
        let ring: Vec<LonLat> = (0..12).map(|i| (i as f64 * 30.0 - 180.0, -70.0)).collect();
        let pieces = split_ring(&ring);
        assert!(!pieces.is_empty());
        for p in &pieces {
            assert!(p.iter().all(|q| (-90.0..=-70.0).contains(&q.1)), "{p:?}");
            assert!(p.iter().any(|q| q.1 == -90.0), "{p:?}");
        }
    }

    #[test]
    fn slanted_edges_are_cut_at_the_latitude_where_they_cross_the_seam() {
        // A triangle whose two slanted edges cross the seam halfway, at 5° and 15°.
        let s = SEAM_LON;
        let ring = [(s - 10.0, 0.0), (s + 10.0, 10.0), (s - 10.0, 20.0)];
        let pieces = split_ring(&ring);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let total: f64 = pieces.iter().map(|p| signed_area(p).abs()).sum();
        assert!(
            (total - signed_area(&ring).abs()).abs() < 1e-9,
            "{pieces:?}"
        );
        for edge in [-180.0, 180.0] {
            let mut cut: Vec<f64> = pieces
                .iter()
                .flatten()
                .filter(|q| q.0 == edge)
                .map(|q| q.1)
                .collect();
            cut.sort_by(f64::total_cmp);
            assert_eq!(cut.len(), 2, "{pieces:?}");
            assert!(
                (cut[0] - 5.0).abs() < 1e-9 && (cut[1] - 15.0).abs() < 1e-9,
                "{cut:?}"
            );
        }
    }

    #[test]
    fn corners_on_the_seam_are_not_repeated_at_the_end_of_a_piece() {
        // A diamond with its south and north corners on the seam: two triangles.
        let s = SEAM_LON;
        let ring = [(s - 10.0, 0.0), (s, -5.0), (s + 10.0, 0.0), (s, 5.0)];
        let pieces = split_ring(&ring);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for p in &pieces {
            assert_eq!(p.len(), 3, "{p:?}");
        }
    }

    #[test]
    fn tiny_or_degenerate_rings_vanish() {
        assert!(split_ring(&[]).is_empty());
        assert!(split_ring(&[(f64::NAN, 0.0), (1.0, f64::INFINITY)]).is_empty());
        assert!(split_ring(&[(0.0, 0.0), (1.0, 1.0)]).is_empty());
        assert!(split_ring(&[(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]).is_empty());
    }
}
