//! Posting lists: for each word of normalised text (see `words`), the ids of the articles whose
//! text holds it, sorted. A list is coded as Rice-coded gaps, in blocks of 128 with a parameter
//! each (so that a list whose articles bunch together, as a story's do in time, still codes
//! well), or as a bitmap when that is smaller (words in most articles). For a word in a
//! fraction p of the articles, Rice codes take within a few percent of the entropy of a random
//! subset (about 3 bits an id at p = 0.3); byte varints took at least 8, and Elias-Fano 20 %
//! more than Rice on the trigram lists this index kept before. Lists are written in segments
//! (one per update, one per round of a build, see `build`), and a word's list is the union of
//! its segments' lists.

const BITMAP: u8 = 1;
const RICE: u8 = 2;

pub fn put_varint(out: &mut Vec<u8>, v: u32) {
    crate::varint::put(out, u64::from(v));
}

pub fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut rest = bytes.get(*at..)?;
    let v = u32::try_from(crate::varint::get(&mut rest)?).ok()?;
    *at = bytes.len() - rest.len();
    Some(v)
}

/// Appends the ids of a list of varint gaps (the in-memory form of `build`) to `out`.
pub fn decode_gaps(bytes: &[u8], out: &mut Vec<u32>) -> Option<()> {
    let (mut at, mut last) = (0, 0u32);
    while at < bytes.len() {
        last = last.checked_add(get_varint(bytes, &mut at)?)?;
        out.push(last);
    }
    Some(())
}

use super::bits::{BitReader, BitWriter, ESCAPE};

/// Gaps per block of a Rice-coded list, each block with its own parameter.
const BLOCK: usize = 128;

/// Bits to code `gaps` with Rice parameter `k`.
fn rice_bits(gaps: &[u32], k: u32) -> u64 {
    gaps.iter()
        .map(|&d| match d >> k {
            q if q < ESCAPE => u64::from(q + 1 + k),
            _ => u64::from(ESCAPE + 32),
        })
        .sum()
}

/// The Rice parameter for a block of gaps: the cheapest of three near log2 of their median
/// (for geometric gaps the best is log2 of the mean times ln 2, about the median; a mean would
/// follow the one long gap between two bunches).
fn rice_parameter(gaps: &[u32], scratch: &mut Vec<u32>) -> u32 {
    scratch.clear();
    scratch.extend_from_slice(gaps);
    let middle = scratch.len() / 2;
    let median = if scratch.is_empty() {
        0
    } else {
        *scratch.select_nth_unstable(middle).1
    };
    let guess = (u64::from(median) + 1).ilog2().min(31);
    (guess.saturating_sub(1)..=(guess + 1).min(31))
        .min_by_key(|&k| rice_bits(gaps, k))
        .unwrap_or(guess)
}

/// Encodes sorted, distinct `ids`: Rice-coded gaps or a bitmap, whichever is smaller.
pub fn encode(ids: &[u32]) -> Vec<u8> {
    let mut out = vec![RICE];
    put_varint(&mut out, ids.len() as u32);
    let Some((&first, &max)) = ids.first().zip(ids.last()) else {
        return out;
    };
    let span = u64::from(max - first) + 1;
    // A Rice code takes 2 bits an id at least: no need to try it on a list this dense.
    if 2 * ids.len() as u64 >= span {
        return bitmap(ids, out);
    }
    // Gaps less one (ids are distinct), the first id as it is.
    let gaps: Vec<u32> = std::iter::once(first)
        .chain(ids.windows(2).map(|w| w[1] - w[0] - 1))
        .collect();
    let mut bits = BitWriter::new(&mut out);
    let mut scratch = Vec::with_capacity(BLOCK);
    for block in gaps.chunks(BLOCK) {
        let k = rice_parameter(block, &mut scratch);
        bits.put(k, 5);
        for &d in block {
            match d >> k {
                q if q < ESCAPE => {
                    bits.unary(q);
                    bits.put(d, k);
                }
                _ => {
                    bits.put(u32::MAX, ESCAPE);
                    bits.put(d, 32);
                }
            }
        }
    }
    bits.finish();
    if span.div_ceil(8) + 5 < out.len() as u64 {
        return bitmap(ids, out);
    }
    out
}

/// `ids` (not empty) as a bitmap from the first, in `out`'s allocation.
fn bitmap(ids: &[u32], mut out: Vec<u8>) -> Vec<u8> {
    let (first, max) = (ids[0], ids[ids.len() - 1]);
    out.clear();
    out.push(BITMAP);
    put_varint(&mut out, first);
    let at = out.len();
    out.resize(at + (max - first) as usize / 8 + 1, 0);
    for &id in ids {
        let bit = (id - first) as usize;
        out[at + bit / 8] |= 1 << (bit % 8);
    }
    out
}

/// Appends the ids of an encoded list to `out`; None when the bytes are not a list.
pub fn decode(bytes: &[u8], out: &mut Vec<u32>) -> Option<()> {
    let mut at = 1;
    match *bytes.first()? {
        BITMAP => {
            let first = get_varint(bytes, &mut at)?;
            for (i, &byte) in bytes.get(at..)?.iter().enumerate() {
                let mut bits = byte;
                while bits != 0 {
                    let bit = bits.trailing_zeros();
                    out.push(first.checked_add(u32::try_from(i * 8).ok()? + bit)?);
                    bits &= bits - 1;
                }
            }
        }
        RICE => {
            let n = get_varint(bytes, &mut at)? as usize;
            let rest = bytes.get(at..)?;
            // Each id takes a bit at least: a count beyond them is damage, and must not
            // reserve memory.
            if n > rest.len() * 8 {
                return None;
            }
            let mut r = BitReader::new(rest);
            out.reserve(n);
            let (mut next, mut k) = (0u32, 0);
            for i in 0..n {
                if i % BLOCK == 0 {
                    k = r.take(5);
                }
                let d = match r.unary() {
                    ESCAPE => r.take(32),
                    q => (q << k) | r.take(k),
                };
                let id = next.checked_add(d)?;
                out.push(id);
                if i + 1 < n {
                    next = id.checked_add(1)?;
                }
                if !r.within() {
                    return None;
                }
            }
        }
        _ => return None,
    }
    Some(())
}

/// The ids in both sorted lists.
pub fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The ids in either sorted, distinct list (each id once).
pub fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(ids: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        decode(&encode(ids), &mut out).unwrap();
        out
    }

    /// A deterministic list of about `density` of `0..span` (xorshift).
    fn sample(span: u32, per_mille: u64, seed: u64) -> Vec<u32> {
        let mut x = seed | 1;
        (0..span)
            .filter(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % 1000 < per_mille
            })
            .collect()
    }

    #[test]
    fn lists_round_trip_as_rice_codes_or_bitmaps() {
        let sparse = [3, 1000, 70_000, 4_000_000_000];
        assert_eq!(encode(&sparse)[0], RICE);
        assert_eq!(round_trip(&sparse), sparse);
        let dense: Vec<u32> = (100..5000).filter(|i| i % 3 != 0).collect();
        assert_eq!(encode(&dense)[0], BITMAP);
        assert_eq!(round_trip(&dense), dense);
        assert_eq!(round_trip(&[]), Vec::<u32>::new());
        for one in [0, 1, 2, 255, 256, 65_537, u32::MAX - 1, u32::MAX] {
            assert_eq!(round_trip(&[one]), vec![one], "{one}");
        }
        let ends = [0, 1, u32::MAX - 1, u32::MAX];
        assert_eq!(round_trip(&ends), ends);
        let all: Vec<u32> = (0..1000).collect();
        assert_eq!(round_trip(&all), all);
        let high: Vec<u32> = (u32::MAX - 999..=u32::MAX).collect();
        assert_eq!(round_trip(&high), high);
        for per_mille in [1, 10, 50, 120, 300, 600, 950] {
            for seed in 1..4 {
                let ids = sample(100_000, per_mille, seed);
                assert_eq!(round_trip(&ids), ids, "{per_mille} {seed}");
            }
        }
    }

    #[test]
    fn lists_are_about_as_small_as_a_random_subset_allows() {
        // The entropy of a random subset of density p, per id: H(p) / p; byte gaps took 8 bits
        // at least.
        for per_mille in [5, 50, 150, 300] {
            let ids = sample(100_000, per_mille, 7);
            let p = per_mille as f64 / 1000.0;
            let entropy = -(p * p.log2() + (1.0 - p) * (1.0 - p).log2()) / p;
            let bits = encode(&ids).len() as f64 * 8.0 / ids.len() as f64;
            assert!(bits < entropy * 1.06, "{per_mille}: {bits} for {entropy}");
        }
        // Bunched: a block's parameter follows its own gaps.
        let mut ids: Vec<u32> = (0..1000).map(|i| i * 3).collect();
        ids.extend((0..1000).map(|i| 10_000_000 + i * 1000));
        assert_eq!(round_trip(&ids), ids);
        // 3 bits an id, then 11, and the block across both a little more (one parameter for
        // all would take about 13 bits an id, 3,250 bytes).
        let len = encode(&ids).len();
        assert!(len < 1000 * 3 / 8 + 1000 * 11 / 8 + 200, "{len}");
        // Gaps past the escape.
        let far = [0, 1 << 20, (1 << 20) + 1, u32::MAX];
        assert_eq!(round_trip(&far), far);
        // Dense: the bitmap, one bit an article.
        let ids = sample(100_000, 600, 7);
        assert!(encode(&ids).len() <= 100_000 / 8 + 4);
    }

    #[test]
    fn damaged_lists_are_refused() {
        let mut out = Vec::new();
        assert!(decode(&[], &mut out).is_none());
        assert!(decode(&[7, 1], &mut out).is_none());
        assert!(decode(&[0, 1], &mut out).is_none());
        // A count beyond the bits there are.
        assert!(decode(&[RICE, 0xff, 0xff, 0x0f, 3, 0xff], &mut out).is_none());
        // More ids than the bits hold.
        let mut bytes = encode(&[5, 9, 400]);
        bytes[1] = 20;
        assert!(decode(&bytes, &mut out).is_none());
        // An id past u32::MAX: u32::MAX, then another.
        let mut bytes = encode(&[0, u32::MAX]);
        assert_eq!(bytes[..2], [RICE, 2]);
        bytes[1] = 3;
        bytes.push(0);
        assert!(decode(&bytes, &mut out).is_none());
        // Truncated anywhere: refused or fewer ids, never a panic.
        let bytes = encode(&sample(10_000, 30, 3));
        for cut in 0..bytes.len() {
            out.clear();
            let _ = decode(&bytes[..cut], &mut out);
        }
        assert!(decode(&[BITMAP, 0xff, 0xff, 0xff, 0xff, 0x0f, 0xff], &mut out).is_none());
    }

    #[test]
    fn gaps_decode() {
        let mut bytes = Vec::new();
        for gap in [1, 127, 128, 70_000] {
            put_varint(&mut bytes, gap);
        }
        let mut out = Vec::new();
        decode_gaps(&bytes, &mut out).unwrap();
        assert_eq!(out, vec![1, 128, 256, 70_256]);
        assert!(decode_gaps(&[0x80], &mut out).is_none());
    }

    #[test]
    fn intersection_and_union() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[2, 3, 7, 9]), vec![3, 7]);
        assert!(intersect(&[], &[1]).is_empty());
        assert_eq!(union(&[1, 3, 5, 7], &[2, 3, 7, 9]), vec![1, 2, 3, 5, 7, 9]);
        assert_eq!(union(&[], &[1]), vec![1]);
    }
}
