//! The cache's encoding: numbers as LEB128 (a small number takes one byte), texts and byte
//! strings as their length and bytes, read from a stream or from a record's bytes. Anything
//! that does not decode is None: the caller treats it as damage, never as a panic.

use std::io::{BufRead, Read};

/// Paths and records up to this long are read in one piece.
const SHORT: usize = 1 << 16;

pub use crate::varint::{put as put_number, unzigzag, zigzag};

pub fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_number(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// A number from a stream; None at its end or past ten bytes.
pub fn number(input: &mut impl BufRead) -> Option<u64> {
    let mut n = 0;
    for shift in (0..64).step_by(7) {
        let mut byte = [0];
        input.read_exact(&mut byte).ok()?;
        n |= u64::from(byte[0] & 0x7f) << shift;
        if byte[0] < 0x80 {
            return Some(n);
        }
    }
    None
}

/// Appends `len` bytes of the stream to `out`.
pub fn read_into(input: &mut impl Read, len: u64, out: &mut Vec<u8>) -> Option<()> {
    let before = out.len();
    match usize::try_from(len) {
        Ok(n) if n <= SHORT => {
            out.resize(before + n, 0);
            input.read_exact(&mut out[before..]).ok()
        }
        // A damaged length must not allocate more than the file holds.
        _ => {
            let whole = input.take(len).read_to_end(out).ok() == usize::try_from(len).ok();
            if !whole {
                out.truncate(before);
            }
            whole.then_some(())
        }
    }
}

/// A record's body being decoded.
pub struct Bytes<'a>(pub &'a [u8]);

impl Bytes<'_> {
    pub fn number(&mut self) -> Option<u64> {
        number(&mut self.0)
    }

    fn take(&mut self, len: u64) -> Option<String> {
        let len = usize::try_from(len).ok()?;
        let (text, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    pub fn text(&mut self) -> Option<String> {
        let len = self.number()?;
        self.take(len)
    }

    /// An optional text: its length plus one, 0 for none. (The outer None is damage, as
    /// everywhere here; the inner one an absent field.)
    #[allow(clippy::option_option)]
    pub fn optional(&mut self) -> Option<Option<String>> {
        match self.number()? {
            0 => Some(None),
            n => self.take(n - 1).map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for n in [0, 1, 127, 128, 300, u64::MAX] {
            let mut out = Vec::new();
            put_number(&mut out, n);
            assert_eq!(number(&mut out.as_slice()), Some(n));
        }
        for n in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(unzigzag(zigzag(n)), n);
        }
        assert_eq!(number(&mut [0xff; 11].as_slice()), None);
    }

    #[test]
    fn texts_that_do_not_decode_are_none() {
        let mut out = Vec::new();
        put_bytes(&mut out, "نص".as_bytes());
        assert_eq!(Bytes(&out).text().as_deref(), Some("نص"));
        assert_eq!(Bytes(&out[..out.len() - 1]).text(), None);
        assert_eq!(Bytes(&[2, 0xd9, 0x20]).text(), None);
        assert_eq!(Bytes(&[0]).optional(), Some(None));
        assert_eq!(Bytes(&[1]).optional(), Some(Some(String::new())));
        let mut long = Vec::new();
        assert_eq!(
            read_into(&mut [1u8, 2].as_slice(), 1 << 40, &mut long),
            None
        );
        assert_eq!(read_into(&mut [1u8, 2].as_slice(), 2, &mut long), Some(()));
        assert_eq!(long, [1, 2]);
    }
}
