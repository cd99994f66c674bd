//! Reading the files an update must read, on all cores, in rounds of bounded memory. Each worker
//! thread reads, normalises and compresses its next files and gathers their postings itself
//! (see [`Gather`]); the texts go to the calling thread, which owns the database transaction.
//! Ids are the files' places in the list to read, offset by a base, so workers need not agree
//! on them, and each worker sees its ids in increasing order.
//!
//! A round ends when the gathered lists reach [`ROUND_BYTES`] (or the files run out): the
//! workers' lists are merged word by word, coded (on all cores) and written as one segment,
//! with one row a word. A first index of 100,000 articles is one round; a million take about
//! seven, each a segment, and the memory stays that of one round.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;

use zstd::bulk::Compressor;

use super::IndexError;
use super::codec::{self, Codec};
use super::gather::Gather;
use super::postings;
use super::words::Word;

/// Bytes of gathered postings (see `Gather`) a round may hold, over all
/// workers: about 100 MB for 100,000 articles of 3 KB (4 bytes a posting, and the words).
pub const ROUND_BYTES: usize = 160 << 20;

/// Files a worker takes at a time.
const CHUNK: usize = 16;

/// Files read out of order held back at most, to be taken in order.
const REORDER: usize = 4096;

/// Texts waiting for the calling thread: bounded, so that a slow writer holds the workers back
/// instead of filling memory.
const QUEUE: usize = 256;

/// What a worker made of a file.
pub enum Outcome {
    /// It cannot be read now.
    Unreadable,
    /// Its content hash is the one recorded: nothing else was done.
    Same { hash: u64 },
    /// Its content hash, compressed text and lengths (words in its title and body, see
    /// [`lengths`](crate::search::rank::lengths)); its postings are gathered under its id.
    New {
        hash: u64,
        stored: Vec<u8>,
        lengths: (u32, u32),
    },
}

/// Lists by word, coded (or varint gaps, as gathered).
pub type Lists = Vec<(Word, Vec<u8>)>;

/// A segment to write: its lists by word (sorted), and how many ids they hold.
pub struct Segment {
    pub lists: Lists,
    pub count: usize,
}

/// The work of one update.
pub struct Build<'a, R> {
    /// How many files to read.
    pub n: usize,
    /// Reads file `i`: its content hash and normalised text, or only its hash when that is
    /// `same` (None when it cannot be read).
    pub read: R,
    /// The id of file `i` is `base + i` (`base` above 0).
    pub base: u32,
    pub codec: &'a Codec,
    /// Bytes of gathered lists a round may hold ([`ROUND_BYTES`]; less in tests).
    pub round_bytes: usize,
}

/// What [`Build::read`] found.
pub enum Read {
    Same(u64),
    Text(u64, String),
}

impl<R: Fn(usize) -> Option<Read> + Sync> Build<'_, R> {
    /// Runs the build: `take(i, outcome)` for each file (nearly always in order) and `segment`
    /// for each round's postings, all on the calling thread. Stops at their first error.
    pub fn run(
        &self,
        mut take: impl FnMut(usize, Outcome) -> Result<(), IndexError>,
        mut segment: impl FnMut(Segment) -> Result<(), IndexError>,
    ) -> Result<(), IndexError> {
        let (next, mut expected) = (AtomicUsize::new(0), 0);
        while next.load(Ordering::Relaxed) < self.n {
            let gathered = self.round(&next, &mut expected, &mut take)?;
            segment(merge(gathered))?;
        }
        Ok(())
    }

    /// Reads file `i`, compresses its text with `c` and gathers its postings.
    fn one(
        &self,
        i: usize,
        c: Option<&mut Compressor<'_>>,
        buffer: &mut Vec<u8>,
        gather: &mut Gather,
    ) -> Outcome {
        match (self.read)(i) {
            None => Outcome::Unreadable,
            Some(Read::Same(hash)) => Outcome::Same { hash },
            Some(Read::Text(hash, text)) => {
                // None only when zstd cannot get memory: then it cannot be read now.
                match c.and_then(|c| codec::compress(c, &text, buffer)) {
                    Some(stored) => {
                        gather.add(self.base + i as u32, &text);
                        let lengths = crate::search::rank::lengths(text.as_bytes());
                        Outcome::New {
                            hash,
                            stored,
                            lengths,
                        }
                    }
                    None => Outcome::Unreadable,
                }
            }
        }
    }

    /// One round: the workers' gathered lists.
    fn round(
        &self,
        next: &AtomicUsize,
        expected: &mut usize,
        take: &mut impl FnMut(usize, Outcome) -> Result<(), IndexError>,
    ) -> Result<Vec<Lists>, IndexError> {
        let threads = crate::parallel::threads()
            .min(self.n.div_ceil(CHUNK))
            .max(1);
        let (bytes, full) = (AtomicUsize::new(0), AtomicBool::new(false));
        let budget = self.round_bytes / threads;
        std::thread::scope(|scope| {
            let (send, receive) = sync_channel(QUEUE);
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    let send = send.clone();
                    let (bytes, full) = (&bytes, &full);
                    scope.spawn(move || {
                        let mut gather = Gather::default();
                        let (mut c, mut buffer) = (self.codec.compressor(), Vec::new());
                        while !full.load(Ordering::Relaxed) {
                            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                            if start >= self.n {
                                break;
                            }
                            for i in start..self.n.min(start + CHUNK) {
                                let before = gather.bytes;
                                let outcome = self.one(i, c.as_mut(), &mut buffer, &mut gather);
                                let used =
                                    bytes.fetch_add(gather.bytes - before, Ordering::Relaxed);
                                if gather.bytes >= budget || used >= self.round_bytes {
                                    full.store(true, Ordering::Relaxed);
                                }
                                if send.send((i, outcome)).is_err() {
                                    return gather;
                                }
                            }
                        }
                        gather
                    })
                })
                .collect();
            drop(send);
            // Files are taken in order (texts then fill the database's pages, where inserts out
            // of order left a tenth of them empty); a file that takes long holds back no more
            // than REORDER others.
            let mut waiting = BTreeMap::new();
            let mut result = receive.iter().try_for_each(|(i, o)| {
                waiting.insert(i, o);
                loop {
                    let over = waiting.len() > REORDER;
                    let Some(first) = waiting.first_entry() else {
                        break;
                    };
                    if *first.key() > *expected && !over {
                        break;
                    }
                    let (i, o) = first.remove_entry();
                    *expected = (*expected).max(i + 1);
                    take(i, o)?;
                }
                Ok(())
            });
            // The workers stop at their next send once nobody receives.
            drop(receive);
            if result.is_ok() {
                result = waiting.into_iter().try_for_each(|(i, o)| {
                    *expected = (*expected).max(i + 1);
                    take(i, o)
                });
            }
            let mut gathered = Vec::with_capacity(threads);
            for handle in handles {
                match handle.join() {
                    Ok(mut gather) => gathered.push(gather.take()),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            result.map(|()| gathered)
        })
    }
}

/// The workers' lists (varint gaps, by word) merged and coded, by word, on all cores.
fn merge(gathered: Vec<Lists>) -> Segment {
    // Group each word's lists, in word order (each worker's lists are sorted by word).
    let mut groups: Vec<(Word, Vec<Vec<u8>>)> = Vec::new();
    let mut all: Vec<(Word, usize, Vec<u8>)> = gathered
        .into_iter()
        .enumerate()
        .flat_map(|(w, lists)| lists.into_iter().map(move |(g, bytes)| (g, w, bytes)))
        .collect();
    all.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    for (g, _, bytes) in all {
        match groups.last_mut() {
            Some((last, lists)) if *last == g => lists.push(bytes),
            _ => groups.push((g, vec![bytes])),
        }
    }
    let parts = crate::parallel::split_by_weight(&groups, 4 * crate::parallel::threads(), 1, |g| {
        g.1.iter().map(Vec::len).sum::<usize>() + 16
    });
    let coded: Vec<(Lists, usize)> = crate::parallel::map(&parts, |part| {
        let (mut ids, mut one, mut count) = (Vec::new(), Vec::new(), 0);
        let lists = groups[part.clone()]
            .iter()
            .map(|(g, lists)| {
                ids.clear();
                for bytes in lists {
                    one.clear();
                    // Made by `Gather` just now: never damaged.
                    let _ = postings::decode_gaps(bytes, &mut one);
                    ids = if ids.is_empty() {
                        std::mem::take(&mut one)
                    } else {
                        postings::union(&ids, &one)
                    };
                }
                count += ids.len();
                (g.clone(), postings::encode(&ids))
            })
            .collect();
        (lists, count)
    });
    let count = coded.iter().map(|(_, n)| n).sum();
    Segment {
        lists: coded.into_iter().flat_map(|(lists, _)| lists).collect(),
        count,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn rounds_hold_every_word_of_every_new_file_and_files_come_in_order() {
        let texts: Vec<String> = (0..600)
            .map(|i| format!("مقال {i} عن المدينة {} و{} abc", i % 7, i * 31 % 97))
            .collect();
        let codec = Codec::new(&[]);
        let mut expected: BTreeMap<Word, Vec<u32>> = BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            if i % 50 > 4 {
                for w in crate::search::index::words::words(t) {
                    let ids = expected.entry(w.into()).or_default();
                    if ids.last() != Some(&(10 + i as u32)) {
                        ids.push(10 + i as u32);
                    }
                }
            }
        }
        for round_bytes in [64, 4096, ROUND_BYTES] {
            let build = Build {
                n: texts.len(),
                read: |i: usize| match i % 50 {
                    0..=2 => None,
                    3 | 4 => Some(Read::Same(9)),
                    _ => Some(Read::Text(i as u64, texts[i].clone())),
                },
                base: 10,
                codec: &codec,
                round_bytes,
            };
            let (mut taken, mut segments) = (Vec::new(), Vec::new());
            build
                .run(
                    |i, outcome| {
                        let kind = match outcome {
                            Outcome::Unreadable => 0,
                            Outcome::Same { hash } | Outcome::New { hash, .. } => hash,
                        };
                        taken.push((i, kind));
                        Ok(())
                    },
                    |segment| {
                        segments.push(segment);
                        Ok(())
                    },
                )
                .unwrap();
            let kinds: Vec<(usize, u64)> = (0..texts.len())
                .map(|i| match i % 50 {
                    0..=2 => (i, 0),
                    3 | 4 => (i, 9),
                    _ => (i, i as u64),
                })
                .collect();
            assert_eq!(taken, kinds, "{round_bytes}");
            let mut got: BTreeMap<Word, Vec<u32>> = BTreeMap::new();
            for segment in &segments {
                let mut count = 0;
                for (g, bytes) in &segment.lists {
                    let mut ids = Vec::new();
                    postings::decode(bytes, &mut ids).unwrap();
                    assert!(ids.is_sorted_by(|a, b| a < b));
                    count += ids.len();
                    got.entry(g.clone()).or_default().extend(ids);
                }
                assert_eq!(count, segment.count);
            }
            for ids in got.values_mut() {
                ids.sort_unstable();
            }
            assert_eq!(got, expected, "{round_bytes}");
            match round_bytes {
                64 => assert!(segments.len() > 10, "{}", segments.len()),
                ROUND_BYTES => assert_eq!(segments.len(), 1),
                _ => {}
            }
        }
    }
}
