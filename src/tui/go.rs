//! What a screen asks of the app after an action: an intent ("open entry 3", "the bookmarks",
//! "back"), never a finished view. The screens answer with a [`Go`] and the app, which owns the
//! stack, builds the views and carries it out; so a screen needs only this module, the session
//! and the widgets below it, and no screen imports the app or another screen.

use std::path::PathBuf;

use super::prompt::Prompt;
use crate::collection::ParagraphNo;

/// What sits over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the screen, scrolled down by this many lines.
    Help(usize),
    Skipped,
}

/// What a screen asks of the app after an action.
#[derive(Debug)]
pub enum Go {
    Stay,
    /// Close this screen.
    Back,
    Quit,
    /// Read entry `n` of the collection, where it was left.
    Open(usize),
    /// Read entry `entry` from its start with `query` found in it (a search result).
    OpenFound {
        entry: usize,
        query: String,
    },
    /// Read the article at `path` at `paragraph` (a bookmark).
    OpenAt {
        path: PathBuf,
        paragraph: ParagraphNo,
    },
    /// Show the bookmarks screen.
    Bookmarks,
    Prompt(Prompt),
    Overlay(Overlay),
    /// The article `n` places away in the library (the reader's next and previous article).
    Sibling(isize),
    /// The next article of the library not read yet.
    NextUnread,
    /// Read the collection again from disk.
    Reload,
    /// Fetch the feeds into the collection.
    UpdateFeeds,
    /// Show the feeds screen.
    Feeds,
    /// Show the library with the articles of the feed `name` (saved in `folder`) alone.
    ShowFeed {
        name: String,
        folder: PathBuf,
    },
}
