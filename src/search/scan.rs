//! Searching a whole collection by reading every article (on all cores). The rule is the one
//! of [`Query`]: an article matches when every term occurs in it.

use super::normalize::Normalized;
use super::query::{Hit, Query, find_in};
use crate::collection::{Article, BlockIndex, Collection, Entry};

/// The hits in one block of an article (the title or a paragraph).
#[derive(Clone, Debug)]
pub struct ParagraphHits {
    pub block: BlockIndex,
    pub text: String,
    /// Every occurrence of any term in it.
    pub hits: Vec<Hit>,
    /// Every term occurs in this paragraph.
    pub all_terms: bool,
}

/// The matching articles of `collection`, in collection order, with their hits.
pub fn scan<'c>(collection: &'c Collection, query: &Query) -> Vec<(&'c Entry, Vec<ParagraphHits>)> {
    let all: Vec<&Entry> = collection.entries.iter().collect();
    scan_entries(collection, &all, query)
}

/// As [`scan`], over some entries of the collection only (the index's candidates).
pub fn scan_entries<'c>(
    collection: &'c Collection,
    entries: &[&'c Entry],
    query: &Query,
) -> Vec<(&'c Entry, Vec<ParagraphHits>)> {
    let found = crate::parallel::map(entries, |entry| article_hits(collection, entry, query));
    entries
        .iter()
        .zip(found)
        .filter_map(|(&entry, hits)| Some((entry, hits?)))
        .collect()
}

/// The hits of `query` in one article, by paragraph; None when the article does not match.
pub fn article_hits(
    collection: &Collection,
    entry: &Entry,
    query: &Query,
) -> Option<Vec<ParagraphHits>> {
    let article = collection.open(entry).ok()?;
    hits_in(&article, query)
}

/// As [`article_hits`], in an article already open.
pub fn hits_in(article: &Article, query: &Query) -> Option<Vec<ParagraphHits>> {
    let texts: Vec<&str> = article.blocks().collect();
    let normalized: Vec<Normalized> = texts.iter().map(|t| Normalized::new(t)).collect();
    let all: String = normalized
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if !query.matches(&all) {
        return None;
    }
    let single = |t: &String| Query {
        terms: vec![t.clone()],
    };
    let out = normalized
        .iter()
        .zip(&texts)
        .enumerate()
        .filter_map(|(block, (n, text))| {
            let hits: Vec<Hit> = query
                .terms
                .iter()
                .enumerate()
                .flat_map(|(term, t)| {
                    find_in(&single(t), n).into_iter().map(move |h| Hit {
                        term,
                        range: h.range,
                    })
                })
                .collect();
            (!hits.is_empty()).then(|| {
                let mut hits = hits;
                hits.sort_by_key(|h| (h.range.start, h.range.end));
                ParagraphHits {
                    block: BlockIndex(block),
                    text: (*text).to_owned(),
                    all_terms: query.matches(&n.text),
                    hits,
                }
            })
        })
        .collect();
    Some(out)
}
