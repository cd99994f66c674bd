//! The bookmarks screen: every bookmark grouped by article, with the article title, the
//! paragraph's excerpt laid out by the engine, its note and when it was made; orphaned ones say
//! so. `/` filters (the same Arabic-aware matching as search), `d` deletes, `u` undoes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use std::path::PathBuf;

use super::action::Action;
use super::app::{Go, Screen, Session};
use super::draw::{self, Ctx};
use super::keymap::Scope;
use super::prompt::{Prompt, PromptFor};
use crate::search::{Query, normalize};
use crate::store::Bookmark;

/// One row of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Row {
    /// An article's title (index of its first bookmark).
    Title(usize),
    /// A bookmark's excerpt, and its note/date line.
    Excerpt(usize),
    Note(usize),
}

/// State of the bookmarks screen.
#[derive(Clone, Debug, Default)]
pub struct BookmarksView {
    pub all: Vec<Bookmark>,
    pub filter: String,
    /// Indices into `all` of the bookmarks shown, in order.
    pub shown: Vec<usize>,
    pub selected: usize,
    /// Deleted bookmarks, most recent last, for undo.
    pub deleted: Vec<Bookmark>,
}

/// The bookmarks screen, every bookmark re-attached to its paragraph first.
pub fn open(cx: &mut Session) -> Go {
    let roots: Vec<PathBuf> = cx.root().into_iter().collect();
    let Some(store) = &mut cx.store else {
        cx.message = Some("no state database: bookmarks are not available".to_owned());
        return Go::Stay;
    };
    let all = store
        .bookmarks()
        .and_then(|list| crate::store::refresh(store, list, &roots));
    match all {
        Ok(all) => Go::Push(Screen::Bookmarks(Box::new(BookmarksView::new(all)))),
        Err(e) => {
            cx.message = Some(e.to_string());
            Go::Stay
        }
    }
}

impl BookmarksView {
    /// Applies an action of the bookmarks screen.
    pub fn update(&mut self, action: Action, cx: &mut Session) -> Go {
        let all = self.all.len() as isize;
        match action {
            Action::Back => return Go::Back,
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(10),
            Action::PageUp => self.step(-10),
            Action::First => self.step(-all),
            Action::Last => self.step(all),
            Action::Search => return Go::Prompt(Prompt::new(PromptFor::Filter, String::new())),
            Action::Delete => {
                let undo = cx.key(Action::Undo, Scope::Bookmarks);
                if let (Some(gone), Some(store)) = (self.take_selected(), &mut cx.store) {
                    cx.message = Some(match store.remove_bookmark(gone.id) {
                        Ok(_) => format!("bookmark deleted ({undo} undoes)"),
                        Err(e) => format!("not deleted: {e}"),
                    });
                }
            }
            Action::Undo => {
                if let (Some(back), Some(store)) = (self.undo(), &mut cx.store) {
                    cx.message = Some(match store.restore_bookmark(&back) {
                        Ok(()) => "bookmark restored".to_owned(),
                        Err(e) => format!("not restored: {e}"),
                    });
                }
            }
            Action::Open => return self.jump(cx),
            // The bookmarked paragraph as it reads now (its excerpt when it is gone).
            Action::Copy => {
                if let Some(b) = self.current() {
                    let text = crate::store::article_at(&b.path)
                        .filter(|_| !b.orphaned)
                        .and_then(|a| a.paragraph(b.paragraph).map(str::to_owned))
                        .unwrap_or_else(|| b.excerpt.clone());
                    cx.copy(text);
                }
            }
            _ => {}
        }
        Go::Stay
    }

    /// Opens the selected bookmark's article at its paragraph.
    fn jump(&self, cx: &mut Session) -> Go {
        let Some(bm) = self.current() else {
            return Go::Stay;
        };
        let Some(article) = crate::store::article_at(&bm.path) else {
            cx.message = Some(format!("{}: cannot read the article", bm.path.display()));
            return Go::Stay;
        };
        let mut view = cx.show_article(article, false);
        view.go_to_paragraph(bm.paragraph);
        Go::Read(Box::new(view))
    }

    /// Shows the bookmarks that match `filter` (empty: all of them).
    pub fn set_filter(&mut self, filter: &str) {
        filter.clone_into(&mut self.filter);
        self.apply_filter();
    }

    pub fn new(all: Vec<Bookmark>) -> Self {
        let mut v = BookmarksView {
            all,
            ..BookmarksView::default()
        };
        v.apply_filter();
        v
    }

    /// Keeps the bookmarks whose title, excerpt or note match the filter.
    pub fn apply_filter(&mut self) {
        let q = Query::parse(&self.filter);
        self.shown = (0..self.all.len())
            .filter(|&i| {
                let b = &self.all[i];
                q.is_empty()
                    || q.matches(&normalize(&format!(
                        "{}\n{}\n{}",
                        b.title, b.excerpt, b.note
                    )))
            })
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&Bookmark> {
        self.shown.get(self.selected).map(|&i| &self.all[i])
    }

    pub fn step(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Removes the selected bookmark from the list (the caller deletes it from the store).
    pub fn take_selected(&mut self) -> Option<Bookmark> {
        let &i = self.shown.get(self.selected)?;
        let b = self.all.remove(i);
        self.deleted.push(b.clone());
        self.apply_filter();
        Some(b)
    }

    /// Puts back the last deleted bookmark (the caller restores it in the store).
    pub fn undo(&mut self) -> Option<Bookmark> {
        let b = self.deleted.pop()?;
        let at = self
            .all
            .iter()
            .position(|x| (&x.path, x.paragraph, x.id) > (&b.path, b.paragraph, b.id))
            .unwrap_or(self.all.len());
        self.all.insert(at, b.clone());
        self.apply_filter();
        Some(b)
    }

    fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut last_path = None;
        for (k, &i) in self.shown.iter().enumerate() {
            let b = &self.all[i];
            if last_path != Some(&b.path) {
                rows.push(Row::Title(k));
                last_path = Some(&b.path);
            }
            rows.push(Row::Excerpt(k));
            rows.push(Row::Note(k));
        }
        rows
    }

    pub fn draw(&self, buf: &mut Buffer, area: Rect, ctx: &Ctx<'_>) {
        let rows = self.rows();
        let height = usize::from(area.height);
        let Some(sel_row) = rows.iter().position(|r| *r == Row::Excerpt(self.selected)) else {
            let text = if self.all.is_empty() {
                format!(
                    "No bookmark yet. In an article, {} bookmarks the paragraph under the cursor.",
                    ctx.keymap
                        .key_for(Action::ToggleBookmark, Scope::Reader)
                        .unwrap_or_default()
                )
            } else {
                format!("Nothing matches the filter “{}”.", self.filter)
            };
            let (t, _) = draw::one_line(
                &text,
                usize::from(area.width.saturating_sub(4)),
                ctx.chrome(),
                ctx.visual,
            );
            draw::line(
                buf,
                Rect::new(area.x + 2, area.y, area.width.saturating_sub(4), 1),
                area.y,
                &t,
                false,
                ctx.styles.dim,
            );
            return;
        };
        // Keep the selection (and its note line) on screen.
        let offset = (sel_row + 2).saturating_sub(height);
        let width = area.width.saturating_sub(6);
        for (n, row) in rows.iter().skip(offset).take(height).enumerate() {
            let y = area.y + n as u16;
            let line = Rect::new(area.x + 3, y, width, 1);
            match *row {
                Row::Title(k) => {
                    let b = &self.all[self.shown[k]];
                    let (t, rtl) =
                        draw::one_line(&b.title, usize::from(width), ctx.options, ctx.visual);
                    draw::line(buf, line, y, &t, rtl, ctx.styles.title);
                }
                Row::Excerpt(k) => {
                    let b = &self.all[self.shown[k]];
                    let style = if k == self.selected {
                        ctx.styles.selected
                    } else {
                        ctx.styles.text
                    };
                    if k == self.selected {
                        buf.set_style(Rect::new(area.x, y, area.width, 1), style);
                    }
                    let label = if b.orphaned {
                        format!("¶{}?", b.paragraph)
                    } else {
                        format!("¶{}", b.paragraph)
                    };
                    buf.set_string(
                        area.x,
                        y,
                        format!("{label:<4}").chars().take(3).collect::<String>(),
                        style,
                    );
                    let (t, rtl) =
                        draw::one_line(&b.excerpt, usize::from(width), ctx.options, ctx.visual);
                    draw::line(buf, line, y, &t, rtl, style);
                }
                Row::Note(k) => {
                    let b = &self.all[self.shown[k]];
                    let when = date(b.created);
                    let text = match (b.orphaned, b.note.is_empty()) {
                        (true, true) => {
                            format!("{when} · orphaned: the paragraph is gone from the article")
                        }
                        (true, false) => format!("{when} · orphaned · {}", b.note),
                        (false, true) => when,
                        (false, false) => format!("{when} · {}", b.note),
                    };
                    let (t, rtl) =
                        draw::one_line(&text, usize::from(width), ctx.options, ctx.visual);
                    draw::line(buf, line, y, &t, rtl, ctx.styles.dim);
                }
            }
        }
    }
}

/// A date as YYYY-MM-DD from seconds since the epoch (UTC).
fn date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_795_943_386), "2026-11-29");
        assert_eq!(date(951_782_400), "2000-02-29");
    }
}
