//! Pairing the files a walk found with the library cache: both are in path byte order, so one
//! pass over each does it. A file whose record is current (same size and modification time)
//! becomes an entry with the walk's path and times and the record's other fields, decoded only
//! then; the others are read, and put back in their places.

use super::cache::Reader;
use super::walk::Found;
use super::{Entry, Skipped};

/// The files found, paired with the cache: entries for those it has (current), the others to
/// be read.
pub struct Paired {
    pub hits: Vec<Entry>,
    /// The files to read, each with the number of hits that come before it in path order.
    pub misses: Vec<(usize, Found)>,
    /// Some of the cache was of files no longer there, or changed.
    pub dropped: bool,
}

/// Pairs each of the `total` files with its cached entry, if current.
pub fn pair(
    files: impl Iterator<Item = Found>,
    total: usize,
    mut cached: Option<&mut Reader>,
) -> Paired {
    let mut paired = Paired {
        hits: Vec::with_capacity(total),
        misses: Vec::new(),
        dropped: false,
    };
    for f in files {
        let key = f.path.as_os_str().as_encoded_bytes();
        let fields = cached.as_deref_mut().and_then(|r| {
            while r.current().is_some_and(|c| c.path < key) {
                r.advance();
                paired.dropped = true;
            }
            let c = r.current().filter(|c| c.path == key)?;
            let fields = (c.size == f.size && c.mtime == f.mtime)
                .then(|| c.fields())
                .flatten();
            r.advance();
            // Stale or damaged: the file is read again, and may not make an entry now.
            paired.dropped |= fields.is_none();
            fields
        });
        match fields {
            Some(fields) => paired.hits.push(Entry {
                path: f.path,
                title: fields.title,
                meta: fields.meta,
                paragraphs: fields.paragraphs,
                encoding: fields.encoding,
                replaced: fields.replaced,
                size: f.size,
                mtime: f.mtime,
                ctime: f.ctime,
                inode: f.inode,
            }),
            None => paired.misses.push((paired.hits.len(), f)),
        }
    }
    paired
}

impl Paired {
    /// The entries in path order: the hits with what was `read` of the misses put in their
    /// places (no copy when nothing was read, the usual second open); files that could not be
    /// read go to `skipped`.
    pub fn merge(
        self,
        read: Vec<Result<Entry, Skipped>>,
        skipped: &mut Vec<Skipped>,
    ) -> Vec<Entry> {
        if read.is_empty() {
            return self.hits;
        }
        let mut entries = Vec::with_capacity(self.hits.len() + read.len());
        let mut hits = self.hits.into_iter();
        let mut taken = 0;
        for (&(before, _), r) in self.misses.iter().zip(read) {
            entries.extend(hits.by_ref().take(before - taken));
            taken = before;
            match r {
                Ok(e) => entries.push(e),
                Err(s) => skipped.push(s),
            }
        }
        entries.extend(hits);
        entries
    }
}
