//! The search pipeline that `qari search` and the library's search share: the index of the
//! collection (when it has one) is brought up to date and narrows the collection to the
//! articles that match, and ranks them best first from what it keeps (see
//! [`crate::search::rank`]), so that no file is opened to rank. An index that another
//! connection holds is waited for; one found damaged in use is rebuilt once, never trusted
//! (see the index's `guard`); any other error is the search's. A collection without an index (the built-in one) has every article as a
//! candidate, to be scanned.

use std::path::{Path, PathBuf};

use super::index::{Ask, FileId, Index, IndexError, apply_changes, retry_busy};
use super::query::Query;
use super::rank::Score;
use crate::collection::{Collection, Entry, Origin, Progress, Skipped};
use crate::monitor::Answer;

/// The articles that may match a query.
#[derive(Debug)]
pub struct Found {
    /// Indices into the collection's entries: best first when a ranking was asked for and the
    /// index gave it (`exact`), else in collection order.
    pub entries: Vec<usize>,
    /// The score of each of `entries`, when a ranking was asked for and the index gave it;
    /// else empty.
    pub scores: Vec<Score>,
    /// The articles matched by the index: every one matches (the index answers by the rule).
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
    find_with(
        collection,
        query,
        index_file,
        None,
        progress,
        &Ask::default(),
    )
}

/// As [`find`], with what `ask` asks of the index: a ranking, and a way to stop. For a collection
/// that is a folder, the index is brought up to date with the folder on disk (the files
/// `monitor` says changed, or every file when none answers), not with the collection's
/// entries, which may be older than the files (the library's, as it last read them).
pub fn find_with(
    collection: &Collection,
    query: &Query,
    index_file: Option<&Path>,
    monitor: Option<&Monitoring>,
    progress: &Progress,
    ask: &Ask<'_>,
) -> Result<Found, IndexError> {
    let (Origin::Path(root), Some(file)) = (&collection.origin, index_file) else {
        return Ok(Found {
            entries: (0..collection.entries.len()).collect(),
            scores: Vec::new(),
            exact: false,
            rebuilt: None,
        });
    };
    let run = |mut index: Index| -> Result<Vec<(PathBuf, Score)>, IndexError> {
        if root.is_dir() {
            refresh(&mut index, root, monitor, progress)?;
        } else {
            index.update(collection, progress)?;
        }
        let found = index.search_with(query, ask, progress);
        // Closing unmaps the pages the search read (milliseconds): done on the side, not on
        // the way to the results.
        std::thread::spawn(move || drop(index));
        found
    };
    let seen = FileId::of(file);
    let (paths, rebuilt) = match retry_busy(|| Index::open(file).and_then(run)) {
        Ok(paths) => (paths, None),
        Err(e) if e.is_damaged() => (run(Index::rebuild(file, seen)?)?, Some(e)),
        Err(e) => return Err(e),
    };
    // Each match's entry, looked up by its path's bytes (hashing a Path parses its
    // components); best first as the index ranked them, or in collection order.
    let mut found: Vec<(usize, Score)> = paths
        .iter()
        .filter_map(|(p, s)| Some((collection.position(p.as_os_str().as_encoded_bytes())?, *s)))
        .collect();
    if !ask.rank {
        found.sort_unstable_by_key(|&(i, _)| i);
    }
    let (entries, scores) = found.into_iter().unzip();
    Ok(Found {
        entries,
        scores: if ask.rank { scores } else { Vec::new() },
        exact: true,
        rebuilt,
    })
}

/// How a search of a folder may use the file monitor ([`crate::monitor`]).
#[derive(Clone, Debug)]
pub struct Monitoring {
    /// Where the collection's monitor listens.
    pub socket: PathBuf,
    /// qari itself, to start a monitor when none answers and the collection is large enough;
    /// None: never start one.
    pub exe: Option<PathBuf>,
}

/// What a search of a folder found.
#[derive(Debug)]
pub struct FolderFound {
    /// The matching articles: best first when ranked, else sorted by path bytes (the
    /// collection's order).
    pub paths: Vec<PathBuf>,
    /// What the walk skipped, when it walked the folder.
    pub skipped: Vec<Skipped>,
    /// Files that could not be read when last looked at (they never match).
    pub unreadable: Vec<PathBuf>,
    /// Why the index was rebuilt, when it failed in use.
    pub rebuilt: Option<IndexError>,
}

/// The articles under the folder `root` (canonical) that match `query`, with the index at
/// `index_file`, without loading the collection: the monitor, when one answers, names the paths
/// that changed since the index last looked, and only those are looked at; otherwise every file
/// is (see [`crate::monitor`] for why that is exact).
pub fn find_in_folder(
    root: &Path,
    query: &Query,
    index_file: &Path,
    monitor: Option<&Monitoring>,
    progress: &Progress,
) -> Result<FolderFound, IndexError> {
    search_folder(root, query, index_file, monitor, progress, &Ask::default())
}

/// As [`find_in_folder`], the paths best first when `ask.rank` (see [`Index::search_with`]).
pub fn search_folder(
    root: &Path,
    query: &Query,
    index_file: &Path,
    monitor: Option<&Monitoring>,
    progress: &Progress,
    ask: &Ask<'_>,
) -> Result<FolderFound, IndexError> {
    let run = |index: &mut Index| -> Result<FolderFound, IndexError> {
        let skipped = refresh(index, root, monitor, progress)?;
        let paths = if ask.rank {
            let found = index.search_with(query, ask, progress)?;
            found.into_iter().map(|(path, _)| path).collect()
        } else {
            index.search(query)?
        };
        Ok(FolderFound {
            paths,
            skipped,
            unreadable: index.unreadable()?,
            rebuilt: None,
        })
    };
    let seen = FileId::of(index_file);
    match retry_busy(|| Index::open(index_file).and_then(|mut index| run(&mut index))) {
        Ok(found) => Ok(found),
        Err(e) if e.is_damaged() => {
            let mut found = run(&mut Index::rebuild(index_file, seen)?)?;
            found.rebuilt = Some(e);
            Ok(found)
        }
        Err(e) => Err(e),
    }
}

/// Brings the index up to date with the folder, by the monitor's answer or by a walk; what the
/// walk skipped. All under the index's writer lock: the list of files to look at must be no
/// older than the catalog the update writes over.
fn refresh(
    index: &mut Index,
    root: &Path,
    monitor: Option<&Monitoring>,
    progress: &Progress,
) -> Result<Vec<Skipped>, IndexError> {
    index.lock_writer()?;
    let refreshed = refresh_locked(index, root, monitor, progress);
    index.unlock_writer();
    refreshed
}

fn refresh_locked(
    index: &mut Index,
    root: &Path,
    monitor: Option<&Monitoring>,
    progress: &Progress,
) -> Result<Vec<Skipped>, IndexError> {
    let mut started = false;
    // The token, and the catalog's generation, read before the catalog is.
    let (token, generation) = index.token()?;
    let answer = match monitor {
        Some(m) => {
            let asked = crate::monitor::ask(&m.socket, root, token);
            match (asked, &m.exe) {
                (None, Some(exe)) if index.len()? >= crate::monitor::MIN_FILES => {
                    started = true;
                    crate::monitor::start(exe, &m.socket, root)
                }
                (asked, _) => asked,
            }
        }
        None => None,
    };
    // The paths to look at again, or None: every file. A change to the root itself, or a path
    // the catalog (UTF-8) cannot hold, is every file too.
    let (token, changed) = match answer {
        Some(Answer::Changed { token, paths })
            if paths
                .iter()
                .all(|p| !p.as_os_str().is_empty() && p.to_str().is_some()) =>
        {
            (Some(token), Some(paths))
        }
        Some(Answer::Changed { token, .. } | Answer::Reset { token }) => (Some(token), None),
        None => (None, None),
    };
    let (files, skipped) = if let Some(paths) = changed {
        if paths.is_empty() && !index.has_racy()? {
            return Ok(Vec::new());
        }
        (apply_changes(root, index.files()?, &paths), Vec::new())
    } else {
        let (runs, skipped) = crate::collection::article_files(root);
        (runs.into_iter().flatten().collect(), skipped)
    };
    let count = files.len();
    let collection = Collection::new(
        Origin::Path(root.to_owned()),
        files.into_iter().map(Entry::stamped).collect(),
        Vec::new(),
    );
    index.update(&collection, progress)?;
    index.set_token(token, generation)?;
    // A large collection searched without a monitor gets one for its next search.
    if let (
        None,
        false,
        Some(Monitoring {
            socket,
            exe: Some(exe),
        }),
    ) = (token, started, monitor)
        && count >= crate::monitor::MIN_FILES
    {
        crate::monitor::spawn(exe, socket, root);
    }
    Ok(skipped)
}
