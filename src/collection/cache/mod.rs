//! What earlier loads found, kept in one file (in the XDG cache folder) so that a second open of
//! a large collection reads no article: an entry is reused while its file's size and
//! modification time are unchanged.
//!
//! The file is binary and read as a stream: at a million articles the text cache it replaces
//! was 155 MB of TSV, read whole, split and unescaped into entries that were then copied again,
//! and doubled the memory of an open.
//! Records are in path byte order, each path stored as what it shares with the one before and
//! the rest (articles sit in a few folders). A record's size and time come before its other
//! fields, which are decoded only when the file on disk still matches them, and its path is
//! never decoded: a match takes the path the walk found.
//!
//! A header names the format's version and a trailer ends the file: a cache written by another
//! version, or cut short, is not read at all (the next load reads the articles again and
//! replaces it); a record that does not decode, or is out of order, ends the cache there. The
//! file is written to a temporary file first and renamed, so a crash never leaves half a cache.

mod bytes;

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::{Entry, Meta};
use bytes::{Bytes, number, put_bytes, put_number, read_into, unzigzag, zigzag};

/// Version 2 added the count of replaced sequences; version 3 is binary.
const HEADER: &[u8] = b"qari library cache 3\n";
/// The end of a complete cache.
const TRAILER: &[u8] = b"\nend of qari library cache\n";
/// The stream's buffer: large enough that reading costs few system calls.
const BUFFER: usize = 1 << 16;

/// What a cached record says of its file, and the rest of the entry undecoded.
#[derive(Debug)]
pub struct Record<'a> {
    /// The path's bytes ([`std::ffi::OsStr::as_encoded_bytes`]).
    pub path: &'a [u8],
    pub size: u64,
    pub mtime: i64,
    body: &'a [u8],
}

/// The entry's fields other than the path and what the walk finds, decoded from a record.
#[derive(Debug)]
pub struct Fields {
    pub title: String,
    pub meta: Meta,
    pub paragraphs: usize,
    pub encoding: String,
    pub replaced: usize,
}

impl Record<'_> {
    /// The rest of the entry; None if the record is damaged.
    pub fn fields(&self) -> Option<Fields> {
        let mut b = Bytes(self.body);
        let fields = Fields {
            paragraphs: usize::try_from(b.number()?).ok()?,
            replaced: usize::try_from(b.number()?).ok()?,
            encoding: b.text()?,
            title: b.text()?,
            meta: Meta {
                source: b.optional()?,
                author: b.optional()?,
                date: b.optional()?,
                url: b.optional()?,
            },
        };
        b.0.is_empty().then_some(fields)
    }
}

/// The records of a cache file, one at a time, in the order they were written.
pub struct Reader {
    input: BufReader<File>,
    /// Records not yet read.
    left: u64,
    path: Vec<u8>,
    /// The path of the record before (its buffer reused).
    previous: Vec<u8>,
    size: u64,
    mtime: i64,
    body: Vec<u8>,
    /// A record is in the buffers.
    current: bool,
    /// A record did not decode: the cache ends there.
    damaged: bool,
}

impl Reader {
    /// Opens the cache at `path`, at its first record; None (an empty cache) when the file is
    /// missing, of another version or incomplete.
    pub fn open(path: &Path) -> Option<Reader> {
        let mut file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        if len < (HEADER.len() + TRAILER.len()) as u64 {
            return None;
        }
        let mut end = [0; TRAILER.len()];
        file.seek(SeekFrom::End(-(TRAILER.len() as i64))).ok()?;
        file.read_exact(&mut end).ok()?;
        file.rewind().ok()?;
        let mut input = BufReader::with_capacity(BUFFER, file);
        let mut header = [0; HEADER.len()];
        input.read_exact(&mut header).ok()?;
        if header != HEADER || end != TRAILER {
            return None;
        }
        let left = number(&mut input)?;
        let mut reader = Reader {
            input,
            left,
            path: Vec::new(),
            previous: Vec::new(),
            size: 0,
            mtime: 0,
            body: Vec::new(),
            current: false,
            damaged: false,
        };
        reader.advance();
        Some(reader)
    }

    /// The record at hand; None at the end of the cache or where it is damaged.
    pub fn current(&self) -> Option<Record<'_>> {
        self.current.then_some(Record {
            path: &self.path,
            size: self.size,
            mtime: self.mtime,
            body: &self.body,
        })
    }

    /// Moves to the next record.
    pub fn advance(&mut self) {
        if self.left == 0 {
            self.current = false;
            return;
        }
        self.current = self.read_record().is_some();
        self.damaged = !self.current;
        self.left = if self.current { self.left - 1 } else { 0 };
    }

    /// Every record was read, and none was damaged.
    pub fn finished(&self) -> bool {
        !self.current && !self.damaged
    }

    fn read_record(&mut self) -> Option<()> {
        let shared = usize::try_from(number(&mut self.input)?).ok()?;
        let rest = number(&mut self.input)?;
        if shared > self.path.len() {
            return None;
        }
        std::mem::swap(&mut self.path, &mut self.previous);
        self.path.clear();
        self.path.extend_from_slice(&self.previous[..shared]);
        read_into(&mut self.input, rest, &mut self.path)?;
        // Strictly increasing, as written: what pairing the cache with the walk relies on.
        if self.current && self.path <= self.previous {
            return None;
        }
        self.size = number(&mut self.input)?;
        self.mtime = unzigzag(number(&mut self.input)?);
        let body = number(&mut self.input)?;
        self.body.clear();
        read_into(&mut self.input, body, &mut self.body)
    }
}

/// Writes the cache of `entries` (sorted by path bytes, as a load leaves them).
pub fn write(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("tmp");
    let mut out = BufWriter::with_capacity(BUFFER, File::create(&tmp)?);
    out.write_all(HEADER)?;
    let mut record = Vec::new();
    put_number(&mut record, entries.len() as u64);
    out.write_all(&record)?;
    record.clear();
    let mut previous: &[u8] = &[];
    let mut body = Vec::new();
    for e in entries {
        let path = e.path.as_os_str().as_encoded_bytes();
        let shared = path
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        put_number(&mut record, shared as u64);
        put_bytes(&mut record, &path[shared..]);
        put_number(&mut record, e.size);
        put_number(&mut record, zigzag(e.mtime));
        body.clear();
        put_number(&mut body, e.paragraphs as u64);
        put_number(&mut body, e.replaced as u64);
        put_bytes(&mut body, e.encoding.as_bytes());
        put_bytes(&mut body, e.title.as_bytes());
        for field in [&e.meta.source, &e.meta.author, &e.meta.date, &e.meta.url] {
            match field {
                None => put_number(&mut body, 0),
                Some(s) => {
                    put_number(&mut body, s.len() as u64 + 1);
                    body.extend_from_slice(s.as_bytes());
                }
            }
        }
        put_bytes(&mut record, &body);
        out.write_all(&record)?;
        record.clear();
        previous = path;
    }
    out.write_all(TRAILER)?;
    out.into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    std::fs::rename(tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entry(path: &str, title: &str) -> Entry {
        Entry {
            path: PathBuf::from(path),
            title: title.to_owned(),
            meta: Meta::default(),
            paragraphs: 3,
            encoding: "UTF-8".to_owned(),
            replaced: 0,
            size: 1234,
            mtime: 1_700_000_000_123_456_789,
            ctime: 0,
            inode: 0,
        }
    }

    fn sample() -> Vec<Entry> {
        let mut full = entry("/news/a/001.md", "عنوان\tمع تبويب\nوسطر");
        full.meta = Meta {
            source: Some("المصدر".to_owned()),
            author: Some(String::new()),
            date: Some("2024-01-02".to_owned()),
            url: Some("https://example.com/1".to_owned()),
        };
        full.encoding = "windows-1256".to_owned();
        full.replaced = 7;
        let mut old = entry("/news/a/002.txt", "قبل ١٩٧٠");
        old.mtime = -5_000_000_001;
        vec![
            full,
            old,
            entry("/news/a/002.txtx", ""),
            entry("/news/b/1.txt", "Latin title"),
            entry("/news/bb", "\\ backslash \\t"),
        ]
    }

    /// The entries of the cache at `path`, and whether it was read to its end.
    fn read_all(path: &Path) -> (Vec<Entry>, bool) {
        let mut all = Vec::new();
        let Some(mut r) = Reader::open(path) else {
            return (all, false);
        };
        while let Some(rec) = r.current() {
            let f = rec.fields().unwrap();
            all.push(Entry {
                path: PathBuf::from(String::from_utf8(rec.path.to_vec()).unwrap()),
                title: f.title,
                meta: f.meta,
                paragraphs: f.paragraphs,
                encoding: f.encoding,
                replaced: f.replaced,
                size: rec.size,
                mtime: rec.mtime,
                ctime: 0,
                inode: 0,
            });
            r.advance();
        }
        (all, r.finished())
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("qari-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("library.cache")
    }

    #[test]
    fn round_trip() {
        let file = temp("round-trip");
        write(&file, &sample()).unwrap();
        assert_eq!(read_all(&file), (sample(), true));
        write(&file, &[]).unwrap();
        assert_eq!(read_all(&file), (Vec::new(), true));
        assert!(!file.with_extension("tmp").exists());
        let _ = std::fs::remove_dir_all(file.parent().unwrap());
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_empty_or_cut() {
        let file = temp("damage");
        write(&file, &sample()).unwrap();
        let good = std::fs::read(&file).unwrap();
        // Cut short: not read at all.
        std::fs::write(&file, &good[..good.len() - 1]).unwrap();
        assert_eq!(read_all(&file), (Vec::new(), false));
        std::fs::write(&file, &good[..HEADER.len() + 3]).unwrap();
        assert_eq!(read_all(&file), (Vec::new(), false));
        // Another version, or text.
        std::fs::write(&file, b"qari library cache 2\n1\t2\n").unwrap();
        assert_eq!(read_all(&file), (Vec::new(), false));
        let mut other = good.clone();
        other[HEADER.len() - 2] = b'9';
        std::fs::write(&file, &other).unwrap();
        assert_eq!(read_all(&file), (Vec::new(), false));
        std::fs::write(&file, b"").unwrap();
        assert_eq!(read_all(&file), (Vec::new(), false));
        // A record that claims more than the file holds ends the cache there, whatever the
        // byte changed: what was read before it is intact.
        for at in HEADER.len()..good.len() - TRAILER.len() {
            let mut bad = good.clone();
            bad[at] = 0xff;
            std::fs::write(&file, &bad).unwrap();
            let Some(mut r) = Reader::open(&file) else {
                continue;
            };
            let mut previous = Vec::new();
            while let Some(rec) = r.current() {
                assert!(rec.path > previous.as_slice(), "out of order at byte {at}");
                previous = rec.path.to_vec();
                let _ = rec.fields();
                r.advance();
            }
        }
        let _ = std::fs::remove_dir_all(file.parent().unwrap());
    }

    #[test]
    fn a_missing_cache_is_empty() {
        assert!(Reader::open(Path::new("/nonexistent/qari/library.cache")).is_none());
    }
}
