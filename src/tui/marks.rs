//! The app's bookmark actions: toggling and annotating in the reader, and the bookmarks
//! screen (open, delete, undo, filter, jump).

use std::path::{Path, PathBuf};

use super::action::Action;
use super::app::{App, PromptFor, Screen};
use super::bookmarks::BookmarksView;
use super::reader::ReaderView;
use crate::collection::Origin;
use crate::store::{Place, Store, StoreError};

impl App {
    pub(super) fn open_bookmarks(&mut self) {
        let roots: Vec<PathBuf> = self.root().into_iter().collect();
        let Some(store) = &mut self.store else {
            self.message = Some("no state database: bookmarks are not available".to_owned());
            return;
        };
        let all = store
            .bookmarks()
            .and_then(|list| crate::store::refresh(store, list, &roots));
        match all {
            Ok(all) => {
                self.message = None;
                let previous = std::mem::replace(
                    &mut self.screen,
                    Screen::Bookmarks(Box::new(BookmarksView::new(all))),
                );
                if let Screen::Reader(_) = previous {
                    self.back = Some(Box::new(previous));
                } else {
                    self.back = None;
                }
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    pub(super) fn update_bookmarks(&mut self, action: Action) {
        let Screen::Bookmarks(b) = &mut self.screen else {
            return;
        };
        match action {
            Action::Down => b.step(1),
            Action::Up => b.step(-1),
            Action::PageDown => b.step(10),
            Action::PageUp => b.step(-10),
            Action::First => b.step(-(b.all.len() as isize)),
            Action::Last => b.step(b.all.len() as isize),
            Action::Search => {
                let filter = b.filter.clone();
                self.open_prompt(PromptFor::Filter, filter);
            }
            Action::Delete => {
                if let (Some(gone), Some(store)) = (b.take_selected(), &mut self.store) {
                    self.message = Some(match store.remove_bookmark(gone.id) {
                        Ok(_) => "bookmark deleted (u undoes)".to_owned(),
                        Err(e) => format!("not deleted: {e}"),
                    });
                }
            }
            Action::Undo => {
                if let (Some(back), Some(store)) = (b.undo(), &mut self.store) {
                    self.message = Some(match store.restore_bookmark(&back) {
                        Ok(()) => "bookmark restored".to_owned(),
                        Err(e) => format!("not restored: {e}"),
                    });
                }
            }
            Action::Open => self.jump_to_bookmark(),
            _ => {}
        }
    }

    /// Opens the selected bookmark's article at its paragraph.
    fn jump_to_bookmark(&mut self) {
        let Screen::Bookmarks(b) = &self.screen else {
            return;
        };
        let Some(bm) = b.current().cloned() else {
            return;
        };
        let Some(article) = crate::store::article_at(&bm.path) else {
            self.message = Some(format!("{}: cannot read the article", bm.path.display()));
            return;
        };
        let mut view = self.show_article(article, Some(bm.paragraph));
        view.cursor = (bm.paragraph - 1).min(view.article.paragraphs.len().saturating_sub(1));
        view.move_cursor(0);
        self.back = None;
        self.screen = Screen::Reader(Box::new(view));
    }

    /// The root of the collection, for bookmarks' relative paths.
    pub(super) fn root(&self) -> Option<PathBuf> {
        match self.collection.as_ref().map(|c| &c.origin) {
            Some(Origin::Path(p)) if p.is_dir() => Some(p.clone()),
            Some(Origin::Path(p)) => p.parent().map(Path::to_owned),
            _ => None,
        }
    }

    pub(super) fn toggle_bookmark(&mut self) {
        self.at_cursor_paragraph("bookmark", |store, r, at| {
            match r.bookmark_here().map(|b| b.id) {
                Some(id) => store
                    .remove_bookmark(id)
                    .map(|_| "bookmark removed".to_owned()),
                None => store
                    .add_bookmark(&at, "")
                    .map(|_| format!("paragraph {} bookmarked (m adds a note)", r.cursor + 1)),
            }
        });
    }

    pub(super) fn save_note(&mut self, note: &str) {
        self.at_cursor_paragraph("note", |store, r, at| {
            match r.bookmark_here().map(|b| b.id) {
                Some(id) => store.set_note(id, note),
                None => store.add_bookmark(&at, note).map(drop),
            }
            .map(|()| format!("note saved on paragraph {}", r.cursor + 1))
        });
    }

    /// Runs `change` on the store for the reader's cursor paragraph (`at` is where a new
    /// bookmark would go), reports its outcome and reloads the article's bookmarks.
    fn at_cursor_paragraph(
        &mut self,
        what: &str,
        change: impl FnOnce(&mut Store, &ReaderView, Place<'_>) -> Result<String, StoreError>,
    ) {
        let root = self.root();
        let (Screen::Reader(r), Some(store)) = (&mut self.screen, &mut self.store) else {
            return;
        };
        if r.article.paragraphs.is_empty() {
            self.message = Some(format!("this article has no paragraph for a {what}"));
            return;
        }
        let at = Place {
            article: &r.article,
            root: root.as_deref(),
            index: r.cursor,
        };
        self.message =
            Some(change(store, r, at).unwrap_or_else(|e| format!("{what} not saved: {e}")));
        r.bookmarks = store.bookmarks_of(&r.article.path).unwrap_or_default();
    }
}
