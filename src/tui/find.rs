//! Searching in the open article: the hits of a query over the title and every paragraph,
//! the current one, and which glyphs to highlight. The article's normalised text is made once,
//! on the first search, so later searches and every redraw are cheap.

use std::ops::Range;

use crate::collection::{Article, BlockIndex};
use crate::search::{Normalized, Query};

/// One hit: block (0 the title, k paragraph k) and original byte range in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub block: BlockIndex,
    pub range: Range<usize>,
}

/// The search state of an article. Hits are kept as normalised ranges and mapped to original
/// bytes only when shown: a long article can hold tens of thousands.
#[derive(Clone, Debug, Default)]
pub struct ArticleSearch {
    normalized: Vec<Normalized>,
    pub query: String,
    /// (block, start, end) in the block's normalised text, in order.
    hits: Vec<(u32, u32, u32)>,
    pub current: usize,
}

impl ArticleSearch {
    /// Searches `article` for `query`: every hit of every term, provided every term occurs
    /// somewhere in the article.
    pub fn run(&mut self, article: &Article, query: &str) {
        if self.normalized.is_empty() {
            *self = Self::prepare(article);
        }
        query.clone_into(&mut self.query);
        self.hits.clear();
        self.current = 0;
        let q = Query::parse(query);
        if q.is_empty() {
            return;
        }
        let finders: Vec<memchr::memmem::Finder<'_>> = q
            .terms
            .iter()
            .map(|t| memchr::memmem::Finder::new(t.as_bytes()))
            .collect();
        if !finders.iter().all(|f| {
            self.normalized
                .iter()
                .any(|n| f.find(n.text.as_bytes()).is_some())
        }) {
            return;
        }
        for (block, n) in self.normalized.iter().enumerate() {
            let before = self.hits.len();
            for f in &finders {
                let len = f.needle().len() as u32;
                self.hits.extend(
                    f.find_iter(n.text.as_bytes())
                        .map(|at| (block as u32, at as u32, at as u32 + len)),
                );
            }
            if self.finders_overlap(before) {
                self.hits[before..].sort_unstable();
            }
        }
        self.hits.dedup();
    }

    /// Normalises the article, ready for searches (done when an article opens, so that the
    /// first search costs no more than the next).
    pub fn prepare(article: &Article) -> Self {
        ArticleSearch {
            normalized: article.blocks().map(Normalized::new).collect(),
            ..ArticleSearch::default()
        }
    }

    /// Forgets the query and its hits (the normalised text stays).
    pub fn clear(&mut self) {
        self.query.clear();
        self.hits.clear();
        self.current = 0;
    }

    /// A query is in force.
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Whether the hits from `from` on came from more than one term (and need sorting).
    fn finders_overlap(&self, from: usize) -> bool {
        self.hits[from..].windows(2).any(|w| w[0] > w[1])
    }

    /// How many hits.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// Hit `i`, in original bytes.
    pub fn found(&self, i: usize) -> Option<Found> {
        let &(block, start, end) = self.hits.get(i)?;
        let n = self.normalized.get(block as usize)?;
        Some(Found {
            block: BlockIndex(block as usize),
            range: n.original(start as usize..end as usize),
        })
    }

    /// Every hit, in original bytes.
    pub fn all(&self) -> Vec<Found> {
        (0..self.hits.len()).filter_map(|i| self.found(i)).collect()
    }

    /// The hits in `block` in original bytes, with whether each is the current one.
    pub fn in_block(&self, block: BlockIndex) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
        let block = block.0;
        let start = self.hits.partition_point(|h| (h.0 as usize) < block);
        self.hits[start..]
            .iter()
            .enumerate()
            .take_while(move |(_, h)| h.0 as usize == block)
            .filter_map(move |(i, _)| {
                self.found(start + i)
                    .map(|f| (f.range, start + i == self.current))
            })
    }

    pub fn current(&self) -> Option<Found> {
        self.found(self.current)
    }
}
