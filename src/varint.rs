//! The one variable-length number coding written to disk (LEB128: seven bits a byte, low bits
//! first, the high bit set on all but the last), with zigzag for signed numbers. The library
//! cache, the index's catalog and its posting lists all use it. Anything that does not decode
//! is None: callers treat it as damage, never as a panic.

/// Appends `n`: a small number takes one byte.
pub fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The number at the start of `bytes`, which are advanced past it; None when they end first or
/// it runs past ten bytes.
pub fn get(bytes: &mut &[u8]) -> Option<u64> {
    let mut n: u64 = 0;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// A signed number with its sign in the low bit, so that small ones of either sign stay short.
pub fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

pub fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let mut out = Vec::new();
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            out.clear();
            put(&mut out, n);
            let mut bytes = out.as_slice();
            assert_eq!(get(&mut bytes), Some(n));
            assert!(bytes.is_empty());
        }
        for n in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(unzigzag(zigzag(n)), n);
        }
        assert_eq!(get(&mut [0xff; 11].as_slice()), None);
        assert_eq!(get(&mut [0x80].as_slice()), None);
    }
}
