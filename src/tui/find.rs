//! Searching in the open article: the hits of a query over the title and every paragraph,
//! the current one, and which glyphs to highlight. The article's normalised text is made once,
//! on the first search, so later searches and every redraw are cheap.

use std::ops::Range;

use crate::collection::Article;
use crate::search::{Normalized, Query, find_in};

/// One hit: block (0 the title, k paragraph k) and original byte range in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub block: usize,
    pub range: Range<usize>,
}

/// The search state of an article.
#[derive(Clone, Debug, Default)]
pub struct ArticleSearch {
    normalized: Vec<Normalized>,
    pub query: String,
    pub hits: Vec<Found>,
    pub current: usize,
}

impl ArticleSearch {
    /// Searches `article` for `query`: every hit of every term, provided every term occurs
    /// somewhere in the article.
    pub fn run(&mut self, article: &Article, query: &str) {
        if self.normalized.is_empty() {
            self.normalized = std::iter::once(&article.title)
                .chain(&article.paragraphs)
                .map(|t| Normalized::new(t))
                .collect();
        }
        query.clone_into(&mut self.query);
        self.hits.clear();
        self.current = 0;
        let q = Query::parse(query);
        if q.is_empty()
            || !q
                .terms
                .iter()
                .all(|t| self.normalized.iter().any(|n| n.text.contains(t.as_str())))
        {
            return;
        }
        for (block, n) in self.normalized.iter().enumerate() {
            for term in &q.terms {
                let one = Query {
                    terms: vec![term.clone()],
                };
                self.hits
                    .extend(find_in(&one, n).into_iter().map(|h| Found {
                        block,
                        range: h.range,
                    }));
            }
        }
        self.hits
            .sort_by_key(|f| (f.block, f.range.start, f.range.end));
        self.hits.dedup();
    }

    /// The hits in `block`, with whether each is the current one.
    pub fn in_block(&self, block: usize) -> impl Iterator<Item = (&Range<usize>, bool)> {
        let start = self.hits.partition_point(|f| f.block < block);
        self.hits[start..]
            .iter()
            .enumerate()
            .take_while(move |(_, f)| f.block == block)
            .map(move |(i, f)| (&f.range, start + i == self.current))
    }

    pub fn current(&self) -> Option<&Found> {
        self.hits.get(self.current)
    }
}
