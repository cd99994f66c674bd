//! The one-line snippet under a search result: the piece of a paragraph around its first hit
//! that fits the width it is drawn in, measured by the text engine on the paragraph's own
//! units (a letter with its harakat is one unit, a lam-alef ligature one cell). It is cut only
//! where white space meets a word, so no word and no grapheme is split; a cut is marked with
//! "…" at its end, and the hits are given as byte ranges of the snippet, "…" included.

use std::ops::Range;

use crate::text::{Options, Prepared};

/// Marks a cut; one cell wide.
const CUT: &str = "…";

/// The piece of `text` to show in `width` cells, and the `hits` (byte ranges of `text`, in
/// order) that lie wholly inside it, as byte ranges of the piece. The first hit is shown whole,
/// after up to a third of the width of the words before it; the words after it fill the rest.
/// Only a first hit wider than the width on its own makes a piece that does not fit.
pub fn fit(
    text: &str,
    hits: &[Range<usize>],
    width: usize,
    options: Options,
) -> (String, Vec<Range<usize>>) {
    let p = Prepared::new(text, options);
    let units = p.units();
    // Words: runs of units that are not white space, as ranges of units.
    let mut words: Vec<Range<usize>> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        match words.last_mut() {
            _ if unit.is_space() => {}
            Some(w) if w.end == i => w.end = i + 1,
            _ => words.push(i..i + 1),
        }
    }
    let Some(last) = words.len().checked_sub(1) else {
        return (String::new(), Vec::new());
    };
    // Cells before each unit.
    let before: Vec<usize> = std::iter::once(0)
        .chain(units.iter().scan(0, |cells, u| {
            *cells += usize::from(u.width);
            Some(*cells)
        }))
        .collect();
    // Cells from the start of word `a` to the end of word `b`, and with the marks of the cuts.
    let span = |a: usize, b: usize| before[words[b].end] - before[words[a].start];
    let cells = |a: usize, b: usize| span(a, b) + usize::from(a > 0) + usize::from(b < last);
    let (mut a, mut b) = (0, last);
    if cells(a, b) > width {
        // The words the first hit covers.
        let word_of = |byte: usize| {
            words
                .iter()
                .position(|w| byte < units[w.end - 1].end as usize)
                .unwrap_or(last)
        };
        let (first, first_end) = hits
            .first()
            .map_or((0, 0), |h| (word_of(h.start), word_of(h.end.max(1) - 1)));
        (a, b) = (first, first_end.max(first));
        let context = width / 3;
        while a > 0
            && 1 + span(a - 1, first) - span(first, first) <= context
            && cells(a - 1, b) <= width
        {
            a -= 1;
        }
        while b < last && cells(a, b + 1) <= width {
            b += 1;
        }
        // Nothing cut after the hit: the room left goes to the words before it.
        while b == last && a > 0 && cells(a - 1, b) <= width {
            a -= 1;
        }
    }
    let start = units[words[a].start].start as usize;
    let end = units[words[b].end - 1].end as usize;
    let mut piece = String::with_capacity(end - start + 2 * CUT.len());
    if a > 0 {
        piece.push_str(CUT);
    }
    let shift = piece.len();
    piece.push_str(text.get(start..end).unwrap_or_default());
    if b < last {
        piece.push_str(CUT);
    }
    let marks = hits
        .iter()
        .filter(|h| start <= h.start && h.end <= end)
        .map(|h| h.start - start + shift..h.end - start + shift)
        .collect();
    (piece, marks)
}

#[cfg(test)]
#[allow(clippy::string_slice)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options::default()
    }

    /// The snippet of `text` around the first occurrence of each of `words`, at `width`.
    fn around(text: &str, words: &[&str], width: usize) -> (String, Vec<String>) {
        let mut hits: Vec<Range<usize>> = words
            .iter()
            .map(|w| {
                let at = text.find(w).unwrap();
                at..at + w.len()
            })
            .collect();
        hits.sort_by_key(|h| h.start);
        let (piece, marks) = fit(text, &hits, width, options());
        let marked = marks.iter().map(|m| piece[m.clone()].to_owned()).collect();
        (piece, marked)
    }

    /// Cells `text` takes on one line.
    fn cells(text: &str) -> usize {
        let p = Prepared::new(text, options());
        let lines = p.wrap(text, 0);
        lines.iter().map(|l| p.visual(l).width).sum()
    }

    #[test]
    fn a_short_paragraph_is_shown_whole() {
        let (piece, marks) = around("سلم على الجميع", &["على"], 20);
        assert_eq!(piece, "سلم على الجميع");
        assert_eq!(marks, vec!["على"]);
    }

    #[test]
    fn the_hit_is_shown_with_words_before_it_and_cuts_marked() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let (piece, marks) = around(text, &["seven"], 24);
        assert_eq!(piece, "…six seven eight nine…");
        assert_eq!(marks, vec!["seven"]);
        assert!(cells(&piece) <= 24);
        // Near the end nothing is cut after it: the words before take the room.
        let (piece, _) = around(text, &["twelve"], 24);
        assert_eq!(piece, "…nine ten eleven twelve");
        // Near the start, nothing before it is cut.
        let (piece, _) = around(text, &["two"], 24);
        assert_eq!(piece, "one two three four five…");
    }

    #[test]
    fn harakat_stay_with_their_letter_and_hits_inside_a_word_show_the_word() {
        // A hit inside a word (the search finds substrings): the whole word is shown.
        let text = "كَتَبَ الطالبُ الدرسَ في المدرسةِ القديمةِ ثم عادَ إلى البيتِ مساءً";
        let (piece, marks) = around(text, &["مدرسة"], 20);
        assert!(
            piece.contains(" المدرسةِ ") || piece.starts_with("…المدرسةِ"),
            "{piece}"
        );
        assert!(piece.starts_with('…') && piece.ends_with('…'), "{piece}");
        assert_eq!(marks, vec!["مدرسة"]);
        for word in piece.trim_matches('…').split(' ') {
            assert!(text.split(' ').any(|w| w == word), "{word:?} in {piece}");
        }
        assert!(cells(&piece) <= 20, "{piece}");
    }

    #[test]
    fn every_hit_inside_is_marked_past_the_leading_cut() {
        let text = "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp";
        let hits = [18..20, 21..23, 24..26, 45..47];
        let (piece, marks) = fit(text, &hits, 16, options());
        assert_eq!(piece, "…ff gg hh ii jj…");
        let marked: Vec<&str> = marks.iter().map(|m| &piece[m.clone()]).collect();
        assert_eq!(marked, vec!["gg", "hh", "ii"]);
    }

    #[test]
    fn without_hits_the_paragraph_shows_from_its_start() {
        let (piece, marks) = fit("one two three four", &[], 10, options());
        assert_eq!(piece, "one two…");
        assert!(marks.is_empty());
    }

    #[test]
    fn a_lam_alef_ligature_is_one_cell() {
        // "الاسلام" draws in 5 cells (two ligatures): the width is measured on the shaped text.
        let text = "في الاسلام والسلام";
        assert_eq!(cells(text), 15);
        let (piece, _) = around(text, &["الاسلام"], 15);
        assert_eq!(piece, text);
    }

    #[test]
    fn a_hit_wider_than_the_width_is_shown_from_its_start() {
        let (piece, marks) = around("aa bbbbbbbbbbbb cc", &["bbbbbbbbbbbb"], 6);
        assert_eq!(piece, "…bbbbbbbbbbbb…");
        assert_eq!(marks, vec!["bbbbbbbbbbbb"]);
        assert!(fit("", &[], 10, options()).0.is_empty());
    }
}
