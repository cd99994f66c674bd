//! The library's title filter: every title normalised once (by the first key) and kept, and
//! the titles matching the filter found on all cores; a key typed at the end only narrows.

use super::LibraryView;
use super::folded::FILTER_RUN;
use super::folded::Folded;
use crate::collection::Entry;
use crate::search::Query;

impl LibraryView {
    /// Shows only the articles whose title matches `filter`, the selection kept when it still
    /// shows.
    pub fn set_filter(&mut self, entries: &[Entry], filter: &str) {
        let before = Query::parse(&self.filter);
        filter.clone_into(&mut self.filter);
        // A key typed at the end of the filter only narrows it (each term it had is in one it
        // has now): only the titles shown are looked at again.
        let now = Query::parse(filter);
        let narrower = !before.is_empty()
            && before
                .terms
                .iter()
                .all(|t| now.terms.iter().any(|n| n.contains(t.as_str())));
        self.filter_among(entries, narrower);
    }

    /// Shows only the articles under `folder` (None: all), the title filter still applied.
    pub fn show_folder(&mut self, entries: &[Entry], folder: Option<std::path::PathBuf>) {
        self.folder = folder;
        self.apply_filter(entries);
    }

    pub(super) fn apply_filter(&mut self, entries: &[Entry]) {
        self.filter_among(entries, false);
    }

    /// Shows the titles that match the filter, among those shown (`narrower`) or all.
    pub(super) fn filter_among(&mut self, entries: &[Entry], narrower: bool) {
        let current = self.current();
        let q = Query::parse(&self.filter);
        self.order = if q.is_empty() {
            self.sorted.clone()
        } else {
            let among = if narrower { &self.order } else { &self.sorted };
            let mut folded = self.folded.get_or_init(|| Folded::new(entries));
            let made;
            if folded.ends.len() != entries.len() {
                // Not this view's collection (never so in the app): normalised again.
                made = Folded::new(entries);
                folded = &made;
            }
            let runs: Vec<&[usize]> = among.chunks(FILTER_RUN).collect();
            crate::parallel::map(&runs, |run| {
                run.iter()
                    .copied()
                    .filter(|&i| q.matches(folded.get(i)))
                    .collect::<Vec<usize>>()
            })
            .concat()
        };
        if let Some(folder) = &self.folder {
            self.order.retain(|&i| entries[i].path.starts_with(folder));
        }
        self.selected = current
            .and_then(|c| self.order.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
    }
}
