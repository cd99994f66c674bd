//! The search pipeline that `qari search` and the library's search share: the index of the
//! collection (when it has one) is brought up to date and narrows the collection to the
//! articles that match, and (for the library, which ranks them) scores each match from the
//! text it keeps, so that no file is opened to rank; an index that fails in use is rebuilt
//! once, never trusted. A collection without an index (the built-in one) has every article as a
//! candidate, to be scanned.

use std::path::{Path, PathBuf};

use super::index::{Ask, Index, IndexError};
use super::query::Query;
use super::rank::Score;
use crate::collection::{Collection, Origin, Progress};

/// The articles that may match a query.
#[derive(Debug)]
pub struct Found {
    /// Indices into the collection's entries, in collection order.
    pub entries: Vec<usize>,
    /// The score of each of `entries`, when asked for and the index gave them (`exact`);
    /// else empty.
    pub scores: Vec<Score>,
    /// The articles matched by the index: every candidate matches (the index checks the rule).
    /// False when there was no index and every article is a candidate.
    pub exact: bool,
    /// Why the index was rebuilt, when it failed in use.
    pub rebuilt: Option<IndexError>,
}

/// The candidates for `query` in `collection`, with the index at `index_file` if there is one.
pub fn find(
    collection: &Collection,
    query: &Query,
    index_file: Option<&Path>,
    progress: &Progress,
) -> Result<Found, IndexError> {
    find_with(collection, query, index_file, progress, &Ask::default())
}

/// As [`find`], with what `ask` asks of the index: scores, and a way to stop.
pub fn find_with(
    collection: &Collection,
    query: &Query,
    index_file: Option<&Path>,
    progress: &Progress,
    ask: &Ask<'_>,
) -> Result<Found, IndexError> {
    let (Origin::Path(_), Some(file)) = (&collection.origin, index_file) else {
        return Ok(Found {
            entries: (0..collection.entries.len()).collect(),
            scores: Vec::new(),
            exact: false,
            rebuilt: None,
        });
    };
    let run = |mut index: Index| -> Result<Vec<(PathBuf, Score)>, IndexError> {
        index.update(collection, progress)?;
        index.search_with(query, ask, progress)
    };
    let (paths, rebuilt) = match Index::open(file).and_then(run) {
        Ok(paths) => (paths, None),
        Err(e) => (run(Index::recreate(file)?)?, Some(e)),
    };
    // Each match's entry, looked up by its path's bytes (hashing a Path parses its
    // components), then in collection order.
    let mut found: Vec<(usize, Score)> = paths
        .iter()
        .filter_map(|(p, s)| Some((collection.position(p.as_os_str().as_encoded_bytes())?, *s)))
        .collect();
    found.sort_unstable_by_key(|&(i, _)| i);
    let (entries, scores) = found.into_iter().unzip();
    Ok(Found {
        entries,
        scores: if ask.scores { scores } else { Vec::new() },
        exact: true,
        rebuilt,
    })
}
