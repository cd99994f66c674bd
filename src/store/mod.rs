//! qari's state in one SQLite database (`state.db` in the XDG data folder): bookmarks and
//! reading positions, and what the feeds saved. A versioned schema with migrations; WAL, a busy timeout and every change
//! in its own transaction, so two qari processes never lose each other's changes and a kill
//! loses nothing that was confirmed. A database that cannot be read is never overwritten: it
//! is moved aside (`state.db.corrupt-TIME`) and the user told where; a folder that cannot be
//! written gives a read-only session with a warning.
//!
//! Here are the types and the one way to write (a transaction per change); opening and
//! recovery are in `open`, the schema in `migrate`, the queries in `bookmarks` and `positions`.

pub mod anchor;
mod bookmarks;
pub mod export;
mod feeds;
mod history;
mod migrate;
mod open;
mod positions;
mod read_marks;
mod refresh;

pub use feeds::{SavedItem, Validators, guid_key};
pub use refresh::{Change, article_at, reattach, refresh, save};

use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::collection::ParagraphNo;

use rusqlite::{Connection, TransactionBehavior};

/// What the user must be told about the state database when it opens (its `Display` is the
/// English text; the interface words it in its language from the fields).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    #[error("cannot create {}: {error}; bookmarks and reading positions will not be saved in this session", dir.display())]
    CannotCreate { dir: PathBuf, error: String },
    #[error("{} cannot be written: this session is read-only, nothing will be saved", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{}: {error}; it was moved to {} and a new state database started", path.display(), aside.display())]
    MovedAside {
        path: PathBuf,
        error: String,
        aside: PathBuf,
    },
    #[error("{}: {error}; it could not be moved aside ({io}), so it was left alone and nothing will be saved", path.display())]
    CannotMoveAside {
        path: PathBuf,
        error: String,
        io: String,
    },
    #[error("{error}; nothing will be saved in this session")]
    NotSaved { error: String },
}

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
    /// The paragraph, as the reader shows it.
    pub paragraph: ParagraphNo,
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

/// Where a new bookmark goes: `paragraph` of `article`, which belongs to the
/// collection at `root` (if known).
pub struct Place<'a> {
    pub article: &'a crate::collection::Article,
    pub root: Option<&'a Path>,
    pub paragraph: ParagraphNo,
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
    /// The paragraph, and a byte offset in it.
    pub paragraph: ParagraphNo,
    pub offset: usize,
    pub state: ReadState,
    /// The paragraph direction chosen for this article, if one was (else the settings').
    pub direction: Option<crate::text::Direction>,
}

/// The state database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// What "now" is when a change is recorded.
    clock: Clock,
    /// Why the database could not be opened, when this store stands in for it in memory: its
    /// bookmarks are then that error, never an empty list (SQLite's code and message).
    unavailable: Option<(std::ffi::c_int, String)>,
}

/// A store, opened, with what the user must be told.
pub struct Opened {
    pub store: Store,
    pub warnings: Vec<Warning>,
}

impl Store {
    /// Records changes at the times `clock` gives (the system's by default).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The error that stands for what the database would have answered, when it could not be
    /// opened.
    fn available(&self) -> Result<(), StoreError> {
        match &self.unavailable {
            None => Ok(()),
            Some((code, message)) => Err(StoreError {
                path: self.path.clone(),
                source: rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(*code),
                    Some(message.clone()),
                ),
            }),
        }
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
}
