//! Drawing the library: one row per article, its title laid out by the engine (right-to-left
//! titles right-aligned), its folder, date and source when known, and its read mark.
//!
//! The folder, date and source are each laid out on their own (isolated), in the interface's
//! direction, so that an Arabic folder name is not split around the date nor a date's time put
//! before its day; when they do not fit, the least useful goes first: the folder, then the
//! date's time (its day kept), then the source, and only then is the date cut.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::LibraryView;
use crate::collection::Entry;
use crate::i18n::Ymd;
use crate::store::ReadState;
use crate::text::{Direction, Options, VisualLine};
use crate::tui::draw::{self, Ctx};

impl LibraryView {
    /// Draws the visible rows into `area`.
    pub fn draw(
        &self,
        buf: &mut Buffer,
        area: Rect,
        entries: &[Entry],
        reading: &HashMap<PathBuf, ReadState>,
        ctx: &Ctx<'_>,
    ) {
        for (row, &index) in self
            .order
            .iter()
            .skip(self.offset)
            .take(usize::from(area.height))
            .enumerate()
        {
            let y = area.y + row as u16;
            let entry = &entries[index];
            let selected = self.offset + row == self.selected;
            let style = if selected {
                ctx.styles.selected
            } else {
                ctx.styles.text
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
            let mark = match reading.get(&entry.path) {
                Some(ReadState::Read) => "✓",
                Some(ReadState::InProgress) => "◐",
                None => "•",
            };
            // A right-to-left interface laid out by qari is mirrored: the mark at the right
            // end, the title from beside it, the folder, date and source at the left.
            let mirrored = ctx.align_right();
            buf.set_string(
                if mirrored {
                    area.x + area.width.saturating_sub(1)
                } else {
                    area.x
                },
                y,
                mark,
                if selected { style } else { ctx.styles.accent },
            );
            let folder = self.root.as_deref().and_then(|root| {
                let rel = entry.path.parent()?.strip_prefix(root).ok()?;
                Some(if rel.as_os_str().is_empty() {
                    ".".to_owned()
                } else {
                    rel.display().to_string()
                })
            });
            let info = Info {
                folder: folder.as_deref(),
                date: entry.meta.date.as_deref(),
                source: entry.meta.source.as_deref(),
            };
            let info_line = info.line(usize::from(area.width / 3), ctx);
            let info_rtl = ctx.rtl() && ctx.visual;
            let info_width = info_line.width as u16;
            let title_width = area.width.saturating_sub(info_width + 5);
            let (title, rtl) = draw::one_line(
                &entry.title,
                usize::from(title_width),
                ctx.options,
                ctx.visual,
            );
            let info_style = if selected { style } else { ctx.styles.dim };
            // A right-to-left title reads from the right edge, its date and source on the left.
            let (title_x, info_x) = if mirrored {
                (area.x + area.width - title_width - 2, area.x + 1)
            } else if rtl {
                (area.x + area.width - title_width, area.x + 2)
            } else {
                (area.x + 2, area.x + area.width - info_width)
            };
            draw::line(
                buf,
                Rect::new(title_x, y, title_width, 1),
                y,
                &title,
                rtl || mirrored,
                style,
            );
            draw::embed(buf, title_x, y, title.width as u16, &entry.title, ctx);
            draw::line(
                buf,
                Rect::new(info_x, y, info_width, 1),
                y,
                &info_line,
                info_rtl && mirrored,
                info_style,
            );
            if ctx.rtl() {
                draw::chrome_mark(buf, area.x, y, ctx);
                continue;
            }
            draw::ltr_mark(buf, area.x, y, ctx);
            draw::ltr_mark(buf, info_x, y, ctx);
        }
    }
}

/// What a row says of its article besides the title.
struct Info<'a> {
    folder: Option<&'a str>,
    /// As the front matter has it.
    date: Option<&'a str>,
    source: Option<&'a str>,
}

impl Info<'_> {
    /// The fields that fit in `width` cells, laid out: as many as fit, the least useful
    /// dropped first (see the module's comment); the last one left cut with "…".
    fn line(&self, width: usize, ctx: &Ctx<'_>) -> VisualLine {
        let date = self.date.map(|d| ctx.msgs.date(d).into_owned());
        // The day alone, for when the date as written (its time too) does not fit.
        let day = self
            .date
            .and_then(Ymd::parse)
            .map(|ymd| ctx.msgs.day(ymd))
            .or_else(|| date.clone());
        let tries = [
            [self.folder, date.as_deref(), self.source],
            [None, date.as_deref(), self.source],
            [None, day.as_deref(), self.source],
            [None, day.as_deref(), None],
        ];
        let options = Options {
            direction: if ctx.rtl() {
                Direction::Rtl
            } else {
                Direction::Ltr
            },
            ..ctx.options
        };
        let mut last = None;
        for fields in tries {
            let fields: Vec<&str> = fields.into_iter().flatten().collect();
            if fields.is_empty() {
                continue;
            }
            let text = isolated(&fields);
            let (line, _) = draw::one_line(&text, usize::MAX, options, ctx.visual);
            if line.width <= width {
                return line;
            }
            last = Some(text);
        }
        last.map_or_else(VisualLine::default, |text| {
            draw::one_line(&text, width, options, ctx.visual).0
        })
    }
}

/// `fields` joined with " · ", each in its own isolate (its direction its first strong
/// letter's): a field's words stay together and in their own order.
fn isolated(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| format!("\u{2068}{f}\u{2069}"))
        .collect::<Vec<_>>()
        .join(" · ")
}
