//! The app: its state and `update`, the one place where actions change it, and `draw`.
//! Screens are an enum with small state structs; overlays (help, skipped files) sit on top.
//! Drawing is in `view.rs`, the bookmark actions in `marks.rs`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::action::Action;
use super::bookmarks::BookmarksView;
use super::find::ArticleSearch;
use super::keymap::{Key, Keymap, Scope};
use super::library::{LibraryView, Sort};
use super::reader::ReaderView;
use super::results::{ResultsView, SearchJob};
use super::theme::Styles;
use crate::collection::{Article, Collection, Progress};
use crate::store::{Position, ReadState, Store};
use crate::text::Options;

/// Which screen is showing.
#[derive(Clone, Debug)]
pub enum Screen {
    /// The collection is being read.
    Loading(Arc<Progress>),
    Library,
    Reader(Box<ReaderView>),
    /// The articles matching a search of the whole collection.
    Results(Box<ResultsView>),
    Bookmarks(Box<BookmarksView>),
}

/// What the prompt's text is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PromptFor {
    #[default]
    Search,
    /// The note of the bookmark on the reader's cursor paragraph.
    Note,
    /// Filtering the bookmarks screen.
    Filter,
}

/// What sits over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Skipped,
}

/// Display settings that do not change while qari runs.
#[derive(Clone, Debug)]
pub struct Settings {
    pub options: Options,
    /// qari reorders (app mode); false: the terminal does bidi.
    pub visual: bool,
    pub text_width: u16,
    pub styles: Styles,
    pub keymap: Keymap,
}

/// The whole app state.
pub struct App {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub collection: Option<Arc<Collection>>,
    pub library: LibraryView,
    /// The search index of the collection, if it has one (a folder, not the built-in one).
    pub index_file: Option<PathBuf>,
    /// A search of the collection under way.
    pub job: Option<SearchJob>,
    /// The results an article was opened from, to go back to.
    pub results: Option<Box<ResultsView>>,
    pub settings: Settings,
    /// How far each article has been read (from the state database, kept current).
    pub reading: HashMap<PathBuf, ReadState>,
    /// Bookmarks and reading positions; None when running without state.
    pub store: Option<Store>,
    /// The screen to go back to from the bookmarks screen.
    pub back: Option<Box<Screen>>,
    /// When the collection is loaded, open the article read last.
    pub resume: bool,
    /// A message for the status bar.
    pub message: Option<String>,
    /// The prompt, while it is open: what has been typed, and what for.
    pub prompt: Option<String>,
    pub prompt_for: PromptFor,
    /// Terminal size.
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(settings: Settings, size: (u16, u16)) -> Self {
        App {
            screen: Screen::Loading(Arc::new(Progress::default())),
            overlay: None,
            collection: None,
            library: LibraryView::default(),
            index_file: None,
            job: None,
            results: None,
            settings,
            reading: HashMap::new(),
            store: None,
            back: None,
            resume: false,
            message: None,
            prompt: None,
            prompt_for: PromptFor::Search,
            size,
            quit: false,
        }
    }

    /// Uses `store` for bookmarks and reading positions; `warnings` go to the status bar.
    pub fn attach_store(&mut self, store: Store, warnings: &[String]) {
        if let Ok(positions) = store.positions() {
            self.reading = positions
                .into_iter()
                .map(|(p, pos)| (p, pos.state))
                .collect();
        }
        if !warnings.is_empty() {
            self.message = Some(warnings.join("; "));
        }
        self.store = Some(store);
    }

    pub(super) fn open_prompt(&mut self, purpose: PromptFor, text: String) {
        self.prompt = Some(text);
        self.prompt_for = purpose;
        self.message = None;
    }

    /// Shows `article` (the file `path`) in the reader: its bookmarks marked and, unless
    /// `at_block` says where, the place it was left at.
    pub(super) fn show_article(&mut self, article: Article, at_block: Option<usize>) -> ReaderView {
        let path = article.path.clone();
        let mut view = ReaderView::new(
            article,
            self.column_width(),
            self.page_height(),
            self.settings.options,
        );
        let roots: Vec<PathBuf> = self.root().into_iter().collect();
        if let Some(store) = &mut self.store {
            if let Ok(list) = store.bookmarks_of(&path) {
                view.bookmarks = crate::store::refresh(store, list, &roots).unwrap_or_default();
            }
            let saved = store.position(&path).ok().flatten();
            if let (None, Some(pos)) = (at_block, saved) {
                view.restore(pos.paragraph, pos.offset);
            }
        }
        self.reading.entry(path).or_insert(ReadState::InProgress);
        view
    }

    /// Saves where the reader is before it closes.
    fn leave_reader(&mut self) {
        let Screen::Reader(r) = &self.screen else {
            return;
        };
        // Messages about the article do not follow the reader out.
        self.message = None;
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

    /// Quits, saving the reading position first.
    fn quit(&mut self) {
        self.leave_reader();
        self.quit = true;
    }

    /// The collection is loaded: show the library.
    pub fn loaded(&mut self, collection: Collection) {
        self.library = LibraryView::new(&collection.entries);
        if !collection.skipped.is_empty() {
            self.message = Some(format!(
                "{} files skipped: S lists them",
                collection.skipped.len()
            ));
        }
        self.collection = Some(Arc::new(collection));
        self.screen = Screen::Library;
        if self.resume {
            self.resume_last();
        }
    }

    /// Opens the most recently read article of the collection, where it was left.
    fn resume_last(&mut self) {
        let (Some(store), Some(c)) = (&self.store, &self.collection) else {
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
        if let Some(row) = self.library.order.iter().position(|&i| i == index) {
            self.library.selected = row;
            self.open_selected();
        }
    }

    /// Checks on a search of the collection: its results replace the library when they come.
    pub fn tick(&mut self) {
        let Some(job) = &self.job else { return };
        let Some(result) = job.poll() else { return };
        let query = job.query.clone();
        self.job = None;
        match result {
            Ok(items) if items.is_empty() => self.message = Some(format!("not found: {query}")),
            Ok(items) => {
                self.message = None;
                self.screen = Screen::Results(Box::new(ResultsView {
                    query,
                    items,
                    ..ResultsView::default()
                }));
            }
            Err(e) => self.message = Some(format!("search failed: {e}")),
        }
    }

    /// Handles one key: typed into the prompt while it is open, else resolved to an action.
    pub fn handle_key(&mut self, key: Key) {
        use ratatui::crossterm::event::KeyCode;
        if let Some(text) = &mut self.prompt {
            match key.code {
                KeyCode::Enter => {
                    let query = std::mem::take(text);
                    self.prompt = None;
                    match self.prompt_for {
                        PromptFor::Note => {
                            self.save_note(&query);
                            return;
                        }
                        PromptFor::Filter => {
                            if let Screen::Bookmarks(b) = &mut self.screen {
                                b.filter = query;
                                b.apply_filter();
                            }
                            return;
                        }
                        PromptFor::Search => {}
                    }
                    match &mut self.screen {
                        Screen::Reader(r) => {
                            r.find(&query);
                            if r.search.as_ref().is_some_and(ArticleSearch::is_empty) {
                                self.message = Some(format!("not found: {query}"));
                            }
                        }
                        Screen::Library | Screen::Results(_) => {
                            if let Some(c) = &self.collection {
                                let c = Arc::clone(c);
                                self.job =
                                    Some(SearchJob::start(c, &query, self.index_file.clone()));
                            }
                        }
                        Screen::Loading(_) | Screen::Bookmarks(_) => {}
                    }
                }
                KeyCode::Esc => self.prompt = None,
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) if !key.ctrl => text.push(c),
                _ => {}
            }
            return;
        }
        if let Some(action) = self.resolve(key) {
            self.update(action);
        }
    }

    /// The key's action on the current screen.
    pub fn resolve(&self, key: Key) -> Option<Action> {
        let scope = match self.screen {
            Screen::Reader(_) => Scope::Reader,
            _ => Scope::Library,
        };
        self.settings.keymap.resolve(key, scope)
    }

    pub(super) fn column_width(&self) -> usize {
        usize::from(
            self.settings
                .text_width
                .min(self.size.0.saturating_sub(4))
                .max(1),
        )
    }

    /// Rows of text on a reader page: the screen less the status bar and a top margin.
    pub(super) fn page_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(2).max(1))
    }

    pub(super) fn library_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(2).max(1))
    }

    /// The terminal was resized.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let (w, h) = (self.column_width(), self.page_height());
        let options = self.settings.options;
        if let Screen::Reader(r) = &mut self.screen {
            r.resize(w, h, options);
        }
        let lh = self.library_height();
        self.library.scroll_into_view(lh);
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit(),
            Action::Help => {
                self.overlay = if self.overlay == Some(Overlay::Help) {
                    None
                } else {
                    Some(Overlay::Help)
                };
            }
            Action::Back if self.overlay.is_some() => self.overlay = None,
            // Esc cancels a search of the collection.
            Action::Back if self.job.is_some() => {
                self.job = None;
                self.message = Some("search cancelled".to_owned());
            }
            Action::Back => match &mut self.screen {
                // Esc first clears a search, then leaves the article.
                Screen::Reader(r) if r.search.as_ref().is_some_and(ArticleSearch::is_active) => {
                    if let Some(s) = &mut r.search {
                        s.clear();
                    }
                    self.message = None;
                }
                Screen::Reader(_) => {
                    self.leave_reader();
                    self.screen = match self.results.take() {
                        Some(r) => Screen::Results(r),
                        None => Screen::Library,
                    };
                }
                Screen::Results(_) => self.screen = Screen::Library,
                Screen::Bookmarks(_) => {
                    self.screen = self.back.take().map_or(Screen::Library, |b| *b);
                    // Back in an article: its bookmark marks may have changed.
                    if let Screen::Reader(r) = &mut self.screen
                        && let Some(store) = &self.store
                    {
                        r.bookmarks = store.bookmarks_of(&r.article.path).unwrap_or_default();
                    }
                }
                _ => {}
            },
            Action::Bookmarks => self.open_bookmarks(),
            _ if self.overlay.is_some() => {}
            _ => match &mut self.screen {
                Screen::Loading(_) => {}
                Screen::Library => self.update_library(action),
                Screen::Results(_) => self.update_results(action),
                Screen::Bookmarks(_) => self.update_bookmarks(action),
                Screen::Reader(r) => match action {
                    Action::NextPage if r.page + 1 < r.pages() => r.go_to_page(r.page + 1),
                    Action::PrevPage if r.page > 0 => r.go_to_page(r.page - 1),
                    Action::First => r.go_to_page(0),
                    Action::Last => r.go_to_page(r.pages() - 1),
                    Action::NextParagraph => r.move_cursor(1),
                    Action::PrevParagraph => r.move_cursor(-1),
                    Action::Search => self.open_prompt(PromptFor::Search, String::new()),
                    Action::NextMatch => r.step_match(true),
                    Action::PrevMatch => r.step_match(false),
                    Action::ToggleBookmark => self.toggle_bookmark(),
                    Action::EditNote => {
                        let note = r
                            .bookmark_here()
                            .map(|b| b.note.clone())
                            .unwrap_or_default();
                        self.open_prompt(PromptFor::Note, note);
                    }
                    _ => {}
                },
            },
        }
    }

    fn update_results(&mut self, action: Action) {
        let rows = self.library_height();
        let Screen::Results(r) = &mut self.screen else {
            return;
        };
        let page = (rows / 2).max(1) as isize;
        match action {
            Action::Down => r.step(1, rows),
            Action::Up => r.step(-1, rows),
            Action::PageDown => r.step(page, rows),
            Action::PageUp => r.step(-page, rows),
            Action::First => r.step(-(r.items.len() as isize), rows),
            Action::Last => r.step(r.items.len() as isize, rows),
            Action::Search => self.open_prompt(PromptFor::Search, String::new()),
            Action::Open => self.open_result(),
            _ => {}
        }
    }

    /// Opens the selected result at its first match, highlights on.
    fn open_result(&mut self) {
        let Screen::Results(r) = &self.screen else {
            return;
        };
        let (Some(c), Some(item)) = (&self.collection, r.items.get(r.selected)) else {
            return;
        };
        let entry = &c.entries[item.entry];
        let query = r.query.clone();
        match c.open(entry) {
            Ok(article) => {
                let mut view = self.show_article(article, Some(0));
                view.find(&query);
                let previous = std::mem::replace(&mut self.screen, Screen::Reader(Box::new(view)));
                if let Screen::Results(r) = previous {
                    self.results = Some(r);
                }
                self.message = None;
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    fn update_library(&mut self, action: Action) {
        let page = self.library_height() as isize;
        match action {
            Action::Down => self.library.step(1),
            Action::Up => self.library.step(-1),
            Action::PageDown => self.library.step(page),
            Action::PageUp => self.library.step(-page),
            Action::First => self.library.selected = 0,
            Action::Last => self.library.selected = self.library.order.len().saturating_sub(1),
            Action::ToggleSort => {
                if let Some(c) = &self.collection {
                    let next = if self.library.sort == Sort::Date {
                        Sort::Title
                    } else {
                        Sort::Date
                    };
                    self.library.sort_by(&c.entries, next);
                }
            }
            Action::ShowSkipped => self.overlay = Some(Overlay::Skipped),
            Action::Open => self.open_selected(),
            Action::Search => self.open_prompt(PromptFor::Search, String::new()),
            _ => {}
        }
        let h = self.library_height();
        self.library.scroll_into_view(h);
    }

    fn open_selected(&mut self) {
        let (Some(c), Some(i)) = (&self.collection, self.library.current()) else {
            return;
        };
        let entry = &c.entries[i];
        match c.open(entry) {
            Ok(article) => {
                let view = self.show_article(article, None);
                self.screen = Screen::Reader(Box::new(view));
                if self.store.as_ref().is_none_or(|s| !s.is_read_only()) {
                    self.message = None;
                }
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }
}
