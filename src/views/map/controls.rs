//! What the map's keys, buttons and wheel do to the [`Viewport`], as pure decisions: the view
//! only forwards `KeyboardEvent.key` and wheel deltas here.

use super::viewport::{Preset, Viewport};

/// Zoom factor of one key press or button click.
pub const ZOOM_STEP: f64 = 1.5;

/// Distance an arrow key moves the map, px.
pub const PAN_STEP_PX: f64 = 64.0;

/// Wheel sensitivity: zoom factor = e^(−pixels × this). A notch of a mouse wheel (100 px)
/// zooms by ~1.28, a trackpad's small deltas zoom smoothly.
pub const WHEEL_RATE: f64 = 0.0025;

/// A map command from the keyboard or the toolbar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapCommand {
    ZoomIn,
    ZoomOut,
    /// Move the *view* by `(dx, dy)` px: positive x shows more of the east.
    Pan(f64, f64),
    /// Back to the home view.
    Reset,
    /// Close the open event list.
    Close,
}

/// The command for a key (`KeyboardEvent.key`), if the map handles it. Modified keys
/// (Ctrl/Cmd/Alt) are left to the browser (`Ctrl +` zooms the page).
pub fn key_command(key: &str, modified: bool) -> Option<MapCommand> {
    if modified {
        return None;
    }
    Some(match key {
        "+" | "=" | "Add" => MapCommand::ZoomIn,
        "-" | "_" | "Subtract" => MapCommand::ZoomOut,
        "ArrowLeft" => MapCommand::Pan(-PAN_STEP_PX, 0.0),
        "ArrowRight" => MapCommand::Pan(PAN_STEP_PX, 0.0),
        "ArrowUp" => MapCommand::Pan(0.0, -PAN_STEP_PX),
        "ArrowDown" => MapCommand::Pan(0.0, PAN_STEP_PX),
        "0" | "Home" => MapCommand::Reset,
        "Escape" => MapCommand::Close,
        _ => return None,
    })
}

/// The viewport after a command (`Close` does not move the map); `home` is the reset view.
pub fn apply(command: MapCommand, vp: Viewport, home: Viewport) -> Viewport {
    let centre = (vp.width / 2.0, vp.height / 2.0);
    match command {
        MapCommand::ZoomIn => vp.zoom_at(ZOOM_STEP, centre),
        MapCommand::ZoomOut => vp.zoom_at(1.0 / ZOOM_STEP, centre),
        // Showing more of the east means the map itself moves west (left).
        MapCommand::Pan(dx, dy) => vp.pan_by(-dx, -dy),
        MapCommand::Reset => home.resize(vp.width, vp.height),
        MapCommand::Close => vp,
    }
}

/// True when `view` shows `preset` (as after pressing its button), so the button can say so.
pub fn shows_preset(view: &Viewport, preset: Preset) -> bool {
    let target = Viewport::preset(preset, view.width, view.height);
    let (x0, y0) = view.map_to_screen(target.center);
    (view.zoom / target.zoom - 1.0).abs() < 0.01
        && (x0 - view.width / 2.0).abs() < 1.0
        && (y0 - view.height / 2.0).abs() < 1.0
}

/// `WheelEvent.deltaMode` values.
pub const DELTA_PIXEL: u32 = 0;
pub const DELTA_LINE: u32 = 1;
pub const DELTA_PAGE: u32 = 2;

/// Zoom factor for a wheel event: scrolling up (negative delta) zooms in. Deltas in lines
/// or pages are converted to pixels; one event never zooms by more than 2×.
pub fn wheel_factor(delta_y: f64, delta_mode: u32, page_height: f64) -> f64 {
    if !delta_y.is_finite() {
        return 1.0;
    }
    let pixels = match delta_mode {
        DELTA_LINE => delta_y * 16.0,
        DELTA_PAGE => delta_y * page_height.max(1.0),
        _ => delta_y,
    };
    (-pixels * WHEEL_RATE).exp().clamp(0.5, 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nea() -> Viewport {
        Viewport::preset(Preset::NortheastAsia, 800.0, 400.0)
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(key_command("+", false), Some(MapCommand::ZoomIn));
        assert_eq!(key_command("=", false), Some(MapCommand::ZoomIn));
        assert_eq!(key_command("-", false), Some(MapCommand::ZoomOut));
        assert_eq!(
            key_command("ArrowLeft", false),
            Some(MapCommand::Pan(-PAN_STEP_PX, 0.0))
        );
        assert_eq!(key_command("0", false), Some(MapCommand::Reset));
        assert_eq!(key_command("Escape", false), Some(MapCommand::Close));
        assert_eq!(key_command("+", true), None, "Ctrl + zooms the page");
        assert_eq!(key_command("a", false), None);
        assert_eq!(key_command("Enter", false), None);
    }

    #[test]
    fn zoom_commands_zoom_around_the_centre() {
        let vp = nea();
        let home = Viewport::new(800.0, 400.0);
        let zin = apply(MapCommand::ZoomIn, vp, home);
        assert!((zin.zoom / vp.zoom - ZOOM_STEP).abs() < 1e-9);
        assert!((zin.center.0 - vp.center.0).abs() < 1e-9);
        let zout = apply(MapCommand::ZoomOut, zin, home);
        assert!((zout.zoom - vp.zoom).abs() < 1e-9);
        assert_eq!(apply(MapCommand::Reset, zin, home), home);
        assert_eq!(apply(MapCommand::Close, zin, home), zin);
    }

    #[test]
    fn arrow_right_shows_more_of_the_east() {
        let vp = nea();
        let home = Viewport::new(800.0, 400.0);
        let right = apply(key_command("ArrowRight", false).unwrap(), vp, home);
        assert!(right.center.0 > vp.center.0);
        let (sx, _) = right.map_to_screen(vp.center);
        assert!((sx - (400.0 - PAN_STEP_PX)).abs() < 1e-9);
        let up = apply(key_command("ArrowUp", false).unwrap(), vp, home);
        assert!(up.center.1 < vp.center.1, "north is up");
    }

    #[test]
    fn knows_which_preset_is_shown() {
        let vp = nea();
        assert!(shows_preset(&vp, Preset::NortheastAsia));
        assert!(!shows_preset(&vp, Preset::KoreanPeninsula));
        assert!(!shows_preset(&vp.pan_by(5.0, 0.0), Preset::NortheastAsia));
        assert!(!shows_preset(
            &vp.zoom_at(1.1, (10.0, 10.0)),
            Preset::NortheastAsia
        ));
        assert!(shows_preset(&Viewport::new(800.0, 400.0), Preset::World));
    }

    #[test]
    fn wheel_up_zooms_in_and_is_bounded() {
        assert!(wheel_factor(-100.0, DELTA_PIXEL, 800.0) > 1.0);
        assert!(wheel_factor(100.0, DELTA_PIXEL, 800.0) < 1.0);
        assert!(
            (wheel_factor(-3.0, DELTA_LINE, 800.0) - wheel_factor(-48.0, DELTA_PIXEL, 800.0)).abs()
                < 1e-12
        );
        assert_eq!(wheel_factor(-1.0, DELTA_PAGE, 800.0), 2.0);
        assert_eq!(wheel_factor(1e6, DELTA_PIXEL, 800.0), 0.5);
        assert_eq!(wheel_factor(f64::NAN, DELTA_PIXEL, 800.0), 1.0);
        assert_eq!(wheel_factor(0.0, DELTA_PIXEL, 800.0), 1.0);
    }
}
