//! The compare mode's core against the embedded dataset: the answers the article gives.

use korea2010::data::{self, Catalog};
use korea2010::views::compare::periods::periods;
use korea2010::views::compare::relative::{place, Anchor, DayRange, Moment};
use korea2010::views::compare::summary::{first_act, first_contact, first_contact_line};
use korea2010::views::compare::{summary, Direction, Track, TrackKey};

fn setup() -> (Catalog, Anchor, [Track; 2]) {
    let catalog = data::load_embedded().unwrap();
    let anchor = Anchor::default_for(&catalog).unwrap();
    let [china, russia] = TrackKey::default_pair().map(|k| Track::build(&catalog, &k).unwrap());
    (catalog, anchor, [china, russia])
}

#[test]
fn scratch() {
    let (catalog, anchor, pair) = setup();
    println!("{}", summary(&catalog, &pair, &anchor, Some(10)));
    for t in &pair {
        println!("{:?}", first_act(&catalog, t, &anchor));
        for p in ["north-korea", "south-korea", "united-states"] {
            println!(
                "{}",
                first_contact_line(&catalog, t, &anchor, catalog.actor_index(p).unwrap())
            );
        }
        let pe = periods(&catalog, t, &anchor, Some(10));
        println!(
            "{:?} {:?} {:?} {:?}",
            pe.before, pe.after, pe.took_part_before, pe.took_part_after
        );
        println!(
            "appeared {} vanished {} kept {}",
            pe.ties.appeared.len(),
            pe.ties.vanished.len(),
            pe.ties.kept.len()
        );
    }
    for e in 0..catalog.events().len() {
        let p = place(&catalog, &anchor, e);
        if p.begins.lo.abs() < 3 {
            println!("{} {:?}", catalog.events()[e].id, p);
        }
    }
}
