//! Gathering posting lists in memory while an index is built, one gatherer per worker thread.
//! Each article's words are taken as they come: an article's id is added to a word's list only
//! when it is not already its last id, which keeps lists distinct as long as ids come in
//! increasing order. Postings are kept as the numbers of their words' lists, four bytes each,
//! in one array (see [`Gather`]), and made into lists of varint gaps when taken.

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
#[derive(Clone, Copy, Default)]
struct Slot {
    list: u32,
    last: u32,
}

/// A place of the table: a key (all zeros when empty: a word is never empty) and its slot, in
/// 32 bytes aligned to 32 (two to a cache line, none across two).
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Place {
    key: Short,
    slot: Slot,
}

/// The slots of short words: open addressing with linear probing, at most 3/4 full. Its own
/// table rather than std's, so that an article's words can all be looked at once before any
/// is looked up (see [`Gather::add`]).
#[derive(Default)]
struct Table {
    places: Vec<Place>,
    len: usize,
}

/// The hash of a short word: every bit of the key reaches the low bits, which pick the place.
fn hash(key: &Short) -> u64 {
    let mut h = (key[0].wrapping_mul(K)
        ^ key[1].rotate_left(29).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
    .wrapping_add(key[2])
    .wrapping_mul(K);
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ (h >> 29)
}

impl Table {
    fn mask(&self) -> usize {
        self.places.len().wrapping_sub(1)
    }

    /// Reads where `hash` would be found, for the processor to fetch it early: the value read
    /// only makes the read happen.
    fn touch(&self, hash: u64) -> u64 {
        self.places
            .get(hash as usize & self.mask())
            .map_or(0, |place| place.key[0])
    }

    /// The slot of `key` (whose hash is `hash`), made with list `next` if it has none.
    fn slot(&mut self, key: Short, hash: u64, next: u32) -> &mut Slot {
        if 4 * (self.len + 1) > 3 * self.places.len() {
            self.grow();
        }
        let mask = self.mask();
        let mut i = hash as usize & mask;
        loop {
            let k = self.places[i].key;
            if k == key {
                break;
            }
            if k == [0; 3] {
                self.places[i] = Place {
                    key,
                    slot: Slot {
                        list: next,
                        last: 0,
                    },
                };
                self.len += 1;
                break;
            }
            i = (i + 1) & mask;
        }
        &mut self.places[i].slot
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.places);
        self.places = vec![Place::default(); (old.len() * 2).max(1 << 12)];
        let mask = self.mask();
        for place in old {
            if place.key != [0; 3] {
                let mut i = hash(&place.key) as usize & mask;
                while self.places[i].key != [0; 3] {
                    i = (i + 1) & mask;
                }
                self.places[i] = place;
            }
        }
    }
}

/// What a new word costs in memory besides its bytes: its key and slot.
const WORD_COST: usize = 64;

/// Posting lists being gathered. Each article's new postings are appended to one array, as
/// the numbers of their words' lists; the lists are made from it when taken. Appending to each
/// word's own list as it came, and looking words up in std's map one by one, the build waited
/// on memory: a cache miss for the word's slot, its list and the list's end. Now an article's
/// words are all looked at first (their slots fetched at once) and then looked up.
#[derive(Default)]
pub struct Gather {
    /// Each word's slot, for short words and the others.
    short: Table,
    long: HashMap<Word, Slot, Hashed>,
    /// The article's short words being added, with their hashes.
    batch: Vec<(Short, u64)>,
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
        let mut batch = std::mem::take(&mut self.batch);
        batch.clear();
        for word in words(text) {
            if let Some(key) = short(word) {
                batch.push((key, hash(&key)));
            } else {
                let next = self.lists;
                let slot = match self.long.get_mut(word) {
                    Some(slot) => slot,
                    None => self.long.entry(word.into()).or_insert(Slot {
                        list: next,
                        last: 0,
                    }),
                };
                let was = *slot;
                slot.last = id;
                self.post(was, id, word.len());
            }
        }
        // In a loop of its own, so that many reads are under way at once.
        let touched = batch.iter().fold(0, |t, &(_, h)| t ^ self.short.touch(h));
        std::hint::black_box(touched);
        for &(key, h) in &batch {
            let next = self.lists;
            let slot = self.short.slot(key, h, next);
            let was = *slot;
            slot.last = id;
            self.post(was, id, usize::from((key[2] >> 56) as u8));
        }
        self.batch = batch;
        let added = self.postings.len() - before;
        self.articles.push((id, self.postings.len()));
        self.bytes += 4 * added + 16;
        self.count += added;
    }

    /// Adds a posting of article `id` for the word of `slot` (as it was before this article
    /// touched it), `len` bytes long.
    fn post(&mut self, slot: Slot, id: u32, len: usize) {
        if slot.last == id {
            return;
        }
        if slot.list == self.lists {
            self.lists += 1;
            self.bytes += len + WORD_COST;
        }
        self.postings.push(slot.list);
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
        let mut out: Vec<(Word, Vec<u8>)> = std::mem::take(&mut self.short.places)
            .into_iter()
            .filter(|place| place.key != [0; 3])
            .map(|place| (unshort(&place.key), place.slot))
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
        let mut expected = std::collections::BTreeMap::<Word, Vec<u32>>::new();
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
