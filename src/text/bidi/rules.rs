//! The rules of UAX #9 that resolve the classes of the runs of one isolating run sequence:
//! the weak types (W1-W7), paired brackets (N0, BD16) and the neutrals (N1-N2). They work on
//! [`Run`]s, which `bidi` cuts the paragraph into and turns into levels afterwards (I1-I2).

use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

use super::super::props::mirror;
use super::super::tables::MIRRORS;

use BidiClass::{AL, AN, CS, EN, ES, ET, L, NSM, ON, R};

/// A run of characters of one bidi class (BN characters inside it skipped, as X9 says). Paired
/// brackets are runs of their own.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    /// Character range, BN characters at its edges not included.
    pub start: u32,
    pub end: u32,
    /// The class as the rules resolve it, and as it was.
    pub class: BidiClass,
    pub original: BidiClass,
    /// One character only (not counting BN).
    pub single: bool,
    /// For a bracket: the opening bracket of its pair (canonical) and whether it opens.
    pub bracket: Option<(char, bool)>,
}

impl Run {
    pub fn new(
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
pub fn bracket(c: char) -> Option<(char, bool)> {
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

/// W1-W7 on the runs of one isolating run sequence whose sos and eos are `e`. `has` says
/// whether any of some classes is present: a rule none of whose classes is present is skipped
/// (no rule makes a class that was absent, but for those its own input implies).
pub fn resolve_weak(runs: &mut [Run], e: BidiClass, has: impl Fn(&[BidiClass]) -> bool) {
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
pub fn resolve_brackets(runs: &mut [Run], e: BidiClass) {
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
pub fn resolve_neutral(runs: &mut [Run], e: BidiClass) {
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
