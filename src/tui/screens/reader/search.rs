//! The search in the article: running it, stepping from match to match, and turning to the
//! page of the current one.

use super::view::ReaderView;
use crate::tui::find::{ArticleSearch, Found};

impl ReaderView {
    /// Searches the article; the page goes to the first match from the current page on.
    pub fn find(&mut self, query: &str) {
        let mut s = self.search.take().unwrap_or_default();
        s.run(&self.article, query);
        let top = self.top;
        s.current = (0..s.len())
            .find(|&i| s.found(i).is_some_and(|f| self.row_of(&f) >= top))
            .unwrap_or(0);
        self.search = Some(s);
        self.show_current_match();
    }

    /// Moves to the next (`forward`) or previous match, turning pages.
    pub fn step_match(&mut self, forward: bool) {
        let Some(s) = &mut self.search else { return };
        let n = s.len();
        if n == 0 {
            return;
        }
        s.current = if forward {
            (s.current + 1) % n
        } else {
            (s.current + n - 1) % n
        };
        self.show_current_match();
    }

    pub(super) fn show_current_match(&mut self) {
        let Some(found) = self.search.as_ref().and_then(ArticleSearch::current) else {
            return;
        };
        let row = self.row_of(&found);
        if !(self.top..self.top + self.height).contains(&row) {
            self.top = row / self.height * self.height;
        }
        if let Some(p) = found.block.paragraph() {
            self.cursor = p;
        }
    }

    /// The row on which a match starts.
    pub(super) fn row_of(&self, found: &Found) -> usize {
        let Some(b) = self.layout.block(found.block) else {
            return 0;
        };
        let line = b
            .lines
            .iter()
            .rposition(|l| l.bytes(&b.prepared).start <= found.range.start)
            .unwrap_or(0);
        b.first_row + line
    }
}
