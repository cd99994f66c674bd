//! One normalisation for the text and the query, so that Arabic is found the way it is
//! written in real life: NFKC (presentation forms back to letters), harakat, tatweel and
//! invisible format characters removed, alef/yeh/teh-marbuta variants folded, Arabic-Indic
//! digits to ASCII, full case folding, white space runs to one space. Each normalised byte keeps
//! the original bytes it came from, so a match maps back onto exactly the original characters.

use crate::text::{cluster_starts, is_cluster_start};
use caseless::Caseless;
use unicode_normalization::UnicodeNormalization;

/// Normalised text with its map back to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// (start in `text`, original range start, original range end), one per source cluster
    /// that produced output, in order.
    segments: Vec<(u32, u32, u32)>,
}

/// Dropped entirely: harakat and Quranic marks, tatweel, zero-width and bidi format characters.
fn is_ignored(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}')
}

/// The letter folds and digits.
fn fold(c: char) -> char {
    match c {
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}',
        '\u{0649}' => '\u{064A}',
        '\u{0629}' => '\u{0647}',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}

/// Characters whose normalisation is the per-character rules alone: NFKC leaves them (and
/// any cluster made only of them) as they are and case folding is ASCII's. ASCII, NBSP, and the
/// Arabic block but for the four compatibility letters and the marks that compose (madda,
/// hamza above and below).
fn is_simple(c: char) -> bool {
    c.is_ascii() || matches!(c as u32, 0x0600..=0x0652 | 0x0656..=0x0674 | 0x0679..=0x06FF)
}

/// Characters that normalise to themselves on their own: most of what news text is made of.
fn is_plain(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '\u{0621}'..='\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}'
        | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
        || (c.is_ascii_punctuation())
}

/// Appends the normalised form of one grapheme cluster to `out`.
fn push_normalized(out: &mut String, cluster: &str) {
    let mut chars = cluster.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_plain(c) => out.push(c),
        (Some(c), None) if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
        _ if cluster.chars().all(is_simple) => {
            for c in cluster.chars() {
                push_simple(out, c);
            }
        }
        _ => {
            for c in cluster.nfkc() {
                if is_ignored(c) {
                    continue;
                }
                let c = fold(c);
                if c.is_whitespace() {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                    continue;
                }
                for f in std::iter::once(c).default_case_fold() {
                    out.push(fold(f));
                }
            }
        }
    }
}

/// Appends the normalised form of `c`, an [`is_simple`] character of a cluster made only of
/// them: its rule is per character.
fn push_simple(out: &mut String, c: char) {
    if c.is_whitespace() {
        if !out.ends_with(' ') {
            out.push(' ');
        }
    } else if !is_ignored(c) {
        out.push(fold(c.to_ascii_lowercase()));
    }
}

impl Normalized {
    /// Normalises `text`.
    pub fn new(text: &str) -> Self {
        let mut n = Normalized {
            text: String::with_capacity(text.len()),
            segments: Vec::with_capacity(text.len() / 2),
        };
        // Grapheme clusters, the fast way for Arabic and Latin text (see text::graphemes).
        let chars: Vec<char> = text.chars().collect();
        let mut starts = Vec::new();
        let fast = cluster_starts(text, &chars, &mut starts);
        let mut byte = 0;
        let mut next = 0;
        let mut cluster_start = 0;
        for (i, &c) in chars.iter().enumerate() {
            let starts_here = if fast {
                i == 0 || is_cluster_start(c)
            } else if starts.get(next) == Some(&(i as u32)) {
                next += 1;
                true
            } else {
                false
            };
            if starts_here && i > 0 {
                n.push_cluster(
                    text.get(cluster_start..byte).unwrap_or_default(),
                    cluster_start,
                );
                cluster_start = byte;
            }
            byte += c.len_utf8();
        }
        if !chars.is_empty() {
            n.push_cluster(text.get(cluster_start..).unwrap_or_default(), cluster_start);
        }
        n
    }

    /// Appends the normalised form of one grapheme cluster that starts at byte `start`.
    fn push_cluster(&mut self, cluster: &str, start: usize) {
        let at = self.text.len();
        push_normalized(&mut self.text, cluster);
        if self.text.len() > at {
            self.segments
                .push((at as u32, start as u32, (start + cluster.len()) as u32));
        }
    }

    /// The original byte range that the normalised range `range` came from.
    pub fn original(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let seg = |at: usize| {
            let i = self.segments.partition_point(|&(n, _, _)| n as usize <= at);
            self.segments
                .get(i.saturating_sub(1))
                .copied()
                .unwrap_or_default()
        };
        let first = seg(range.start);
        let last = seg(range.end.saturating_sub(1).max(range.start));
        first.1 as usize..last.2 as usize
    }
}

/// Normalises `text` without keeping the map: the text of [`Normalized::new`], made faster.
/// When the text's clusters are found the fast way (see text::graphemes), each cluster made
/// only of [`is_simple`] characters follows the per-character rule with no cluster bookkeeping,
/// and only the rare other clusters take the general path; any other text takes
/// [`Normalized::new`]. (The index normalises whole collections with it.)
pub fn normalize(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut starts = Vec::new();
    if !cluster_starts(text, &chars, &mut starts) {
        return Normalized::new(text).text;
    }
    let mut out = String::with_capacity(text.len());
    let (mut i, mut byte) = (0, 0);
    while i < chars.len() {
        let (first, from) = (i, byte);
        let mut simple = is_simple(chars[i]);
        byte += chars[i].len_utf8();
        i += 1;
        while i < chars.len() && !is_cluster_start(chars[i]) {
            simple &= is_simple(chars[i]);
            byte += chars[i].len_utf8();
            i += 1;
        }
        if simple {
            chars[first..i]
                .iter()
                .for_each(|&c| push_simple(&mut out, c));
        } else {
            push_normalized(&mut out, text.get(from..byte).unwrap_or_default());
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::string_slice)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_of_the_issue() {
        let cases = [
            // NFKC: presentation forms back to letters
            ("\u{FEFB}\u{FE8E}", "لاا"),
            ("\u{FE91}\u{FEAE}", "بر"),
            // harakat, tatweel, marks removed
            ("مُحَمَّد", "محمد"),
            ("الــــعربية", "العربيه"),
            ("\u{0670}ا\u{06D6}", "ا"),
            // invisible format characters removed
            (
                "a\u{200B}b\u{200F}c\u{202B}d\u{2067}e\u{061C}f\u{FEFF}g",
                "abcdefg",
            ),
            // alef variants, alef maqsura, teh marbuta
            ("أإآٱا", "ااااا"),
            ("فى", "في"),
            ("مدينة", "مدينه"),
            // Arabic-Indic digits, both sets
            ("٢٠١٥ و۲۰۱۵", "2015 و2015"),
            // case folding, full
            ("ISLAM Straße", "islam strasse"),
            // white space runs, NBSP included, to one space
            ("a \u{00A0}\t\n b", "a b"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input:?}");
        }
    }

    #[test]
    fn hamza_above_as_a_combining_mark_folds_too() {
        assert_eq!(normalize("\u{0627}\u{0654}"), "ا");
        assert_eq!(normalize("الإسلام"), normalize("الاسلام"));
        assert_eq!(normalize("الإسلام"), normalize("الإِسْلَام"));
    }

    #[test]
    fn matches_map_back_to_the_original_characters() {
        let text = "قال: الإِسْلَامُ دينٌ";
        let n = Normalized::new(text);
        let at = n.text.find("الاسلام").unwrap();
        let range = n.original(at..at + "الاسلام".len());
        assert_eq!(&text[range], "الإِسْلَامُ");
        // a ligature presentation form maps back whole
        let text = "ب\u{FEFB}";
        let n = Normalized::new(text);
        assert_eq!(n.text, "بلا");
        let at = n.text.find('ل').unwrap();
        assert_eq!(&text[n.original(at..at + 2)], "\u{FEFB}");
    }

    proptest::proptest! {
        /// The fast text-only path gives exactly the text of the mapped one.
        #[test]
        fn the_fast_path_gives_the_same_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", " ", "  ", "\n", "\r\n", "\t", "\u{a0}", ".", "،", "«", "»", "–", "“",
                "ا", "أ", "إ", "آ", "ٱ", "ى", "ة", "ه", "ل", "م", "ـ", "\u{64e}", "\u{651}",
                "\u{653}", "\u{654}", "\u{655}", "\u{670}", "\u{6d6}", "٢", "۵", "\u{FEFB}",
                "\u{FE91}", "\u{200f}", "\u{202b}", "\u{feff}", "ß", "É", "\u{301}", "😀",
                "\u{600}", "\u{1f1e6}", "한", "\u{200d}", "\u{fdf2}",
            ]), 0..40)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(normalize(&text), Normalized::new(&text).text);
        }
    }
}
