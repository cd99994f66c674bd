//! The bookmarks screen's bookmarks re-attached to their paragraphs in a thread: that reads and
//! hashes every bookmarked article, which with many bookmarks in large articles would freeze
//! the screen. The list is shown at once as the state database has it; when the thread is done,
//! what it found is saved (on this thread, which owns the store) and the screen takes it in.

use std::path::PathBuf;

use super::super::{App, Screen};
use crate::store::{Bookmark, Change};
use crate::tui::jobs::{Job, Poll};

/// Re-attaching bookmarks: the bookmarks as they are now, and what the store must be told.
pub type ReattachJob = Job<(Vec<Bookmark>, Vec<Change>)>;

impl App {
    /// Starts re-attaching `bookmarks` (any re-attaching under way is dropped: its answer
    /// would be older).
    pub(in crate::tui::app) fn reattach(&mut self, bookmarks: Vec<Bookmark>) {
        let roots: Vec<PathBuf> = self.session.root().into_iter().collect();
        self.reattaching = Some(Job::start(move |_| {
            crate::store::reattach(bookmarks, &roots)
        }));
    }

    /// The bookmarks screen's bookmarks are being re-attached.
    pub fn reattaching(&self) -> bool {
        self.reattaching.is_some()
    }

    /// Takes in the re-attached bookmarks when they are there.
    pub(super) fn poll_reattach(&mut self) {
        let Some(job) = &self.reattaching else { return };
        let (fresh, changes) = match job.poll() {
            Poll::Done(done) => done,
            Poll::Running => return,
            Poll::Lost => {
                self.reattaching = None;
                return;
            }
        };
        self.reattaching = None;
        if let Some(store) = &mut self.session.store
            && let Err(e) = crate::store::save(store, &changes)
        {
            self.session.message = Some(crate::t!(
                self.session.settings.msgs,
                "bookmarks-unavailable",
                error = e.to_string()
            ));
        }
        for screen in &mut self.screens {
            if let Screen::Bookmarks(view) = screen {
                view.reattached(fresh.clone());
            }
        }
    }
}
