//! Arabic-aware search: one normalisation for text and query ([`normalize`]), a query of terms
//! (white-space separated, or "quoted phrases"), and matching that reports every occurrence as
//! a range of original bytes. A paragraph or article matches when every term occurs in it.

mod find;
mod index;
mod normalize;
pub(crate) mod query;
pub mod rank;
mod scan;

pub use find::{FolderFound, Found, Monitoring, find, find_in_folder, find_with, search_folder};
pub use index::{Ask, Index, IndexError, RERANK, Updated, article_text};
pub use normalize::{Normalized, normalize};
pub use query::{Hit, Query, find_in};
pub use rank::{Features, Grade, Score, Scorer, Stats, best_first, lengths, rank_texts};
pub use scan::{ParagraphHits, article_hits, hits_in, scan, scan_entries};
