//! The index's list of files, kept as one record in the database, sorted by path: reading one
//! blob is far quicker than a row per file. It is written compactly, since a search reads it
//! whole: each path as the length it shares with the one before and the rest (front coding),
//! numbers as variable-length integers, times and inodes as differences from the row before
//! (files written together have near times and inodes). A search walks it without making a
//! string per file ([`scan`]); an update decodes it into rows ([`decode`]).

/// A file as the index last saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRow {
    pub path: String,
    /// Its text's id (a `texts` row and its postings); 0 when it could not be read.
    pub id: u32,
    /// Size, modification and status-change times (nanoseconds since the epoch) and inode
    /// number when it was read.
    pub size: u64,
    pub mtime: i64,
    pub ctime: i64,
    pub inode: u64,
    /// The content hash of what was read.
    pub hash: u64,
    /// Changed too shortly before it was read for its times to prove a later change: read
    /// again next time (see `update`).
    pub racy: bool,
}

/// A row as [`scan`] shows it: its path is borrowed from the scan's buffer.
#[derive(Clone, Copy, Debug)]
pub struct RowView<'a> {
    pub path: &'a [u8],
    pub id: u32,
    pub size: u64,
    pub mtime: i64,
    pub ctime: i64,
    pub inode: u64,
    pub hash: u64,
    pub racy: bool,
}

use crate::varint;

/// The format's first byte: a catalog of another format reads as damaged (and the index is
/// rebuilt).
const FORMAT: u8 = 2;

/// The catalog as bytes; `rows` sorted by path.
pub fn encode(rows: &[FileRow]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 32 + 1);
    out.push(FORMAT);
    let (mut last_path, mut last_mtime, mut last_inode): (&[u8], i64, u64) = (&[], 0, 0);
    for r in rows {
        let path = r.path.as_bytes();
        let shared = path
            .iter()
            .zip(last_path)
            .take_while(|(a, b)| a == b)
            .count();
        varint::put(&mut out, shared as u64);
        varint::put(&mut out, (path.len() - shared) as u64);
        out.extend_from_slice(&path[shared..]);
        varint::put(&mut out, u64::from(r.id));
        varint::put(&mut out, r.size);
        // Differences, zigzag-coded so that small ones of either sign are short.
        varint::put(&mut out, varint::zigzag(r.mtime.wrapping_sub(last_mtime)));
        varint::put(&mut out, varint::zigzag(r.ctime.wrapping_sub(r.mtime)));
        varint::put(
            &mut out,
            varint::zigzag(r.inode.wrapping_sub(last_inode) as i64),
        );
        out.extend_from_slice(&r.hash.to_le_bytes());
        out.push(u8::from(r.racy));
        (last_path, last_mtime, last_inode) = (path, r.mtime, r.inode);
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn var(&mut self) -> Option<u64> {
        let mut rest = self.bytes.get(self.at..)?;
        let v = varint::get(&mut rest)?;
        self.at = self.bytes.len() - rest.len();
        Some(v)
    }

    fn diff(&mut self) -> Option<i64> {
        self.var().map(varint::unzigzag)
    }
}

/// Calls `f` with every row, in order; None when the bytes are damaged (rows before the damage
/// may have been shown).
pub fn scan(bytes: &[u8], mut f: impl FnMut(&RowView<'_>)) -> Option<()> {
    let mut r = Reader { bytes, at: 0 };
    if bytes.is_empty() {
        return Some(());
    }
    if r.byte()? != FORMAT {
        return None;
    }
    let mut path: Vec<u8> = Vec::new();
    let (mut mtime, mut inode) = (0i64, 0u64);
    while r.at < bytes.len() {
        let shared = usize::try_from(r.var()?).ok()?;
        let rest = usize::try_from(r.var()?).ok()?;
        if shared > path.len() {
            return None;
        }
        path.truncate(shared);
        path.extend_from_slice(r.take(rest)?);
        let id = u32::try_from(r.var()?).ok()?;
        let size = r.var()?;
        mtime = mtime.wrapping_add(r.diff()?);
        let ctime = mtime.wrapping_add(r.diff()?);
        inode = inode.wrapping_add(r.diff()? as u64);
        let hash = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
        let racy = match r.byte()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        f(&RowView {
            path: &path,
            id,
            size,
            mtime,
            ctime,
            inode,
            hash,
            racy,
        });
    }
    Some(())
}

/// The catalog from its bytes; None when they are damaged.
pub fn decode(bytes: &[u8]) -> Option<Vec<FileRow>> {
    let mut rows = Vec::new();
    let mut utf8 = true;
    scan(bytes, |v| match std::str::from_utf8(v.path) {
        Ok(path) => rows.push(FileRow {
            path: path.to_owned(),
            id: v.id,
            size: v.size,
            mtime: v.mtime,
            ctime: v.ctime,
            inode: v.inode,
            hash: v.hash,
            racy: v.racy,
        }),
        Err(_) => utf8 = false,
    })?;
    utf8.then_some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, id: u32, mtime: i64, inode: u64) -> FileRow {
        FileRow {
            path: path.into(),
            id,
            size: 10,
            mtime,
            ctime: mtime.wrapping_add(5),
            inode,
            hash: u64::MAX - u64::from(id),
            racy: id.is_multiple_of(2),
        }
    }

    #[test]
    fn round_trip() {
        let rows = vec![
            row("", 0, 0, 0),
            row("/a/مدينة.txt", 7, -1, 99),
            row("/a/مدينة2.txt", 8, i64::MAX, 3),
            row("/a/ب", u32::MAX, i64::MIN, u64::MAX),
            row("/b", 1, 1_700_000_000_000_000_000, 1),
        ];
        let bytes = encode(&rows);
        assert_eq!(decode(&bytes), Some(rows.clone()));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(decode(&[]), Some(Vec::new()));
        assert_eq!(decode(&encode(&[])), Some(Vec::new()));
        // A catalog of the format before (no format byte) is damaged, not misread.
        assert_eq!(decode(&[9, 0, 0, 0]), None);
    }

    #[test]
    fn paths_are_front_coded() {
        let rows: Vec<FileRow> = (0..1000)
            .map(|i| {
                row(
                    &format!("/home/reader/news/2024/{i:06}.txt"),
                    i + 1,
                    1_700_000_000_000_000_000 + i64::from(i) * 1000,
                    5000 + u64::from(i),
                )
            })
            .collect();
        let bytes = encode(&rows);
        // The path alone is 34 bytes; its row takes less than that.
        assert!(bytes.len() < 1000 * 30, "{} bytes", bytes.len());
        assert_eq!(decode(&bytes), Some(rows));
    }
}
