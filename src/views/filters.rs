//! The filter panel's model: which facets start unfolded. A folded facet's checkboxes are
//! made only once the reader opens it, so what starts folded costs the first load nothing.

use crate::query::Facet;

/// Whether `facet` starts unfolded. One with a value chosen (from a link, or by the reader)
/// always does, so a filter in force is never hidden. Otherwise a wide screen unfolds every
/// facet but the actors (most of the panel, and most readers never open it); a narrow one,
/// where the panel sits below the view and the details, folds them all: the panel stays a
/// short list of headings to scroll past, and its checkboxes stay off the first load.
pub fn starts_unfolded(facet: Facet, any_chosen: bool, narrow: bool) -> bool {
    any_chosen || (!narrow && facet != Facet::Actor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_screen_unfolds_every_facet_but_the_actors() {
        let unfolded: Vec<Facet> = Facet::ALL
            .into_iter()
            .filter(|&facet| starts_unfolded(facet, false, false))
            .collect();
        assert_eq!(unfolded, [Facet::Story, Facet::Country, Facet::Kind]);
    }

    #[test]
    fn a_narrow_screen_folds_every_facet() {
        assert!(Facet::ALL
            .into_iter()
            .all(|facet| !starts_unfolded(facet, false, true)));
    }

    #[test]
    fn a_facet_with_a_chosen_value_is_unfolded_on_any_screen() {
        for facet in Facet::ALL {
            assert!(
                starts_unfolded(facet, true, true),
                "{facet:?} on a narrow screen"
            );
            assert!(
                starts_unfolded(facet, true, false),
                "{facet:?} on a wide screen"
            );
        }
    }
}
