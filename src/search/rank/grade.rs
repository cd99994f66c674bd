//! How well one occurrence of a term fits the word it is in. A term matches as a substring,
//! so "علم" is found in "العلم" (the word, after the article), in "علماء" (a longer word it
//! begins) and in "معلم" (another word that holds it). For ranking these are not alike: the
//! word itself, or the word after Arabic's clitics (و ف ب ك ل ال and their combinations, as
//! Larkey's light10 stemmer strips them) and before a light suffix (the pronoun and plural
//! endings light10 strips), is what the reader meant; a word the term only begins is a guess;
//! a term inside a longer word is nearly always another word. The grade is a scoring signal
//! only: which articles match never depends on it.
//!
//! Texts and terms here are normalised (see `normalize`): alef forms are one alef, teh
//! marbuta is heh and alef maksura is yeh, so the affixes are written in that form.

/// Prefixes light10 strips (normalised), each possibly after و or ف.
const CLITICS: [&str; 6] = ["ال", "بال", "كال", "لل", "ب", "ل"];

/// Light suffixes (normalised): pronouns, duals and plurals, the feminine ending.
const SUFFIXES: [&str; 21] = [
    "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "يه", "ين", "ون", "ان", "ات", "يات",
    "نا", "ا", "وا", "تين", "تان",
];

/// The grade of an occurrence, from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    /// Inside a longer word, not at its start.
    Inside = 1,
    /// At the start of a longer word (after clitics, if any), the rest not a light suffix.
    Begins = 2,
    /// The word's light stem: after clitics, before a light suffix.
    Stem = 3,
    /// The whole word, or the whole word after clitics.
    Whole = 4,
}

impl Grade {
    /// What an occurrence of this grade counts for in a term's frequency.
    pub fn weight(self) -> f32 {
        match self {
            Grade::Whole => 1.0,
            Grade::Stem => 0.8,
            Grade::Begins => 0.4,
            Grade::Inside => 0.02,
        }
    }

    /// What an occurrence of this grade counts for in a block's query likelihood (see
    /// `rank::likelihood`): a reader who remembers a word types the word, so an occurrence
    /// that is not the word itself (after clitics) is only a faint trace of it.
    pub fn likelihood_weight(self) -> f32 {
        match self {
            Grade::Whole => 1.0,
            Grade::Stem => 0.1,
            Grade::Begins => 0.02,
            Grade::Inside => 0.0,
        }
    }

    /// From its number (as kept per article while lists are read); None for 0.
    pub fn from_number(n: u8) -> Option<Self> {
        match n {
            1 => Some(Grade::Inside),
            2 => Some(Grade::Begins),
            3 => Some(Grade::Stem),
            4 => Some(Grade::Whole),
            _ => None,
        }
    }
}

/// Whether `s` is a sequence of clitics: empty, و or ف, then at most one of [`CLITICS`].
fn clitics(s: &str) -> bool {
    let s = s
        .strip_prefix('و')
        .or_else(|| s.strip_prefix('ف'))
        .unwrap_or(s);
    s.is_empty() || CLITICS.contains(&s)
}

fn suffix(s: &str) -> bool {
    SUFFIXES.contains(&s)
}

/// A character that is part of a word (punctuation and spaces end words).
fn wordy(c: char) -> bool {
    c.is_alphanumeric()
}

/// The grade of the occurrence of a term at `start..end` of normalised `text` (character
/// boundaries): by what stands before it and after it in the word around it.
pub fn grade(text: &str, start: usize, end: usize) -> Grade {
    let before = text.get(..start).unwrap_or_default();
    let after = text.get(end..).unwrap_or_default();
    let lead_at = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| wordy(c))
        .last()
        .map_or(before.len(), |(i, _)| i);
    let trail_len: usize = after
        .chars()
        .take_while(|&c| wordy(c))
        .map(char::len_utf8)
        .sum();
    let lead = before.get(lead_at..).unwrap_or_default();
    let trail = after.get(..trail_len).unwrap_or_default();
    // A term that itself begins or ends inside a word (a term of punctuation, say) has no
    // word to fit: graded by its ends alone.
    match (clitics(lead), trail.is_empty(), suffix(trail)) {
        (true, true, _) => Grade::Whole,
        (true, false, true) => Grade::Stem,
        (true, false, false) => Grade::Begins,
        (false, _, _) => Grade::Inside,
    }
}

/// The grade of term `term` where it occurs best in `word` (a word of the vocabulary, which
/// holds it): the best of its occurrences there.
pub fn in_word(word: &[u8], term: &[u8]) -> Grade {
    let (Ok(word), Ok(_)) = (std::str::from_utf8(word), std::str::from_utf8(term)) else {
        return Grade::Inside;
    };
    memchr::memmem::find_iter(word.as_bytes(), term)
        .map(|at| grade(word, at, at + term.len()))
        .max()
        .unwrap_or(Grade::Inside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize;

    fn of(word: &str, term: &str) -> Grade {
        let (w, t) = (normalize(word), normalize(term));
        in_word(w.as_bytes(), t.as_bytes())
    }

    #[test]
    fn whole_words_and_words_after_clitics() {
        assert_eq!(of("علم", "علم"), Grade::Whole);
        assert_eq!(of("العلم", "علم"), Grade::Whole);
        assert_eq!(of("وبالعلم", "علم"), Grade::Whole);
        assert_eq!(of("للعلم", "علم"), Grade::Whole);
        assert_eq!(of("«العلم»،", "علم"), Grade::Whole);
        assert_eq!(of("فالمدينة", "مدينة"), Grade::Whole);
    }

    #[test]
    fn light_stems_then_longer_words_then_words_inside() {
        assert_eq!(of("المدينتين", "المدين"), Grade::Stem);
        assert_eq!(of("علمها", "علم"), Grade::Stem);
        assert_eq!(of("والمعلمون", "المعلم"), Grade::Stem);
        assert_eq!(of("علماء", "علم"), Grade::Begins);
        assert_eq!(of("معلم", "علم"), Grade::Inside);
        assert_eq!(of("تعليم", "علم"), Grade::Inside);
        // The best occurrence in the word counts.
        assert_eq!(of("abab", "ab"), Grade::Begins);
        assert!(Grade::Whole.weight() > Grade::Stem.weight());
        assert!(Grade::Begins.weight() > Grade::Inside.weight());
    }

    #[test]
    fn grades_in_running_text() {
        let t = normalize("قال الوزير، في المؤتمر");
        let at = t.find("وزير").unwrap();
        assert_eq!(grade(&t, at, at + "وزير".len()), Grade::Whole);
        let at = t.find("ؤتمر").unwrap();
        assert_eq!(grade(&t, at, at + "ؤتمر".len()), Grade::Inside);
        // A phrase: by its two ends.
        let at = t.find("ل الوز").unwrap();
        assert_eq!(grade(&t, at, at + "ل الوز".len()), Grade::Inside);
        let at = t.find("قال الوزير").unwrap();
        assert_eq!(grade(&t, at, at + "قال الوزير".len()), Grade::Whole);
    }
}
