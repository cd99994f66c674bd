//! One result of a search of the collection: its article, its rank and the excerpt its
//! snippet is cut from. Ranking needs no file opened when the index scores the matches; the
//! excerpt does, so it is read only for results about to be seen: the first screenfuls before
//! the results appear, the others as they scroll into view (see [`read_unread`]). Thousands of
//! matches then cost no more than the few on screen.

use std::ops::Range;
use std::sync::Arc;

use super::fit::Fit;
use crate::collection::{Article, BlockIndex, Collection, CollectionError};
use crate::search::{ParagraphHits, Query, Score, hits_in};
use crate::tui::snippet;

/// One matching article.
#[derive(Clone, Debug)]
pub struct ResultItem {
    /// Index into the collection's entries.
    pub entry: usize,
    pub title_match: bool,
    /// How many matches; 0 until counted (a result ranked from the index's lists alone is
    /// counted when its excerpt is read).
    pub hits: usize,
    /// Its relevance (see [`Score`]).
    pub rank: f32,
    /// The paragraph the snippet is cut from, once read.
    pub excerpt: Excerpt,
    /// The piece of the excerpt shown, fitted to the width it is drawn in, and the matches in
    /// it (byte ranges of the snippet). Empty until the excerpt is read.
    pub snippet: String,
    pub marks: Vec<Range<usize>>,
}

/// A result's excerpt: see [`excerpt`].
#[derive(Clone, Debug, Default)]
pub enum Excerpt {
    /// Not read yet: the article is opened when its result is about to be seen.
    #[default]
    Unread,
    /// The paragraph and the matches in it (byte ranges of it).
    Read {
        text: String,
        hits: Vec<Range<usize>>,
    },
    /// The article could not be opened (removed or damaged since the index read it): the
    /// result stays in its place, where opening it says why it cannot be read.
    Unreadable(Arc<CollectionError>),
}

impl ResultItem {
    /// A result ranked by the index, its excerpt not read yet.
    pub fn unread(entry: usize, score: Score) -> Self {
        ResultItem {
            entry,
            title_match: score.title,
            hits: score.hits,
            rank: score.rank,
            excerpt: Excerpt::Unread,
            snippet: String::new(),
            marks: Vec::new(),
        }
    }

    /// A result found by opening its article, with the article's hits, its snippet fitted to
    /// `fit`.
    pub fn scanned(entry: usize, article: Article, hits: Vec<ParagraphHits>, fit: Fit) -> Self {
        let mut item = Self::unread(entry, Score::default());
        item.count(&hits);
        item.excerpt = excerpt(article, hits);
        item.fit(fit);
        item
    }

    /// Counts the matches from the article's `hits`.
    fn count(&mut self, hits: &[ParagraphHits]) {
        self.title_match = hits.iter().any(|p| p.block == BlockIndex::TITLE);
        self.hits = hits.iter().map(|p| p.hits.len()).sum();
    }

    /// The text of the excerpt, when it was read.
    pub fn excerpt_text(&self) -> Option<&str> {
        match &self.excerpt {
            Excerpt::Read { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Cuts the snippet from the excerpt to `fit`.
    pub fn fit(&mut self, fit: Fit) {
        if let Excerpt::Read { text, hits } = &self.excerpt {
            (self.snippet, self.marks) = snippet::fit(text, hits, fit.width, fit.options);
        }
    }
}

/// Reads the excerpts of those of `items` that are unread (on all cores) and fits their
/// snippets to `fit`: `query` is found in each article opened.
pub fn read_unread(items: &mut [ResultItem], collection: &Collection, query: &Query, fit: Fit) {
    let unread: Vec<usize> = (0..items.len())
        .filter(|&i| matches!(items[i].excerpt, Excerpt::Unread))
        .collect();
    let read = crate::parallel::map(&unread, |&i| {
        let entry = &collection.entries[items[i].entry];
        match collection.open(entry) {
            Ok(article) => {
                // An article changed since the index read it may no longer match: its first
                // paragraph then, as for a title-only match.
                let hits = hits_in(&article, query).unwrap_or_default();
                let counted = (
                    hits.iter().any(|p| p.block == BlockIndex::TITLE),
                    hits.iter().map(|p| p.hits.len()).sum::<usize>(),
                );
                (excerpt(article, hits), Some(counted))
            }
            Err(e) => (Excerpt::Unreadable(Arc::new(e)), None),
        }
    });
    for (i, (excerpt, counted)) in unread.into_iter().zip(read) {
        if let Some((title, hits)) = counted
            && items[i].hits == 0
        {
            (items[i].title_match, items[i].hits) = (title, hits);
        }
        items[i].excerpt = excerpt;
        items[i].fit(fit);
    }
}

/// The paragraph a result's snippet is cut from, with its hits: the first paragraph that holds
/// every term, else the one with the most hits (the first of those). Never the title, which is
/// on the row above: when only the title matches, the article's first paragraph, without hits,
/// as its lede says what the article is about (an empty row would look like a fault), or
/// nothing when it has no paragraph.
fn excerpt(article: Article, hits: Vec<ParagraphHits>) -> Excerpt {
    let paragraphs = hits.into_iter().filter(|p| p.block != BlockIndex::TITLE);
    let (every, some): (Vec<_>, Vec<_>) = paragraphs.partition(|p| p.all_terms);
    let best = every.into_iter().next().or_else(|| {
        some.into_iter()
            .min_by_key(|p| std::cmp::Reverse(p.hits.len()))
    });
    match best {
        Some(p) => Excerpt::Read {
            text: p.text,
            hits: p.hits.into_iter().map(|h| h.range).collect(),
        },
        None => Excerpt::Read {
            text: article.paragraphs.into_iter().next().unwrap_or_default(),
            hits: Vec::new(),
        },
    }
}
