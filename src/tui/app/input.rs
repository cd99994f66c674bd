//! Input that is not a plain action: keys typed into the prompt (the library's title filter
//! follows them as they come), pasted text, and what a submitted prompt does.

use std::sync::Arc;

use super::{App, Screen, snippet_fit};
use crate::search::Query;
use crate::t;
use crate::tui::action::Action;
use crate::tui::find::ArticleSearch;
use crate::tui::keymap::{Key, Scope};
use crate::tui::prompt::{Edit, Prompt, PromptFor};
use crate::tui::results::{ResultsView, SearchJob};
use crate::tui::screens::reader::marks;

impl App {
    /// Handles one key: typed into the prompt while it is open, else resolved to an action.
    pub fn handle_key(&mut self, key: Key) {
        // Typed ahead while the collection loads: kept for the library, but for leaving.
        if matches!(self.screen(), Screen::Loading(_)) && self.prompt.is_none() {
            let keymap = &self.session.settings.keymap;
            match keymap
                .resolve(key, Scope::Global)
                .or_else(|| keymap.resolve(key, Scope::Library))
            {
                Some(action @ (Action::Quit | Action::Suspend)) => self.update(action),
                _ => self.held.push(key),
            }
            return;
        }
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
    pub(super) fn filter_titles(&mut self, filter: &str) {
        let Some(c) = self.session.collection.clone() else {
            return;
        };
        if let Some(l) = &mut self.library {
            l.set_filter(&c.entries, filter);
            l.scroll_into_view(self.session.body_height());
        }
    }

    /// Acts on what was typed into a prompt.
    pub(super) fn submit(&mut self, purpose: PromptFor, text: &str) {
        self.session.message = None;
        let session = &mut self.session;
        let last = self.screens.len() - 1;
        match (purpose, &mut self.screens[last]) {
            (PromptFor::Note, Screen::Reader(r)) => marks::save_note(r, session, text),
            (PromptFor::Filter, Screen::Bookmarks(b)) => b.set_filter(text),
            (PromptFor::Search, screen) => {
                if Query::parse(text).is_empty() {
                    session.message = Some(t!(session.settings.msgs, "nothing-to-search"));
                    return;
                }
                if let Some(store) = &mut session.store {
                    let _ = store.add_search(text);
                }
                match screen {
                    Screen::Reader(r) => {
                        r.find(text);
                        if r.search.as_ref().is_some_and(ArticleSearch::is_empty) {
                            session.message =
                                Some(t!(session.settings.msgs, "not-found", query = text));
                        }
                    }
                    Screen::Library(_) | Screen::Results(_) => {
                        if let Some(c) = &session.collection {
                            self.job = Some(SearchJob::start(
                                Arc::clone(c),
                                text,
                                session.index_file.clone(),
                                session.monitoring.clone(),
                                snippet_fit(session),
                                ResultsView::shown(session.body_height()),
                            ));
                        }
                    }
                    Screen::Loading(_) | Screen::Bookmarks(_) => {}
                }
            }
            _ => {}
        }
    }
}
