//! The library's search of the whole collection, as a background job that the screen polls,
//! so the screen stays responsive and Esc cancels; a job is started on each change of the
//! query as it is typed, and replacing one cancels it. With an index, the index finds and scores
//! the matches from the texts it keeps, and only the first screenfuls' articles are opened,
//! for their snippets, before the results appear; without one (the built-in collection) every
//! article is opened and searched.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use super::fit::Fit;
use super::item::{ResultItem, read_unread};
use crate::collection::{Collection, Entry, Progress};
use crate::search::{
    Ask, Monitoring, Query, article_text, best_first, find_with, hits_in, rank_texts,
};

/// Held by the job searching the index.
static RUNNING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A search of the collection running in a thread.
pub struct SearchJob {
    pub query: String,
    pub progress: Arc<Progress>,
    /// What the results' snippets are fitted to.
    pub fit: Fit,
    cancel: Arc<AtomicBool>,
    results: mpsc::Receiver<Result<Vec<ResultItem>, String>>,
}

impl SearchJob {
    /// Starts searching `collection` for `query`, with the index at `index_file` if any, the
    /// snippets fitted to `fit` and made for the first `shown` results (those on the first
    /// screen); the others are made as they scroll into view.
    pub fn start(
        collection: Arc<Collection>,
        query: &str,
        index_file: Option<PathBuf>,
        monitoring: Option<Monitoring>,
        fit: Fit,
        shown: usize,
    ) -> Self {
        let (send, results) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let cancel = Arc::new(AtomicBool::new(false));
        let (p, c, q) = (Arc::clone(&progress), Arc::clone(&cancel), query.to_owned());
        std::thread::spawn(move || {
            // One search of the index at a time: a job replaced as the query is typed goes on
            // until its next check of the flag, and two opening a new index at once could
            // each take the other's for damaged and remove it. A job cancelled while it
            // waited does nothing.
            let _one = RUNNING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if c.load(Ordering::Relaxed) {
                return;
            }
            let first = Screenful { fit, shown };
            let _ = send.send(search(
                &collection,
                &q,
                index_file.as_deref(),
                monitoring.as_ref(),
                first,
                &p,
                &c,
            ));
        });
        SearchJob {
            query: query.to_owned(),
            progress,
            fit,
            cancel,
            results,
        }
    }

    /// The results, once they are there.
    pub fn poll(&self) -> Option<Result<Vec<ResultItem>, String>> {
        self.results.try_recv().ok()
    }
}

impl Drop for SearchJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The results to show first and what their snippets are fitted to.
#[derive(Clone, Copy)]
struct Screenful {
    fit: Fit,
    shown: usize,
}

/// The results of `query`, best first, those of the first screen with their snippets.
fn search(
    collection: &Collection,
    query: &str,
    index_file: Option<&Path>,
    monitor: Option<&Monitoring>,
    first: Screenful,
    progress: &Progress,
    cancel: &AtomicBool,
) -> Result<Vec<ResultItem>, String> {
    let q = Query::parse(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let ask = Ask {
        rank: true,
        cancel: Some(cancel),
    };
    let found = find_with(collection, &q, index_file, monitor, progress, &ask)
        .map_err(|e| e.to_string())?;
    let mut items: Vec<ResultItem> = if found.exact {
        // Best first, as the index ranked them.
        found
            .entries
            .iter()
            .zip(&found.scores)
            .map(|(&entry, &score)| ResultItem::unread(entry, score))
            .collect()
    } else {
        let mut items = scan(collection, &found.entries, &q, first.fit, progress, cancel);
        let time = |i: &ResultItem| collection.entries[i.entry].mtime;
        items.sort_by(|a, b| best_first(&(a.rank, time(a), a.entry), &(b.rank, time(b), b.entry)));
        items
    };
    if cancel.load(Ordering::Relaxed) {
        return Err("cancelled".to_owned());
    }
    let shown = items.len().min(first.shown);
    read_unread(&mut items[..shown], collection, &q, first.fit);
    Ok(items)
}

/// The `candidates` that match, each article opened and searched (on all cores), their
/// snippets made, ranked among the candidates (see [`rank_texts`]).
fn scan(
    collection: &Collection,
    candidates: &[usize],
    query: &Query,
    fit: Fit,
    progress: &Progress,
    cancel: &AtomicBool,
) -> Vec<ResultItem> {
    progress.total.store(candidates.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    let found = crate::parallel::map(candidates, |&i| {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        progress.done.fetch_add(1, Ordering::Relaxed);
        let entry: &Entry = &collection.entries[i];
        let article = collection.open(entry).ok()?;
        let text = article_text(&article.title, &article.paragraphs);
        let item = hits_in(&article, query).map(|hits| ResultItem::scanned(i, article, hits, fit));
        Some((text, item))
    });
    let found: Vec<(String, Option<ResultItem>)> = found.into_iter().flatten().collect();
    let texts: Vec<&[u8]> = found.iter().map(|(t, _)| t.as_bytes()).collect();
    let scores = rank_texts(query, &texts);
    found
        .into_iter()
        .zip(scores)
        .filter_map(|((_, item), score)| {
            let mut item = item?;
            item.rank = score?.rank;
            Some(item)
        })
        .collect()
}
