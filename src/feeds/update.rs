//! `qari update`: every feed fetched a few at a time on worker threads (with the pages of
//! items that carry only a summary), their new items written and recorded on the calling
//! thread, which owns the state database.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::feed;
use super::http::{Client, Fetched};
use super::pages::{fetch_page, page_draft};
use super::{
    Draft, FeedReport, FeedsError, FetchOptions, ItemKey, Report, feed_folder, normalize_url, save,
};
use crate::clock::Clock;
use crate::collection::Progress;
use crate::config::{Config, FeedConfig};
use crate::store::{Store, Validators, guid_key};

/// Fetches every feed of `config` and saves its new items into the collection; the entry point
/// for a background thread (the TUI's `U`).
///
/// Contract:
/// - Opens its own connection to the state database at `state` (WAL: the caller's connection
///   stays usable meanwhile) and its own HTTP agent; blocks until every feed is done (at most
///   [`FetchOptions::timeout`] per request).
/// - `progress.total` is set to the number of feeds, and `progress.done` counts the feeds
///   finished, so a status line can show `done/total` while it runs.
/// - New articles are complete `.md` files under the config's `collection`, in one folder per
///   feed, when this returns (each written through a temporary file: a reload or a watcher that
///   runs meanwhile never sees half a file). They are never read or marked by this function:
///   they are unread. Reload the library and the search index picks them up by itself.
/// - A failing feed is in the report with its reason; only the lack of a collection, a
///   read-only or broken state database stops the whole update with an error.
pub fn update(
    config: &Config,
    state: &Path,
    clock: Clock,
    progress: &Progress,
) -> Result<Report, FeedsError> {
    if config.collection.is_none() {
        return Err(FeedsError::NoCollection);
    }
    let opened = Store::open(state);
    let mut store = opened.store;
    store.set_clock(clock);
    update_with(
        config,
        &mut store,
        &FetchOptions::default(),
        progress,
        &mut |_| {},
    )
}

/// [`update`] with a store of the caller's, fetch options, and `on_feed` called (on the calling
/// thread) as each feed is finished, in the order they finish.
pub fn update_with(
    config: &Config,
    store: &mut Store,
    options: &FetchOptions,
    progress: &Progress,
    on_feed: &mut dyn FnMut(&FeedReport),
) -> Result<Report, FeedsError> {
    let root = super::collection(config)?;
    if store.is_read_only() {
        return Err(FeedsError::ReadOnly);
    }
    let feeds = &config.feeds;
    progress.total.store(feeds.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    let known = store.saved_keys()?;
    let validators = feeds
        .iter()
        .map(|f| store.validators(&f.url))
        .collect::<Result<Vec<_>, _>>()?;
    let client = Client::new(options.clone());
    let mut reports: Vec<Option<FeedReport>> = vec![None; feeds.len()];
    crate::parallel::for_each_on(
        options.concurrency.max(1),
        feeds.len(),
        |i| fetch_feed(&client, &feeds[i], &validators[i], &known),
        |i, fetched| -> Result<(), FeedsError> {
            let feed = &feeds[i];
            let mut report = FeedReport {
                name: feed.name.clone(),
                url: feed.url.clone(),
                ..FeedReport::default()
            };
            match fetched {
                Err(e) => report.error = Some(e),
                Ok(None) => report.not_modified = true,
                Ok(Some(f)) => {
                    report.warnings = f.warnings;
                    let dir = root.join(feed_folder(feed));
                    super::files::remove_stale(&dir);
                    let source = f.title.unwrap_or_else(|| feed.name.clone());
                    for (item, mut draft) in f.items {
                        draft.source.get_or_insert_with(|| source.clone());
                        match save(store, &dir, &feed.url, &item, &draft) {
                            Ok(Some(path)) => report.new.push(path),
                            Ok(None) => {}
                            // The state database failing stops everything: without it, items
                            // would be saved again next time.
                            Err(e @ FeedsError::Store(_)) => return Err(e),
                            Err(e) => {
                                report.error = Some(e.to_string());
                                break;
                            }
                        }
                    }
                    // The validators are kept only once every item is saved: a feed that
                    // failed half-way is fetched in full next time.
                    if report.error.is_none() {
                        store.set_validators(&feed.url, &f.validators)?;
                    }
                }
            }
            progress.done.fetch_add(1, Ordering::Relaxed);
            on_feed(&report);
            reports[i] = Some(report);
            Ok(())
        },
    )?;
    Ok(Report {
        feeds: reports.into_iter().flatten().collect(),
    })
}

/// A feed fetched and its new items made into drafts, on a worker thread.
struct FetchedFeed {
    title: Option<String>,
    items: Vec<(ItemKey, Draft)>,
    validators: Validators,
    warnings: Vec<String>,
}

/// Fetches a feed: `None` when it did not change, else its new items as drafts (pages fetched
/// for the items that carry only a summary).
fn fetch_feed(
    client: &Client,
    feed: &FeedConfig,
    validators: &Validators,
    known: &HashSet<String>,
) -> Result<Option<FetchedFeed>, String> {
    let body = match client.get(&feed.url, validators) {
        Ok(Fetched::NotModified) => return Ok(None),
        Ok(Fetched::Body(body)) => body,
        Err(e) => return Err(e.to_string()),
    };
    let parsed = feed::parse(&body.bytes, &body.url)?;
    let mut items = Vec::new();
    let mut warnings = Vec::new();
    for item in parsed.items {
        let url = item.url.as_deref().map(normalize_url).unwrap_or_default();
        // An item with neither GUID nor link is known by its title: better than saving it again
        // on every update.
        let guid = if item.guid.is_empty() && url.is_empty() {
            format!(
                "qari-title:{:016x}",
                crate::hash::fnv1a(item.title.as_bytes())
            )
        } else {
            item.guid.clone()
        };
        let seen = (!guid.is_empty() && known.contains(&guid_key(&feed.url, &guid)))
            || (!url.is_empty() && known.contains(&url));
        if seen || (item.guid.is_empty() && url.is_empty() && item.title.is_empty()) {
            continue;
        }
        let (draft, warning) = item_draft(client, &item);
        warnings.extend(warning);
        if draft.blocks.is_empty() && draft.title.is_empty() {
            continue;
        }
        items.push((ItemKey { guid, url }, draft));
    }
    Ok(Some(FetchedFeed {
        title: parsed.title,
        items,
        validators: body.validators,
        warnings,
    }))
}

/// An item as a draft: its own content when the feed carries it; else its page's article, or
/// its summary when the page cannot be had or says less.
fn item_draft(client: &Client, item: &feed::Item) -> (Draft, Option<String>) {
    let mut draft = Draft {
        title: item.title.clone(),
        source: None,
        author: item.author.clone(),
        date: item.date.clone(),
        url: item.url.clone(),
        blocks: item.content.clone().unwrap_or_default(),
    };
    let mut warning = None;
    if item.content.is_none() {
        let summary = item.summary.clone().unwrap_or_default();
        draft.blocks = summary;
        if let Some(url) = &item.url {
            match fetch_page(client, url) {
                Ok(page) => {
                    let from_page = page_draft(page, url);
                    if from_page.text_len() > draft.text_len() {
                        draft.blocks = from_page.blocks;
                        if draft.author.is_none() {
                            draft.author = from_page.author;
                        }
                        if draft.title.is_empty() {
                            draft.title = from_page.title;
                        }
                        if draft.date.is_none() {
                            draft.date = from_page.date;
                        }
                    }
                }
                Err(e) => {
                    warning = Some(format!("{url}: {e}; the feed's summary was saved"));
                }
            }
        }
    }
    if draft.title.is_empty() {
        draft.title = draft
            .blocks
            .first()
            .map(|b| b.text().chars().take(80).collect())
            .unwrap_or_default();
    }
    (draft, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TUI runs [`update`] on a thread of its own and sends the outcome back.
    #[test]
    fn an_update_can_run_on_another_thread() {
        fn send<T: Send + 'static>(_: &T) {}
        let progress = std::sync::Arc::new(Progress::default());
        let config = Config::default();
        let dir = std::env::temp_dir().join(format!("qari-update-thread-{}", std::process::id()));
        let p = progress.clone();
        let state = dir.join("state.db");
        let handle = std::thread::spawn(move || update(&config, &state, Clock::SYSTEM, &p));
        send(&handle);
        // No collection configured: said plainly, nothing fetched.
        assert!(matches!(
            handle.join().unwrap(),
            Err(FeedsError::NoCollection)
        ));
        let _ = std::fs::remove_dir_all(dir);
    }
}
