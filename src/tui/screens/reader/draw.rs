//! Drawing the reader: the page in its centred column, with the cursor and bookmark marks in
//! the margin, the selection and the search's matches; and its status bar (the title or a
//! message, the match, paragraph and page counters), mirrored in a right-to-left interface.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::view::ReaderView;
use crate::collection::BlockIndex;
use crate::page::Row;
use crate::t;
use crate::text::VisualLine;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::session::MARGIN;
use crate::tui::widgets::draw::{self, Ctx};

/// The reader's keys for its status bar, the most useful first: as many as fit are shown.
const READER_KEYS: &[(Action, &str)] = &[
    (Action::Help, "hint-help"),
    (Action::Back, "hint-back"),
    (Action::NextPage, "hint-next-page"),
    (Action::ToggleBookmark, "hint-bookmarks-paragraph"),
    (Action::Search, "hint-searches"),
    (Action::NextArticle, "hint-next-article"),
];

impl ReaderView {
    /// Draws the page into `area` (the text column is centred in it).
    pub fn draw(&self, buf: &mut Buffer, area: Rect, ctx: &Ctx<'_>) {
        let width = (self.layout.width as u16).min(area.width.saturating_sub(2 * MARGIN));
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
            // Logical text: the terminal is told the paragraph's direction at the row's start.
            draw::direction_mark(buf, area.x, y, b.prepared.is_rtl(), ctx);
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
                // A bar that is neither a block element nor box drawing (mlterm lays a row
                // with one of those out left to right) nor of ambiguous width.
                buf.set_string(x, y, "❙", ctx.styles.accent);
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
        let right_x = status.x + status.width.saturating_sub(right_w);
        let room = usize::from(status.width.saturating_sub(right_w + 2));
        let hints = self.hints(ctx, message, room);
        let hints_w = hints.as_ref().map_or(0, |h| h.width as u16 + 2);
        let hints_x = right_x.saturating_sub(hints_w);
        if let Some(h) = &hints {
            draw::line(
                buf,
                Rect::new(hints_x, status.y, h.width as u16, 1),
                status.y,
                h,
                false,
                ctx.styles.status,
            );
        }
        // Two cells between the title and the keys, as between the keys and the counters.
        let left_w = room.saturating_sub(usize::from(hints_w) + usize::from(hints.is_some()));
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
        if hints.is_some() {
            draw::ltr_mark(buf, hints_x, status.y, ctx);
        }
    }

    /// The reader's most useful keys that fit in `room` cells beside the title (which keeps
    /// half of them and at least 20, or all it needs when it is shorter), as newsboat and less show theirs;
    /// none while a message is shown.
    fn hints(&self, ctx: &Ctx<'_>, message: Option<&str>, room: usize) -> Option<VisualLine> {
        if message.is_some() {
            return None;
        }
        let (title, _) = draw::one_line(&self.article.title, usize::MAX, ctx.options, ctx.visual);
        let room = room.saturating_sub(title.width.min((room / 2).max(20)) + 2);
        (1..=READER_KEYS.len()).rev().find_map(|k| {
            let text = draw::hints(ctx, Scope::Reader, &READER_KEYS[..k]);
            let (line, _) = draw::one_line(&text, usize::MAX, ctx.chrome(), ctx.visual);
            (line.width <= room).then_some(line)
        })
    }

    /// The status bar of a right-to-left interface, laid out by qari: the title (or the
    /// message) from the right edge, the counters (paragraph, page, match) at the left end.
    pub(super) fn draw_status_mirrored(
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
        let room = usize::from(status.width.saturating_sub(counters_w + 4));
        let hints = self.hints(ctx, message, room);
        let hints_w = hints.as_ref().map_or(0, |h| h.width as u16 + 2);
        if let Some(h) = &hints {
            draw::line(
                buf,
                Rect::new(status.x + counters_w + 3, status.y, h.width as u16, 1),
                status.y,
                h,
                false,
                ctx.styles.status,
            );
        }
        let left_w = status.width.saturating_sub(counters_w + 4 + hints_w);
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
}
