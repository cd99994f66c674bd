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

mod bits;
mod build;
mod catalog;
mod codec;
mod gather;
mod postings;
mod update;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use memchr::memmem;
use rusqlite::{Connection, OptionalExtension};

use self::catalog::FileRow;
use self::codec::Codec;
use super::normalize::normalize;
use super::query::Query;

/// Bump when the normalisation, the schema or the content hash changes: an index of another
/// version is rebuilt. 3: content hashes are FNV-1a ([`crate::hash`]), not std's DefaultHasher.
/// 4: trigram postings and compressed texts instead of FTS5; inodes and change times.
/// 5: Elias-Fano postings, one row a gram a build; frames without length or dictionary id;
/// 64 KB pages.
const VERSION: &str = "5";

/// Candidates checked per batch (their compressed texts held in memory at once).
const BATCH: usize = 4096;

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
        // Large pages suit large blobs, and waste less at their ends: a page holds about 70
        // texts, and a bitmap of 100,000 articles fits in one. Only a new database takes the
        // size.
        conn.pragma_update(None, "page_size", 65536).map_err(&e)?;
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
                     -- Rows with their own ids, and an index: rows written in gram order
                     -- then fill their pages (a WITHOUT ROWID table left a tenth of them empty).
                     CREATE TABLE postings(gram INTEGER NOT NULL, seg INTEGER NOT NULL,
                         ids BLOB NOT NULL);
                     CREATE UNIQUE INDEX postings_gram ON postings(gram, seg);
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
        let ids: HashSet<u32> = self.matching(query)?.into_iter().collect();
        let mut paths: Vec<PathBuf> = self
            .catalog()?
            .iter()
            .filter(|r| ids.contains(&r.id))
            .map(|r| PathBuf::from(&r.path))
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// The ids of the texts matching `query`.
    fn matching(&mut self, query: &Query) -> Result<Vec<u32>, IndexError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut live: Vec<u32> = self
            .catalog()?
            .iter()
            .map(|r| r.id)
            .filter(|&id| id != 0)
            .collect();
        live.sort_unstable();
        let candidates = match self.candidates(query)? {
            Some(ids) => postings::intersect(&ids, &live),
            None => live,
        };
        self.check(&candidates, query)
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

    /// The `candidates` whose stored text holds every term, on all cores.
    fn check(&self, candidates: &[u32], query: &Query) -> Result<Vec<u32>, IndexError> {
        let e = sqlite(&self.path);
        let finders: Vec<memmem::Finder<'_>> = query
            .terms
            .iter()
            .map(|t| memmem::Finder::new(t.as_bytes()))
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT z FROM texts WHERE id = ?1")
            .map_err(&e)?;
        let mut out = Vec::new();
        for batch in candidates.chunks(BATCH) {
            let mut stored: Vec<(u32, Vec<u8>)> = Vec::with_capacity(batch.len());
            for &id in batch {
                if let Some(z) = stmt
                    .query_row([id], |r| r.get::<_, Vec<u8>>(0))
                    .optional()
                    .map_err(&e)?
                {
                    stored.push((id, z));
                }
            }
            let parts =
                crate::parallel::split_by_weight(&stored, crate::parallel::threads(), 64, |_| 1);
            let (codec, path) = (&self.codec, &self.path);
            let damaged = |reason: &str| IndexError::Damaged {
                path: path.clone(),
                reason: reason.to_owned(),
            };
            let found: Vec<Result<Vec<u32>, IndexError>> = crate::parallel::map(&parts, |part| {
                let mut d = codec
                    .decompressor()
                    .ok_or_else(|| damaged("zstd could not start"))?;
                let mut text = Vec::new();
                let mut ids = Vec::new();
                for (id, z) in &stored[part.clone()] {
                    if !codec::decompress(&mut d, z, &mut text) {
                        return Err(damaged("a damaged text"));
                    }
                    if finders.iter().all(|f| f.find(&text).is_some()) {
                        ids.push(*id);
                    }
                }
                Ok(ids)
            });
            for ids in found {
                out.extend(ids?);
            }
        }
        Ok(out)
    }
}
