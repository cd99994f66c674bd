//! `U` in the library: the feeds fetched in a thread (`qari::feeds::update`), their progress in
//! the status line; when it ends the collection is read again, so the new articles appear,
//! unread, without a restart (the search index takes them in at the next search).

use super::super::App;
use crate::t;
use crate::tui::jobs::{Job, Poll};

impl App {
    /// Starts fetching the feeds, unless it is under way already.
    pub(in crate::tui::app) fn update_feeds(&mut self) {
        let msgs = &self.session.settings.msgs;
        let Some(setup) = self.session.feeds.clone() else {
            self.session.message = Some(t!(msgs, "feeds-none"));
            return;
        };
        if setup.config.feeds.is_empty() {
            self.session.message = Some(t!(msgs, "feeds-none"));
            return;
        }
        if self.feeding.is_some() {
            return;
        }
        let clock = self.session.settings.clock;
        self.feeding = Some(Job::start(move |p| {
            crate::feeds::update(&setup.config, &setup.state, clock, p)
        }));
    }

    /// Takes the outcome of the update when it is there: a message, and the collection read
    /// again when something new came.
    pub(super) fn poll_feeds(&mut self) {
        let Some(job) = &self.feeding else { return };
        let outcome = match job.poll() {
            Poll::Done(outcome) => outcome,
            Poll::Running => return,
            Poll::Lost => {
                self.feeding = None;
                return;
            }
        };
        self.feeding = None;
        let msgs = &self.session.settings.msgs;
        self.session.message = Some(match outcome {
            Ok(report) => {
                let new = report.new_files().count();
                let failed: Vec<String> = report.failed().map(|f| f.name.clone()).collect();
                let mut text = t!(msgs, "feeds-updated", count = new);
                if !failed.is_empty() {
                    text.push_str(" · ");
                    text.push_str(&t!(
                        msgs,
                        "feeds-failed",
                        count = failed.len(),
                        names = failed.join("، ")
                    ));
                }
                if new > 0 {
                    self.start_reload(false);
                }
                text
            }
            Err(e) => t!(msgs, "feeds-not-updated", error = e.to_string()),
        });
    }
}
