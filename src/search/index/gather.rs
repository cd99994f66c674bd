//! Gathering posting lists in memory while an index is built, one gatherer per worker thread.
//! Each article's words are taken as they come: an article's id is added to a word's list only
//! when it is not already its last id, which keeps lists distinct as long as ids come in
//! increasing order. Lists are kept as varint gaps (a byte or two an id rather than four), so
//! that more articles fit in the memory a round of the build may use (see `build`).

use std::collections::HashMap;

use super::postings::put_varint;
use super::words::{Word, words};

/// A hasher for words, eight bytes at a time (std's SipHash, a byte at a time, is several
/// times slower on the short keys an index looks up hundreds of millions of times).
#[derive(Default)]
pub struct WordHasher(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The multiplications leave the high bits well mixed; fold them into the low ones,
        // which pick the table's slot.
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(23) ^ u64::from(b)).wrapping_mul(K);
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(23) ^ n as u64).wrapping_mul(K);
    }
}

type Hashed = std::hash::BuildHasherDefault<WordHasher>;

/// A word of at most [`SHORT`] bytes, kept in the table itself with its length in the last
/// byte: looked up with no pointer to follow and no call to compare bytes. Nearly every word of
/// Arabic news is one (nine letters take eighteen bytes).
type Short = [u64; 3];
const SHORT: usize = 23;

fn short(word: &[u8]) -> Option<Short> {
    if word.len() > SHORT {
        return None;
    }
    let mut bytes = [0u8; 24];
    bytes[..word.len()].copy_from_slice(word);
    bytes[SHORT] = word.len() as u8;
    let mut key = [0u64; 3];
    for (k, chunk) in key.iter_mut().zip(bytes.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *k = u64::from_le_bytes(b);
    }
    Some(key)
}

fn unshort(key: &Short) -> Word {
    let mut bytes = Vec::with_capacity(24);
    for k in key {
        bytes.extend_from_slice(&k.to_le_bytes());
    }
    let len = usize::from(bytes[SHORT]);
    bytes.truncate(len);
    bytes.into()
}

/// A word's place in the gatherer: its list, and the last article added to it (kept here, so
/// that a word seen again in the same article touches nothing else).
#[derive(Clone, Copy)]
struct Slot {
    list: u32,
    last: u32,
}

/// What a new word costs in memory besides its bytes: its key and slot.
const WORD_COST: usize = 48;

/// Posting lists being gathered. Each article's new postings are appended to one array, as
/// the numbers of their words' lists; the lists are made from it when taken. (Appending to
/// each word's own list as it came, the build waited on memory: three cache misses a posting,
/// for the list, its end and its slot, where now there is one.)
#[derive(Default)]
pub struct Gather {
    /// Each word's slot, for short words and the others.
    short: HashMap<Short, Slot, Hashed>,
    long: HashMap<Word, Slot, Hashed>,
    /// How many lists (words) there are.
    lists: u32,
    /// The postings: list numbers, article after article.
    postings: Vec<u32>,
    /// Each article's id and the end of its postings.
    articles: Vec<(u32, usize)>,
    /// How many bytes the postings and words hold.
    pub bytes: usize,
    /// How many ids the lists hold.
    pub count: usize,
}

impl Gather {
    /// Adds article `id`, whose normalised text is `text`. Ids must be above 0 and come in
    /// increasing order.
    pub fn add(&mut self, id: u32, text: &str) {
        let before = self.postings.len();
        for word in words(text) {
            let next = self.lists;
            let slot = match short(word) {
                Some(key) => self.short.entry(key).or_insert(Slot {
                    list: next,
                    last: 0,
                }),
                None => self.long.entry(word.into()).or_insert(Slot {
                    list: next,
                    last: 0,
                }),
            };
            if slot.last == id {
                continue;
            }
            slot.last = id;
            if slot.list == next {
                self.lists += 1;
                self.bytes += word.len() + WORD_COST;
            }
            self.postings.push(slot.list);
        }
        let added = self.postings.len() - before;
        self.articles.push((id, self.postings.len()));
        self.bytes += 4 * added + 16;
        self.count += added;
    }

    /// The lists (varint gaps), sorted by word, emptying the gatherer.
    pub fn take(&mut self) -> Vec<(Word, Vec<u8>)> {
        let mut sizes = vec![0u32; self.lists as usize];
        for &list in &self.postings {
            sizes[list as usize] += 1;
        }
        let mut lists: Vec<Vec<u8>> = sizes
            .iter()
            .map(|&n| Vec::with_capacity(n as usize + n as usize / 4))
            .collect();
        let mut last = vec![0u32; self.lists as usize];
        let mut from = 0;
        for &(id, end) in &self.articles {
            for &list in &self.postings[from..end] {
                let l = list as usize;
                put_varint(&mut lists[l], id - last[l]);
                last[l] = id;
            }
            from = end;
        }
        let mut out: Vec<(Word, Vec<u8>)> = std::mem::take(&mut self.short)
            .into_iter()
            .map(|(key, slot)| (unshort(&key), slot))
            .chain(std::mem::take(&mut self.long))
            .map(|(word, slot)| (word, std::mem::take(&mut lists[slot.list as usize])))
            .collect();
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        *self = Gather::default();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::postings::decode_gaps;
    use super::*;

    #[test]
    fn every_word_of_every_article_once_in_id_order() {
        let texts = [
            "مدينه المدينه المنوره",
            "abc abc x",
            "\n123 «قال» 12 ق",
            "",
            " ab\n\nab ",
            "مدينه 😀 ًcafé",
            // 23 and 24 bytes: the longest kept short, and the shortest kept long
            "abcdefghijklmnopqrstuvw abcdefghijklmnopqrstuvwx المستشفياتالجامعيه abcdefghijklmnopqrstuvw",
        ];
        let mut g = Gather::default();
        for (i, t) in texts.iter().enumerate() {
            g.add(i as u32 + 1, t);
        }
        let count = g.count;
        let lists = g.take();
        let mut expected: std::collections::BTreeMap<Word, Vec<u32>> = Default::default();
        for (i, t) in texts.iter().enumerate() {
            for w in t.split([' ', '\n']).filter(|w| !w.is_empty()) {
                let ids = expected.entry(w.as_bytes().into()).or_default();
                if ids.last() != Some(&(i as u32 + 1)) {
                    ids.push(i as u32 + 1);
                }
            }
        }
        let got: Vec<(Word, Vec<u32>)> = lists
            .iter()
            .map(|(w, bytes)| {
                let mut ids = Vec::new();
                decode_gaps(bytes, &mut ids).unwrap();
                (w.clone(), ids)
            })
            .collect();
        assert_eq!(got, expected.into_iter().collect::<Vec<_>>());
        assert_eq!(count, got.iter().map(|(_, ids)| ids.len()).sum::<usize>());
        // Emptied, and ready for more.
        assert_eq!((g.count, g.bytes), (0, 0));
        g.add(9, "xyz");
        assert_eq!(g.take().len(), 1);
    }
}
