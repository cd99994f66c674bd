//! The one hash qari writes to disk: 64-bit FNV-1a. File names (the per-collection index and
//! library cache), the index's content hashes and the bookmarks' paragraph fingerprints are
//! kept across runs, so their hash must never change with the Rust release, the platform or the
//! process: std's `DefaultHasher` promises none of that. FNV-1a is tiny, fixed by its
//! specification, and good enough to tell files apart and notice a change (nothing here is
//! adversarial).

const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// A running FNV-1a hash, for input that comes in pieces.
#[derive(Clone, Copy, Debug)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(OFFSET_BASIS)
    }
}

impl Fnv1a {
    /// Adds `bytes` to the hash.
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }

    /// The hash of everything written so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a::default();
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from the FNV specification's test suite: a change here would rename every index
    /// and cache and orphan every bookmark fingerprint.
    #[test]
    fn known_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(fnv1a("قارئ".as_bytes()), 0xc6b0_b17d_9b30_b6c2);
    }

    #[test]
    fn pieces_hash_as_the_whole() {
        let mut h = Fnv1a::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.finish(), fnv1a(b"foobar"));
    }
}
