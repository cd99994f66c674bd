//! Bringing bookmarks up to date with their articles: each is found again by its text (see
//! [`super::anchor`]); one whose paragraph is gone is marked orphaned, never removed.

use std::path::Path;

use super::anchor::locate;
use super::{Bookmark, Store, StoreError};
use crate::collection::{Article, Collection, read_article};

/// Reads the article a bookmark points at: a file, or an article of the built-in collection.
pub fn article_at(path: &Path) -> Option<Article> {
    if path.starts_with("assets/articles") {
        let c = Collection::builtin();
        let entry = c.entries.iter().find(|e| e.path == path)?;
        return c.open(entry).ok();
    }
    read_article(path).ok()
}

/// Re-anchors `bookmarks` against their articles as they are now, saving what moved (unless
/// the store is read-only), and returns them updated.
pub fn refresh(
    store: &mut Store,
    mut bookmarks: Vec<Bookmark>,
) -> Result<Vec<Bookmark>, StoreError> {
    let mut current: Option<(std::path::PathBuf, Option<Article>)> = None;
    for b in &mut bookmarks {
        if current.as_ref().is_none_or(|(p, _)| *p != b.path) {
            current = Some((b.path.clone(), article_at(&b.path)));
        }
        let Some((_, article)) = &current else {
            continue;
        };
        // An article that cannot be read now leaves its bookmarks as they were.
        let Some(article) = article else { continue };
        let now = locate(
            &article.paragraphs,
            b.paragraph - 1,
            &b.fingerprint,
            &b.excerpt,
        );
        let changed = match now {
            Some(i) => b.orphaned || b.paragraph != i + 1,
            None => !b.orphaned,
        };
        if changed {
            match now {
                Some(i) => {
                    b.paragraph = i + 1;
                    b.orphaned = false;
                }
                None => b.orphaned = true,
            }
            if !store.is_read_only() {
                store.reanchor(b.id, now)?;
            }
        }
    }
    Ok(bookmarks)
}
