//! Greedy label placement shared by the map and the network view.
//!
//! Labels are placed one by one in priority order; each tries its candidate slots around its
//! anchor and takes the first that stays inside the bounds, covers no mark and overlaps no
//! label already placed. What cannot be placed is hidden rather than drawn on top of
//! something: the views show hidden labels on hover instead. Greedy is not optimal, but it is
//! predictable — an important label never disappears because a minor one moved.

use super::geom::{Circle, Point, Rect};

/// Default space in px between a mark's outline and its label.
pub const LABEL_GAP_PX: f64 = 3.0;

/// Where a label sits relative to its anchor's mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Vertically centred, starting right of the mark (`text-anchor: start`).
    Right,
    /// Vertically centred, ending left of the mark (`text-anchor: end`).
    Left,
    /// Horizontally centred above the mark (`text-anchor: middle`).
    Above,
    /// Horizontally centred below the mark (`text-anchor: middle`).
    Below,
    AboveRight,
    AboveLeft,
    BelowRight,
    BelowLeft,
}

impl Slot {
    /// Preference order used when a request gives no candidates: right reads most naturally
    /// for left-to-right text, then the other sides, then the diagonals.
    pub const DEFAULT_ORDER: [Slot; 8] = [
        Slot::Right,
        Slot::Left,
        Slot::Above,
        Slot::Below,
        Slot::AboveRight,
        Slot::BelowRight,
        Slot::AboveLeft,
        Slot::BelowLeft,
    ];

    /// The label rectangle for this slot, `gap` px outside a mark of radius `mark_radius`.
    pub fn rect(self, anchor: Point, mark_radius: f64, gap: f64, w: f64, h: f64) -> Rect {
        let r = mark_radius.max(0.0);
        // Diagonal slots hug the mark's 45° point instead of its bounding box.
        let d = r * std::f64::consts::FRAC_1_SQRT_2 + gap;
        let (x, y) = match self {
            Slot::Right => (anchor.x + r + gap, anchor.y - h / 2.0),
            Slot::Left => (anchor.x - r - gap - w, anchor.y - h / 2.0),
            Slot::Above => (anchor.x - w / 2.0, anchor.y - r - gap - h),
            Slot::Below => (anchor.x - w / 2.0, anchor.y + r + gap),
            Slot::AboveRight => (anchor.x + d, anchor.y - d - h),
            Slot::AboveLeft => (anchor.x - d - w, anchor.y - d - h),
            Slot::BelowRight => (anchor.x + d, anchor.y + d),
            Slot::BelowLeft => (anchor.x - d - w, anchor.y + d),
        };
        Rect::new(x, y, w, h)
    }

    /// SVG `text-anchor` value matching the slot, for the views.
    pub fn text_anchor(self) -> &'static str {
        match self {
            Slot::Right | Slot::AboveRight | Slot::BelowRight => "start",
            Slot::Left | Slot::AboveLeft | Slot::BelowLeft => "end",
            Slot::Above | Slot::Below => "middle",
        }
    }
}

/// One label to place.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRequest {
    /// The mark's centre in px.
    pub anchor: Point,
    /// Radius of the mark drawn at the anchor; every label avoids every mark.
    pub mark_radius: f64,
    /// Estimated label size (see [`super::text::estimate_label_width`]).
    pub width: f64,
    pub height: f64,
    /// Higher is placed first. Ties go to the earlier request.
    pub priority: f64,
    /// Slots to try in order; empty means [`Slot::DEFAULT_ORDER`].
    pub candidates: Vec<Slot>,
}

/// Tuning shared by all labels of one placement.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacementOptions {
    /// Space between a mark's outline and its label.
    pub gap: f64,
    /// Minimum empty space kept between two labels.
    pub padding: f64,
    /// Labels must lie entirely inside this rectangle (the viewport), if given.
    pub bounds: Option<Rect>,
}

impl Default for PlacementOptions {
    fn default() -> Self {
        PlacementOptions {
            gap: LABEL_GAP_PX,
            padding: 2.0,
            bounds: None,
        }
    }
}

/// A shown label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLabel {
    pub slot: Slot,
    /// The label's box; draw text with [`Slot::text_anchor`] at the box's matching edge.
    pub rect: Rect,
}

impl PlacedLabel {
    /// Where an SVG `<text>` with `dominant-baseline: middle` and this slot's
    /// `text-anchor` should be positioned.
    pub fn text_position(&self) -> Point {
        let y = self.rect.y + self.rect.h / 2.0;
        let x = match self.slot.text_anchor() {
            "start" => self.rect.x,
            "end" => self.rect.right(),
            _ => self.rect.x + self.rect.w / 2.0,
        };
        Point::new(x, y)
    }
}

/// Places labels greedily by priority; returns, per request in input order, the chosen
/// slot and box or `None` when the label must be hidden.
///
/// `obstacles` are extra marks without labels (e.g. unlabelled cities) that labels must not
/// cover. Guarantees: no two shown boxes overlap (even after inflating by half the padding
/// each), no shown box intersects any mark or obstacle disc, and every shown box lies
/// inside `bounds` when given. Deterministic for identical input.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Circle],
    options: &PlacementOptions,
) -> Vec<Option<PlacedLabel>> {
    let marks: Vec<Circle> = requests
        .iter()
        .map(|req| Circle {
            center: req.anchor,
            r: req.mark_radius,
        })
        .chain(obstacles.iter().copied())
        .filter(|mark| mark.r > 0.0)
        .collect();

    let mut order: Vec<usize> = (0..requests.len()).collect();
    crate::sorting::sort_by(&mut order, |&a, &b| {
        requests[b]
            .priority
            .total_cmp(&requests[a].priority)
            .then(a.cmp(&b))
    });

    let mut result = vec![None; requests.len()];
    let mut placed: Vec<Rect> = Vec::new();
    for index in order {
        let request = &requests[index];
        if let Some(label) = first_free_slot(request, &marks, &placed, options) {
            placed.push(label.rect);
            result[index] = Some(label);
        }
    }
    result
}

/// The first candidate slot of `request` that breaks no rule, if any.
fn first_free_slot(
    request: &LabelRequest,
    marks: &[Circle],
    placed: &[Rect],
    options: &PlacementOptions,
) -> Option<PlacedLabel> {
    // Written positively so NaN sizes and positions fail the test.
    let valid = request.width >= 0.0
        && request.height >= 0.0
        && request.anchor.x.is_finite()
        && request.anchor.y.is_finite();
    if !valid {
        return None;
    }
    let candidates: &[Slot] = if request.candidates.is_empty() {
        &Slot::DEFAULT_ORDER
    } else {
        &request.candidates
    };
    let half_pad = options.padding.max(0.0) / 2.0;
    candidates.iter().find_map(|&slot| {
        let rect = slot.rect(
            request.anchor,
            request.mark_radius,
            options.gap,
            request.width,
            request.height,
        );
        let inside = options.bounds.is_none_or(|b| b.contains_rect(&rect));
        let padded = rect.inflate(half_pad);
        let clear = inside
            && !marks.iter().any(|mark| rect.intersects_circle(mark))
            && !placed
                .iter()
                .any(|other| other.inflate(half_pad).overlaps(&padded));
        clear.then_some(PlacedLabel { slot, rect })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f64, y: f64, w: f64, priority: f64) -> LabelRequest {
        LabelRequest {
            anchor: Point::new(x, y),
            mark_radius: 4.0,
            width: w,
            height: 12.0,
            priority,
            candidates: Vec::new(),
        }
    }

    /// Checks every guarantee of [`place_labels`] on a result.
    fn assert_valid(
        requests: &[LabelRequest],
        obstacles: &[Circle],
        options: &PlacementOptions,
        placed: &[Option<PlacedLabel>],
    ) {
        let shown: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert!(!a.overlaps(b), "labels overlap: {a:?} {b:?}");
            }
            for req in requests {
                let mark = Circle {
                    center: req.anchor,
                    r: req.mark_radius,
                };
                assert!(
                    !a.intersects_circle(&mark),
                    "label {a:?} covers mark {mark:?}"
                );
            }
            for obstacle in obstacles {
                assert!(!a.intersects_circle(obstacle));
            }
            if let Some(bounds) = options.bounds {
                assert!(bounds.contains_rect(a));
            }
        }
    }

    #[test]
    fn a_lone_label_goes_right_of_its_mark() {
        let requests = [request(100.0, 100.0, 40.0, 1.0)];
        let placed = place_labels(&requests, &[], &PlacementOptions::default());
        let label = placed[0].unwrap();
        assert_eq!(label.slot, Slot::Right);
        assert_eq!(label.rect, Rect::new(107.0, 94.0, 40.0, 12.0));
        assert_eq!(label.text_position(), Point::new(107.0, 100.0));
    }

    #[test]
    fn a_neighbour_on_the_right_pushes_the_label_left() {
        // B's mark sits where A's right label would go.
        let requests = [
            request(100.0, 100.0, 40.0, 1.0),
            request(125.0, 100.0, 10.0, 0.0),
        ];
        let options = PlacementOptions::default();
        let placed = place_labels(&requests, &[], &options);
        assert_eq!(placed[0].unwrap().slot, Slot::Left);
        assert_eq!(placed[0].unwrap().text_position().x, 93.0);
        assert_valid(&requests, &[], &options, &placed);
    }

    #[test]
    fn higher_priority_wins_the_contested_spot() {
        // Two identical anchors: only one label fits per slot; with all slots contested by
        // a wall of obstacles, just one can be shown, and it must be the important one.
        let wall: Vec<Circle> = [Slot::Left, Slot::Above, Slot::Below]
            .iter()
            .map(|slot| {
                slot.rect(Point::new(0.0, 0.0), 4.0, 3.0, 40.0, 12.0)
                    .center()
            })
            .map(|c| Circle { center: c, r: 3.0 })
            .collect();
        let mut low = request(0.0, 0.0, 40.0, 1.0);
        low.mark_radius = 0.0;
        low.candidates = vec![Slot::Right, Slot::Left, Slot::Above, Slot::Below];
        let mut high = low.clone();
        high.priority = 5.0;
        let requests = [low, high];
        let placed = place_labels(&requests, &wall, &PlacementOptions::default());
        assert!(placed[0].is_none(), "the low-priority label is hidden");
        assert_eq!(placed[1].unwrap().slot, Slot::Right);
    }

    #[test]
    fn equal_priority_goes_to_the_earlier_request() {
        let mut a = request(0.0, 0.0, 40.0, 1.0);
        a.candidates = vec![Slot::Right];
        a.mark_radius = 0.0;
        let b = a.clone();
        let placed = place_labels(&[a, b], &[], &PlacementOptions::default());
        assert!(placed[0].is_some());
        assert!(placed[1].is_none());
    }

    #[test]
    fn bounds_are_respected() {
        let options = PlacementOptions {
            bounds: Some(Rect::new(0.0, 0.0, 200.0, 100.0)),
            ..PlacementOptions::default()
        };
        // Near the right edge: Right does not fit, so Left.
        let placed = place_labels(&[request(190.0, 50.0, 40.0, 1.0)], &[], &options);
        assert_eq!(placed[0].unwrap().slot, Slot::Left);
        // Too wide for the viewport whichever side: hidden.
        let placed = place_labels(&[request(100.0, 50.0, 500.0, 1.0)], &[], &options);
        assert!(placed[0].is_none());
    }

    #[test]
    fn obstacles_and_padding_are_honoured() {
        let options = PlacementOptions {
            padding: 10.0,
            ..PlacementOptions::default()
        };
        let mut a = request(0.0, 0.0, 40.0, 2.0);
        a.candidates = vec![Slot::Right];
        // A second label whose Right slot would be 6 px below the first: too close with 10 px
        // padding even though the boxes do not touch.
        let mut b = request(0.0, 18.0, 40.0, 1.0);
        b.candidates = vec![Slot::Right];
        let placed = place_labels(&[a.clone(), b.clone()], &[], &options);
        assert!(placed[0].is_some() && placed[1].is_none());
        let placed = place_labels(&[a, b], &[], &PlacementOptions::default());
        assert!(placed[1].is_some(), "fits with the default padding");

        let obstacle = Circle::new(30.0, 0.0, 2.0);
        let placed = place_labels(
            &[request(0.0, 0.0, 40.0, 1.0)],
            &[obstacle],
            &PlacementOptions::default(),
        );
        assert_ne!(placed[0].unwrap().slot, Slot::Right);
    }

    #[test]
    fn invalid_requests_are_hidden_not_panicking() {
        let placed = place_labels(
            &[
                request(f64::NAN, 0.0, 10.0, 1.0),
                request(0.0, 0.0, -1.0, f64::NAN),
            ],
            &[],
            &PlacementOptions::default(),
        );
        assert_eq!(placed, [None, None]);
    }

    #[test]
    fn slot_geometry_keeps_clear_of_the_own_mark() {
        let anchor = Point::new(50.0, 50.0);
        let mark = Circle {
            center: anchor,
            r: 8.0,
        };
        for slot in Slot::DEFAULT_ORDER {
            let rect = slot.rect(anchor, 8.0, 0.5, 30.0, 10.0);
            assert!(!rect.intersects_circle(&mark), "{slot:?}");
        }
        assert_eq!(Slot::Above.text_anchor(), "middle");
        assert_eq!(Slot::BelowLeft.text_anchor(), "end");
    }

    #[test]
    fn side_slots_sit_the_gap_away_from_the_mark_and_centred_on_it() {
        let (anchor, r, gap) = (Point::new(50.0, 40.0), 8.0, 0.5);
        let rect = |slot: Slot| slot.rect(anchor, r, gap, 30.0, 10.0);
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        let right = rect(Slot::Right);
        assert!(
            near(right.x, 58.5) && near(right.center().y, 40.0),
            "{right:?}"
        );
        let left = rect(Slot::Left);
        assert!(
            near(left.right(), 41.5) && near(left.center().y, 40.0),
            "{left:?}"
        );
        let above = rect(Slot::Above);
        assert!(
            near(above.bottom(), 31.5) && near(above.center().x, 50.0),
            "{above:?}"
        );
        let below = rect(Slot::Below);
        assert!(
            near(below.y, 48.5) && near(below.center().x, 50.0),
            "{below:?}"
        );
        // The diagonal slots touch the gap around the mark's 45° points.
        let d = r * std::f64::consts::FRAC_1_SQRT_2 + gap;
        let above_right = rect(Slot::AboveRight);
        assert!(near(above_right.x, 50.0 + d) && near(above_right.bottom(), 40.0 - d));
        let above_left = rect(Slot::AboveLeft);
        assert!(near(above_left.right(), 50.0 - d) && near(above_left.bottom(), 40.0 - d));
        let below_right = rect(Slot::BelowRight);
        assert!(near(below_right.x, 50.0 + d) && near(below_right.y, 40.0 + d));
        let below_left = rect(Slot::BelowLeft);
        assert!(near(below_left.right(), 50.0 - d) && near(below_left.y, 40.0 + d));
    }

    #[test]
    fn dense_random_scenes_are_overlap_free_and_deterministic() {
        let mut state: u64 = 42;
        let mut next = move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        };
        let options = PlacementOptions {
            bounds: Some(Rect::new(0.0, 0.0, 600.0, 400.0)),
            ..PlacementOptions::default()
        };
        for _ in 0..20 {
            let requests: Vec<LabelRequest> = (0..80)
                .map(|_| LabelRequest {
                    anchor: Point::new(next() * 600.0, next() * 400.0),
                    mark_radius: 2.0 + next() * 6.0,
                    width: 20.0 + next() * 60.0,
                    height: 12.0,
                    priority: (next() * 5.0).floor(),
                    candidates: Vec::new(),
                })
                .collect();
            let obstacles = [Circle::new(300.0, 200.0, 20.0)];
            let placed = place_labels(&requests, &obstacles, &options);
            assert_valid(&requests, &obstacles, &options, &placed);
            assert!(
                placed.iter().flatten().count() > 20,
                "most labels should fit"
            );
            assert_eq!(placed, place_labels(&requests, &obstacles, &options));
            // Priority matters: on average the top class is shown at least as often as the
            // bottom class.
            let share = |p: f64| {
                let class: Vec<_> = requests
                    .iter()
                    .zip(&placed)
                    .filter(|(r, _)| r.priority == p)
                    .collect();
                class.iter().filter(|(_, l)| l.is_some()).count() as f64 / class.len().max(1) as f64
            };
            assert!(share(4.0) >= share(0.0) - 0.25);
        }
    }
}
