//! Drawing laid-out text into a ratatui buffer: glyph by glyph, each in the cells the engine
//! measured, so that what the engine computed is exactly what the terminal shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::{Lang, Messages};
use crate::text::{Direction, Glyph, Options, Prepared, VisualLine};
use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::widgets::theme::Styles;

/// What drawing needs to know.
pub struct Ctx<'a> {
    pub styles: &'a Styles,
    pub options: Options,
    /// Draw in visual order (qari does bidi); false hands logical text to the terminal.
    pub visual: bool,
    /// For hints that name keys.
    pub keymap: &'a Keymap,
    /// The interface's messages (its language decides the chrome's direction).
    pub msgs: &'a Messages,
    /// The local day of a time (a bookmark's date).
    pub clock: crate::clock::Clock,
}

impl Ctx<'_> {
    /// Options for the interface's own strings (messages, labels, prompts), whatever the
    /// articles' direction: in English, Unicode's rule (the first strong letter decides); in
    /// Arabic, right to left, so that a message that starts with an English path or key still
    /// reads from the right.
    pub fn chrome(&self) -> Options {
        Options {
            direction: if self.rtl() {
                Direction::Rtl
            } else {
                Direction::Auto
            },
            ..self.options
        }
    }

    /// The interface reads right to left (Arabic): status lines, popups and prompts are
    /// mirrored.
    pub fn rtl(&self) -> bool {
        self.msgs.lang() == Lang::Ar
    }

    /// Whether the chrome is drawn right-aligned by qari: in Arabic, when qari lays rows out
    /// (a terminal that does bidi mirrors a right-to-left row by itself).
    pub fn align_right(&self) -> bool {
        self.rtl() && self.visual
    }
}

/// `key action · key action ...` for a status line: each action's hint message (`hint-*`) with
/// its key on `scope` from the key table (`?` when no key does it).
pub fn hints(ctx: &Ctx<'_>, scope: crate::tui::keymap::Scope, list: &[(Action, &str)]) -> String {
    list.iter()
        .map(|&(action, id)| {
            let key = ctx
                .keymap
                .key_for(action, scope)
                .unwrap_or_else(|| "?".to_owned());
            ctx.msgs.get(id, &[("key", key.into())])
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// In terminal mode, starts the chrome's row at cell (`x`, `y`) in the interface's direction:
/// a left-to-right mark in English (as [`ltr_mark`]), a right-to-left mark in Arabic, so that
/// the terminal lays the row out from the right. Nothing in app mode.
pub fn chrome_mark(buf: &mut Buffer, x: u16, y: u16, ctx: &Ctx<'_>) {
    direction_mark(buf, x, y, ctx.rtl(), ctx);
}

/// In terminal mode, starts a row of text at cell (`x`, `y`) in its paragraph's direction
/// (`rtl`): a right-to-left mark or a left-to-right one, so that the terminal lays a line of
/// an Arabic paragraph out from the right even when it begins with a Latin word or a number.
/// Nothing in app mode.
pub fn direction_mark(buf: &mut Buffer, x: u16, y: u16, rtl: bool, ctx: &Ctx<'_>) {
    mark(buf, x, y, ctx, if rtl { '\u{200f}' } else { '\u{200e}' });
}

/// The mark goes before the cell's character (how a terminal that gives marks a cell of their
/// own is handed it is the backend's business: `term::rows`).
fn mark(buf: &mut Buffer, x: u16, y: u16, ctx: &Ctx<'_>, mark: char) {
    if ctx.visual || !buf.area.contains(ratatui::layout::Position::new(x, y)) {
        return;
    }
    let cell = &mut buf[(x, y)];
    let symbol = format!("{mark}{}", cell.symbol());
    cell.set_symbol(&symbol);
}

/// In terminal mode, lays the text drawn in cells `x..x + width` of row `y` (logical `text`)
/// out as a paragraph of its own direction when that is not the row's (an Arabic title in an
/// English row): an embedding (RLE or LRE) before its first cell, its end (PDF) after its
/// last, so that its Latin words and brackets fall in place inside it. Embeddings, not
/// isolates: mlterm gives an isolate a blank cell of its own. Nothing in app mode.
pub fn embed(buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, ctx: &Ctx<'_>) {
    let last = ratatui::layout::Position::new(x + width.saturating_sub(1), y);
    if ctx.visual || width == 0 || !buf.area.contains(last) {
        return;
    }
    let rtl = Prepared::new(text, ctx.options).is_rtl();
    if rtl == ctx.rtl() {
        return;
    }
    mark(buf, x, y, ctx, if rtl { '\u{202b}' } else { '\u{202a}' });
    let cell = &mut buf[last];
    let symbol = format!("{}\u{202c}", cell.symbol());
    cell.set_symbol(&symbol);
}

/// The glyphs of `line` that fit in `width` cells, each with its column: from the right edge
/// when `rtl`, else from the left.
fn placed(line: &VisualLine, width: usize, rtl: bool) -> impl Iterator<Item = (usize, &Glyph)> {
    let start = if rtl {
        width.saturating_sub(line.width)
    } else {
        0
    };
    line.glyphs
        .iter()
        .scan(start, |x, g| {
            let at = *x;
            *x += g.width;
            Some((at, g))
        })
        .take_while(move |(x, g)| x + g.width <= width)
}

/// In terminal mode (the terminal does bidi on each row), starts a left-to-right stretch at cell
/// (`x`, `y`): a left-to-right mark before what the cell holds. At the start of a row it makes
/// the row a left-to-right paragraph; before a column it keeps the column from joining the
/// right-to-left text before it (a number after an Arabic title would otherwise be drawn to its
/// left). In app mode qari lays rows out itself and nothing is added.
pub fn ltr_mark(buf: &mut Buffer, x: u16, y: u16, ctx: &Ctx<'_>) {
    mark(buf, x, y, ctx, '\u{200e}');
}

/// Draws `line` on row `y` of `area`: right-aligned when `rtl`, else left-aligned.
pub fn line(buf: &mut Buffer, area: Rect, y: u16, line: &VisualLine, rtl: bool, style: Style) {
    for (x, g) in placed(line, usize::from(area.width), rtl) {
        let text = line.text.get(g.text.clone()).unwrap_or_default();
        if g.width > 0 {
            buf.set_stringn(area.x + x as u16, y, text, g.width, style);
        }
    }
}

/// Restyles the glyphs of `line` (drawn as by [`line`]) whose source bytes overlap one of
/// `marks` (original byte ranges; true for the current match).
pub fn highlight(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &VisualLine,
    rtl: bool,
    marks: &[(std::ops::Range<usize>, bool)],
    styles: &Styles,
) {
    for (x, g) in placed(line, usize::from(area.width), rtl) {
        let mark = marks
            .iter()
            .find(|(r, _)| r.start < g.source.end && g.source.start < r.end)
            .map(|(_, current)| *current);
        if let Some(current) = mark {
            let style = if current {
                styles.current_match
            } else {
                styles.match_
            };
            buf.set_style(Rect::new(area.x + x as u16, y, g.width as u16, 1), style);
        }
    }
}

/// Lays out a short text (a title, a prompt) in one line of at most `width` cells, cut at the
/// first line when it is longer, the cut marked with "…" (at the line's end in reading order),
/// with `options` (its direction too: [`Ctx::chrome`] for the interface's strings).
/// Returns the line and whether to right-align it: a right-to-left line is right-aligned when
/// qari lays it out (`visual`); a terminal that does bidi itself lays an RTL line out from the
/// right on its own, so there the text starts at the line's start.
pub fn one_line(text: &str, width: usize, options: Options, visual: bool) -> (VisualLine, bool) {
    let p = Prepared::new(text, options);
    let mut lines = p.wrap(text, width);
    if lines.len() > 1 && width > 1 {
        // Cut one cell short, so that the "…" always has its cell.
        lines = p.wrap(text, width - 1);
    }
    let Some(first) = lines.first() else {
        return (VisualLine::default(), false);
    };
    let mut v = if visual {
        p.visual(first)
    } else {
        p.logical(text, first)
    };
    if lines.len() > 1 && width > 0 {
        // Cut: "…" where the text goes on, making room for it at that end.
        let at_left = p.is_rtl() && visual;
        while v.width + 1 > width {
            let Some(g) = (if at_left {
                (!v.glyphs.is_empty()).then(|| v.glyphs.remove(0))
            } else {
                v.glyphs.pop()
            }) else {
                break;
            };
            v.width -= g.width;
        }
        v.text.push('…');
        let at = v.text.len() - '…'.len_utf8();
        let g = Glyph {
            text: at..v.text.len(),
            source: 0..0,
            width: 1,
        };
        if at_left {
            v.glyphs.insert(0, g);
        } else {
            v.glyphs.push(g);
        }
        v.width += 1;
    }
    (v, p.is_rtl() && visual)
}

/// The cell where the terminal's cursor goes for a cursor at logical byte `cursor` of a text
/// of `len` bytes drawn as `line` (as by [`line`] in `width` cells): on the glyph that holds
/// that byte, or, at the end of the text, just past the glyph drawn last in reading order.
pub fn cursor_x(
    line: &VisualLine,
    width: usize,
    rtl: bool,
    cursor: usize,
    len: usize,
) -> Option<usize> {
    let glyphs: Vec<(usize, &Glyph)> = placed(line, width, rtl).collect();
    if cursor < len {
        return glyphs
            .iter()
            .find(|(_, g)| g.source.start <= cursor && cursor < g.source.end)
            .map(|&(x, _)| x);
    }
    let Some(&(x, last)) = glyphs.iter().max_by_key(|(_, g)| g.source.end) else {
        return Some(if rtl { width.saturating_sub(1) } else { 0 });
    };
    Some(if rtl {
        x.saturating_sub(1)
    } else {
        (x + last.width).min(width.saturating_sub(1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_line_ends_with_an_ellipsis_even_when_its_first_line_fills_the_width() {
        // "ab cd" is exactly 5 cells: the cut must still be marked, within the 5 cells.
        let (line, rtl) = one_line("ab cd ef", 5, Options::default(), true);
        assert!(!rtl);
        assert_eq!(line.text, "ab…");
        assert_eq!(line.width, 3);
        // An Arabic title the same: the "…" at its end, on the left, within the width.
        let (line, rtl) = one_line("سلم علم قلم", 7, Options::default(), true);
        assert!(rtl);
        let leftmost = line
            .glyphs
            .first()
            .and_then(|g| line.text.get(g.text.clone()));
        assert_eq!(leftmost, Some("…"), "{}", line.text);
        assert!(line.width <= 7);
    }
}
