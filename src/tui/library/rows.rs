//! Drawing the library: one row per article, its title laid out by the engine (right-to-left
//! titles right-aligned), its source, date and folder when known, and its read mark.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::LibraryView;
use crate::collection::Entry;
use crate::store::ReadState;
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
            let date = entry.meta.date.as_deref().map(|d| ctx.msgs.date(d));
            let info = [
                folder.as_deref(),
                date.as_deref(),
                entry.meta.source.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let info_options = if ctx.rtl() { ctx.chrome() } else { ctx.options };
            let (info_line, info_rtl) =
                draw::one_line(&info, usize::from(area.width / 3), info_options, ctx.visual);
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
