//! Schema types of the dataset file (`src/data/dataset.json`, described by
//! `dataset.schema.json`). Field names are the file's own; unknown fields are refused so
//! a typo in a hand edit is reported instead of silently dropped.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub meta: Meta,
    pub storylines: Vec<Storyline>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    #[serde(default)]
    pub lines: Vec<Line>,
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub source: SourceWork,
}

/// The article every record is traced to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceWork {
    pub publication: String,
    pub chapter: String,
    pub article: String,
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    pub period: String,
}

impl SourceWork {
    /// One line naming the article, used in exports and the footer. Parts a file read
    /// from another format does not know (author, chapter) are left out.
    pub fn citation(&self) -> String {
        let mut parts = Vec::new();
        if !self.author.is_empty() {
            parts.push(self.author.clone());
        }
        parts.push(format!("“{}”", self.article));
        if !self.chapter.is_empty() {
            parts.push(format!("{} chapter", self.chapter));
        }
        parts.push(format!("{} ({})", self.publication, self.period));
        parts.join(", ")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Storyline {
    pub id: String,
    pub title: String,
    pub context: String,
    pub tour: Vec<TourStep>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStep {
    pub event: String,
    pub narrative: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Person,
    State,
    Organisation,
    Media,
}

/// The timeline's lanes: which side of the story a state or organisation stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    China,
    Russia,
    Koreas,
    UsAllies,
    Multilateral,
    Other,
}

impl Side {
    pub const ALL: [Side; 6] = [
        Side::China,
        Side::Russia,
        Side::Koreas,
        Side::UsAllies,
        Side::Multilateral,
        Side::Other,
    ];

    /// The id as the file writes it, also used in CSS class names (`side-us-allies`).
    pub fn id(self) -> &'static str {
        match self {
            Side::China => "china",
            Side::Russia => "russia",
            Side::Koreas => "koreas",
            Side::UsAllies => "us-allies",
            Side::Multilateral => "multilateral",
            Side::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Side::China => "China",
            Side::Russia => "Russia",
            Side::Koreas => "The two Koreas",
            Side::UsAllies => "US and allies",
            Side::Multilateral => "Multilateral bodies",
            Side::Other => "Others",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// The title the article gives for 2010.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub kind: ActorKind,
    /// The state or organisation a person (or outlet) belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Required for states and organisations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    Capital,
    City,
    Island,
    Sea,
    Region,
    Facility,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Whether a line existed in the period the dataset covers. A pipeline the article names
/// but that was only built later is drawn dashed and named as not yet built.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineStatus {
    #[default]
    Existing,
    NotYetBuilt,
}

impl LineStatus {
    pub fn is_existing(&self) -> bool {
        *self == LineStatus::Existing
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    Pipeline,
    Boundary,
    Itinerary,
}

/// A line the story is about: a trip (`stops`, drawn as great-circle arcs) or a fixed
/// geometry (`points` as `[lon, lat]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    pub name: String,
    pub kind: LineKind,
    #[serde(default, skip_serializing_if = "LineStatus::is_existing")]
    pub status: LineStatus,
    #[serde(default)]
    pub directed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stops: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<[f64; 2]>,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Month,
    Approximate,
}

impl Precision {
    pub fn label(self) -> &'static str {
        match self {
            Precision::Day => "exact day",
            Precision::Month => "month only",
            Precision::Approximate => "approximate",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Meeting,
    PhoneCall,
    Visit,
    Statement,
    MilitaryAction,
    Exercise,
    Agreement,
    Summit,
    Vote,
    Economic,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 11] = [
        EventKind::Meeting,
        EventKind::PhoneCall,
        EventKind::Visit,
        EventKind::Statement,
        EventKind::MilitaryAction,
        EventKind::Exercise,
        EventKind::Agreement,
        EventKind::Summit,
        EventKind::Vote,
        EventKind::Economic,
        EventKind::Other,
    ];

    /// The id used in the file and in URLs (`kind=phone-call`).
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::PhoneCall => "phone-call",
            EventKind::Visit => "visit",
            EventKind::Statement => "statement",
            EventKind::MilitaryAction => "military-action",
            EventKind::Exercise => "exercise",
            EventKind::Agreement => "agreement",
            EventKind::Summit => "summit",
            EventKind::Vote => "vote",
            EventKind::Economic => "economic",
            EventKind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Meeting => "Meeting",
            EventKind::PhoneCall => "Phone call",
            EventKind::Visit => "Visit",
            EventKind::Statement => "Statement",
            EventKind::MilitaryAction => "Military action",
            EventKind::Exercise => "Exercise",
            EventKind::Agreement => "Agreement / deal",
            EventKind::Summit => "Summit",
            EventKind::Vote => "Vote",
            EventKind::Economic => "Market / economic",
            EventKind::Other => "Other",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Initiator,
    Counterpart,
    Participant,
    Speaker,
    Subject,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Initiator => "initiator",
            Role::Counterpart => "counterpart",
            Role::Participant => "participant",
            Role::Speaker => "speaker",
            Role::Subject => "subject",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub actor: String,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    pub measures: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub speaker: String,
    pub text: String,
}

/// Where in the article a record comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub section: String,
    /// 1-based paragraph within the section (the entry number in the chronology).
    pub paragraph: u32,
    /// A link to the source, where a file read from another format gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    InferredDate,
    Contradiction,
    Other,
}

impl NoteKind {
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::InferredDate => "Inferred date",
            NoteKind::Contradiction => "The article contradicts itself",
            NoteKind::Other => "Note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// Ids the event had before it was renamed (e.g. redated); links using them still
    /// open it, since event ids are a public contract.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_ids: Vec<String>,
    /// The event this one answers (a reaction to the shelling): the chronicle lists it
    /// after that event, whatever their dates alone would say (see `data::order`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    pub title: String,
    pub summary: String,
    /// `YYYY-MM-DD`; kept as text so a broken value is reported by validation with its
    /// record id instead of failing the whole parse.
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub precision: Precision,
    /// Local time of day `HH:MM`, where the article gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<PartOfDay>,
    /// Background outside the Oct–Dec 2010 quarter.
    #[serde(default)]
    pub context: bool,
    pub kind: EventKind,
    pub storylines: Vec<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    pub sources: Vec<SourceRef>,
    #[serde(default)]
    pub notes: Vec<Note>,
}
