//! Opening the state database, and what happens when that goes wrong: a damaged file is moved
//! aside for a fresh one, a file or folder that cannot be written gives a read-only session,
//! and when nothing else works the session keeps its state in memory. Opening never fails; the
//! user is told what happened.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::{Opened, Store, StoreError, Warning};
use crate::clock::Clock;

/// How long opening waits, in all, for another connection's lock.
const OPEN_PATIENCE: Duration = Duration::from_secs(5);
/// How long each statement of the opening waits for a lock.
const OPEN_WAIT: Duration = Duration::from_secs(1);
/// How long a change waits for another writer once the database is open.
const BUSY_WAIT: Duration = Duration::from_secs(10);

fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let aside = PathBuf::from(format!(
        "{}.corrupt-{}",
        path.display(),
        Clock::SYSTEM.now()
    ));
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
            warnings.push(Warning::CannotCreate {
                dir: dir.to_owned(),
                error: e.to_string(),
            });
            // No database can be there: no bookmarks is the truth, and the warning says why.
            return Self::unsaved(path, warnings, None);
        }
        // Another qari may hold a lock for a moment (switching a new file to WAL, migrating):
        // wait for it rather than mistake it for damage, but not for long (the reader waits
        // to start): a lock held longer is said, and the session saves nothing.
        let deadline = Instant::now() + OPEN_PATIENCE;
        let mut opened = Self::try_open(path);
        while matches!(&opened, Err(e) if is_busy(&e.source)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            opened = Self::try_open(path);
        }
        match opened {
            Ok(store) => {
                if store.read_only {
                    warnings.push(Warning::ReadOnly {
                        path: path.to_owned(),
                    });
                }
                Opened { store, warnings }
            }
            // Only a file that is not a database, or a damaged one, is moved aside; a busy or
            // unreadable one is left alone.
            Err(e) if path.exists() && is_damaged(&e.source) => match move_aside(path) {
                Ok(aside) => {
                    warnings.push(Warning::MovedAside {
                        path: path.to_owned(),
                        error: e.source.to_string(),
                        aside,
                    });
                    match Self::try_open(path) {
                        Ok(store) => Opened { store, warnings },
                        Err(e) => {
                            warnings.push(Warning::NotSaved {
                                error: e.to_string(),
                            });
                            Self::unsaved(path, warnings, Some(reason(&e.source)))
                        }
                    }
                }
                Err(io) => {
                    warnings.push(Warning::CannotMoveAside {
                        path: path.to_owned(),
                        error: e.source.to_string(),
                        io: io.to_string(),
                    });
                    Self::unsaved(path, warnings, Some(reason(&e.source)))
                }
            },
            Err(e) => {
                warnings.push(Warning::NotSaved {
                    error: e.to_string(),
                });
                Self::unsaved(path, warnings, Some(reason(&e.source)))
            }
        }
    }

    /// A session that saves nothing, with what the user is told; `why` the database there
    /// could not be opened, which its bookmarks then answer.
    fn unsaved(
        path: &Path,
        warnings: Vec<Warning>,
        why: Option<(std::ffi::c_int, String)>,
    ) -> Opened {
        let mut store = Self::in_memory_read_only(path);
        store.unavailable = why;
        Opened { store, warnings }
    }

    fn in_memory_read_only(path: &Path) -> Store {
        let mut store = Self::in_memory().unwrap_or_else(|_| Store {
            conn: Connection::open_in_memory().unwrap_or_else(|_| unreachable_connection()),
            path: path.to_owned(),
            read_only: true,
            clock: Clock::SYSTEM,
            unavailable: None,
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
            clock: Clock::SYSTEM,
            unavailable: None,
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
        conn.busy_timeout(OPEN_WAIT).map_err(err)?;
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
            clock: Clock::SYSTEM,
            unavailable: None,
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
            store = Store {
                conn,
                path: path.to_owned(),
                read_only: true,
                clock: Clock::SYSTEM,
                unavailable: None,
            };
        }
        // Open: a change waits for another writer as long as a change may take.
        store.conn.busy_timeout(BUSY_WAIT).map_err(err)?;
        Ok(store)
    }
}

/// SQLite's error as the bookmarks of a store that could not be opened answer it.
fn reason(e: &rusqlite::Error) -> (std::ffi::c_int, String) {
    match e {
        rusqlite::Error::SqliteFailure(f, message) => (
            f.extended_code,
            message.clone().unwrap_or_else(|| f.to_string()),
        ),
        other => (rusqlite::ffi::SQLITE_ERROR, other.to_string()),
    }
}

/// The database is locked by another connection.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// The file is damaged or is not a database at all.
fn is_damaged(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase))
}

fn unreachable_connection() -> Connection {
    // Opening an in-memory database only fails when SQLite cannot allocate; there is no
    // sensible way on then.
    panic!("SQLite cannot open an in-memory database")
}
