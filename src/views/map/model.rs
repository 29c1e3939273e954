//! The map view's own state — the viewport, the gestures in progress, the place list — and
//! how it follows the size of its frame, the app's selection and the link. Once the reader
//! has moved the map (or a link set its viewport), the link carries its centre and zoom
//! (`map=`); until then a link leaves them to the selection, as the map does. The component
//! keeps one
//! `Model` outside Yew's render cycle (quick successive pointer events must each build on
//! the latest view, not on the one of the last render) and redraws when a method says so.

use super::controls::{self, MapCommand};
use super::fit;
use super::gesture::Gestures;
use super::place_list::PlaceList;
use super::{Preset, Viewport};
use crate::geo::LonLat;
use crate::query::Target;
use crate::url::MapAt;
use crate::views::in_link::InLink;

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
    /// The viewport is in the link: the reader moved the map, or a link set it.
    linked: bool,
    /// The viewport as the link and the map last agreed on it.
    in_link: InLink<Option<MapAt>>,
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
            linked: false,
            in_link: InLink::default(),
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
        self.linked = true;
    }

    /// The viewport as the link carries it: only once it is the reader's (or a link's).
    pub fn link(&self) -> Option<MapAt> {
        self.linked.then(|| self.view.link())
    }

    /// After a change: what the link must now say about the viewport, when that changed.
    pub fn link_change(&mut self) -> Option<Option<MapAt>> {
        let shown = self.link();
        self.in_link.shown(shown)
    }

    /// After a render at frame `size` with `selection` and the link's viewport `link`: a
    /// link that changed is shown as it says (without one, the selection is framed); on the
    /// first real size, frame the selection of a deep link (or show home); on a resize, keep
    /// the centre and zoom; on a new selection, frame its places (`points`) — or, right
    /// after the reader moved the map by hand, only pan to them if they are off screen.
    /// True when the view changed and must be redrawn. A zero size (the view hidden behind
    /// a phone tab) changes nothing.
    pub fn sync(
        &mut self,
        size: (f64, f64),
        selection: Option<Target>,
        points: impl Fn(Target) -> Vec<LonLat>,
        link: Option<MapAt>,
    ) -> bool {
        let (w, h) = size;
        if w < 1.0 || h < 1.0 {
            return false;
        }
        let mut changed = false;
        if let Some(at) = self.in_link.read(&link) {
            let framed = selection.map(&points).unwrap_or_default();
            self.view = match at {
                Some(at) => Viewport::from_link(at, w, h),
                None => {
                    fit::fit_places(&framed, w, h).unwrap_or_else(|| Viewport::preset(HOME, w, h))
                }
            };
            // A viewport from a link is the sender's choice: a selection pans to its places
            // only if they are off screen, as after a move by hand.
            self.linked = at.is_some();
            self.moved_by_hand = self.linked;
            self.measured = true;
            self.followed = selection;
            changed = true;
        }
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
        assert!(!model.sync((0.0, 0.0), Some(Target::Place(0)), points_of, None));
        assert_eq!(model.view, before);
        // A frame with a width but no height yet (or the other way round) is not a size.
        assert!(!model.sync((900.0, 0.0), Some(Target::Place(0)), points_of, None));
        assert!(!model.sync((0.0, 600.0), Some(Target::Place(0)), points_of, None));
        assert_eq!(model.view, before);
        assert!(model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None));
        // One pixel either way is already a size.
        assert!(Model::default().sync((1.0, 600.0), None, points_of, None));
        assert!(Model::default().sync((900.0, 1.0), None, points_of, None));
    }

    #[test]
    fn a_deep_link_is_framed_on_its_places_at_the_first_real_size() {
        let mut model = Model::default();
        assert!(model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None));
        assert_eq!((model.view.width, model.view.height), (900.0, 600.0));
        assert!(fit::all_visible(&model.view, &[SEOUL]));
        assert!(model.view.zoom > Viewport::preset(HOME, 900.0, 600.0).zoom);
        // The same selection at the same size changes nothing more.
        assert!(!model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None));
    }

    #[test]
    fn without_a_selection_the_map_opens_at_home() {
        let mut model = Model::default();
        assert!(model.sync((900.0, 600.0), None, points_of, None));
        assert_eq!(model.view, Viewport::preset(HOME, 900.0, 600.0));
    }

    #[test]
    fn a_resize_keeps_the_view_and_fills_the_new_size() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None);
        let zoom = model.view.zoom;
        assert!(model.sync((1200.0, 700.0), Some(Target::Place(0)), points_of, None));
        assert_eq!((model.view.width, model.view.height), (1200.0, 700.0));
        assert!((model.view.zoom - zoom).abs() < 1e-9);
        // A change of one side alone is a resize too.
        assert!(model.sync((1000.0, 700.0), Some(Target::Place(0)), points_of, None));
        assert_eq!((model.view.width, model.view.height), (1000.0, 700.0));
        assert!(model.sync((1000.0, 650.0), Some(Target::Place(0)), points_of, None));
        assert_eq!((model.view.width, model.view.height), (1000.0, 650.0));
    }

    #[test]
    fn a_new_selection_frames_its_places() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), None, points_of, None);
        let world = model.view;
        assert!(model.sync((900.0, 600.0), Some(Target::Place(1)), points_of, None));
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
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None);
        let home = model.home();
        model.moved(home);
        // The whole world is on screen: the reader's view stays.
        assert!(!model.sync((900.0, 600.0), Some(Target::Place(1)), points_of, None));
        assert_eq!(model.view, home);
        // The next selection frames again.
        assert!(model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None));
        assert!(model.view.zoom > home.zoom);
    }

    fn seoul_at_8() -> MapAt {
        MapAt::new(37.57, 126.98, 8.0)
    }

    #[test]
    fn a_links_viewport_is_shown_instead_of_framing_the_selection() {
        let mut model = Model::default();
        // Not before the frame has a size: then, at its first real size.
        assert!(!model.sync(
            (0.0, 0.0),
            Some(Target::Place(1)),
            points_of,
            Some(seoul_at_8())
        ));
        assert!(model.sync(
            (900.0, 600.0),
            Some(Target::Place(1)),
            points_of,
            Some(seoul_at_8())
        ));
        assert_eq!(model.view, Viewport::from_link(seoul_at_8(), 900.0, 600.0));
        assert_eq!(model.link(), Some(seoul_at_8()));
        assert_eq!(model.link_change(), None, "shown as the link says it");
        // Read once.
        assert!(!model.sync(
            (900.0, 600.0),
            Some(Target::Place(1)),
            points_of,
            Some(seoul_at_8())
        ));
    }

    #[test]
    fn after_a_links_viewport_a_selection_only_pans_if_needed() {
        let mut model = Model::default();
        let world = Viewport::preset(HOME, 900.0, 600.0).link();
        model.sync((900.0, 600.0), None, points_of, Some(world));
        assert!(!model.sync(
            (900.0, 600.0),
            Some(Target::Place(0)),
            points_of,
            Some(world)
        ));
        assert_eq!(model.link(), Some(world));
    }

    #[test]
    fn the_readers_moves_enter_the_link_and_later_moves_follow() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None);
        assert_eq!(
            model.link(),
            None,
            "framing a selection is the map's own doing"
        );
        assert_eq!(model.link_change(), None);
        let moved = model.view.zoom_at(2.0, (450.0, 300.0));
        model.moved(moved);
        assert_eq!(model.link_change(), Some(Some(moved.link())));
        assert_eq!(model.link_change(), None, "reported once");
        // A selection off screen is panned to, and the link follows.
        model.moved(model.view.zoom_to(40.0, (450.0, 300.0)));
        model.link_change();
        assert!(model.sync((900.0, 600.0), Some(Target::Place(1)), points_of, None));
        assert!(fit::all_visible(&model.view, &[DUSHANBE]));
        assert_eq!(model.link_change(), Some(Some(model.view.link())));
    }

    #[test]
    fn a_link_without_a_viewport_frames_the_selection_again() {
        let mut model = Model::default();
        model.sync(
            (900.0, 600.0),
            Some(Target::Place(0)),
            points_of,
            Some(seoul_at_8()),
        );
        assert!(model.sync((900.0, 600.0), Some(Target::Place(1)), points_of, None));
        assert_eq!(Some(model.view), fit::fit_places(&[DUSHANBE], 900.0, 600.0));
        assert_eq!(model.link(), None);
        assert_eq!(model.link_change(), None);
        // Without a selection, home.
        model.sync((900.0, 600.0), None, points_of, Some(seoul_at_8()));
        assert!(model.sync((900.0, 600.0), None, points_of, None));
        assert_eq!(model.view, model.home());
    }

    #[test]
    fn a_viewport_the_map_cannot_show_is_written_back_as_shown() {
        let mut model = Model::default();
        let pole = MapAt::new(89.0, 11.0, 1.0);
        model.sync((900.0, 600.0), None, points_of, Some(pole));
        assert_eq!(model.view, model.home());
        assert_eq!(model.link_change(), Some(Some(model.home().link())));
    }

    #[test]
    fn commands_use_the_home_view_at_the_current_size() {
        let mut model = Model::default();
        model.sync((900.0, 600.0), Some(Target::Place(0)), points_of, None);
        model.command(MapCommand::Reset);
        assert_eq!(model.view, Viewport::preset(HOME, 900.0, 600.0));
        let zoom = model.view.zoom;
        model.command(MapCommand::ZoomIn);
        assert!(model.view.zoom > zoom);
    }
}
