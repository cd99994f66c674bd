//! qari's state in one SQLite database (`state.db` in the XDG data folder): bookmarks and
//! reading positions. A versioned schema with migrations; WAL, a busy timeout and every change
//! in its own transaction, so two qari processes never lose each other's changes and a kill
//! loses nothing that was confirmed. A database that cannot be read is never overwritten: it
//! is moved aside (`state.db.corrupt-TIME`) and the user told where; a folder that cannot be
//! written gives a read-only session with a warning.

pub mod anchor;
pub mod export;
mod history;
mod read_marks;
mod refresh;

pub use refresh::{article_at, refresh};

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

/// The schema, one migration per version; `PRAGMA user_version` says how many ran.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE bookmarks(
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0);
     CREATE INDEX bookmarks_path ON bookmarks(path);
     CREATE TABLE positions(
        path TEXT PRIMARY KEY,
        paragraph INTEGER NOT NULL,
        offset INTEGER NOT NULL,
        state INTEGER NOT NULL,
        updated INTEGER NOT NULL);",
    // v2: the article as the anchoring asks: its path relative to the collection root
    // (to find it after the collection moves) and a hash of its content (unchanged: the
    // paragraph number stands).
    "ALTER TABLE bookmarks ADD COLUMN rel_path TEXT NOT NULL DEFAULT '';
     ALTER TABLE bookmarks ADD COLUMN article_hash TEXT NOT NULL DEFAULT '';",
    // v3: the searches typed, for the prompt's history (`used` orders them, most recent
    // highest).
    "CREATE TABLE searches(query TEXT PRIMARY KEY, used INTEGER NOT NULL);",
];

/// A state database that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct StoreError {
    pub path: PathBuf,
    pub source: rusqlite::Error,
}

/// A paragraph bookmark.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Bookmark {
    pub id: i64,
    pub path: PathBuf,
    pub title: String,
    /// The paragraph, numbered from 1 as the reader shows it.
    pub paragraph: usize,
    #[serde(skip)]
    pub fingerprint: String,
    pub excerpt: String,
    pub note: String,
    /// Seconds since the Unix epoch.
    pub created: i64,
    /// Its paragraph is gone from the article; kept with its excerpt.
    pub orphaned: bool,
    /// The article's path relative to its collection's root.
    #[serde(skip)]
    pub rel_path: String,
    /// A hash of the article's text when the bookmark was made or last found.
    #[serde(skip)]
    pub article_hash: String,
}

/// Where a new bookmark goes: paragraph `index` (from 0) of `article`, which belongs to the
/// collection at `root` (if known).
pub struct Place<'a> {
    pub article: &'a crate::collection::Article,
    pub root: Option<&'a Path>,
    pub index: usize,
}

/// How far an article has been read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadState {
    InProgress,
    Read,
}

/// Where the reader was in an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Paragraph (from 0) and byte offset in it.
    pub paragraph: usize,
    pub offset: usize,
    pub state: ReadState,
}

/// The state database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

/// A store, opened, with what the user must be told.
pub struct Opened {
    pub store: Store,
    pub warnings: Vec<String>,
}

pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let aside = PathBuf::from(format!("{}.corrupt-{}", path.display(), now()));
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        if from.exists() {
            let _ = std::fs::rename(&from, PathBuf::from(format!("{}{suffix}", aside.display())));
        }
    }
    Ok(aside)
}

impl Store {
    /// Opens the database at `path`, creating or migrating it. Never fails: a damaged file is
    /// moved aside for a fresh one, an unwritable place gives a read-only (or, failing that, an
    /// in-memory) session; each case is in the warnings.
    pub fn open(path: &Path) -> Opened {
        let mut warnings = Vec::new();
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            warnings.push(format!(
                "cannot create {}: {e}; bookmarks and reading positions will not be saved in this session",
                dir.display()
            ));
            return Opened {
                store: Self::in_memory_read_only(path),
                warnings,
            };
        }
        match Self::try_open(path) {
            Ok(store) => {
                if store.read_only {
                    warnings.push(format!(
                        "{} cannot be written: this session is read-only, nothing will be saved",
                        path.display()
                    ));
                }
                Opened { store, warnings }
            }
            Err(e) if path.exists() => match move_aside(path) {
                Ok(aside) => {
                    warnings.push(format!(
                        "{}: {}; it was moved to {} and a new state database started",
                        path.display(),
                        e.source,
                        aside.display()
                    ));
                    match Self::try_open(path) {
                        Ok(store) => Opened { store, warnings },
                        Err(e) => {
                            warnings.push(format!("{e}; nothing will be saved in this session"));
                            Opened {
                                store: Self::in_memory_read_only(path),
                                warnings,
                            }
                        }
                    }
                }
                Err(io) => {
                    warnings.push(format!(
                        "{}: {}; it could not be moved aside ({io}), so it was left alone and nothing will be saved",
                        path.display(),
                        e.source
                    ));
                    Opened {
                        store: Self::in_memory_read_only(path),
                        warnings,
                    }
                }
            },
            Err(e) => {
                warnings.push(format!("{e}; nothing will be saved in this session"));
                Opened {
                    store: Self::in_memory_read_only(path),
                    warnings,
                }
            }
        }
    }

    fn in_memory_read_only(path: &Path) -> Store {
        let mut store = Self::in_memory().unwrap_or_else(|_| Store {
            conn: Connection::open_in_memory().unwrap_or_else(|_| unreachable_connection()),
            path: path.to_owned(),
            read_only: true,
        });
        store.read_only = true;
        path.clone_into(&mut store.path);
        store
    }

    /// A fresh store in memory (tests, and sessions that cannot write).
    pub fn in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError {
            path: path.clone(),
            source,
        })?;
        let mut store = Store {
            conn,
            path,
            read_only: false,
        };
        store.migrate()?;
        Ok(store)
    }

    fn try_open(path: &Path) -> Result<Store, StoreError> {
        let err = |source| StoreError {
            path: path.to_owned(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(err)?;
        if check != "ok" {
            return Err(err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(check),
            )));
        }
        let mut store = Store {
            conn,
            path: path.to_owned(),
            read_only: false,
        };
        let writable = store
            .conn
            .pragma_update(None, "journal_mode", "WAL")
            .and_then(|()| store.conn.pragma_update(None, "synchronous", "FULL"))
            .and_then(|()| store.migrate().map_err(|e| e.source));
        if let Err(e) = writable {
            let readonly = matches!(
                &e,
                rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly
                    || f.code == rusqlite::ErrorCode::CannotOpen
            );
            if !readonly {
                return Err(err(e));
            }
            let conn =
                Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(err)?;
            conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
            store = Store {
                conn,
                path: path.to_owned(),
                read_only: true,
            };
        }
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql).map_err(err)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError {
            path: self.path.clone(),
            source,
        }
    }

    /// Runs `f` in an immediate transaction (waiting for another writer up to the timeout).
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError {
            path: path.clone(),
            source,
        };
        if self.read_only {
            return Err(err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                Some("this session is read-only".to_owned()),
            )));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let out = f(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(out)
    }

    /// Adds a bookmark; returns its id.
    pub fn add_bookmark(&mut self, at: &Place<'_>, note: &str) -> Result<i64, StoreError> {
        let article = at.article;
        let text = article.paragraphs.get(at.index).map_or("", String::as_str);
        let (fp, ex) = (anchor::fingerprint(text), anchor::excerpt(text));
        let rel = at
            .root
            .and_then(|root| article.path.strip_prefix(root).ok())
            .filter(|rel| !rel.as_os_str().is_empty())
            .or_else(|| article.path.file_name().map(Path::new))
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let hash = anchor::article_hash(&article.title, &article.paragraphs);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO bookmarks(path, title, paragraph, fingerprint, excerpt, note, created, rel_path, article_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    article.path.to_string_lossy(),
                    article.title,
                    at.index as i64 + 1,
                    fp,
                    ex,
                    note,
                    now(),
                    rel,
                    hash
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Puts back a removed bookmark (undo), with its id.
    pub fn restore_bookmark(&mut self, b: &Bookmark) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO bookmarks(id, path, title, paragraph, fingerprint, excerpt, note, created,
                     orphaned, rel_path, article_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    b.id,
                    b.path.to_string_lossy(),
                    b.title,
                    b.paragraph as i64,
                    b.fingerprint,
                    b.excerpt,
                    b.note,
                    b.created,
                    b.orphaned,
                    b.rel_path,
                    b.article_hash
                ],
            )?;
            Ok(())
        })
    }

    /// Removes a bookmark; returns it (for undo) when it existed.
    pub fn remove_bookmark(&mut self, id: i64) -> Result<Option<Bookmark>, StoreError> {
        let found = self.bookmark(id)?;
        self.write(|tx| tx.execute("DELETE FROM bookmarks WHERE id = ?1", [id]))?;
        Ok(found)
    }

    pub fn set_note(&mut self, id: i64, note: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE bookmarks SET note = ?2 WHERE id = ?1",
                params![id, note],
            )
            .map(drop)
        })
    }

    /// Records that a bookmark's article now lives at `path`, with this content hash.
    pub fn relocate(&mut self, id: i64, path: &Path, article_hash: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE bookmarks SET path = ?2, article_hash = ?3 WHERE id = ?1",
                params![id, path.to_string_lossy(), article_hash],
            )
            .map(drop)
        })
    }

    /// Records where a bookmark's paragraph is now (from 0), or that it is orphaned.
    pub fn reanchor(&mut self, id: i64, index: Option<usize>) -> Result<(), StoreError> {
        self.write(|tx| {
            match index {
                Some(i) => tx.execute(
                    "UPDATE bookmarks SET paragraph = ?2, orphaned = 0 WHERE id = ?1",
                    params![id, i as i64 + 1],
                ),
                None => tx.execute("UPDATE bookmarks SET orphaned = 1 WHERE id = ?1", [id]),
            }
            .map(drop)
        })
    }

    fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Bookmark> {
        Ok(Bookmark {
            id: r.get(0)?,
            path: PathBuf::from(r.get::<_, String>(1)?),
            title: r.get(2)?,
            paragraph: r.get::<_, i64>(3)?.max(1) as usize,
            fingerprint: r.get(4)?,
            excerpt: r.get(5)?,
            note: r.get(6)?,
            created: r.get(7)?,
            orphaned: r.get(8)?,
            rel_path: r.get(9)?,
            article_hash: r.get(10)?,
        })
    }

    const COLUMNS: &'static str = "id, path, title, paragraph, fingerprint, excerpt, note, created, orphaned, rel_path, article_hash";

    pub fn bookmark(&self, id: i64) -> Result<Option<Bookmark>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {} FROM bookmarks WHERE id = ?1", Self::COLUMNS),
                [id],
                Self::row,
            )
            .optional()
            .map_err(self.err())
    }

    /// Every bookmark, grouped by article (path), in paragraph order.
    pub fn bookmarks(&self) -> Result<Vec<Bookmark>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM bookmarks ORDER BY path, paragraph, id",
                Self::COLUMNS
            ))
            .map_err(self.err())?;
        let rows = stmt.query_map([], Self::row).map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The bookmarks of one article.
    pub fn bookmarks_of(&self, path: &Path) -> Result<Vec<Bookmark>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM bookmarks WHERE path = ?1 ORDER BY paragraph, id",
                Self::COLUMNS
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map([path.to_string_lossy()], Self::row)
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Remembers where the reader is in an article.
    pub fn set_position(&mut self, path: &Path, position: Position) -> Result<(), StoreError> {
        let state = match position.state {
            ReadState::InProgress => 1,
            ReadState::Read => 2,
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO positions(path, paragraph, offset, state, updated) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(path) DO UPDATE SET paragraph = ?2, offset = ?3,
                     state = max(state, ?4), updated = ?5",
                params![path.to_string_lossy(), position.paragraph as i64, position.offset as i64, state, now()],
            )
            .map(drop)
        })
    }

    /// Every remembered position, by article, most recent first.
    pub fn positions(&self) -> Result<Vec<(PathBuf, Position)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, paragraph, offset, state FROM positions ORDER BY updated DESC")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    PathBuf::from(r.get::<_, String>(0)?),
                    position_of(r.get(1)?, r.get(2)?, r.get(3)?),
                ))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The remembered position in the article at `path`.
    pub fn position(&self, path: &Path) -> Result<Option<Position>, StoreError> {
        self.conn
            .query_row(
                "SELECT paragraph, offset, state FROM positions WHERE path = ?1",
                [path.to_string_lossy()],
                |r| Ok(position_of(r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(self.err())
    }
}

/// A position from its columns (state 2 is read, anything else in progress).
fn position_of(paragraph: i64, offset: i64, state: i64) -> Position {
    Position {
        paragraph: paragraph.max(0) as usize,
        offset: offset.max(0) as usize,
        state: if state >= 2 {
            ReadState::Read
        } else {
            ReadState::InProgress
        },
    }
}

fn unreachable_connection() -> Connection {
    // Opening an in-memory database only fails when SQLite cannot allocate; there is no
    // sensible way on then.
    panic!("SQLite cannot open an in-memory database")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_round_trip_and_undo() {
        let mut s = Store::in_memory().unwrap();
        let article = crate::collection::Article {
            path: "/a.txt".into(),
            title: "عنوان".into(),
            paragraphs: vec!["أ".into(), "ب".into(), "نص الفقرة الثالثة".into()],
            meta: crate::collection::Meta::default(),
            encoding: "UTF-8".into(),
        };
        let at = Place {
            article: &article,
            root: Some(Path::new("/")),
            index: 2,
        };
        let id = s.add_bookmark(&at, "").unwrap();
        let b = s.bookmark(id).unwrap().unwrap();
        assert_eq!(
            (b.paragraph, b.excerpt.as_str(), b.orphaned),
            (3, "نص الفقرة الثالثة", false)
        );
        s.set_note(id, "للاقتباس").unwrap();
        let removed = s.remove_bookmark(id).unwrap().unwrap();
        assert!(s.bookmarks().unwrap().is_empty());
        s.restore_bookmark(&removed).unwrap();
        assert_eq!(s.bookmarks().unwrap()[0].note, "للاقتباس");
        s.reanchor(id, None).unwrap();
        assert!(s.bookmark(id).unwrap().unwrap().orphaned);
    }

    #[test]
    fn positions_only_move_forward_in_state() {
        let mut s = Store::in_memory().unwrap();
        let p = Path::new("/a.txt");
        s.set_position(
            p,
            Position {
                paragraph: 3,
                offset: 0,
                state: ReadState::Read,
            },
        )
        .unwrap();
        s.set_position(
            p,
            Position {
                paragraph: 1,
                offset: 5,
                state: ReadState::InProgress,
            },
        )
        .unwrap();
        let all = s.positions().unwrap();
        assert_eq!(
            all[0].1,
            Position {
                paragraph: 1,
                offset: 5,
                state: ReadState::Read
            }
        );
    }
}
