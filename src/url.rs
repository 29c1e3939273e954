//! The deep-link codec: `#/event/<id>?from=…&story=…` ⇄ [`UrlState`]. Pure and total:
//! parsing never fails as a whole, it keeps what it understood and lists the rest as
//! [`UrlProblem`]s the app shows to the reader. Formatting is canonical (fixed parameter
//! order, sorted lists), so `format(parse(s))` is a fixed point and equal states share one
//! link.

mod compare;
mod layout;
mod views;

pub use compare::{parse_track, track_id, CompareLink, MAX_DAYS};
pub use layout::{Embed, Layout, Panel, Panels};

pub use views::{
    ActorsMode, ColourBy, LaneMode, MapAt, Mode, NetAt, Sort, SortKey, Span, ViewState, MAP_ZOOM,
    NET_SCALE,
};

use crate::data::validate::is_kebab_id;
use crate::data::Date;
use crate::query::Filters;

/// Which page of the app: the overview, or one item in the details panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Route {
    #[default]
    Overview,
    Event(String),
    Actor(String),
    Place(String),
}

/// The view a phone shows (`view=` in the link): narrow screens fit one view at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhoneTab {
    Map,
    Timeline,
    Actors,
    List,
}

impl PhoneTab {
    pub const ALL: [PhoneTab; 4] = [
        PhoneTab::Map,
        PhoneTab::Timeline,
        PhoneTab::Actors,
        PhoneTab::List,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PhoneTab::Map => "map",
            PhoneTab::Timeline => "timeline",
            PhoneTab::Actors => "actors",
            PhoneTab::List => "list",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PhoneTab::Map => "Map",
            PhoneTab::Timeline => "Timeline",
            PhoneTab::Actors => "Actors",
            PhoneTab::List => "Event list",
        }
    }

    pub fn from_id(id: &str) -> Option<PhoneTab> {
        PhoneTab::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// The shareable part of the app state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub route: Route,
    pub filters: Filters,
    pub view: Option<PhoneTab>,
    /// The guided tour being walked (a storyline id), if any.
    pub tour: Option<String>,
    /// What the reader set in the views: viewports, colouring, lanes, modes, order.
    pub views: ViewState,
    /// The view on stage and the folded side panels.
    pub layout: Layout,
    /// The compare mode, when it is on (`compare=`).
    pub compare: Option<CompareLink>,
    /// The reader's own dataset the link was made with (`data=<name>~<hash>`); `None`
    /// for the built-in chronicle.
    pub data: Option<DataRef>,
}

/// A dataset file named in a link: its file name and a fingerprint of its content
/// (`data::import::fingerprint`, 8 lowercase hex digits), so another reader's browser can
/// tell whether it holds the same file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DataRef {
    pub name: String,
    pub hash: String,
}

/// The longest file name kept in a link.
pub const MAX_DATA_NAME_CHARS: usize = 120;

impl DataRef {
    /// `name~hash`, or `None` unless the hash is 8 lowercase hex digits and the name is
    /// not blank (nor longer than [`MAX_DATA_NAME_CHARS`]).
    pub fn parse(value: &str) -> Option<DataRef> {
        let (name, hash) = value.rsplit_once('~')?;
        let hash_ok = hash.len() == 8
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let name_ok = !name.trim().is_empty() && name.chars().count() <= MAX_DATA_NAME_CHARS;
        (hash_ok && name_ok).then(|| DataRef {
            name: name.to_owned(),
            hash: hash.to_owned(),
        })
    }
}

/// Something in a link that was not understood; the rest of the link still applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlProblem {
    /// The piece of the link, e.g. `from=banana` or `/nope`.
    pub part: String,
    pub message: String,
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "“{}”: {}", self.part, self.message)
    }
}

/// The longest search text kept from a link; longer text is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;

/// Parses a fragment such as `#/event/2010-11-23-yeonpyeong-shelling?from=2010-11-01`
/// (the leading `#` and `/` are optional).
pub fn parse(fragment: &str) -> (UrlState, Vec<UrlProblem>) {
    let mut problems = Vec::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
    let mut state = UrlState {
        route: parse_path(path, &mut problems),
        ..UrlState::default()
    };
    parse_query(query, &mut state, &mut problems);
    (state, problems)
}

fn parse_path(path: &str, problems: &mut Vec<UrlProblem>) -> Route {
    let trimmed = path.trim_start_matches('/').trim_end_matches('/');
    if trimmed.is_empty() {
        return Route::Overview;
    }
    let mut segments = trimmed.split('/');
    let kind = segments.next().unwrap_or_default();
    let id = segments.next();
    let extra = segments.next().is_some();
    let what = match kind {
        "event" => "event",
        "actor" => "actor",
        "place" => "place",
        _ => {
            problems.push(UrlProblem {
                part: format!("/{}", shorten(&decode_lossy(trimmed))),
                message: "there is no such page; showing the overview".to_owned(),
            });
            return Route::Overview;
        }
    };
    let Some(raw_id) = id.filter(|id| !id.is_empty()) else {
        problems.push(UrlProblem {
            part: format!("/{kind}"),
            message: format!("the link names no {what}; showing the overview"),
        });
        return Route::Overview;
    };
    let decoded = percent_decode(raw_id);
    match decoded {
        Some(id) if is_kebab_id(&id) && !extra => match what {
            "event" => Route::Event(id),
            "actor" => Route::Actor(id),
            _ => Route::Place(id),
        },
        _ => {
            problems.push(UrlProblem {
                part: format!("/{kind}/{}", shorten(&decode_lossy(raw_id))),
                message: format!("this is not a valid {what} id; showing the overview"),
            });
            Route::Overview
        }
    }
}

fn parse_query(query: &str, state: &mut UrlState, problems: &mut Vec<UrlProblem>) {
    let filters = &mut state.filters;
    let mut compare = compare::Reading::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key).unwrap_or_default();
        if matches!(key.as_str(), "story" | "country" | "actor" | "kind") {
            // Lists are split before decoding, so one broken item spoils only itself.
            parse_list(&key, raw_value, filters, problems);
            continue;
        }
        let Some(value) = percent_decode(&raw_value.replace('+', " ")) else {
            problems.push(UrlProblem {
                part: shorten(&decode_lossy(pair)),
                message: "the value is not valid percent-encoded text; ignored".to_owned(),
            });
            continue;
        };
        let mut bad = |message: &str| {
            problems.push(UrlProblem {
                part: format!("{key}={}", shorten(&value)),
                message: message.to_owned(),
            })
        };
        match key.as_str() {
            "from" | "to" => match Date::parse(value.trim()) {
                Some(date) if key == "from" => filters.from = Some(date),
                Some(date) => filters.to = Some(date),
                None => bad("not a date (YYYY-MM-DD); the time window ignores it"),
            },
            "q" => filters.q = value.chars().take(MAX_QUERY_CHARS).collect(),
            "tour" if is_kebab_id(value.trim()) => state.tour = Some(value.trim().to_owned()),
            "tour" => bad("not a valid tour id; ignored"),
            "data" => match DataRef::parse(&value) {
                Some(data) => state.data = Some(data),
                None => {
                    bad("not a dataset (file name~8 hex digits); showing the built-in chronicle")
                }
            },
            "view" => match PhoneTab::from_id(value.trim()) {
                Some(focus) => state.view = Some(focus),
                None => bad("not a view (map, timeline, actors or list); ignored"),
            },
            key => match views::parse_param(key, &value, &mut state.views)
                .or_else(|| layout::parse_param(key, &value, &mut state.layout))
                .or_else(|| compare::parse_param(key, &value, &mut compare))
            {
                Some(Ok(())) => {}
                Some(Err(message)) => bad(message),
                None => problems.push(UrlProblem {
                    part: shorten(&decode_lossy(pair)),
                    message: "unknown parameter; ignored".to_owned(),
                }),
            },
        }
    }
    state.compare = compare.finish(problems);
    let filters = &mut state.filters;
    if let (Some(from), Some(to)) = (filters.from, filters.to) {
        if from > to {
            problems.push(UrlProblem {
                part: format!("from={from}&to={to}"),
                message: "the window ends before it starts; the dates were swapped".to_owned(),
            });
            filters.from = Some(to);
            filters.to = Some(from);
        }
    }
}

/// A comma-separated list of ids (`story=a,b`): valid ids are kept sorted and unique;
/// the others are reported together.
fn parse_list(key: &str, raw_value: &str, filters: &mut Filters, problems: &mut Vec<UrlProblem>) {
    let list = match key {
        "story" => &mut filters.stories,
        "country" => &mut filters.countries,
        "actor" => &mut filters.actors,
        _ => &mut filters.kinds,
    };
    let mut rejected = Vec::new();
    for raw_item in raw_value.split(',') {
        let item = percent_decode(&raw_item.replace('+', " "));
        match item.as_deref().map(str::trim) {
            Some("") => {}
            Some(id) if is_kebab_id(id) => list.push(id.to_owned()),
            Some(other) => rejected.push(other.to_owned()),
            None => rejected.push(decode_lossy(raw_item)),
        }
    }
    list.sort_unstable();
    list.dedup();
    if !rejected.is_empty() {
        problems.push(UrlProblem {
            part: format!("{key}={}", shorten(&rejected.join(","))),
            message: "not a valid id; ignored".to_owned(),
        });
    }
}

/// The canonical fragment (without `#`) for a state.
pub fn format(state: &UrlState) -> String {
    let mut out = match &state.route {
        Route::Overview => "/".to_owned(),
        Route::Event(id) => format!("/event/{}", percent_encode(id, false)),
        Route::Actor(id) => format!("/actor/{}", percent_encode(id, false)),
        Route::Place(id) => format!("/place/{}", percent_encode(id, false)),
    };
    let mut query = format_query(&state.filters, state.view, state.tour.as_deref());
    views::format_params(&state.views, &mut query);
    layout::format_params(&state.layout, &mut query);
    compare::format_params(state.compare.as_ref(), &mut query);
    if let Some(data) = &state.data {
        query.push_str(&format!(
            "&data={}~{}",
            percent_encode(&data.name, true),
            data.hash
        ));
    }
    if let Some(rest) = query.strip_prefix('&') {
        query = rest.to_owned();
    }
    if !query.is_empty() {
        out.push('?');
        out.push_str(&query);
    }
    out
}

/// The query part alone, e.g. `from=2010-12-09&to=2010-12-17&story=korea-crisis`.
pub fn format_query(filters: &Filters, view: Option<PhoneTab>, tour: Option<&str>) -> String {
    let mut params: Vec<String> = Vec::new();
    if let Some(from) = filters.from {
        params.push(format!("from={from}"));
    }
    if let Some(to) = filters.to {
        params.push(format!("to={to}"));
    }
    for (key, values) in [
        ("story", &filters.stories),
        ("country", &filters.countries),
        ("actor", &filters.actors),
        ("kind", &filters.kinds),
    ] {
        let mut sorted: Vec<&str> = values.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.dedup();
        if !sorted.is_empty() {
            let encoded: Vec<String> = sorted.iter().map(|v| percent_encode(v, true)).collect();
            params.push(format!("{key}={}", encoded.join(",")));
        }
    }
    if !filters.q.is_empty() {
        params.push(format!("q={}", percent_encode(&filters.q, true)));
    }
    if let Some(tour) = tour {
        params.push(format!("tour={}", percent_encode(tour, true)));
    }
    if let Some(view) = view {
        params.push(format!("view={}", view.id()));
    }
    params.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986). Inside a query value
/// a literal comma is encoded too, because commas separate list items.
pub fn percent_encode(text: &str, in_query: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~');
        if keep || (!in_query && byte == b',') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Best-effort decoding for messages: shows what the reader typed, escapes and all.
fn decode_lossy(text: &str) -> String {
    percent_decode(text).unwrap_or_else(|| text.to_owned())
}

/// Keeps messages short when a link carries something huge.
fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{cut}…")
    }
}
