//! What the library's results are ranked by: whether a term is in the title, and how many
//! matches the article holds. Counted two ways that must agree: from an article's blocks as
//! they are searched ([`Score::of_hits`], from [`hits_in`](super::hits_in)), and from the
//! normalised text the index keeps ([`Scorer`], on [`article_text`](super::article_text)), so
//! the index can rank thousands of matches without opening their files. They agree because
//! normalised text has no line breaks (white space becomes one space): the stored text's first
//! line is the title, each further line a paragraph, and no term (which has no line break
//! either) can match across two blocks.

use std::cmp::Ordering;

use memchr::memmem::Finder;

use super::query::Query;
use super::scan::ParagraphHits;
use crate::collection::BlockIndex;

/// How well an article matches a query.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Some term occurs in the title.
    pub title: bool,
    /// Occurrences of the terms, each term counted on its own, overlapping occurrences
    /// included (those of `find_in`).
    pub hits: usize,
}

impl Score {
    /// The score of an article from its hits by block, as [`hits_in`](super::hits_in) finds
    /// them.
    pub fn of_hits(hits: &[ParagraphHits]) -> Self {
        Score {
            title: hits.iter().any(|p| p.block == BlockIndex::TITLE),
            hits: hits.iter().map(|p| p.hits.len()).sum(),
        }
    }

    /// The order of results: title matches first, then more matches first, then by title
    /// (`a_title` and `b_title`).
    pub fn rank(self, a_title: &str, other: Self, b_title: &str) -> Ordering {
        other
            .title
            .cmp(&self.title)
            .then(other.hits.cmp(&self.hits))
            .then_with(|| a_title.cmp(b_title))
    }
}

/// Checks normalised article texts against a query, and scores the ones that match.
pub struct Scorer<'q> {
    finders: Vec<Finder<'q>>,
}

impl<'q> Scorer<'q> {
    pub fn new(query: &'q Query) -> Self {
        Scorer {
            finders: query
                .terms
                .iter()
                .map(|t| Finder::new(t.as_bytes()))
                .collect(),
        }
    }

    /// True when every term occurs in `text` (a normalised text, as bytes).
    pub fn matches(&self, text: &[u8]) -> bool {
        !self.finders.is_empty() && self.finders.iter().all(|f| f.find(text).is_some())
    }

    /// The score of `text`, an [`article_text`](super::article_text); None when some term
    /// does not occur in it.
    pub fn score(&self, text: &[u8]) -> Option<Score> {
        if self.finders.is_empty() {
            return None;
        }
        let title_end = memchr::memchr(b'\n', text).unwrap_or(text.len());
        let mut score = Score::default();
        for f in &self.finders {
            let first = f.find(text)?;
            score.title |= first < title_end;
            // Overlapping occurrences count, as in `find_in`: the next search starts one
            // byte on (a match of valid UTF-8 in valid UTF-8 starts on a character).
            let mut from = first + 1;
            score.hits += 1;
            while let Some(at) = text.get(from..).and_then(|rest| f.find(rest)) {
                score.hits += 1;
                from += at + 1;
            }
        }
        Some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Article;
    use crate::search::{article_text, hits_in};

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            path: "a.txt".into(),
            title: title.to_owned(),
            paragraphs: paragraphs.iter().map(|&p| p.to_owned()).collect(),
            meta: crate::collection::Meta::default(),
            encoding: "UTF-8".into(),
        }
    }

    /// The score from the stored text, and from the article's hits.
    fn both(query: &str, a: &Article) -> (Option<Score>, Option<Score>) {
        let q = Query::parse(query);
        let text = article_text(&a.title, &a.paragraphs);
        let stored = Scorer::new(&q).score(text.as_bytes());
        let opened = hits_in(a, &q).map(|h| Score::of_hits(&h));
        (stored, opened)
    }

    #[test]
    fn title_and_overlapping_hits() {
        let a = article("الإسلام اليوم", &["إسلام، الاسلام", "aaa"]);
        let (stored, opened) = both("اسلام aa", &a);
        // اسلام three times (harakat and hamza folded), aa twice in aaa.
        let want = Score {
            title: true,
            hits: 5,
        };
        assert_eq!(stored, Some(want));
        assert_eq!(opened, Some(want));
    }

    #[test]
    fn a_term_only_in_paragraphs_or_missing() {
        let a = article("عنوان", &["مدينةٌ في مدينة", "فى"]);
        let (stored, opened) = both("مدينه في", &a);
        let want = Score {
            title: false,
            hits: 4,
        };
        assert_eq!((stored, opened), (Some(want), Some(want)));
        assert_eq!(both("مدينه جده", &a), (None, None));
        assert_eq!(Scorer::new(&Query::default()).score(b"x"), None);
    }

    #[test]
    fn no_match_across_blocks() {
        // "عنوان مدينه" would match the stored text across the title's line end were it a
        // space: it is not.
        let a = article("عنوان", &["مدينة"]);
        assert_eq!(both("\"عنوان مدينة\"", &a), (None, None));
    }

    #[test]
    fn ranked_title_first_then_hits_then_title() {
        let t = |hits| Score { title: true, hits };
        let p = |hits| Score { title: false, hits };
        assert_eq!(t(1).rank("ب", p(9), "ا"), Ordering::Less);
        assert_eq!(p(3).rank("ب", p(2), "ا"), Ordering::Less);
        assert_eq!(p(2).rank("ا", p(2), "ب"), Ordering::Less);
        assert_eq!(p(2).rank("ا", p(2), "ا"), Ordering::Equal);
    }
}
