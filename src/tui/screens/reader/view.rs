//! The reader's state: the article, its layout at the column's width, the page shown, the
//! paragraph cursor, the search, the bookmarks and the selection; and what can be read off it
//! (the page, whether the end is shown, which paragraphs are selected). Moving, searching,
//! acting and drawing are the other files of this folder.

use crate::collection::{Article, BlockIndex, ParagraphNo};
use crate::page::{ArticleLayout, Row};
use crate::store::Bookmark;
use crate::text::{Direction, Options};
use crate::tui::find::ArticleSearch;

/// State of the reader screen.
#[derive(Clone, Debug)]
pub struct ReaderView {
    pub article: Article,
    pub layout: ArticleLayout,
    /// The first row shown. Pages start at multiples of the height, except after the cursor
    /// moved to a paragraph that did not fit whole: then the text scrolls just enough.
    pub top: usize,
    /// The paragraph under the cursor (the first when there is none).
    pub cursor: ParagraphNo,
    /// Rows of text on a page.
    pub height: usize,
    /// The search in this article, if any.
    pub search: Option<ArticleSearch>,
    /// The article's bookmarks (paragraphs numbered from 1).
    pub bookmarks: Vec<Bookmark>,
    /// How the article's paragraphs take their direction (the settings', or the article's own
    /// choice made with the key that cycles it).
    pub options: Options,
    /// The direction chosen for this article with that key, kept with the reading position.
    pub chosen: Option<Direction>,
    /// Where a selection of paragraphs started (`v`), the cursor being its other end.
    pub selection: Option<ParagraphNo>,
    /// Rows (of the layout) being dragged over with the mouse: where it started, where it is.
    pub drag: Option<(usize, usize)>,
}

impl ReaderView {
    pub fn new(article: Article, width: usize, height: usize, options: Options) -> Self {
        let layout = ArticleLayout::new(&article, width, options);
        ReaderView {
            article,
            layout,
            top: 0,
            cursor: ParagraphNo::FIRST,
            height: height.max(1),
            search: None,
            bookmarks: Vec::new(),
            options,
            chosen: None,
            selection: None,
            drag: None,
        }
        .with_search_ready()
    }

    fn with_search_ready(mut self) -> Self {
        self.search = Some(ArticleSearch::prepare(&self.article));
        self
    }

    /// The page shown (from 0): the last one once the end of the text is on screen.
    pub fn page(&self) -> usize {
        if self.at_end() {
            self.pages() - 1
        } else {
            self.top / self.height
        }
    }

    /// The last row of the text is on screen.
    pub fn at_end(&self) -> bool {
        self.top + self.height >= self.layout.rows.len()
    }

    pub fn pages(&self) -> usize {
        self.layout.pages(self.height)
    }

    /// The article reads right to left: most of its paragraphs do. Left and Right page the way
    /// such a reader expects.
    pub fn reads_rtl(&self) -> bool {
        let rtl = self
            .layout
            .blocks
            .iter()
            .filter(|b| b.prepared.is_rtl())
            .count();
        2 * rtl > self.layout.blocks.len()
    }

    /// Where the page starts within the cursor's paragraph, as a byte offset (0 when the page
    /// starts at or before the paragraph): saved, so that a long paragraph reopens mid-way.
    pub fn offset_at_top(&self) -> usize {
        match self.layout.rows.get(self.top) {
            Some(Row::Line { block, line }) if *block == self.cursor.block() => self
                .layout
                .block(*block)
                .and_then(|b| b.lines.get(*line).map(|l| l.bytes(&b.prepared).start))
                .unwrap_or(0),
            _ => 0,
        }
    }

    /// The bookmark on the paragraph under the cursor.
    pub fn bookmark_here(&self) -> Option<&Bookmark> {
        self.bookmarks
            .iter()
            .find(|b| !b.orphaned && b.paragraph == self.cursor)
    }

    /// The paragraphs selected, first and last: from where `v` was pressed to the cursor, or
    /// the cursor's paragraph alone.
    pub fn selected(&self) -> (ParagraphNo, ParagraphNo) {
        let anchor = self.selection.unwrap_or(self.cursor);
        (anchor.min(self.cursor), anchor.max(self.cursor))
    }

    /// Row `row` (of block `block`) is in the selection or under a drag.
    pub(super) fn is_selected(&self, row: usize, block: BlockIndex) -> bool {
        if let Some((a, b)) = self.drag {
            return (a.min(b)..=a.max(b)).contains(&row);
        }
        self.selection.is_some() && {
            let (from, to) = self.selected();
            (from.block()..=to.block()).contains(&block)
        }
    }
}
