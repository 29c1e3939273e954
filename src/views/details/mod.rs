//! The Details panel's model: what the top of a selected event's details says (kind,
//! title, date, the steps to its neighbours, the summary), shared by the Yew component and
//! by the first frame the build writes for every event's deep link (`first_frame`), so
//! the two cannot drift apart.

pub mod first_frame;
pub mod heading;
