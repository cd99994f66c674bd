//! The app: a stack of screens, the prompt and the overlays on top, and the session they share
//! (the collection, the state database, the settings, the status message). `App::update` routes
//! an action: the overlay or the app take the ones that concern them, the screen on top takes
//! the rest and answers with a [`Go`], which the app carries out. Each screen keeps its own
//! state, its update and its drawing in its own module.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::action::Action;
use super::bookmarks::BookmarksView;
use super::keymap::{Key, Keymap, Scope};
use super::library::LibraryView;
use super::prompt::{Edit, Prompt, PromptFor};
use super::reader::ReaderView;
use super::results::{Fit, ResultsView, SearchJob};
use super::theme::Styles;
use crate::collection::{Article, Collection, CollectionError, Origin, Progress, watch};
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
    Push(Screen),
    /// Read an article: on top of the library or the results, closing readers and the
    /// bookmarks screen above them.
    Read(Box<ReaderView>),
    Prompt(Prompt),
    Overlay(Overlay),
    /// The article `n` places away in the library (the reader's next and previous article).
    Sibling(isize),
    /// The next article of the library not read yet.
    NextUnread,
    /// Read the collection again from disk.
    Reload,
}

/// Where the collection was read from, to read it again.
#[derive(Clone, Debug)]
pub struct Location {
    pub path: PathBuf,
    pub cache: Option<PathBuf>,
}

/// The collection being read again in a thread.
pub struct Reload {
    pub progress: Arc<Progress>,
    done: mpsc::Receiver<Result<Collection, CollectionError>>,
    /// Asked for with a key (else noticed on disk).
    asked: bool,
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
    /// Where the collection comes from (None: the built-in one).
    pub location: Option<Location>,
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
            self.message = Some(format!("not saved: {e}"));
            return;
        }
        if read {
            self.reading.remove(&path);
            self.message = Some("marked unread".to_owned());
        } else {
            self.reading.insert(path, ReadState::Read);
            self.message = Some("marked read".to_owned());
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
    fn leave(&mut self, r: &ReaderView) {
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
    /// The collection being read again.
    pub reloading: Option<Reload>,
    /// Says when the collection changed on disk.
    watch: Option<mpsc::Receiver<()>>,
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
                location: None,
            },
            reloading: None,
            watch: None,
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

    /// The collection at `location` is loading with `progress`; `index_file` is its search
    /// index.
    pub fn loading(
        &mut self,
        progress: Arc<Progress>,
        location: Location,
        index_file: Option<PathBuf>,
    ) {
        self.screens = vec![Screen::Loading(progress)];
        self.session.index_file = index_file;
        self.session.location = Some(location);
    }

    /// Something runs in the background whose progress is on screen.
    pub fn busy(&self) -> bool {
        self.job.is_some()
            || self.reloading.is_some()
            || matches!(self.screen(), Screen::Loading(_))
    }

    /// Looks at the collection's folder every `every` for changes, which reload it.
    pub fn watch(&mut self, every: Duration) {
        let Some(root) = self.session.location.as_ref().map(|l| l.path.clone()) else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut last = watch::stamp(&root);
            loop {
                std::thread::sleep(every);
                let now = watch::stamp(&root);
                if now != last {
                    last = now;
                    if tx.send(()).is_err() {
                        return;
                    }
                }
            }
        });
        self.watch = Some(rx);
    }

    /// Reads the collection again in a thread (the library cache makes it cost only what
    /// changed).
    fn reload(&mut self) {
        self.start_reload(true);
    }

    fn start_reload(&mut self, asked: bool) {
        let Some(location) = self.session.location.clone() else {
            self.session.message = Some("the built-in collection does not change".to_owned());
            return;
        };
        if self.reloading.is_some() {
            return;
        }
        let (tx, done) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let p = Arc::clone(&progress);
        std::thread::spawn(move || {
            let _ = tx.send(Collection::load(
                &location.path,
                location.cache.as_deref(),
                &p,
            ));
        });
        self.reloading = Some(Reload {
            progress,
            done,
            asked,
        });
    }

    /// The collection, read again: every screen keeps its place.
    fn reloaded(&mut self, collection: Collection, asked: bool) {
        let old = self.session.collection.clone();
        let old_entries: &[crate::collection::Entry] = old.as_deref().map_or(&[], |c| &c.entries);
        let before: HashMap<&Path, (u64, i64)> = old_entries
            .iter()
            .map(|e| (e.path.as_path(), (e.size, e.mtime)))
            .collect();
        let now: HashMap<&Path, usize> = collection
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.path.as_path(), i))
            .collect();
        let added = collection
            .entries
            .iter()
            .filter(|e| !before.contains_key(e.path.as_path()))
            .count();
        let changed = collection
            .entries
            .iter()
            .filter(|e| {
                before
                    .get(e.path.as_path())
                    .is_some_and(|&t| t != (e.size, e.mtime))
            })
            .count();
        let gone = old_entries
            .iter()
            .filter(|e| !now.contains_key(e.path.as_path()))
            .count();
        for screen in &mut self.screens {
            match screen {
                Screen::Library(l) => *l = l.renewed(old_entries, &collection),
                Screen::Results(r) => {
                    r.items.retain_mut(|item| {
                        let path = old_entries.get(item.entry).map(|e| e.path.as_path());
                        match path.and_then(|p| now.get(p)) {
                            Some(&i) => {
                                item.entry = i;
                                true
                            }
                            None => false,
                        }
                    });
                    r.selected = r.selected.min(r.items.len().saturating_sub(1));
                }
                _ => {}
            }
        }
        drop(now);
        self.session.collection = Some(Arc::new(collection));
        if asked || added + changed + gone > 0 {
            self.session.message = Some(if added + changed + gone == 0 {
                "reloaded: nothing changed on disk".to_owned()
            } else {
                format!("reloaded from disk: {added} new, {changed} changed, {gone} gone")
            });
        }
    }

    /// Opens the article `file` in the reader, over whatever is shown.
    pub fn open_file(&mut self, file: &Path) {
        match crate::collection::read_article(file) {
            Ok(article) => {
                let view = self.session.show_article(article, true);
                self.screens.push(Screen::Reader(Box::new(view)));
            }
            Err(e) => self.session.message = Some(format!("{}: {e}", file.display())),
        }
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
        let library = LibraryView::new(&collection);
        if !collection.skipped.is_empty() {
            let n = collection.skipped.len();
            self.session.message = Some(format!(
                "{n} {} skipped: {} lists {}",
                if n == 1 { "file" } else { "files" },
                self.session.key(Action::ShowSkipped, Scope::Library),
                if n == 1 { "it" } else { "them" },
            ));
        }
        // An article opened before the library was ready stays open, the library under it.
        let reading = match self.screens.last() {
            Some(Screen::Reader(r)) => Some(r.article.path.clone()),
            _ => None,
        };
        let mut library = library;
        if let Some(path) = &reading
            && let Some(i) = collection.entries.iter().position(|e| &e.path == path)
        {
            library.select_entry(i);
        }
        self.session.collection = Some(Arc::new(collection));
        self.screens.retain(|s| !matches!(s, Screen::Loading(_)));
        self.screens.insert(0, Screen::Library(library));
        if self.resume && reading.is_none() {
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

    /// Checks on the work in the background: a reload, changes on disk, a search.
    pub fn tick(&mut self) {
        if let Some(r) = &self.reloading {
            match r.done.try_recv() {
                Ok(Ok(c)) => {
                    let asked = r.asked;
                    self.reloading = None;
                    self.reloaded(c, asked);
                }
                Ok(Err(e)) => {
                    self.reloading = None;
                    self.session.message = Some(format!("not reloaded: {e}"));
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => self.reloading = None,
            }
        }
        if self.watch.as_ref().is_some_and(|w| w.try_recv().is_ok())
            && !matches!(self.screen(), Screen::Loading(_))
        {
            self.start_reload(false);
        }
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
                Edit::Cancel => {
                    if prompt.purpose == PromptFor::Titles {
                        self.filter_titles("");
                    }
                    self.prompt = None;
                    return;
                }
                Edit::Typed => {}
            }
            if let Some(Prompt {
                purpose: PromptFor::Titles,
                text,
                ..
            }) = &self.prompt
            {
                let text = text.clone();
                self.filter_titles(&text);
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
            if prompt.purpose == PromptFor::Titles {
                let text = prompt.text.clone();
                self.filter_titles(&text);
            }
        }
    }

    /// The library shows the titles that match `filter`.
    fn filter_titles(&mut self, filter: &str) {
        let Some(c) = self.session.collection.clone() else {
            return;
        };
        if let Some(Screen::Library(l)) = self.screens.first_mut() {
            l.set_filter(&c.entries, filter);
            l.scroll_into_view(self.session.body_height());
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
            Go::Sibling(delta) => self.open_sibling(delta),
            Go::NextUnread => self.open_next_unread(),
            Go::Reload => self.reload(),
        }
    }

    /// Opens the article `delta` places from the selected one in the library.
    fn open_sibling(&mut self, delta: isize) {
        let Some(Screen::Library(l)) = self.screens.first_mut() else {
            return;
        };
        let target = l
            .selected
            .checked_add_signed(delta)
            .filter(|&t| t < l.order.len());
        let Some(target) = target else {
            self.session.message = Some(
                if delta > 0 {
                    "this is the last article of the library"
                } else {
                    "this is the first article of the library"
                }
                .to_owned(),
            );
            return;
        };
        l.selected = target;
        self.open_selected();
    }

    /// Opens the next article after the selected one (round to the start) that was never
    /// opened.
    fn open_next_unread(&mut self) {
        let (Some(Screen::Library(l)), Some(c)) =
            (self.screens.first_mut(), &self.session.collection)
        else {
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
            None => self.session.message = Some("every article has been opened".to_owned()),
        }
    }

    /// Opens the library's selected article in place of the reader shown.
    fn open_selected(&mut self) {
        let Some(Screen::Library(l)) = self.screens.first_mut() else {
            return;
        };
        l.scroll_into_view(self.session.body_height());
        let Some(index) = l.current() else { return };
        match self.session.open_entry(index) {
            Ok(view) => self.go(Go::Read(Box::new(view))),
            Err(e) => self.session.message = Some(e),
        }
    }
}
