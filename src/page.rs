//! An article laid out for reading at one width: its title and paragraphs prepared and wrapped
//! once, as rows (a line of a paragraph, or the blank row between paragraphs), cut into pages.
//! Drawing a page lays out only the rows it shows, so turning a page costs the same in a short
//! article and a long one. Positions are paragraphs and byte offsets, never rows: a new width
//! makes a new layout and the reader finds its paragraph again.

use crate::collection::{Article, BlockIndex};
use crate::text::{Direction, Line, Options, Prepared, Scratch, majority};

/// One row of the reading column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Line `line` of block `block` (block 0 is the title, block k is paragraph k).
    Line {
        block: BlockIndex,
        line: usize,
    },
    Blank,
}

/// A block (the title or a paragraph), prepared and wrapped.
#[derive(Clone, Debug)]
pub struct Block {
    pub prepared: Prepared,
    pub lines: Vec<Line>,
    /// Its first row.
    pub first_row: usize,
}

/// An article laid out at one width.
#[derive(Clone, Debug)]
pub struct ArticleLayout {
    pub width: usize,
    pub blocks: Vec<Block>,
    pub rows: Vec<Row>,
}

impl ArticleLayout {
    pub fn new(article: &Article, width: usize, options: Options) -> Self {
        let mut scratch = Scratch::default();
        let mut blocks = Vec::with_capacity(article.paragraphs.len() + 1);
        let mut rows = Vec::new();
        let article_majority = (options.direction == Direction::Majority)
            .then(|| {
                let all: Vec<&str> = std::iter::once(article.title.as_str())
                    .chain(article.paragraphs.iter().map(String::as_str))
                    .collect();
                majority(&all.concat())
            })
            .flatten();
        for (i, text) in article.blocks().enumerate() {
            let block = BlockIndex(i);
            if block != BlockIndex::TITLE {
                rows.push(Row::Blank);
            }
            // The reader's rule: most strong letters decide, a tie goes to the article's own
            // majority, and only then to the first strong letter.
            let direction = match options.direction {
                Direction::Majority => majority(text)
                    .or(article_majority)
                    .unwrap_or(Direction::Auto),
                other => other,
            };
            let options = Options {
                direction,
                ..options
            };
            let prepared = Prepared::with_scratch(text, options, &mut scratch);
            let lines = prepared.wrap(text, width);
            let first_row = rows.len();
            rows.extend((0..lines.len()).map(|line| Row::Line { block, line }));
            blocks.push(Block {
                prepared,
                lines,
                first_row,
            });
        }
        ArticleLayout {
            width,
            blocks,
            rows,
        }
    }

    /// The laid-out block `block`.
    pub fn block(&self, block: BlockIndex) -> Option<&Block> {
        self.blocks.get(block.0)
    }

    /// How many pages of `height` rows.
    pub fn pages(&self, height: usize) -> usize {
        self.rows.len().div_ceil(height.max(1)).max(1)
    }

    /// The page of `height` rows on which block `block` starts.
    pub fn page_of_block(&self, block: BlockIndex, height: usize) -> usize {
        self.block(block).map_or(0, |b| b.first_row / height.max(1))
    }

    /// The block shown at `row` (a blank row belongs to the block after it).
    pub fn block_at(&self, row: usize) -> BlockIndex {
        match self.rows.get(row) {
            Some(Row::Line { block, .. }) => *block,
            Some(Row::Blank) => self.block_at(row + 1),
            None => BlockIndex(self.blocks.len().saturating_sub(1)),
        }
    }

    /// The rows of page `page`.
    pub fn page_rows(&self, page: usize, height: usize) -> &[Row] {
        self.rows_from(page * height, height)
    }

    /// `height` rows from row `top` (fewer at the end).
    pub fn rows_from(&self, top: usize, height: usize) -> &[Row] {
        let start = top.min(self.rows.len());
        let end = (start + height).min(self.rows.len());
        &self.rows[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Meta;

    fn article(paragraphs: usize, words: usize) -> Article {
        Article {
            path: "x.txt".into(),
            title: "عنوان الخبر".into(),
            paragraphs: (0..paragraphs)
                .map(|i| format!("الفقرة {i} ").repeat(words).trim().to_owned())
                .collect(),
            meta: Meta::default(),
            encoding: "UTF-8".into(),
        }
    }

    #[test]
    fn rows_pages_and_blocks() {
        let a = article(3, 10);
        let l = ArticleLayout::new(&a, 30, Options::default());
        assert_eq!(l.blocks.len(), 4);
        assert_eq!(
            l.rows[0],
            Row::Line {
                block: BlockIndex::TITLE,
                line: 0
            }
        );
        assert_eq!(l.rows[1], Row::Blank);
        assert_eq!(l.blocks[1].first_row, 2);
        let total = 1 + 3 + l.blocks[1..].iter().map(|b| b.lines.len()).sum::<usize>();
        assert_eq!(l.rows.len(), total);
        assert_eq!(l.pages(5), total.div_ceil(5));
        assert_eq!(l.block_at(1), BlockIndex(1));
        assert_eq!(l.page_of_block(BlockIndex(2), 5), l.blocks[2].first_row / 5);
        assert!(l.page_rows(l.pages(5) - 1, 5).len() <= 5);
    }

    #[test]
    fn narrower_means_more_rows() {
        let a = article(5, 20);
        let wide = ArticleLayout::new(&a, 80, Options::default());
        let narrow = ArticleLayout::new(&a, 30, Options::default());
        assert!(narrow.rows.len() > wide.rows.len());
    }
}
