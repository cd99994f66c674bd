//! Bits packed into bytes, least significant first, for the Rice-coded posting lists (see
//! [`super::postings`]): fixed-width values and unary quotients. The reader reads zeros past
//! the end and counts them, so that decoding a damaged list needs no check at each bit, only
//! one per id ([`BitReader::within`]).

/// A unary quotient this large is escaped: the value follows in 32 bits.
pub const ESCAPE: u32 = 32;

/// Appends bits to bytes, least significant first.
pub struct BitWriter<'a> {
    out: &'a mut Vec<u8>,
    acc: u64,
    bits: u32,
}

impl<'a> BitWriter<'a> {
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        BitWriter {
            out,
            acc: 0,
            bits: 0,
        }
    }

    /// Appends the `width` (up to 32) low bits of `value`.
    pub fn put(&mut self, value: u32, width: u32) {
        let mask = (1u64 << width) - 1;
        self.acc |= (u64::from(value) & mask) << self.bits;
        self.bits += width;
        while self.bits >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.bits -= 8;
        }
    }
    /// Appends `q` (below [`ESCAPE`]) in unary: q ones, then a zero.
    pub fn unary(&mut self, q: u32) {
        self.put((1 << q) - 1, q + 1);
    }
    pub fn finish(self) {
        if self.bits > 0 {
            self.out.push(self.acc as u8);
        }
    }
}

/// Reads bits written by [`BitWriter`]; past the end it reads zeros and counts them.
pub struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
    acc: u64,
    bits: u32,
    /// Bits read past the end.
    over: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader {
            bytes,
            at: 0,
            acc: 0,
            bits: 0,
            over: 0,
        }
    }

    fn refill(&mut self) {
        while self.bits <= 56 {
            match self.bytes.get(self.at) {
                Some(&b) => self.acc |= u64::from(b) << self.bits,
                None => self.over += 8,
            }
            self.at += 1;
            self.bits += 8;
        }
    }
    pub fn take(&mut self, width: u32) -> u32 {
        self.refill();
        let v = (self.acc & ((1u64 << width) - 1)) as u32;
        self.acc >>= width;
        self.bits -= width;
        v
    }
    /// A unary quotient, or [`ESCAPE`].
    pub fn unary(&mut self) -> u32 {
        self.refill();
        let ones = (!self.acc).trailing_zeros();
        if ones >= ESCAPE {
            self.acc >>= ESCAPE;
            self.bits -= ESCAPE;
            ESCAPE
        } else {
            self.acc >>= ones + 1;
            self.bits -= ones + 1;
            ones
        }
    }
    /// Whether every bit read was there (the last byte's padding aside).
    pub fn within(&self) -> bool {
        self.over <= self.bits as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_quotients_round_trip_and_reading_past_the_end_shows() {
        let mut out = Vec::new();
        let mut w = BitWriter::new(&mut out);
        w.put(5, 3);
        w.unary(0);
        w.unary(31);
        w.put(u32::MAX, 32);
        w.put(0, 0);
        w.put(1, 1);
        w.finish();
        let mut r = BitReader::new(&out);
        assert_eq!(r.take(3), 5);
        assert_eq!(r.unary(), 0);
        assert_eq!(r.unary(), 31);
        assert_eq!(r.take(32), u32::MAX);
        assert_eq!(r.take(0), 0);
        assert_eq!(r.take(1), 1);
        assert!(r.within());
        r.take(32);
        assert!(!r.within());
        let ones = [0xff; 5];
        assert_eq!(BitReader::new(&ones).unary(), ESCAPE);
    }
}
