//! How a view keeps its part of the link and its own state in step. A view's settings
//! change in two ways: the reader changes them in the view (the link must follow, replacing
//! the current history entry), or the link changes — a link opened fresh, back or forward —
//! and the view must follow. [`InLink`] remembers what the link said when last read and
//! what the view showed when last reported, and answers each side, once, with what the
//! other must now take.
//!
//! The two are kept apart because the link is read back later than the view reports: the
//! app writes a reported change to the address bar a moment after it, and a render in
//! between still reads the link as it was. That older link is not a change, so the view
//! keeps what the reader set.

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct InLink<T> {
    /// What the link said when last read.
    link: T,
    /// What the view showed when last reported, or was told to show.
    view: T,
}

impl<T: Clone + PartialEq> InLink<T> {
    /// The link now says `link`: what the view must show, when the link changed since it
    /// was last read and says something else than the view shows.
    pub fn read(&mut self, link: &T) -> Option<T> {
        if *link == self.link {
            return None;
        }
        self.link = link.clone();
        if *link == self.view {
            return None;
        }
        self.view = link.clone();
        Some(link.clone())
    }

    /// What the view shows, as last reported or told.
    pub fn shows(&self) -> &T {
        &self.view
    }

    /// The view now shows `shown`: what the link must say, when that changed.
    pub fn shown(&mut self, shown: T) -> Option<T> {
        if shown == self.view {
            return None;
        }
        self.view = shown.clone();
        Some(shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_changes_while_both_sides_keep_the_default() {
        let mut sync = InLink::<u8>::default();
        assert_eq!(sync.read(&0), None);
        assert_eq!(sync.shown(0), None);
    }

    #[test]
    fn a_link_opened_fresh_sets_the_view_once() {
        let mut sync = InLink::<u8>::default();
        assert_eq!(sync.read(&3), Some(3));
        assert_eq!(sync.read(&3), None, "read once");
        assert_eq!(*sync.shows(), 3);
        assert_eq!(sync.shown(3), None, "the view shows it: nothing to write");
    }

    #[test]
    fn what_the_view_cannot_show_is_written_back() {
        let mut sync = InLink::<u8>::default();
        assert_eq!(sync.read(&200), Some(200));
        // The view brought it into its range: the link must say what is shown.
        assert_eq!(sync.shown(100), Some(100));
        assert_eq!(sync.read(&100), None);
    }

    #[test]
    fn a_reader_change_is_written_and_not_undone_by_the_older_link() {
        let mut sync = InLink::<u8>::default();
        assert_eq!(sync.shown(5), Some(5));
        assert_eq!(sync.shown(5), None, "reported once");
        assert_eq!(*sync.shows(), 5);
        // A render before the address bar was written still reads the old link.
        assert_eq!(sync.read(&0), None);
        // The written link comes back: the view already shows it.
        assert_eq!(sync.read(&5), None);
    }

    #[test]
    fn back_and_forward_set_the_view_again() {
        let mut sync = InLink::<u8>::default();
        sync.shown(5);
        sync.read(&5);
        // Back to the entry before the change.
        assert_eq!(sync.read(&0), Some(0));
        assert_eq!(sync.shown(0), None);
        // Forward again.
        assert_eq!(sync.read(&5), Some(5));
    }

    #[test]
    fn a_link_that_says_what_the_view_already_shows_changes_nothing() {
        let mut sync = InLink::<u8>::default();
        sync.shown(7);
        assert_eq!(sync.read(&7), None);
        assert_eq!(sync.shown(7), None);
    }
}
