//! Bringing bookmarks up to date with their articles. An article whose content hash is
//! unchanged keeps its paragraph numbers. An article that is no longer at its path is looked for
//! by its path relative to the collection root under the roots given (a collection that moved).
//! Otherwise each bookmark is found again by its text (see [`super::anchor`]); one whose
//! paragraph is gone is marked orphaned, never removed.

use std::path::{Path, PathBuf};

use super::anchor::{article_hash, locate};
use super::{Bookmark, Store, StoreError};
use crate::collection::{Article, Collection, ParagraphNo, read_article};

/// Reads the article a bookmark points at: a file, or an article of the built-in collection.
pub fn article_at(path: &Path) -> Option<Article> {
    if path.starts_with("assets/articles") {
        let c = Collection::builtin();
        let entry = c.entries.iter().find(|e| e.path == path)?;
        return c.open(entry).ok();
    }
    read_article(path).ok()
}

/// Finds a bookmark's article: at its path, or at its relative path under one of `roots`.
fn find_article(b: &Bookmark, roots: &[PathBuf]) -> Option<(PathBuf, Article)> {
    if let Some(a) = article_at(&b.path) {
        return Some((b.path.clone(), a));
    }
    if b.rel_path.is_empty() {
        return None;
    }
    roots.iter().find_map(|root| {
        let candidate = root.join(&b.rel_path);
        read_article(&candidate).ok().map(|a| (candidate, a))
    })
}

/// What re-anchoring found that the state database must be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The bookmark's article is now at `path`, with content hash `hash`.
    Relocate {
        id: i64,
        path: PathBuf,
        hash: String,
    },
    /// The bookmark's paragraph is now this one (None: it is gone, the bookmark orphaned).
    Reanchor { id: i64, now: Option<ParagraphNo> },
}

/// Re-anchors `bookmarks` against their articles as they are now (looking for moved articles
/// under `roots`), saving what changed (unless the store is read-only), and returns them.
pub fn refresh(
    store: &mut Store,
    bookmarks: Vec<Bookmark>,
    roots: &[PathBuf],
) -> Result<Vec<Bookmark>, StoreError> {
    let (bookmarks, changes) = reattach(bookmarks, roots);
    save(store, &changes)?;
    Ok(bookmarks)
}

/// Tells the state database what [`reattach`] found (nothing when it is read-only). A
/// bookmark deleted since is no row to change.
pub fn save(store: &mut Store, changes: &[Change]) -> Result<(), StoreError> {
    if store.is_read_only() {
        return Ok(());
    }
    for change in changes {
        match change {
            Change::Relocate { id, path, hash } => store.relocate(*id, path, hash)?,
            Change::Reanchor { id, now } => store.reanchor(*id, *now)?,
        }
    }
    Ok(())
}

/// [`refresh`] without the store: the bookmarks re-anchored against their articles as they are
/// now, and what the store must be told. It reads and hashes every bookmarked article, so the
/// reader runs it in the background.
pub fn reattach(mut bookmarks: Vec<Bookmark>, roots: &[PathBuf]) -> (Vec<Bookmark>, Vec<Change>) {
    // The article of the bookmarks being looked at (they come grouped by path): where it is
    // now, the article and its hash.
    type Found = Option<(PathBuf, Article, String)>;
    let mut told = Vec::new();
    let mut current: Option<(PathBuf, Found)> = None;
    for b in &mut bookmarks {
        if current.as_ref().is_none_or(|(p, _)| *p != b.path) {
            let found = find_article(b, roots).map(|(path, a)| {
                let hash = article_hash(&a.title, &a.paragraphs);
                (path, a, hash)
            });
            current = Some((b.path.clone(), found));
        }
        // An article that cannot be found now leaves its bookmarks as they were.
        let Some((_, Some((path, article, hash)))) = &current else {
            continue;
        };
        if *path != b.path || *hash != b.article_hash {
            told.push(Change::Relocate {
                id: b.id,
                path: path.clone(),
                hash: hash.clone(),
            });
            b.path.clone_from(path);
        }
        if *hash == b.article_hash && !b.orphaned {
            continue;
        }
        b.article_hash.clone_from(hash);
        let now = locate(&article.paragraphs, b.paragraph, &b.fingerprint, &b.excerpt);
        let changed = match now {
            Some(p) => b.orphaned || b.paragraph != p,
            None => !b.orphaned,
        };
        if changed {
            match now {
                Some(p) => {
                    b.paragraph = p;
                    b.orphaned = false;
                }
                None => b.orphaned = true,
            }
            told.push(Change::Reanchor { id: b.id, now });
        }
    }
    (bookmarks, told)
}
