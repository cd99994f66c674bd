//! Every title of the collection normalised (the search's rule), one after another: made by the
//! first key of a filter and kept for the next.

use crate::collection::Entry;
use crate::search::normalize;

/// Titles filtered by one thread at a time.
pub(super) const FILTER_RUN: usize = 1 << 13;

/// Titles normalised, one after another: the entry `i`'s is `text[ends[i - 1]..ends[i]]`.
#[derive(Debug, Default)]
pub(super) struct Folded {
    text: String,
    pub(super) ends: Vec<usize>,
}

impl Folded {
    /// The titles of `entries` normalised, on every core.
    pub(super) fn new(entries: &[Entry]) -> Self {
        let runs: Vec<&[Entry]> = entries.chunks(FILTER_RUN).collect();
        let parts = crate::parallel::map(&runs, |run| {
            let mut part = Folded::default();
            for e in *run {
                part.text.push_str(&normalize(&e.title));
                part.ends.push(part.text.len());
            }
            part
        });
        let mut all = Folded::default();
        for part in parts {
            let base = all.text.len();
            all.text.push_str(&part.text);
            all.ends.extend(part.ends.iter().map(|end| base + end));
        }
        all
    }

    /// Entry `i`'s title normalised.
    pub(super) fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        self.text.get(start..self.ends[i]).unwrap_or_default()
    }
}
