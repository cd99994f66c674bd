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
use super::app::{App, Overlay, Screen};
use super::draw::{self, Ctx};
use super::keymap::Scope;
use super::library::Sort;
use super::prompt::Prompt;

/// Clears the status bar and writes `text` in it, laid out by the engine.
fn status_line(buf: &mut Buffer, status: Rect, text: &str, ctx: &Ctx<'_>) {
    blank(buf, status, ctx.styles.status);
    let width = status.width.saturating_sub(2);
    let (line, _) = draw::one_line(text, usize::from(width), ctx.chrome(), ctx.visual);
    draw::line(
        buf,
        Rect::new(status.x + 1, status.y, width, 1),
        status.y,
        &line,
        false,
        ctx.styles.status,
    );
    draw::ltr_mark(buf, status.x, status.y, ctx);
}

fn blank(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area, style);
    for y in area.y..area.y + area.height {
        for x in area.x..area.x + area.width {
            buf[(x, y)].set_symbol(" ");
        }
    }
}

/// "1 article", "2 articles".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl App {
    fn ctx(&self) -> Ctx<'_> {
        let s = &self.session.settings;
        Ctx {
            styles: &s.styles,
            options: s.options,
            visual: s.visual,
            keymap: &s.keymap,
        }
    }

    /// `key action · key action ...` for the screen's status line, keys from the key table.
    fn hints(&self, scope: Scope, list: &[(Action, &str)]) -> String {
        list.iter()
            .map(|&(action, what)| format!("{} {what}", self.session.key(action, scope)))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Draws everything.
    pub fn draw(&self, frame: &mut Frame<'_>) {
        let area = frame.area();
        let ctx = self.ctx();
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
                    "Looking for articles…".to_owned()
                } else {
                    format!("Reading articles… {done} / {total}")
                };
                let (l, _) = draw::one_line(&text, usize::from(area.width), ctx.chrome(), true);
                let x = area.x + (area.width.saturating_sub(l.width as u16)) / 2;
                draw::line(
                    buf,
                    Rect::new(x, area.height / 2, l.width as u16, 1),
                    area.height / 2,
                    &l,
                    false,
                    Style::new(),
                );
                String::new()
            }
            Screen::Library(l) => {
                let Some(c) = &self.session.collection else {
                    return;
                };
                l.draw(buf, body, &c.entries, &self.session.reading, &ctx);
                format!(
                    "{} · sorted by {} · {} skipped · {}",
                    count(c.entries.len(), "article", "articles"),
                    match (l.sort, l.by_file_time) {
                        (Sort::Date, false) => "date",
                        (Sort::Date, true) => "file time (no article has a date)",
                        (Sort::Title, _) => "title",
                    },
                    c.skipped.len(),
                    self.hints(Scope::Library, &[(Action::Help, "help")])
                )
            }
            Screen::Bookmarks(b) => {
                b.draw(buf, body, &ctx);
                let filter = if b.filter.is_empty() {
                    String::new()
                } else {
                    format!(" · filter: {}", b.filter)
                };
                format!(
                    "{}{filter} · {}",
                    count(b.shown.len(), "bookmark", "bookmarks"),
                    self.hints(
                        Scope::Bookmarks,
                        &[
                            (Action::Open, "opens"),
                            (Action::Delete, "deletes"),
                            (Action::Undo, "undoes"),
                            (Action::Search, "filters"),
                            (Action::Back, "back"),
                        ]
                    )
                )
            }
            Screen::Results(r) => {
                if let Some(c) = &self.session.collection {
                    r.draw(buf, body, &c.entries, &ctx);
                }
                format!(
                    "{} {} {}  ·  {}",
                    count(r.items.len(), "article", "articles"),
                    if r.items.len() == 1 {
                        "matches"
                    } else {
                        "match"
                    },
                    r.query,
                    self.hints(
                        Scope::Results,
                        &[
                            (Action::Open, "opens"),
                            (Action::Search, "searches again"),
                            (Action::Back, "back"),
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
            let text = format!(
                "Searching… {done} / {total}  ({} cancels)",
                self.session.key(Action::Back, self.screen().scope())
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
        frame.render_widget(Block::default().borders(Borders::ALL).title(title), rect);
        let inner = Rect::new(
            rect.x + 1,
            rect.y + 1,
            rect.width.saturating_sub(2),
            rect.height.saturating_sub(2),
        );
        let buf = frame.buffer_mut();
        for (i, text) in lines.iter().take(usize::from(inner.height)).enumerate() {
            let y = inner.y + i as u16;
            let (l, _) = draw::one_line(text, usize::from(inner.width), ctx.chrome(), ctx.visual);
            draw::line(
                buf,
                Rect::new(inner.x, y, inner.width, 1),
                y,
                &l,
                false,
                Style::new(),
            );
        }
    }

    fn draw_help(&self, frame: &mut Frame<'_>, area: Rect, scroll: usize) {
        let scope = self.screen().scope();
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
                format!("{keys:>18}  {}", action.describe())
            })
            .collect();
        if scope == Scope::Reader {
            lines.push(format!("{:>18}  Move the paragraph cursor.", "mouse wheel"));
        } else {
            lines.push(format!("{:>18}  Move the selection.", "mouse wheel"));
        }
        let rect = Self::popup(area, 84, lines.len() as u16 + 2);
        let shown = usize::from(rect.height.saturating_sub(2)).max(1);
        let scroll = scroll.min(lines.len().saturating_sub(shown));
        let more = if lines.len() > shown {
            format!(
                ", {}/{} scroll",
                self.session.key(Action::Down, Scope::Library),
                self.session.key(Action::Up, Scope::Library)
            )
        } else {
            String::new()
        };
        let title = format!(
            " Keys ({} closes{more}) ",
            self.session.key(Action::Help, scope)
        );
        self.draw_list(frame, rect, &title, &lines[scroll..]);
    }

    fn draw_skipped(&self, frame: &mut Frame<'_>, area: Rect) {
        let Some(c) = &self.session.collection else {
            return;
        };
        let mut lines: Vec<String> = c
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path.display(), s.reason))
            .collect();
        if lines.is_empty() {
            lines.push("No file was skipped.".to_owned());
        }
        let rect = Self::popup(
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
        );
        let title = format!(
            " Skipped files ({} closes) ",
            self.session.key(Action::Back, Scope::Library)
        );
        self.draw_list(frame, rect, &title, &lines);
    }
}

/// Draws the prompt in the status bar: its label, then the text laid out by the engine as it is
/// typed (Arabic reads right to left). Returns where the terminal's cursor goes.
fn draw_prompt(buf: &mut Buffer, status: Rect, prompt: &Prompt, ctx: &Ctx<'_>) -> Option<Position> {
    blank(buf, status, ctx.styles.status);
    let label = prompt.purpose.label();
    buf.set_string(status.x + 1, status.y, label, ctx.styles.status);
    let x0 = status.x + 2 + label.len() as u16;
    let width = usize::from((status.x + status.width).saturating_sub(x0 + 1));
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
