//! Resolving embedding levels (UAX #9 P2-P3, W1-W7, N0-N2, I1-I2) for one paragraph.
//!
//! Nearly every paragraph of real text has no explicit embeddings, overrides, isolates or
//! paragraph separators inside it: then X1-X10 are trivial (one isolating run sequence at the
//! paragraph level, X9 removing only BN) and this module resolves the levels itself, in one
//! compact pass per rule over a class per character. Any other paragraph goes to unicode-bidi.
//! Both give the same levels (the conformance test runs both; a property test compares them).
//! Cutting the paragraph into runs and the implicit levels are here; the rules that resolve
//! the runs' classes (W1-W7, N0-N2) are in `rules`.

mod rules;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use super::options::Direction;
use super::props::{CharInfo, FastBidiData, char_info};
use rules::{Run, bracket, resolve_brackets, resolve_neutral, resolve_weak};

use BidiClass::{
    AL, AN, B, BN, CS, EN, ES, ET, FSI, L, LRE, LRI, LRO, ON, PDF, PDI, R, RLE, RLI, RLO, WS,
};

/// Resolved levels of one paragraph, one entry per character.
#[derive(Default)]
#[allow(clippy::struct_field_names)]
pub struct Levels {
    /// The resolved embedding level of each character (before L1). Characters removed by X9
    /// carry the level of the character before them.
    pub levels: Vec<u8>,
    /// The paragraph embedding level.
    pub base: u8,
    /// Working space: the runs of the one isolating run sequence.
    runs: Vec<Run>,
}

/// The direction of most of the strong letters of `text` (UAX #9 classes L against R and AL);
/// None on a tie, and for text with no strong letter.
pub fn majority(text: &str) -> Option<Direction> {
    let (mut ltr, mut rtl) = (0usize, 0usize);
    for c in text.chars() {
        match char_info(c).class() {
            L => ltr += 1,
            R | AL => rtl += 1,
            _ => {}
        }
    }
    match ltr.cmp(&rtl) {
        std::cmp::Ordering::Greater => Some(Direction::Ltr),
        std::cmp::Ordering::Less => Some(Direction::Rtl),
        std::cmp::Ordering::Equal => None,
    }
}

impl Levels {
    /// Resolves the levels of the characters `chars`, of properties `infos`, as one paragraph.
    pub fn resolve(&mut self, chars: &[char], infos: &[CharInfo], direction: Direction) {
        self.levels.clear();
        self.runs.clear();
        // One bit per class (`1 << class as u32`) for the classes present.
        let mut present = 0u32;
        let mut first_strong = None;
        let mut brackets = false;
        // Strong letters of each direction, for the majority rule.
        let (mut ltr, mut rtl) = (0usize, 0usize);
        // The last run of a strong letter, when only neutrals that no weak rule can change
        // follow it: a run of the same letters after them joins it, neutrals and all (N1 would
        // give them its direction). Arabic text is then a run a sentence, not two a word.
        let mut joinable: Option<usize> = None;
        let mut i = 0;
        while let Some(info) = infos.get(i) {
            let class = info.class();
            present |= 1 << class as u32;
            if class == BN {
                i += 1;
                continue;
            }
            if class == ON {
                // Paired brackets are runs of their own.
                let bracket = chars.get(i).and_then(|&c| bracket(c));
                if bracket.is_some() {
                    brackets = true;
                    joinable = None;
                }
                match self.runs.last_mut() {
                    Some(last)
                        if last.class == ON && bracket.is_none() && last.bracket.is_none() =>
                    {
                        last.end = i as u32 + 1;
                        last.single = false;
                    }
                    _ => self.runs.push(Run::new(i, i + 1, ON, true, bracket)),
                }
                i += 1;
                continue;
            }
            // A run of `class` (BN characters inside it skipped): the previous one, whatever
            // came between, was of another class.
            let (start, mut end, mut count) = (i, i + 1, 1);
            i += 1;
            while let Some(info) = infos.get(i) {
                let next = info.class();
                if next == class {
                    (end, count) = (i + 1, count + 1);
                } else if next != BN {
                    break;
                }
                i += 1;
            }
            match class {
                L => ltr += count,
                R | AL => rtl += count,
                _ => {}
            }
            if first_strong.is_none() && matches!(class, L | R | AL) {
                first_strong = Some(class);
            }
            match class {
                L | R | AL => {
                    if let Some(k) = joinable
                        && let Some(strong) = self.runs.get_mut(k)
                        && strong.class == class
                    {
                        strong.end = end as u32;
                        strong.single = false;
                        self.runs.truncate(k + 1);
                    } else {
                        joinable = Some(self.runs.len());
                        self.runs
                            .push(Run::new(start, end, class, count == 1, None));
                    }
                }
                // Neutral whatever the weak rules do, between two letters of one direction.
                WS | CS | ES | ET => self
                    .runs
                    .push(Run::new(start, end, class, count == 1, None)),
                _ => {
                    joinable = None;
                    self.runs
                        .push(Run::new(start, end, class, count == 1, None));
                }
            }
        }
        let has = |classes: &[BidiClass]| classes.iter().any(|&c| present & (1 << c as u32) != 0);
        let direction = match direction {
            Direction::Majority if rtl > ltr => Direction::Rtl,
            Direction::Majority if ltr > rtl => Direction::Ltr,
            Direction::Majority => Direction::Auto,
            other => other,
        };
        if has(&[LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI, B]) {
            let text: String = chars.iter().collect();
            self.resolve_with_unicode_bidi(&text, direction);
            return;
        }
        self.base = match direction {
            Direction::Ltr => 0,
            Direction::Rtl => 1,
            Direction::Auto | Direction::Majority => u8::from(matches!(first_strong, Some(R | AL))),
        };
        if first_strong.is_none() && !has(&[EN, AN]) {
            // Nothing directional: every character at the paragraph level.
            self.levels.resize(chars.len(), self.base);
            return;
        }
        let e = if self.base & 1 == 1 { R } else { L };
        resolve_weak(&mut self.runs, e, has);
        if brackets {
            resolve_brackets(&mut self.runs, e);
        }
        resolve_neutral(&mut self.runs, e);
        self.resolve_implicit(chars.len());
    }

    fn resolve_with_unicode_bidi(&mut self, text: &str, direction: Direction) {
        let level = match direction {
            Direction::Auto | Direction::Majority => None,
            Direction::Ltr => Some(Level::ltr()),
            Direction::Rtl => Some(Level::rtl()),
        };
        let info = ParagraphBidiInfo::new_with_data_source(&FastBidiData, text, level);
        self.base = info.paragraph_level.number();
        self.levels
            .extend(text.char_indices().map(|(i, _)| info.levels[i].number()));
    }

    /// I1, I2: levels from the resolved classes; BN characters between runs take the level
    /// before them. Consecutive runs at one level are filled at once.
    fn resolve_implicit(&mut self, len: usize) {
        let base = self.base;
        // The level of the stretch not filled yet, which ends where the level changes.
        let mut last = base;
        for run in &self.runs {
            let level = match (base & 1, run.class) {
                (0, R) | (1, L | EN | AN) => base + 1,
                (0, AN | EN) => base + 2,
                _ => base,
            };
            if level != last {
                self.levels.resize(run.start as usize, last);
                last = level;
            }
        }
        self.levels.resize(len, last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(text: &str, direction: Direction) -> (u8, Vec<u8>) {
        let mut l = Levels::default();
        let chars: Vec<char> = text.chars().collect();
        let infos: Vec<CharInfo> = chars.iter().map(|&c| char_info(c)).collect();
        l.resolve(&chars, &infos, direction);
        (l.base, l.levels.clone())
    }

    fn reference(text: &str, direction: Direction) -> (u8, Vec<u8>) {
        let mut l = Levels::default();
        l.resolve_with_unicode_bidi(text, direction);
        (l.base, l.levels.clone())
    }

    #[test]
    fn matches_unicode_bidi_on_typical_text() {
        for text in [
            "مرحبا (بالعالم) hello [world] 2015 «نص»",
            "Horn بالإنجليزية هو «البوق» وHorner",
            "السعر 3.5% أي $12,000 - 1+2 = ٣",
            "abc (def [ghi) jkl] مرحبا",
            "a (ب) c",
            "ب (a) ج",
            "ب\u{64e} (\u{64e}x)\u{64e} 12:30",
            "",
            "   ",
            "123 456",
        ] {
            for d in [Direction::Auto, Direction::Ltr, Direction::Rtl] {
                let (base, got) = levels(text, d);
                let (rbase, want) = reference(text, d);
                assert_eq!((base, &got), (rbase, &want), "{text:?} {d:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        #[test]
        fn own_resolver_matches_unicode_bidi(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "ب", "ا", "a", "Z", "1", "٣", "۴", " ", "(", ")", "[", "]", "«", "»", "\u{2329}", "\u{3009}",
                "+", "-", ",", ".", ":", "/", "%", "$", "#", "\u{64e}", "\u{301}", "\u{ad}", "\u{200d}",
                "\u{200e}", "\u{200f}", "\u{61c}", "\t", "!", "\u{a0}", "\u{2212}", "\u{660}", "\u{6f1}",
            ][..]), 0..40),
            d in 0..3u8,
        ) {
            let text = pieces.concat();
            let direction = [Direction::Auto, Direction::Ltr, Direction::Rtl][usize::from(d)];
            proptest::prop_assert_eq!(levels(&text, direction), reference(&text, direction), "{:?}", text);
        }
    }
}
