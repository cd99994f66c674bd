//! Input that is not a plain action: keys typed into the prompt (the library's title filter
//! and its search of the collection follow them as they come), pasted text, and what a
//! submitted prompt does.

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
                    match prompt.purpose {
                        PromptFor::Titles => self.filter_titles(""),
                        // The search typed so far is no longer wanted (its results, if shown,
                        // stay until Esc closes them).
                        PromptFor::Search => self.job = None,
                        _ => {}
                    }
                    self.prompt = None;
                    return;
                }
                Edit::Typed => {
                    if prompt.purpose == PromptFor::Search {
                        let text = prompt.text.clone();
                        self.search_as_typed(&text);
                    }
                }
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
            let text = prompt.text.clone();
            match prompt.purpose {
                PromptFor::Titles => self.filter_titles(&text),
                PromptFor::Search => self.search_as_typed(&text),
                _ => {}
            }
        }
    }

    /// The library's search follows the prompt as it is typed: each change starts a search
    /// of the collection off the UI thread, and the job it replaces is cancelled (dropping it
    /// sets its flag). In the reader, the article is searched on Enter as before.
    fn search_as_typed(&mut self, text: &str) {
        if !matches!(self.screen(), Screen::Library(_) | Screen::Results(_)) {
            return;
        }
        if self.job.as_ref().is_some_and(|j| j.query == text) {
            return;
        }
        self.job = None;
        if Query::parse(text).is_empty() {
            return;
        }
        self.start_search(text);
    }

    /// Starts the library's search of the collection for `text`.
    fn start_search(&mut self, text: &str) {
        let session = &self.session;
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
                        // Already searched as it was typed: that search goes on.
                        let searching = self.job.as_ref().is_some_and(|j| j.query == text);
                        let shown = matches!(self.screen(), Screen::Results(r) if r.query == text);
                        if !searching && !shown {
                            self.start_search(text);
                        }
                    }
                    Screen::Loading(_) | Screen::Bookmarks(_) | Screen::Feeds(_) => {}
                }
            }
            _ => {}
        }
    }
}
