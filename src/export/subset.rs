//! The filtered events as a dataset in the app's own schema, so an export can be opened
//! again by the explorer (or edited) and still validates.

use crate::data::{Catalog, Dataset, Line, Storyline};

pub fn subset(catalog: &Catalog, shown: &[usize]) -> Dataset {
    let events: Vec<_> = shown.iter().map(|&e| catalog.events()[e].clone()).collect();
    let kept = |id: &str| events.iter().any(|e| e.id == id);
    let storylines = catalog
        .storylines()
        .iter()
        .map(|story| Storyline {
            tour: story
                .tour
                .iter()
                .filter(|s| kept(&s.event))
                .cloned()
                .collect(),
            ..story.clone()
        })
        .collect();
    let lines = catalog
        .dataset
        .lines
        .iter()
        .filter(|line| line.events.iter().any(|e| kept(e)))
        .map(|line| Line {
            events: line.events.iter().filter(|e| kept(e)).cloned().collect(),
            ..line.clone()
        })
        .collect();
    Dataset {
        schema: catalog.dataset.schema.clone(),
        meta: catalog.dataset.meta.clone(),
        storylines,
        actors: catalog.actors().to_vec(),
        places: catalog.places().to_vec(),
        lines,
        events,
    }
}
