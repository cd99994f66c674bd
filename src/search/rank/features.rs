//! What a ranking reads from an article's normalised text (an [`article_text`]: the title
//! on the first line, a paragraph on each further line): each term's graded frequency in the
//! title and in the body, the article's lengths, how close the terms stand in one paragraph,
//! and the plain counts the library shows (a match in the title, how many matches). Normalised
//! text has no line breaks of its own (white space becomes one space), so no term, which has
//! none either, can match across two blocks, and the counts agree with those of
//! [`hits_in`](crate::search::hits_in) on the opened article.
//!
//! [`article_text`]: crate::search::article_text

use memchr::memmem::Finder;

use super::grade::{Grade, grade};
use crate::search::query::Query;

/// The idf under which a term's occurrences are counted but not graded: that of a term in
/// all but about two in a thousand of the articles, or in all of them (as one too common to
/// narrow is taken to be).
const IDF_FLOOR: f32 = 0.002;

/// What [`Scorer::features`] reads from one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Per term (in the query's order): its graded frequency in the title and in the body.
    pub tf: Vec<[f32; 2]>,
    /// Words in the title and in the body (see [`lengths`]).
    pub title_len: u32,
    pub body_len: u32,
    /// How close the terms stand in the best paragraph: 1 when all of them are next to each
    /// other, less as they are fewer or further apart, 0 with fewer than two terms.
    pub near: f32,
    /// The best block's own BM25 (the title or one paragraph taken as a document, with the
    /// idf the scorer was given), for two terms or more: a reader's words often come from
    /// one paragraph. 0 for one term.
    pub passage: f32,
    /// How likely the reader's words are to come from one block of the article: the log of
    /// the mean over its blocks (the title and each paragraph) of each block's query
    /// likelihood (see [`super::likelihood`]). 0 when not read (ranked from the lists alone).
    pub likelihood: f32,
    /// Some term occurs in the title.
    pub title: bool,
    /// Occurrences of the terms, overlapping ones included.
    pub hits: usize,
}

/// The words of an article text's title and body: runs between spaces and line ends, counted
/// up to `u16::MAX` (what the index keeps).
pub fn lengths(text: &[u8]) -> (u32, u32) {
    let title_end = memchr::memchr(b'\n', text).unwrap_or(text.len());
    let count = |s: &[u8]| {
        s.split(|&b| b == b' ' || b == b'\n')
            .filter(|w| !w.is_empty())
            .count()
            .min(usize::from(u16::MAX)) as u32
    };
    (
        count(&text[..title_end]),
        count(text.get(title_end..).unwrap_or_default()),
    )
}

/// Checks normalised article texts against a query, and reads the features of those that
/// match.
pub struct Scorer<'q> {
    finders: Vec<Finder<'q>>,
    /// Spaces in each term (a phrase's words less one).
    spaces: Vec<usize>,
    /// Each term's idf, for [`Features::passage`] (1 until [`Scorer::with_idf`]).
    idf: Vec<f32>,
    /// Each term's share of the collection's words, for [`Features::likelihood`] (None for
    /// a term in (nearly) every article, which tells no block from another).
    background: Vec<Option<f32>>,
}

/// An occurrence: where it starts and ends, and its term.
#[derive(Clone, Copy)]
struct Occurrence {
    start: usize,
    end: usize,
    term: usize,
    weight: f32,
    grade: Grade,
}

impl<'q> Scorer<'q> {
    pub fn new(query: &'q Query) -> Self {
        Scorer {
            finders: query
                .terms
                .iter()
                .map(|t| Finder::new(t.as_bytes()))
                .collect(),
            spaces: query.terms.iter().map(|t| t.matches(' ').count()).collect(),
            idf: vec![1.0; query.terms.len()],
            background: vec![Some(super::BACKGROUND_UNKNOWN); query.terms.len()],
        }
    }

    /// With the terms' idf under `stats`, for the passages' scores.
    #[must_use]
    pub fn with_idf(mut self, stats: &super::Stats) -> Self {
        self.idf = (0..self.idf.len()).map(|t| stats.idf(t)).collect();
        self.background = (0..self.idf.len())
            .map(|t| (self.idf[t] >= IDF_FLOOR).then(|| stats.background(t)))
            .collect();
        self
    }

    /// True when every term occurs in `text` (a normalised text, as bytes).
    pub fn matches(&self, text: &[u8]) -> bool {
        !self.finders.is_empty() && self.finders.iter().all(|f| f.find(text).is_some())
    }

    /// Which terms occur in `text`.
    pub fn holds(&self, text: &[u8]) -> Vec<bool> {
        self.finders
            .iter()
            .map(|f| f.find(text).is_some())
            .collect()
    }

    /// The features of `text`, an article text; None when some term does not occur in it.
    pub fn features(&self, text: &[u8]) -> Option<Features> {
        // Most candidates of a phrase do not hold it: told before anything else is done.
        if !self.matches(text) {
            return None;
        }
        let s = std::str::from_utf8(text).ok()?;
        let title_end = memchr::memchr(b'\n', text).unwrap_or(text.len());
        let (title_len, body_len) = lengths(text);
        let mut f = Features {
            tf: vec![[0.0; 2]; self.finders.len()],
            title_len,
            body_len,
            ..Features::default()
        };
        let mut all = Vec::new();
        for (term, finder) in self.finders.iter().enumerate() {
            let len = finder.needle().len();
            let first = finder.find(text)?;
            // Overlapping occurrences count, as in `find_in`: the next search starts one byte
            // on (a match of valid UTF-8 in valid UTF-8 starts on a character).
            let mut at = Some(first);
            while let Some(start) = at {
                let end = start + len;
                let in_title = start < title_end;
                f.title |= in_title;
                f.hits += 1;
                // A term in (nearly) every article weighs nothing: only counted, not graded
                // (a letter's occurrences in a million texts cost seconds to grade).
                if self.idf[term] >= IDF_FLOOR {
                    let grade = grade(s, start, end);
                    let weight = grade.weight();
                    f.tf[term][usize::from(!in_title)] += weight;
                    all.push(Occurrence {
                        start,
                        end,
                        term,
                        weight,
                        grade,
                    });
                }
                at = text
                    .get(start + 1..)
                    .and_then(|rest| finder.find(rest))
                    .map(|i| start + 1 + i);
            }
        }
        all.sort_unstable_by_key(|o| o.start);
        (f.near, f.passage) = self.blocks(text, &all);
        f.likelihood = self.likelihood(text, &all);
        Some(f)
    }

    /// The nearness of the best block (title or paragraph): the share of the terms it holds
    /// beyond the first, over the words standing between them in the shortest run of it
    /// that holds them all; and the best block's score as a document of its own.
    fn blocks(&self, text: &[u8], all: &[Occurrence]) -> (f32, f32) {
        let n = self.finders.len();
        let (mut near, mut passage) = (0.0f32, 0.0f32);
        let mut tf = vec![0.0f32; n];
        let mut from = 0;
        while from < all.len() {
            // The occurrences in the block of the one at `from`.
            let at = all[from].start;
            let line_end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |i| at + i);
            let line_start = memchr::memrchr(b'\n', &text[..at]).map_or(0, |i| i + 1);
            let to = from + all[from..].partition_point(|o| o.start < line_end);
            if n > 1 {
                near = near.max(self.near_in(text, &all[from..to], n));
            }
            tf.fill(0.0);
            for o in &all[from..to] {
                tf[o.term] += o.weight;
            }
            let words = memchr::memchr_iter(b' ', &text[line_start..line_end]).count() + 1;
            // With one term, the best block would only count its occurrences again.
            if n > 1 {
                passage = passage.max(super::passage(&tf, &self.idf, words));
            }
            from = to;
        }
        (near, passage)
    }

    /// The log of the mean over every block of `text` (the title and each paragraph, empty
    /// lines left out) of its query likelihood, `all` being the occurrences (sorted by start).
    fn likelihood(&self, text: &[u8], all: &[Occurrence]) -> f32 {
        let mut logs = Vec::new();
        let mut tf = vec![0.0f32; self.finders.len()];
        let mut next = 0;
        let mut start = 0;
        while start <= text.len() {
            let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
            let line = &text[start..end];
            tf.fill(0.0);
            while next < all.len() && all[next].start < end {
                tf[all[next].term] += all[next].grade.likelihood_weight();
                next += 1;
            }
            if line.iter().any(|&b| b != b' ') {
                let words = memchr::memchr_iter(b' ', line.trim_ascii()).count() + 1;
                logs.push(super::likelihood(&tf, &self.background, words));
            }
            start = end + 1;
        }
        let max = logs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        if logs.is_empty() || !max.is_finite() {
            return 0.0;
        }
        let mean = logs.iter().map(|l| (l - max).exp()).sum::<f32>() / logs.len() as f32;
        max + mean.ln()
    }

    /// The nearness of one block's occurrences (sorted by start).
    fn near_in(&self, text: &[u8], occ: &[Occurrence], n: usize) -> f32 {
        let mut count = vec![0usize; n];
        let mut distinct = 0;
        for o in occ {
            if count[o.term] == 0 {
                distinct += 1;
            }
            count[o.term] += 1;
        }
        if distinct < 2 {
            return 0.0;
        }
        // The shortest window holding each of the block's terms (two pointers).
        count.fill(0);
        let (mut have, mut left) = (0, 0);
        let mut best = usize::MAX;
        let mut best_span = (0, 0);
        for right in 0..occ.len() {
            if count[occ[right].term] == 0 {
                have += 1;
            }
            count[occ[right].term] += 1;
            while have == distinct {
                let end = occ[left..=right].iter().map(|o| o.end).max().unwrap_or(0);
                let span = end.saturating_sub(occ[left].start);
                if span < best {
                    best = span;
                    best_span = (occ[left].start, end);
                }
                count[occ[left].term] -= 1;
                if count[occ[left].term] == 0 {
                    have -= 1;
                }
                left += 1;
            }
        }
        let (start, end) = best_span;
        let spaces = memchr::memchr_iter(b' ', &text[start..end.min(text.len())]).count();
        // Spaces the terms themselves hold, and one between each two: the least there can be.
        let mut seen = vec![false; n];
        let mut least = distinct - 1;
        for o in occ {
            if !seen[o.term] {
                seen[o.term] = true;
                least += self.spaces[o.term];
            }
        }
        let apart = spaces.saturating_sub(least) as f32;
        let share = (distinct - 1) as f32 / (n - 1) as f32;
        // Half for standing in one block at all, half for standing close.
        share * share * (0.5 + 0.5 / (1.0 + apart / 10.0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Grade;
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

    /// The features from the stored text, and the (title, hits) from the article's hits.
    fn both(query: &str, a: &Article) -> (Option<Features>, Option<(bool, usize)>) {
        let q = Query::parse(query);
        let text = article_text(&a.title, &a.paragraphs);
        let stored = Scorer::new(&q).features(text.as_bytes());
        let opened = hits_in(a, &q).map(|h| {
            (
                h.iter()
                    .any(|p| p.block == crate::collection::BlockIndex::TITLE),
                h.iter().map(|p| p.hits.len()).sum(),
            )
        });
        (stored, opened)
    }

    #[test]
    fn counts_agree_with_the_opened_article() {
        let a = article("الإسلام اليوم", &["إسلام، الاسلام", "aaa"]);
        let (stored, opened) = both("اسلام aa", &a);
        let stored = stored.unwrap();
        // اسلام three times (harakat and hamza folded), aa twice in aaa.
        assert_eq!((stored.title, stored.hits), (true, 5));
        assert_eq!(opened, Some((true, 5)));
        let a = article("عنوان", &["مدينةٌ في مدينة", "فى"]);
        let (stored, opened) = both("مدينه في", &a);
        let stored = stored.unwrap();
        assert_eq!((stored.title, stored.hits), (false, 4));
        assert_eq!(opened, Some((false, 4)));
        assert_eq!(both("مدينه جده", &a), (None, None));
        assert_eq!(Scorer::new(&Query::default()).features(b"x"), None);
        // "عنوان مدينه" would match across the title's line end were it a space: it is not.
        let a = article("عنوان", &["مدينة"]);
        assert_eq!(both("\"عنوان مدينة\"", &a), (None, None));
    }

    #[test]
    fn frequencies_are_graded_by_field() {
        let a = article("العلم نور", &["معلم العلماء", "وبالعلم"]);
        let f = both("علم", &a).0.unwrap();
        // Title: العلم (whole after clitic); body: معلم (inside), العلماء (begins), وبالعلم.
        let want = Grade::Inside.weight() + Grade::Begins.weight() + Grade::Whole.weight();
        assert_eq!(f.tf, vec![[Grade::Whole.weight(), want]]);
        assert_eq!((f.title_len, f.body_len), (2, 3));
        assert_eq!(lengths(b"a b\nc  d\ne"), (2, 3));
    }

    #[test]
    fn near_terms_in_one_paragraph() {
        let q = Query::parse("وزير خارجية مصر");
        let s = Scorer::new(&q);
        let near = |p: &[&str]| {
            let a = article("عنوان", p);
            s.features(article_text(&a.title, &a.paragraphs).as_bytes())
                .unwrap()
                .near
        };
        let next = near(&["قال وزير خارجية مصر أمس"]);
        let apart = near(&["قال وزير الخارجية في مصر أمس"]);
        let split = near(&["قال وزير خارجية", "في مصر"]);
        assert!((next - 1.0).abs() < 1e-6, "{next}");
        assert!(
            next > apart && apart > split && split > 0.0,
            "{next} {apart} {split}"
        );
        assert!(near(&["وزير", "خارجية", "مصر"]).abs() < 1e-9);
    }

    #[test]
    fn likelihood_of_the_words_coming_from_one_block() {
        let q = Query::parse("وزير مصر");
        let stats = super::super::Stats {
            articles: 1000,
            df: vec![20, 40],
            title_words: 8000,
            body_words: 300_000,
        };
        let s = Scorer::new(&q).with_idf(&stats);
        let likelihood = |p: &[&str]| {
            let a = article("عنوان", p);
            s.features(article_text(&a.title, &a.paragraphs).as_bytes())
                .unwrap()
                .likelihood
        };
        let together = likelihood(&["قال وزير الصحة في مصر", "شيء آخر"]);
        // More occurrences, but never in one block.
        let apart = likelihood(&["قال وزير ووزير", "في مصر ومصر"]);
        // The same paragraph among more of them: a reader's paragraph is one of the article's.
        let among = likelihood(&["قال وزير الصحة في مصر", "شيء آخر", "ثم آخر", "وآخر"]);
        // The words only inside longer words (وزيرها is a stem, الوزيرين begins one).
        let stems = likelihood(&["قال وزيرها في مصرية", "شيء آخر"]);
        assert!(together > apart, "{together} {apart}");
        assert!(together > among, "{together} {among}");
        assert!(together > stems, "{together} {stems}");
        assert!(together < 0.0);
    }
}
