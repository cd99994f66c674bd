//! Turning what a screen asked for into views: a reader for an entry, a search result or a
//! bookmark, on top of the library or the results (readers and the bookmarks screen above them
//! closed); the bookmarks screen; the next or previous article of the library, the next one
//! never opened. And the reader's place, restored as it opens and saved as it closes.

use std::path::{Path, PathBuf};

use super::{App, Screen};
use crate::collection::{Article, ParagraphNo};
use crate::store::{Position, ReadState};
use crate::t;
use crate::tui::screens::bookmarks;
use crate::tui::screens::reader::ReaderView;
use crate::tui::session::Session;

impl App {
    /// Reads `view`: on top of the library or the results, closing readers and the bookmarks
    /// screen above them.
    pub(super) fn read(&mut self, view: ReaderView) {
        while matches!(self.screen(), Screen::Reader(_) | Screen::Bookmarks(_))
            && self.screens.len() > 1
        {
            self.pop();
        }
        self.screens.push(Screen::Reader(Box::new(view)));
    }

    /// Reads entry `index` of the collection, where it was left.
    pub(super) fn open_entry(&mut self, index: usize) {
        match Self::entry_view(&mut self.session, index) {
            Ok(view) => self.read(view),
            Err(e) => self.session.message = Some(e),
        }
    }

    /// Reads entry `entry` from its start, `query` found in it, highlights on.
    pub(super) fn open_found(&mut self, entry: usize, query: &str) {
        let cx = &mut self.session;
        let article = cx
            .collection
            .as_ref()
            .and_then(|c| c.entries.get(entry).map(|e| c.open(e)));
        match article {
            Some(Ok(article)) => {
                let mut view = Self::show_article(cx, article, false);
                view.find(query);
                self.read(view);
            }
            Some(Err(e)) => cx.message = Some(cx.settings.msgs.collection_error(&e)),
            None => {}
        }
    }

    /// Reads the article at `path` (a bookmark's) at `paragraph`.
    pub(super) fn open_at(&mut self, path: &Path, paragraph: ParagraphNo) {
        let cx = &mut self.session;
        let Some(article) = crate::store::article_at(path) else {
            cx.message = Some(t!(
                cx.settings.msgs,
                "article-unreadable",
                path = path.display().to_string()
            ));
            return;
        };
        let mut view = Self::show_article(cx, article, false);
        view.go_to_paragraph(paragraph);
        self.read(view);
    }

    /// Shows the bookmarks screen.
    pub(super) fn open_bookmarks(&mut self) {
        if let Some(view) = bookmarks::open(&mut self.session) {
            self.reattach(view.all.clone());
            self.screens.push(Screen::Bookmarks(Box::new(view)));
        }
    }

    /// Back to the library, showing the articles saved in `folder` alone (the feed `name`'s).
    pub(super) fn show_feed(&mut self, name: &str, folder: std::path::PathBuf) {
        while self.screens.len() > 1 {
            self.pop();
        }
        let key = self.session.key(
            crate::tui::action::Action::Back,
            crate::tui::keymap::Scope::Library,
        );
        if let (Some(l), Some(c)) = (&mut self.library, &self.session.collection) {
            l.show_folder(&c.entries, Some(folder));
            self.session.message = Some(t!(
                self.session.settings.msgs,
                "feeds-showing",
                name = name,
                count = l.order.len(),
                key = key
            ));
        }
    }

    /// Opens the article `delta` places from the selected one in the library.
    pub(super) fn open_sibling(&mut self, delta: isize) {
        let Some(l) = &mut self.library else {
            // `qari FILE`: the folder's library is still being read.
            self.session.message = Some(t!(self.session.settings.msgs, "library-not-ready"));
            return;
        };
        // From the article shown, wherever the library's selection is.
        if let (Some(Screen::Reader(r)), Some(c)) = (self.screens.last(), &self.session.collection)
            && let Some(i) = c.entries.iter().position(|e| e.path == r.article.path)
        {
            l.select_entry(i);
        }
        let target = l
            .selected
            .checked_add_signed(delta)
            .filter(|&t| t < l.order.len());
        let Some(target) = target else {
            self.session.message = Some(if delta > 0 {
                t!(self.session.settings.msgs, "last-article")
            } else {
                t!(self.session.settings.msgs, "first-article")
            });
            return;
        };
        l.selected = target;
        self.open_selected();
    }

    /// Opens the next article after the selected one (round to the start) that was never
    /// opened.
    pub(super) fn open_next_unread(&mut self) {
        let (Some(l), Some(c)) = (&mut self.library, &self.session.collection) else {
            return;
        };
        let n = l.order.len();
        let next = (1..=n).map(|k| (l.selected + k) % n).find(|&row| {
            !self
                .session
                .reading
                .contains_key(&c.entries[l.order[row]].path)
        });
        match next {
            Some(row) => {
                l.selected = row;
                self.open_selected();
            }
            None => self.session.message = Some(t!(self.session.settings.msgs, "all-opened")),
        }
    }

    /// Opens the library's selected article in place of the reader shown.
    pub(super) fn open_selected(&mut self) {
        let Some(l) = &mut self.library else {
            return;
        };
        l.scroll_into_view(self.session.body_height());
        let Some(index) = l.current() else { return };
        self.open_entry(index);
    }

    /// Opens entry `index` of the collection in a reader, where it was left.
    fn entry_view(cx: &mut Session, index: usize) -> Result<ReaderView, String> {
        let msgs = &cx.settings.msgs;
        let c = cx
            .collection
            .as_ref()
            .ok_or_else(|| t!(msgs, "no-collection"))?;
        let entry = c
            .entries
            .get(index)
            .ok_or_else(|| t!(msgs, "no-such-article"))?;
        let article = c.open(entry).map_err(|e| msgs.collection_error(&e))?;
        Ok(Self::show_article(cx, article, true))
    }

    /// `article` in a reader, its bookmarks marked and, when `restore`, at the place it was
    /// left.
    pub(super) fn show_article(cx: &mut Session, article: Article, restore: bool) -> ReaderView {
        let path = article.path.clone();
        let mut view = ReaderView::new(
            article,
            cx.column_width(),
            cx.body_height(),
            cx.settings.options,
        );
        let roots: Vec<PathBuf> = cx.root().into_iter().collect();
        if let Some(store) = &mut cx.store {
            if let Ok(list) = store.bookmarks_of(&path) {
                view.bookmarks = crate::store::refresh(store, list, &roots).unwrap_or_default();
            }
            let saved = store.position(&path).ok().flatten();
            if let Some(d) = saved.and_then(|p| p.direction) {
                view.set_direction(d);
                view.chosen = Some(d);
            }
            if restore && let Some(pos) = saved {
                view.restore(pos.paragraph, pos.offset);
            }
        }
        cx.reading.entry(path).or_insert(ReadState::InProgress);
        view
    }

    /// Saves where the reader is, as it closes.
    pub(super) fn leave(cx: &mut Session, r: &ReaderView) {
        let state = if r.at_end() {
            ReadState::Read
        } else {
            ReadState::InProgress
        };
        let path = r.article.path.clone();
        let position = Position {
            paragraph: r.cursor,
            offset: r.offset_at_top(),
            state,
            direction: r.chosen,
        };
        let entry = cx.reading.entry(path.clone()).or_insert(state);
        if state == ReadState::Read {
            *entry = ReadState::Read;
        }
        if let Some(store) = &mut cx.store
            && !store.is_read_only()
            && let Err(e) = store.set_position(&path, position)
        {
            cx.message = Some(t!(
                cx.settings.msgs,
                "position-not-saved",
                error = e.to_string()
            ));
        }
    }
}
