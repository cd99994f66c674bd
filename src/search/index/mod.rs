//! The persistent search index of a collection, one SQLite database in the XDG data folder. It
//! only makes search fast: every result is checked against the rule (each term a substring of
//! the article's normalised text), so results are exactly a scan's.
//!
//! What it keeps: trigram posting lists (`postings`, see [`postings`]) that narrow a query to
//! the articles holding every three-character piece of its terms; each article's normalised
//! text, compressed (`texts`, see [`codec`]), to check those candidates exactly; and the
//! catalog of files with their sizes, times, inodes and content hashes (see [`catalog`] and
//! `update`), to know what changed. Terms shorter than three characters, which trigrams cannot
//! narrow, are checked against every stored text. SQLite's own full-text index (FTS5) did this
//! before; building it took most of a first index's time and its lists were larger, and a
//! search needs none of its ranking or tokenising. A database that cannot be read, or of
//! another version, is deleted and rebuilt: it holds nothing that cannot be made again.

mod catalog;
mod codec;
mod postings;
mod update;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, OptionalExtension};

use self::catalog::FileRow;
use self::codec::Codec;
use super::normalize::normalize;
use super::query::Query;
use super::rank::{Score, Scorer};
use crate::collection::Progress;

/// Bump when the normalisation, the schema or the content hash changes: an index of another
/// version is rebuilt. 3: content hashes are FNV-1a ([`crate::hash`]), not std's DefaultHasher.
/// 4: trigram postings and compressed texts instead of FTS5; inodes and change times.
const VERSION: &str = "4";

/// Candidates checked per batch: one batch is read while the one before is checked (so two
/// batches' compressed texts are held in memory at once).
const BATCH: usize = 1024;

/// An index that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Damaged { path: PathBuf, reason: String },
}

/// What an update did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Updated {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
}

/// The index of one collection.
pub struct Index {
    conn: Connection,
    path: PathBuf,
    codec: Codec,
    /// The catalog as last read or written.
    catalog: Option<Vec<FileRow>>,
}

fn sqlite(path: &Path) -> impl Fn(rusqlite::Error) -> IndexError + '_ {
    move |source| IndexError::Sqlite {
        path: path.to_owned(),
        source,
    }
}

/// The normalised text of an article: title and paragraphs, one per line.
pub fn article_text(title: &str, paragraphs: &[String]) -> String {
    let mut out = normalize(title);
    for p in paragraphs {
        out.push('\n');
        out.push_str(&normalize(p));
    }
    out
}

impl Index {
    /// Opens (or creates) the index at `path`. A damaged or foreign file, or an index of
    /// another version, is deleted and a new index made in its place.
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        Self::try_open(path).or_else(|_| Self::recreate(path))
    }

    fn try_open(path: &Path) -> Result<Self, IndexError> {
        let conn = Connection::open(path).map_err(sqlite(path))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite(path))?;
        Self::init(conn, path.to_owned())
    }

    /// Deletes the database at `path` and makes a new, empty one: for an index that fails
    /// while in use (a damaged page), since it holds nothing that cannot be made again.
    pub fn recreate(path: &Path) -> Result<Self, IndexError> {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
        Self::try_open(path)
    }

    /// An index in memory (for the built-in collection and tests).
    pub fn in_memory() -> Result<Self, IndexError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(sqlite(&path))?;
        Self::init(conn, path)
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Self, IndexError> {
        let e = sqlite(&path);
        // Large pages suit large blobs; only a new database takes the size.
        conn.pragma_update(None, "page_size", 16384).map_err(&e)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(&e)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(&e)?;
        // Read pages in place rather than copied by a system call each.
        conn.pragma_update(None, "mmap_size", 1i64 << 32)
            .map_err(&e)?;
        let version: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
                r.get(0)
            })
            .optional()
            .or_else(|err| match err {
                // A new database: no meta table yet.
                rusqlite::Error::SqliteFailure(_, Some(ref m))
                    if m.starts_with("no such table") =>
                {
                    Ok(None)
                }
                other => Err(other),
            })
            .map_err(&e)?;
        match version.as_deref() {
            Some(VERSION) => {}
            None => conn
                .execute_batch(&format!(
                    "BEGIN;
                     CREATE TABLE meta(key TEXT PRIMARY KEY, value);
                     CREATE TABLE catalog(part INTEGER PRIMARY KEY, data BLOB NOT NULL);
                     CREATE TABLE texts(id INTEGER PRIMARY KEY, z BLOB NOT NULL);
                     CREATE TABLE postings(gram INTEGER NOT NULL, seg INTEGER NOT NULL,
                         ids BLOB NOT NULL, PRIMARY KEY (gram, seg)) WITHOUT ROWID;
                     CREATE TABLE segments(seg INTEGER PRIMARY KEY, count INTEGER NOT NULL);
                     INSERT INTO meta(key, value) VALUES ('version', '{VERSION}');
                     COMMIT;"
                ))
                .map_err(&e)?,
            Some(other) => {
                return Err(IndexError::Damaged {
                    path: path.clone(),
                    reason: format!("an index of version {other}"),
                });
            }
        }
        let dict: Option<Vec<u8>> = conn
            .query_row("SELECT value FROM meta WHERE key = 'dict'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&e)?;
        drop(e);
        Ok(Index {
            codec: Codec::new(dict.as_deref().unwrap_or_default()),
            conn,
            path,
            catalog: None,
        })
    }

    fn damaged(&self, reason: &str) -> IndexError {
        IndexError::Damaged {
            path: self.path.clone(),
            reason: reason.to_owned(),
        }
    }

    /// The catalog, read once.
    fn catalog(&mut self) -> Result<&Vec<FileRow>, IndexError> {
        if self.catalog.is_none() {
            let data: Option<Vec<u8>> = self
                .conn
                .query_row("SELECT data FROM catalog WHERE part = 0", [], |r| r.get(0))
                .optional()
                .map_err(sqlite(&self.path))?;
            let rows = match data {
                Some(bytes) => {
                    catalog::decode(&bytes).ok_or_else(|| self.damaged("a damaged catalog"))?
                }
                None => Vec::new(),
            };
            self.catalog = Some(rows);
        }
        Ok(self.catalog.get_or_insert_default())
    }

    /// The paths of the articles matching `query`, by the rule: every term a substring of the
    /// article's normalised text. Sorted.
    pub fn search(&mut self, query: &Query) -> Result<Vec<PathBuf>, IndexError> {
        let found = self.search_with(query, &Ask::default(), &Progress::default())?;
        let mut paths: Vec<PathBuf> = found.into_iter().map(|(path, _)| path).collect();
        paths.sort();
        Ok(paths)
    }

    /// As [`search`](Self::search), with what `ask` asks for: the paths in the catalog's
    /// order, each with its [`Score`] when `ask.scores` (else a default one). `progress`
    /// counts the candidates checked. Incomplete when `ask.cancel` was set.
    pub fn search_with(
        &mut self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(PathBuf, Score)>, IndexError> {
        let found = self.matching(query, ask, progress)?;
        let at = positions(found.iter().map(|&(id, _)| id));
        Ok(self
            .catalog()?
            .iter()
            .filter_map(|r| {
                let i = at.get(r.id as usize).copied().flatten()?;
                Some((PathBuf::from(&r.path), found[i].1))
            })
            .collect())
    }

    /// The ids of the texts matching `query`, with their scores if asked.
    fn matching(
        &mut self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(u32, Score)>, IndexError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let candidates = self.candidates(query)?;
        let catalog = self.catalog()?;
        let live = catalog.iter().map(|r| r.id).filter(|&id| id != 0);
        let candidates = if let Some(ids) = candidates {
            // Looked up rather than intersected: the catalog is in path order, not id order.
            let live = positions(live);
            ids.into_iter()
                .filter(|&id| live.get(id as usize).is_some_and(Option::is_some))
                .collect()
        } else {
            let mut all: Vec<u32> = live.collect();
            all.sort_unstable();
            all
        };
        self.check(&candidates, query, ask, progress)
    }

    /// The ids whose texts hold every gram of the query's terms of three characters or more
    /// (dead ids included); None when no term is that long.
    fn candidates(&self, query: &Query) -> Result<Option<Vec<u32>>, IndexError> {
        let e = sqlite(&self.path);
        let mut grams = Vec::new();
        let mut all = Vec::new();
        for term in &query.terms {
            postings::grams(term, &mut grams);
            all.extend_from_slice(&grams);
        }
        if all.is_empty() {
            return Ok(None);
        }
        all.sort_unstable();
        all.dedup();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT ids FROM postings WHERE gram = ?1 ORDER BY seg")
            .map_err(&e)?;
        let mut lists: Vec<Vec<u32>> = Vec::with_capacity(all.len());
        for gram in all {
            let mut ids = Vec::new();
            let mut rows = stmt.query([gram]).map_err(&e)?;
            let mut segments = 0;
            while let Some(row) = rows.next().map_err(&e)? {
                let bytes = row
                    .get_ref(0)
                    .map_err(&e)?
                    .as_blob()
                    .map_err(|_| self.damaged("a posting list that is not a blob"))?;
                postings::decode(bytes, &mut ids)
                    .ok_or_else(|| self.damaged("a damaged posting list"))?;
                segments += 1;
            }
            if segments > 1 {
                ids.sort_unstable();
                ids.dedup();
            }
            lists.push(ids);
        }
        lists.sort_by_key(Vec::len);
        let mut lists = lists.into_iter();
        let mut ids = lists.next().unwrap_or_default();
        for list in lists {
            if ids.is_empty() {
                break;
            }
            ids = postings::intersect(&ids, &list);
        }
        Ok(Some(ids))
    }

    /// The `candidates` whose stored text holds every term, with their scores if asked. The
    /// texts are read in batches on this thread (a connection is not shared) while the batch
    /// before is decompressed and checked on all cores.
    fn check(
        &self,
        candidates: &[u32],
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(u32, Score)>, IndexError> {
        let e = sqlite(&self.path);
        let scorer = Scorer::new(query);
        // One read transaction for every text: a statement on its own takes and drops the
        // database's read lock (system calls), which costs more than reading its row.
        let tx = self.conn.unchecked_transaction().map_err(&e)?;
        let mut stmt = tx
            .prepare_cached("SELECT z FROM texts WHERE id = ?1")
            .map_err(&e)?;
        let mut read = |batch: &[u32]| -> Result<Vec<(u32, Vec<u8>)>, IndexError> {
            let mut stored = Vec::with_capacity(batch.len());
            for &id in batch {
                if let Some(z) = stmt
                    .query_row([id], |r| r.get::<_, Vec<u8>>(0))
                    .optional()
                    .map_err(&e)?
                {
                    stored.push((id, z));
                }
            }
            Ok(stored)
        };
        progress.total.store(candidates.len(), Ordering::Relaxed);
        progress.done.store(0, Ordering::Relaxed);
        let mut out = Vec::new();
        let mut batches = candidates.chunks(BATCH);
        let mut next = batches.next().map(&mut read).transpose()?;
        while let Some(stored) = next.take() {
            if ask.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
            let (checked, fetched) = std::thread::scope(|scope| {
                let (codec, path) = (&self.codec, self.path.as_path());
                let checking =
                    scope.spawn(|| check_texts(codec, path, &stored, &scorer, ask.scores));
                let fetched = batches.next().map(&mut read).transpose();
                (checking.join(), fetched)
            });
            out.extend(checked.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
            progress.done.fetch_add(stored.len(), Ordering::Relaxed);
            next = fetched?;
        }
        Ok(out)
    }
}

/// The `stored` texts that hold every term, decompressed on all cores, with their scores when
/// `with_scores`; `path` is the index's, for errors.
fn check_texts(
    codec: &Codec,
    path: &Path,
    stored: &[(u32, Vec<u8>)],
    scorer: &Scorer<'_>,
    with_scores: bool,
) -> Result<Vec<(u32, Score)>, IndexError> {
    let damaged = |reason: &str| IndexError::Damaged {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    // Several runs per core, so that a core slowed by other work takes fewer.
    let parts = crate::parallel::split_by_weight(stored, crate::parallel::threads() * 4, 64, |_| 1);
    let found = crate::parallel::map(&parts, |part| {
        let mut d = codec
            .decompressor()
            .ok_or_else(|| damaged("zstd could not start"))?;
        let mut text = Vec::new();
        let mut ids = Vec::new();
        for (id, z) in &stored[part.clone()] {
            if !codec::decompress(&mut d, z, &mut text) {
                return Err(damaged("a damaged text"));
            }
            let score = if with_scores {
                scorer.score(&text)
            } else {
                scorer.matches(&text).then(Score::default)
            };
            ids.extend(score.map(|s| (*id, s)));
        }
        Ok(ids)
    });
    let mut out = Vec::new();
    for ids in found {
        out.extend(ids?);
    }
    Ok(out)
}

/// Where each of `ids` is in them, by id: a table to look ids up in without hashing (ids are
/// dense, each text having the next one).
fn positions(ids: impl Iterator<Item = u32> + Clone) -> Vec<Option<usize>> {
    let len = ids.clone().max().map_or(0, |m| m as usize + 1);
    let mut table = vec![None; len];
    for (i, id) in ids.enumerate() {
        table[id as usize] = Some(i);
    }
    table
}

/// What a search of the index is asked for beyond the matching articles (the library's search
/// asks more than `qari search`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Ask<'a> {
    /// Each match's [`Score`], counted in its stored text while it is checked.
    pub scores: bool,
    /// Set when the search is no longer wanted: the check then stops at its next batch.
    pub cancel: Option<&'a AtomicBool>,
}
