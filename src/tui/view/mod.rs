//! Drawing the app: the screen on top, the status bar (the screen's own line, a message, a
//! search under way, or the prompt) and the overlays. Every string goes through the engine, so
//! a message or a file name with an Arabic word in it reads right to left where it should.

use std::sync::atomic::Ordering;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear};

use super::action::Action;
use super::app::{App, Screen};
use super::draw::{self, Ctx};
use super::go::Overlay;
use super::keymap::Scope;
use super::library::Sort;
use super::prompt::Prompt;
use crate::i18n::action_id;
use crate::t;

/// Clears the status bar and writes `text` in it, laid out by the engine.
fn status_line(buf: &mut Buffer, status: Rect, text: &str, ctx: &Ctx<'_>) {
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

fn blank(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            buf[(x, y)].set_symbol(" ");
        }
    }
}

impl App {
    fn ctx(&self) -> Ctx<'_> {
        let s = &self.session.settings;
        Ctx {
            styles: &s.styles,
            options: s.options,
            visual: s.visual,
            keymap: &s.keymap,
            msgs: &s.msgs,
            clock: s.clock,
        }
    }

    /// `key action · key action ...` for the screen's status line: each action's hint message
    /// (`hint-*`), its key from the key table.
    fn hints(&self, scope: Scope, list: &[(Action, &str)]) -> String {
        list.iter()
            .map(|&(action, id)| {
                let key = self.session.key(action, scope);
                self.session.settings.msgs.get(id, &[("key", key.into())])
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Draws everything.
    pub fn draw(&self, frame: &mut Frame<'_>) {
        let area = frame.area();
        let ctx = self.ctx();
        let msgs = &self.session.settings.msgs;
        let body = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        );
        let status = Rect::new(
            area.x,
            area.y + area.height.saturating_sub(1),
            area.width,
            1.min(area.height),
        );
        let buf = frame.buffer_mut();
        buf.set_style(status, ctx.styles.status);
        let line = match self.screen() {
            Screen::Loading(p) => {
                let (done, total) = (
                    p.done.load(Ordering::Relaxed),
                    p.total.load(Ordering::Relaxed),
                );
                let text = if total == 0 {
                    t!(msgs, "loading-looking")
                } else {
                    t!(msgs, "loading-reading", done = done, total = total)
                };
                let (l, _) = draw::one_line(&text, usize::from(area.width), ctx.chrome(), true);
                let x = area.x + (area.width.saturating_sub(l.width as u16)) / 2;
                draw::line(
                    buf,
                    Rect::new(x, area.height / 2, l.width as u16, 1),
                    area.height / 2,
                    &l,
                    ctx.rtl(),
                    Style::new(),
                );
                String::new()
            }
            Screen::Library(l) => {
                let Some(c) = &self.session.collection else {
                    return;
                };
                l.draw(buf, body, &c.entries, &self.session.reading, &ctx);
                t!(
                    msgs,
                    "library-status",
                    count = c.entries.len(),
                    sort = match (l.sort, l.by_file_time) {
                        (Sort::Date, false) => "date",
                        (Sort::Date, true) => "file-time",
                        (Sort::Title, _) => "title",
                    },
                    skipped = c.skipped.len(),
                    hints = self.hints(Scope::Library, &[(Action::Help, "hint-help")])
                )
            }
            Screen::Bookmarks(b) => {
                b.draw(buf, body, &ctx);
                let hints = self.hints(
                    Scope::Bookmarks,
                    &[
                        (Action::Open, "hint-opens"),
                        (Action::Delete, "hint-deletes"),
                        (Action::Undo, "hint-undoes"),
                        (Action::Search, "hint-filters"),
                        (Action::Back, "hint-back"),
                    ],
                );
                if b.filter.is_empty() {
                    t!(
                        msgs,
                        "bookmarks-status",
                        count = b.shown.len(),
                        hints = hints
                    )
                } else {
                    t!(
                        msgs,
                        "bookmarks-status-filtered",
                        count = b.shown.len(),
                        filter = &b.filter,
                        hints = hints
                    )
                }
            }
            Screen::Results(r) => {
                if let Some(c) = &self.session.collection {
                    r.draw(buf, body, &c.entries, &ctx);
                }
                t!(
                    msgs,
                    "results-status",
                    count = r.items.len(),
                    query = &r.query,
                    hints = self.hints(
                        Scope::Results,
                        &[
                            (Action::Open, "hint-opens"),
                            (Action::Search, "hint-searches-again"),
                            (Action::Back, "hint-back"),
                        ]
                    )
                )
            }
            Screen::Reader(r) => {
                r.draw(buf, body, &ctx);
                if self.prompt.is_none() && self.job.is_none() {
                    r.draw_status(buf, status, &ctx, self.session.message.as_deref());
                }
                String::new()
            }
        };
        if !matches!(self.screen(), Screen::Reader(_)) {
            let text = self.session.message.clone().unwrap_or(line);
            status_line(buf, status, &text, &ctx);
        }
        if let Some(job) = &self.job {
            let (done, total) = (
                job.progress.done.load(Ordering::Relaxed),
                job.progress.total.load(Ordering::Relaxed),
            );
            let key = self.session.key(Action::Back, self.screen().scope());
            // Nothing counted yet: the folder is still being looked at.
            let text = if total == 0 {
                t!(msgs, "searching-start", key = key)
            } else {
                t!(msgs, "searching", done = done, total = total, key = key)
            };
            status_line(buf, status, &text, &ctx);
        }
        if let Some(job) = &self.feeding {
            let text = t!(
                msgs,
                "feeds-updating",
                done = job.progress.done.load(Ordering::Relaxed),
                total = job.progress.total.load(Ordering::Relaxed)
            );
            status_line(buf, status, &text, &ctx);
        }
        if let Some(prompt) = &self.prompt
            && let Some(at) = draw_prompt(buf, status, prompt, &ctx)
        {
            frame.set_cursor_position(at);
        }
        match self.overlay {
            Some(Overlay::Help(scroll)) => self.draw_help(frame, body, scroll),
            Some(Overlay::Skipped) => self.draw_skipped(frame, body),
            None => {}
        }
    }

    fn popup(area: Rect, width: u16, height: u16) -> Rect {
        let w = width.min(area.width);
        let h = height.min(area.height);
        Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        )
    }

    /// A popup titled `title` with `lines`, each laid out by the engine.
    fn draw_list(&self, frame: &mut Frame<'_>, rect: Rect, title: &str, lines: &[String]) {
        let ctx = self.ctx();
        frame.render_widget(Clear, rect);
        if ctx.rtl() {
            // The title through the engine too, at the right of the top border.
            frame.render_widget(Block::default().borders(Borders::ALL), rect);
            let width = rect.width.saturating_sub(4);
            let (l, rtl) =
                draw::one_line(title.trim(), usize::from(width), ctx.chrome(), ctx.visual);
            let w = l.width as u16;
            let x = if rtl {
                rect.x + 2 + width - w
            } else {
                rect.x + 2
            };
            let buf = frame.buffer_mut();
            buf.set_string(x - 1, rect.y, " ", Style::new());
            buf.set_string(x + w, rect.y, " ", Style::new());
            draw::line(
                buf,
                Rect::new(x, rect.y, w, 1),
                rect.y,
                &l,
                rtl,
                Style::new(),
            );
            draw::chrome_mark(buf, rect.x, rect.y, &ctx);
        } else {
            frame.render_widget(Block::default().borders(Borders::ALL).title(title), rect);
        }
        let inner = Rect::new(
            rect.x + 1,
            rect.y + 1,
            rect.width.saturating_sub(2),
            rect.height.saturating_sub(2),
        );
        let buf = frame.buffer_mut();
        for (i, text) in lines.iter().take(usize::from(inner.height)).enumerate() {
            let y = inner.y + i as u16;
            let (l, rtl) = draw::one_line(text, usize::from(inner.width), ctx.chrome(), ctx.visual);
            draw::line(
                buf,
                Rect::new(inner.x, y, inner.width, 1),
                y,
                &l,
                rtl && ctx.rtl(),
                Style::new(),
            );
            if ctx.rtl() {
                draw::chrome_mark(buf, inner.x, y, &ctx);
            }
        }
    }

    fn draw_help(&self, frame: &mut Frame<'_>, area: Rect, scroll: usize) {
        let scope = self.screen().scope();
        let msgs = &self.session.settings.msgs;
        let rtl = self.ctx().rtl();
        // The keys' column, then the action's line: in Arabic the keys (isolated, as they read
        // left to right) at the right, padded on their right (the line's start).
        let row = |keys: &str, what: String| {
            if rtl {
                let pad = 18usize.saturating_sub(keys.chars().count());
                format!("{:pad$}\u{2066}{keys}\u{2069}  {what}", "")
            } else {
                format!("{keys:>18}  {what}")
            }
        };
        let mut lines: Vec<String> = self
            .session
            .settings
            .keymap
            .help(scope)
            .into_iter()
            .map(|(action, keys)| {
                let keys = keys
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(", ");
                row(&keys, msgs.get(&action_id(action.name()), &[]))
            })
            .collect();
        let wheel = if scope == Scope::Reader {
            t!(msgs, "help-wheel-reader")
        } else {
            t!(msgs, "help-wheel-list")
        };
        lines.push(row(&t!(msgs, "help-mouse-wheel"), wheel));
        let rect = Self::popup(area, 84, lines.len() as u16 + 2);
        let shown = usize::from(rect.height.saturating_sub(2)).max(1);
        let scroll = scroll.min(lines.len().saturating_sub(shown));
        let key = self.session.key(Action::Help, scope);
        let title = if lines.len() > shown {
            t!(
                msgs,
                "help-title-scroll",
                key = key,
                down = self.session.key(Action::Down, Scope::Library),
                up = self.session.key(Action::Up, Scope::Library)
            )
        } else {
            t!(msgs, "help-title", key = key)
        };
        let title = format!(" {title} ");
        self.draw_list(frame, rect, &title, &lines[scroll..]);
    }

    fn draw_skipped(&self, frame: &mut Frame<'_>, area: Rect) {
        let Some(c) = &self.session.collection else {
            return;
        };
        let msgs = &self.session.settings.msgs;
        let mut lines: Vec<String> = c
            .skipped
            .iter()
            .map(|s| {
                t!(
                    msgs,
                    "skipped-line",
                    path = s.path.display().to_string(),
                    reason = msgs.skip_reason(&s.cause)
                )
            })
            .collect();
        if lines.is_empty() {
            lines.push(t!(msgs, "skipped-none"));
        }
        let rect = Self::popup(
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
        );
        let title = format!(
            " {} ",
            t!(
                msgs,
                "skipped-title",
                key = self.session.key(Action::Back, Scope::Library)
            )
        );
        self.draw_list(frame, rect, &title, &lines);
    }
}

/// Draws the prompt in the status bar: its label, then the text laid out by the engine as it is
/// typed (Arabic reads right to left). Returns where the terminal's cursor goes.
fn draw_prompt(buf: &mut Buffer, status: Rect, prompt: &Prompt, ctx: &Ctx<'_>) -> Option<Position> {
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
