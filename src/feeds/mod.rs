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
//! and the TUI show [`Report`]s and [`Progress`](crate::collection::Progress) as they like.

/// The article as qari writes it: now the collection's ([`crate::collection::Draft`]).
pub use crate::collection::draft as article;
pub mod feed;
pub mod files;
/// Web pages as articles: now a module of its own ([`crate::html`]).
pub use crate::html;
pub mod http;
pub mod opml;
mod pages;
pub mod probe;
pub mod subscriptions;
mod update;

use std::path::{Component, Path, PathBuf};

pub use article::Draft;
pub use feed::normalize_url;
pub use http::{FetchError, FetchOptions};
pub use pages::{import_file, save_url};
pub use update::{update, update_with};

use crate::config::{Config, FeedConfig};
use crate::store::{SavedItem, Store, StoreError, Validators};
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
    #[error("{0} is a feed, not a page: `qari feeds add {0}` subscribes to it")]
    IsFeed(String),
    #[error("{path}: not a web page: {why}; nothing saved")]
    NotAPage { path: PathBuf, why: String },
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
/// An item's identity, for the dedup records.
#[derive(Clone, Debug)]
struct ItemKey {
    guid: String,
    url: String,
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
    let day = draft
        .date
        .as_deref()
        .and_then(|d| d.get(..10))
        .map_or_else(|| store.clock().today_iso(), str::to_owned);
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
/// A name for a new feed: its own title, fetched now; or, when that fails, its host and why
/// the feed could not be read (worth a warning: the URL may be wrong).
pub fn suggest_name(url: &str, options: &FetchOptions) -> Result<String, (String, String)> {
    let host = || {
        url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| url.to_owned())
    };
    let client = Client::new(options.clone());
    let body = match client.get(url, &Validators::default()) {
        Ok(Fetched::Body(body)) => body,
        Ok(Fetched::NotModified) => return Err((host(), "HTTP 304".to_owned())),
        Err(e) => return Err((host(), e.to_string())),
    };
    match feed::parse(&body.bytes, &body.url) {
        Ok(parsed) => Ok(parsed.title.unwrap_or_else(host)),
        Err(e) => Err((host(), e)),
    }
}
