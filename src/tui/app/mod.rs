//! The app: a stack of screens, the prompt and the overlays on top, and the session they share
//! (the collection, the state database, the settings, the status message). `App::update` routes
//! an action: the overlay or the app take the ones that concern them, the screen on top takes
//! the rest and answers with a [`Go`], an intent which the app carries out. Each screen keeps
//! its own state, its update and its drawing in its own module. This file is the stack and the
//! routing; `open.rs` makes the views a [`Go`] asks for, `load.rs` takes in the collection and
//! the state database, `input.rs` the prompt and pasted text, `jobs/` what the background work
//! brings; `tui::view` draws it all.

mod input;
mod jobs;
mod load;
mod open;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use super::action::Action;
use super::go::{Go, Overlay};
use super::jobs::{FeedJob, Reload};
use super::keymap::{Key, Scope};
use super::library::LibraryView;
use super::prompt::{Prompt, PromptFor};
use super::results::{Fit, ResultsView, SearchJob};
use super::screens::bookmarks::BookmarksView;
use super::screens::feeds::FeedsView;
use super::screens::reader::ReaderView;
pub use super::session::{Location, Session, Settings};
use crate::collection::Progress;
use crate::t;

/// A screen, with its state.
#[derive(Clone, Debug)]
pub enum Screen {
    /// The collection is being read.
    Loading(Arc<Progress>),
    /// The library: always at the bottom once the collection is loaded, its state in
    /// [`App`]'s `library` field (the reader's next article and the title filter need it
    /// under whatever is shown).
    Library(Shelf),
    /// The articles matching a search of the whole collection.
    Results(Box<ResultsView>),
    Reader(Box<ReaderView>),
    Bookmarks(Box<BookmarksView>),
    /// The feeds with their unread counts.
    Feeds(Box<FeedsView>),
}

/// Where the library shows in the stack of screens (its state is `App::library`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shelf;

impl Screen {
    /// Where its key bindings are found.
    pub fn scope(&self) -> Scope {
        match self {
            Screen::Loading(_) => Scope::Global,
            Screen::Library(_) => Scope::Library,
            Screen::Results(_) => Scope::Results,
            Screen::Reader(_) => Scope::Reader,
            Screen::Bookmarks(_) => Scope::Bookmarks,
            Screen::Feeds(_) => Scope::Feeds,
        }
    }
}

/// The whole app.
pub struct App {
    /// The screens, the one shown last; never empty.
    pub(super) screens: Vec<Screen>,
    /// The library, once the collection is loaded.
    pub(super) library: Option<LibraryView>,
    pub overlay: Option<Overlay>,
    /// The prompt, while it is open.
    pub prompt: Option<Prompt>,
    /// A search of the collection under way.
    pub job: Option<SearchJob>,
    pub session: Session,
    /// The collection being read again.
    pub reloading: Option<Reload>,
    /// The feeds being fetched (`U`).
    pub feeding: Option<FeedJob>,
    /// The bookmarks screen's bookmarks being re-attached to their paragraphs.
    pub(super) reattaching: Option<jobs::ReattachJob>,
    /// Says when the collection changed on disk.
    pub(super) watch: Option<mpsc::Receiver<()>>,
    /// When the collection is loaded, open the article read last.
    pub resume: bool,
    pub quit: bool,
    /// Asked to suspend (Ctrl-z): the loop gives the terminal back and stops the process.
    pub suspend: bool,
    /// Keys typed while the collection loads, for the library once it is there.
    pub(super) held: Vec<Key>,
    /// When the feeds are next fetched by themselves (`update_interval` in the config).
    pub(super) feeds_due: Option<std::time::Instant>,
}

impl App {
    pub fn new(settings: Settings, size: (u16, u16)) -> Self {
        App {
            screens: vec![Screen::Loading(Arc::new(Progress::default()))],
            library: None,
            overlay: None,
            prompt: None,
            job: None,
            session: Session {
                settings,
                collection: None,
                index_file: None,
                monitoring: None,
                store: None,
                reading: HashMap::new(),
                message: None,
                size,
                location: None,
                clipboard: None,
                feeds: None,
            },
            reloading: None,
            feeding: None,
            reattaching: None,
            watch: None,
            resume: false,
            quit: false,
            suspend: false,
            held: Vec::new(),
            feeds_due: None,
        }
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        self.screens.last().unwrap_or(&self.screens[0])
    }

    pub(super) fn screen_mut(&mut self) -> &mut Screen {
        let last = self.screens.len() - 1;
        &mut self.screens[last]
    }

    /// The library, under whatever is shown on it.
    pub fn library(&self) -> Option<&LibraryView> {
        self.library.as_ref()
    }

    /// Shows `screen` on top (tests and the loader use it).
    pub fn push(&mut self, screen: Screen) {
        self.screens.push(screen);
    }

    /// The key's action on the screen shown.
    pub fn resolve(&self, key: Key) -> Option<Action> {
        self.session
            .settings
            .keymap
            .resolve(key, self.screen().scope())
    }

    /// The terminal was resized.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.session.size = (width, height);
        let (w, h) = (self.session.column_width(), self.session.body_height());
        let options = self.session.settings.options;
        let fit = snippet_fit(&self.session);
        if let Some(l) = &mut self.library {
            l.scroll_into_view(h);
        }
        for screen in &mut self.screens {
            match screen {
                Screen::Reader(r) => r.resize(w, h, options),
                Screen::Results(r) => {
                    r.refit(fit);
                    if let Some(c) = &self.session.collection {
                        r.show(c, h);
                    }
                }
                _ => {}
            }
        }
    }

    /// Closes the screen on top (never the last): a reader saves its place first.
    pub(super) fn pop(&mut self) {
        if self.screens.len() < 2 {
            return;
        }
        if let Some(Screen::Reader(r)) = self.screens.pop() {
            Self::leave(&mut self.session, &r);
        }
        // Back in an article: its bookmark marks may have changed.
        let roots: Vec<PathBuf> = self.session.root().into_iter().collect();
        if let (Some(Screen::Reader(r)), Some(store)) =
            (self.screens.last_mut(), &mut self.session.store)
            && let Ok(list) = store.bookmarks_of(&r.article.path)
        {
            r.bookmarks = crate::store::refresh(store, list, &roots).unwrap_or_default();
        }
    }

    /// Quits, saving the place of every open article first.
    pub(super) fn quit(&mut self) {
        while self.screens.len() > 1 {
            self.pop();
        }
        if let Some(Screen::Reader(r)) = self.screens.last() {
            Self::leave(&mut self.session, r);
        }
        self.quit = true;
    }

    /// A mouse button went down (`Some(true)`), dragged (`Some(false)`) or came up (`None`) at
    /// screen row `y`: in the reader, a drag selects rows to copy.
    pub fn drag(&mut self, y: u16, phase: Option<bool>) {
        if self.overlay.is_some() || self.prompt.is_some() {
            return;
        }
        let last = self.screens.len() - 1;
        if let Screen::Reader(r) = &mut self.screens[last] {
            if phase == Some(true) {
                self.session.message = None;
            }
            // The text starts on the second row.
            r.drag(usize::from(y.saturating_sub(1)), phase, &mut self.session);
        }
    }

    /// Applies one action. A message lasts until the next action.
    pub fn update(&mut self, action: Action) {
        self.session.message = None;
        match action {
            Action::Quit => return self.quit(),
            Action::Suspend => {
                self.suspend = true;
                return;
            }
            Action::Help => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help(_)) => None,
                    _ => Some(Overlay::Help(0)),
                };
                return;
            }
            // The help scrolls when it is longer than the screen.
            Action::Down | Action::NextParagraph | Action::PageDown | Action::NextPage
                if matches!(self.overlay, Some(Overlay::Help(_))) =>
            {
                if let Some(Overlay::Help(scroll)) = &mut self.overlay {
                    *scroll += 1;
                }
                return;
            }
            Action::Up | Action::PrevParagraph | Action::PageUp | Action::PrevPage
                if matches!(self.overlay, Some(Overlay::Help(_))) =>
            {
                if let Some(Overlay::Help(scroll)) = &mut self.overlay {
                    *scroll = scroll.saturating_sub(1);
                }
                return;
            }
            Action::Back if self.overlay.is_some() => {
                self.overlay = None;
                return;
            }
            // Esc cancels a search of the collection; other keys wait for it.
            Action::Back if self.job.is_some() => {
                self.job = None;
                self.session.message = Some(t!(self.session.settings.msgs, "search-cancelled"));
                return;
            }
            _ if self.overlay.is_some() || self.job.is_some() => return,
            _ => {}
        }
        let session = &mut self.session;
        let last = self.screens.len() - 1;
        let go = match &mut self.screens[last] {
            Screen::Loading(_) => Go::Stay,
            Screen::Library(_) => match &mut self.library {
                Some(l) => l.update(action, session),
                None => Go::Stay,
            },
            Screen::Results(r) => r.update(action, session),
            Screen::Reader(r) => r.update(action, session),
            Screen::Bookmarks(b) => b.update(action, session),
            Screen::Feeds(f) => f.update(action, session),
        };
        self.go(go);
    }

    /// Carries out what a screen asked for.
    pub(super) fn go(&mut self, go: Go) {
        match go {
            Go::Stay => {}
            // Back from the only screen (an article whose folder could not be read) quits.
            Go::Back if self.screens.len() < 2 => self.quit(),
            Go::Back => self.pop(),
            Go::Quit => self.quit(),
            Go::Open(index) => self.open_entry(index),
            Go::OpenFound { entry, query } => self.open_found(entry, &query),
            Go::OpenAt { path, paragraph } => self.open_at(&path, paragraph),
            Go::Bookmarks => self.open_bookmarks(),
            Go::Prompt(prompt) => {
                let history = match (&prompt.purpose, &self.session.store) {
                    (PromptFor::Search, Some(store)) => store.searches().unwrap_or_default(),
                    _ => Vec::new(),
                };
                self.prompt = Some(prompt.with_history(history));
            }
            Go::Overlay(o) => self.overlay = Some(o),
            Go::Sibling(delta) => self.open_sibling(delta),
            Go::NextUnread => self.open_next_unread(),
            Go::Reload => self.reload(),
            Go::UpdateFeeds => self.update_feeds(),
            Go::Feeds => {
                let view = FeedsView::new(&self.session);
                self.screens.push(Screen::Feeds(Box::new(view)));
            }
            Go::ShowFeed { name, folder } => self.show_feed(&name, folder),
        }
    }
}

/// What the search results' snippets are fitted to.
fn snippet_fit(cx: &Session) -> Fit {
    Fit::new(cx.size.0, cx.settings.options)
}
