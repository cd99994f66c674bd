//! The persistent search index of a collection, one SQLite database in the XDG data folder. It
//! only makes search fast: its answers are exactly a scan's by the rule (each term a substring
//! of the article's normalised text), known from the words for terms without a space and
//! checked in the stored texts otherwise.
//!
//! What it keeps: a vocabulary and word posting lists (`segments` and `postings`, see
//! [`words`] and [`postings`]), from which the articles holding a term without a space are
//! known exactly (the union of the lists of the words that contain it) and a phrase is
//! narrowed to candidates; each article's normalised text, compressed (`texts`, see
//! [`codec`]), to check a phrase's candidates and rank the best matches; each article's
//! lengths (`lengths`), so that a ranking reads no file; and
//! the catalog of files with their sizes, times, inodes and content hashes (see [`catalog`] and
//! `update`), to know what changed. A term that too many words contain (one or two common
//! letters) narrows nothing: the other terms' candidates, or every stored text, are checked. Trigram lists did the
//! narrowing before, and left every candidate to be decompressed and checked, four in ten of
//! them in vain; SQLite's own full-text index (FTS5) before that took most of a first index's
//! time. A database that is damaged, or of another version, is made again (it holds nothing
//! that cannot be): never one that is only busy, and never by deleting a file another process
//! may have open (see [`guard`], which also keeps to one writer at a time).

mod bits;
mod build;
mod catalog;
mod check;
mod codec;
mod compact;
mod fresh;
mod gather;
mod guard;
mod lengths;
mod narrow;
mod postings;
mod search;
mod update;
mod words;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use self::catalog::{FileRow, RowView};
use self::codec::Codec;
pub use self::fresh::apply_changes;
pub use self::guard::{FileId, retry_busy};
pub use self::search::{Ask, RERANK};
use super::normalize::normalize;

/// Bump when the normalisation, the schema or the content hash changes: an index of another
/// version is rebuilt. 3: content hashes are FNV-1a ([`crate::hash`]), not std's DefaultHasher.
/// 4: trigram postings and compressed texts instead of FTS5; inodes and change times.
/// 5: Rice-coded postings, one row a gram a build; frames without length or dictionary id;
/// 64 KB pages. 6: a front-coded catalog. 7: word postings and vocabularies instead of
/// trigrams. 8: each article's lengths, for ranking.
const VERSION: &str = "8";

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
    /// The catalog as last read or written; once set, it is what the index holds.
    catalog: Option<Vec<FileRow>>,
    /// The catalog's bytes as read, for a search, which only walks them.
    raw: Option<Vec<u8>>,
    /// What a search needs of the catalog besides paths, gathered in one walk of it.
    summary: Option<fresh::Summary>,
    /// The catalog generation this index's last update wrote.
    written: Option<i64>,
    /// The generation of the catalog as this index last read or wrote it.
    seen: Option<i64>,
    /// The writer lock, while this index holds it across several steps (see
    /// [`Index::lock_writer`]).
    writer: Option<guard::WriteLock>,
    /// When its posting lists are compacted.
    compaction: compact::Compaction,
}

fn sqlite(path: &Path) -> impl Fn(rusqlite::Error) -> IndexError + '_ {
    move |source| IndexError::Sqlite {
        path: path.to_owned(),
        source,
    }
}

/// Reads the posting list of row `row` into `out` (emptied first) with `read`, a statement
/// `SELECT ids FROM postings WHERE id = ?1`. A list missing or damaged is an error: taken as
/// empty, its articles would silently not be found.
fn read_list(
    read: &mut rusqlite::CachedStatement<'_>,
    row: i64,
    out: &mut Vec<u32>,
    path: &Path,
) -> Result<(), IndexError> {
    out.clear();
    let found = read
        .query_row([row], |r| {
            Ok(r.get_ref(0)?
                .as_blob()
                .ok()
                .and_then(|bytes| postings::decode(bytes, out)))
        })
        .optional()
        .map_err(sqlite(path))?;
    match found.flatten() {
        Some(()) => Ok(()),
        None => Err(IndexError::Damaged {
            path: path.to_owned(),
            reason: "a damaged posting list".to_owned(),
        }),
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
    pub(super) fn try_open(path: &Path) -> Result<Self, IndexError> {
        let conn = Connection::open(path).map_err(sqlite(path))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite(path))?;
        Self::init(conn, path.to_owned())
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
        // Pages freed by a compaction can be given back (see `update`); only a new database
        // takes it.
        conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")
            .map_err(&e)?;
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
            // A new database; another process may be making it at the same moment, so the
            // tables are made only if they are not there, in one write transaction.
            None => conn
                .execute_batch(&format!(
                    "BEGIN IMMEDIATE;
                     CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value);
                     CREATE TABLE IF NOT EXISTS catalog(part INTEGER PRIMARY KEY, data BLOB NOT NULL);
                     CREATE TABLE IF NOT EXISTS texts(id INTEGER PRIMARY KEY, z BLOB NOT NULL);
                     -- A segment's lists are rows first.. in the order of its vocabulary
                     -- (its words, sorted, a line each): a word's row is found from its place.
                     CREATE TABLE IF NOT EXISTS postings(id INTEGER PRIMARY KEY, ids BLOB NOT NULL);
                     CREATE TABLE IF NOT EXISTS segments(seg INTEGER PRIMARY KEY,
                         count INTEGER NOT NULL, first INTEGER NOT NULL, words BLOB NOT NULL);
                     -- Words in each article's title and body, for ranking (see `lengths`).
                     CREATE TABLE IF NOT EXISTS lengths(base INTEGER PRIMARY KEY, data BLOB NOT NULL);
                     INSERT OR IGNORE INTO meta(key, value) VALUES ('version', '{VERSION}');
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
            raw: None,
            summary: None,
            written: None,
            seen: None,
            writer: None,
            compaction: compact::Compaction::default(),
        })
    }

    fn damaged(&self, reason: &str) -> IndexError {
        IndexError::Damaged {
            path: self.path.clone(),
            reason: reason.to_owned(),
        }
    }

    /// The catalog's bytes, read once, with its generation (in one transaction).
    fn raw(&mut self) -> Result<&[u8], IndexError> {
        if self.raw.is_none() {
            let e = sqlite(&self.path);
            let alone = self.conn.is_autocommit();
            if alone {
                self.conn.execute_batch("BEGIN").map_err(&e)?;
            }
            let read = self.token_and_generation().and_then(|(_, generation)| {
                let data: Option<Vec<u8>> = self
                    .conn
                    .query_row("SELECT data FROM catalog WHERE part = 0", [], |r| r.get(0))
                    .optional()
                    .map_err(&e)?;
                Ok((generation, data))
            });
            if alone {
                self.conn.execute_batch("COMMIT").map_err(&e)?;
            }
            let (generation, data) = read?;
            self.seen = Some(generation);
            self.raw = Some(data.unwrap_or_default());
        }
        Ok(self.raw.as_deref().unwrap_or_default())
    }

    /// Drops the catalog as read, for it to be read again.
    pub(super) fn forget_catalog(&mut self) {
        self.catalog = None;
        self.raw = None;
        self.summary = None;
        self.seen = None;
    }

    /// The catalog, decoded once.
    fn catalog(&mut self) -> Result<&Vec<FileRow>, IndexError> {
        if self.catalog.is_none() {
            let rows =
                catalog::decode(self.raw()?).ok_or_else(|| self.damaged("a damaged catalog"))?;
            self.catalog = Some(rows);
            self.raw = None;
        }
        Ok(self.catalog.get_or_insert_default())
    }
    /// Calls `f` with every row of the catalog, in path order, without decoding it into rows
    /// when it has not been.
    fn each_row(&mut self, mut f: impl FnMut(&RowView<'_>)) -> Result<(), IndexError> {
        if let Some(rows) = &self.catalog {
            for r in rows {
                f(&RowView {
                    path: r.path.as_bytes(),
                    id: r.id,
                    size: r.size,
                    mtime: r.mtime,
                    ctime: r.ctime,
                    inode: r.inode,
                    hash: r.hash,
                    racy: r.racy,
                });
            }
            return Ok(());
        }
        let raw = self.raw()?;
        match catalog::scan(raw, f) {
            Some(()) => Ok(()),
            None => Err(self.damaged("a damaged catalog")),
        }
    }
}
