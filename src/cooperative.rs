//! Cooperative gestures: the map, the actor network and the timeline sit inside a column
//! that scrolls, so a wheel turn over one of them scrolls the column as it would anywhere
//! else, and zooms the view only when the reader asks for it — with Ctrl (⌘ on a Mac) held
//! (a trackpad pinch arrives that way too), or once the view is active: focused, or the
//! last press on the page was in it. An unmodified turn over an inactive view shows a
//! short hint saying how to zoom. Touch is not a wheel: one finger drags and two pinch
//! as before (the views' own gesture rooms).

/// How long the hint stays after the last wheel turn that showed it, in milliseconds.
pub const HINT_MS: u32 = 1600;

/// One wheel turn over a view, as the DOM reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WheelTurn {
    pub delta_x: f64,
    pub delta_y: f64,
    /// Ctrl or ⌘ held (a trackpad pinch is reported as Ctrl + wheel).
    pub zoom_key: bool,
}

/// Where the turn goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WheelRoute {
    /// To the view (its reducer zooms or pans); the page's scroll is cancelled.
    View,
    /// To the page, which scrolls as usual; `hint` asks the view to say how to zoom.
    Page { hint: bool },
}

/// Where a wheel turn over a view goes. `active`: the view has the focus or was the last
/// thing pressed. `pans_sideways`: the view moves along a sideways swipe (the timeline),
/// which no page scroll competes for.
pub fn route(turn: WheelTurn, active: bool, pans_sideways: bool) -> WheelRoute {
    let (dx, dy) = (finite(turn.delta_x), finite(turn.delta_y));
    if dx == 0.0 && dy == 0.0 {
        return WheelRoute::Page { hint: false };
    }
    if turn.zoom_key || active {
        return WheelRoute::View;
    }
    if dx.abs() > dy.abs() {
        return if pans_sideways {
            WheelRoute::View
        } else {
            WheelRoute::Page { hint: false }
        };
    }
    WheelRoute::Page { hint: true }
}

fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// The hint over `view` ("map", "network", "timeline"), with the key of the reader's
/// platform.
pub fn hint(view: &str, mac: bool) -> String {
    let key = if mac { "⌘" } else { "Ctrl" };
    format!("Hold {key} and scroll to zoom the {view}, or click it first")
}

/// Whether the browser's platform string names a Mac (or an iPad asking for desktop
/// pages), whose zoom key is ⌘.
pub fn is_mac(platform: &str) -> bool {
    ["Mac", "iPhone", "iPad"]
        .iter()
        .any(|name| platform.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(delta_x: f64, delta_y: f64, zoom_key: bool) -> WheelTurn {
        WheelTurn {
            delta_x,
            delta_y,
            zoom_key,
        }
    }

    #[test]
    fn a_plain_turn_over_an_inactive_view_scrolls_the_page_and_hints() {
        for sideways in [false, true] {
            assert_eq!(
                route(turn(0.0, 120.0, false), false, sideways),
                WheelRoute::Page { hint: true }
            );
            assert_eq!(
                route(turn(3.0, -40.0, false), false, sideways),
                WheelRoute::Page { hint: true }
            );
        }
    }

    #[test]
    fn ctrl_or_command_zooms_the_view() {
        for active in [false, true] {
            for sideways in [false, true] {
                assert_eq!(
                    route(turn(0.0, 120.0, true), active, sideways),
                    WheelRoute::View
                );
                assert_eq!(
                    route(turn(30.0, 1.0, true), active, sideways),
                    WheelRoute::View
                );
            }
        }
    }

    #[test]
    fn an_active_view_takes_every_turn() {
        assert_eq!(
            route(turn(0.0, 120.0, false), true, false),
            WheelRoute::View
        );
        assert_eq!(
            route(turn(-50.0, 2.0, false), true, false),
            WheelRoute::View
        );
        assert_eq!(route(turn(0.0, -3.0, false), true, true), WheelRoute::View);
    }

    #[test]
    fn a_sideways_swipe_pans_a_timeline_but_not_a_map() {
        assert_eq!(route(turn(80.0, 5.0, false), false, true), WheelRoute::View);
        assert_eq!(
            route(turn(80.0, 5.0, false), false, false),
            WheelRoute::Page { hint: false }
        );
        // Mostly down is a page scroll, even with a little sideways drift; so is a turn
        // exactly as far sideways as down.
        for dx in [40.0, 41.0] {
            assert_eq!(
                route(turn(dx, 41.0, false), false, true),
                WheelRoute::Page { hint: true }
            );
        }
    }

    #[test]
    fn an_empty_or_broken_turn_goes_to_the_page_quietly() {
        for active in [false, true] {
            assert_eq!(
                route(turn(0.0, 0.0, true), active, true),
                WheelRoute::Page { hint: false }
            );
            assert_eq!(
                route(turn(f64::NAN, f64::INFINITY, false), active, true),
                WheelRoute::Page { hint: false }
            );
        }
        assert_eq!(
            route(turn(f64::NAN, 10.0, false), false, false),
            WheelRoute::Page { hint: true }
        );
    }

    #[test]
    fn the_hint_names_the_platform_s_key() {
        assert_eq!(
            hint("map", false),
            "Hold Ctrl and scroll to zoom the map, or click it first"
        );
        assert_eq!(
            hint("timeline", true),
            "Hold ⌘ and scroll to zoom the timeline, or click it first"
        );
        assert!(is_mac("MacIntel"));
        assert!(is_mac("iPad"));
        assert!(!is_mac("Linux x86_64"));
        assert!(!is_mac("Win32"));
        assert!(!is_mac(""));
    }
}
