//! Searching the index: the vocabulary and the word lists give the articles holding each term
//! (see `words`); those are the answer when every term is a piece of a word and only the
//! matching articles are asked for. Otherwise (a phrase, a term too common to narrow, or the
//! library's ranking) each candidate's stored text is checked against the rule and scored, on
//! all cores while the next batch of texts is read.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, OptionalExtension};
use zstd::bulk::Decompressor;

use super::codec::{self, Codec};
use super::words::{self, Part};
use super::{Index, IndexError, postings, read_list, sqlite};
use crate::collection::Progress;
use crate::search::query::Query;
use crate::search::rank::{Score, Scorer};

/// Candidates checked per batch: one batch is read while the one before is checked (so two
/// batches' compressed texts are held in memory at once).
const BATCH: usize = 1024;

impl Index {
    /// The paths of the articles matching `query`, by the rule: every term a substring of the
    /// article's normalised text. Sorted.
    pub fn search(&mut self, query: &Query) -> Result<Vec<PathBuf>, IndexError> {
        let found = self.search_with(query, &Ask::default(), &Progress::default())?;
        let mut paths: Vec<PathBuf> = found.into_iter().map(|(path, _)| path).collect();
        paths.sort();
        Ok(paths)
    }

    /// As [`search`](Self::search), with what `ask` asks for: the paths in the catalog's
    /// order, each with its [`Score`] when `ask.scores` (else a default one). `progress`
    /// counts the candidates checked. Incomplete when `ask.cancel` was set.
    pub fn search_with(
        &mut self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(PathBuf, Score)>, IndexError> {
        let found = self.matching(query, ask, progress)?;
        let at = positions(found.iter().map(|&(id, _)| id));
        let mut out = Vec::with_capacity(found.len());
        self.each_row(|r| {
            if let Some(i) = at.get(r.id as usize).copied().flatten() {
                let path = String::from_utf8_lossy(r.path).into_owned();
                out.push((PathBuf::from(path), found[i].1));
            }
        })?;
        Ok(out)
    }

    /// The ids of the texts matching `query`, with their scores if asked.
    fn matching(
        &mut self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(u32, Score)>, IndexError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let live = self.summary()?.live.clone();
        // A part matching more words than there are articles costs more to look up than
        // checking every text.
        let limit = live.len().max(10_000);
        self.matching_within(query, ask, progress, live, limit)
    }

    /// As [`matching`](Self::matching), `live` being the catalog's ids, and a part that more
    /// than `limit` words hold narrowing nothing.
    fn matching_within(
        &self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
        live: Vec<u32>,
        limit: usize,
    ) -> Result<Vec<(u32, Score)>, IndexError> {
        let e = sqlite(&self.path);
        // One read transaction for the lists and the texts: one state of the index, and no
        // lock taken and dropped by each statement (system calls, which cost more than
        // reading a row).
        let tx = self.conn.unchecked_transaction().map_err(&e)?;
        let top = live.iter().copied().max().unwrap_or(0);
        let (candidates, exact) =
            if let Some((ids, exact)) = self.candidates(&tx, query, limit, top)? {
                // Looked up rather than intersected: the catalog is in path order, not id order.
                let live = positions(live.into_iter());
                let ids = ids
                    .into_iter()
                    .filter(|&id| live.get(id as usize).is_some_and(Option::is_some))
                    .collect::<Vec<u32>>();
                (ids, exact)
            } else {
                let mut all = live;
                all.sort_unstable();
                (all, false)
            };
        if exact && !ask.scores {
            progress.total.store(candidates.len(), Ordering::Relaxed);
            progress.done.store(candidates.len(), Ordering::Relaxed);
            return Ok(candidates
                .into_iter()
                .map(|id| (id, Score::default()))
                .collect());
        }
        self.check(&tx, &candidates, query, ask, progress)
    }

    /// The ids of the texts that may match `query`, none above `top` (the highest live id),
    /// and whether they are exactly those that do (every term a word's piece, each narrowed);
    /// None when no term narrows them. A part that more than `limit` words hold narrows
    /// nothing.
    fn candidates(
        &self,
        conn: &Connection,
        query: &Query,
        limit: usize,
        top: u32,
    ) -> Result<Option<(Vec<u32>, bool)>, IndexError> {
        let e = sqlite(&self.path);
        let segments: Vec<(i64, Vec<u8>)> = conn
            .prepare_cached("SELECT first, words FROM segments ORDER BY seg")
            .map_err(&e)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(&e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&e)?;
        let mut read = conn
            .prepare_cached("SELECT ids FROM postings WHERE id = ?1")
            .map_err(&e)?;
        let (mut exact, mut sets) = (true, Vec::new());
        for term in &query.terms {
            let parts = Part::of(term);
            exact &= parts.len() == 1;
            'part: for part in parts {
                // The words in every segment first: their lists are read only when the part
                // narrows.
                let (mut rows, mut numbers) = (Vec::new(), Vec::new());
                for (first, vocabulary) in &segments {
                    if !words::well_formed(vocabulary) {
                        return Err(self.damaged("a damaged vocabulary"));
                    }
                    numbers.clear();
                    if !words::matching(vocabulary, part, limit - rows.len(), &mut numbers) {
                        exact = false;
                        continue 'part;
                    }
                    rows.extend(numbers.iter().map(|&n| first + i64::from(n)));
                }
                let mut union = Union::new(top, rows.len());
                let mut list = Vec::new();
                for row in rows {
                    read_list(&mut read, row, &mut list, &self.path)?;
                    union.add(&list);
                }
                sets.push(union.ids());
            }
        }
        sets.sort_by_key(Vec::len);
        let mut sets = sets.into_iter();
        let Some(mut ids) = sets.next() else {
            return Ok(None);
        };
        for set in sets {
            if ids.is_empty() {
                break;
            }
            ids = postings::intersect(&ids, &set);
        }
        Ok(Some((ids, exact)))
    }

    /// The `candidates` whose stored text holds every term, with their scores if asked. The
    /// texts are read in batches on this thread (a connection is not shared) while the batch
    /// before is decompressed and checked on all cores.
    fn check(
        &self,
        conn: &Connection,
        candidates: &[u32],
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(u32, Score)>, IndexError> {
        let e = sqlite(&self.path);
        let scorer = Scorer::new(query);
        let mut stmt = conn
            .prepare_cached("SELECT z FROM texts WHERE id = ?1")
            .map_err(&e)?;
        let mut read = |batch: &[u32]| -> Result<Vec<(u32, Vec<u8>)>, IndexError> {
            let mut stored = Vec::with_capacity(batch.len());
            for &id in batch {
                // Every candidate is in the catalog, and every article there was read has its
                // text: one missing is damage, not an article that does not match.
                let z = stmt
                    .query_row([id], |r| r.get::<_, Vec<u8>>(0))
                    .optional()
                    .map_err(&e)?
                    .ok_or_else(|| self.damaged("an article's text is missing"))?;
                stored.push((id, z));
            }
            Ok(stored)
        };
        progress.total.store(candidates.len(), Ordering::Relaxed);
        progress.done.store(0, Ordering::Relaxed);
        let mut out = Vec::new();
        // Reused from batch to batch: making one allocates (and the system clears) about
        // 100 KB.
        let decompressors = Mutex::new(Vec::new());
        let check = Check {
            codec: &self.codec,
            path: self.path.as_path(),
            scorer: &scorer,
            with_scores: ask.scores,
            decompressors: &decompressors,
        };
        let mut batches = candidates.chunks(BATCH);
        let mut next = batches.next().map(&mut read).transpose()?;
        while let Some(stored) = next.take() {
            if ask.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
            let (checked, fetched) = std::thread::scope(|scope| {
                let checking = scope.spawn(|| check.texts(&stored));
                let fetched = batches.next().map(&mut read).transpose();
                (checking.join(), fetched)
            });
            out.extend(checked.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
            progress.done.fetch_add(stored.len(), Ordering::Relaxed);
            next = fetched?;
        }
        Ok(out)
    }
}

/// How a batch of texts is checked.
struct Check<'a, 'd> {
    codec: &'d Codec,
    /// The index's, for errors.
    path: &'a Path,
    scorer: &'a Scorer<'a>,
    with_scores: bool,
    decompressors: &'a Mutex<Vec<Decompressor<'d>>>,
}

impl Check<'_, '_> {
    /// The `stored` texts that hold every term, decompressed on all cores, with their scores
    /// when asked.
    fn texts(&self, stored: &[(u32, Vec<u8>)]) -> Result<Vec<(u32, Score)>, IndexError> {
        let damaged = |reason: &str| IndexError::Damaged {
            path: self.path.to_owned(),
            reason: reason.to_owned(),
        };
        // Several runs per core, so that a core slowed by other work takes fewer.
        let parts =
            crate::parallel::split_by_weight(stored, crate::parallel::threads() * 4, 64, |_| 1);
        let found = crate::parallel::map(&parts, |part| {
            let reused = self
                .decompressors
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .pop();
            let mut d = match reused {
                Some(d) => d,
                None => self
                    .codec
                    .decompressor()
                    .ok_or_else(|| damaged("zstd could not start"))?,
            };
            let mut text = Vec::new();
            let mut ids = Vec::new();
            for (id, z) in &stored[part.clone()] {
                if !codec::decompress(&mut d, z, &mut text) {
                    return Err(damaged("a damaged text"));
                }
                let score = if self.with_scores {
                    self.scorer.score(&text)
                } else {
                    self.scorer.matches(&text).then(Score::default)
                };
                ids.extend(score.map(|s| (*id, s)));
            }
            self.decompressors
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(d);
            Ok(ids)
        });
        let mut out = Vec::new();
        for ids in found {
            out.extend(ids?);
        }
        Ok(out)
    }
}

/// The union of a part's lists: the one list as it is, or several in a bitmap of the ids up to
/// the highest live one (a letter's lists hold millions of ids, many times over; the bitmap
/// takes an eighth of a byte an article).
enum Union {
    One(Option<Vec<u32>>, u32),
    Bits(Vec<u64>, u32),
}

impl Union {
    /// A union of `lists` lists of ids, kept up to `top`.
    fn new(top: u32, lists: usize) -> Self {
        if lists <= 1 {
            Union::One(None, top)
        } else {
            Union::Bits(vec![0; top as usize / 64 + 1], top)
        }
    }

    fn add(&mut self, ids: &[u32]) {
        match self {
            Union::One(one, top) => {
                *one = Some(ids.iter().copied().filter(|&id| id <= *top).collect());
            }
            Union::Bits(bits, top) => {
                for &id in ids.iter().filter(|&&id| id <= *top) {
                    bits[id as usize / 64] |= 1 << (id % 64);
                }
            }
        }
    }

    /// The ids, sorted.
    fn ids(self) -> Vec<u32> {
        match self {
            Union::One(one, _) => one.unwrap_or_default(),
            Union::Bits(bits, _) => {
                let mut ids = Vec::new();
                for (i, &word) in bits.iter().enumerate() {
                    let mut w = word;
                    while w != 0 {
                        ids.push(i as u32 * 64 + w.trailing_zeros());
                        w &= w - 1;
                    }
                }
                ids
            }
        }
    }
}

/// Where each of `ids` is in them, by id: a table to look ids up in without hashing (ids are
/// dense, each text having the next one).
fn positions(ids: impl Iterator<Item = u32> + Clone) -> Vec<Option<usize>> {
    let len = ids.clone().max().map_or(0, |m| m as usize + 1);
    let mut table = vec![None; len];
    for (i, id) in ids.enumerate() {
        table[id as usize] = Some(i);
    }
    table
}

/// What a search of the index is asked for beyond the matching articles (the library's search
/// asks more than `qari search`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Ask<'a> {
    /// Each match's [`Score`], counted in its stored text while it is checked.
    pub scores: bool,
    /// Set when the search is no longer wanted: the check then stops at its next batch.
    pub cancel: Option<&'a AtomicBool>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Collection;

    #[test]
    fn a_union_holds_each_id_once_in_order_up_to_the_top() {
        let lists: [&[u32]; 3] = [&[1, 5, 64, 200], &[5, 63, 64, 65, 300], &[0, 127, 128]];
        let mut u = Union::new(250, lists.len());
        for l in lists {
            u.add(l);
        }
        assert_eq!(u.ids(), vec![0, 1, 5, 63, 64, 65, 127, 128, 200]);
        let mut one = Union::new(64, 1);
        one.add(&[3, 64, 65]);
        assert_eq!(one.ids(), vec![3, 64]);
        assert!(Union::new(9, 0).ids().is_empty());
    }

    #[test]
    fn a_part_too_common_to_narrow_is_checked_against_every_text() {
        let dir = std::env::temp_dir().join(format!("qari-common-part-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let texts = [
            "مدينة بغداد\n\nقال الوزير في بغداد",
            "بيروت\n\nمدينة بيروت الجميلة",
            "باب\n\nلا شيء هنا",
            "نص\n\nقالت الوزيرة كلاما",
        ];
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.join(format!("{i}.txt")), t).unwrap();
        }
        let collection = Collection::load(&dir, None, &Progress::default()).unwrap();
        let mut index = Index::in_memory().unwrap();
        index.update(&collection, &Progress::default()).unwrap();
        let live = index.summary().unwrap().live.clone();
        let top = live.iter().copied().max().unwrap();
        let ask = Ask::default();
        for q in [
            "ب",
            "بيروت",
            "الوزير",
            "\"قال الوزير\"",
            "\"ل الوز\"",
            "مدينه ب",
            "قال ي",
        ] {
            let query = Query::parse(q);
            let found = |limit| {
                let mut ids: Vec<u32> = index
                    .matching_within(&query, &ask, &Progress::default(), live.clone(), limit)
                    .unwrap()
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect();
                ids.sort_unstable();
                ids
            };
            // Every part narrowed, none, and every text checked.
            let (narrowed, unnarrowed) = (found(usize::MAX), found(0));
            let tx = index.conn.unchecked_transaction().unwrap();
            let mut all = live.clone();
            all.sort_unstable();
            let mut scanned: Vec<u32> = index
                .check(&tx, &all, &query, &ask, &Progress::default())
                .unwrap()
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            scanned.sort_unstable();
            assert_eq!(narrowed, scanned, "{q}");
            assert_eq!(unnarrowed, scanned, "{q}");
            assert!(!scanned.is_empty(), "{q}");
            // Too common to narrow: no candidates.
            assert_eq!(index.candidates(&tx, &query, 0, top).unwrap(), None, "{q}");
        }
        // A plain word: exactly its articles, to be taken with no check; a phrase: candidates.
        let tx = index.conn.unchecked_transaction().unwrap();
        let (ids, exact) = index
            .candidates(&tx, &Query::parse("بيروت"), 9, top)
            .unwrap()
            .unwrap();
        assert!(exact && ids.len() == 1);
        let (_, exact) = index
            .candidates(&tx, &Query::parse("\"قال الوزير\""), 9, top)
            .unwrap()
            .unwrap();
        assert!(!exact);
        std::fs::remove_dir_all(dir).ok();
    }
}
