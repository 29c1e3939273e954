//! The filter algebra: OR within a facet, AND across facets, intersected with the time
//! window and the search words. Facet counts answer "how many events would this value
//! leave, given the other filters?".

use crate::data::catalog::Span;
use crate::data::{Catalog, Date, EventKind};

use super::search::{tokenize, SearchIndex};

/// An event lasting more than this many times a time window is background to it.
pub const BACKGROUND_FACTOR: i32 = 3;
/// ...and more than this many days: a week-long visit is never background.
pub const BACKGROUND_MIN_DAYS: i32 = 14;

/// Everything that narrows the set of events; the URL's query is its serialised form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub stories: Vec<String>,
    pub countries: Vec<String>,
    pub actors: Vec<String>,
    pub kinds: Vec<String>,
    pub q: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Story,
    Country,
    Actor,
    Kind,
}

impl Facet {
    pub const ALL: [Facet; 4] = [Facet::Story, Facet::Country, Facet::Actor, Facet::Kind];

    /// The URL parameter holding this facet.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Story => "story",
            Facet::Country => "country",
            Facet::Actor => "actor",
            Facet::Kind => "kind",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Story => "Storyline",
            Facet::Country => "Country / side",
            Facet::Actor => "Actor",
            Facet::Kind => "Kind of event",
        }
    }
}

/// One value of a facet with the number of events it would leave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub id: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// A value in a link that the dataset does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    pub param: &'static str,
    pub value: String,
}

impl Filters {
    pub fn values(&self, facet: Facet) -> &Vec<String> {
        match facet {
            Facet::Story => &self.stories,
            Facet::Country => &self.countries,
            Facet::Actor => &self.actors,
            Facet::Kind => &self.kinds,
        }
    }

    pub fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Story => &mut self.stories,
            Facet::Country => &mut self.countries,
            Facet::Actor => &mut self.actors,
            Facet::Kind => &mut self.kinds,
        }
    }

    /// Adds the value if absent, removes it if present; keeps the list sorted so equal
    /// filter sets have one URL.
    pub fn toggle(&mut self, facet: Facet, id: &str) {
        let values = self.values_mut(facet);
        match values.binary_search_by(|v| v.as_str().cmp(id)) {
            Ok(at) => {
                values.remove(at);
            }
            Err(at) => values.insert(at, id.to_owned()),
        }
    }

    /// Whether an event with days `span` only forms the background of the time window: it
    /// overlaps a closed window but lasts far longer ("about 2010" for the week after the
    /// shelling), so it did not happen *in* the window. Lists show such events after the
    /// others and counts give them apart. Without both ends of a window nothing is
    /// background.
    pub fn is_background(&self, span: Span) -> bool {
        let (Some(from), Some(to)) = (self.from, self.to) else {
            return false;
        };
        let window = (to.to_days() - from.to_days()).abs() + 1;
        let length = span.end - span.start + 1;
        span.overlaps(from.to_days(), to.to_days())
            && length > (BACKGROUND_FACTOR * window).max(BACKGROUND_MIN_DAYS)
    }

    /// Whether any filter at all is set.
    pub fn is_active(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || !self.q.trim().is_empty()
            || Facet::ALL.iter().any(|&f| !self.values(f).is_empty())
    }

    /// How many conditions apply: the time window counts once, the search once, each
    /// chosen facet value once.
    pub fn active_count(&self) -> usize {
        let window = usize::from(self.from.is_some() || self.to.is_some());
        let search = usize::from(!self.q.trim().is_empty());
        let values: usize = Facet::ALL.iter().map(|&f| self.values(f).len()).sum();
        window + search + values
    }

    /// Drops values the dataset does not know and returns them, so a link with a stale id
    /// still applies the rest.
    pub fn retain_known(&mut self, catalog: &Catalog) -> Vec<UnknownValue> {
        let mut unknown = Vec::new();
        for facet in Facet::ALL {
            let known = |id: &str| match facet {
                Facet::Story => catalog.storyline_index(id).is_some(),
                Facet::Country => catalog
                    .actor_index(id)
                    .is_some_and(|a| catalog.countries().contains(&a)),
                Facet::Actor => catalog.actor_index(id).is_some(),
                Facet::Kind => EventKind::from_id(id).is_some(),
            };
            let values = self.values_mut(facet);
            let (keep, drop): (Vec<String>, Vec<String>) = values.drain(..).partition(|v| known(v));
            *values = keep;
            unknown.extend(drop.into_iter().map(|value| UnknownValue {
                param: facet.param(),
                value,
            }));
        }
        unknown
    }
}

/// Filters resolved against one catalog, ready to test events quickly.
pub struct Matcher<'a> {
    catalog: &'a Catalog,
    search: &'a SearchIndex,
    from: i32,
    to: i32,
    stories: Vec<usize>,
    countries: Vec<usize>,
    actors: Vec<usize>,
    kinds: Vec<EventKind>,
    terms: Vec<String>,
    filters: &'a Filters,
}

impl<'a> Matcher<'a> {
    pub fn new(catalog: &'a Catalog, search: &'a SearchIndex, filters: &'a Filters) -> Matcher<'a> {
        let resolve = |ids: &[String], look: &dyn Fn(&str) -> Option<usize>| -> Vec<usize> {
            let mut found: Vec<usize> = ids.iter().filter_map(|id| look(id)).collect();
            found.sort_unstable();
            found
        };
        Matcher {
            catalog,
            search,
            from: filters.from.map_or(i32::MIN, Date::to_days),
            to: filters.to.map_or(i32::MAX, Date::to_days),
            stories: resolve(&filters.stories, &|id| catalog.storyline_index(id)),
            countries: resolve(&filters.countries, &|id| catalog.actor_index(id)),
            actors: resolve(&filters.actors, &|id| catalog.actor_index(id)),
            kinds: filters
                .kinds
                .iter()
                .filter_map(|k| EventKind::from_id(k))
                .collect(),
            terms: tokenize(&filters.q),
            filters,
        }
    }

    /// Whether event `e` passes every filter except, optionally, one facet.
    pub fn passes(&self, e: usize, except: Option<Facet>) -> bool {
        let event = &self.catalog.events()[e];
        let any = |wanted: &[usize], have: &[usize]| {
            wanted.is_empty() || have.iter().any(|h| wanted.binary_search(h).is_ok())
        };
        let facet_ok = |facet: Facet| {
            if except == Some(facet) || self.filters.values(facet).is_empty() {
                return true;
            }
            match facet {
                Facet::Story => event.storylines.iter().any(|s| {
                    self.catalog
                        .storyline_index(s)
                        .is_some_and(|i| self.stories.binary_search(&i).is_ok())
                }),
                Facet::Country => any(&self.countries, &self.catalog.event_countries[e]),
                Facet::Actor => any(&self.actors, &self.catalog.event_actors[e]),
                Facet::Kind => self.kinds.contains(&event.kind),
            }
        };
        self.catalog.spans[e].overlaps(self.from, self.to)
            && Facet::ALL.into_iter().all(facet_ok)
            && (self.terms.is_empty() || self.search.matches(self.catalog, e, &self.terms))
    }

    /// Indices of the events that pass every filter, in date order.
    pub fn filtered(&self) -> Vec<usize> {
        (0..self.catalog.events().len())
            .filter(|&e| self.passes(e, None))
            .collect()
    }

    /// Every value of `facet` with the count of events it would leave given the other
    /// filters. Values with no events in the whole dataset are not listed.
    pub fn facet_values(&self, facet: Facet) -> Vec<FacetValue> {
        let catalog = self.catalog;
        let (ids, labels): (Vec<String>, Vec<String>) = match facet {
            Facet::Story => catalog
                .storylines()
                .iter()
                .map(|s| (s.id.clone(), s.title.clone()))
                .unzip(),
            Facet::Country => catalog
                .countries()
                .into_iter()
                .map(|a| {
                    (
                        catalog.actors()[a].id.clone(),
                        catalog.actors()[a].name.clone(),
                    )
                })
                .unzip(),
            Facet::Actor => {
                let mut people: Vec<(String, String)> = catalog
                    .actors()
                    .iter()
                    .enumerate()
                    .filter(|(a, actor)| {
                        actor.kind == crate::data::ActorKind::Person
                            && !catalog.actor_events[*a].is_empty()
                    })
                    .map(|(_, actor)| (actor.id.clone(), actor.name.clone()))
                    .collect();
                crate::sorting::sort_by(&mut people, |a, b| a.1.cmp(&b.1));
                people.into_iter().unzip()
            }
            Facet::Kind => EventKind::ALL
                .iter()
                .map(|k| (k.id().to_owned(), k.label().to_owned()))
                .unzip(),
        };
        let mut counts = vec![0usize; ids.len()];
        let position: std::collections::HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        for e in 0..catalog.events().len() {
            if !self.passes(e, Some(facet)) {
                continue;
            }
            let event = &catalog.events()[e];
            let mut bump = |id: &str| {
                if let Some(&i) = position.get(id) {
                    counts[i] += 1;
                }
            };
            match facet {
                Facet::Story => event.storylines.iter().for_each(|s| bump(s)),
                // An actor's count is its events by the one rule every view uses
                // (`Target::lights`): a state's own and its people's.
                Facet::Country | Facet::Actor => super::target::counts_for(catalog, e)
                    .into_iter()
                    .for_each(|a| bump(&catalog.actors()[a].id)),
                Facet::Kind => bump(event.kind.id()),
            }
        }
        let selected = self.filters.values(facet);
        ids.into_iter()
            .zip(labels)
            .zip(counts)
            .filter(|((id, _), _)| {
                facet != Facet::Kind || catalog.events().iter().any(|e| e.kind.id() == id)
            })
            .map(|((id, label), count)| FacetValue {
                selected: selected.contains(&id),
                id,
                label,
                count,
            })
            .collect()
    }
}

/// The event `step` places before (negative) or after (positive) `current` among `shown`
/// (event indices in date order). When `current` is filtered out, stepping starts from
/// where it would be; with no current event, forward starts at the first and backward at
/// the last. Clamps at the ends.
pub fn step_through(shown: &[usize], current: Option<usize>, step: isize) -> Option<usize> {
    if shown.is_empty() {
        return None;
    }
    let last = shown.len() as isize - 1;
    let at = match current {
        Some(c) => match shown.binary_search(&c) {
            Ok(at) => at as isize + step,
            // `at` is where `c` would be inserted: the next shown event is at `at`.
            Err(at) if step > 0 => at as isize + step - 1,
            Err(at) => at as isize + step,
        },
        None if step < 0 => last,
        None => 0,
    };
    Some(shown[at.clamp(0, last) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_far_longer_than_a_closed_window_are_its_background() {
        let day = |text: &str| Date::parse(text).unwrap().to_days();
        let span = |from: &str, to: &str| Span {
            start: day(from),
            end: day(to),
        };
        let week = Filters {
            from: Date::parse("2010-11-23"),
            to: Date::parse("2010-11-30"),
            ..Filters::default()
        };
        assert!(week.is_background(span("2010-01-01", "2010-12-31")));
        assert!(week.is_background(span("2010-10-01", "2010-12-31")));
        assert!(!week.is_background(span("2010-11-23", "2010-11-27")));
        assert!(
            !week.is_background(span("2010-11-20", "2010-12-10")),
            "21 days < 3 weeks"
        );
        assert!(
            week.is_background(span("2010-11-20", "2010-12-20")),
            "31 days > 3 weeks"
        );
        // Outside the window it is not background but not shown either.
        assert!(!week.is_background(span("2009-01-01", "2009-12-31")));
        // A week-long visit in a two-day window is not background: at least 14 days.
        let two_days = Filters {
            from: Date::parse("2010-11-24"),
            to: Date::parse("2010-11-25"),
            ..Filters::default()
        };
        assert!(!two_days.is_background(span("2010-11-22", "2010-11-28")));
        // Open windows have no background.
        let open = Filters {
            from: Date::parse("2010-11-23"),
            ..Filters::default()
        };
        assert!(!open.is_background(span("2010-01-01", "2010-12-31")));
    }

    #[test]
    fn steps_within_the_shown_events_and_clamps() {
        let shown = [2, 5, 9];
        assert_eq!(step_through(&shown, Some(5), 1), Some(9));
        assert_eq!(step_through(&shown, Some(5), -1), Some(2));
        assert_eq!(step_through(&shown, Some(9), 1), Some(9));
        assert_eq!(step_through(&shown, Some(2), -1), Some(2));
        assert_eq!(step_through(&shown, None, 1), Some(2));
        assert_eq!(step_through(&shown, None, -1), Some(9));
        assert_eq!(step_through(&[], Some(1), 1), None);
    }

    #[test]
    fn steps_from_a_filtered_out_event_to_its_neighbours() {
        let shown = [2, 5, 9];
        assert_eq!(step_through(&shown, Some(6), 1), Some(9));
        assert_eq!(step_through(&shown, Some(6), -1), Some(5));
        assert_eq!(step_through(&shown, Some(0), -1), Some(2));
        assert_eq!(step_through(&shown, Some(10), 1), Some(9));
    }

    #[test]
    fn zero_steps_land_on_the_shown_event_at_or_after_the_current_one() {
        let shown = [2, 5, 9];
        assert_eq!(step_through(&shown, Some(5), 0), Some(5));
        assert_eq!(step_through(&shown, Some(6), 0), Some(9));
        assert_eq!(step_through(&shown, None, 0), Some(2));
    }

    #[test]
    fn toggling_keeps_values_sorted_and_unique() {
        let mut filters = Filters::default();
        filters.toggle(Facet::Story, "wen-visit");
        filters.toggle(Facet::Story, "korea-crisis");
        assert_eq!(filters.stories, vec!["korea-crisis", "wen-visit"]);
        filters.toggle(Facet::Story, "wen-visit");
        assert_eq!(filters.stories, vec!["korea-crisis"]);
        assert!(filters.is_active());
    }
}
