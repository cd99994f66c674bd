//! The persistent full-text index: SQLite FTS5 with the trigram tokenizer over the normalised
//! text of each article, in the XDG data folder (one database per collection). It only makes
//! search fast: candidates come from the trigram index, and every result is checked against the
//! rule (each term a substring of the normalised text) with `instr`, so results are exactly a
//! scan's. Terms shorter than three characters, which trigrams cannot look up, are found by
//! `instr` alone over all rows. The index is brought up to date from the files' sizes, times
//! and a content hash (see `update`); a database that cannot be read is deleted and rebuilt: it
//! holds nothing that cannot be made again.

mod update;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use super::normalize::normalize;
use super::query::Query;

/// Bump when the normalisation, the schema or the content hash changes: an index of another
/// version is rebuilt. 3: content hashes are FNV-1a ([`crate::hash`]), not std's DefaultHasher.
const VERSION: &str = "3";

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
    /// Opens (or creates) the index at `path`. A damaged or foreign file is deleted and a new
    /// index made in its place.
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
        let index = Index {
            conn,
            path: path.to_owned(),
        };
        index.init()?;
        Ok(index)
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
        let index = Index { conn, path };
        index.init()?;
        Ok(index)
    }

    fn init(&self) -> Result<(), IndexError> {
        let e = sqlite(&self.path);
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(&e)?;
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(&e)?;
        self.conn
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 CREATE TABLE IF NOT EXISTS files(
                     id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL,
                     size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash INTEGER NOT NULL);
                 CREATE VIRTUAL TABLE IF NOT EXISTS docs
                     USING fts5(text, tokenize = 'trigram', detail = 'none');",
            )
            .map_err(&e)?;
        let version: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&e)?;
        if version.as_deref() != Some(VERSION) {
            self.conn
                .execute_batch("DELETE FROM files; DELETE FROM docs;")
                .map_err(&e)?;
            self.conn
                .execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('version', ?1)",
                    [VERSION],
                )
                .map_err(&e)?;
        }
        Ok(())
    }

    /// The paths of the articles matching `query`, by the rule: every term a substring of the
    /// article's normalised text.
    pub fn search(&self, query: &Query) -> Result<Vec<PathBuf>, IndexError> {
        let e = sqlite(&self.path);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let long: Vec<&String> = query
            .terms
            .iter()
            .filter(|t| t.chars().count() >= 3)
            .collect();
        let mut sql =
            String::from("SELECT f.path FROM docs JOIN files f ON f.id = docs.rowid WHERE ");
        let mut args: Vec<String> = Vec::new();
        if !long.is_empty() {
            // detail=none keeps no positions, so each term is asked for as all its trigrams;
            // instr below keeps only real substrings.
            let expr = long
                .iter()
                .flat_map(|t| trigrams(t))
                .collect::<Vec<_>>()
                .join(" AND ");
            sql.push_str("docs MATCH ?1 AND ");
            args.push(expr);
        }
        let checks: Vec<String> = query
            .terms
            .iter()
            .enumerate()
            .map(|(i, _)| format!("instr(docs.text, ?{}) > 0", i + 1 + args.len()))
            .collect();
        sql.push_str(&checks.join(" AND "));
        sql.push_str(" ORDER BY f.path");
        args.extend(query.terms.iter().cloned());
        let mut stmt = self.conn.prepare(&sql).map_err(&e)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                r.get::<_, String>(0)
            })
            .map_err(&e)?;
        rows.map(|r| r.map(PathBuf::from).map_err(&e)).collect()
    }
}

/// The overlapping three-character pieces of `term`, each quoted for an FTS5 query.
fn trigrams(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let mut out: Vec<String> = chars
        .windows(3)
        .map(|w| format!("\"{}\"", w.iter().collect::<String>().replace('"', "\"\"")))
        .collect();
    out.sort();
    out.dedup();
    out
}
