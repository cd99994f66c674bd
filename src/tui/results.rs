//! Searching the whole collection from the library: a background job (the index brought up to
//! date, then the candidates read for their hits) that the screen polls, so the screen stays
//! responsive and Esc cancels; and the results screen: matching articles best first (title
//! matches, then more matches), each with its title and a one-line snippet of its best
//! paragraph around the first match there, fitted to the screen's width, the matches
//! highlighted.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{Go, Session};
use super::draw::{self, Ctx};
use super::prompt::{Prompt, PromptFor};
use super::snippet;
use crate::collection::{Article, BlockIndex, Collection, Entry, Progress};
use crate::search::{ParagraphHits, Query, hits_in};
use crate::text::Options;

/// One matching article.
#[derive(Clone, Debug)]
pub struct ResultItem {
    /// Index into the collection's entries.
    pub entry: usize,
    pub title_match: bool,
    pub hits: usize,
    /// The paragraph the snippet is cut from (see [`excerpt`]), and the matches in it (byte
    /// ranges of it).
    pub excerpt: String,
    pub excerpt_hits: Vec<Range<usize>>,
    /// The piece of the excerpt shown, fitted to the width it is drawn in, and the matches in
    /// it (byte ranges of the snippet).
    pub snippet: String,
    pub marks: Vec<Range<usize>>,
}

impl ResultItem {
    /// Cuts the snippet from the excerpt to `fit`.
    fn fit(&mut self, fit: Fit) {
        (self.snippet, self.marks) =
            snippet::fit(&self.excerpt, &self.excerpt_hits, fit.width, fit.options);
    }
}

/// What the snippets are fitted to: the width they are drawn in and the layout options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    pub width: usize,
    pub options: Options,
}

impl Fit {
    /// The snippets' fit on a screen `screen_width` cells wide.
    pub fn new(screen_width: u16, options: Options) -> Self {
        let (_, width) = text_column(Rect::new(0, 0, screen_width, 1));
        Fit {
            width: usize::from(width),
            options,
        }
    }
}

/// A search of the collection running in a thread.
pub struct SearchJob {
    pub query: String,
    pub progress: Arc<Progress>,
    /// What the results' snippets are fitted to.
    pub fit: Fit,
    cancel: Arc<AtomicBool>,
    results: mpsc::Receiver<Result<Vec<ResultItem>, String>>,
}

impl SearchJob {
    /// Starts searching `collection` for `query`, with the index at `index_file` if any, the
    /// snippets fitted to `fit`.
    pub fn start(
        collection: Arc<Collection>,
        query: &str,
        index_file: Option<PathBuf>,
        fit: Fit,
    ) -> Self {
        let (send, results) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let cancel = Arc::new(AtomicBool::new(false));
        let (p, c, q) = (Arc::clone(&progress), Arc::clone(&cancel), query.to_owned());
        std::thread::spawn(move || {
            let _ = send.send(search(&collection, &q, index_file.as_deref(), fit, &p, &c));
        });
        SearchJob {
            query: query.to_owned(),
            progress,
            fit,
            cancel,
            results,
        }
    }

    /// The results, once they are there.
    pub fn poll(&self) -> Option<Result<Vec<ResultItem>, String>> {
        self.results.try_recv().ok()
    }
}

impl Drop for SearchJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

fn search(
    collection: &Collection,
    query: &str,
    index_file: Option<&std::path::Path>,
    fit: Fit,
    progress: &Progress,
    cancel: &AtomicBool,
) -> Result<Vec<ResultItem>, String> {
    let q = Query::parse(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let candidates = crate::search::find(collection, &q, index_file, progress)
        .map_err(|e| e.to_string())?
        .entries;
    progress.total.store(candidates.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    // The candidates are read and ranked on every core; each takes the next when free.
    let found = crate::parallel::map(&candidates, |&i| {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        progress.done.fetch_add(1, Ordering::Relaxed);
        let entry: &Entry = &collection.entries[i];
        let article = collection.open(entry).ok()?;
        let hits = hits_in(&article, &q)?;
        let title_match = hits.iter().any(|p| p.block == BlockIndex::TITLE);
        let count = hits.iter().map(|p| p.hits.len()).sum();
        let (excerpt, excerpt_hits) = excerpt(article, hits);
        let mut item = ResultItem {
            entry: i,
            title_match,
            hits: count,
            excerpt,
            excerpt_hits,
            snippet: String::new(),
            marks: Vec::new(),
        };
        item.fit(fit);
        Some(item)
    });
    if cancel.load(Ordering::Relaxed) {
        return Err("cancelled".to_owned());
    }
    let mut items: Vec<ResultItem> = found.into_iter().flatten().collect();
    items.sort_by(|a, b| {
        b.title_match
            .cmp(&a.title_match)
            .then(b.hits.cmp(&a.hits))
            .then_with(|| {
                collection.entries[a.entry]
                    .title
                    .cmp(&collection.entries[b.entry].title)
            })
    });
    Ok(items)
}

/// The paragraph a result's snippet is cut from, with its hits: the first paragraph that holds
/// every term, else the one with the most hits (the first of those). Never the title, which is
/// on the row above: when only the title matches, the article's first paragraph, without hits,
/// as its lede says what the article is about (an empty row would look like a fault), or
/// nothing when it has no paragraph.
fn excerpt(article: Article, hits: Vec<ParagraphHits>) -> (String, Vec<Range<usize>>) {
    let paragraphs = hits.into_iter().filter(|p| p.block != BlockIndex::TITLE);
    let (every, some): (Vec<_>, Vec<_>) = paragraphs.partition(|p| p.all_terms);
    let best = every.into_iter().next().or_else(|| {
        some.into_iter()
            .min_by_key(|p| std::cmp::Reverse(p.hits.len()))
    });
    match best {
        Some(p) => (p.text, p.hits.into_iter().map(|h| h.range).collect()),
        None => (
            article.paragraphs.into_iter().next().unwrap_or_default(),
            Vec::new(),
        ),
    }
}

/// The results screen.
#[derive(Clone, Debug)]
pub struct ResultsView {
    pub query: String,
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
            Action::Bookmarks => return super::bookmarks::open(cx),
            Action::Open => return self.open(cx),
            // The paragraph the snippet comes from, whole, in reading order.
            Action::Copy => {
                if let Some(item) = self.items.get(self.selected)
                    && !item.excerpt.is_empty()
                {
                    cx.copy(item.excerpt.clone());
                }
            }
            _ => {}
        }
        Go::Stay
    }

    /// Opens the selected result at its first match, highlights on.
    fn open(&self, cx: &mut Session) -> Go {
        let Some(item) = self.items.get(self.selected) else {
            return Go::Stay;
        };
        let entry = item.entry;
        let article = cx
            .collection
            .as_ref()
            .and_then(|c| c.entries.get(entry).map(|e| c.open(e)));
        match article {
            Some(Ok(article)) => {
                let mut view = cx.show_article(article, false);
                view.find(&self.query);
                Go::Read(Box::new(view))
            }
            Some(Err(e)) => {
                cx.message = Some(cx.settings.msgs.collection_error(&e));
                Go::Stay
            }
            None => Go::Stay,
        }
    }

    /// Moves the selection by `delta` items, keeping it within the `rows` shown (two rows each).
    pub fn step(&mut self, delta: isize, rows: usize) {
        let last = self.items.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        let shown = (rows / 2).max(1);
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
            let (line, rtl) =
                draw::one_line(&item.snippet, usize::from(width), ctx.options, ctx.visual);
            let row2 = Rect::new(x, y + 1, width, 1);
            draw::line(buf, row2, y + 1, &line, rtl, ctx.styles.text);
            let marks: Vec<(Range<usize>, bool)> =
                item.marks.iter().map(|m| (m.clone(), false)).collect();
            draw::highlight(buf, row2, y + 1, &line, rtl, &marks, ctx.styles);
        }
    }
}

/// The column of the titles and snippets in `area`: its x and width. The hit count takes the
/// first two cells and the third stays blank, so that a title that fills its row (a right-aligned
/// Arabic one) never touches the count; two cells stay free on the right.
fn text_column(area: Rect) -> (u16, u16) {
    (area.x + 3, area.width.saturating_sub(5))
}
