//! Checking candidates against their stored texts: for a phrase, a term too common to narrow,
//! or the articles a ranking reads. The texts are read in batches on the calling thread (a
//! connection is not shared) while the batch before is decompressed and checked on all cores.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{Connection, OptionalExtension};
use zstd::bulk::Decompressor;

use super::codec::{self, Codec};
use super::{Index, IndexError, sqlite};
use crate::collection::Progress;
use crate::search::query::Query;
use crate::search::rank::{Features, Scorer, Stats};

/// Candidates checked per batch: one batch is read while the one before is checked (so two
/// batches' compressed texts are held in memory at once).
const BATCH: usize = 1024;

impl Index {
    /// The `candidates` whose stored text holds every term, with their features when asked
    /// (`features`: the statistics they are read under). Stops at the next batch once `cancel` is set.
    pub(super) fn check(
        &self,
        conn: &Connection,
        candidates: &[u32],
        query: &Query,
        features: Option<&Stats>,
        cancel: Option<&AtomicBool>,
        progress: &Progress,
    ) -> Result<Vec<(u32, Option<Features>)>, IndexError> {
        let e = sqlite(&self.path);
        let scorer = match features {
            Some(stats) => Scorer::new(query).with_idf(stats),
            None => Scorer::new(query),
        };
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
            features: features.is_some(),
            decompressors: &decompressors,
        };
        let mut batches = candidates.chunks(BATCH);
        let mut next = batches.next().map(&mut read).transpose()?;
        while let Some(stored) = next.take() {
            if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
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
    features: bool,
    decompressors: &'a Mutex<Vec<Decompressor<'d>>>,
}

impl Check<'_, '_> {
    /// The `stored` texts that hold every term, decompressed on all cores, with their
    /// features when asked.
    fn texts(&self, stored: &[(u32, Vec<u8>)]) -> Result<Vec<(u32, Option<Features>)>, IndexError> {
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
                if self.features {
                    if let Some(f) = self.scorer.features(&text) {
                        ids.push((*id, Some(f)));
                    }
                } else if self.scorer.matches(&text) {
                    ids.push((*id, None));
                }
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
