//! Relevance ranking: which matching article a reader is most likely looking for. A reader
//! remembers words of one paragraph: an article ranks by how likely the query's words are to
//! come from one of its blocks (the title or a paragraph), each block's query likelihood
//! smoothed towards the collection and averaged over the article's blocks (`likelihood`),
//! the terms' frequencies graded by how the term fits the words it is found in ([`grade`]).
//! BM25F over two fields (the title, weighted, and the body), with a bonus for the terms
//! standing close together in one paragraph ([`features`]), breaks ties and ranks the matches
//! the index ranks from its lists alone. Matching is never changed by it: the rule stays
//! "every term a substring of the normalised text"; ranking only orders what matches.
//!
//! A term is a substring, so its statistics are those of the substring: its document frequency
//! is the number of articles whose text holds it (the union of the lists of the vocabulary's
//! words that contain it, which the index reads anyway), and an article's lengths are its
//! words, in the title and in the body. The index keeps the lengths, so a ranking needs no
//! file read. See docs/ranking.md for the definitions and the measurements behind the weights.

mod features;
mod grade;

use std::cmp::Ordering;

pub use features::{Features, Scorer, lengths};
pub use grade::{Grade, in_word};

/// BM25's saturation: how soon more occurrences stop counting.
const K1: f32 = 1.2;
/// Length normalisation of the body, the title and a passage (one block).
const B_BODY: f32 = 0.75;
const B_TITLE: f32 = 0.5;
const B_PASSAGE: f32 = 0.5;
/// The words of a passage taken as its average length.
const AVG_PASSAGE: f32 = 60.0;
/// What an occurrence in the title counts for against one in the body: a title that holds
/// the term once outweighs a body of average length that holds it a dozen times.
const W_TITLE: f32 = 8.0;
/// The bonus of terms close together in one block, in units of their mean idf.
const W_NEAR: f32 = 2.0;
/// What the best block's own score counts for.
const W_PASSAGE: f32 = 1.0;

/// The Dirichlet prior of a block's query likelihood, in words: how much a block's own
/// frequencies are smoothed towards the collection's.
const MU: f32 = 10.0;
/// What the BM25F score counts for beside the likelihood (whose unit is a factor of e in
/// the chance): a tie-break, for articles that hold the reader's paragraph alike.
const W_BM25F: f32 = 0.01;
/// A term's share of the collection's words before statistics are known.
const BACKGROUND_UNKNOWN: f32 = 1e-4;
/// How many occurrences a term that an article holds has there, taken on average, for its
/// share of the collection's words from its document frequency.
const PER_ARTICLE: f32 = 2.0;
/// A term's share at most: about that of the commonest words of running Arabic text but for
/// في and و, whatever a folder of a few articles counts (where every word is "common", and
/// the smoothing would drown the blocks' own counts).
const MAX_BACKGROUND: f32 = 0.01;

/// The log of a block's query likelihood: the product over the terms of the chance that a
/// word drawn from the block is the term, its graded frequency `tf` in the block smoothed
/// towards its share of the collection's words `background` (Dirichlet), `words` being the
/// block's length. A term without background (in every article) is left out.
fn likelihood(tf: &[f32], background: &[Option<f32>], words: usize) -> f32 {
    tf.iter()
        .zip(background)
        .filter_map(|(&tf, &p)| Some(((tf + MU * p?) / (words as f32 + MU)).ln()))
        .sum()
}

/// A block's score as a document of its own: its terms' graded frequencies `tf`, their
/// `idf`, its `words`.
fn passage(tf: &[f32], idf: &[f32], words: usize) -> f32 {
    let norm = 1.0 - B_PASSAGE + B_PASSAGE * words as f32 / AVG_PASSAGE;
    tf.iter()
        .zip(idf)
        .map(|(&tf, &idf)| {
            let tf = tf / norm;
            idf * tf * (K1 + 1.0) / (K1 + tf)
        })
        .sum()
}

/// How well an article matches a query.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Some term occurs in the title (known once the article's text was scored).
    pub title: bool,
    /// Occurrences of the terms, each term counted on its own, overlapping occurrences
    /// included (those of `find_in`); 0 when not counted (a result ranked from the index's
    /// lists alone, far down the list).
    pub hits: usize,
    /// The relevance: higher is better.
    pub rank: f32,
}

impl Score {
    /// The score of `features` under `stats`.
    pub fn of(features: &Features, stats: &Stats) -> Self {
        Score {
            title: features.title,
            hits: features.hits,
            rank: stats.rank(features),
        }
    }
}

/// The scores of articles read whole, for a collection without an index: `texts` are their
/// [`article_text`](crate::search::article_text)s, and the statistics are theirs (every one a
/// candidate). None for a text that does not match.
pub fn rank_texts(query: &crate::search::Query, texts: &[&[u8]]) -> Vec<Option<Score>> {
    let holds = Scorer::new(query);
    let mut stats = Stats {
        articles: texts.len() as u64,
        df: vec![0; query.terms.len()],
        ..Stats::default()
    };
    for text in texts {
        for (df, held) in stats.df.iter_mut().zip(holds.holds(text)) {
            *df += u64::from(held);
        }
        let (t, b) = lengths(text);
        stats.title_words += u64::from(t);
        stats.body_words += u64::from(b);
    }
    let scorer = Scorer::new(query).with_idf(&stats);
    texts
        .iter()
        .map(|text| Some(Score::of(&scorer.features(text)?, &stats)))
        .collect()
}

/// The order of results: best first, then the newer (`a_time`, `b_time`: the file's
/// modification time), then `a_key` and `b_key` (the path, or the collection's order).
pub fn best_first<K: Ord>(a: &(f32, i64, K), b: &(f32, i64, K)) -> Ordering {
    b.0.total_cmp(&a.0)
        .then(b.1.cmp(&a.1))
        .then_with(|| a.2.cmp(&b.2))
}

/// What a ranking knows of the collection: how many articles, how many hold each term (in
/// the order of the query's terms), and their words in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub articles: u64,
    pub df: Vec<u64>,
    pub title_words: u64,
    pub body_words: u64,
}

impl Stats {
    /// BM25's idf (never negative): rare terms weigh more.
    pub fn idf(&self, term: usize) -> f32 {
        let n = self.articles as f32;
        let df = self.df.get(term).copied().unwrap_or(self.articles) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The relevance of an article with `f`.
    pub fn rank(&self, f: &Features) -> f32 {
        let n = self.articles.max(1) as f32;
        let avg_title = (self.title_words as f32 / n).max(1.0);
        let avg_body = (self.body_words as f32 / n).max(1.0);
        let norm_title = 1.0 - B_TITLE + B_TITLE * f.title_len as f32 / avg_title;
        let norm_body = 1.0 - B_BODY + B_BODY * f.body_len as f32 / avg_body;
        let mut sum = 0.0;
        let mut idfs = 0.0;
        for (t, &[title, body]) in f.tf.iter().enumerate() {
            let tf = W_TITLE * title / norm_title + body / norm_body;
            let idf = self.idf(t);
            idfs += idf;
            sum += idf * tf * (K1 + 1.0) / (K1 + tf);
        }
        let terms = f.tf.len().max(1) as f32;
        let bm = sum + W_NEAR * f.near * idfs / terms + W_PASSAGE * f.passage;
        if f.likelihood == 0.0 {
            return bm;
        }
        f.likelihood + W_BM25F * bm
    }

    /// A term's share of the collection's words: its articles, each taken to hold it
    /// [`PER_ARTICLE`] times, over all the words (at least half an article's worth).
    pub fn background(&self, term: usize) -> f32 {
        let df = self.df.get(term).copied().unwrap_or(self.articles) as f32;
        let words = (self.title_words + self.body_words).max(1) as f32;
        (PER_ARTICLE * df.max(0.5) / words).min(MAX_BACKGROUND)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats() -> Stats {
        Stats {
            articles: 100,
            df: vec![10, 50],
            title_words: 800,
            body_words: 30_000,
        }
    }

    fn features(tf: Vec<[f32; 2]>, body_len: u32) -> Features {
        Features {
            tf,
            title_len: 8,
            body_len,
            ..Features::default()
        }
    }

    #[test]
    fn rarer_terms_titles_shorter_articles_and_nearness_rank_higher() {
        let s = stats();
        let rare = s.rank(&features(vec![[0.0, 1.0], [0.0, 0.0]], 300));
        let common = s.rank(&features(vec![[0.0, 0.0], [0.0, 1.0]], 300));
        assert!(rare > common, "{rare} {common}");
        let title = s.rank(&features(vec![[1.0, 0.0], [0.0, 0.0]], 300));
        assert!(title > rare, "{title} {rare}");
        let long = s.rank(&features(vec![[0.0, 1.0], [0.0, 0.0]], 3000));
        assert!(rare > long, "{rare} {long}");
        let mut near = features(vec![[0.0, 1.0], [0.0, 1.0]], 300);
        let far = s.rank(&near);
        near.near = 1.0;
        assert!(s.rank(&near) > far);
        // More occurrences count, less and less.
        let two = s.rank(&features(vec![[0.0, 2.0], [0.0, 0.0]], 300));
        let four = s.rank(&features(vec![[0.0, 4.0], [0.0, 0.0]], 300));
        assert!(two > rare && four - two < two - rare);
    }

    #[test]
    fn best_first_then_newer_then_by_key() {
        assert_eq!(best_first(&(2.0, 0, "b"), &(1.0, 9, "a")), Ordering::Less);
        assert_eq!(best_first(&(1.0, 5, "b"), &(1.0, 3, "a")), Ordering::Less);
        assert_eq!(best_first(&(1.0, 3, "a"), &(1.0, 3, "b")), Ordering::Less);
        assert_eq!(best_first(&(1.0, 3, "a"), &(1.0, 3, "a")), Ordering::Equal);
    }
}
