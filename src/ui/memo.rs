//! Memo keys that compare shared data by identity: cheap, and exact for data that is
//! replaced, never mutated, when it changes (the catalog, the shown events).

use std::rc::Rc;

/// An `Rc` that equals another only when both point to the same value.
pub struct ByPtr<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}
