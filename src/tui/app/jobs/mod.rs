//! What the app does with the work in the background: each tick takes what a job brought (a
//! search's results, a reloaded collection, fetched feeds) and starts a reload when the
//! folder changed. The jobs themselves run in `tui::jobs` and `results::SearchJob`; `reload.rs`,
//! `feeds.rs` and `bookmarks.rs` start theirs and take in their outcomes.

mod bookmarks;
mod feeds;
mod reload;

pub(super) use bookmarks::ReattachJob;

use super::{App, Screen, snippet_fit};
use crate::t;
use crate::tui::results::ResultsView;

impl App {
    /// Something runs in the background whose progress or outcome is on screen.
    pub fn busy(&self) -> bool {
        self.job.is_some()
            || self.reloading.is_some()
            || self.feeding.is_some()
            || self.reattaching.is_some()
            || matches!(self.screen(), Screen::Loading(_))
    }

    /// Checks on the work in the background: a reload, changes on disk, a search.
    pub fn tick(&mut self) {
        self.poll_reload();
        self.poll_feeds();
        self.auto_update_feeds();
        self.poll_reattach();
        let Some(job) = &self.job else { return };
        let Some(result) = job.poll() else { return };
        let (query, fit) = (job.query.clone(), job.fit);
        self.job = None;
        match result {
            Ok(items) if items.is_empty() => {
                self.session.message =
                    Some(t!(self.session.settings.msgs, "not-found", query = &query));
            }
            Ok(items) => {
                self.session.message = None;
                let mut view = ResultsView::new(query, items, fit);
                // The terminal may have been resized while the search ran.
                view.refit(snippet_fit(&self.session));
                if let Some(c) = &self.session.collection {
                    view.show(c, self.session.body_height());
                }
                let view = Screen::Results(Box::new(view));
                if matches!(self.screen(), Screen::Results(_)) {
                    *self.screen_mut() = view;
                } else {
                    self.screens.push(view);
                }
            }
            Err(e) => {
                self.session.message =
                    Some(t!(self.session.settings.msgs, "search-failed", error = &e));
            }
        }
    }
}
