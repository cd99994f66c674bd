//! News in: fetching the feeds of the config and web pages, extracting their articles and
//! writing them into the collection as Markdown with front matter, each feed in its own folder.
//!
//! The flow of [`update`]: the feeds are fetched a few at a time ([`http`], conditional GET
//! with the validators kept in the state database), parsed ([`feed`]); an item already saved
//! (same GUID in its feed, or same URL) is skipped before anything else is fetched; an item
//! that carries only a summary has its page fetched and its article extracted ([`html`]);
//! each new article is written to a new file ([`files`]: never over an existing one, through a
//! temporary file) and recorded in the state database, on the calling thread. A feed that fails
//! is reported with its reason and the others go on. No terminal crate is used here: the CLI
//! and the TUI show [`Report`]s and [`Progress`] as they like.

pub mod article;
pub mod feed;
pub mod files;
pub mod html;
pub mod http;
pub mod subscriptions;

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::Ordering;

pub use article::Draft;
pub use feed::normalize_url;
pub use http::{FetchError, FetchOptions};

use crate::collection::Progress;
use crate::config::{Config, FeedConfig};
use crate::store::{SavedItem, Store, StoreError, Validators, guid_key};
use http::{Client, Fetched};

/// The folder of the collection that `qari save` and `qari import` write to.
pub const SAVED_FOLDER: &str = "saved";

/// Why feeds could not be updated at all (one feed failing is in its [`FeedReport`]).
#[derive(Debug, thiserror::Error)]
pub enum FeedsError {
    #[error(
        "no collection to save articles into: set `collection = \"/path/to/news\"` in config.toml"
    )]
    NoCollection,
    #[error(
        "the state database is read-only: saved items cannot be remembered, so nothing is saved"
    )]
    ReadOnly,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{url}: {source}")]
    Fetch { url: String, source: FetchError },
    #[error("{0}: no article text found")]
    Empty(String),
    #[error("already saved as {}", .0.display())]
    AlreadySaved(PathBuf),
}

/// What happened to one feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedReport {
    pub name: String,
    pub url: String,
    /// The articles written, in the feed's order.
    pub new: Vec<PathBuf>,
    /// The server said nothing changed since the last fetch (304).
    pub not_modified: bool,
    /// Why the feed failed, if it did (nothing of it was saved then).
    pub error: Option<String>,
    /// Items saved with less than hoped (a page that could not be fetched: the summary kept).
    pub warnings: Vec<String>,
}

/// What an update did, feed by feed in the config's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub feeds: Vec<FeedReport>,
}

impl Report {
    /// Every article written.
    pub fn new_files(&self) -> impl Iterator<Item = &Path> {
        self.feeds
            .iter()
            .flat_map(|f| f.new.iter().map(PathBuf::as_path))
    }

    /// The feeds that failed.
    pub fn failed(&self) -> impl Iterator<Item = &FeedReport> {
        self.feeds.iter().filter(|f| f.error.is_some())
    }
}

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
pub fn update(config: &Config, state: &Path, progress: &Progress) -> Result<Report, FeedsError> {
    let opened = Store::open(state);
    let mut store = opened.store;
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
    let root = collection(config)?;
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

/// An item's identity, for the dedup records.
#[derive(Clone, Debug)]
struct ItemKey {
    guid: String,
    url: String,
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
    known: &std::collections::HashSet<String>,
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
        let seen = (!item.guid.is_empty() && known.contains(&guid_key(&feed.url, &item.guid)))
            || (!url.is_empty() && known.contains(&url));
        if seen || (item.guid.is_empty() && url.is_empty() && item.title.is_empty()) {
            continue;
        }
        let (draft, warning) = item_draft(client, &item);
        warnings.extend(warning);
        if draft.blocks.is_empty() && draft.title.is_empty() {
            continue;
        }
        items.push((
            ItemKey {
                guid: item.guid.clone(),
                url,
            },
            draft,
        ));
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

/// Fetches a page and extracts its article.
fn fetch_page(client: &Client, url: &str) -> Result<html::Page, FetchError> {
    match client.get(url, &Validators::default())? {
        Fetched::Body(body) => {
            let text = html::decode(&body.bytes, body.content_type.as_deref());
            Ok(html::extract(&text))
        }
        Fetched::NotModified => Err(FetchError::Status(304)),
    }
}

/// A page's article as a draft.
fn page_draft(page: html::Page, url: &str) -> Draft {
    Draft {
        title: page.title,
        source: page.site,
        author: page.author,
        date: page.date.as_deref().and_then(article::normalize_date),
        url: Some(url.to_owned()),
        blocks: page.blocks,
    }
}

/// Writes a new article unless its item was saved already; records it. `Ok(None)`: known.
fn save(
    store: &mut Store,
    dir: &Path,
    feed: &str,
    key: &ItemKey,
    draft: &Draft,
) -> Result<Option<PathBuf>, FeedsError> {
    if store.saved_path(feed, &key.guid, &key.url)?.is_some() {
        return Ok(None);
    }
    let text = draft.to_markdown();
    let day = draft.date.as_deref().and_then(|d| d.get(..10)).map_or_else(
        || chrono::Utc::now().format("%Y-%m-%d").to_string(),
        str::to_owned,
    );
    let stem = files::stem(
        &day,
        &draft.title,
        if key.url.is_empty() {
            &key.guid
        } else {
            &key.url
        },
    );
    let path = files::write_new(dir, &stem, &text).map_err(|source| FeedsError::Io {
        path: dir.to_owned(),
        source,
    })?;
    store.record_saved(&SavedItem {
        feed: feed.to_owned(),
        guid: key.guid.clone(),
        url: key.url.clone(),
        path: path.clone(),
        hash: format!("{:016x}", crate::hash::fnv1a(text.as_bytes())),
    })?;
    Ok(Some(path))
}

/// The configured collection, which must exist.
fn collection(config: &Config) -> Result<PathBuf, FeedsError> {
    let root = config.collection.clone().ok_or(FeedsError::NoCollection)?;
    std::fs::create_dir_all(&root).map_err(|source| FeedsError::Io {
        path: root.clone(),
        source,
    })?;
    Ok(root)
}

/// The folder of the collection that a feed's articles go to: its `folder` (only its plain
/// parts: no `..`, no root) or a slug of its name.
pub fn feed_folder(feed: &FeedConfig) -> PathBuf {
    let given: PathBuf = feed
        .folder
        .as_deref()
        .map(|f| {
            Path::new(f)
                .components()
                .filter(|c| matches!(c, Component::Normal(_)))
                .collect()
        })
        .unwrap_or_default();
    if given.as_os_str().is_empty() {
        PathBuf::from(files::folder_name(&feed.name))
    } else {
        given
    }
}

/// `qari save URL`: fetches the page, extracts its article and writes it into the
/// collection's [`SAVED_FOLDER`]. A URL saved before (by a feed too) is not saved again.
pub fn save_url(
    config: &Config,
    store: &mut Store,
    options: &FetchOptions,
    url: &str,
) -> Result<PathBuf, FeedsError> {
    let root = collection(config)?;
    if store.is_read_only() {
        return Err(FeedsError::ReadOnly);
    }
    let key = ItemKey {
        guid: String::new(),
        url: normalize_url(url),
    };
    if let Some(path) = store.saved_path("", "", &key.url)? {
        return Err(FeedsError::AlreadySaved(path));
    }
    let client = Client::new(options.clone());
    let page = fetch_page(&client, url).map_err(|source| FeedsError::Fetch {
        url: url.to_owned(),
        source,
    })?;
    let mut draft = page_draft(page, url);
    draft.source.get_or_insert_with(|| {
        url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default()
    });
    save_draft(store, &root, &key, &draft, url)
}

/// `qari import FILE.html`: a saved page, written into the collection's [`SAVED_FOLDER`]. Its
/// URL (`<link rel=canonical>` or `og:url`) is remembered like a saved page's.
pub fn import_file(config: &Config, store: &mut Store, file: &Path) -> Result<PathBuf, FeedsError> {
    let root = collection(config)?;
    if store.is_read_only() {
        return Err(FeedsError::ReadOnly);
    }
    let bytes = std::fs::read(file).map_err(|source| FeedsError::Io {
        path: file.to_owned(),
        source,
    })?;
    let text = html::decode(&bytes, None);
    let url = html::canonical_url(&text).map(|u| normalize_url(&u));
    let key = ItemKey {
        guid: String::new(),
        url: url.clone().unwrap_or_default(),
    };
    if !key.url.is_empty()
        && let Some(path) = store.saved_path("", "", &key.url)?
    {
        return Err(FeedsError::AlreadySaved(path));
    }
    let mut draft = page_draft(html::extract(&text), url.as_deref().unwrap_or_default());
    if url.is_none() {
        draft.url = None;
    }
    if draft.title.is_empty() {
        draft.title = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    save_draft(store, &root, &key, &draft, &file.display().to_string())
}

fn save_draft(
    store: &mut Store,
    root: &Path,
    key: &ItemKey,
    draft: &Draft,
    what: &str,
) -> Result<PathBuf, FeedsError> {
    if draft.blocks.is_empty() {
        return Err(FeedsError::Empty(what.to_owned()));
    }
    save(store, &root.join(SAVED_FOLDER), "", key, draft)?
        .ok_or_else(|| FeedsError::Empty(what.to_owned()))
}

/// A name for a new feed: its own title when it can be fetched, else its host.
pub fn suggest_name(url: &str, options: &FetchOptions) -> String {
    let client = Client::new(options.clone());
    if let Ok(Fetched::Body(body)) = client.get(url, &Validators::default())
        && let Ok(parsed) = feed::parse(&body.bytes, &body.url)
        && let Some(title) = parsed.title
    {
        return title;
    }
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| url.to_owned())
}
