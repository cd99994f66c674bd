//! Gathering posting lists in memory while an index is built, one gatherer per worker thread
//! (a single gatherer on the writer thread was a sixth of a first index's time, and the other
//! core waited on it). Each article's grams are taken as they come, without sorting them: an
//! article's id is added to a gram's list only when it is not already its last id, which keeps
//! lists distinct as long as ids come in increasing order. Lists are kept as varint gaps (a byte
//! or two an id rather than four), so that more articles fit in the memory a round of the
//! build may use (see `build`).
//!
//! Most grams of Arabic news are three characters of a small alphabet (the letters left after
//! normalisation, digits, white space, common punctuation): their lists are found through a
//! table indexed by the three characters' 6-bit codes, which is far quicker than hashing; other
//! grams go through a hash map.

use std::collections::HashMap;

use super::postings::{Gram, gram, put_varint};

/// The 6-bit code of a character of the common alphabet, 0 for any other.
const fn alphabet() -> [u8; 0x700] {
    let mut table = [0u8; 0x700];
    let mut code = 1u8;
    let mut c = 0;
    while c < 0x700 {
        let common = matches!(c,
            0x20 | 0x0A | 0x30..=0x39 | 0x21 | 0x22 | 0x25 | 0x27 | 0x28 | 0x29 | 0x2C
            | 0x2D | 0x2E | 0x2F | 0x3A | 0x3F | 0xAB | 0xBB | 0x060C | 0x061B | 0x061F
            | 0x0621 | 0x0624 | 0x0626..=0x0628 | 0x062A..=0x063A | 0x0641..=0x0648 | 0x064A);
        if common {
            table[c] = code;
            code += 1;
        }
        c += 1;
    }
    assert!(code <= 64, "more than 63 common characters");
    table
}

static ALPHABET: [u8; 0x700] = alphabet();

fn code(c: char) -> u32 {
    ALPHABET.get(c as usize).map_or(0, |&k| u32::from(k))
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

/// No list yet in a table slot.
const NONE: u32 = u32::MAX;

/// A gram's list being gathered.
struct List {
    /// The last id added, 0 for none.
    last: u32,
    /// Varint gaps.
    bytes: Vec<u8>,
}

/// Posting lists being gathered.
pub struct Gather {
    /// By the three characters' codes: the list's index, or [`NONE`].
    table: Vec<u32>,
    /// Grams with a character outside the alphabet: the list's index.
    other: GramMap<u32>,
    /// Each list's gram, and the list.
    grams: Vec<Gram>,
    lists: Vec<List>,
    /// The lists of the article being added, one per gram (a first pass finds them all, so
    /// that the processor overlaps the lookups rather than wait on each in turn).
    found: Vec<u32>,
    /// How many bytes the lists hold.
    pub bytes: usize,
    /// How many ids the lists hold.
    pub count: usize,
}

impl Default for Gather {
    fn default() -> Self {
        Gather {
            table: vec![NONE; 1 << 18],
            other: GramMap::default(),
            grams: Vec::new(),
            lists: Vec::new(),
            found: Vec::new(),
            bytes: 0,
            count: 0,
        }
    }
}

impl Gather {
    /// Adds article `id`, whose normalised text is `text`. Ids must be above 0 and come in
    /// increasing order.
    pub fn add(&mut self, id: u32, text: &str) {
        let mut found = std::mem::take(&mut self.found);
        found.clear();
        let mut chars = text.chars();
        if let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) {
            let (mut ka, mut kb) = (code(a), code(b));
            for c in chars {
                let kc = code(c);
                let list = if ka != 0 && kb != 0 && kc != 0 {
                    let at = ((ka << 12) | (kb << 6) | kc) as usize;
                    match self.table[at] {
                        NONE => {
                            let list = self.new_list(gram(a, b, c));
                            self.table[at] = list;
                            list
                        }
                        list => list,
                    }
                } else {
                    let g = gram(a, b, c);
                    if let Some(&list) = self.other.get(&g) {
                        list
                    } else {
                        let list = self.new_list(g);
                        self.other.insert(g, list);
                        list
                    }
                };
                found.push(list);
                (a, b, ka, kb) = (b, c, kb, kc);
            }
        }
        for &list in &found {
            let list = &mut self.lists[list as usize];
            if list.last != id {
                let gap = id - list.last;
                list.last = id;
                if gap < 0x80 {
                    list.bytes.push(gap as u8);
                    self.bytes += 1;
                } else {
                    let before = list.bytes.len();
                    put_varint(&mut list.bytes, gap);
                    self.bytes += list.bytes.len() - before;
                }
                self.count += 1;
            }
        }
        self.found = found;
    }

    fn new_list(&mut self, g: Gram) -> u32 {
        self.grams.push(g);
        self.lists.push(List {
            last: 0,
            bytes: Vec::new(),
        });
        (self.lists.len() - 1) as u32
    }

    /// The lists (varint gaps), sorted by gram, emptying the gatherer.
    pub fn take(&mut self) -> Vec<(Gram, Vec<u8>)> {
        self.table.fill(NONE);
        self.other.clear();
        (self.bytes, self.count) = (0, 0);
        let mut lists: Vec<(Gram, Vec<u8>)> = std::mem::take(&mut self.grams)
            .into_iter()
            .zip(std::mem::take(&mut self.lists).into_iter().map(|l| l.bytes))
            .collect();
        lists.sort_unstable_by_key(|(g, _)| *g);
        lists
    }
}

#[cfg(test)]
mod tests {
    use super::super::postings::{decode_gaps, grams};
    use super::*;

    #[test]
    fn every_gram_of_every_article_once_in_id_order() {
        let texts = [
            "مدينة المدينة المنورة",
            "abc abc x",
            "\n١٢٣ «قال» 12 ق",
            "",
            "ab",
            "مدينة 😀 ًcafé",
        ];
        let mut g = Gather::default();
        for (i, t) in texts.iter().enumerate() {
            g.add(i as u32 + 1, t);
        }
        let count = g.count;
        let lists = g.take();
        let mut expected: Vec<(Gram, Vec<u32>)> = Vec::new();
        let mut gs = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            grams(t, &mut gs);
            for &x in &gs {
                match expected.iter_mut().find(|(y, _)| *y == x) {
                    Some((_, ids)) => ids.push(i as u32 + 1),
                    None => expected.push((x, vec![i as u32 + 1])),
                }
            }
        }
        expected.sort_unstable();
        let got: Vec<(Gram, Vec<u32>)> = lists
            .iter()
            .map(|(x, bytes)| {
                let mut ids = Vec::new();
                decode_gaps(bytes, &mut ids).unwrap();
                (*x, ids)
            })
            .collect();
        assert_eq!(got, expected);
        assert_eq!(
            count,
            expected.iter().map(|(_, ids)| ids.len()).sum::<usize>()
        );
        // Emptied, and ready for more.
        assert_eq!((g.count, g.bytes), (0, 0));
        g.add(9, "xyz");
        assert_eq!(g.take().len(), 1);
    }

    #[test]
    fn the_alphabet_fits_six_bits() {
        assert_eq!(code('م'), code('م'));
        assert_ne!(code('ا'), 0);
        assert_eq!(code('أ'), 0);
        assert_eq!(code('😀'), 0);
    }
}
