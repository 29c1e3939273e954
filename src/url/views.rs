//! The views' part of a link: what the reader set in each view that a colleague should see
//! too. One short parameter each, left out while it has its default value:
//!
//! | parameter | says | example |
//! |---|---|---|
//! | `map=<lat>,<lon>,<zoom>` | the map's centre (degrees, to 3 places) and zoom (1 = the whole world, up to 64; 2 places) | `map=38.5,126.125,9.5` |
//! | `colour=country` | what the map's marks are coloured by (`storyline` is the default) | |
//! | `span=<start>,<end>` | the timeline's visible range, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; an end without a time is the end of that day | `span=2010-11-20,2010-11-30` |
//! | `lanes=storylines` | the timeline's lanes (`sides` is the default) | |
//! | `net=table,ego` | the actors as a table, in ego mode (either or both; `network` is the default) | `net=ego` |
//! | `netview=<x>,<y>,<scale>` | the network drawing's centre (layout px) and scale (0.1 to 4) | `netview=310,-42.5,1.8` |
//! | `sort=[-]<column>` | the event list's order: `date`, `title`, `places`, `actors` or `storylines`, `-` for descending | `sort=-title` |
//!
//! The map's viewport, the visible range and the network's view are only in a link once the
//! reader has moved them; until then each view derives them (the selection framed, the
//! quarter, everything fitted) and a link does the same. Numbers are kept as integers at the
//! precision a link carries, so states compare exactly and `parse(format(s)) == s`.

use crate::data::Date;
use crate::numfmt::{push_digits, push_scaled};

/// Everything the views put in a link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub map: Option<MapAt>,
    pub colour: ColourBy,
    pub span: Option<Span>,
    pub lanes: LaneMode,
    pub actors: ActorsMode,
    pub network: Option<NetAt>,
    pub sort: Sort,
}

/// How the map's marks are coloured; the reader toggles it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ColourBy {
    #[default]
    Storyline,
    /// By the side (country or bloc) of the states and organisations taking part.
    Country,
}

impl ColourBy {
    pub const ALL: [ColourBy; 2] = [ColourBy::Storyline, ColourBy::Country];

    pub fn id(self) -> &'static str {
        match self {
            ColourBy::Storyline => "storyline",
            ColourBy::Country => "country",
        }
    }
}

/// How the timeline groups events into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneMode {
    #[default]
    Sides,
    Storylines,
}

impl LaneMode {
    pub const ALL: [LaneMode; 2] = [LaneMode::Sides, LaneMode::Storylines];

    pub fn id(self) -> &'static str {
        match self {
            LaneMode::Sides => "sides",
            LaneMode::Storylines => "storylines",
        }
    }
}

/// How the actors show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    #[default]
    Network,
    Table,
}

/// The actors view's mode and ego switch (`net=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ActorsMode {
    pub mode: Mode,
    /// Only the selected actor and those they dealt with.
    pub ego: bool,
}

/// A column of the event list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Date,
    Title,
    Places,
    Actors,
    Storylines,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Date,
        SortKey::Title,
        SortKey::Places,
        SortKey::Actors,
        SortKey::Storylines,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Places => "places",
            SortKey::Actors => "actors",
            SortKey::Storylines => "storylines",
        }
    }
}

/// The event list's order: a column and its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl Default for Sort {
    /// The chronology, earliest first.
    fn default() -> Self {
        Sort {
            key: SortKey::Date,
            ascending: true,
        }
    }
}

/// The map's centre and zoom, in thousandths of a degree and hundredths of the zoom factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MapAt {
    lat: i32,
    lon: i32,
    zoom: i32,
}

/// The zoom a map link can ask for: 1 shows the whole world.
pub const MAP_ZOOM: (f64, f64) = (1.0, 64.0);

impl MapAt {
    /// Rounded (to a thousandth of a degree, a hundredth of the zoom) and brought into
    /// range (latitude ±90°, longitude ±180°, [`MAP_ZOOM`]); a value that is not a number
    /// becomes 0° or zoom 1.
    pub fn new(lat: f64, lon: f64, zoom: f64) -> MapAt {
        MapAt {
            lat: scaled(lat, (-90.0, 90.0), 0.0, 1000.0) as i32,
            lon: scaled(lon, (-180.0, 180.0), 0.0, 1000.0) as i32,
            zoom: scaled(zoom, MAP_ZOOM, MAP_ZOOM.0, 100.0) as i32,
        }
    }

    pub fn lat(self) -> f64 {
        f64::from(self.lat) / 1000.0
    }

    pub fn lon(self) -> f64 {
        f64::from(self.lon) / 1000.0
    }

    pub fn zoom(self) -> f64 {
        f64::from(self.zoom) / 100.0
    }
}

/// The network drawing's centre (layout px, in tenths) and scale (in thousandths).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NetAt {
    x: i32,
    y: i32,
    scale: i32,
}

/// The scale a network link can ask for (screen px per layout px).
pub const NET_SCALE: (f64, f64) = (0.1, 4.0);
/// How far from the layout's origin a network link may point, layout px.
pub const NET_REACH: f64 = 100_000.0;

impl NetAt {
    /// Rounded to a tenth of a px and a thousandth of the scale, and brought into range
    /// (±[`NET_REACH`], [`NET_SCALE`]); a value that is not a number becomes 0 or scale 1.
    pub fn new(x: f64, y: f64, scale: f64) -> NetAt {
        let reach = (-NET_REACH, NET_REACH);
        NetAt {
            x: scaled(x, reach, 0.0, 10.0) as i32,
            y: scaled(y, reach, 0.0, 10.0) as i32,
            scale: scaled(scale, NET_SCALE, 1.0, 1000.0) as i32,
        }
    }

    pub fn x(self) -> f64 {
        f64::from(self.x) / 10.0
    }

    pub fn y(self) -> f64 {
        f64::from(self.y) / 10.0
    }

    pub fn scale(self) -> f64 {
        f64::from(self.scale) / 1000.0
    }
}

/// The timeline's visible range, `[start, end)` in minutes since 1970-01-01 00:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    start: i64,
    end: i64,
}

const MINUTES_PER_DAY: i64 = 1440;

impl Span {
    /// The range between two day numbers (fractional, as the timeline's scale keeps
    /// them), to the minute, within the years 0000–9999; `None` when it is empty or not a
    /// number.
    pub fn from_days(start: f64, end: f64) -> Option<Span> {
        let minutes = |day: f64| {
            let (first, last) = span_limits();
            let m = (day * MINUTES_PER_DAY as f64).round();
            m.is_finite().then(|| (m as i64).clamp(first, last))
        };
        let (start, end) = (minutes(start)?, minutes(end)?);
        (start < end).then_some(Span { start, end })
    }

    /// First day shown, as a fractional day number.
    pub fn start_day(self) -> f64 {
        self.start as f64 / MINUTES_PER_DAY as f64
    }

    /// End of the range (exclusive), as a fractional day number.
    pub fn end_day(self) -> f64 {
        self.end as f64 / MINUTES_PER_DAY as f64
    }
}

/// The first and last minute a span may use: 0000-01-01 00:00 and 10000-01-01 00:00.
fn span_limits() -> (i64, i64) {
    let day = |year| i64::from(Date::new(year, 1, 1).map_or(0, Date::to_days));
    (day(0) * MINUTES_PER_DAY, day(10_000) * MINUTES_PER_DAY)
}

/// `value` as an integer number of `1/unit`s, clamped to `range`; `fallback` when not a
/// number.
fn scaled(value: f64, range: (f64, f64), fallback: f64, unit: f64) -> i64 {
    let value = if value.is_finite() { value } else { fallback };
    (value.clamp(range.0, range.1) * unit).round() as i64
}

/// What reading a parameter gives: a message for the reader when part of it could not be
/// used as it was (the rest of it, if any, is applied).
type Read = Result<(), &'static str>;

/// The parameters the views put in a link.
const KEYS: [&str; 7] = ["map", "colour", "span", "lanes", "net", "netview", "sort"];

/// Reads one view parameter into `views`; `None` when `key` is not one of them. `value` is
/// already percent-decoded.
pub(super) fn parse_param(key: &str, value: &str, views: &mut ViewState) -> Option<Read> {
    KEYS.contains(&key).then(|| read(key, value.trim(), views))
}

fn read(key: &str, value: &str, views: &mut ViewState) -> Read {
    match key {
        "map" => {
            let [lat, lon, zoom] = numbers(value).ok_or("not latitude,longitude,zoom; ignored")?;
            views.map = Some(MapAt::new(lat, lon, zoom));
            let fits = within(lat, (-90.0, 90.0)) && within(lon, (-180.0, 180.0));
            in_range(
                fits && within(zoom, MAP_ZOOM),
                "out of range (zoom 1 to 64); brought into range",
            )
        }
        "netview" => {
            let [x, y, scale] = numbers(value).ok_or("not x,y,scale; ignored")?;
            views.network = Some(NetAt::new(x, y, scale));
            let reach = (-NET_REACH, NET_REACH);
            let fits = within(x, reach) && within(y, reach) && within(scale, NET_SCALE);
            in_range(fits, "out of range (scale 0.1 to 4); brought into range")
        }
        "span" => parse_span(value, &mut views.span),
        "colour" => {
            views.colour = find(&ColourBy::ALL, ColourBy::id, value)
                .ok_or("not a colouring (storyline or country); ignored")?;
            Ok(())
        }
        "lanes" => {
            views.lanes = find(&LaneMode::ALL, LaneMode::id, value)
                .ok_or("not a lane mode (sides or storylines); ignored")?;
            Ok(())
        }
        "sort" => {
            let column = value.strip_prefix('-');
            let key = find(&SortKey::ALL, SortKey::id, column.unwrap_or(value))
                .ok_or("not a column (date, title, places, actors, storylines); ignored")?;
            views.sort = Sort {
                key,
                ascending: column.is_none(),
            };
            Ok(())
        }
        "net" => {
            let mut read = Ok(());
            for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                match item {
                    "network" => views.actors.mode = Mode::Network,
                    "table" => views.actors.mode = Mode::Table,
                    "ego" => views.actors.ego = true,
                    _ => read = Err("not network, table or ego; the rest applies"),
                }
            }
            read
        }
        _ => Ok(()),
    }
}

fn in_range(fits: bool, message: &'static str) -> Read {
    if fits {
        Ok(())
    } else {
        Err(message)
    }
}

/// The span's two ends; a reversed range is swapped, an empty one ignored.
fn parse_span(value: &str, span: &mut Option<Span>) -> Read {
    let (start, end) = value
        .split_once(',')
        .and_then(|(a, b)| Some((instant(a.trim(), false)?, instant(b.trim(), true)?)))
        .ok_or("not two dates (YYYY-MM-DD, or YYYY-MM-DDTHH:MM); ignored")?;
    let (first, last) = (start.min(end), start.max(end));
    if first == last {
        return Err("the range is empty; ignored");
    }
    *span = Some(Span {
        start: first,
        end: last,
    });
    in_range(start == first, "ends before it starts; swapped")
}

/// `YYYY-MM-DD` (its start, or with `end_of_day` its end) or `YYYY-MM-DDTHH:MM`, in
/// minutes since 1970-01-01 00:00.
fn instant(text: &str, end_of_day: bool) -> Option<i64> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let day = i64::from(Date::parse(date)?.to_days());
    let minute = match time {
        None => MINUTES_PER_DAY * i64::from(end_of_day),
        Some(time) => {
            let (h, m) = time.split_once(':')?;
            let two_digits = |t: &str| {
                (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| t.parse::<i64>().ok())
                    .flatten()
            };
            let (h, m) = (two_digits(h)?, two_digits(m)?);
            if h > 23 || m > 59 {
                return None;
            }
            h * 60 + m
        }
    };
    Some(day * MINUTES_PER_DAY + minute)
}

/// Three plain decimal numbers separated by commas (`-12.5,3,0.75`): no signs but a
/// leading minus, no exponents, no words such as `inf`.
fn numbers(value: &str) -> Option<[f64; 3]> {
    let mut parts = value.split(',');
    let mut next = || {
        let part = parts.next()?.trim();
        let digits = part.strip_prefix('-').unwrap_or(part);
        let plain = digits.bytes().any(|b| b.is_ascii_digit())
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if plain {
            part.parse::<f64>().ok()
        } else {
            None
        }
    };
    let numbers = [next()?, next()?, next()?];
    parts.next().is_none().then_some(numbers)
}

fn within(value: f64, (low, high): (f64, f64)) -> bool {
    (low..=high).contains(&value)
}

fn find<T: Copy>(all: &[T], id: fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|&item| id(item) == text)
}

/// Appends `&key=value` to `out` for each parameter of `views` that differs from its
/// default, in their fixed order.
pub(super) fn format_params(views: &ViewState, out: &mut String) {
    if let Some(at) = views.map {
        decimals(param(out, "map"), [(at.lat, 3), (at.lon, 3), (at.zoom, 2)]);
    }
    if views.colour != ColourBy::default() {
        param(out, "colour").push_str(views.colour.id());
    }
    if let Some(span) = views.span {
        let out = param(out, "span");
        push_instant(out, span.start, false);
        out.push(',');
        push_instant(out, span.end, true);
    }
    if views.lanes != LaneMode::default() {
        param(out, "lanes").push_str(views.lanes.id());
    }
    let ActorsMode { mode, ego } = views.actors;
    let net = match (mode, ego) {
        (Mode::Network, false) => "",
        (Mode::Network, true) => "ego",
        (Mode::Table, false) => "table",
        (Mode::Table, true) => "table,ego",
    };
    if !net.is_empty() {
        param(out, "net").push_str(net);
    }
    if let Some(at) = views.network {
        decimals(param(out, "netview"), [(at.x, 1), (at.y, 1), (at.scale, 3)]);
    }
    if views.sort != Sort::default() {
        let out = param(out, "sort");
        if !views.sort.ascending {
            out.push('-');
        }
        out.push_str(views.sort.key.id());
    }
}

/// Starts the parameter `key`, ready for its value.
fn param<'a>(out: &'a mut String, key: &str) -> &'a mut String {
    out.push('&');
    out.push_str(key);
    out.push('=');
    out
}

/// Integers with their number of decimal places, written as decimals separated by commas.
fn decimals(out: &mut String, values: [(i32, u32); 3]) {
    for (i, (value, places)) in values.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_scaled(out, i64::from(value), places);
    }
}

/// A minute as `YYYY-MM-DD` when it starts a day, else `YYYY-MM-DDTHH:MM`; with `end` a
/// minute that starts a day is written as the day before it (the range's last day).
fn push_instant(out: &mut String, minutes: i64, end: bool) {
    let (day, minute) = (
        minutes.div_euclid(MINUTES_PER_DAY),
        minutes.rem_euclid(MINUTES_PER_DAY),
    );
    let midnight_end = end && minute == 0;
    let date = Date::from_days((day - i64::from(midnight_end)) as i32);
    out.push_str(&date.to_string());
    if minute != 0 {
        out.push('T');
        push_digits(out, (minute / 60) as u64, 2);
        out.push(':');
        push_digits(out, (minute % 60) as u64, 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{format, parse, UrlState};

    /// The views of `query` and the parts of it that were reported.
    fn read(query: &str) -> (ViewState, Vec<String>) {
        let (state, problems) = parse(&format!("/?{query}"));
        (state.views, problems.into_iter().map(|p| p.part).collect())
    }

    fn link(views: ViewState) -> String {
        format(&UrlState {
            views,
            ..UrlState::default()
        })
    }

    fn day(text: &str) -> f64 {
        f64::from(Date::parse(text).unwrap().to_days())
    }

    #[test]
    fn the_defaults_leave_the_link_as_it_was() {
        assert_eq!(link(ViewState::default()), "/");
        let (views, problems) = read("colour=storyline&lanes=sides&net=network&sort=date");
        assert_eq!(views, ViewState::default());
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn every_parameter_reads_back_in_a_fixed_order() {
        let text = "sort=-title&netview=310,-42.5,1.8&net=ego,table&lanes=storylines\
                    &span=2010-11-20,2010-11-30&colour=country&map=38.5,126.1,9.5";
        let (views, problems) = read(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(views.map, Some(MapAt::new(38.5, 126.1, 9.5)));
        assert_eq!(views.colour, ColourBy::Country);
        assert_eq!(views.lanes, LaneMode::Storylines);
        assert_eq!(
            views.actors,
            ActorsMode {
                mode: Mode::Table,
                ego: true
            }
        );
        assert_eq!(views.network, Some(NetAt::new(310.0, -42.5, 1.8)));
        assert_eq!(
            views.sort,
            Sort {
                key: SortKey::Title,
                ascending: false
            }
        );
        assert_eq!(
            link(views),
            "/?map=38.5,126.1,9.5&colour=country&span=2010-11-20,2010-11-30&lanes=storylines\
             &net=table,ego&netview=310,-42.5,1.8&sort=-title"
        );
    }

    #[test]
    fn a_map_view_keeps_thousandths_of_a_degree_and_hundredths_of_the_zoom() {
        let at = MapAt::new(37.5666, -0.0004, 2.999);
        assert_eq!((at.lat(), at.lon(), at.zoom()), (37.567, 0.0, 3.0));
        let at = MapAt::new(-12.3444, 179.9999, 63.991);
        assert_eq!((at.lat(), at.lon(), at.zoom()), (-12.344, 180.0, 63.99));
        assert_eq!(
            link(ViewState {
                map: Some(MapAt::new(-5.005, -120.5, 1.0)),
                ..ViewState::default()
            }),
            "/?map=-5.005,-120.5,1"
        );
    }

    #[test]
    fn an_out_of_range_map_view_is_brought_into_range_and_reported() {
        for (text, lat, lon, zoom) in [
            ("91,0,2", 90.0, 0.0, 2.0),
            ("-90.5,0,2", -90.0, 0.0, 2.0),
            ("0,181,2", 0.0, 180.0, 2.0),
            ("0,-200,2", 0.0, -180.0, 2.0),
            ("0,0,100", 0.0, 0.0, 64.0),
            ("0,0,0.5", 0.0, 0.0, 1.0),
            ("0,0,-3", 0.0, 0.0, 1.0),
        ] {
            let (views, problems) = read(&format!("map={text}"));
            let at = views.map.unwrap();
            assert_eq!((at.lat(), at.lon(), at.zoom()), (lat, lon, zoom), "{text}");
            assert_eq!(problems, vec![format!("map={text}")]);
        }
        // The limits themselves are in range.
        for text in ["90,180,64", "-90,-180,1"] {
            let (views, problems) = read(&format!("map={text}"));
            assert!(problems.is_empty(), "{text}: {problems:?}");
            assert_eq!(link(views), format!("/?map={text}"));
        }
        let (_, problems) = parse("/?map=0,0,100");
        assert!(problems[0].message.contains("zoom 1 to 64"), "{problems:?}");
    }

    #[test]
    fn a_value_that_is_not_a_number_falls_back() {
        let at = MapAt::new(f64::NAN, f64::INFINITY, f64::NAN);
        assert_eq!((at.lat(), at.lon(), at.zoom()), (0.0, 0.0, 1.0));
        let at = NetAt::new(f64::NAN, f64::NEG_INFINITY, f64::NAN);
        assert_eq!((at.x(), at.y(), at.scale()), (0.0, 0.0, 1.0));
    }

    #[test]
    fn a_malformed_map_view_is_ignored_and_reported() {
        for text in [
            "", "1,2", "1,2,3,4", "a,b,c", "1e3,0,1", "inf,0,1", "NaN,0,1", "%2B1,0,1", "1..2,0,1",
            "-,0,1", ".,0,1", "1,,2", "1;2;3",
        ] {
            let (views, problems) = read(&format!("map={text}&colour=country"));
            assert_eq!(views.map, None, "{text}");
            assert_eq!(views.colour, ColourBy::Country, "the rest still applies");
            assert_eq!(problems.len(), 1, "{text}");
            assert!(problems[0].starts_with("map="), "{problems:?}");
        }
        let (_, problems) = parse("/?map=north");
        assert_eq!(problems[0].message, "not latitude,longitude,zoom; ignored");
        // Spaces around the numbers (a `+` in a link) are fine; a huge number is out of range.
        assert_eq!(read("map=+1,+2,+3").0.map, Some(MapAt::new(1.0, 2.0, 3.0)));
        let huge = "9".repeat(400);
        let (views, problems) = read(&format!("map=0,0,{huge}"));
        assert_eq!(views.map.map(MapAt::zoom), Some(1.0));
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_network_view_keeps_tenths_and_its_scale_in_range() {
        let at = NetAt::new(12.34, -0.06, 0.12345);
        assert_eq!((at.x(), at.y(), at.scale()), (12.3, -0.1, 0.123));
        for (text, x, y, scale) in [
            ("0,0,9", 0.0, 0.0, 4.0),
            ("0,0,0.01", 0.0, 0.0, 0.1),
            ("200000,0,1", NET_REACH, 0.0, 1.0),
            ("0,-200000,1", 0.0, -NET_REACH, 1.0),
        ] {
            let (views, problems) = read(&format!("netview={text}"));
            let at = views.network.unwrap();
            assert_eq!((at.x(), at.y(), at.scale()), (x, y, scale), "{text}");
            assert_eq!(problems, vec![format!("netview={text}")]);
        }
        for text in ["100000,-100000,4", "0,0,0.1"] {
            let (views, problems) = read(&format!("netview={text}"));
            assert!(problems.is_empty(), "{text}: {problems:?}");
            assert_eq!(link(views), format!("/?netview={text}"));
        }
        let (views, problems) = read("netview=1,2");
        assert_eq!((views.network, problems.len()), (None, 1));
    }

    #[test]
    fn a_span_is_days_or_minutes() {
        let (views, problems) = read("span=2010-11-20,2010-11-30");
        assert!(problems.is_empty(), "{problems:?}");
        let span = views.span.unwrap();
        assert_eq!(span.start_day(), day("2010-11-20"));
        assert_eq!(
            span.end_day(),
            day("2010-12-01"),
            "the last day is included"
        );

        let (views, problems) = read("span=2010-11-20T06:30,2010-11-21T18:00");
        assert!(problems.is_empty(), "{problems:?}");
        let span = views.span.unwrap();
        assert_eq!(span.start_day(), day("2010-11-20") + 0.25 + 1.0 / 48.0);
        assert_eq!(span.end_day(), day("2010-11-21") + 0.75);
        assert_eq!(link(views), "/?span=2010-11-20T06:30,2010-11-21T18:00");
        // Midnight at the end is the day before's end.
        let (views, _) = read("span=2010-11-20T23:59,2010-11-22T00:00");
        assert_eq!(link(views), "/?span=2010-11-20T23:59,2010-11-21");
        // Before 1970 too.
        let (views, problems) = read("span=1969-12-31T23:00,1970-01-01");
        assert!(problems.is_empty());
        assert_eq!(views.span.unwrap().start_day(), -1.0 / 24.0);
        assert_eq!(link(views), "/?span=1969-12-31T23:00,1970-01-01");
    }

    #[test]
    fn a_reversed_span_is_swapped_and_an_empty_one_ignored() {
        let (views, problems) = read("span=2010-12-01,2010-11-20");
        assert_eq!(problems, vec!["span=2010-12-01,2010-11-20"]);
        let span = views.span.unwrap();
        // The end of 2010-11-20 to the start of 2010-12-01.
        assert_eq!(
            (span.start_day(), span.end_day()),
            (day("2010-11-21"), day("2010-12-01"))
        );
        let (_, problems) = parse("/?span=2010-12-01,2010-11-20");
        assert!(problems[0].message.contains("swapped"), "{problems:?}");

        let (views, problems) = read("span=2010-11-20,2010-11-19");
        assert_eq!(views.span, None);
        assert_eq!(problems.len(), 1);
        let (_, problems) = parse("/?span=2010-11-20,2010-11-19");
        assert!(problems[0].message.contains("empty"), "{problems:?}");
    }

    #[test]
    fn a_malformed_span_is_ignored_and_reported() {
        for text in [
            "2010-11-20",
            "2010-13-01,2010-12-01",
            "2010-11-20T24:00,2010-11-21",
            "2010-11-20T12:60,2010-11-21",
            "2010-11-20T1:00,2010-11-21",
            "2010-11-20T10-00,2010-11-21",
            "2010-11-20Tx1:00,2010-11-21",
            "2010-11-20,2010-11-21T10:000",
            "2010-11-20T,2010-11-21",
            "yesterday,today",
        ] {
            let (views, problems) = read(&format!("span={text}"));
            assert_eq!(views.span, None, "{text}");
            assert_eq!(problems, vec![format!("span={text}")], "{text}");
        }
        let (views, problems) = read("span=2010-11-20T23:59,2010-11-21T00:01");
        assert!(problems.is_empty(), "{problems:?}");
        let span = views.span.unwrap();
        assert_eq!(span.start_day(), day("2010-11-20") + 1439.0 / 1440.0);
        assert_eq!(span.end_day(), day("2010-11-21") + 1.0 / 1440.0);
    }

    #[test]
    fn a_span_from_the_timeline_is_kept_to_the_minute() {
        let start = day("2010-11-20");
        let span = Span::from_days(start + 0.3 / 1440.0, start + 2.0 + 0.6 / 1440.0).unwrap();
        assert_eq!(span.start_day(), start);
        assert_eq!(span.end_day(), start + 2.0 + 1.0 / 1440.0);
        assert_eq!(Span::from_days(start, start), None);
        assert_eq!(Span::from_days(start + 1.0, start), None);
        assert_eq!(Span::from_days(f64::NAN, start), None);
        assert_eq!(Span::from_days(start, f64::INFINITY), None);
        // Far outside the calendar a link can write, it is cut to the years 0000–9999.
        let all = Span::from_days(-1e12, 1e12).unwrap();
        assert_eq!(
            link(ViewState {
                span: Some(all),
                ..ViewState::default()
            }),
            "/?span=0000-01-01,9999-12-31"
        );
    }

    #[test]
    fn choices_are_read_by_their_ids() {
        let (views, problems) = read("colour=country&lanes=storylines&sort=places");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(views.colour, ColourBy::Country);
        assert_eq!(views.lanes, LaneMode::Storylines);
        assert_eq!(
            views.sort,
            Sort {
                key: SortKey::Places,
                ascending: true
            }
        );
        for (key, column) in [
            (SortKey::Date, "date"),
            (SortKey::Title, "title"),
            (SortKey::Places, "places"),
            (SortKey::Actors, "actors"),
            (SortKey::Storylines, "storylines"),
        ] {
            assert_eq!(key.id(), column);
            let sort = Sort {
                key,
                ascending: false,
            };
            assert_eq!(read(&format!("sort=-{column}")).0.sort, sort);
        }
        assert!(!read("sort=-date").0.sort.ascending);
        assert_eq!(link(read("sort=-date").0), "/?sort=-date");
    }

    #[test]
    fn an_unknown_choice_is_reported_and_the_default_kept() {
        for (text, message) in [
            (
                "colour=rainbow",
                "not a colouring (storyline or country); ignored",
            ),
            (
                "lanes=wide",
                "not a lane mode (sides or storylines); ignored",
            ),
            (
                "sort=--date",
                "not a column (date, title, places, actors, storylines); ignored",
            ),
        ] {
            let (state, problems) = parse(&format!("/?{text}"));
            assert_eq!(state.views, ViewState::default(), "{text}");
            assert_eq!(problems.len(), 1, "{text}");
            assert_eq!(problems[0].part, text);
            assert_eq!(problems[0].message, message);
        }
        let (views, problems) = read("sort=Title");
        assert_eq!((views.sort, problems.len()), (Sort::default(), 1));
    }

    #[test]
    fn the_actors_mode_is_a_list_of_switches() {
        let table = ActorsMode {
            mode: Mode::Table,
            ego: false,
        };
        assert_eq!(read("net=table").0.actors, table);
        assert_eq!(read("net=table,network").0.actors, ActorsMode::default());
        let (views, problems) = read("net=ego,,globe,3d");
        assert_eq!(
            views.actors,
            ActorsMode {
                mode: Mode::Network,
                ego: true
            }
        );
        assert_eq!(problems, vec!["net=ego,,globe,3d"]);
        let (_, problems) = parse("/?net=globe");
        assert_eq!(
            problems[0].message,
            "not network, table or ego; the rest applies"
        );
        assert!(read("net=").1.is_empty());
        assert_eq!(
            link(ViewState {
                actors: table,
                ..ViewState::default()
            }),
            "/?net=table"
        );
        assert_eq!(link(read("net=ego").0), "/?net=ego");
    }
}
