//! Arabic shaping for terminals that do not shape: cursive joining (Unicode §9.2) and the
//! lam-alef ligatures, done the way GNU FriBidi does them so that both agree letter for letter.
//!
//! Joining works in logical order over a whole paragraph. Transparent characters (harakat,
//! format characters) are skipped but must sit at the same embedding level; characters ignored
//! by the bidi algorithm (BN, explicit embeddings) are skipped entirely. A letter's form is then
//! picked from which of its neighbours it joins: isolated, final, initial or medial.

use super::forms::{Arabic, lam_alef};
use super::joining::{IGNORED, JOINS_LEFT, JOINS_RIGHT, SHAPES, TRANSPARENT};
use super::props::CharInfo;
/// The level of a character that the bidi algorithm removes: it matches any level.
pub const NO_LEVEL: u8 = u8::MAX;

/// In right-to-left text the preceding letter is on the right; in left-to-right text (an
/// override) it is on the left.
fn preceding_mask(level: u8) -> u8 {
    if level & 1 == 1 {
        JOINS_RIGHT
    } else {
        JOINS_LEFT
    }
}

fn following_mask(level: u8) -> u8 {
    if level & 1 == 1 {
        JOINS_LEFT
    } else {
        JOINS_RIGHT
    }
}

fn levels_match(a: u8, b: u8) -> bool {
    a == b || a == NO_LEVEL || b == NO_LEVEL
}

/// What shaping did to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shaped {
    /// Drawn as this character (a presentation form, or the character itself).
    As(char),
    /// Merged into the following character, a lam-alef ligature.
    Ligated,
}

/// Shapes `chars`, of properties `infos`, into `out`, one entry per character. `levels[i]` is
/// the embedding level of `chars[i]`, or [`NO_LEVEL`] for a character the bidi algorithm
/// removes. `ar` is scratch.
pub fn shape(
    chars: &[char],
    infos: &[CharInfo],
    levels: &[u8],
    ar: &mut Vec<u8>,
    out: &mut Vec<Shaped>,
) {
    let arabic = Arabic::get();
    ar.clear();
    ar.extend(infos.iter().map(|info| info.join_props()));
    join(levels, ar);
    out.clear();
    out.reserve(chars.len());
    for (i, (&c, &p)) in chars.iter().zip(ar.iter()).enumerate() {
        let drawn = form(arabic, c, p);
        if i > 0
            && let Some(&Shaped::As(lam)) = out.last()
            && let Some(lig) = ligature(lam, levels[i - 1], drawn, levels[i])
        {
            out[i - 1] = Shaped::Ligated;
            out.push(Shaped::As(lig));
        } else {
            out.push(Shaped::As(drawn));
        }
    }
}

/// The join bits of each character into `ar` (what [`form`] takes), as [`shape`] finds them,
/// for characters none of which the bidi algorithm removes (no level is [`NO_LEVEL`]).
pub fn joins(infos: &[CharInfo], levels: &[u8], ar: &mut Vec<u8>) {
    ar.clear();
    ar.extend(infos.iter().map(|info| info.join_props()));
    if ar.iter().fold(0, |any, &p| any | p) & (TRANSPARENT | IGNORED) == 0 {
        join_adjacent(levels, ar);
    } else {
        join(levels, ar);
    }
}

/// The contextual form of `c` for its join bits `p`.
pub fn form(arabic: Arabic, c: char, p: u8) -> char {
    if p & SHAPES != 0 {
        arabic.form(c, usize::from(p & (JOINS_RIGHT | JOINS_LEFT)))
    } else {
        c
    }
}

/// The lam-alef ligature of a shaped lam at `lam_level` and the character after it, `alef`
/// as shaped, at `level`: both at one odd level.
pub fn ligature(lam: char, lam_level: u8, alef: char, level: u8) -> Option<char> {
    if lam_level & 1 == 1 && lam_level != NO_LEVEL && lam_level == level {
        lam_alef(lam, alef)
    } else {
        None
    }
}

/// The joining pass (GNU FriBidi's `fribidi_join_arabic`): clears the join bits of each
/// character that does not actually join its neighbour.
fn join(levels: &[u8], ar: &mut [u8]) {
    let n = ar.len().min(levels.len());
    let (levels, ar) = (&levels[..n], &mut ar[..n]);
    let mut saved = 0usize;
    let mut saved_level = NO_LEVEL;
    let mut saved_shapes = false;
    let mut saved_following = 0u8;
    let mut joins = false;
    for i in 0..n {
        let p = ar[i];
        if p & IGNORED != 0 {
            continue;
        }
        let level = levels[i];
        let mut disjoin = false;
        if joins && !levels_match(saved_level, level) {
            disjoin = true;
            joins = false;
        }
        if p & TRANSPARENT == 0 {
            let preceding = preceding_mask(level);
            if !joins {
                if p & SHAPES != 0 {
                    ar[i] = p & !preceding;
                }
            } else if p & preceding == 0 {
                disjoin = true;
            } else if i > saved + 1 {
                // Marks between two joined letters take the join on both sides.
                for mark in &mut ar[saved + 1..i] {
                    *mark |= preceding | saved_following;
                }
            }
            if disjoin && saved_shapes {
                ar[saved] &= !saved_following;
            }
            saved = i;
            saved_level = level;
            saved_shapes = p & SHAPES != 0;
            saved_following = following_mask(level);
            joins = ar[i] & saved_following != 0;
        } else if disjoin && saved_shapes {
            ar[saved] &= !saved_following;
        }
    }
    if joins && saved_shapes {
        ar[saved] &= !saved_following;
    }
}

/// [`join`] for text in which no character is transparent or ignored and every level is one
/// of the bidi algorithm: each character's neighbour is the character next to it, so the
/// rule is simply that two neighbours join when both join on the sides that face each other
/// and they sit at one level. (Most paragraphs: those without harakat.)
fn join_adjacent(levels: &[u8], ar: &mut [u8]) {
    let n = ar.len().min(levels.len());
    let (levels, ar) = (&levels[..n], &mut ar[..n]);
    // Of the character before: it joins the side facing this one, it takes forms, its level.
    let (mut joins, mut shapes, mut before) = (false, false, NO_LEVEL);
    for i in 0..n {
        let (p, level) = (ar[i], levels[i]);
        let preceding = preceding_mask(level);
        if !(joins && before == level && p & preceding != 0) {
            if p & SHAPES != 0 {
                ar[i] = p & !preceding;
            }
            if joins && shapes && i > 0 {
                ar[i - 1] &= !following_mask(before);
            }
        }
        joins = ar[i] & following_mask(level) != 0;
        shapes = p & SHAPES != 0;
        before = level;
    }
    if joins && shapes && n > 0 {
        ar[n - 1] &= !following_mask(before);
    }
}

#[cfg(test)]
mod tests {
    use super::super::joining::join_props;
    use super::super::tables::Joining;
    use super::*;

    fn infos(chars: &[char]) -> Vec<CharInfo> {
        chars
            .iter()
            .map(|&c| super::super::props::char_info(c))
            .collect()
    }

    fn shaped(s: &str, level: u8) -> String {
        let chars: Vec<char> = s.chars().collect();
        let levels = vec![level; chars.len()];
        let mut out = Vec::new();
        shape(&chars, &infos(&chars), &levels, &mut Vec::new(), &mut out);
        out.iter()
            .filter_map(|s| match s {
                Shaped::As(c) => Some(*c),
                Shaped::Ligated => None,
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 10000, ..Default::default() })]
        #[test]
        fn neighbours_join_as_in_the_full_pass(
            chars in proptest::collection::vec((0..5usize, 0..4u8), 0..40),
        ) {
            let kinds = [Joining::U, Joining::R, Joining::L, Joining::D, Joining::C];
            let props: Vec<u8> = chars.iter().map(|&(k, _)| join_props(kinds[k])).collect();
            let levels: Vec<u8> = chars.iter().map(|&(_, level)| level).collect();
            let (mut full, mut adjacent) = (props.clone(), props);
            join(&levels, &mut full);
            join_adjacent(&levels, &mut adjacent);
            proptest::prop_assert_eq!(adjacent, full, "{:?}", chars);
        }
    }

    #[test]
    fn letters_take_their_contextual_forms() {
        // beh alone, beh-beh-beh, beh-alef
        assert_eq!(shaped("ب", 1), "\u{FE8F}");
        assert_eq!(shaped("ببب", 1), "\u{FE91}\u{FE92}\u{FE90}");
        assert_eq!(shaped("با", 1), "\u{FE91}\u{FE8E}");
        // alef does not join the following letter
        assert_eq!(shaped("اب", 1), "\u{FE8D}\u{FE8F}");
    }

    #[test]
    fn harakat_are_transparent() {
        // beh fatha beh: the marks stay, the letters still join
        assert_eq!(shaped("بَب", 1), "\u{FE91}\u{64E}\u{FE90}");
    }

    #[test]
    fn lam_alef_ligatures() {
        assert_eq!(shaped("لا", 1), "\u{FEFB}");
        assert_eq!(shaped("سلام", 1), "\u{FEB3}\u{FEFC}\u{FEE1}");
        assert_eq!(shaped("لأ", 1), "\u{FEF7}");
        // a haraka between lam and alef prevents the ligature, as in FriBidi
        assert_eq!(shaped("لَا", 1), "\u{FEDF}\u{64E}\u{FE8E}");
        // no ligature for allah: four letters stay four cells
        assert_eq!(shaped("الله", 1).chars().count(), 4);
    }

    #[test]
    fn different_levels_do_not_join() {
        let chars: Vec<char> = "بب".chars().collect();
        let mut out = Vec::new();
        shape(&chars, &infos(&chars), &[1, 3], &mut Vec::new(), &mut out);
        assert_eq!(out, vec![Shaped::As('\u{FE8F}'), Shaped::As('\u{FE8F}')]);
    }

    #[test]
    fn latin_is_untouched() {
        let chars: Vec<char> = "abc".chars().collect();
        let mut out = Vec::new();
        shape(
            &chars,
            &infos(&chars),
            &[0, 0, 0],
            &mut Vec::new(),
            &mut out,
        );
        assert_eq!(out, vec![Shaped::As('a'), Shaped::As('b'), Shaped::As('c')]);
    }
}
