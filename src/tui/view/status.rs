//! The status bar: a line of text laid out by the engine, or the prompt with the text being
//! typed into it and where the terminal's cursor goes.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::tui::prompt::Prompt;
use crate::tui::widgets::draw::{self, Ctx};

/// Clears the status bar and writes `text` in it, laid out by the engine.
pub(super) fn status_line(buf: &mut Buffer, status: Rect, text: &str, ctx: &Ctx<'_>) {
    blank(buf, status, ctx.styles.status);
    let width = status.width.saturating_sub(2);
    let (line, rtl) = draw::one_line(text, usize::from(width), ctx.chrome(), ctx.visual);
    draw::line(
        buf,
        Rect::new(status.x + 1, status.y, width, 1),
        status.y,
        &line,
        rtl && ctx.rtl(),
        ctx.styles.status,
    );
    draw::chrome_mark(buf, status.x, status.y, ctx);
}

pub(super) fn blank(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            buf[(x, y)].set_symbol(" ");
        }
    }
}

/// Draws the prompt in the status bar: its label, then the text laid out by the engine as it is
/// typed (Arabic reads right to left). Returns where the terminal's cursor goes.
pub(super) fn draw_prompt(
    buf: &mut Buffer,
    status: Rect,
    prompt: &Prompt,
    ctx: &Ctx<'_>,
) -> Option<Position> {
    blank(buf, status, ctx.styles.status);
    let label = ctx.msgs.get(prompt.purpose.label(), &[]);
    let (x0, width) = if ctx.align_right() {
        // Mirrored: the label at the right end, the field on its left.
        let room = usize::from(status.width.saturating_sub(2));
        let (l, _) = draw::one_line(&label, room, ctx.chrome(), ctx.visual);
        let lw = l.width as u16;
        let lx = (status.x + status.width).saturating_sub(lw + 1);
        draw::line(
            buf,
            Rect::new(lx, status.y, lw, 1),
            status.y,
            &l,
            true,
            ctx.styles.status,
        );
        let x0 = status.x + 1;
        (x0, usize::from(lx.saturating_sub(x0 + 1)))
    } else {
        let room = usize::from(status.width.saturating_sub(2));
        let (l, _) = draw::one_line(&label, room, ctx.chrome(), ctx.visual);
        let lw = l.width as u16;
        draw::line(
            buf,
            Rect::new(status.x + 1, status.y, lw, 1),
            status.y,
            &l,
            false,
            ctx.styles.status,
        );
        if ctx.rtl() {
            draw::chrome_mark(buf, status.x, status.y, ctx);
        }
        let x0 = status.x + 2 + lw;
        (
            x0,
            usize::from((status.x + status.width).saturating_sub(x0 + 1)),
        )
    };
    // A text longer than the field shows the stretch that ends at the cursor.
    let start = shown_from(&prompt.text, prompt.cursor, width, ctx);
    let text = prompt.text.get(start..).unwrap_or_default();
    let (line, rtl) = draw::one_line(text, width, ctx.chrome(), ctx.visual);
    let area = Rect::new(x0, status.y, width as u16, 1);
    draw::line(buf, area, status.y, &line, rtl, ctx.styles.status);
    let x = draw::cursor_x(&line, width, rtl, prompt.cursor - start, text.len())?;
    Some(Position::new(x0 + x as u16, status.y))
}

/// Where the prompt's text is shown from: 0 when all of it up to the cursor fits in `width`
/// cells, else the first character boundary from which it does (found by halving).
fn shown_from(text: &str, cursor: usize, width: usize, ctx: &Ctx<'_>) -> usize {
    let fits = |from: usize| {
        let piece = text.get(from..cursor).unwrap_or_default();
        let p = crate::text::Prepared::new(piece, ctx.chrome());
        p.wrap(piece, width.saturating_sub(1)).len() <= 1
    };
    if fits(0) {
        return 0;
    }
    let bounds: Vec<usize> = text
        .get(..cursor)
        .unwrap_or_default()
        .char_indices()
        .map(|(i, _)| i)
        .collect();
    // It fits from some boundary on: the first one from which it does.
    let first = bounds.partition_point(|&b| !fits(b));
    bounds.get(first).copied().unwrap_or(cursor)
}
