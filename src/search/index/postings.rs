//! Trigram posting lists: for each three-character piece of normalised text (a gram), the ids
//! of the articles whose text holds it, sorted. A list is kept as variable-length gaps, or as a
//! bitmap when that is smaller (grams found in most articles). Lists are written in segments
//! (one per update, a few per first build, so that memory stays bounded), and a gram's list is
//! the union of its segments' lists.

use std::collections::HashMap;

/// A gram: its three characters, 21 bits each (a positive SQLite integer).
pub type Gram = i64;

fn gram(a: char, b: char, c: char) -> Gram {
    (i64::from(u32::from(a)) << 42) | (i64::from(u32::from(b)) << 21) | i64::from(u32::from(c))
}

/// The distinct grams of `text`, sorted, into `out`.
pub fn grams(text: &str, out: &mut Vec<Gram>) {
    out.clear();
    let mut chars = text.chars();
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else {
        return;
    };
    for c in chars {
        out.push(gram(a, b, c));
        (a, b) = (b, c);
    }
    out.sort_unstable();
    out.dedup();
}

const GAPS: u8 = 0;
const BITMAP: u8 = 1;

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Encodes sorted, distinct `ids`: gaps or bitmap, whichever is smaller.
pub fn encode(ids: &[u32]) -> Vec<u8> {
    let mut gaps = vec![GAPS];
    let mut last = 0;
    for &id in ids {
        put_varint(&mut gaps, id - last);
        last = id;
    }
    let (Some(&first), Some(&max)) = (ids.first(), ids.last()) else {
        return gaps;
    };
    let span = (max - first) as usize / 8 + 1;
    if span + 6 >= gaps.len() {
        return gaps;
    }
    let mut bitmap = vec![BITMAP];
    put_varint(&mut bitmap, first);
    let at = bitmap.len();
    bitmap.resize(at + span, 0);
    for &id in ids {
        let bit = (id - first) as usize;
        bitmap[at + bit / 8] |= 1 << (bit % 8);
    }
    bitmap
}

/// Appends the ids of an encoded list to `out`; None when the bytes are not a list.
pub fn decode(bytes: &[u8], out: &mut Vec<u32>) -> Option<()> {
    let mut at = 1;
    match *bytes.first()? {
        GAPS => {
            let mut last = 0u32;
            while at < bytes.len() {
                last = last.checked_add(get_varint(bytes, &mut at)?)?;
                out.push(last);
            }
        }
        BITMAP => {
            let first = get_varint(bytes, &mut at)?;
            for (i, &byte) in bytes.get(at..)?.iter().enumerate() {
                let mut bits = byte;
                while bits != 0 {
                    let bit = bits.trailing_zeros();
                    out.push(first + (i as u32) * 8 + bit);
                    bits &= bits - 1;
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

/// A hasher for grams, which are already well spread: one multiplication (std's SipHash took a
/// quarter of a first index's time here).
#[derive(Default)]
pub struct GramHasher(u64);

impl std::hash::Hasher for GramHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_i64(&mut self, g: i64) {
        self.0 = (g as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
    }
}

type GramMap<V> = HashMap<Gram, V, std::hash::BuildHasherDefault<GramHasher>>;

/// Postings gathered in memory before they are written as a segment.
#[derive(Default)]
pub struct Pending {
    lists: GramMap<Vec<u32>>,
    /// How many ids the lists hold.
    pub count: usize,
}

impl Pending {
    /// Adds article `id`, whose distinct grams are `grams`. Ids must come in increasing order.
    pub fn add(&mut self, id: u32, grams: &[Gram]) {
        for &g in grams {
            self.lists.entry(g).or_default().push(id);
        }
        self.count += grams.len();
    }

    /// The encoded lists, by gram, emptying the pending postings.
    pub fn take(&mut self) -> Vec<(Gram, Vec<u8>)> {
        self.count = 0;
        let mut lists: Vec<(Gram, Vec<u32>)> = self.lists.drain().collect();
        lists.sort_unstable_by_key(|(g, _)| *g);
        lists
            .into_iter()
            .map(|(g, ids)| (g, encode(&ids)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(ids: &[u32]) -> Vec<u32> {
        let mut out = Vec::new();
        decode(&encode(ids), &mut out).unwrap();
        out
    }

    #[test]
    fn lists_round_trip_as_gaps_or_bitmaps() {
        let sparse = [3, 1000, 70_000, 4_000_000_000];
        assert_eq!(encode(&sparse)[0], GAPS);
        assert_eq!(round_trip(&sparse), sparse);
        let dense: Vec<u32> = (100..5000).filter(|i| i % 3 != 0).collect();
        assert_eq!(encode(&dense)[0], BITMAP);
        assert_eq!(round_trip(&dense), dense);
        assert_eq!(round_trip(&[]), Vec::<u32>::new());
        assert_eq!(round_trip(&[0]), vec![0]);
        let mut out = Vec::new();
        assert!(decode(&[7, 1], &mut out).is_none());
        assert!(decode(&[GAPS, 0x80], &mut out).is_none());
    }

    #[test]
    fn grams_are_distinct_and_sorted() {
        let mut g = Vec::new();
        grams("abab", &mut g);
        assert_eq!(g, vec![gram('a', 'b', 'a'), gram('b', 'a', 'b')]);
        grams("ab", &mut g);
        assert!(g.is_empty());
        grams("مدينه", &mut g);
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn intersection() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[2, 3, 7, 9]), vec![3, 7]);
        assert!(intersect(&[], &[1]).is_empty());
    }
}
