//! Character properties the engine needs beyond what unicode-bidi gives: the mirrored glyph
//! (UAX #9 L4), the Arabic joining properties of each character (from `joining`), and which
//! characters are controls that must never reach a terminal raw.

use std::sync::atomic::{AtomicU16, Ordering};

use unicode_bidi::{BidiClass, BidiDataSource};
use unicode_width::UnicodeWidthChar;

use super::graphemes::{is_mark, is_plain};
use super::joining::{join_props, joining_slow};
use super::tables::MIRRORS;

/// Every bidi class, in the order of unicode-bidi's enum, so that `CLASSES[class as usize]` is
/// `class`; padded to the 32 values of the five class bits, so that a lookup needs no check.
const CLASSES: [BidiClass; 32] = {
    use BidiClass::{
        AL, AN, B, BN, CS, EN, ES, ET, FSI, L, LRE, LRI, LRO, NSM, ON, PDF, PDI, R, RLE, RLI, RLO,
        S, WS,
    };
    [
        AL, AN, B, BN, CS, EN, ES, ET, FSI, L, LRE, LRI, LRO, NSM, ON, PDF, PDI, R, RLE, RLI, RLO,
        S, WS, L, L, L, L, L, L, L, L, L,
    ]
};

/// What the per-character loops need to know of a character, from one lookup: its bidi class,
/// its joining properties for shaping, and whether it is a plain grapheme character, a mark (see `graphemes`) or
/// one that Arabic shaping may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharInfo(u16);

const CLASS_BITS: u16 = 0x1F;
const PLAIN_OR_MARK: u16 = 0x20;
const MARK: u16 = 0x40;
const MAY_SHAPE: u16 = 0x80;
const JOIN_SHIFT: u16 = 8;
/// Drawn in no cell (for a plain character; see [`CharInfo::plain_width`]).
const ZERO_WIDTH: u16 = 0x4000;
/// Set in every computed value, so that a slot of [`INFOS`] holding 0 is one not computed yet.
const KNOWN: u16 = 0x8000;

/// [`CharInfo`] of the characters of the Basic Multilingual Plane, each computed the first time
/// it is asked for (unicode-bidi's lookup and the joining table are binary searches). A slot is
/// 0 until then; two threads computing one slot at once store the same value.
static INFOS: [AtomicU16; 0x1_0000] = [const { AtomicU16::new(0) }; 0x1_0000];

/// The [`CharInfo`] of `c`.
pub fn char_info(c: char) -> CharInfo {
    match INFOS.get(c as usize) {
        Some(slot) => match slot.load(Ordering::Relaxed) {
            0 => {
                let info = CharInfo::of(c);
                slot.store(info.0, Ordering::Relaxed);
                info
            }
            known => CharInfo(known),
        },
        None => CharInfo::of(c),
    }
}

impl CharInfo {
    #[cold]
    fn of(c: char) -> Self {
        let mut info = unicode_bidi::bidi_class(c) as u16 | KNOWN;
        info |= u16::from(join_props(joining_slow(c))) << JOIN_SHIFT;
        if is_plain(c) || is_mark(c) {
            info |= PLAIN_OR_MARK;
        }
        if is_mark(c) {
            info |= MARK;
        }
        if matches!(c as u32, 0x0600..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF) {
            info |= MAY_SHAPE;
        }
        if cell_width(c) == 0 {
            info |= ZERO_WIDTH;
        }
        CharInfo(info)
    }

    /// The flags that all of `infos` have, and those that any has (their classes mixed).
    pub fn all_and_any(infos: &[CharInfo]) -> (CharInfo, CharInfo) {
        let all = infos.iter().fold(u16::MAX, |all, info| all & info.0);
        let any = infos.iter().fold(0, |any, info| any | info.0);
        (CharInfo(all), CharInfo(any))
    }

    pub fn class(self) -> BidiClass {
        CLASSES[usize::from(self.0 & CLASS_BITS)]
    }

    /// The joining properties of its joining type (as GNU FriBidi derives it from
    /// ArabicShaping.txt), as `shape` uses them.
    pub fn join_props(self) -> u8 {
        (self.0 >> JOIN_SHIFT) as u8 & 0x3F
    }

    /// The cells a plain character or mark takes, shaped or mirrored as well: 0 or 1 (a test
    /// in `prepare` checks every one).
    pub fn plain_width(self) -> u16 {
        u16::from(self.0 & ZERO_WIDTH == 0)
    }

    /// A character of the grapheme fast path: plain, or a mark that extends the cluster before.
    pub fn is_plain_or_mark(self) -> bool {
        self.0 & PLAIN_OR_MARK != 0
    }

    /// A mark of the grapheme fast path (never starts a cluster).
    pub fn is_mark(self) -> bool {
        self.0 & MARK != 0
    }

    /// In the Arabic blocks or their presentation forms.
    pub fn may_shape(self) -> bool {
        self.0 & MAY_SHAPE != 0
    }
}

/// Bidi classes from [`char_info`], for unicode-bidi.
pub struct FastBidiData;

impl BidiDataSource for FastBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        char_info(c).class()
    }
}

/// Cells a character takes, quickly for Arabic and ASCII.
pub fn cell_width(c: char) -> usize {
    match c as u32 {
        0x20..=0x7E | 0x0621..=0x064A | 0xFE70..=0xFEFC => 1,
        0x064B..=0x065F => 0,
        _ => c.width().unwrap_or(0),
    }
}

/// The Bidi_Mirroring_Glyph of `c`, if it has one.
pub fn mirror(c: char) -> Option<char> {
    // Only these ranges hold mirrored characters; Arabic letters and their presentation forms
    // (the bulk of the text) are outside them.
    if !matches!(c as u32, 0x28..=0x7D | 0xAB | 0xBB | 0xF3A..=0x169C | 0x2039..=0x2E5C
        | 0x3008..=0x301B | 0xFE59..=0xFE65 | 0xFF08..=0xFF63 | 0x1D6DB..)
        || c.is_ascii_alphanumeric()
    {
        return None;
    }
    MIRRORS
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|i| MIRRORS[i].1)
}

/// A visible stand-in for a control character (C0, DEL, C1), which must never be written to a
/// terminal raw: ESC could clear the screen, retitle the window or make the terminal answer.
pub fn control_picture(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{FFFD}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_tables_agree_with_the_slow_lookups() {
        for u in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(
                FastBidiData.bidi_class(c),
                unicode_bidi::bidi_class(c),
                "{u:04X}"
            );
            let slow = MIRRORS
                .binary_search_by_key(&c, |&(from, _)| from)
                .ok()
                .map(|i| MIRRORS[i].1);
            assert_eq!(mirror(c), slow, "{u:04X}");
            // Computed, then as stored.
            for info in [char_info(c), char_info(c)] {
                assert_eq!(info.class(), unicode_bidi::bidi_class(c), "{u:04X}");
                assert_eq!(info.join_props(), join_props(joining_slow(c)), "{u:04X}");
                assert_eq!(info.is_mark(), is_mark(c), "{u:04X}");
                assert_eq!(
                    info.is_plain_or_mark(),
                    is_plain(c) || is_mark(c),
                    "{u:04X}"
                );
            }
        }
    }

    #[test]
    fn classes_are_in_enum_order() {
        for (i, &class) in CLASSES.iter().take(23).enumerate() {
            assert_eq!(class as usize, i);
        }
    }

    #[test]
    fn every_mirrored_character_is_other_neutral() {
        for &(c, _) in MIRRORS {
            assert_eq!(
                unicode_bidi::bidi_class(c),
                BidiClass::ON,
                "{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn mirrors_brackets_both_ways() {
        assert_eq!(mirror('('), Some(')'));
        assert_eq!(mirror(')'), Some('('));
        assert_eq!(mirror('«'), Some('»'));
        assert_eq!(mirror('['), Some(']'));
        assert_eq!(mirror('a'), None);
        assert_eq!(mirror('ب'), None);
    }

    #[test]
    fn controls_get_pictures() {
        assert_eq!(control_picture('\u{1b}'), Some('␛'));
        assert_eq!(control_picture('\u{7f}'), Some('␡'));
        assert_eq!(control_picture('\u{9b}'), Some('\u{FFFD}'));
        assert_eq!(control_picture('a'), None);
    }
}
