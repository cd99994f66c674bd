//! Queries and matching.

use std::ops::Range;

use super::normalize::{Normalized, normalize};

/// A parsed query: normalised terms, each to be found as a substring.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<String>,
}

/// One occurrence of a term: which term, and the original bytes it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub term: usize,
    pub range: Range<usize>,
}

impl Query {
    /// Parses `text`: terms split on white space; a "quoted phrase" is one term.
    pub fn parse(text: &str) -> Self {
        let mut terms = Vec::new();
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1 {
                let phrase = normalize(part);
                let phrase = phrase.trim();
                if !phrase.is_empty() {
                    terms.push(phrase.to_owned());
                }
            } else {
                terms.extend(
                    normalize(part)
                        .split(' ')
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned),
                );
            }
        }
        terms.sort();
        terms.dedup();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every term occurs in the normalised text.
    pub fn matches(&self, normalized: &str) -> bool {
        !self.terms.is_empty() && self.terms.iter().all(|t| normalized.contains(t.as_str()))
    }
}

/// Every occurrence of every term of `query` in `text` (normalised as `n`), in text order, as
/// original byte ranges. Empty unless every term occurs.
pub fn find_in(query: &Query, n: &Normalized) -> Vec<Hit> {
    if !query.matches(&n.text) {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (term, t) in query.terms.iter().enumerate() {
        let mut from = 0;
        while let Some(at) = n.text.get(from..).and_then(|rest| rest.find(t.as_str())) {
            let start = from + at;
            hits.push(Hit {
                term,
                range: n.original(start..start + t.len()),
            });
            // Next occurrence may overlap: move one character on.
            from = start
                + n.text
                    .get(start..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
        }
    }
    hits.sort_by_key(|h| (h.range.start, h.range.end));
    hits
}

#[cfg(test)]
#[allow(clippy::string_slice)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_phrases() {
        assert_eq!(Query::parse("  الإسلام   2015 ").terms, vec!["2015", "الاسلام"]);
        assert_eq!(
            Query::parse("\"مدينة الرياض\" فى").terms,
            vec!["في", "مدينه الرياض"]
        );
        assert!(Query::parse(" \u{64e} ").is_empty());
    }

    #[test]
    fn every_term_must_occur() {
        let q = Query::parse("مدينة الرياض");
        assert!(q.matches(&normalize("في مدينه الرياض")));
        assert!(q.matches(&normalize("بالرياض، المدينة")));
        assert!(!q.matches(&normalize("مدينة جدة")));
    }

    #[test]
    fn hits_cover_the_original_text() {
        let text = "فى المدينة، وفي مدينةٍ أخرى";
        let n = Normalized::new(text);
        let hits = find_in(&Query::parse("في مدينة"), &n);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.range.clone()]).collect();
        assert_eq!(found, vec!["فى", "مدينة", "في", "مدينةٍ"]);
    }
}
