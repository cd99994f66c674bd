//! The index's list of files, kept as one record in the database and read whole before each
//! search: reading one blob is far quicker than a row per file. Sorted by path.

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

/// The catalog as bytes.
pub fn encode(rows: &[FileRow]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 80);
    for r in rows {
        out.extend_from_slice(&(r.path.len() as u32).to_le_bytes());
        out.extend_from_slice(r.path.as_bytes());
        out.extend_from_slice(&r.id.to_le_bytes());
        for v in [r.size, r.mtime as u64, r.ctime as u64, r.inode, r.hash] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.push(u8::from(r.racy));
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
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

/// The catalog from its bytes; None when they are damaged.
pub fn decode(bytes: &[u8]) -> Option<Vec<FileRow>> {
    let mut r = Reader { bytes, at: 0 };
    let mut rows = Vec::new();
    while r.at < bytes.len() {
        let len = r.u32()? as usize;
        let path = std::str::from_utf8(r.take(len)?).ok()?.to_owned();
        rows.push(FileRow {
            path,
            id: r.u32()?,
            size: r.u64()?,
            mtime: r.u64()? as i64,
            ctime: r.u64()? as i64,
            inode: r.u64()?,
            hash: r.u64()?,
            racy: r.take(1)?[0] != 0,
        });
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let rows = vec![
            FileRow {
                path: "/a/مدينة.txt".into(),
                id: 7,
                size: 10,
                mtime: -1,
                ctime: 5,
                inode: 99,
                hash: u64::MAX,
                racy: true,
            },
            FileRow {
                path: String::new(),
                id: 0,
                size: 0,
                mtime: 0,
                ctime: 0,
                inode: 0,
                hash: 0,
                racy: false,
            },
        ];
        assert_eq!(decode(&encode(&rows)), Some(rows.clone()));
        let bytes = encode(&rows);
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(decode(&[]), Some(Vec::new()));
    }
}
