//! Bringing an index up to date with its collection, in three steps. The diff compares the
//! index's rows with the files' sizes and times: what must be read again, and which rows are
//! of files gone. The read takes each such file's content hash and normalised text, on all
//! cores. The write puts them in, in one transaction on the calling thread as reads come in; a
//! file whose time changed but whose content hash did not only gets its new size and time.

use std::collections::HashMap;
use std::sync::atomic::Ordering;

use rusqlite::{Connection, Transaction, params};

use super::{Index, IndexError, Updated, article_text, sqlite};
use crate::collection::{Collection, Entry, Format, Origin, Progress, decode, parse};

/// A file as the index has it: a row of the `files` table. Its text is the `docs` row with the
/// same id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FileRow {
    id: i64,
    /// The size in bytes when it was read.
    size: i64,
    /// The modification time (nanoseconds since the epoch) when it was read.
    mtime: i64,
    /// The [`content_hash`] of what was read.
    hash: i64,
}

/// An entry to read again, with its row when the index has one.
#[derive(Debug, PartialEq, Eq)]
struct Stale<'c> {
    entry: &'c Entry,
    row: Option<FileRow>,
}

/// What an update must do.
#[derive(Debug, Default, PartialEq, Eq)]
struct Diff<'c> {
    /// New files, and files whose size or time changed.
    stale: Vec<Stale<'c>>,
    /// The ids of rows whose files are no longer in the collection.
    gone: Vec<i64>,
    /// Files whose size and time are as indexed.
    unchanged: usize,
}

/// An article as read for the index.
struct Read {
    hash: i64,
    text: String,
}

impl Index {
    /// Brings the index up to date with `collection`: new and changed files are read (on all
    /// cores), removed ones dropped. `progress` counts the files looked at.
    pub fn update(
        &mut self,
        collection: &Collection,
        progress: &Progress,
    ) -> Result<Updated, IndexError> {
        let e = sqlite(&self.path);
        let diff = diff(rows(&self.conn).map_err(&e)?, &collection.entries);
        progress
            .total
            .store(collection.entries.len(), Ordering::Relaxed);
        progress.done.store(diff.unchanged, Ordering::Relaxed);
        let mut stats = Updated {
            unchanged: diff.unchanged,
            removed: diff.gone.len(),
            ..Updated::default()
        };
        let tx = self.conn.transaction().map_err(&e)?;
        for &id in &diff.gone {
            forget(&tx, id).map_err(&e)?;
        }
        // Read and normalise in parallel, write here.
        crate::parallel::for_each(
            diff.stale.len(),
            |i| read(collection, diff.stale[i].entry),
            |i, read| {
                progress.done.fetch_add(1, Ordering::Relaxed);
                write(&tx, &diff.stale[i], read, &mut stats).map_err(&e)
            },
        )?;
        tx.commit().map_err(&e)?;
        Ok(stats)
    }
}

/// Every row of `files`, by path.
fn rows(conn: &Connection) -> rusqlite::Result<HashMap<String, FileRow>> {
    let mut stmt = conn.prepare("SELECT path, id, size, mtime, hash FROM files")?;
    stmt.query_map([], |r| {
        let row = FileRow {
            id: r.get(1)?,
            size: r.get(2)?,
            mtime: r.get(3)?,
            hash: r.get(4)?,
        };
        Ok((r.get(0)?, row))
    })?
    .collect()
}

/// Compares the index's `rows` with the collection's `entries`: an entry with the size and
/// time of its row is unchanged, any other must be read; the rows left are of files gone.
fn diff(mut rows: HashMap<String, FileRow>, entries: &[Entry]) -> Diff<'_> {
    let mut diff = Diff::default();
    for entry in entries {
        match rows.remove(entry.path.to_string_lossy().as_ref()) {
            Some(row) if row.size == entry.size as i64 && row.mtime == entry.mtime => {
                diff.unchanged += 1;
            }
            row => diff.stale.push(Stale { entry, row }),
        }
    }
    diff.gone = rows.into_values().map(|row| row.id).collect();
    diff
}

/// The hash kept to tell a file whose time changed but whose content did not (stored as
/// SQLite's signed integer).
fn content_hash(bytes: &[u8]) -> i64 {
    crate::hash::fnv1a(bytes) as i64
}

/// Reads an article for the index: its content hash and normalised text; None when it cannot
/// be read now.
fn read(collection: &Collection, entry: &Entry) -> Option<Read> {
    match &collection.origin {
        Origin::Builtin => {
            let a = collection.open(entry).ok()?;
            let text = article_text(&a.title, &a.paragraphs);
            Some(Read {
                hash: content_hash(text.as_bytes()),
                text,
            })
        }
        Origin::Path(_) => {
            let bytes = std::fs::read(&entry.path).ok()?;
            let hash = content_hash(&bytes);
            let text = decode(&bytes).ok()?.text;
            let format = entry
                .path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension)
                .unwrap_or(Format::Text);
            let parsed = parse(&text, format)?;
            Some(Read {
                hash,
                text: article_text(&parsed.title, &parsed.paragraphs),
            })
        }
    }
}

/// Writes what was `read` of a stale entry, counting it in `stats`.
fn write(
    tx: &Transaction<'_>,
    stale: &Stale<'_>,
    read: Option<Read>,
    stats: &mut Updated,
) -> rusqlite::Result<()> {
    let Some(read) = read else {
        // Unreadable now: it cannot match; forget it.
        if let Some(row) = stale.row {
            forget(tx, row.id)?;
        }
        return Ok(());
    };
    let (size, mtime) = (stale.entry.size as i64, stale.entry.mtime);
    match stale.row {
        Some(row) if row.hash == read.hash => {
            tx.execute(
                "UPDATE files SET size = ?2, mtime = ?3 WHERE id = ?1",
                params![row.id, size, mtime],
            )?;
            stats.unchanged += 1;
        }
        Some(row) => {
            tx.execute(
                "UPDATE files SET size = ?2, mtime = ?3, hash = ?4 WHERE id = ?1",
                params![row.id, size, mtime, read.hash],
            )?;
            tx.execute("DELETE FROM docs WHERE rowid = ?1", [row.id])?;
            tx.execute(
                "INSERT INTO docs(rowid, text) VALUES (?1, ?2)",
                params![row.id, read.text],
            )?;
            stats.changed += 1;
        }
        None => {
            tx.execute(
                "INSERT INTO files(path, size, mtime, hash) VALUES (?1, ?2, ?3, ?4)",
                params![
                    stale.entry.path.to_string_lossy().as_ref(),
                    size,
                    mtime,
                    read.hash
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO docs(rowid, text) VALUES (?1, ?2)",
                params![id, read.text],
            )?;
            stats.added += 1;
        }
    }
    Ok(())
}

/// Drops a file and its text from the index.
fn forget(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM docs WHERE rowid = ?1", [id])?;
    tx.execute("DELETE FROM files WHERE id = ?1", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, size: u64, mtime: i64) -> Entry {
        Entry {
            path: path.into(),
            title: String::new(),
            meta: crate::collection::Meta::default(),
            paragraphs: 0,
            encoding: "UTF-8".into(),
            replaced: 0,
            size,
            mtime,
        }
    }

    fn row(id: i64, size: i64, mtime: i64) -> FileRow {
        FileRow {
            id,
            size,
            mtime,
            hash: 0,
        }
    }

    #[test]
    fn diff_reads_new_and_touched_files_and_drops_gone_ones() {
        let rows = HashMap::from([
            ("/same".to_owned(), row(1, 10, 100)),
            ("/touched".to_owned(), row(2, 10, 100)),
            ("/grown".to_owned(), row(3, 10, 100)),
            ("/gone".to_owned(), row(4, 10, 100)),
        ]);
        let entries = [
            entry("/same", 10, 100),
            entry("/touched", 10, 200),
            entry("/grown", 11, 100),
            entry("/new", 5, 100),
        ];
        let d = diff(rows, &entries);
        assert_eq!(d.unchanged, 1);
        assert_eq!(d.gone, vec![4]);
        let stale: Vec<(&str, Option<i64>)> = d
            .stale
            .iter()
            .map(|s| (s.entry.path.to_str().unwrap(), s.row.map(|r| r.id)))
            .collect();
        assert_eq!(
            stale,
            vec![("/touched", Some(2)), ("/grown", Some(3)), ("/new", None)]
        );
    }
}
