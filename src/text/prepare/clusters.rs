//! The general path of [`Prepared::new`]: cutting any text into units at its grapheme
//! cluster boundaries, one [`UnitBuilder`] a unit, for text with controls, tabs, separators,
//! explicit embeddings, isolates or characters that are neither plain nor marks.

use unicode_bidi::BidiClass;
use unicode_width::UnicodeWidthStr;

use super::super::props::{CharInfo, control_picture, mirror};
use super::super::shape::Shaped;
use super::{
    IGNORED, L1_SEPARATOR, L1_SPACE, LIGATURE_HEAD, Prepared, SPACE, SPACES, TAB_WIDTH, Unit,
    is_explicit_or_bn,
};

/// Characters that X9 removes: explicit embeddings and BN. Controls are BN too, but they are
/// shown as pictures.
fn is_x9_removed(c: char, class: BidiClass) -> bool {
    is_explicit_or_bn(class) && control_picture(c).is_none()
}

/// A unit being built, character by character.
#[allow(clippy::struct_excessive_bools)]
struct UnitBuilder {
    start: usize,
    end: usize,
    out_start: usize,
    level: Option<u8>,
    base: u8,
    all_space: bool,
    l1_space: bool,
    separator: bool,
    ignored: bool,
    /// It holds a lam drawn as part of a ligature with the next unit.
    ligature: bool,
}

impl UnitBuilder {
    fn new(start: usize, out_start: usize, base: u8) -> Self {
        UnitBuilder {
            start,
            end: start,
            out_start,
            level: None,
            base,
            all_space: true,
            l1_space: true,
            separator: false,
            ignored: true,
            ligature: false,
        }
    }

    /// Adds one character of class `class` at `level`, drawn as `drawn`.
    fn add(&mut self, c: char, class: BidiClass, level: u8, drawn: Shaped, display: &mut String) {
        self.separator |= matches!(class, BidiClass::S | BidiClass::B);
        if is_x9_removed(c, class) {
            return;
        }
        self.ignored = false;
        self.l1_space &= matches!(
            class,
            BidiClass::WS | BidiClass::LRI | BidiClass::RLI | BidiClass::FSI | BidiClass::PDI
        );
        self.level.get_or_insert(level);
        if is_hidden(c, class) {
            return;
        }
        if c == '\t' {
            display.push_str(SPACES.get(..TAB_WIDTH).unwrap_or_default());
            return;
        }
        self.all_space &= class == BidiClass::WS;
        let drawn = match (control_picture(c), drawn) {
            (Some(picture), _) => picture,
            (None, Shaped::Ligated) => {
                self.ligature = true;
                return;
            }
            (None, Shaped::As(d)) => d,
        };
        // Every mirrored character is of class ON.
        let drawn = if level & 1 == 1 && class == BidiClass::ON {
            mirror(drawn).unwrap_or(drawn)
        } else {
            drawn
        };
        display.push(drawn);
    }

    /// Appends the unit to `p`; a lam that went into a ligature merges with the unit after it.
    fn finish(self, p: &mut Prepared) {
        let out = p.display.get(self.out_start..).unwrap_or_default();
        // Emoji sequences and the like are not the sum of their characters.
        let width = out.width();
        let mut flags = 0;
        if self.all_space && !out.is_empty() {
            flags |= SPACE;
        }
        if self.l1_space {
            flags |= L1_SPACE;
        }
        if self.separator {
            flags |= L1_SEPARATOR;
        }
        if self.ignored {
            flags |= IGNORED;
        }
        let unit = Unit {
            start: self.start as u32,
            end: self.end as u32,
            out_start: self.out_start as u32,
            out_end: p.display.len() as u32,
            width: width as u16,
            level: self.level.unwrap_or(self.base),
            flags,
        };
        match p.units.last_mut() {
            Some(last) if last.flags & LIGATURE_HEAD != 0 && unit.out_end > unit.out_start => {
                last.end = unit.end;
                last.out_end = unit.out_end;
                let merged = p.display.get(last.out_start as usize..).unwrap_or_default();
                last.width = merged.width() as u16;
                last.level = unit.level;
                last.flags = 0;
            }
            _ => p.units.push(Unit {
                flags: unit.flags | if self.ligature { LIGATURE_HEAD } else { 0 },
                ..unit
            }),
        }
    }
}

/// Characters that are never drawn: those of X9, the isolate controls and the marks LRM, RLM
/// and ALM. The last two kinds still take part in reordering, as in UAX #9.
fn is_hidden(c: char, class: BidiClass) -> bool {
    use BidiClass::{FSI, LRI, PDI, RLI};
    matches!(class, LRI | RLI | FSI | PDI) || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

impl Prepared {
    /// Cuts into units any text, its grapheme clusters starting at the characters `starts`.
    pub(super) fn push_any(
        &mut self,
        chars: &[char],
        infos: &[CharInfo],
        levels: &[u8],
        shaped: Option<&[Shaped]>,
        starts: &[u32],
    ) {
        let mut unit = UnitBuilder::new(0, 0, self.base_level);
        let mut next_start = 0;
        let mut byte = 0usize;
        for (i, &c) in chars.iter().enumerate() {
            if starts.get(next_start) == Some(&(i as u32)) {
                next_start += 1;
                if i > 0 {
                    unit.finish(self);
                    unit = UnitBuilder::new(byte, self.display.len(), self.base_level);
                }
            }
            byte += c.len_utf8();
            let drawn = shaped.map_or(Shaped::As(c), |s| s[i]);
            unit.add(c, infos[i].class(), levels[i], drawn, &mut self.display);
            unit.end = byte;
        }
        if !chars.is_empty() {
            unit.finish(self);
        }
    }
}
