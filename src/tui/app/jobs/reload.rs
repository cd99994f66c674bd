//! Reading the collection again: when asked (`r` in the library) or when a watcher thread
//! notices a change on disk. The load runs in a thread (the library cache makes it cost only the
//! files that changed); every screen keeps its place in the new collection.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::super::{App, Screen};
use crate::collection::Collection;
use crate::t;
use crate::tui::jobs::{self, Job, Poll, Reload};

impl App {
    /// Takes the reloaded collection when it is there, and starts a reload when the watcher
    /// saw a change.
    pub(super) fn poll_reload(&mut self) {
        if let Some(r) = &self.reloading {
            match r.job.poll() {
                Poll::Done(Ok(c)) => {
                    let asked = r.asked;
                    self.reloading = None;
                    self.reloaded(c, asked);
                }
                Poll::Done(Err(e)) => {
                    self.reloading = None;
                    self.session.message = Some(t!(
                        self.session.settings.msgs,
                        "not-reloaded",
                        error = e.to_string()
                    ));
                }
                Poll::Running => {}
                Poll::Lost => self.reloading = None,
            }
        }
        if self.watch.as_ref().is_some_and(|w| w.try_recv().is_ok())
            && !matches!(self.screen(), Screen::Loading(_))
        {
            self.start_reload(false);
        }
    }

    /// Looks at the collection's folder every `every` for changes, which reload it.
    pub fn watch(&mut self, every: Duration) {
        let Some(root) = self.session.location.as_ref().map(|l| l.path.clone()) else {
            return;
        };
        self.watch = Some(jobs::watch(root, every));
    }

    /// Reads the collection again in a thread (the library cache makes it cost only what
    /// changed).
    pub(in crate::tui::app) fn reload(&mut self) {
        self.start_reload(true);
    }

    pub(super) fn start_reload(&mut self, asked: bool) {
        let Some(location) = self.session.location.clone() else {
            self.session.message = Some(t!(self.session.settings.msgs, "builtin-unchanging"));
            return;
        };
        if self.reloading.is_some() {
            return;
        }
        let job =
            Job::start(move |p| Collection::load(&location.path, location.cache.as_deref(), p));
        self.reloading = Some(Reload { job, asked });
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
        if let Some(l) = &mut self.library {
            *l = l.renewed(old_entries, &collection);
        }
        for screen in &mut self.screens {
            if let Screen::Results(r) = screen {
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
        }
        drop(now);
        self.session.collection = Some(Arc::new(collection));
        // A reload that came by itself does not replace what is showing: the answer to what
        // the user just did ("not found") matters more, and the library shows the change.
        let showing = self.session.message.is_some();
        if asked || (added + changed + gone > 0 && !showing) {
            self.session.message = Some(if added + changed + gone == 0 {
                t!(self.session.settings.msgs, "reloaded-unchanged")
            } else {
                t!(
                    self.session.settings.msgs,
                    "reloaded",
                    added = added,
                    changed = changed,
                    gone = gone
                )
            });
        }
    }
}
