//! The reader screen: an article laid out in a text column, paginated, with a paragraph cursor
//! in the margin. The cursor is a paragraph number; pages are computed from it, so a resize
//! re-flows the text and keeps the cursor's paragraph on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub mod marks;

use crate::collection::{Article, BlockIndex, ParagraphNo};
use crate::page::{ArticleLayout, Row};
use crate::store::Bookmark;
use crate::t;
use crate::text::{Direction, Options};
use crate::tui::action::Action;
use crate::tui::draw::{self, Ctx};
use crate::tui::find::{ArticleSearch, Found};
use crate::tui::go::Go;
use crate::tui::prompt::{Prompt, PromptFor};
use crate::tui::session::Session;
use crate::tui::term::copy;

/// State of the reader screen.
#[derive(Clone, Debug)]
pub struct ReaderView {
    pub article: Article,
    pub layout: ArticleLayout,
    /// The first row shown. Pages start at multiples of the height, except after the cursor
    /// moved to a paragraph that did not fit whole: then the text scrolls just enough.
    pub top: usize,
    /// The paragraph under the cursor (the first when there is none).
    pub cursor: ParagraphNo,
    /// Rows of text on a page.
    pub height: usize,
    /// The search in this article, if any.
    pub search: Option<ArticleSearch>,
    /// The article's bookmarks (paragraphs numbered from 1).
    pub bookmarks: Vec<Bookmark>,
    /// How the article's paragraphs take their direction (the settings', or the article's own
    /// choice made with the key that cycles it).
    pub options: Options,
    /// The direction chosen for this article with that key, kept with the reading position.
    pub chosen: Option<Direction>,
    /// Where a selection of paragraphs started (`v`), the cursor being its other end.
    pub selection: Option<ParagraphNo>,
    /// Rows (of the layout) being dragged over with the mouse: where it started, where it is.
    pub drag: Option<(usize, usize)>,
}

/// What the key that cycles directions does next: the reader's rule, then right to left, then
/// left to right.
fn next_direction(d: Direction) -> Direction {
    match d {
        Direction::Majority | Direction::Auto => Direction::Rtl,
        Direction::Rtl => Direction::Ltr,
        Direction::Ltr => Direction::Majority,
    }
}

impl ReaderView {
    pub fn new(article: Article, width: usize, height: usize, options: Options) -> Self {
        let layout = ArticleLayout::new(&article, width, options);
        ReaderView {
            article,
            layout,
            top: 0,
            cursor: ParagraphNo::FIRST,
            height: height.max(1),
            search: None,
            bookmarks: Vec::new(),
            options,
            chosen: None,
            selection: None,
            drag: None,
        }
        .with_search_ready()
    }

    fn with_search_ready(mut self) -> Self {
        self.search = Some(ArticleSearch::prepare(&self.article));
        self
    }

    /// The page shown (from 0): the last one once the end of the text is on screen.
    pub fn page(&self) -> usize {
        if self.at_end() {
            self.pages() - 1
        } else {
            self.top / self.height
        }
    }

    /// The last row of the text is on screen.
    pub fn at_end(&self) -> bool {
        self.top + self.height >= self.layout.rows.len()
    }

    /// The article reads right to left: most of its paragraphs do. Left and Right page the way
    /// such a reader expects.
    pub fn reads_rtl(&self) -> bool {
        let rtl = self
            .layout
            .blocks
            .iter()
            .filter(|b| b.prepared.is_rtl())
            .count();
        2 * rtl > self.layout.blocks.len()
    }

    /// Applies an action of the reader.
    pub fn update(&mut self, action: Action, cx: &mut Session) -> Go {
        match action {
            // Esc first cancels a selection, then clears a search, then leaves the article.
            Action::Back if self.selection.is_some() || self.drag.is_some() => {
                self.selection = None;
                self.drag = None;
            }
            Action::Back if self.search.as_ref().is_some_and(ArticleSearch::is_active) => {
                if let Some(s) = &mut self.search {
                    s.clear();
                }
            }
            Action::Back => return Go::Back,
            Action::NextPage | Action::PageLeft | Action::PageRight => {
                let forward = match action {
                    Action::PageLeft => self.reads_rtl(),
                    Action::PageRight => !self.reads_rtl(),
                    _ => true,
                };
                if forward {
                    self.next_page();
                } else {
                    self.prev_page();
                }
            }
            Action::PrevPage => self.prev_page(),
            Action::First => self.go_to_page(0),
            Action::Last => self.go_to_page(self.pages() - 1),
            Action::NextParagraph => self.move_cursor(1),
            Action::PrevParagraph => self.move_cursor(-1),
            Action::Search => return Go::Prompt(Prompt::new(PromptFor::Search, String::new())),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleBookmark => marks::toggle_bookmark(self, cx),
            Action::EditNote => {
                if self.article.paragraphs.is_empty() {
                    cx.message = Some(t!(cx.settings.msgs, "no-paragraph-for-note"));
                    return Go::Stay;
                }
                let note = self
                    .bookmark_here()
                    .map(|b| b.note.clone())
                    .unwrap_or_default();
                return Go::Prompt(Prompt::new(PromptFor::Note, note));
            }
            Action::CycleDirection => {
                let direction = next_direction(self.options.direction);
                self.set_direction(direction);
                self.chosen = Some(direction);
                cx.message = Some(t!(
                    cx.settings.msgs,
                    "direction-set",
                    direction = crate::i18n::direction_choice(direction)
                ));
            }
            Action::NextArticle => return Go::Sibling(1),
            Action::PrevArticle => return Go::Sibling(-1),
            Action::NextUnread => return Go::NextUnread,
            Action::Bookmarks => return Go::Bookmarks,
            Action::Select => {
                self.selection = match self.selection {
                    Some(_) => None,
                    None if self.article.paragraphs.is_empty() => None,
                    None => Some(self.cursor),
                };
            }
            Action::Copy => {
                let (from, to) = self.selected();
                let text = copy::paragraphs(&self.article, from.block()..=to.block());
                if text.is_empty() {
                    cx.message = Some(t!(cx.settings.msgs, "no-paragraph-to-copy"));
                } else {
                    cx.copy(text);
                }
                self.selection = None;
            }
            _ => {}
        }
        Go::Stay
    }

    /// The paragraphs selected, first and last: from where `v` was pressed to the cursor, or
    /// the cursor's paragraph alone.
    pub fn selected(&self) -> (ParagraphNo, ParagraphNo) {
        let anchor = self.selection.unwrap_or(self.cursor);
        (anchor.min(self.cursor), anchor.max(self.cursor))
    }

    /// Row `row` (of block `block`) is in the selection or under a drag.
    fn is_selected(&self, row: usize, block: BlockIndex) -> bool {
        if let Some((a, b)) = self.drag {
            return (a.min(b)..=a.max(b)).contains(&row);
        }
        self.selection.is_some() && {
            let (from, to) = self.selected();
            (from.block()..=to.block()).contains(&block)
        }
    }

    /// A mouse button went down (`Some(true)`), moved (`Some(false)`) or came up (`None`) on
    /// row `y` of the text (0 the first row shown). A drag selects whole rows; on release they
    /// are copied in reading order.
    pub fn drag(&mut self, y: usize, phase: Option<bool>, cx: &mut Session) {
        let row = (self.top + y).min(self.layout.rows.len().saturating_sub(1));
        match (phase, self.drag) {
            (Some(true), _) => self.drag = Some((row, row)),
            (Some(false), Some((anchor, _))) => self.drag = Some((anchor, row)),
            (None, Some((anchor, end))) => {
                self.drag = None;
                let text = copy::rows(
                    &self.article,
                    &self.layout,
                    anchor.min(end)..=anchor.max(end),
                );
                if !text.is_empty() {
                    cx.copy(text);
                }
            }
            _ => {}
        }
    }

    /// Lays the article out again with paragraphs in `direction`, the cursor kept.
    pub fn set_direction(&mut self, direction: Direction) {
        self.options.direction = direction;
        self.layout = ArticleLayout::new(&self.article, self.layout.width, self.options);
        self.follow_cursor();
    }

    fn next_page(&mut self) {
        if !self.at_end() {
            self.top = (self.top + self.height).min(self.layout.rows.len().saturating_sub(1));
            self.cursor_to_top();
        }
    }

    fn prev_page(&mut self) {
        if self.top > 0 {
            self.top = self.top.saturating_sub(self.height);
            self.cursor_to_top();
        }
    }

    /// Where the page starts within the cursor's paragraph, as a byte offset (0 when the page
    /// starts at or before the paragraph): saved, so that a long paragraph reopens mid-way.
    pub fn offset_at_top(&self) -> usize {
        match self.layout.rows.get(self.top) {
            Some(Row::Line { block, line }) if *block == self.cursor.block() => self
                .layout
                .block(*block)
                .and_then(|b| b.lines.get(*line).map(|l| l.bytes(&b.prepared).start))
                .unwrap_or(0),
            _ => 0,
        }
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

    /// The bookmark on the paragraph under the cursor.
    pub fn bookmark_here(&self) -> Option<&Bookmark> {
        self.bookmarks
            .iter()
            .find(|b| !b.orphaned && b.paragraph == self.cursor)
    }

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

    fn show_current_match(&mut self) {
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
    fn row_of(&self, found: &Found) -> usize {
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

    pub fn pages(&self) -> usize {
        self.layout.pages(self.height)
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

    /// Shows the page on which the cursor's paragraph starts.
    fn follow_cursor(&mut self) {
        self.top = self.layout.page_of_block(self.cursor.block(), self.height) * self.height;
    }

    /// The rows of the cursor's paragraph, first and last.
    fn cursor_rows(&self) -> Option<(usize, usize)> {
        let b = self.layout.block(self.cursor.block())?;
        Some((b.first_row, b.first_row + b.lines.len().max(1) - 1))
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

    /// Goes to page `page`; the cursor moves to the first paragraph shown on it.
    pub fn go_to_page(&mut self, page: usize) {
        let page = page.min(self.pages() - 1);
        self.top = page * self.height;
        self.cursor_to_top();
    }

    /// The cursor to the first paragraph shown.
    fn cursor_to_top(&mut self) {
        let last = self.article.last_paragraph().unwrap_or(ParagraphNo::FIRST);
        self.cursor = self
            .layout
            .block_at(self.top)
            .paragraph()
            .unwrap_or(ParagraphNo::FIRST)
            .min(last);
    }

    /// Puts the cursor on `paragraph` (the last when there are fewer), its page shown.
    pub fn go_to_paragraph(&mut self, paragraph: ParagraphNo) {
        let last = self.article.last_paragraph().unwrap_or(ParagraphNo::FIRST);
        self.cursor = paragraph.min(last);
        self.follow_cursor();
    }

    /// Draws the status bar: the title (or `message`) on the left, the match, paragraph and
    /// page on the right.
    pub fn draw_status(
        &self,
        buf: &mut Buffer,
        status: Rect,
        ctx: &Ctx<'_>,
        message: Option<&str>,
    ) {
        let msgs = ctx.msgs;
        let matches = self
            .search
            .as_ref()
            .filter(|s| s.is_active())
            .map_or(String::new(), |s| {
                if s.is_empty() {
                    format!(" {} ", t!(msgs, "reader-no-match"))
                } else {
                    let m = t!(
                        msgs,
                        "reader-match",
                        current = s.current + 1,
                        total = s.len()
                    );
                    format!(" {m} ")
                }
            });
        let position = t!(
            msgs,
            "reader-position",
            paragraph = self.cursor.get().min(self.article.paragraphs.len()),
            paragraphs = self.article.paragraphs.len(),
            page = self.page() + 1,
            pages = self.pages()
        );
        if ctx.align_right() {
            return self.draw_status_mirrored(buf, status, ctx, message, &matches, &position);
        }
        let right = format!("{matches} {position} ");
        // Cells, as the engine measures them (marks and isolates take none).
        let (counters, _) = draw::one_line(&right, usize::MAX, ctx.chrome(), ctx.visual);
        let right_w = counters.width as u16;
        let left_w = usize::from(status.width.saturating_sub(right_w + 2));
        let (text, rtl) = match message {
            Some(m) => (draw::one_line(m, left_w, ctx.chrome(), ctx.visual).0, false),
            None => draw::one_line(&self.article.title, left_w, ctx.options, ctx.visual),
        };
        draw::line(
            buf,
            Rect::new(status.x + 1, status.y, left_w as u16, 1),
            status.y,
            &text,
            rtl,
            ctx.styles.status,
        );
        let right_x = status.x + status.width.saturating_sub(right_w);
        draw::line(
            buf,
            Rect::new(right_x, status.y, right_w, 1),
            status.y,
            &counters,
            false,
            ctx.styles.status,
        );
        if ctx.rtl() {
            // Terminal mode in Arabic: logical text, a right-to-left row that the terminal
            // mirrors (the title at the right, the counters at the left).
            draw::chrome_mark(buf, status.x, status.y, ctx);
            return;
        }
        // In terminal mode the row stays left to right, the counters out of the title's run.
        draw::ltr_mark(buf, status.x, status.y, ctx);
        draw::ltr_mark(buf, right_x, status.y, ctx);
    }

    /// The status bar of a right-to-left interface, laid out by qari: the title (or the
    /// message) from the right edge, the counters (paragraph, page, match) at the left end.
    fn draw_status_mirrored(
        &self,
        buf: &mut Buffer,
        status: Rect,
        ctx: &Ctx<'_>,
        message: Option<&str>,
        matches: &str,
        position: &str,
    ) {
        let text = format!("{position} {matches}");
        let room = usize::from(status.width.saturating_sub(2));
        let (counters, _) = draw::one_line(text.trim_end(), room, ctx.chrome(), true);
        let counters_w = counters.width as u16;
        draw::line(
            buf,
            Rect::new(status.x + 1, status.y, counters_w, 1),
            status.y,
            &counters,
            false,
            ctx.styles.status,
        );
        let left_w = status.width.saturating_sub(counters_w + 4);
        let (title, _) = match message {
            Some(m) => draw::one_line(m, usize::from(left_w), ctx.chrome(), true),
            None => draw::one_line(&self.article.title, usize::from(left_w), ctx.options, true),
        };
        let x = (status.x + status.width).saturating_sub(left_w + 1);
        draw::line(
            buf,
            Rect::new(x, status.y, left_w, 1),
            status.y,
            &title,
            true,
            ctx.styles.status,
        );
    }

    /// Draws the page into `area` (the text column is centred in it).
    pub fn draw(&self, buf: &mut Buffer, area: Rect, ctx: &Ctx<'_>) {
        let width = (self.layout.width as u16).min(area.width.saturating_sub(4));
        let column = Rect::new(
            area.x + (area.width - width) / 2,
            area.y,
            width,
            area.height,
        );
        for (i, row) in self
            .layout
            .rows_from(self.top, self.height)
            .iter()
            .enumerate()
        {
            let y = column.y + i as u16;
            let Row::Line { block, line } = *row else {
                continue;
            };
            let (Some(b), Some(text)) = (self.layout.block(block), self.article.block(block))
            else {
                continue;
            };
            let Some(l) = b.lines.get(line) else { continue };
            let visual = if ctx.visual {
                b.prepared.visual(l)
            } else {
                b.prepared.logical(text, l)
            };
            // A terminal that does bidi lays an RTL line out from the right by itself.
            let rtl = b.prepared.is_rtl() && ctx.visual;
            let style = if block == BlockIndex::TITLE {
                ctx.styles.title
            } else {
                ctx.styles.text
            };
            draw::line(buf, column, y, &visual, rtl, style);
            if self.is_selected(self.top + i, block) {
                buf.set_style(Rect::new(column.x, y, column.width, 1), ctx.styles.selected);
            }
            if let Some(s) = &self.search {
                let marks: Vec<(std::ops::Range<usize>, bool)> = s
                    .in_block(block)
                    .map(|(r, current)| (r.clone(), current))
                    .collect();
                if !marks.is_empty() {
                    draw::highlight(buf, column, y, &visual, rtl, &marks, ctx.styles);
                }
            }
            // Marks sit in the margin where the paragraph's lines begin: the cursor next to the
            // text, a bookmark's star beside the paragraph's first line, one cell further out.
            let margin = |gap: u16| {
                let x = if rtl {
                    column.x + column.width + gap
                } else {
                    column.x.saturating_sub(gap + 1)
                };
                (x < area.x + area.width).then_some(x)
            };
            if block == self.cursor.block()
                && let Some(x) = margin(1)
            {
                buf.set_string(x, y, "▌", ctx.styles.accent);
            }
            let bookmarked = self
                .bookmarks
                .iter()
                .any(|b| !b.orphaned && b.paragraph.block() == block);
            if line == 0
                && block != BlockIndex::TITLE
                && bookmarked
                && let Some(x) = margin(2)
            {
                buf.set_string(x, y, "★", ctx.styles.accent);
            }
        }
    }
}
