//! The article collection: finding article files under a folder (or the sample collection built
//! into the binary), decoding and parsing them, and remembering what was found so that a second
//! open of a large collection only looks at the files' sizes and times.
//!
//! The library holds one [`Entry`] per article (title and front matter, no text); an
//! [`Article`] with its paragraphs is read when it is opened. Files that cannot be read are
//! never fatal: each is [`Skipped`] with its reason.

mod cache;
pub mod draft;
mod html;
mod order;
mod pair;
mod paragraph;
mod parse;
mod read;
mod skip;
mod walk;
pub mod watch;

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use crate::decode::{DecodeError, Decoded, decode};
pub use draft::{Draft, format_time, normalize_date, one_line};
pub use order::{TitleKey, natural_cmp};
pub use paragraph::{BlockIndex, ParagraphNo};
pub use parse::{Format, Meta, Parsed, parse};
pub use read::{ParsedFile, load_article, parse_file, read_article};
use read::{format_of, read};
pub use skip::SkipReason;
pub use walk::{Found, article_files};

/// An article in the library: what the list shows, without the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The file (for the built-in sample: `assets/articles/NAME`).
    pub path: PathBuf,
    pub title: String,
    pub meta: Meta,
    pub paragraphs: usize,
    pub encoding: String,
    /// Invalid byte sequences that decoding replaced with U+FFFD (0 for an intact file).
    pub replaced: usize,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: i64,
    /// Status-change time in nanoseconds since the epoch and inode number, as the last look
    /// at the file found them (0 when unknown; not kept in the library cache): the index
    /// trusts a file only when these too are unchanged.
    pub ctime: i64,
    pub inode: u64,
}

/// An article, read and parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub path: PathBuf,
    pub title: String,
    /// Paragraphs in reading order; positions in them are byte offsets.
    pub paragraphs: Vec<String>,
    pub meta: Meta,
    pub encoding: String,
}

/// A file that was not loaded, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    /// Why, in English (`cause` as text): what `qari list` prints.
    pub reason: String,
    /// Why, as a value that the interface can put in its own language.
    pub cause: SkipReason,
}

impl Skipped {
    pub fn new(path: PathBuf, cause: SkipReason) -> Self {
        Skipped {
            path,
            reason: cause.to_string(),
            cause,
        }
    }
}

/// Where a collection comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The sample collection compiled into the binary.
    Builtin,
    /// A folder or a single file.
    Path(PathBuf),
}

/// A loaded collection. Its entries do not change once it is made (a reload makes another).
#[derive(Clone, Debug)]
pub struct Collection {
    pub origin: Origin,
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
    /// The entries by path, made on first use: see [`Collection::position`].
    by_path: OnceLock<PathTable>,
}

/// Entry indices by the hash of their path ([`crate::hash::fnv1a`] of its bytes), and the
/// entries whose hash another path already had.
#[derive(Clone, Debug, Default)]
struct PathTable {
    first: HashMap<u64, u32>,
    collided: Vec<u32>,
}

/// How far a scan has got, for a progress display; shared with the scanning thread.
#[derive(Debug, Default)]
pub struct Progress {
    pub total: AtomicUsize,
    pub done: AtomicUsize,
}

/// Why a collection cannot be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum CollectionError {
    #[error("{path}: {source}")]
    Missing {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: no such article in the built-in collection")]
    NotBuiltin(PathBuf),
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: SkipReason },
}

const BUILTIN: &[(&str, &str)] = &[
    (
        "000_8278b886b146244e.txt",
        include_str!("../../assets/articles/000_8278b886b146244e.txt"),
    ),
    (
        "001_linux_lts.md",
        include_str!("../../assets/articles/001_linux_lts.md"),
    ),
    (
        "002_oil_prices.txt",
        include_str!("../../assets/articles/002_oil_prices.txt"),
    ),
    (
        "003_reading_arabic.txt",
        include_str!("../../assets/articles/003_reading_arabic.txt"),
    ),
];

fn builtin_path(name: &str) -> PathBuf {
    Path::new("assets/articles").join(name)
}

impl Article {
    fn entry(&self, replaced: usize, found: &walk::Found) -> Entry {
        Entry {
            path: self.path.clone(),
            title: self.title.clone(),
            meta: self.meta.clone(),
            paragraphs: self.paragraphs.len(),
            encoding: self.encoding.clone(),
            replaced,
            size: found.size,
            mtime: found.mtime,
            ctime: found.ctime,
            inode: found.inode,
        }
    }
}

impl Entry {
    /// An entry known only by its file's stamps (no title or metadata): for the index, which
    /// reads the file itself.
    pub fn stamped(found: Found) -> Self {
        Entry {
            path: found.path,
            title: String::new(),
            meta: Meta::default(),
            paragraphs: 0,
            encoding: String::new(),
            replaced: 0,
            size: found.size,
            mtime: found.mtime,
            ctime: found.ctime,
            inode: found.inode,
        }
    }
}

impl Collection {
    /// A collection of these entries (already found and read) from `origin`.
    pub fn new(origin: Origin, entries: Vec<Entry>, skipped: Vec<Skipped>) -> Self {
        Collection {
            origin,
            entries,
            skipped,
            by_path: OnceLock::new(),
        }
    }

    /// The sample collection compiled into the binary.
    pub fn builtin() -> Self {
        let entries = BUILTIN
            .iter()
            .filter_map(|(name, text)| {
                let article = builtin_article(name, text)?;
                let found = walk::Found {
                    path: article.path.clone(),
                    size: text.len() as u64,
                    mtime: 0,
                    ctime: 0,
                    inode: 0,
                };
                Some(article.entry(0, &found))
            })
            .collect();
        Collection {
            origin: Origin::Builtin,
            entries,
            skipped: Vec::new(),
            by_path: OnceLock::new(),
        }
    }

    /// Loads the articles under `path` (a folder, searched recursively, or one file). `cache`
    /// is a file remembering what earlier loads found; `progress` is updated as files are read.
    pub fn load(
        path: &Path,
        cache: Option<&Path>,
        progress: &Progress,
    ) -> Result<Self, CollectionError> {
        let meta = std::fs::metadata(path).map_err(|source| CollectionError::Missing {
            path: path.to_owned(),
            source,
        })?;
        let (files, mut skipped) = if meta.is_dir() {
            walk::article_files(path)
        } else {
            (
                vec![vec![walk::Found::new(path.to_owned(), &meta)]],
                Vec::new(),
            )
        };
        let total = files.iter().map(Vec::len).sum();
        progress.total.store(total, Ordering::Relaxed);
        let mut known = cache.and_then(cache::Reader::open);
        let paired = pair::pair(files.into_iter().flatten(), total, known.as_mut());
        progress.done.store(paired.hits.len(), Ordering::Relaxed);
        let read: Vec<Result<Entry, Skipped>> = crate::parallel::map(&paired.misses, |(_, f)| {
            let r = load_entry(f);
            progress.done.fetch_add(1, Ordering::Relaxed);
            r
        });
        // Files that could not be read are not cached, so reading them again (and failing
        // again) changes nothing.
        let changed = read.iter().any(Result::is_ok)
            || paired.dropped
            || known.as_ref().is_some_and(|r| !r.finished());
        drop(known);
        let entries = paired.merge(read, &mut skipped);
        if let Some(cache) = cache
            && changed
        {
            // A cache that cannot be written only makes the next open slower.
            let _ = cache::write(cache, &entries);
        }
        Ok(Collection {
            origin: Origin::Path(path.to_owned()),
            entries,
            skipped,
            by_path: OnceLock::new(),
        })
    }

    /// The index of the entry of the file at `path` (as bytes), if the collection has it. The
    /// first call makes a table of every entry's path; later ones cost a hash of `path`, where
    /// a scan of 100,000 entries' paths costs milliseconds (the search maps its matches so).
    pub fn position(&self, path: &[u8]) -> Option<usize> {
        let bytes = |i: u32| self.entries[i as usize].path.as_os_str().as_encoded_bytes();
        let table = self.by_path.get_or_init(|| {
            let mut table = PathTable::default();
            for i in 0..self.entries.len() as u32 {
                match table.first.entry(crate::hash::fnv1a(bytes(i))) {
                    Slot::Vacant(slot) => {
                        slot.insert(i);
                    }
                    // The rare path whose hash another has: looked for among the few such.
                    Slot::Occupied(_) => table.collided.push(i),
                }
            }
            table
        });
        let hashed = table.first.get(&crate::hash::fnv1a(path)).copied();
        hashed
            .into_iter()
            .chain(table.collided.iter().copied())
            .find(|&i| bytes(i) == path)
            .map(|i| i as usize)
    }

    /// Reads the article of `entry` in full.
    pub fn open(&self, entry: &Entry) -> Result<Article, CollectionError> {
        match self.origin {
            Origin::Builtin => BUILTIN
                .iter()
                .find(|(name, _)| builtin_path(name) == entry.path)
                .and_then(|(name, text)| builtin_article(name, text))
                .ok_or_else(|| CollectionError::NotBuiltin(entry.path.clone())),
            Origin::Path(_) => {
                load_article(&entry.path).map_err(|reason| CollectionError::Unreadable {
                    path: entry.path.clone(),
                    reason,
                })
            }
        }
    }
}

fn builtin_article(name: &str, text: &str) -> Option<Article> {
    let parsed = parse(text, format_of(Path::new(name))?)?;
    Some(Article {
        path: builtin_path(name),
        title: parsed.title,
        paragraphs: parsed.paragraphs,
        meta: parsed.meta,
        encoding: "UTF-8".to_owned(),
    })
}

/// The article files at `path` now: those under it if it is a folder (as a load walks it), it
/// if it is an article file, else none. For looking again at a path that changed.
pub fn files_at(path: &Path) -> Vec<Found> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => walk::article_files(path).0.into_iter().flatten().collect(),
        Ok(meta) if meta.is_file() && format_of(path).is_some() => {
            vec![Found::new(path.to_owned(), &meta)]
        }
        _ => Vec::new(),
    }
}

fn load_entry(found: &walk::Found) -> Result<Entry, Skipped> {
    read(&found.path)
        .map(|(a, replaced)| a.entry(replaced, found))
        .map_err(|cause| Skipped::new(found.path.clone(), cause))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_collection_has_the_sample_article() {
        let c = Collection::builtin();
        assert_eq!(c.entries.len(), BUILTIN.len());
        let seed = &c.entries[0];
        assert!(seed.title.starts_with("رئيس كازاخستان يعلن"));
        let article = c.open(seed).unwrap();
        assert_eq!(article.paragraphs[0], "الأحداث في كازاخستان");
        let md = &c.entries[1];
        assert_eq!(md.meta.date.as_deref(), Some("2023-10-30"));
    }

    #[test]
    fn entries_found_by_path() {
        let mut c = Collection::builtin();
        let bytes = |e: &Entry| e.path.as_os_str().as_encoded_bytes().to_vec();
        for (i, e) in c.entries.iter().enumerate() {
            assert_eq!(c.position(&bytes(e)), Some(i));
        }
        assert_eq!(c.position(b"assets/articles/none.txt"), None);
        // Paths whose hashes collide are still told apart (forced here: a table that has
        // every path but the first among the collided).
        c.by_path = OnceLock::new();
        let mut table = PathTable::default();
        table
            .first
            .insert(crate::hash::fnv1a(&bytes(&c.entries[0])), 0);
        table.collided = (1..c.entries.len() as u32).collect();
        let _ = c.by_path.set(table);
        for (i, e) in c.entries.iter().enumerate() {
            assert_eq!(c.position(&bytes(e)), Some(i));
        }
    }
}
