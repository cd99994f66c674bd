//! The Arabic joining types (ArabicShaping.txt, as GNU FriBidi derives them) and the joining
//! properties shaping works with: which sides a character joins, whether it takes forms,
//! whether shaping skips it. Below both `props` (which keeps them per character in `CharInfo`)
//! and `shape` (which joins with them), so that neither has to import the other.

use super::tables::{JOINING, Joining};

/// Joins the character on its right (before it in right-to-left text).
pub const JOINS_RIGHT: u8 = 0x01;
/// Joins the character on its left.
pub const JOINS_LEFT: u8 = 0x02;
/// Takes contextual forms.
pub const SHAPES: u8 = 0x04;
/// Skipped by joining, at the same level as its neighbours (harakat, format characters).
pub const TRANSPARENT: u8 = 0x10;
/// Skipped entirely (characters the bidi algorithm removes).
pub const IGNORED: u8 = 0x20;

/// The joining properties of a joining type (kept per character in `CharInfo`).
pub fn join_props(joining: Joining) -> u8 {
    match joining {
        Joining::U => 0,
        Joining::R => JOINS_RIGHT | SHAPES,
        Joining::L => JOINS_LEFT | SHAPES,
        Joining::D => JOINS_RIGHT | JOINS_LEFT | SHAPES,
        Joining::C => JOINS_RIGHT | JOINS_LEFT,
        Joining::T => TRANSPARENT | SHAPES,
        Joining::G => IGNORED,
    }
}

/// The joining type of `c`, by a binary search of the table (`CharInfo` keeps the result).
pub fn joining_slow(c: char) -> Joining {
    match JOINING.binary_search_by(|&(lo, hi, _)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => JOINING[i].2,
        Err(_) => Joining::U,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_types_follow_arabic_shaping() {
        assert_eq!(joining_slow('ب'), Joining::D);
        assert_eq!(joining_slow('ا'), Joining::R);
        assert_eq!(joining_slow('ء'), Joining::U);
        assert_eq!(joining_slow('\u{640}'), Joining::C);
        assert_eq!(joining_slow('\u{64e}'), Joining::T);
        assert_eq!(joining_slow('\u{200c}'), Joining::U);
        assert_eq!(joining_slow('\u{200d}'), Joining::C);
        assert_eq!(joining_slow('\u{1b}'), Joining::G);
        assert_eq!(joining_slow('a'), Joining::U);
    }
}
