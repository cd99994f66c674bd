//! Resolving embedding levels (UAX #9 P2-P3, W1-W7, N0-N2, I1-I2) for one paragraph.
//!
//! Nearly every paragraph of real text has no explicit embeddings, overrides, isolates or
//! paragraph separators inside it: then X1-X10 are trivial (one isolating run sequence at the
//! paragraph level, X9 removing only BN) and this module resolves the levels itself, in one
//! compact pass per rule over a class per character. Any other paragraph goes to unicode-bidi.
//! Both give the same levels (the conformance test runs both; a property test compares them).

use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData, Level, ParagraphBidiInfo};

use super::Direction;
use super::props::{CharInfo, FastBidiData, char_info, mirror};
use super::tables::MIRRORS;

use BidiClass::{
    AL, AN, B, BN, CS, EN, ES, ET, FSI, L, LRE, LRI, LRO, NSM, ON, PDF, PDI, R, RLE, RLI, RLO, WS,
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

/// A run of characters of one bidi class (BN characters inside it skipped, as X9 says). Paired
/// brackets are runs of their own.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// Character range, BN characters at its edges not included.
    start: u32,
    end: u32,
    /// The class as the rules resolve it, and as it was.
    class: BidiClass,
    original: BidiClass,
    /// One character only (not counting BN).
    single: bool,
    /// For a bracket: the opening bracket of its pair (canonical) and whether it opens.
    bracket: Option<(char, bool)>,
}

impl Run {
    fn new(
        start: usize,
        end: usize,
        class: BidiClass,
        single: bool,
        bracket: Option<(char, bool)>,
    ) -> Self {
        Run {
            start: start as u32,
            end: end as u32,
            class,
            original: class,
            single,
            bracket,
        }
    }
}

/// Paired brackets: (character, its opening bracket, is it an opening one), sorted.
fn brackets() -> &'static [(char, char, bool)] {
    static TABLE: OnceLock<Vec<(char, char, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Paired brackets are all mirrored characters.
        MIRRORS
            .iter()
            .filter_map(|&(c, _)| {
                let b = HardcodedBidiData.bidi_matched_opening_bracket(c)?;
                Some((c, b.opening, b.is_open))
            })
            .collect()
    })
}

/// The bracket pair key of `c` (its opening bracket, canonical: U+2329 and U+3008 are one)
/// and whether it opens, if it is one.
fn bracket(c: char) -> Option<(char, bool)> {
    mirror(c)?;
    let table = brackets();
    table
        .binary_search_by_key(&c, |&(ch, _, _)| ch)
        .ok()
        .map(|i| (table[i].1, table[i].2))
}

fn strong_of(class: BidiClass) -> Option<BidiClass> {
    match class {
        L => Some(L),
        R | AL | EN | AN => Some(R),
        _ => None,
    }
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

/// W1-W7 on the runs of one isolating run sequence whose sos and eos are `e`. `has` says
/// whether any of some classes is present: a rule none of whose classes is present is skipped
/// (no rule makes a class that was absent, but for those its own input implies).
fn resolve_weak(runs: &mut [Run], e: BidiClass, has: impl Fn(&[BidiClass]) -> bool) {
    let n = runs.len();
    // W1: marks take the class of what they follow.
    if has(&[NSM]) {
        let mut prev = e;
        for run in runs.iter_mut() {
            if run.class == NSM {
                run.class = prev;
            }
            prev = run.class;
        }
    }
    // W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
    if has(&[AL]) {
        let mut last_strong = e;
        for run in runs.iter_mut() {
            match run.class {
                L | R => last_strong = run.class,
                AL => {
                    last_strong = AL;
                    run.class = R;
                }
                EN if last_strong == AL => run.class = AN,
                _ => {}
            }
        }
    }
    // W4: a single separator between two numbers of the same kind.
    if has(&[ES, CS]) && has(&[EN, AN]) {
        for k in 1..n.saturating_sub(1) {
            if runs[k].single {
                runs[k].class = match (runs[k].class, runs[k - 1].class, runs[k + 1].class) {
                    (ES | CS, EN, EN) => EN,
                    (CS, AN, AN) => AN,
                    (class, _, _) => class,
                };
            }
        }
    }
    // W5: terminators next to European numbers; W6: other separators become neutral.
    if has(&[ET, ES, CS]) {
        let mut k = 0;
        while k < n {
            if runs[k].class == ET {
                let first = k;
                while k < n && runs[k].class == ET {
                    k += 1;
                }
                let to = if (first > 0 && runs[first - 1].class == EN)
                    || (k < n && runs[k].class == EN)
                {
                    EN
                } else {
                    ON
                };
                for run in &mut runs[first..k] {
                    run.class = to;
                }
            } else {
                if matches!(runs[k].class, ES | CS) {
                    runs[k].class = ON;
                }
                k += 1;
            }
        }
    }
    // W7: European numbers after L are L.
    if has(&[EN]) {
        let mut last_strong = e;
        for run in runs.iter_mut() {
            match run.class {
                L | R => last_strong = run.class,
                EN if last_strong == L => run.class = L,
                _ => {}
            }
        }
    }
}

/// N0: paired brackets take the direction of what they enclose, or of their context.
fn resolve_brackets(runs: &mut [Run], e: BidiClass) {
    // BD16: pairs from a stack of at most 63 openers.
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let Some((key, open)) = run.bracket else {
            continue;
        };
        if run.class != ON {
            continue;
        }
        if open {
            if stack.len() == 63 {
                break;
            }
            stack.push((key, k));
        } else if let Some(d) = stack.iter().rposition(|&(o, _)| o == key) {
            pairs.push((stack[d].1, k));
            stack.truncate(d);
        }
    }
    pairs.sort_unstable();
    for (open, close) in pairs {
        let mut inside = None;
        for run in &runs[open + 1..close] {
            match strong_of(run.class) {
                Some(s) if s == e => {
                    inside = Some(e);
                    break;
                }
                Some(s) => inside = Some(s),
                None => {}
            }
        }
        let to = match inside {
            None => continue,
            Some(s) if s == e => e,
            Some(_) => {
                let prior = runs[..open]
                    .iter()
                    .rev()
                    .find_map(|r| strong_of(r.class))
                    .unwrap_or(e);
                if prior == e { e } else { prior }
            }
        };
        for k in [open, close] {
            runs[k].class = to;
            // Marks after a bracket follow it.
            for run in runs[k + 1..].iter_mut().take_while(|r| r.original == NSM) {
                run.class = to;
            }
        }
    }
}

/// N1, N2: neutrals between two strong of the same direction take it, else `e`.
fn resolve_neutral(runs: &mut [Run], e: BidiClass) {
    let n = runs.len();
    let mut k = 0;
    let mut before = e;
    while k < n {
        if let Some(s) = strong_of(runs[k].class) {
            before = s;
            k += 1;
            continue;
        }
        let first = k;
        while k < n && strong_of(runs[k].class).is_none() {
            k += 1;
        }
        let after = runs.get(k).and_then(|r| strong_of(r.class)).unwrap_or(e);
        let to = if before == after { before } else { e };
        for run in &mut runs[first..k] {
            run.class = to;
        }
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
