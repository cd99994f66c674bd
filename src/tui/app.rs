//! The app: a stack of screens, the prompt and the overlays on top, and the session they share
//! (the collection, the state database, the settings, the status message). `App::update` routes
//! an action: the overlay or the app take the ones that concern them, the screen on top takes
//! the rest and answers with a [`Go`], which the app carries out. Each screen keeps its own
//! state, its update and its drawing in its own module.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::action::Action;
use super::bookmarks::BookmarksView;
use super::keymap::{Key, Keymap, Scope};
use super::library::LibraryView;
use super::prompt::{Edit, Prompt, PromptFor};
use super::reader::ReaderView;
use super::results::{Fit, ResultsView, SearchJob};
use super::theme::Styles;
use crate::collection::{Article, Collection, Origin, Progress};
use crate::search::Query;
use crate::store::{Position, ReadState, Store};
use crate::text::Options;

/// A screen, with its state.
#[derive(Clone, Debug)]
pub enum Screen {
    /// The collection is being read.
    Loading(Arc<Progress>),
    Library(LibraryView),
    /// The articles matching a search of the whole collection.
    Results(Box<ResultsView>),
    Reader(Box<ReaderView>),
    Bookmarks(Box<BookmarksView>),
}

impl Screen {
    /// Where its key bindings are found.
    pub fn scope(&self) -> Scope {
        match self {
            Screen::Loading(_) => Scope::Global,
            Screen::Library(_) => Scope::Library,
            Screen::Results(_) => Scope::Results,
            Screen::Reader(_) => Scope::Reader,
            Screen::Bookmarks(_) => Scope::Bookmarks,
        }
    }
}

/// What sits over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Skipped,
}

/// What a screen asks of the app after an action.
#[derive(Debug)]
pub enum Go {
    Stay,
    /// Close this screen.
    Back,
    Quit,
    Push(Screen),
    /// Read an article: on top of the library or the results, closing readers and the
    /// bookmarks screen above them.
    Read(Box<ReaderView>),
    Prompt(Prompt),
    Overlay(Overlay),
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
}

/// What the screens share.
pub struct Session {
    pub settings: Settings,
    pub collection: Option<Arc<Collection>>,
    /// The search index of the collection, if it has one (a folder, not the built-in one).
    pub index_file: Option<PathBuf>,
    /// Bookmarks and reading positions; None when running without state.
    pub store: Option<Store>,
    /// How far each article has been read (from the state database, kept current).
    pub reading: HashMap<PathBuf, ReadState>,
    /// A message for the status bar, shown until the next action.
    pub message: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
}

impl Session {
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
        let c = self.collection.as_ref().ok_or("no collection")?;
        let entry = c.entries.get(index).ok_or("no such article")?;
        let article = c.open(entry).map_err(|e| e.to_string())?;
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
            if restore && let Ok(Some(pos)) = store.position(&path) {
                view.restore(pos.paragraph, pos.offset);
            }
        }
        self.reading.entry(path).or_insert(ReadState::InProgress);
        view
    }

    /// Saves where the reader is, as it closes.
    fn leave(&mut self, r: &ReaderView) {
        let state = if r.page + 1 >= r.pages() {
            ReadState::Read
        } else {
            ReadState::InProgress
        };
        let path = r.article.path.clone();
        let position = Position {
            paragraph: r.cursor,
            offset: r.offset_at_top(),
            state,
        };
        let entry = self.reading.entry(path.clone()).or_insert(state);
        if state == ReadState::Read {
            *entry = ReadState::Read;
        }
        if let Some(store) = &mut self.store
            && !store.is_read_only()
            && let Err(e) = store.set_position(&path, position)
        {
            self.message = Some(format!("reading position not saved: {e}"));
        }
    }
}

/// The whole app.
pub struct App {
    /// The screens, the one shown last; never empty.
    screens: Vec<Screen>,
    pub overlay: Option<Overlay>,
    /// The prompt, while it is open.
    pub prompt: Option<Prompt>,
    /// A search of the collection under way.
    pub job: Option<SearchJob>,
    pub session: Session,
    /// When the collection is loaded, open the article read last.
    pub resume: bool,
    pub quit: bool,
}

impl App {
    pub fn new(settings: Settings, size: (u16, u16)) -> Self {
        App {
            screens: vec![Screen::Loading(Arc::new(Progress::default()))],
            overlay: None,
            prompt: None,
            job: None,
            session: Session {
                settings,
                collection: None,
                index_file: None,
                store: None,
                reading: HashMap::new(),
                message: None,
                size,
            },
            resume: false,
            quit: false,
        }
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        self.screens.last().unwrap_or(&self.screens[0])
    }

    fn screen_mut(&mut self) -> &mut Screen {
        let last = self.screens.len() - 1;
        &mut self.screens[last]
    }

    /// The library, under whatever is shown on it.
    pub fn library(&self) -> Option<&LibraryView> {
        self.screens.iter().find_map(|s| match s {
            Screen::Library(l) => Some(l),
            _ => None,
        })
    }

    /// Shows `screen` on top (tests and the loader use it).
    pub fn push(&mut self, screen: Screen) {
        self.screens.push(screen);
    }

    /// The collection is loading with `progress`; `index_file` is its search index.
    pub fn loading(&mut self, progress: Arc<Progress>, index_file: Option<PathBuf>) {
        self.screens = vec![Screen::Loading(progress)];
        self.session.index_file = index_file;
    }

    /// Uses `store` for bookmarks and reading positions; `warnings` go to the status bar.
    pub fn attach_store(&mut self, store: Store, warnings: &[String]) {
        if let Ok(positions) = store.positions() {
            self.session.reading = positions
                .into_iter()
                .map(|(p, pos)| (p, pos.state))
                .collect();
        }
        if !warnings.is_empty() {
            self.session.message = Some(warnings.join("; "));
        }
        self.session.store = Some(store);
    }

    /// The collection is loaded: show the library.
    pub fn loaded(&mut self, collection: Collection) {
        let library = LibraryView::new(&collection.entries);
        if !collection.skipped.is_empty() {
            let n = collection.skipped.len();
            self.session.message = Some(format!(
                "{n} {} skipped: {} lists {}",
                if n == 1 { "file" } else { "files" },
                self.session.key(Action::ShowSkipped, Scope::Library),
                if n == 1 { "it" } else { "them" },
            ));
        }
        self.session.collection = Some(Arc::new(collection));
        self.screens = vec![Screen::Library(library)];
        if self.resume {
            self.resume_last();
        }
    }

    /// Opens the most recently read article of the collection, where it was left.
    fn resume_last(&mut self) {
        let (Some(store), Some(c)) = (&self.session.store, &self.session.collection) else {
            return;
        };
        let Ok(positions) = store.positions() else {
            return;
        };
        let Some(index) = positions
            .iter()
            .find_map(|(path, _)| c.entries.iter().position(|e| e.path == *path))
        else {
            return;
        };
        if let Screen::Library(l) = self.screen_mut() {
            l.select_entry(index);
        }
        self.update(Action::Open);
    }

    /// Checks on a search of the collection: its results are shown when they come.
    pub fn tick(&mut self) {
        let Some(job) = &self.job else { return };
        let Some(result) = job.poll() else { return };
        let (query, fit) = (job.query.clone(), job.fit);
        self.job = None;
        match result {
            Ok(items) if items.is_empty() => {
                self.session.message = Some(format!("not found: {query}"));
            }
            Ok(items) => {
                self.session.message = None;
                let mut view = ResultsView::new(query, items, fit);
                // The terminal may have been resized while the search ran.
                view.refit(self.session.snippet_fit());
                let view = Screen::Results(Box::new(view));
                if matches!(self.screen(), Screen::Results(_)) {
                    *self.screen_mut() = view;
                } else {
                    self.screens.push(view);
                }
            }
            Err(e) => self.session.message = Some(format!("search failed: {e}")),
        }
    }

    /// Handles one key: typed into the prompt while it is open, else resolved to an action.
    pub fn handle_key(&mut self, key: Key) {
        if let Some(prompt) = &mut self.prompt {
            match prompt.key(key) {
                Edit::Submit(text) => {
                    let purpose = prompt.purpose;
                    self.prompt = None;
                    self.submit(purpose, &text);
                }
                Edit::Cancel => self.prompt = None,
                Edit::Typed => {}
            }
            return;
        }
        if let Some(action) = self.resolve(key) {
            self.update(action);
        }
    }

    /// Text pasted into the terminal: into the prompt when it is open, else ignored.
    pub fn paste(&mut self, text: &str) {
        if let Some(prompt) = &mut self.prompt {
            prompt.insert(text);
        }
    }

    /// Acts on what was typed into a prompt.
    fn submit(&mut self, purpose: PromptFor, text: &str) {
        self.session.message = None;
        let session = &mut self.session;
        let last = self.screens.len() - 1;
        match (purpose, &mut self.screens[last]) {
            (PromptFor::Note, Screen::Reader(r)) => super::marks::save_note(r, session, text),
            (PromptFor::Filter, Screen::Bookmarks(b)) => b.set_filter(text),
            (PromptFor::Search, screen) => {
                if Query::parse(text).is_empty() {
                    session.message = Some(
                        "nothing to search for: the search ignores harakat, tatweel and spaces"
                            .to_owned(),
                    );
                    return;
                }
                if let Some(store) = &mut session.store {
                    let _ = store.add_search(text);
                }
                match screen {
                    Screen::Reader(r) => {
                        r.find(text);
                        if r.search
                            .as_ref()
                            .is_some_and(super::find::ArticleSearch::is_empty)
                        {
                            session.message = Some(format!("not found: {text}"));
                        }
                    }
                    Screen::Library(_) | Screen::Results(_) => {
                        if let Some(c) = &session.collection {
                            self.job = Some(SearchJob::start(
                                Arc::clone(c),
                                text,
                                session.index_file.clone(),
                                session.snippet_fit(),
                            ));
                        }
                    }
                    Screen::Loading(_) | Screen::Bookmarks(_) => {}
                }
            }
            _ => {}
        }
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
        let fit = self.session.snippet_fit();
        for screen in &mut self.screens {
            match screen {
                Screen::Reader(r) => r.resize(w, h, options),
                Screen::Library(l) => l.scroll_into_view(h),
                Screen::Results(r) => r.refit(fit),
                _ => {}
            }
        }
    }

    /// Closes the screen on top (never the last): a reader saves its place first.
    fn pop(&mut self) {
        if self.screens.len() < 2 {
            return;
        }
        if let Some(Screen::Reader(r)) = self.screens.pop() {
            self.session.leave(&r);
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
    fn quit(&mut self) {
        while self.screens.len() > 1 {
            self.pop();
        }
        if let Some(Screen::Reader(r)) = self.screens.last() {
            let r = r.clone();
            self.session.leave(&r);
        }
        self.quit = true;
    }

    /// Applies one action. A message lasts until the next action.
    pub fn update(&mut self, action: Action) {
        self.session.message = None;
        match action {
            Action::Quit => return self.quit(),
            Action::Help => {
                self.overlay = if self.overlay == Some(Overlay::Help) {
                    None
                } else {
                    Some(Overlay::Help)
                };
                return;
            }
            Action::Back if self.overlay.is_some() => {
                self.overlay = None;
                return;
            }
            // Esc cancels a search of the collection; other keys wait for it.
            Action::Back if self.job.is_some() => {
                self.job = None;
                self.session.message = Some("search cancelled".to_owned());
                return;
            }
            _ if self.overlay.is_some() || self.job.is_some() => return,
            _ => {}
        }
        let session = &mut self.session;
        let last = self.screens.len() - 1;
        let go = match &mut self.screens[last] {
            Screen::Loading(_) => Go::Stay,
            Screen::Library(l) => l.update(action, session),
            Screen::Results(r) => r.update(action, session),
            Screen::Reader(r) => r.update(action, session),
            Screen::Bookmarks(b) => b.update(action, session),
        };
        self.go(go);
    }

    /// Carries out what a screen asked for.
    fn go(&mut self, go: Go) {
        match go {
            Go::Stay => {}
            Go::Back => self.pop(),
            Go::Quit => self.quit(),
            Go::Push(screen) => self.screens.push(screen),
            Go::Read(view) => {
                while matches!(self.screen(), Screen::Reader(_) | Screen::Bookmarks(_))
                    && self.screens.len() > 1
                {
                    self.pop();
                }
                self.screens.push(Screen::Reader(view));
            }
            Go::Prompt(prompt) => {
                let history = match (&prompt.purpose, &self.session.store) {
                    (PromptFor::Search, Some(store)) => store.searches().unwrap_or_default(),
                    _ => Vec::new(),
                };
                self.prompt = Some(prompt.with_history(history));
            }
            Go::Overlay(o) => self.overlay = Some(o),
        }
    }
}
