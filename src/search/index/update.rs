//! Bringing an index up to date with its collection, in three steps. The diff compares the
//! catalog with the files' sizes, times and inodes: what must be read again, and which files
//! are gone. The read takes each such file's content hash, then (when that changed) its
//! normalised text, compressed text and postings, on all cores (see `build`). The write puts
//! them in, in one transaction on the calling thread as reads come in: a file whose content
//! hash did not change keeps its text and only gets its new times; any other gets a new id, its
//! text and its postings (written as a new segment); the texts of changed and gone files are
//! deleted (their ids, still in older segments, are no longer in the catalog and so never
//! match).
//!
//! The rule that makes an index exact: a file is trusted unchanged only when its size,
//! modification time, change time and inode are those recorded, and it was recorded at least
//! [`RACY`] after its last change. Writing to a file sets its change time to the clock's
//! present, which no program can set back; a file renamed into place is another inode; and a
//! file changed within the clock's granularity of being read is read again next time (git's
//! "racily clean" rule).
//!
//! An update holds the index's writer lock throughout (see `guard`).

use std::sync::atomic::Ordering;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{OptionalExtension, params};

use super::build::{Build, Outcome, ROUND_BYTES, Read};
use super::catalog::{self, FileRow};
use super::codec::{Codec, DICT_MIN_SAMPLES};
use super::compact::{compact, forget, write_segment};
use super::{Index, IndexError, Updated, article_text, sqlite};
use crate::collection::{Collection, Entry, Origin, Progress};

/// A file changed less than this before an update began is read again by the next one: far
/// more than any file system's time granularity.
const RACY: Duration = Duration::from_secs(2);

/// An entry to read again, with its row when the catalog has one.
#[derive(Debug, PartialEq, Eq)]
struct Stale<'c> {
    entry: &'c Entry,
    row: Option<&'c FileRow>,
}

/// What an update must do.
#[derive(Debug, Default, PartialEq, Eq)]
struct Diff<'c> {
    /// New files, files whose size, times or inode changed, and racy ones.
    stale: Vec<Stale<'c>>,
    /// Rows whose files are no longer in the collection.
    gone: Vec<&'c FileRow>,
    /// Rows of files that are as recorded.
    unchanged: Vec<&'c FileRow>,
}

fn nanos(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64)
}

impl Index {
    /// Brings the index up to date with `collection`: new and changed files are read (on all
    /// cores), removed ones dropped. `progress` counts the files looked at.
    pub fn update(
        &mut self,
        collection: &Collection,
        progress: &Progress,
    ) -> Result<Updated, IndexError> {
        // One writer at a time, from the catalog read to the commit: the catalog is read again
        // under the lock, since another writer may have changed it since this index read it.
        let _lock = self.write_lock()?;
        self.forget_catalog();
        // And the dictionary: another writer may have trained one since this index was opened,
        // and a text compressed without it would not decompress with it.
        let dict: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'dict'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sqlite(&self.path))?;
        let dict = dict.unwrap_or_default();
        if !self.codec.uses(&dict) {
            self.codec = Codec::new(&dict);
        }
        let old = std::mem::take(self.catalog_mut()?);
        let diff = diff(&old, &collection.entries);
        progress
            .total
            .store(collection.entries.len(), Ordering::Relaxed);
        progress.done.store(diff.unchanged.len(), Ordering::Relaxed);
        let mut stats = Updated {
            unchanged: diff.unchanged.len(),
            removed: diff.gone.len(),
            ..Updated::default()
        };
        if diff.stale.is_empty() && diff.gone.is_empty() {
            self.catalog = Some(old);
            return Ok(stats);
        }
        // A file changed in the same tick as it was read looks unchanged: those written within
        // RACY of now are read again next time. Now by the file system's clock (the index's
        // folder's), which stamps the files, not the process's, which may differ; taken only
        // when there is something to read, before it is read.
        let started = nanos(match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => crate::clock::file_system_now(dir),
            _ => SystemTime::now(),
        });
        if old.is_empty() {
            self.train(collection, &diff.stale)?;
        }
        let e = sqlite(&self.path);
        let mut rows: Vec<FileRow> = diff.unchanged.iter().map(|&r| r.clone()).collect();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(&e)?;
        let next_id: u32 = tx
            .query_row("SELECT coalesce(max(id), 0) + 1 FROM texts", [], |r| {
                r.get(0)
            })
            .map_err(&e)?;
        // Ids must never be reused while older segments may still list them.
        let recorded: u32 = tx
            .query_row(
                "SELECT coalesce((SELECT value FROM meta WHERE key = 'next_id'), 1)",
                [],
                |r| r.get(0),
            )
            .map_err(&e)?;
        // File i of the stale ones gets id base + i if it needs one.
        let base = next_id.max(recorded).max(1);
        let next_id = u32::try_from(diff.stale.len())
            .ok()
            .and_then(|n| base.checked_add(n))
            .ok_or_else(|| IndexError::Damaged {
                path: self.path.clone(),
                reason: "no ids left".to_owned(),
            })?;
        // Texts dropped: their ids stay in the posting lists until these are compacted.
        let mut dropped = 0;
        for row in &diff.gone {
            dropped += forget(&tx, row.id).map_err(&e)?;
        }
        let build = Build {
            n: diff.stale.len(),
            read: |i: usize| read(collection, &diff.stale[i]),
            base,
            codec: &self.codec,
            round_bytes: ROUND_BYTES,
        };
        let mut insert = tx
            .prepare_cached("INSERT INTO texts(id, z) VALUES (?1, ?2)")
            .map_err(&e)?;
        // The lengths of ids base.., for ranking (0 for a file that got no text).
        let mut new_lengths = vec![(0, 0); diff.stale.len()];
        build.run(
            |i, outcome| {
                progress.done.fetch_add(1, Ordering::Relaxed);
                let stale = &diff.stale[i];
                let mut row = FileRow {
                    path: stale.entry.path.to_string_lossy().into_owned(),
                    id: 0,
                    size: stale.entry.size,
                    mtime: stale.entry.mtime,
                    ctime: stale.entry.ctime,
                    inode: stale.entry.inode,
                    hash: 0,
                    racy: stale.entry.ctime >= started - RACY.as_nanos() as i64
                        || stale.entry.ctime == 0,
                };
                match (stale.row, outcome) {
                    // Read and hashed as recorded: only its times change.
                    (Some(old), Outcome::Same { hash }) => {
                        (row.id, row.hash) = (old.id, hash);
                        stats.unchanged += 1;
                    }
                    // Unreadable now: it cannot match. Recorded, so it is read again only
                    // when it changes.
                    (old, Outcome::Unreadable | Outcome::Same { .. }) => {
                        if let Some(old) = old {
                            dropped += forget(&tx, old.id).map_err(&e)?;
                            stats.changed += 1;
                        }
                    }
                    (
                        old,
                        Outcome::New {
                            hash,
                            stored,
                            lengths,
                        },
                    ) => {
                        if let Some(old) = old {
                            dropped += forget(&tx, old.id).map_err(&e)?;
                            stats.changed += 1;
                        } else {
                            stats.added += 1;
                        }
                        (row.id, row.hash) = (base + i as u32, hash);
                        insert.execute(params![row.id, stored]).map_err(&e)?;
                        new_lengths[i] = lengths;
                    }
                }
                rows.push(row);
                Ok(())
            },
            |segment| write_segment(&tx, &segment).map_err(&e),
        )?;
        drop(insert);
        super::lengths::write(&tx, base, &new_lengths).map_err(&e)?;
        compact(&tx, &rows, dropped, self.compaction, &self.path)?;
        rows.sort_unstable_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        tx.execute(
            "INSERT OR REPLACE INTO catalog(part, data) VALUES (0, ?1)",
            [catalog::encode(&rows)],
        )
        .map_err(&e)?;
        tx.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('next_id', ?1)",
            [next_id],
        )
        .map_err(&e)?;
        // A new catalog: the monitor's token of the one before no longer describes it (the
        // search that wrote it records its own token, if the generation is still its own).
        let generation = super::fresh::bump_generation(&tx).map_err(&e)?;
        tx.commit().map_err(&e)?;
        self.written = Some(generation);
        self.seen = Some(generation);
        self.catalog = Some(rows);
        Ok(stats)
    }

    fn catalog_mut(&mut self) -> Result<&mut Vec<FileRow>, IndexError> {
        self.summary = None;
        self.catalog()?;
        Ok(self.catalog.get_or_insert_default())
    }

    /// Trains the text dictionary on the first of the files about to be read, for an index
    /// being built; too few files to train on and the texts are compressed without one.
    fn train(&mut self, collection: &Collection, stale: &[Stale<'_>]) -> Result<(), IndexError> {
        let e = sqlite(&self.path);
        let step = (stale.len() / (4 * DICT_MIN_SAMPLES)).max(1);
        let picked: Vec<&Entry> = stale.iter().step_by(step).map(|s| s.entry).collect();
        let picked = picked
            .get(..picked.len().min(4 * DICT_MIN_SAMPLES))
            .unwrap_or(&[]);
        if picked.len() < DICT_MIN_SAMPLES {
            return Ok(());
        }
        let texts: Vec<Option<String>> =
            crate::parallel::map(picked, |entry| match read_entry(collection, entry, None) {
                Some(Read::Text(_, text)) => Some(text),
                _ => None,
            });
        let samples: Vec<&str> = texts.iter().flatten().map(String::as_str).collect();
        if let Some(dict) = Codec::train(&samples) {
            self.conn
                .execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('dict', ?1)",
                    [&dict],
                )
                .map_err(&e)?;
            self.codec = Codec::new(&dict);
        }
        Ok(())
    }
}

/// Compares the catalog's `rows` (sorted by path) with the collection's `entries`.
fn diff<'c>(rows: &'c [FileRow], entries: &'c [Entry]) -> Diff<'c> {
    // Paths compare as bytes (a path that is not UTF-8 is never found in the catalog, which
    // keeps paths as UTF-8: it is read again each time, and matches as it should).
    fn key(e: &Entry) -> &[u8] {
        e.path.as_os_str().as_encoded_bytes()
    }
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    if !sorted.is_sorted_by(|a, b| key(a) <= key(b)) {
        sorted.sort_by(|a, b| key(a).cmp(key(b)));
    }
    let mut diff = Diff::default();
    let mut rows = rows.iter().peekable();
    for entry in sorted {
        let path = key(entry);
        while let Some(gone) = rows.next_if(|r| r.path.as_bytes() < path) {
            diff.gone.push(gone);
        }
        match rows.next_if(|r| r.path.as_bytes() == path) {
            Some(row)
                if !row.racy
                    && row.size == entry.size
                    && row.mtime == entry.mtime
                    && row.ctime == entry.ctime
                    && row.inode == entry.inode =>
            {
                diff.unchanged.push(row);
            }
            row => diff.stale.push(Stale { entry, row }),
        }
    }
    diff.gone.extend(rows);
    diff
}

/// The hash kept to tell a file whose times changed but whose content did not.
fn content_hash(bytes: &[u8]) -> u64 {
    crate::hash::fnv1a(bytes)
}

/// Whether a file's content hash is the one its row records.
fn same(row: Option<&FileRow>, hash: u64) -> bool {
    row.is_some_and(|r| r.hash == hash && r.id != 0)
}

/// Reads a file for the index: its content hash, and its normalised text unless the hash is
/// the one `row` records (None when it cannot be read now).
fn read_entry(collection: &Collection, entry: &Entry, row: Option<&FileRow>) -> Option<Read> {
    match &collection.origin {
        Origin::Builtin => {
            let a = collection.open(entry).ok()?;
            let text = article_text(&a.title, &a.paragraphs);
            let hash = content_hash(text.as_bytes());
            Some(if same(row, hash) {
                Read::Same(hash)
            } else {
                Read::Text(hash, text)
            })
        }
        Origin::Path(_) => {
            let bytes = std::fs::read(&entry.path).ok()?;
            let hash = content_hash(&bytes);
            if same(row, hash) {
                return Some(Read::Same(hash));
            }
            // Read as the library reads it (a saved web page is its article, not its markup).
            let parsed = crate::collection::parse_file(&entry.path, &bytes)
                .ok()?
                .parsed;
            Some(Read::Text(
                hash,
                article_text(&parsed.title, &parsed.paragraphs),
            ))
        }
    }
}

fn read(collection: &Collection, stale: &Stale<'_>) -> Option<Read> {
    read_entry(collection, stale.entry, stale.row)
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
            ctime: mtime,
            inode: 1,
        }
    }

    fn row(path: &str, id: u32, size: u64, mtime: i64) -> FileRow {
        FileRow {
            path: path.into(),
            id,
            size,
            mtime,
            ctime: mtime,
            inode: 1,
            hash: 0,
            racy: false,
        }
    }

    #[test]
    fn diff_reads_new_touched_replaced_and_racy_files_and_drops_gone_ones() {
        let mut racy = row("/racy", 6, 10, 100);
        racy.racy = true;
        let rows = [
            row("/gone", 4, 10, 100),
            row("/grown", 3, 10, 100),
            racy,
            row("/renamed", 5, 10, 100),
            row("/same", 1, 10, 100),
            row("/touched", 2, 10, 100),
        ];
        let mut renamed = entry("/renamed", 10, 100);
        renamed.inode = 2;
        let mut chmod = entry("/touched", 10, 100);
        chmod.ctime = 200;
        let entries = [
            entry("/same", 10, 100),
            chmod,
            entry("/grown", 11, 100),
            entry("/new", 5, 100),
            renamed,
            entry("/racy", 10, 100),
        ];
        let d = diff(&rows, &entries);
        assert_eq!(
            d.unchanged.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![1]
        );
        assert_eq!(d.gone.iter().map(|r| r.id).collect::<Vec<_>>(), vec![4]);
        let stale: Vec<(&str, Option<u32>)> = d
            .stale
            .iter()
            .map(|s| (s.entry.path.to_str().unwrap(), s.row.map(|r| r.id)))
            .collect();
        assert_eq!(
            stale,
            vec![
                ("/grown", Some(3)),
                ("/new", None),
                ("/racy", Some(6)),
                ("/renamed", Some(5)),
                ("/touched", Some(2)),
            ]
        );
    }
}
