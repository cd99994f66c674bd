//! Drawing the app, as plain functions of its state: the screen on top, the status bar (the
//! screen's own line, a message, a search or an update under way, or the prompt) and the
//! overlays. Every string goes through the engine, so a message or a file name with an Arabic
//! word in it reads right to left where it should. `status.rs` draws the status bar and the
//! prompt, `overlay.rs` the help and the skipped files.

mod overlay;
mod status;

use std::sync::atomic::Ordering;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::action::Action;
use super::app::{App, Screen};
use super::go::Overlay;
use super::keymap::Scope;
use super::library::Sort;
use super::widgets::draw::{self, Ctx};
use crate::t;
use status::{draw_prompt, status_line};

impl App {
    /// Draws everything.
    pub fn draw(&self, frame: &mut Frame<'_>) {
        draw(self, frame);
    }
}

/// What drawing needs, from the settings.
fn ctx(app: &App) -> Ctx<'_> {
    let s = &app.session.settings;
    Ctx {
        styles: &s.styles,
        options: s.options,
        visual: s.visual,
        keymap: &s.keymap,
        msgs: &s.msgs,
        clock: s.clock,
    }
}

/// `key action · key action ...` for the screen's status line (see [`draw::hints`]).
pub(super) fn hints(app: &App, scope: Scope, list: &[(Action, &str)]) -> String {
    draw::hints(&ctx(app), scope, list)
}

/// The library's keys for its status bar, the most useful first: as many as fit are shown.
const LIBRARY_KEYS: &[(Action, &str)] = &[
    (Action::Help, "hint-help"),
    (Action::Open, "hint-opens"),
    (Action::Search, "hint-searches"),
    (Action::UpdateFeeds, "hint-updates-feeds"),
    (Action::Quit, "hint-quits"),
];

/// The first of `texts` that fits in `width` cells as the engine lays it out, else the last.
pub(super) fn fitting(texts: impl Iterator<Item = String>, width: usize, ctx: &Ctx<'_>) -> String {
    let mut last = String::new();
    for text in texts {
        let (line, _) = draw::one_line(&text, usize::MAX, ctx.chrome(), ctx.visual);
        if line.width <= width {
            return text;
        }
        last = text;
    }
    last
}

/// The screen shown, its status bar, then what sits over them: the progress of a job, the
/// prompt, an overlay.
fn draw(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    let ctx = ctx(app);
    let msgs = &app.session.settings.msgs;
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
    let line = match app.screen() {
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
        Screen::Library(_) => {
            let (Some(c), Some(l)) = (&app.session.collection, app.library()) else {
                return;
            };
            l.draw(buf, body, &c.entries, &app.session.reading, &ctx);
            let sort = match (l.sort, l.by_file_time) {
                (Sort::Date, false) => "date",
                (Sort::Date, true) => "file-time",
                (Sort::Title, _) => "title",
            };
            // The most useful keys that fit, as newsboat shows them; at the narrowest the
            // keys stay and the counts go.
            let keys = LIBRARY_KEYS;
            let with_counts = (1..=keys.len()).rev().map(|k| {
                t!(
                    msgs,
                    "library-status",
                    count = c.entries.len(),
                    sort = sort,
                    skipped = c.skipped.len(),
                    hints = hints(app, Scope::Library, &keys[..k])
                )
            });
            let counted = (1..=keys.len()).rev().map(|k| {
                t!(
                    msgs,
                    "library-status-short",
                    count = c.entries.len(),
                    hints = hints(app, Scope::Library, &keys[..k])
                )
            });
            let alone = (1..=keys.len())
                .rev()
                .map(|k| hints(app, Scope::Library, &keys[..k]));
            let room = usize::from(status.width.saturating_sub(2));
            fitting(with_counts.chain(counted).chain(alone), room, &ctx)
        }
        Screen::Bookmarks(b) => {
            b.draw(buf, body, &ctx);
            let hints = hints(
                app,
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
        Screen::Feeds(f) => {
            f.draw(buf, body, &ctx);
            let list = [
                (Action::Open, "hint-opens"),
                (Action::UpdateFeeds, "hint-updates-feeds"),
                (Action::Back, "hint-back"),
            ];
            t!(
                msgs,
                "feeds-screen-status",
                count = f.rows.len(),
                hints = hints(app, Scope::Feeds, &list)
            )
        }
        Screen::Results(r) => {
            if let Some(c) = &app.session.collection {
                r.draw(buf, body, &c.entries, &ctx);
            }
            t!(
                msgs,
                "results-status",
                count = r.items.len(),
                query = &r.query,
                hints = hints(
                    app,
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
            if app.prompt.is_none() && app.job.is_none() {
                r.draw_status(buf, status, &ctx, app.session.message.as_deref());
            }
            String::new()
        }
    };
    if !matches!(app.screen(), Screen::Reader(_)) {
        let text = app.session.message.clone().unwrap_or(line);
        status_line(buf, status, &text, &ctx);
    }
    if let Some(job) = &app.job {
        let (done, total) = (
            job.progress.done.load(Ordering::Relaxed),
            job.progress.total.load(Ordering::Relaxed),
        );
        let key = app.session.key(Action::Back, app.screen().scope());
        // Nothing counted yet: the folder is still being looked at.
        let text = if total == 0 {
            t!(msgs, "searching-start", key = key)
        } else {
            t!(msgs, "searching", done = done, total = total, key = key)
        };
        status_line(buf, status, &text, &ctx);
    }
    if let Some(job) = &app.feeding {
        let text = t!(
            msgs,
            "feeds-updating",
            done = job.progress.done.load(Ordering::Relaxed),
            total = job.progress.total.load(Ordering::Relaxed)
        );
        status_line(buf, status, &text, &ctx);
    }
    if let Some(prompt) = &app.prompt
        && let Some(at) = draw_prompt(buf, status, prompt, &ctx)
    {
        frame.set_cursor_position(at);
    }
    match app.overlay {
        Some(Overlay::Help(scroll)) => overlay::help(app, &ctx, frame, body, scroll),
        Some(Overlay::Skipped) => overlay::skipped(app, &ctx, frame, body),
        None => {}
    }
}
