//! The feeds screen (`F` in the library, as newsboat opens on its feeds): every feed of the
//! config with how many of its articles in the collection are unread, of how many. `Enter`
//! shows the library with that feed's articles alone (`Esc` there shows them all again), `U`
//! fetches the feeds.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::t;
use crate::tui::action::Action;
use crate::tui::go::Go;
use crate::tui::session::Session;
use crate::tui::widgets::draw::{self, Ctx};

/// One feed and its articles' counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedRow {
    pub name: String,
    /// Where its articles are saved.
    pub folder: PathBuf,
    pub total: usize,
    /// Never opened.
    pub unread: usize,
}

/// State of the feeds screen.
#[derive(Clone, Debug, Default)]
pub struct FeedsView {
    pub rows: Vec<FeedRow>,
    pub selected: usize,
}

impl FeedsView {
    /// The feeds of the config, counted in the collection shown.
    pub fn new(cx: &Session) -> Self {
        let Some(setup) = &cx.feeds else {
            return FeedsView::default();
        };
        let root = setup.config.collection.clone().unwrap_or_default();
        let entries = cx.collection.as_ref().map_or(&[][..], |c| &c.entries[..]);
        let rows = setup
            .config
            .feeds
            .iter()
            .map(|f| {
                let folder = root.join(crate::feeds::feed_folder(f));
                let mine = entries.iter().filter(|e| e.path.starts_with(&folder));
                let (total, unread) = mine.fold((0, 0), |(t, u), e| {
                    (t + 1, u + usize::from(!cx.reading.contains_key(&e.path)))
                });
                FeedRow {
                    name: f.name.clone(),
                    folder,
                    total,
                    unread,
                }
            })
            .collect();
        FeedsView { rows, selected: 0 }
    }

    /// Applies an action of the feeds screen.
    pub fn update(&mut self, action: Action, _cx: &mut Session) -> Go {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Back => return Go::Back,
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::First => self.selected = 0,
            Action::Last => self.selected = last,
            Action::Open => {
                if let Some(row) = self.rows.get(self.selected) {
                    return Go::ShowFeed {
                        name: row.name.clone(),
                        folder: row.folder.clone(),
                    };
                }
            }
            Action::UpdateFeeds => return Go::UpdateFeeds,
            _ => {}
        }
        Go::Stay
    }

    /// Draws a row per feed: its name, then its counts at the other end.
    pub fn draw(&self, buf: &mut Buffer, area: Rect, ctx: &Ctx<'_>) {
        if self.rows.is_empty() {
            let (line, rtl) = draw::one_line(
                &t!(ctx.msgs, "feeds-screen-empty"),
                usize::from(area.width.saturating_sub(4)),
                ctx.chrome(),
                ctx.visual,
            );
            let rect = Rect::new(area.x + 2, area.y, area.width.saturating_sub(4), 1);
            draw::line(buf, rect, area.y, &line, rtl && ctx.rtl(), ctx.styles.dim);
            return;
        }
        let height = usize::from(area.height).max(1);
        let offset = (self.selected + 1).saturating_sub(height);
        let mirrored = ctx.align_right();
        for (n, row) in self.rows.iter().enumerate().skip(offset).take(height) {
            let y = area.y + (n - offset) as u16;
            let style = if n == self.selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), ctx.styles.selected);
                ctx.styles.selected
            } else {
                ctx.styles.text
            };
            let counts = t!(
                ctx.msgs,
                "feeds-screen-counts",
                unread = row.unread,
                total = row.total
            );
            let (counts, _) = draw::one_line(&counts, usize::MAX, ctx.chrome(), ctx.visual);
            let cw = counts.width as u16;
            let name_w = area.width.saturating_sub(cw + 6);
            let (name, rtl) =
                draw::one_line(&row.name, usize::from(name_w), ctx.options, ctx.visual);
            // The name where the interface's reading starts, the counts at the other end.
            let (name_x, counts_x) = if mirrored {
                (area.x + area.width - name_w - 2, area.x + 2)
            } else {
                (area.x + 2, area.x + area.width.saturating_sub(cw + 2))
            };
            draw::line(
                buf,
                Rect::new(name_x, y, name_w, 1),
                y,
                &name,
                rtl || mirrored,
                style,
            );
            let counts_style = if n == self.selected {
                style
            } else {
                ctx.styles.accent
            };
            draw::line(
                buf,
                Rect::new(counts_x, y, cw, 1),
                y,
                &counts,
                false,
                counts_style,
            );
            if ctx.rtl() {
                draw::chrome_mark(buf, area.x, y, ctx);
            } else {
                draw::ltr_mark(buf, area.x, y, ctx);
                draw::ltr_mark(buf, counts_x, y, ctx);
            }
        }
    }
}
