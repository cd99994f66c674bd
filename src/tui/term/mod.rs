//! The terminal itself: what it can do (`detect`) and how it is set up for qari's layout or for
//! logical text (`detect_setup`), keys typed before the event reader started (`typed`), kitty's
//! reversal of right-to-left runs undone (`kitty`), rows written whole for a terminal that
//! lays them out itself (`rows`), taking it and giving it back (`terminal`),
//! and what is copied to its clipboard (`copy`). Nothing here knows the app or its screens.

pub mod copy;
pub mod detect;
mod detect_setup;
pub mod kitty;
mod rows;
pub(super) mod terminal;
pub mod typed;
