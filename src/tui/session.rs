//! What the screens share: the settings, the collection, the state database, the reading
//! marks and the status message; and opening an article (where it was left) or leaving one
//! (its place saved).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::action::Action;
use super::keymap::{Keymap, Scope};
use super::reader::ReaderView;
use super::results::Fit;
use super::theme::Styles;
use crate::clock::Clock;
use crate::collection::{Article, Collection, Origin};
use crate::i18n::Messages;
use crate::store::{Position, ReadState, Store};
use crate::t;
use crate::text::Options;

/// Where the collection was read from, to read it again.
#[derive(Clone, Debug)]
pub struct Location {
    pub path: PathBuf,
    pub cache: Option<PathBuf>,
}

/// Display settings that do not change while qari runs.
#[derive(Clone, Debug)]
pub struct Settings {
    pub options: Options,
    /// qari reorders (app mode); false: the terminal does bidi.
    pub visual: bool,
    /// The reading column in cells; 0 for the terminal's width.
    pub text_width: u16,
    pub styles: Styles,
    pub keymap: Keymap,
    /// The interface's messages, in its language, digits and calendar.
    pub msgs: Messages,
    /// Now and the local day (bookmarks' dates): the system's, or pinned (tests, `QARI_NOW`).
    pub clock: Clock,
}

/// What the screens share.
pub struct Session {
    pub settings: Settings,
    pub collection: Option<Arc<Collection>>,
    /// The search index of the collection, if it has one (a folder, not the built-in one).
    pub index_file: Option<PathBuf>,
    /// The file monitor a search of the folder may ask (None: a search looks at every file).
    pub monitoring: Option<crate::search::Monitoring>,
    /// Bookmarks and reading positions; None when running without state.
    pub store: Option<Store>,
    /// How far each article has been read (from the state database, kept current).
    pub reading: HashMap<PathBuf, ReadState>,
    /// A message for the status bar, shown until the next action.
    pub message: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Where the collection comes from (None: the built-in one).
    pub location: Option<Location>,
    /// Text to put on the system clipboard, taken by the loop (which owns the terminal).
    pub clipboard: Option<String>,
    /// What fetching the feeds needs (None: no configuration to fetch with).
    pub feeds: Option<super::feeds::FeedSetup>,
}

impl Session {
    /// Puts `text` on the clipboard and says how much was copied.
    pub fn copy(&mut self, text: String) {
        let n = text.chars().count();
        self.message = Some(t!(self.settings.msgs, "copied", count = n));
        self.clipboard = Some(text);
    }
}

impl Session {
    /// Marks entry `index` read, or unread again (its saved place is forgotten).
    pub fn toggle_read(&mut self, index: usize) {
        let Some(path) = self
            .collection
            .as_ref()
            .and_then(|c| c.entries.get(index))
            .map(|e| e.path.clone())
        else {
            return;
        };
        let read = self.reading.get(&path) == Some(&ReadState::Read);
        let result = match &mut self.store {
            Some(store) if read => store.forget_position(&path),
            Some(store) => store.mark_read(&path),
            None => Ok(()),
        };
        if let Err(e) = result {
            self.message = Some(t!(self.settings.msgs, "not-saved", error = e.to_string()));
            return;
        }
        if read {
            self.reading.remove(&path);
            self.message = Some(t!(self.settings.msgs, "marked-unread"));
        } else {
            self.reading.insert(path, ReadState::Read);
            self.message = Some(t!(self.settings.msgs, "marked-read"));
        }
    }

    /// The reading column's width in cells.
    pub fn column_width(&self) -> usize {
        let room = self.size.0.saturating_sub(4).max(1);
        let width = match self.settings.text_width {
            0 => room,
            w => w.min(room),
        };
        usize::from(width)
    }

    /// What the search results' snippets are fitted to.
    pub fn snippet_fit(&self) -> Fit {
        Fit::new(self.size.0, self.settings.options)
    }

    /// Rows of the screen's body: the screen less the status bar and a top margin.
    pub fn body_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(2).max(1))
    }

    /// The key that does `action` on `scope`, for hints (`?` when no key does).
    pub fn key(&self, action: Action, scope: Scope) -> String {
        self.settings
            .keymap
            .key_for(action, scope)
            .unwrap_or_else(|| "?".to_owned())
    }

    /// The root of the collection, for bookmarks' relative paths.
    pub fn root(&self) -> Option<PathBuf> {
        match self.collection.as_ref().map(|c| &c.origin) {
            Some(Origin::Path(p)) if p.is_dir() => Some(p.clone()),
            Some(Origin::Path(p)) => p.parent().map(Path::to_owned),
            _ => None,
        }
    }

    /// Opens entry `index` of the collection in a reader, where it was left.
    pub fn open_entry(&mut self, index: usize) -> Result<ReaderView, String> {
        let msgs = &self.settings.msgs;
        let c = self
            .collection
            .as_ref()
            .ok_or_else(|| t!(msgs, "no-collection"))?;
        let entry = c
            .entries
            .get(index)
            .ok_or_else(|| t!(msgs, "no-such-article"))?;
        let article = c.open(entry).map_err(|e| msgs.collection_error(&e))?;
        Ok(self.show_article(article, true))
    }

    /// `article` in a reader, its bookmarks marked and, when `restore`, at the place it was
    /// left.
    pub fn show_article(&mut self, article: Article, restore: bool) -> ReaderView {
        let path = article.path.clone();
        let mut view = ReaderView::new(
            article,
            self.column_width(),
            self.body_height(),
            self.settings.options,
        );
        let roots: Vec<PathBuf> = self.root().into_iter().collect();
        if let Some(store) = &mut self.store {
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
        self.reading.entry(path).or_insert(ReadState::InProgress);
        view
    }

    /// Saves where the reader is, as it closes.
    pub(super) fn leave(&mut self, r: &ReaderView) {
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
        let entry = self.reading.entry(path.clone()).or_insert(state);
        if state == ReadState::Read {
            *entry = ReadState::Read;
        }
        if let Some(store) = &mut self.store
            && !store.is_read_only()
            && let Err(e) = store.set_position(&path, position)
        {
            self.message = Some(t!(
                self.settings.msgs,
                "position-not-saved",
                error = e.to_string()
            ));
        }
    }
}
