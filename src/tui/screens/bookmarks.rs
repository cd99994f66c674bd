//! The bookmarks screen: every bookmark grouped by article, with the article title, the
//! paragraph's excerpt laid out by the engine, its note and when it was made; orphaned ones say
//! so. `/` filters (the same Arabic-aware matching as search), `d` deletes, `u` undoes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::search::{Query, normalize};
use crate::store::Bookmark;
use crate::t;
use crate::tui::action::Action;
use crate::tui::go::Go;
use crate::tui::keymap::Scope;
use crate::tui::prompt::{Prompt, PromptFor};
use crate::tui::session::Session;
use crate::tui::widgets::draw::{self, Ctx};

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

/// The bookmarks screen, shown at once as the state database has them (None, and a message,
/// when there is no state database or it cannot be read). Re-attaching them to their
/// paragraphs reads and hashes every bookmarked article: the app does it in the background
/// ([`crate::store::reattach`]) and hands the result to [`BookmarksView::reattached`].
pub fn open(cx: &mut Session) -> Option<BookmarksView> {
    let Some(store) = &mut cx.store else {
        cx.message = Some(t!(cx.settings.msgs, "no-state-database"));
        return None;
    };
    match store.bookmarks() {
        Ok(all) => Some(BookmarksView::new(all)),
        Err(e) => {
            cx.message = Some(t!(
                cx.settings.msgs,
                "bookmarks-unavailable",
                error = e.to_string()
            ));
            None
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
                let msgs = &cx.settings.msgs;
                if let (Some(gone), Some(store)) = (self.take_selected(), &mut cx.store) {
                    cx.message = Some(match store.remove_bookmark(gone.id) {
                        Ok(_) => t!(msgs, "bookmark-deleted", key = undo),
                        Err(e) => t!(msgs, "not-deleted", error = e.to_string()),
                    });
                }
            }
            Action::Undo => {
                let msgs = &cx.settings.msgs;
                if let (Some(back), Some(store)) = (self.undo(), &mut cx.store) {
                    cx.message = Some(match store.restore_bookmark(&back) {
                        Ok(()) => t!(msgs, "bookmark-restored"),
                        Err(e) => t!(msgs, "not-restored", error = e.to_string()),
                    });
                }
            }
            Action::Open => return self.jump(),
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
    fn jump(&self) -> Go {
        match self.current() {
            Some(bm) => Go::OpenAt {
                path: bm.path.clone(),
                paragraph: bm.paragraph,
            },
            None => Go::Stay,
        }
    }

    /// Takes in the bookmarks as re-attached in the background (`fresh`, read when the screen
    /// opened): those deleted meanwhile stay deleted, those put back stay, and the selection
    /// stays on its bookmark.
    pub fn reattached(&mut self, fresh: Vec<Bookmark>) {
        let selected = self.current().map(|b| b.id);
        let mut all: Vec<Bookmark> = fresh
            .into_iter()
            .filter(|b| self.all.iter().any(|x| x.id == b.id))
            .collect();
        for b in &self.all {
            if !all.iter().any(|x| x.id == b.id) {
                all.push(b.clone());
            }
        }
        all.sort_by(|a, b| (&a.path, a.paragraph, a.id).cmp(&(&b.path, b.paragraph, b.id)));
        self.all = all;
        self.apply_filter();
        if let Some(at) = self
            .shown
            .iter()
            .position(|&i| Some(self.all[i].id) == selected)
        {
            self.selected = at;
        }
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
                let key = ctx
                    .keymap
                    .key_for(Action::ToggleBookmark, Scope::Reader)
                    .unwrap_or_default();
                t!(ctx.msgs, "bookmarks-empty", key = key)
            } else {
                t!(ctx.msgs, "bookmarks-no-match", filter = &self.filter)
            };
            let (empty, rtl) = draw::one_line(
                &text,
                usize::from(area.width.saturating_sub(4)),
                ctx.chrome(),
                ctx.visual,
            );
            draw::line(
                buf,
                Rect::new(area.x + 2, area.y, area.width.saturating_sub(4), 1),
                area.y,
                &empty,
                rtl && ctx.rtl(),
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
                        t!(ctx.msgs, "bookmark-label-orphaned", paragraph = b.paragraph)
                    } else {
                        t!(ctx.msgs, "bookmark-label", paragraph = b.paragraph)
                    };
                    // The margin where the reader's text begins: the left, or the right in
                    // Arabic; three cells at most.
                    let (margin, _) = draw::one_line(&label, 3, ctx.chrome(), ctx.visual);
                    let margin_x = if ctx.rtl() {
                        (area.x + area.width).saturating_sub(margin.width as u16)
                    } else {
                        area.x
                    };
                    let at = Rect::new(margin_x, y, 3, 1);
                    draw::line(buf, at, y, &margin, false, style);
                    let (t, rtl) =
                        draw::one_line(&b.excerpt, usize::from(width), ctx.options, ctx.visual);
                    draw::line(buf, line, y, &t, rtl, style);
                }
                Row::Note(k) => {
                    let b = &self.all[self.shown[k]];
                    let when = ctx.msgs.day(ctx.clock.day(b.created));
                    let (msgs, note) = (ctx.msgs, &b.note);
                    let text = match (b.orphaned, b.note.is_empty()) {
                        (true, true) => t!(msgs, "bookmark-when-orphaned", when = when),
                        (true, false) => {
                            t!(
                                msgs,
                                "bookmark-when-orphaned-note",
                                when = when,
                                note = note
                            )
                        }
                        (false, true) => when,
                        (false, false) => {
                            t!(msgs, "bookmark-when-note", when = when, note = note)
                        }
                    };
                    // The interface's line (a date, a note): in the chrome's direction.
                    let options = if ctx.rtl() { ctx.chrome() } else { ctx.options };
                    let (t, rtl) = draw::one_line(&text, usize::from(width), options, ctx.visual);
                    draw::line(buf, line, y, &t, rtl, ctx.styles.dim);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Messages, Ymd};

    #[test]
    fn dates() {
        let m = Messages::default();
        assert_eq!(m.day(Ymd::from_unix(0)), "1970-01-01");
        assert_eq!(m.day(Ymd::from_unix(1_795_943_386)), "2026-11-29");
        assert_eq!(m.day(Ymd::from_unix(951_782_400)), "2000-02-29");
    }
}
