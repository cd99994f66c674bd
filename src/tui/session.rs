//! What the screens share: the settings, the collection, the state database, the reading
//! marks and the status message. It sits below the screens: making a reader of an article (at
//! its place) and saving that place as it closes are the app's (`app/open.rs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::action::Action;
use super::keymap::{Keymap, Scope};
use super::widgets::theme::Styles;
use crate::clock::Clock;
use crate::collection::{Collection, Origin};
use crate::i18n::Messages;
use crate::store::{ReadState, Store};
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

/// Cells kept free on each side of the reader's column for its marks.
pub const MARGIN: u16 = 3;

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

    /// The reading column's width in cells: the screen's less a margin of three cells on each
    /// side, where the cursor (next to the text) and a bookmark's star (one cell further out)
    /// are drawn, so that both show at 80 columns with the default 80-cell column.
    pub fn column_width(&self) -> usize {
        let room = self.size.0.saturating_sub(2 * MARGIN).max(1);
        let width = match self.settings.text_width {
            0 => room,
            w => w.min(room),
        };
        usize::from(width)
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
}
