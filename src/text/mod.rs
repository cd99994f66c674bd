//! The bidi text engine: one paragraph of logical UTF-8 text in, visual lines out.
//!
//! The flow is [`Prepared::new`] (levels resolved once for the paragraph, Arabic shaped,
//! mirroring chosen, controls made visible, text cut into drawable units), then
//! [`Prepared::wrap`] (lines cut in logical order at break opportunities, on shaped widths), then
//! [`Prepared::visual`] for each line shown (L1-L2 on that line alone). Every drawn glyph keeps
//! the logical byte range it came from, so search hits, the paragraph cursor and bookmarks, all
//! byte offsets, land on the right cells. Nothing here knows about terminals.

mod bidi;
mod forms;
mod graphemes;
mod joining;
mod line;
mod options;
mod prepare;
mod print;
mod props;
mod reorder;
mod sanitize;
mod shape;
mod tables;
mod wrap;

pub use bidi::majority;
pub use graphemes::{cluster_starts, is_cluster_start};
pub use line::{Glyph, Line, LineScratch, VisualLine};
pub use options::{Direction, Options};
pub use prepare::{Prepared, Scratch, TAB_WIDTH, Unit};
pub use print::Output;
pub use props::{control_picture, mirror};
pub use reorder::{apply_l1, visual_order};
pub use sanitize::printable;
