//! The reader screen: an article laid out in a text column, paginated, with a paragraph cursor
//! in the margin. The cursor is a paragraph number; pages are computed from it, so a resize
//! re-flows the text and keeps the cursor's paragraph on screen. The state is `view.rs`;
//! `paging.rs` moves through it, `search.rs` finds in it, `update.rs` answers actions,
//! `draw.rs` draws it, `marks.rs` saves its bookmarks and notes.

mod draw;
pub mod marks;
mod paging;
mod search;
mod update;
mod view;

pub use view::ReaderView;
