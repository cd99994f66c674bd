//! `qari save URL` and `qari import FILE.html`: one page's article, into the collection's
//! [`SAVED_FOLDER`](super::SAVED_FOLDER) and remembered by its URL like a feed's items (a page
//! saved before, by hand or from a feed, is not saved again).

use std::path::{Path, PathBuf};

use super::http::{Client, Fetched};
use super::{
    Draft, FeedsError, FetchError, FetchOptions, ItemKey, SAVED_FOLDER, article, collection, html,
    normalize_url, save,
};
use crate::config::Config;
use crate::store::Store;
use crate::store::Validators;

/// Fetches a page and extracts its article.
pub(super) fn fetch_page(client: &Client, url: &str) -> Result<html::Page, FetchError> {
    match client.get(url, &Validators::default())? {
        Fetched::Body(body) => {
            let text = html::decode(&body.bytes, body.content_type.as_deref());
            Ok(html::extract(&text))
        }
        Fetched::NotModified => Err(FetchError::Status(304)),
    }
}

/// A page's article as a draft.
pub(super) fn page_draft(page: html::Page, url: &str) -> Draft {
    Draft {
        title: page.title,
        source: page.site,
        author: page.author,
        date: page.date.as_deref().and_then(article::normalize_date),
        url: Some(url.to_owned()),
        blocks: page.blocks,
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
    let fetch_error = |source| FeedsError::Fetch {
        url: url.to_owned(),
        source,
    };
    let body = match client
        .get(url, &Validators::default())
        .map_err(fetch_error)?
    {
        Fetched::Body(body) => body,
        Fetched::NotModified => return Err(fetch_error(FetchError::Status(304))),
    };
    // A feed's XML is no article: say what it is (its CDATA ends would be saved as text).
    if super::probe::is_feed(&body.bytes, &body.url) {
        return Err(FeedsError::IsFeed(url.to_owned()));
    }
    let text = html::decode(&body.bytes, body.content_type.as_deref());
    let mut draft = page_draft(html::extract(&text), url);
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
    // A binary file (or an empty one) is no page: said, and nothing saved.
    if let Err(why) = crate::decode::decode(&bytes) {
        return Err(FeedsError::NotAPage {
            path: file.to_owned(),
            why: why.to_string(),
        });
    }
    let text = html::decode(&bytes, None);
    let url = html::canonical_url(&text).map(|u| normalize_url(&u));
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
    // Known by its URL; a page that names none, by its article's text (as written), so that
    // importing it again does not save it twice.
    let key = ItemKey {
        guid: if url.is_none() {
            format!(
                "import:{:016x}",
                crate::hash::fnv1a(draft.to_markdown().as_bytes())
            )
        } else {
            String::new()
        },
        url: url.clone().unwrap_or_default(),
    };
    if let Some(path) = store.saved_path("", &key.guid, &key.url)? {
        return Err(FeedsError::AlreadySaved(path));
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
