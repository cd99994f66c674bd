//! Moving through the article: page by page, paragraph by paragraph, to a page or a paragraph,
//! and laying it out again (a new width, a new direction) with the cursor's paragraph kept on
//! screen. The cursor is a paragraph; the page follows it, never the other way round.

use super::view::ReaderView;
use crate::collection::ParagraphNo;
use crate::page::ArticleLayout;
use crate::text::{Direction, Options};

impl ReaderView {
    pub(super) fn next_page(&mut self) {
        if !self.at_end() {
            self.top = (self.top + self.height).min(self.layout.rows.len().saturating_sub(1));
            self.cursor_to_top();
        }
    }

    pub(super) fn prev_page(&mut self) {
        if self.top > 0 {
            self.top = self.top.saturating_sub(self.height);
            self.cursor_to_top();
        }
    }

    /// Scrolls the text by `delta` rows (less's Ctrl-e/Ctrl-y, Ctrl-d/Ctrl-u by half a page),
    /// no further than the last row at the bottom; the cursor stays on a paragraph shown.
    pub(super) fn scroll(&mut self, delta: isize) {
        let rows = self.layout.rows.len();
        let last_top = rows.saturating_sub(self.height).max(self.top);
        self.top = self.top.saturating_add_signed(delta).min(last_top);
        let shown = self
            .cursor_rows()
            .is_some_and(|(first, last)| last >= self.top && first < self.top + self.height);
        if !shown {
            self.cursor_to_top();
        }
    }

    /// Goes to page `page`; the cursor moves to the first paragraph shown on it.
    pub fn go_to_page(&mut self, page: usize) {
        let page = page.min(self.pages() - 1);
        self.top = page * self.height;
        self.cursor_to_top();
    }

    /// The cursor to the first paragraph shown.
    pub(super) fn cursor_to_top(&mut self) {
        let last = self.article.last_paragraph().unwrap_or(ParagraphNo::FIRST);
        self.cursor = self
            .layout
            .block_at(self.top)
            .paragraph()
            .unwrap_or(ParagraphNo::FIRST)
            .min(last);
    }

    /// Moves the cursor by `delta` paragraphs. The text follows: the paragraph is shown whole
    /// when it fits on a page, else from its start.
    pub fn move_cursor(&mut self, delta: isize) {
        let last = self.article.last_paragraph().unwrap_or(ParagraphNo::FIRST);
        self.cursor = self.cursor.moved(delta, last);
        let Some((first, last_row)) = self.cursor_rows() else {
            return;
        };
        let bottom = self.top + self.height;
        if first >= self.top && last_row < bottom {
            return;
        }
        let fits = last_row - first < self.height;
        let near = first < bottom + self.height && last_row + self.height >= self.top;
        self.top = match (fits, near) {
            // Scroll just enough to show it whole.
            (true, true) if first < self.top => first,
            (true, true) => last_row + 1 - self.height,
            // Too long, or far away: its start at the top.
            _ => first,
        };
    }

    /// The rows of the cursor's paragraph, first and last.
    pub(super) fn cursor_rows(&self) -> Option<(usize, usize)> {
        let b = self.layout.block(self.cursor.block())?;
        Some((b.first_row, b.first_row + b.lines.len().max(1) - 1))
    }

    /// Puts the cursor on `paragraph` (the last when there are fewer), its page shown.
    pub fn go_to_paragraph(&mut self, paragraph: ParagraphNo) {
        let last = self.article.last_paragraph().unwrap_or(ParagraphNo::FIRST);
        self.cursor = paragraph.min(last);
        self.follow_cursor();
    }

    /// Shows the page on which the cursor's paragraph starts.
    pub(super) fn follow_cursor(&mut self) {
        self.top = self.layout.page_of_block(self.cursor.block(), self.height) * self.height;
    }

    /// Goes back to `paragraph`, on the page showing byte `offset` of it.
    pub fn restore(&mut self, paragraph: ParagraphNo, offset: usize) {
        self.go_to_paragraph(paragraph);
        if let Some(b) = self.layout.block(self.cursor.block())
            && offset > 0
        {
            let line = b
                .lines
                .iter()
                .rposition(|l| l.bytes(&b.prepared).start <= offset)
                .unwrap_or(0);
            self.top = (b.first_row + line) / self.height * self.height;
        }
    }

    /// Lays the article out again with paragraphs in `direction`, the cursor kept.
    pub fn set_direction(&mut self, direction: Direction) {
        self.options.direction = direction;
        self.layout = ArticleLayout::new(&self.article, self.layout.width, self.options);
        self.follow_cursor();
    }

    /// Re-flows for a new column width and page height, keeping the cursor's paragraph shown.
    pub fn resize(&mut self, width: usize, height: usize, options: Options) {
        let options = Options {
            direction: self.options.direction,
            ..options
        };
        if width != self.layout.width || options != self.options {
            self.options = options;
            self.layout = ArticleLayout::new(&self.article, width, options);
        }
        self.height = height.max(1);
        self.follow_cursor();
    }
}
