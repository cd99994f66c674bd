//! The collection and the state database arriving: the loading screen, an article opened
//! before the library is ready, the state database's positions and warnings, and the library
//! shown once the collection is read (the article read last reopened, the keys typed
//! meanwhile handled).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{App, Screen, Shelf};
use crate::collection::{Collection, Origin, Progress};
use crate::store::Store;
use crate::t;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::library::LibraryView;
use crate::tui::session::Location;

impl App {
    /// The collection at `location` is loading with `progress`; `index_file` is its search
    /// index, `monitoring` how a search may ask what changed in it.
    pub fn loading(
        &mut self,
        progress: Arc<Progress>,
        location: Location,
        index_file: Option<PathBuf>,
        monitoring: Option<crate::search::Monitoring>,
    ) {
        self.screens = vec![Screen::Loading(progress)];
        self.library = None;
        self.session.index_file = index_file;
        self.session.monitoring = monitoring;
        self.session.location = Some(location);
    }

    /// Opens the article `file` in the reader, over whatever is shown.
    pub fn open_file(&mut self, file: &Path) {
        match crate::collection::load_article(file) {
            Ok(article) => {
                let view = Self::show_article(&mut self.session, article, true);
                self.screens.push(Screen::Reader(Box::new(view)));
            }
            Err(e) => {
                let msgs = &self.session.settings.msgs;
                self.session.message = Some(t!(
                    msgs,
                    "path-error",
                    path = file.display().to_string(),
                    error = msgs.skip_reason(&e)
                ));
            }
        }
    }

    /// Uses `store` for bookmarks and reading positions; `warnings` go to the status bar.
    pub fn attach_store(&mut self, mut store: Store, warnings: &[crate::store::Warning]) {
        // What the session records is dated by the clock its screens show.
        store.set_clock(self.session.settings.clock);
        if let Ok(positions) = store.positions() {
            self.session.reading = positions
                .into_iter()
                .map(|(p, pos)| (p, pos.state))
                .collect();
        }
        if !warnings.is_empty() {
            let msgs = &self.session.settings.msgs;
            let text: Vec<String> = warnings.iter().map(|w| msgs.store_warning(w)).collect();
            self.session.message = Some(text.join("; "));
        }
        self.session.store = Some(store);
    }

    /// The collection is loaded: show the library.
    pub fn loaded(&mut self, collection: Collection) {
        let library = LibraryView::new(&collection);
        if let Some(first) = collection.skipped.first() {
            let n = collection.skipped.len();
            let key = self.session.key(Action::ShowSkipped, Scope::Library);
            let msgs = &self.session.settings.msgs;
            let skipped = match self.session.message.take() {
                // The article asked for (`qari FILE`) could not be read: that first.
                Some(error) if n == 1 => error,
                Some(error) => format!(
                    "{error} · {}",
                    t!(msgs, "skipped-files", count = n, key = key)
                ),
                // Which file and why, not only how many.
                None => {
                    let path = match &collection.origin {
                        Origin::Path(root) => first.path.strip_prefix(root).unwrap_or(&first.path),
                        Origin::Builtin => &first.path,
                    };
                    t!(
                        msgs,
                        "skipped-files-first",
                        count = n,
                        path = path.display().to_string(),
                        reason = msgs.skip_reason(&first.cause),
                        key = key
                    )
                }
            };
            self.session.message = Some(skipped);
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
        self.screens.insert(0, Screen::Library(Shelf));
        self.library = Some(library);
        if self.resume && reading.is_none() {
            self.resume_last();
        }
        for key in std::mem::take(&mut self.held) {
            self.handle_key(key);
        }
    }

    /// The folder of an article opened by itself could not be read: the article stays open,
    /// the error is said.
    pub fn library_failed(&mut self, error: &crate::collection::CollectionError) {
        self.screens.retain(|s| !matches!(s, Screen::Loading(_)));
        self.session.message = Some(self.session.settings.msgs.collection_error(error));
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
        if matches!(self.screen(), Screen::Library(_))
            && let Some(l) = &mut self.library
        {
            l.select_entry(index);
        }
        self.update(Action::Open);
    }
}
