//! Searching the index: the query's grams narrow the collection to candidates, and each
//! candidate's stored text is checked against the rule (and scored, for the library's ranking)
//! on all cores while the next batch of texts is read.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::OptionalExtension;
use zstd::bulk::Decompressor;

use super::codec::{self, Codec};
use super::{Index, IndexError, postings, sqlite};
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
        let candidates = self.candidates(query)?;
        let live = self.summary()?.live.clone().into_iter();
        let candidates = if let Some(ids) = candidates {
            // Looked up rather than intersected: the catalog is in path order, not id order.
            let live = positions(live);
            ids.into_iter()
                .filter(|&id| live.get(id as usize).is_some_and(Option::is_some))
                .collect()
        } else {
            let mut all: Vec<u32> = live.collect();
            all.sort_unstable();
            all
        };
        self.check(&candidates, query, ask, progress)
    }

    /// The ids whose texts hold every gram of the query's terms of three characters or more
    /// (dead ids included); None when no term is that long.
    fn candidates(&self, query: &Query) -> Result<Option<Vec<u32>>, IndexError> {
        let e = sqlite(&self.path);
        let mut grams = Vec::new();
        let mut all = Vec::new();
        for term in &query.terms {
            postings::grams(term, &mut grams);
            all.extend_from_slice(&grams);
        }
        if all.is_empty() {
            return Ok(None);
        }
        all.sort_unstable();
        all.dedup();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT ids FROM postings WHERE gram = ?1 ORDER BY seg")
            .map_err(&e)?;
        let mut lists: Vec<Vec<u32>> = Vec::with_capacity(all.len());
        for gram in all {
            let mut ids = Vec::new();
            let mut rows = stmt.query([gram]).map_err(&e)?;
            let mut segments = 0;
            while let Some(row) = rows.next().map_err(&e)? {
                let bytes = row
                    .get_ref(0)
                    .map_err(&e)?
                    .as_blob()
                    .map_err(|_| self.damaged("a posting list that is not a blob"))?;
                postings::decode(bytes, &mut ids)
                    .ok_or_else(|| self.damaged("a damaged posting list"))?;
                segments += 1;
            }
            if segments > 1 {
                ids.sort_unstable();
                ids.dedup();
            }
            lists.push(ids);
        }
        lists.sort_by_key(Vec::len);
        let mut lists = lists.into_iter();
        let mut ids = lists.next().unwrap_or_default();
        for list in lists {
            if ids.is_empty() {
                break;
            }
            ids = postings::intersect(&ids, &list);
        }
        Ok(Some(ids))
    }

    /// The `candidates` whose stored text holds every term, with their scores if asked. The
    /// texts are read in batches on this thread (a connection is not shared) while the batch
    /// before is decompressed and checked on all cores.
    fn check(
        &self,
        candidates: &[u32],
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(u32, Score)>, IndexError> {
        let e = sqlite(&self.path);
        let scorer = Scorer::new(query);
        // One read transaction for every text: a statement on its own takes and drops the
        // database's read lock (system calls), which costs more than reading its row.
        let tx = self.conn.unchecked_transaction().map_err(&e)?;
        let mut stmt = tx
            .prepare_cached("SELECT z FROM texts WHERE id = ?1")
            .map_err(&e)?;
        let mut read = |batch: &[u32]| -> Result<Vec<(u32, Vec<u8>)>, IndexError> {
            let mut stored = Vec::with_capacity(batch.len());
            for &id in batch {
                if let Some(z) = stmt
                    .query_row([id], |r| r.get::<_, Vec<u8>>(0))
                    .optional()
                    .map_err(&e)?
                {
                    stored.push((id, z));
                }
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
