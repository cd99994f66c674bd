//! Searching the index: the vocabulary and the word lists give the articles holding each term
//! (see `narrow`); those are the answer when every term is a piece of a word. Otherwise (a
//! phrase, or a term too common to narrow) each candidate's stored text is checked against
//! the rule (see `check`).
//!
//! A ranked search orders the matches best first (see [`crate::search::rank`]), from what the
//! index keeps: the terms' document frequencies from the lists, the articles' lengths, and
//! the stored texts of the articles it ranks in full. When the lists alone answer and more
//! than [`RERANK`] articles match, those are first ranked from the lists (each term's best
//! grade among the words an article holds, its lengths; no text read), and only the best
//! [`RERANK`] are read and ranked in full, ahead of the others.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Index;
use super::IndexError;
use super::lengths::Lengths;
use super::narrow::Narrowed;
use super::sqlite;
use crate::collection::Progress;
use crate::search::query::Query;
use crate::search::rank::{self, Features, Grade, Score, Stats};

/// The articles ranked in full from their texts, at most, when the lists alone answer.
pub const RERANK: usize = 300;

/// A match: its id, its score, and its group (0: ranked in full; 1: from the lists alone,
/// after every one of group 0).
type Ranked = (u32, Score, u8);

impl Index {
    /// The paths of the articles matching `query`, by the rule: every term a substring of the
    /// article's normalised text. Sorted.
    pub fn search(&mut self, query: &Query) -> Result<Vec<PathBuf>, IndexError> {
        let found = self.search_with(query, &Ask::default(), &Progress::default())?;
        let mut paths: Vec<PathBuf> = found.into_iter().map(|(path, _)| path).collect();
        paths.sort();
        Ok(paths)
    }

    /// As [`search`](Self::search), with what `ask` asks for: when `ask.rank`, the paths best
    /// first with their [`Score`]s (equal ones newer first, then by path); else in the
    /// catalog's order, with default scores. `progress` counts the texts checked. Incomplete
    /// when `ask.cancel` was set.
    pub fn search_with(
        &mut self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
    ) -> Result<Vec<(PathBuf, Score)>, IndexError> {
        let found = self.matching(query, ask, progress, RERANK)?;
        let at = positions(found.iter().map(|&(id, _, _)| id));
        let mut out = Vec::with_capacity(found.len());
        self.each_row(|r| {
            if let Some(i) = at.get(r.id as usize).copied().flatten() {
                let path = String::from_utf8_lossy(r.path).into_owned();
                out.push((PathBuf::from(path), found[i].1, found[i].2, r.mtime));
            }
        })?;
        if ask.rank {
            out.sort_by(|a, b| {
                a.2.cmp(&b.2)
                    .then_with(|| rank::best_first(&(a.1.rank, a.3, &a.0), &(b.1.rank, b.3, &b.0)))
            });
        }
        Ok(out.into_iter().map(|(p, s, _, _)| (p, s)).collect())
    }

    /// The ids of the texts matching `query`, with their scores if asked.
    fn matching(
        &mut self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
        rerank: usize,
    ) -> Result<Vec<Ranked>, IndexError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        // One read transaction for the catalog, the lists and the texts: another process may
        // have written the index since this one read its catalog (and deleted texts it names),
        // so the catalog is read again when its generation is no longer the one read.
        self.conn
            .execute_batch("BEGIN")
            .map_err(sqlite(&self.path))?;
        let found = (|| {
            let (_, generation) = self.token_and_generation()?;
            if self.seen != Some(generation) {
                self.forget_catalog();
            }
            let live = self.summary()?.live.clone();
            // A part matching more words than there are articles costs more to look up than
            // checking every text.
            let limit = live.len().max(10_000);
            self.matching_within(query, ask, progress, &live, (limit, rerank))
        })();
        let end = self.conn.execute_batch("COMMIT");
        let found = found?;
        end.map_err(sqlite(&self.path))?;
        Ok(found)
    }

    /// As [`matching`](Self::matching), `live` being the catalog's ids, a part that more than
    /// `limit` words hold narrowing nothing, and `rerank` texts at most ranked in full when
    /// the lists answer alone.
    fn matching_within(
        &self,
        query: &Query,
        ask: &Ask<'_>,
        progress: &Progress,
        live: &[u32],
        (limit, rerank): (usize, usize),
    ) -> Result<Vec<Ranked>, IndexError> {
        let e = sqlite(&self.path);
        // One read transaction for the lists and the texts: one state of the index, and no
        // lock taken and dropped by each statement (system calls, which cost more than
        // reading a row).
        let _tx = if self.conn.is_autocommit() {
            Some(self.conn.unchecked_transaction().map_err(&e)?)
        } else {
            None
        };
        let tx: &rusqlite::Connection = &self.conn;
        let top = live.iter().copied().max().unwrap_or(0);
        let is_live = positions(live.iter().copied());
        let terms = query.terms.len();
        let narrowed =
            if let Some(n) = self.candidates(tx, query, limit, top, &is_live, ask.rank)? {
                // Looked up rather than intersected: the catalog is in path order, not id order.
                Narrowed {
                    ids: n
                        .ids
                        .into_iter()
                        .filter(|&id| is_live.get(id as usize).is_some_and(Option::is_some))
                        .collect(),
                    ..n
                }
            } else {
                let mut all = live.to_vec();
                all.sort_unstable();
                Narrowed {
                    ids: all,
                    exact: false,
                    df: vec![None; terms],
                    grades: vec![None; terms],
                }
            };
        let candidates = &narrowed.ids;
        let cancel = ask.cancel;
        if !ask.rank {
            if narrowed.exact {
                progress.total.store(candidates.len(), Ordering::Relaxed);
                progress.done.store(candidates.len(), Ordering::Relaxed);
                return Ok(candidates
                    .iter()
                    .map(|&id| (id, Score::default(), 0))
                    .collect());
            }
            let checked = self.check(tx, candidates, query, None, cancel, progress)?;
            return Ok(checked
                .into_iter()
                .map(|(id, _)| (id, Score::default(), 0))
                .collect());
        }
        let lengths = Lengths::read(tx).map_err(&e)?;
        let stats = stats(&narrowed, live, &lengths);
        let full = |ids: &[u32]| -> Result<Vec<Ranked>, IndexError> {
            Ok(self
                .check(tx, ids, query, Some(&stats), cancel, progress)?
                .into_iter()
                .filter_map(|(id, f)| Some((id, Score::of(&f?, &stats), 0)))
                .collect())
        };
        if !narrowed.exact || candidates.len() <= rerank {
            return full(candidates);
        }
        // From the lists alone first: each term's best grade, and the lengths (one set of
        // features, reused: there may be a hundred thousand matches).
        let mut f = Features {
            tf: vec![[0.0; 2]; terms],
            ..Features::default()
        };
        let mut first: Vec<(f32, u32)> = candidates
            .iter()
            .map(|&id| {
                (f.title_len, f.body_len) = lengths.get(id);
                for (tf, g) in f.tf.iter_mut().zip(&narrowed.grades) {
                    let grade = g.as_ref().and_then(|g| g.get(id as usize).copied());
                    tf[1] = grade
                        .and_then(Grade::from_number)
                        .map_or(0.0, Grade::weight);
                }
                (stats.rank(&f), id)
            })
            .collect();
        first.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let (best, rest) = first.split_at(rerank);
        let mut ids: Vec<u32> = best.iter().map(|&(_, id)| id).collect();
        ids.sort_unstable();
        let mut out = full(&ids)?;
        out.extend(rest.iter().map(|&(r, id)| {
            let score = Score {
                rank: r,
                ..Score::default()
            };
            (id, score, 1)
        }));
        Ok(out)
    }
}

/// The statistics of a ranking: the live articles, the terms' document frequencies (one that
/// narrowed nothing is taken to be in every article), and the articles' words.
fn stats(narrowed: &Narrowed, live: &[u32], lengths: &Lengths) -> Stats {
    let articles = live.len() as u64;
    let (mut title_words, mut body_words) = (0, 0);
    for &id in live {
        let (t, b) = lengths.get(id);
        title_words += u64::from(t);
        body_words += u64::from(b);
    }
    Stats {
        articles,
        df: narrowed
            .df
            .iter()
            .map(|df| df.unwrap_or(articles))
            .collect(),
        title_words,
        body_words,
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

/// What a search of the index is asked for beyond the matching articles.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ask<'a> {
    /// The matches best first, each with its [`Score`].
    pub rank: bool,
    /// Set when the search is no longer wanted: the check then stops at its next batch.
    pub cancel: Option<&'a AtomicBool>,
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
