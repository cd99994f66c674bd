//! Words and the vocabulary. The index lists articles by the words of their normalised text
//! (runs of characters between spaces and line ends), and keeps each segment's words, sorted,
//! as one block of text, a line a word. A query term without a space is a substring of a text
//! exactly when it is a substring of one of its words: the articles holding it are the union
//! of the lists of the words that contain it, found by scanning the vocabulary, and need no
//! further check. A phrase ("a b c") must end a word (a), be whole words (b) and begin one (c):
//! that narrows it to candidates, which are then checked against their texts.

use memchr::memmem;

/// A word of normalised text, as bytes.
pub type Word = Box<[u8]>;

/// The words of normalised `text`.
pub fn words(text: &str) -> impl Iterator<Item = &[u8]> {
    text.as_bytes()
        .split(|&b| b == b' ' || b == b'\n')
        .filter(|w| !w.is_empty())
}

/// A segment's vocabulary: its words, sorted, each followed by a line end.
pub fn vocabulary<'w>(words: impl Iterator<Item = &'w [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for w in words {
        out.extend_from_slice(w);
        out.push(b'\n');
    }
    out
}

/// The words of a vocabulary, in order.
pub fn listed(vocabulary: &[u8]) -> impl Iterator<Item = &[u8]> {
    vocabulary.split(|&b| b == b'\n').take(count(vocabulary))
}

/// Whether `vocabulary` has the shape [`vocabulary`] gives: words each ended by a line end,
/// none empty. (A vocabulary cut short or overwritten rarely keeps it.)
pub fn well_formed(vocabulary: &[u8]) -> bool {
    vocabulary.is_empty()
        || (vocabulary.ends_with(b"\n")
            && vocabulary[0] != b'\n'
            && memmem::find(vocabulary, b"\n\n").is_none())
}

/// How many words a vocabulary holds.
pub fn count(vocabulary: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', vocabulary).count()
}

/// What a word must be to hold a piece of a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// Hold it anywhere (a term without a space).
    Within(&'a str),
    /// End with it (a phrase's first word).
    Ending(&'a str),
    /// Be it (a phrase's middle words).
    Whole(&'a str),
    /// Begin with it (a phrase's last word).
    Beginning(&'a str),
}

impl Part<'_> {
    /// The parts of a query term: one for a word, several for a phrase.
    pub fn of(term: &str) -> Vec<Part<'_>> {
        let pieces: Vec<&str> = term.split(' ').collect();
        match pieces.as_slice() {
            [one] => vec![Part::Within(one)],
            [first, middle @ .., last] => std::iter::once(Part::Ending(first))
                .chain(middle.iter().map(|m| Part::Whole(m)))
                .chain(std::iter::once(Part::Beginning(last)))
                .collect(),
            [] => Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        match *self {
            Part::Within(t) | Part::Ending(t) | Part::Whole(t) | Part::Beginning(t) => t,
        }
    }

    fn accepts(&self, word: &[u8]) -> bool {
        match *self {
            Part::Within(_) => true,
            Part::Ending(t) => word.ends_with(t.as_bytes()),
            Part::Whole(t) => word == t.as_bytes(),
            Part::Beginning(t) => word.starts_with(t.as_bytes()),
        }
    }
}

/// Appends to `out` the numbers (places in `vocabulary`) of the words that `part` accepts,
/// in order. False, with `out` unfinished, when they would be more than `limit`, or when the
/// part is empty (every word would do) or holds a space or a line end (no word does, but a
/// text might): the part then narrows nothing.
#[cfg(test)]
pub fn matching(vocabulary: &[u8], part: Part<'_>, limit: usize, out: &mut Vec<u32>) -> bool {
    matching_with(vocabulary, part, limit, |n, _| out.push(n))
}

/// As [`matching`], calling `found` with each word's number and the word.
pub fn matching_with(
    vocabulary: &[u8],
    part: Part<'_>,
    limit: usize,
    mut found: impl FnMut(u32, &[u8]),
) -> bool {
    let needle = part.text().as_bytes();
    if needle.is_empty() {
        return false;
    }
    if needle.contains(&b'\n') || needle.contains(&b' ') {
        // No word holds it, but a text may (a query never has one): narrows nothing.
        return false;
    }
    let finder = memmem::Finder::new(needle);
    let (mut counted, mut before, mut from) = (0, 0u32, 0);
    let mut count = 0;
    while let Some(at) = vocabulary.get(from..).and_then(|rest| finder.find(rest)) {
        let at = from + at;
        let start = memchr::memrchr(b'\n', &vocabulary[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &vocabulary[at..]).map_or(vocabulary.len(), |i| at + i);
        before += memchr::memchr_iter(b'\n', &vocabulary[counted..start]).count() as u32;
        counted = start;
        if part.accepts(&vocabulary[start..end]) {
            count += 1;
            if count > limit {
                return false;
            }
            found(before, &vocabulary[start..end]);
        }
        from = end + 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_between_spaces_and_line_ends() {
        let got: Vec<&[u8]> = words(" قال  الوزير\nفي\n\nالمدينه ").collect();
        let want: Vec<&[u8]> = ["قال", "الوزير", "في", "المدينه"]
            .map(str::as_bytes)
            .to_vec();
        assert_eq!(got, want);
    }

    #[test]
    fn terms_and_phrases_become_parts() {
        assert_eq!(Part::of("سلام"), vec![Part::Within("سلام")]);
        assert_eq!(
            Part::of("a b c d"),
            vec![
                Part::Ending("a"),
                Part::Whole("b"),
                Part::Whole("c"),
                Part::Beginning("d")
            ]
        );
    }

    #[test]
    fn the_words_that_hold_a_part() {
        let list: [&[u8]; 6] = [b"ab", b"abab", b"b", b"ba", b"cab", b"x"];
        let v = vocabulary(list.into_iter());
        assert_eq!(count(&v), 6);
        assert!(well_formed(&v) && well_formed(b""));
        for bad in [&v[..v.len() - 1], b"\xff", b"\na\n", b"a\n\nb\n"] {
            assert!(!well_formed(bad), "{bad:?}");
        }
        assert_eq!(listed(&v).collect::<Vec<_>>(), list.to_vec());
        let find = |part, limit| {
            let mut out = Vec::new();
            matching(&v, part, limit, &mut out).then_some(out)
        };
        assert_eq!(find(Part::Within("ab"), 9), Some(vec![0, 1, 4]));
        assert_eq!(find(Part::Within("b"), 9), Some(vec![0, 1, 2, 3, 4]));
        assert_eq!(find(Part::Ending("ab"), 9), Some(vec![0, 1, 4]));
        assert_eq!(find(Part::Beginning("b"), 9), Some(vec![2, 3]));
        assert_eq!(find(Part::Whole("b"), 9), Some(vec![2]));
        assert_eq!(find(Part::Whole("a"), 9), Some(vec![]));
        assert_eq!(find(Part::Within("zz"), 9), Some(vec![]));
        // Over the limit, or empty: the part narrows nothing.
        assert_eq!(find(Part::Within("b"), 4), None);
        assert_eq!(find(Part::Within(""), 9), None);
        assert_eq!(find(Part::Within("b\nc"), 9), None);
        assert_eq!(find(Part::Whole("b c"), 9), None);
        // Empty vocabulary.
        let mut out = Vec::new();
        assert!(matching(b"", Part::Within("a"), 9, &mut out) && out.is_empty());
    }
}
