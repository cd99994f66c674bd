//! `U` in the library: the feeds fetched in a thread (`qari::feeds::update`), their progress in
//! the status line; when it ends the collection is read again, so the new articles appear,
//! unread, without a restart (the search index takes them in at the next search). With
//! `update_interval` in the config, the same happens by itself as the library is shown, then
//! every so many minutes.

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

    /// Starts fetching the feeds when `update_interval` says it is time (the first time once
    /// the library is there): in a thread, like `U`.
    pub(super) fn auto_update_feeds(&mut self) {
        let Some(minutes) = self
            .session
            .feeds
            .as_ref()
            .filter(|s| !s.config.feeds.is_empty())
            .map(|s| s.config.update_interval)
            .filter(|&m| m > 0)
        else {
            return;
        };
        let now = std::time::Instant::now();
        if self.session.collection.is_none() || self.feeds_due.is_some_and(|due| now < due) {
            return;
        }
        self.feeds_due = Some(now + std::time::Duration::from_secs(minutes.saturating_mul(60)));
        if self.feeding.is_none() {
            self.update_feeds();
        }
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
