//! The map view's own state — the viewport, the gestures in progress, the place list — and
//! how it follows the size of its frame and the app's selection. The component keeps one
//! `Model` outside Yew's render cycle (quick successive pointer events must each build on
//! the latest view, not on the one of the last render) and redraws when a method says so.

use super::controls::{self, MapCommand};
use super::fit;
use super::gesture::Gestures;
use super::place_list::PlaceList;
use super::{Preset, Viewport};
use crate::geo::LonLat;
use crate::query::Target;

/// The view before any selection, and after "Reset".
pub const HOME: Preset = Preset::World;

/// Size assumed until the frame has been measured, px.
pub const FALLBACK_SIZE: (f64, f64) = (560.0, 320.0);

#[derive(Clone, Debug)]
pub struct Model {
    pub view: Viewport,
    pub gestures: Gestures,
    pub list: PlaceList,
    /// False until the frame's size is known (the first fit must use the real size).
    measured: bool,
    /// The selection the view last framed or followed.
    followed: Option<Target>,
    /// The reader moved the map since the last selection: the next one only pans to its
    /// places if they are off screen, instead of framing them.
    moved_by_hand: bool,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            view: Viewport::preset(HOME, FALLBACK_SIZE.0, FALLBACK_SIZE.1),
            gestures: Gestures::default(),
            list: PlaceList::default(),
            measured: false,
            followed: None,
            moved_by_hand: false,
        }
    }
}

impl Model {
    /// The home view at the current size.
    pub fn home(&self) -> Viewport {
        Viewport::preset(HOME, self.view.width, self.view.height)
    }

    /// A zoom, pan or reset command from a key or a button.
    pub fn command(&mut self, command: MapCommand) {
        self.moved(controls::apply(command, self.view, self.home()));
    }

    /// The reader moved the map (drag, wheel, pinch, keys, buttons, presets).
    pub fn moved(&mut self, view: Viewport) {
        self.view = view;
        self.moved_by_hand = true;
    }

    /// After a render at frame `size` with `selection`: on the first real size, frame the
    /// selection of a deep link (or show home); on a resize, keep the centre and zoom; on a
    /// new selection, frame its places (`points`) — or, right after the reader moved the
    /// map by hand, only pan to them if they are off screen. True when the view changed
    /// and must be redrawn. A zero size (the view hidden behind a phone tab) changes
    /// nothing.
    pub fn sync(
        &mut self,
        size: (f64, f64),
        selection: Option<Target>,
        points: impl Fn(Target) -> Vec<LonLat>,
    ) -> bool {
        let (w, h) = size;
        if w < 1.0 || h < 1.0 {
            return false;
        }
        let mut changed = false;
        if !self.measured {
            let framed = selection.map(&points).unwrap_or_default();
            self.view =
                fit::fit_places(&framed, w, h).unwrap_or_else(|| Viewport::preset(HOME, w, h));
            self.measured = true;
            self.followed = selection;
            changed = true;
        } else if (self.view.width - w).abs() >= 0.5 || (self.view.height - h).abs() >= 0.5 {
            self.view = self.view.resize(w, h);
            changed = true;
        }
        if self.followed != selection {
            self.followed = selection;
            let framed = selection.map(&points).unwrap_or_default();
            let next = if std::mem::take(&mut self.moved_by_hand) {
                fit::follow(&self.view, &framed)
            } else {
                fit::fit_places(&framed, w, h).filter(|next| *next != self.view)
            };
            if let Some(next) = next {
                self.view = next;
                changed = true;
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEOUL: LonLat = (126.98, 37.57);
    const DUSHANBE: LonLat = (68.78, 38.56);

    fn points_of(target: Target) -> Vec<LonLat> {
        match target {
            Target::Place(0) => vec![SEOUL],
            Target::Place(1) => vec![DUSHANBE],
            _ => Vec::new(),
        }
    }

    #[test]
    fn nothing_happens_until_the_frame_has_a_size() {
        let mut model = Model::default();
        let before = model.view;
        assert!(!model.sync((0.0, 0.0), Some(Target::Place(0)), points_of));
        assert_eq!(model.view, before);
    }

    #[test]
    fn a_deep_link_is_framed_on_its_places_at_the_first_real_size() {
        let mut model = Model::default();
        assert!(model.sync((900.0, 600.0), Some(Target::Place(0)), points_of));
        assert_eq!((model.view.width, model.view.height), (900.0, 600.0));
        assert!(fit::all_visible(&model.view, &[SEOUL]));
        assert!(model.view.zoom > Viewport::preset(HOME, 900.0, 600.0).zoom);
        // The same selection at the same size changes nothing more.
        assert!(!model.sync((900.0, 600.0), Some(Target::Place(0)), points_of));
    }

    #[test]
    fn without_a_selection_the_map_opens_at_home() {
        let mut model = Model::default();
        assert!(model.sync((900.0, 600.0), None, points_of));
        assert_eq!(model.view, Viewport::preset(HOME, 900.0, 600.0));
    }

    #[test]
    fn a_resize_keeps_the_view_and_fills_the_new_size() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of);
        let zoom = model.view.zoom;
        assert!(model.sync((1200.0, 700.0), Some(Target::Place(0)), points_of));
        assert_eq!((model.view.width, model.view.height), (1200.0, 700.0));
        assert!((model.view.zoom - zoom).abs() < 1e-9);
    }

    #[test]
    fn a_new_selection_frames_its_places() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), None, points_of);
        let world = model.view;
        assert!(model.sync((900.0, 600.0), Some(Target::Place(1)), points_of));
        assert!(fit::all_visible(&model.view, &[DUSHANBE]));
        assert!(
            model.view.zoom > world.zoom,
            "zoomed in from the world view"
        );
        assert_eq!(Some(model.view), fit::fit_places(&[DUSHANBE], 900.0, 600.0));
    }

    #[test]
    fn after_the_reader_moves_the_map_a_selection_only_pans_if_needed() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of);
        let home = model.home();
        model.moved(home);
        // The whole world is on screen: the reader's view stays.
        assert!(!model.sync((900.0, 600.0), Some(Target::Place(1)), points_of));
        assert_eq!(model.view, home);
        // The next selection frames again.
        assert!(model.sync((900.0, 600.0), Some(Target::Place(0)), points_of));
        assert!(model.view.zoom > home.zoom);
    }

    #[test]
    fn commands_use_the_home_view_at_the_current_size() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of);
        model.command(MapCommand::Reset);
        assert_eq!(model.view, Viewport::preset(HOME, 900.0, 600.0));
        let zoom = model.view.zoom;
        model.command(MapCommand::ZoomIn);
        assert!(model.view.zoom > zoom);
    }
}
