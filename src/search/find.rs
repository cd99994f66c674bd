//! The search pipeline that `qari search` and the library's search share: the index of the
//! collection (when it has one) is brought up to date and narrows the collection to the
//! articles that match; an index that fails in use is rebuilt once, never trusted. A collection
//! without an index (the built-in one) has every article as a candidate, to be scanned.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::index::{Index, IndexError};
use super::query::Query;
use crate::collection::{Collection, Origin, Progress};

/// The articles that may match a query.
#[derive(Debug)]
pub struct Found {
    /// Indices into the collection's entries, in collection order.
    pub entries: Vec<usize>,
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
    let (Origin::Path(_), Some(file)) = (&collection.origin, index_file) else {
        return Ok(Found {
            entries: (0..collection.entries.len()).collect(),
            exact: false,
            rebuilt: None,
        });
    };
    let run = |mut index: Index| -> Result<Vec<PathBuf>, IndexError> {
        index.update(collection, progress)?;
        index.search(query)
    };
    let (paths, rebuilt) = match Index::open(file).and_then(run) {
        Ok(paths) => (paths, None),
        Err(e) => (run(Index::recreate(file)?)?, Some(e)),
    };
    // By bytes: hashing a Path parses its components, which costs more at 100,000 entries.
    let paths: HashSet<&[u8]> = paths
        .iter()
        .map(|p| p.as_os_str().as_encoded_bytes())
        .collect();
    Ok(Found {
        entries: (0..collection.entries.len())
            .filter(|&i| paths.contains(collection.entries[i].path.as_os_str().as_encoded_bytes()))
            .collect(),
        exact: true,
        rebuilt,
    })
}
