//! The persistent full-text index: SQLite FTS5 with the trigram tokenizer over the normalised
//! text of each article, in the XDG data folder (one database per collection). It only makes
//! search fast: candidates come from the trigram index, and every result is checked against the
//! rule (each term a substring of the normalised text) with `instr`, so results are exactly a
//! scan's. Terms shorter than three characters, which trigrams cannot look up, are found by
//! `instr` alone over all rows. The index is brought up to date from the files' sizes, times
//! and a content hash; a database that cannot be read is deleted and rebuilt: it holds nothing
//! that cannot be made again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use rusqlite::{Connection, OptionalExtension, params};

use super::normalize::normalize;
use super::query::Query;
use crate::collection::{Collection, Entry, Progress, decode, parse};

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

/// The hash kept to tell a file whose time changed but whose content did not (stored as
/// SQLite's signed integer).
fn content_hash(bytes: &[u8]) -> i64 {
    crate::hash::fnv1a(bytes) as i64
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

    /// Brings the index up to date with `collection`: new and changed files are read (on all
    /// cores), removed ones dropped. `progress` counts the files looked at.
    pub fn update(
        &mut self,
        collection: &Collection,
        progress: &Progress,
    ) -> Result<Updated, IndexError> {
        let e = sqlite(&self.path);
        let mut known: HashMap<String, (i64, i64, i64, i64)> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare("SELECT path, id, size, mtime, hash FROM files")
                .map_err(&e)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                    ))
                })
                .map_err(&e)?;
            for row in rows {
                let (path, v) = row.map_err(&e)?;
                known.insert(path, v);
            }
        }
        progress
            .total
            .store(collection.entries.len(), Ordering::Relaxed);
        progress.done.store(0, Ordering::Relaxed);
        let mut stats = Updated::default();
        let mut todo: Vec<&Entry> = Vec::new();
        for entry in &collection.entries {
            let key = entry.path.to_string_lossy();
            match known.remove(key.as_ref()) {
                Some((_, size, mtime, _)) if size == entry.size as i64 && mtime == entry.mtime => {
                    stats.unchanged += 1;
                    progress.done.fetch_add(1, Ordering::Relaxed);
                }
                Some(old) => {
                    known.insert(key.into_owned(), old);
                    todo.push(entry);
                }
                None => todo.push(entry),
            }
        }
        // What is left in `known` and not to be re-read is gone from the collection.
        let todo_paths: std::collections::HashSet<String> = todo
            .iter()
            .map(|e| e.path.to_string_lossy().into_owned())
            .collect();
        let gone: Vec<i64> = known
            .iter()
            .filter(|(p, _)| !todo_paths.contains(p.as_str()))
            .map(|(_, v)| v.0)
            .collect();
        let tx = self.conn.transaction().map_err(&e)?;
        for id in &gone {
            tx.execute("DELETE FROM docs WHERE rowid = ?1", [id])
                .map_err(&e)?;
            tx.execute("DELETE FROM files WHERE id = ?1", [id])
                .map_err(&e)?;
        }
        stats.removed = gone.len();
        // Read and normalise in parallel, write here.
        let result: Result<(), IndexError> = crate::parallel::for_each(
            todo.len(),
            |i| read_for_index(collection, todo[i]),
            |i, read| {
                progress.done.fetch_add(1, Ordering::Relaxed);
                let entry = todo[i];
                let key = entry.path.to_string_lossy();
                let old = known.get(key.as_ref()).copied();
                let Some((hash, text)) = read else {
                    // Unreadable now: it cannot match; forget it.
                    if let Some((id, ..)) = old {
                        tx.execute("DELETE FROM docs WHERE rowid = ?1", [id])
                            .map_err(&e)?;
                        tx.execute("DELETE FROM files WHERE id = ?1", [id])
                            .map_err(&e)?;
                    }
                    return Ok(());
                };
                let (size, mtime) = (entry.size as i64, entry.mtime);
                match old {
                    Some((id, _, _, old_hash)) if old_hash == hash => {
                        tx.execute(
                            "UPDATE files SET size = ?2, mtime = ?3 WHERE id = ?1",
                            params![id, size, mtime],
                        )
                        .map_err(&e)?;
                        stats.unchanged += 1;
                    }
                    Some((id, ..)) => {
                        tx.execute(
                            "UPDATE files SET size = ?2, mtime = ?3, hash = ?4 WHERE id = ?1",
                            params![id, size, mtime, hash],
                        )
                        .map_err(&e)?;
                        tx.execute("DELETE FROM docs WHERE rowid = ?1", [id])
                            .map_err(&e)?;
                        tx.execute(
                            "INSERT INTO docs(rowid, text) VALUES (?1, ?2)",
                            params![id, text],
                        )
                        .map_err(&e)?;
                        stats.changed += 1;
                    }
                    None => {
                        tx.execute(
                            "INSERT INTO files(path, size, mtime, hash) VALUES (?1, ?2, ?3, ?4)",
                            params![key.as_ref(), size, mtime, hash],
                        )
                        .map_err(&e)?;
                        let id = tx.last_insert_rowid();
                        tx.execute(
                            "INSERT INTO docs(rowid, text) VALUES (?1, ?2)",
                            params![id, text],
                        )
                        .map_err(&e)?;
                        stats.added += 1;
                    }
                }
                Ok(())
            },
        );
        result?;
        tx.commit().map_err(&e)?;
        Ok(stats)
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

/// Reads an article for the index: its content hash and normalised text.
fn read_for_index(collection: &Collection, entry: &Entry) -> Option<(i64, String)> {
    match &collection.origin {
        crate::collection::Origin::Builtin => {
            let a = collection.open(entry).ok()?;
            let text = article_text(&a.title, &a.paragraphs);
            Some((content_hash(text.as_bytes()), text))
        }
        crate::collection::Origin::Path(_) => {
            let bytes = std::fs::read(&entry.path).ok()?;
            let hash = content_hash(&bytes);
            let (text, _) = decode(&bytes).ok()?;
            let format = entry
                .path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(crate::collection::Format::from_extension)
                .unwrap_or(crate::collection::Format::Text);
            let parsed = parse(&text, format)?;
            Some((hash, article_text(&parsed.title, &parsed.paragraphs)))
        }
    }
}
