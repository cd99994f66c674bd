//! The library screen: every article with its title laid out by the engine (right-to-left
//! titles right-aligned), source and date when known, and a read mark.

use std::path::PathBuf;

mod filter;
mod folded;
mod rows;

use folded::Folded;

use super::action::Action;
use super::go::{Go, Overlay};
use super::prompt::{Prompt, PromptFor};
use super::session::Session;
use crate::collection::{Collection, Entry, Origin, TitleKey, natural_cmp};

/// Library order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first (articles without a date last), then by title.
    #[default]
    Date,
    Title,
}

/// State of the library screen.
#[derive(Clone, Debug, Default)]
pub struct LibraryView {
    /// Indices into the collection's entries, in sort order.
    pub sorted: Vec<usize>,
    /// The entries shown (those whose title matches the filter), in display order.
    pub order: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Sorting by date found no date in any article: the files' times stand in.
    pub by_file_time: bool,
    /// Titles must match this (the search's Arabic-aware rule); empty: all are shown.
    pub filter: String,
    /// The collection's folder, when its articles are in more than one folder: each row then
    /// shows its article's folder.
    pub root: Option<PathBuf>,
    /// Only the articles under this folder are shown (a feed's, from the feeds screen).
    pub folder: Option<PathBuf>,
    /// Every title normalised, made by the first filter and kept for the next keys (a million
    /// titles take a second to normalise; a view is made anew for a collection read again).
    folded: std::sync::Arc<std::sync::OnceLock<Folded>>,
}

impl LibraryView {
    pub fn new(collection: &Collection) -> Self {
        let entries = &collection.entries;
        let mut parents = entries.iter().map(|e| e.path.parent());
        let first = parents.next();
        let several = parents.any(|p| p != first.flatten());
        let root = match &collection.origin {
            Origin::Path(p) if several => Some(p.clone()),
            _ => None,
        };
        let mut v = LibraryView {
            sorted: (0..entries.len()).collect(),
            root,
            ..LibraryView::default()
        };
        v.sort_by(entries, Sort::Date);
        v.selected = 0;
        v
    }

    /// The same view over a collection read again: its sort, filter and selected article kept.
    #[must_use]
    pub fn renewed(&self, old: &[Entry], collection: &Collection) -> Self {
        let mut v = LibraryView::new(collection);
        v.sort_by(&collection.entries, self.sort);
        v.filter.clone_from(&self.filter);
        v.folder.clone_from(&self.folder);
        v.apply_filter(&collection.entries);
        if let Some(path) = self.current().and_then(|i| old.get(i)).map(|e| &e.path)
            && let Some(i) = collection.entries.iter().position(|e| &e.path == path)
        {
            v.select_entry(i);
        }
        v.offset = self.offset;
        v
    }

    pub fn sort_by(&mut self, entries: &[Entry], sort: Sort) {
        let current = self.order.get(self.selected).copied();
        std::mem::swap(&mut self.order, &mut self.sorted);
        self.sort = sort;
        self.by_file_time = sort == Sort::Date && entries.iter().all(|e| e.meta.date.is_none());
        // The keys are taken out of the entries first: sorting a million indices that each
        // lead to an entry somewhere in memory spent most of its time waiting for it.
        self.order = match sort {
            Sort::Date => {
                let file_time = self.by_file_time;
                let mut keys: Vec<(i64, Option<&str>, &str, usize)> = self
                    .order
                    .iter()
                    .map(|&i| {
                        let e = &entries[i];
                        let time = if file_time { e.mtime } else { 0 };
                        (time, e.meta.date.as_deref(), e.title.as_str(), i)
                    })
                    .collect();
                // Newest first (by file time when no article has a date), then by title.
                keys.sort_by(|a, b| {
                    (b.0, b.1)
                        .cmp(&(a.0, a.1))
                        .then_with(|| natural_cmp(a.2, b.2))
                });
                keys.into_iter().map(|k| k.3).collect()
            }
            Sort::Title => {
                let mut keys: Vec<(TitleKey<'_>, usize)> = self
                    .order
                    .iter()
                    .map(|&i| (TitleKey::new(&entries[i].title), i))
                    .collect();
                keys.sort_by(|a, b| a.0.compare(&b.0));
                keys.into_iter().map(|k| k.1).collect()
            }
        };
        std::mem::swap(&mut self.order, &mut self.sorted);
        self.apply_filter(entries);
        if let Some(c) = current {
            self.selected = self.order.iter().position(|&i| i == c).unwrap_or(0);
        }
    }

    /// Applies an action of the library screen.
    pub fn update(&mut self, action: Action, cx: &mut Session) -> Go {
        let page = cx.body_height() as isize;
        let go = match action {
            Action::Down => self.go_step(1),
            Action::Up => self.go_step(-1),
            Action::PageDown => self.go_step(page),
            Action::PageUp => self.go_step(-page),
            Action::HalfPageDown => self.go_step((page / 2).max(1)),
            Action::HalfPageUp => self.go_step(-(page / 2).max(1)),
            Action::OpenInBrowser => {
                let url = self.current().and_then(|i| {
                    let c = cx.collection.as_ref()?;
                    c.entries.get(i)?.meta.url.clone()
                });
                cx.message = Some(crate::tui::browser::open_article(
                    url.as_deref(),
                    &cx.settings.msgs,
                ));
                Go::Stay
            }
            Action::First => self.go_step(-(self.order.len() as isize)),
            Action::Last => self.go_step(self.order.len() as isize),
            Action::ToggleSort => {
                if let Some(c) = &cx.collection {
                    let next = if self.sort == Sort::Date {
                        Sort::Title
                    } else {
                        Sort::Date
                    };
                    self.sort_by(&c.entries, next);
                }
                Go::Stay
            }
            Action::ShowSkipped => Go::Overlay(Overlay::Skipped),
            Action::Filter => Go::Prompt(Prompt::new(PromptFor::Titles, self.filter.clone())),
            Action::Back if self.folder.is_some() => {
                if let Some(c) = &cx.collection {
                    let c = std::sync::Arc::clone(c);
                    self.show_folder(&c.entries, None);
                }
                Go::Stay
            }
            Action::Feeds => Go::Feeds,
            Action::Back if !self.filter.is_empty() => {
                if let Some(c) = &cx.collection {
                    let c = std::sync::Arc::clone(c);
                    self.set_filter(&c.entries, "");
                }
                Go::Stay
            }
            Action::ToggleRead => {
                if let Some(i) = self.current() {
                    cx.toggle_read(i);
                }
                Go::Stay
            }
            Action::Reload => Go::Reload,
            Action::UpdateFeeds => Go::UpdateFeeds,
            Action::Open => self.current().map_or(Go::Stay, Go::Open),
            Action::Search => Go::Prompt(Prompt::new(PromptFor::Search, String::new())),
            Action::Bookmarks => Go::Bookmarks,
            _ => Go::Stay,
        };
        self.scroll_into_view(cx.body_height());
        go
    }

    fn go_step(&mut self, delta: isize) -> Go {
        self.step(delta);
        Go::Stay
    }

    /// Selects entry `index` of the collection.
    pub fn select_entry(&mut self, index: usize) {
        if let Some(row) = self.order.iter().position(|&i| i == index) {
            self.selected = row;
        }
    }

    /// The selected entry's index in the collection.
    pub fn current(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// Moves the selection by `delta` rows, within bounds.
    pub fn step(&mut self, delta: isize) {
        let last = self.order.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Keeps the selection within the `height` rows shown.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Collection, Meta};
    use crate::search::{Query, normalize};

    fn entry(name: &str, title: &str, date: Option<&str>, mtime: i64) -> Entry {
        Entry {
            path: PathBuf::from(name),
            title: title.to_owned(),
            meta: Meta {
                date: date.map(str::to_owned),
                ..Meta::default()
            },
            paragraphs: 1,
            encoding: "UTF-8".to_owned(),
            replaced: 0,
            size: 1,
            mtime,
            ctime: 0,
            inode: 0,
        }
    }

    fn titles(v: &LibraryView, c: &Collection) -> Vec<String> {
        v.order
            .iter()
            .map(|&i| c.entries[i].title.clone())
            .collect()
    }

    #[test]
    fn newest_first_then_by_title_and_by_title_alone() {
        let entries = vec![
            entry("a", "ب 10", Some("2024-01-01"), 3),
            entry("b", "ب 9", Some("2024-01-01"), 2),
            entry("c", "أ", None, 9),
            entry("d", "ت", Some("2025-05-05"), 1),
        ];
        let c = Collection::new(Origin::Builtin, entries, Vec::new());
        let mut v = LibraryView::new(&c);
        assert_eq!(titles(&v, &c), ["ت", "ب 9", "ب 10", "أ"]);
        assert!(!v.by_file_time);
        v.sort_by(&c.entries, Sort::Title);
        assert_eq!(titles(&v, &c), ["أ", "ب 9", "ب 10", "ت"]);
        // No dates at all: the files' times, newest first.
        let undated = Collection::new(
            Origin::Builtin,
            c.entries
                .iter()
                .map(|e| Entry {
                    meta: Meta::default(),
                    ..e.clone()
                })
                .collect(),
            Vec::new(),
        );
        let v = LibraryView::new(&undated);
        assert!(v.by_file_time);
        assert_eq!(titles(&v, &undated), ["أ", "ب 10", "ب 9", "ت"]);
    }

    #[test]
    fn a_narrower_filter_gives_what_a_new_one_would() {
        let entries: Vec<Entry> = (0..20_000)
            .map(|i| {
                let title = format!(
                    "خبر {} {} {}",
                    ["بيت", "بين", "تين"][i % 3],
                    i % 7,
                    ["في", "فى", "مدينة", "مدينه"][i % 4]
                );
                entry(&format!("{i:05}"), &title, None, i as i64)
            })
            .collect();
        let c = Collection::new(Origin::Builtin, entries, Vec::new());
        let mut typed = LibraryView::new(&c);
        let fresh = |filter: &str| {
            let mut v = LibraryView::new(&c);
            v.set_filter(&c.entries, filter);
            v.order
        };
        // Each title normalised as it is matched: what the kept normalised titles must give.
        let brute = |filter: &str| -> Vec<usize> {
            let q = Query::parse(filter);
            let v = LibraryView::new(&c);
            v.sorted
                .into_iter()
                .filter(|&i| q.is_empty() || q.matches(&normalize(&c.entries[i].title)))
                .collect()
        };
        for filter in [
            "ب",
            "بي",
            "بين",
            "بين 3",
            "بي",
            "\"تين 4\"",
            "تين",
            "فى ة",
            "",
        ] {
            typed.set_filter(&c.entries, filter);
            assert_eq!(typed.order, fresh(filter), "{filter}");
            assert_eq!(typed.order, brute(filter), "{filter}");
        }
        assert_eq!(typed.order.len(), c.entries.len());
    }
}
