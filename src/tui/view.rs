//! Drawing the app: the screen of the moment, the status bar (or the prompt, laid out by the
//! engine as it is typed) and the overlays.

use std::sync::atomic::Ordering;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Overlay, Screen};
use super::draw;
use super::keymap::Scope;
use super::library::{Ctx, Sort};

/// Writes `text` into the status bar, control characters left out.
fn status_line(frame: &mut Frame<'_>, status: Rect, text: &str, ctx: &Ctx<'_>) {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    frame.buffer_mut().set_stringn(
        status.x + 1,
        status.y,
        text,
        usize::from(status.width),
        ctx.styles.status,
    );
}

impl App {
    /// Draws everything.
    pub fn draw(&self, frame: &mut Frame<'_>) {
        let area = frame.area();
        let ctx = Ctx {
            styles: &self.settings.styles,
            options: self.settings.options,
            visual: self.settings.visual,
        };
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
        frame.buffer_mut().set_style(status, ctx.styles.status);
        match &self.screen {
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
                frame.render_widget(
                    Paragraph::new(text).centered(),
                    Rect::new(0, area.height / 2, area.width, 1),
                );
            }
            Screen::Library => {
                if let Some(c) = &self.collection {
                    self.library
                        .draw(frame.buffer_mut(), body, &c.entries, &self.reading, &ctx);
                    let text = self.message.clone().unwrap_or_else(|| {
                        format!(
                            "{} article{} · sorted by {} · {} skipped · ? help",
                            c.entries.len(),
                            if c.entries.len() == 1 { "" } else { "s" },
                            if self.library.sort == Sort::Date {
                                "date"
                            } else {
                                "title"
                            },
                            c.skipped.len()
                        )
                    });
                    status_line(frame, status, &text, &ctx);
                }
            }
            Screen::Bookmarks(b) => {
                b.draw(frame.buffer_mut(), body, &ctx);
                let text = self.message.clone().unwrap_or_else(|| {
                    let filter = if b.filter.is_empty() { String::new() } else { format!(" · filter: {}", b.filter) };
                    format!("{} bookmarks{filter} · Enter opens · d deletes · u undoes · / filters · Esc back", b.shown.len())
                });
                status_line(frame, status, &text, &ctx);
            }
            Screen::Results(r) => {
                if let Some(c) = &self.collection {
                    r.draw(frame.buffer_mut(), body, &c.entries, &ctx);
                }
                let text = format!(
                    "{} article{} match {}  ·  Enter opens · / searches again · Esc back",
                    r.items.len(),
                    if r.items.len() == 1 { "" } else { "s" },
                    r.query
                );
                status_line(frame, status, &text, &ctx);
            }
            Screen::Reader(r) => {
                r.draw(frame.buffer_mut(), body, &ctx);
                let matches =
                    r.search
                        .as_ref()
                        .filter(|s| s.is_active())
                        .map_or(String::new(), |s| {
                            if s.is_empty() {
                                " no match ".to_owned()
                            } else {
                                format!(" match {}/{} ", s.current + 1, s.len())
                            }
                        });
                let right = format!(
                    "{matches} ¶ {}/{}  page {}/{} ",
                    (r.cursor + 1).min(r.article.paragraphs.len()),
                    r.article.paragraphs.len(),
                    r.page + 1,
                    r.pages()
                );
                let right_w = right.chars().count() as u16;
                let title_w = usize::from(status.width.saturating_sub(right_w + 2));
                let (title, rtl) =
                    draw::one_line(&r.article.title, title_w, ctx.options, ctx.visual);
                draw::line(
                    frame.buffer_mut(),
                    Rect::new(status.x + 1, status.y, title_w as u16, 1),
                    status.y,
                    &title,
                    rtl,
                    ctx.styles.status,
                );
                frame.buffer_mut().set_string(
                    status.x + status.width.saturating_sub(right_w),
                    status.y,
                    right,
                    ctx.styles.status,
                );
            }
        }
        if let Some(job) = &self.job {
            let (done, total) = (
                job.progress.done.load(Ordering::Relaxed),
                job.progress.total.load(Ordering::Relaxed),
            );
            let text = format!(" Searching… {done} / {total}  (Esc cancels)");
            let buf = frame.buffer_mut();
            buf.set_style(status, ctx.styles.status);
            for x in status.x..status.x + status.width {
                buf[(x, status.y)].set_symbol(" ");
            }
            buf.set_stringn(
                status.x,
                status.y,
                text,
                usize::from(status.width),
                ctx.styles.status,
            );
        }
        if let Some(text) = &self.prompt {
            let buf = frame.buffer_mut();
            buf.set_style(status, ctx.styles.status);
            for x in status.x..status.x + status.width {
                buf[(x, status.y)].set_symbol(" ");
            }
            buf.set_string(status.x, status.y, "/", ctx.styles.status);
            let width = usize::from(status.width.saturating_sub(2));
            // What is typed is laid out by the engine too: Arabic reads right to left as typed.
            let (line, rtl) = draw::one_line(text, width, ctx.options, ctx.visual);
            draw::line(
                buf,
                Rect::new(status.x + 1, status.y, width as u16, 1),
                status.y,
                &line,
                rtl,
                ctx.styles.status,
            );
        } else if let (Some(m), Screen::Reader(_)) = (&self.message, &self.screen) {
            let buf = frame.buffer_mut();
            buf.set_stringn(
                status.x + 1,
                status.y,
                m,
                usize::from(status.width / 2),
                ctx.styles.status,
            );
        }
        match self.overlay {
            Some(Overlay::Help) => self.draw_help(frame, body),
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

    fn draw_help(&self, frame: &mut Frame<'_>, area: Rect) {
        let scope = match self.screen {
            Screen::Reader(_) => Scope::Reader,
            _ => Scope::Library,
        };
        let lines: Vec<String> = self
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
        let rect = Self::popup(area, 84, lines.len() as u16 + 2);
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(" Keys (? closes) ");
        frame.render_widget(
            Paragraph::new(lines.join("\n"))
                .block(block)
                .style(Style::new()),
            rect,
        );
    }

    fn draw_skipped(&self, frame: &mut Frame<'_>, area: Rect) {
        let Some(c) = &self.collection else { return };
        let mut text: Vec<String> = c
            .skipped
            .iter()
            .map(|s| {
                let line = format!("{}: {}", s.path.display(), s.reason);
                line.chars().filter(|c| !c.is_control()).collect()
            })
            .collect();
        if text.is_empty() {
            text.push("No file was skipped.".to_owned());
        }
        let rect = Self::popup(
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
        );
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(" Skipped files (Esc closes) ");
        frame.render_widget(
            Paragraph::new(text.join("\n"))
                .block(block)
                .wrap(Wrap { trim: false }),
            rect,
        );
    }
}
