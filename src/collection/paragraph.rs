//! The two ways an article's text is numbered, kept apart by the compiler. A [`ParagraphNo`] is
//! what users see and bookmarks keep: paragraphs counted from 1, the title not one of them. A
//! [`BlockIndex`] is how the layout and search walk an article: the title is block 0 and
//! paragraph k is block k. Indices into `Article::paragraphs` (from 0) only appear inside
//! these conversions.

use std::fmt;
use std::num::NonZeroUsize;

use super::Article;

/// A paragraph as users see it, numbered from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct ParagraphNo(NonZeroUsize);

impl ParagraphNo {
    pub const FIRST: ParagraphNo = ParagraphNo(NonZeroUsize::MIN);

    /// Paragraph `n` (None for 0).
    pub fn new(n: usize) -> Option<Self> {
        NonZeroUsize::new(n).map(ParagraphNo)
    }

    /// The paragraph at `index` (from 0) of `Article::paragraphs`.
    pub fn from_index(index: usize) -> Self {
        ParagraphNo(NonZeroUsize::MIN.saturating_add(index))
    }

    /// Its number, from 1.
    pub fn get(self) -> usize {
        self.0.get()
    }

    /// Its index (from 0) in `Article::paragraphs`.
    pub fn index(self) -> usize {
        self.0.get() - 1
    }

    /// The paragraph `delta` away, kept within the first and `last`.
    #[must_use]
    pub fn moved(self, delta: isize, last: ParagraphNo) -> Self {
        ParagraphNo::from_index(self.index().saturating_add_signed(delta).min(last.index()))
    }

    /// The block it is laid out as.
    pub fn block(self) -> BlockIndex {
        BlockIndex(self.get())
    }
}

impl fmt::Display for ParagraphNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A block of an article: 0 is the title, k is paragraph k.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct BlockIndex(pub usize);

impl BlockIndex {
    pub const TITLE: BlockIndex = BlockIndex(0);

    /// The paragraph it is, or None for the title.
    pub fn paragraph(self) -> Option<ParagraphNo> {
        ParagraphNo::new(self.0)
    }
}

impl fmt::Display for BlockIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Article {
    /// The title, then each paragraph: the blocks in order.
    pub fn blocks(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str()).chain(self.paragraphs.iter().map(String::as_str))
    }

    /// The text of `block`.
    pub fn block(&self, block: BlockIndex) -> Option<&str> {
        match block.paragraph() {
            None => Some(&self.title),
            Some(p) => self.paragraph(p),
        }
    }

    /// The text of paragraph `p`.
    pub fn paragraph(&self, p: ParagraphNo) -> Option<&str> {
        self.paragraphs.get(p.index()).map(String::as_str)
    }

    /// The last paragraph; None when the article has only a title.
    pub fn last_paragraph(&self) -> Option<ParagraphNo> {
        self.paragraphs
            .len()
            .checked_sub(1)
            .map(ParagraphNo::from_index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_indices_and_blocks() {
        let p = ParagraphNo::new(3).unwrap();
        assert_eq!((p.get(), p.index(), p.block()), (3, 2, BlockIndex(3)));
        assert_eq!(ParagraphNo::from_index(0), ParagraphNo::FIRST);
        assert_eq!(ParagraphNo::new(0), None);
        assert_eq!(BlockIndex::TITLE.paragraph(), None);
        assert_eq!(BlockIndex(2).paragraph(), ParagraphNo::new(2));
        let last = ParagraphNo::new(4).unwrap();
        assert_eq!(p.moved(5, last), last);
        assert_eq!(p.moved(-7, last), ParagraphNo::FIRST);
        assert_eq!(serde_json::to_string(&p).unwrap(), "3");
    }

    #[test]
    fn an_article_by_blocks() {
        let a = Article {
            path: "a.txt".into(),
            title: "عنوان".into(),
            paragraphs: vec!["أول".into(), "ثان".into()],
            meta: crate::collection::Meta::default(),
            encoding: "UTF-8".into(),
        };
        assert_eq!(a.blocks().collect::<Vec<_>>(), ["عنوان", "أول", "ثان"]);
        assert_eq!(a.block(BlockIndex(2)), Some("ثان"));
        assert_eq!(a.paragraph(ParagraphNo::FIRST), Some("أول"));
        assert_eq!(a.last_paragraph(), ParagraphNo::new(2));
    }
}
