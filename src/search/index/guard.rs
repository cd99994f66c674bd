//! The index shared by several connections at once: the reader's searches, `qari search` from
//! a script, a second qari. Three rules keep it whole.
//!
//! One writer at a time: every update holds the index's writer lock (`INDEX.db.lock`, an
//! advisory lock on a file beside it, as tantivy's `INDEX_WRITER_LOCK`) from reading the catalog
//! to committing, so that no update works from a catalog another changed meanwhile; its
//! transaction is `BEGIN IMMEDIATE`. The kernel drops the lock of a process that dies, even by
//! `kill -9`.
//!
//! Busy is not damage: an index another connection holds for longer than SQLite waits is
//! waited for again ([`retry_busy`]), never deleted.
//!
//! Only an index that is damaged, not a database, or of another version is made again
//! ([`IndexError::is_damaged`]), under the writer lock, and not by deleting it: a new, empty
//! index is written beside it and renamed into its place, so that a connection still reading
//! the old file keeps reading that file, and no one ever opens a half-made one. The update that
//! follows fills it like any other.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::ErrorCode;

use super::{Index, IndexError};

/// How many times an operation that found the index busy is tried again, each after SQLite's
/// own wait (10 s): about a minute in all.
const BUSY_TRIES: usize = 6;

impl IndexError {
    /// Another connection holds the index: wait and try again, never rebuild.
    pub fn is_busy(&self) -> bool {
        matches!(self, IndexError::Sqlite { source: rusqlite::Error::SqliteFailure(f, _), .. }
            if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
    }

    /// The index cannot be trusted and may be made again: damaged, not a database, of another
    /// version or schema. Not when it is busy, unreadable for want of permission or space, or
    /// its folder cannot be written: those are errors to tell, and rebuilding would not help.
    pub fn is_damaged(&self) -> bool {
        match self {
            IndexError::Damaged { .. } => true,
            IndexError::Io { .. } => false,
            IndexError::Sqlite { source, .. } => match source {
                rusqlite::Error::SqliteFailure(f, _) => matches!(
                    f.code,
                    ErrorCode::DatabaseCorrupt
                        | ErrorCode::NotADatabase
                        // SQLITE_ERROR: a table or column missing, a schema not ours.
                        | ErrorCode::Unknown
                        | ErrorCode::TypeMismatch
                        | ErrorCode::ConstraintViolation
                ),
                rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::IntegralValueOutOfRange(..)
                | rusqlite::Error::QueryReturnedNoRows => true,
                _ => false,
            },
        }
    }
}

/// Runs `f` again while it finds the index busy, [`BUSY_TRIES`] times at most.
pub fn retry_busy<T>(mut f: impl FnMut() -> Result<T, IndexError>) -> Result<T, IndexError> {
    let mut tries = 1;
    loop {
        match f() {
            Err(e) if e.is_busy() && tries < BUSY_TRIES => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Which file a path names now (device and inode), to tell whether another process replaced
/// the index while this one waited for the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId(u64, u64);

impl FileId {
    pub fn of(path: &Path) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| FileId(m.dev(), m.ino()))
    }
}

/// The index's writer lock, held until dropped (closing the file releases it).
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// Waits for the writer lock of the index at `path`. An index in memory has none.
    pub fn take(path: &Path) -> Result<Option<WriteLock>, IndexError> {
        if path == Path::new(":memory:") {
            return Ok(None);
        }
        let lock_path = sibling(path, ".lock");
        let io = |source| IndexError::Io {
            path: lock_path.clone(),
            source,
        };
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io)?;
        file.lock().map_err(io)?;
        Ok(Some(WriteLock { _file: file }))
    }
}

/// `path` with `suffix` added to its name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

impl Index {
    /// Takes the writer lock until [`Index::unlock_writer`] (or the index is dropped): for a
    /// search that gathers the files to look at (the monitor's answer against the token, a
    /// walk) and then updates, so that no other writer's newer catalog is overwritten by an
    /// update from an older list of files (which would drop the files that writer added).
    pub fn lock_writer(&mut self) -> Result<(), IndexError> {
        if self.writer.is_none() {
            self.writer = WriteLock::take(&self.path)?;
        }
        Ok(())
    }

    /// Gives the writer lock back.
    pub fn unlock_writer(&mut self) {
        self.writer = None;
    }

    /// The writer lock for one update: none to take when this index holds it already.
    pub(super) fn write_lock(&self) -> Result<Option<WriteLock>, IndexError> {
        if self.writer.is_some() {
            return Ok(None);
        }
        WriteLock::take(&self.path)
    }

    /// Opens (or creates) the index at `path`. A busy one is waited for; a damaged or foreign
    /// file, or an index of another version, is replaced by a new, empty index
    /// ([`Index::rebuild`]).
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let seen = FileId::of(path);
        match retry_busy(|| Self::try_open(path)) {
            Err(e) if e.is_damaged() => Self::rebuild(path, seen),
            other => other,
        }
    }

    /// Replaces the index at `path`, found damaged when it was the file `seen`, by a new,
    /// empty one, under the writer lock: written beside it, then renamed into its place (see
    /// the module's comment). When another process replaced it while this one waited for the
    /// lock, that index is used instead.
    pub fn rebuild(path: &Path, seen: Option<FileId>) -> Result<Self, IndexError> {
        let _lock = WriteLock::take(path)?;
        if FileId::of(path) != seen
            && let Ok(index) = retry_busy(|| Self::try_open(path))
        {
            return Ok(index);
        }
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| IndexError::Io { path, source }
        };
        // Left by a rebuild that was killed: no one else makes one while this lock is held.
        let fresh = sibling(path, ".new");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(sibling(&fresh, suffix));
        }
        // Made and closed: the last connection to close checkpoints its log and removes it.
        drop(Self::try_open(&fresh)?);
        // The old file's log and shared memory must not be taken for the new file's.
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(sibling(path, suffix));
        }
        std::fs::rename(&fresh, path).map_err(io(path))?;
        retry_busy(|| Self::try_open(path))
    }
}
