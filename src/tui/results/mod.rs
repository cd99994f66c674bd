//! Searching the whole collection from the library: the search runs as a background job
//! ([`job`]) and its results ([`item`]) appear on the results screen: matching articles best
//! first (title matches, then more matches), each with its title and a one-line snippet of its
//! best paragraph around the first match there, fitted to the screen's width, the matches
//! highlighted. Snippets need their articles opened, so the screen reads them only for the
//! results it is about to show ([`ResultsView::show`]).

mod fit;
mod item;
mod job;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::draw::{self, Ctx};
use super::go::Go;
use super::prompt::{Prompt, PromptFor};
use super::session::Session;
use crate::collection::{Collection, CollectionError, Entry};
use crate::search::Query;

pub use fit::Fit;
use fit::text_column;
pub use item::{Excerpt, ResultItem};
pub use job::SearchJob;

/// The results screen.
#[derive(Clone, Debug)]
pub struct ResultsView {
    pub query: String,
    /// The query parsed, to find in the articles whose snippets are read.
    terms: Query,
    pub items: Vec<ResultItem>,
    pub selected: usize,
    pub offset: usize,
    /// What the items' snippets are fitted to.
    fit: Fit,
}

impl ResultsView {
    /// The results of a search, their snippets fitted to `fit`.
    pub fn new(query: String, items: Vec<ResultItem>, fit: Fit) -> Self {
        ResultsView {
            terms: Query::parse(&query),
            query,
            items,
            selected: 0,
            offset: 0,
            fit,
        }
    }

    /// Fits the snippets to `fit` (after a resize) if they are not fitted to it yet.
    pub fn refit(&mut self, fit: Fit) {
        if fit != self.fit {
            self.fit = fit;
            for item in &mut self.items {
                item.fit(fit);
            }
        }
    }

    /// How many results `rows` rows show (two rows each).
    pub fn shown(rows: usize) -> usize {
        (rows / 2).max(1)
    }

    /// Reads the snippets of the results shown on `rows` rows that are not read yet: a
    /// screenful of articles at most, so the screen never waits for thousands. Call after
    /// anything that may bring results into view (a move, a resize).
    pub fn show(&mut self, collection: &Collection, rows: usize) {
        let end = self.items.len().min(self.offset + Self::shown(rows));
        let start = self.offset.min(end);
        item::read_unread(
            &mut self.items[start..end],
            collection,
            &self.terms,
            self.fit,
        );
    }

    /// Applies an action of the results screen.
    pub fn update(&mut self, action: Action, cx: &mut Session) -> Go {
        let rows = cx.body_height();
        let page = (rows / 2).max(1) as isize;
        let all = self.items.len() as isize;
        match action {
            Action::Back => return Go::Back,
            Action::Down => self.step(1, rows),
            Action::Up => self.step(-1, rows),
            Action::PageDown => self.step(page, rows),
            Action::PageUp => self.step(-page, rows),
            Action::First => self.step(-all, rows),
            Action::Last => self.step(all, rows),
            Action::Search => return Go::Prompt(Prompt::new(PromptFor::Search, String::new())),
            Action::Bookmarks => return Go::Bookmarks,
            Action::Open => return self.open(),
            // The paragraph the snippet comes from, whole, in reading order.
            Action::Copy => {
                if let Some(text) = self.items.get(self.selected).and_then(|i| i.excerpt_text())
                    && !text.is_empty()
                {
                    cx.copy(text.to_owned());
                }
            }
            _ => {}
        }
        if let Some(c) = cx.collection.clone() {
            self.show(&c, rows);
        }
        Go::Stay
    }

    /// Opens the selected result at its first match, highlights on.
    fn open(&self) -> Go {
        match self.items.get(self.selected) {
            Some(item) => Go::OpenFound {
                entry: item.entry,
                query: self.query.clone(),
            },
            None => Go::Stay,
        }
    }

    /// Moves the selection by `delta` items, keeping it within the `rows` shown (two rows each).
    pub fn step(&mut self, delta: isize, rows: usize) {
        let last = self.items.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        let shown = Self::shown(rows);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + shown {
            self.offset = self.selected + 1 - shown;
        }
    }

    /// Draws the results in `area`: per result, the hit count and the title on one row, the
    /// snippet under the title.
    pub fn draw(&self, buf: &mut Buffer, area: Rect, entries: &[Entry], ctx: &Ctx<'_>) {
        let shown = usize::from(area.height / 2);
        for (row, (k, item)) in self
            .items
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(shown)
            .enumerate()
        {
            let y = area.y + 2 * row as u16;
            let selected = k == self.selected;
            let style = if selected {
                ctx.styles.selected
            } else {
                ctx.styles.title
            };
            let (x, width) = text_column(area);
            // Mirrored in Arabic: the count at the right end, the column two cells left.
            let mirrored = ctx.align_right();
            let x = if mirrored { x - 1 } else { x };
            let inner = Rect::new(x, y, width, 1);
            let (title, rtl) = draw::one_line(
                &entries[item.entry].title,
                usize::from(width),
                ctx.options,
                ctx.visual,
            );
            draw::line(buf, inner, y, &title, rtl, style);
            // How many matches, at most two digits.
            let hits = ctx.msgs.number(item.hits.min(99));
            if mirrored {
                let right = area.x + area.width;
                buf.set_string(
                    right.saturating_sub(2),
                    y,
                    format!("{hits:<2}"),
                    ctx.styles.dim,
                );
            } else {
                buf.set_string(area.x, y, format!("{hits:>2}"), ctx.styles.dim);
            }
            let row2 = Rect::new(x, y + 1, width, 1);
            if let Excerpt::Unreadable(e) = &item.excerpt {
                // Why, under its title (the path would fill the row).
                let why = match &**e {
                    CollectionError::Unreadable { reason, .. } => ctx.msgs.skip_reason(reason),
                    other => ctx.msgs.collection_error(other),
                };
                let (line, rtl) =
                    draw::one_line(&why, usize::from(width), ctx.chrome(), ctx.visual);
                draw::line(buf, row2, y + 1, &line, rtl, ctx.styles.dim);
                continue;
            }
            let (line, rtl) =
                draw::one_line(&item.snippet, usize::from(width), ctx.options, ctx.visual);
            draw::line(buf, row2, y + 1, &line, rtl, ctx.styles.text);
            let marks: Vec<(Range<usize>, bool)> =
                item.marks.iter().map(|m| (m.clone(), false)).collect();
            draw::highlight(buf, row2, y + 1, &line, rtl, &marks, ctx.styles);
        }
    }
}
