//! One paragraph made ready for display: bidi levels resolved once for the whole paragraph,
//! Arabic shaped, mirrored glyphs chosen, controls made visible, and the text cut into units.
//!
//! A unit is what the terminal draws as one thing: a grapheme cluster (a letter with its
//! harakat), or a lam-alef ligature made of two. Units are in logical order and each knows the
//! logical byte range it came from, its width in cells and its embedding level. Wrapping cuts
//! between units and reordering moves whole units, so marks stay after their letter (L3) and
//! every drawn cell maps back to logical bytes.

use std::ops::Range;

use unicode_bidi::BidiClass;
use unicode_width::UnicodeWidthStr;

use super::bidi::Levels;
use super::graphemes::all_cluster_starts;
use super::forms::Arabic;
use super::props::{CharInfo, char_info, control_picture, mirror};
use super::shape::{NO_LEVEL, Shaped, form, joins, ligature, shape};
use super::{Options, SPACES};

/// How many cells a tab becomes.
pub const TAB_WIDTH: usize = 4;

/// The unit's characters are all white space (bidi class WS, or a tab): dropped at a break.
pub const SPACE: u8 = 0x01;
/// L1 treats the unit as trailing white space (WS, isolate controls, removed characters).
pub const L1_SPACE: u8 = 0x02;
/// L1 resets the unit to the paragraph level (a segment or paragraph separator).
pub const L1_SEPARATOR: u8 = 0x04;
/// Only characters that X9 removes (BN, explicit embeddings): no level, left out of reordering.
pub const IGNORED: u8 = 0x08;
/// A lam waiting to merge with the alef of its ligature (only while preparing).
const LIGATURE_HEAD: u8 = 0x10;

/// One drawable unit of a paragraph, in logical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Logical byte range in the paragraph text.
    pub start: u32,
    pub end: u32,
    /// Byte range of what is drawn, in [`Prepared::display`].
    pub out_start: u32,
    pub out_end: u32,
    /// Width in terminal cells of what is drawn.
    pub width: u16,
    /// Resolved embedding level (before the line rules L1-L2).
    pub level: u8,
    /// [`SPACE`], [`L1_SPACE`], [`L1_SEPARATOR`], [`IGNORED`].
    pub flags: u8,
}

impl Unit {
    pub fn is_space(&self) -> bool {
        self.flags & SPACE != 0
    }

    pub fn source(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A paragraph ready to be wrapped and drawn. It does not keep the text: positions are byte
/// offsets into the text it was made from.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    pub(super) units: Vec<Unit>,
    /// What each unit draws, concatenated in logical order.
    pub(super) display: String,
    pub(super) base_level: u8,
    /// Every character was plain or a mark (see `push_plain`): no unit is removed by X9 or a
    /// separator, so L1 only resets the white space at the end of a line.
    pub(super) plain: bool,
}

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

fn is_explicit_or_bn(class: BidiClass) -> bool {
    use BidiClass::{BN, LRE, LRO, PDF, RLE, RLO};
    matches!(class, LRE | RLE | LRO | RLO | PDF | BN)
}

/// Scratch space reused across paragraphs so that laying out many of them allocates little.
#[derive(Default)]
pub struct Scratch {
    bidi: Levels,
    chars: Vec<char>,
    infos: Vec<CharInfo>,
    levels: Vec<u8>,
    joins: Vec<u8>,
    shaped: Vec<Shaped>,
    starts: Vec<u32>,
}

impl Prepared {
    /// Lays out `text` as one paragraph.
    pub fn new(text: &str, options: Options) -> Self {
        Self::with_scratch(text, options, &mut Scratch::default())
    }

    /// As [`Prepared::new`], reusing `scratch` between calls.
    pub fn with_scratch(text: &str, options: Options, scratch: &mut Scratch) -> Self {
        let Scratch {
            bidi,
            chars,
            infos,
            levels,
            joins: joins_scratch,
            shaped,
            starts,
        } = scratch;
        chars.clear();
        chars.extend(text.chars());
        infos.clear();
        infos.extend(chars.iter().map(|&c| char_info(c)));
        // Whether every character is plain or a mark (see `graphemes`), and whether any is
        // Arabic.
        let (all, any) = CharInfo::all_and_any(infos);
        let (plain, arabic) = (all.is_plain_or_mark(), any.may_shape());
        bidi.resolve(chars, infos, options.direction);
        let shaping = options.shape && arabic;
        if shaping && plain {
            // No plain character is one that X9 removes; forms are chosen as units are cut.
            joins(infos, &bidi.levels, joins_scratch);
        } else if shaping {
            levels.clear();
            levels.extend(infos.iter().zip(&bidi.levels).map(|(info, &level)| {
                if is_explicit_or_bn(info.class()) {
                    NO_LEVEL
                } else {
                    level
                }
            }));
            shape(chars, infos, levels, joins_scratch, shaped);
        }
        let mut p = Prepared {
            units: Vec::with_capacity(chars.len()),
            display: String::with_capacity(text.len() + 8),
            base_level: bidi.base,
            plain,
        };
        if plain {
            p.push_plain(
                chars,
                infos,
                &bidi.levels,
                shaping.then_some(&joins_scratch[..]),
            );
        } else {
            let shaped = if shaping { Some(&shaped[..]) } else { None };
            all_cluster_starts(text, chars, starts);
            p.push_any(chars, infos, &bidi.levels, shaped, starts);
        }
        p
    }

    /// Cuts into units text whose characters are all plain or marks: each is drawn, none is
    /// white space other than WS, a control, a separator or removed by X9, and a cluster is a
    /// character and the marks after it. The common case, so without [`UnitBuilder`], and
    /// shaped here from the join bits `joins` when it is to be shaped.
    fn push_plain(
        &mut self,
        chars: &[char],
        infos: &[CharInfo],
        levels: &[u8],
        joins: Option<&[u8]>,
    ) {
        match joins {
            Some(joins) => {
                let arabic = Arabic::get();
                self.push_plain_with(chars, infos, levels, true, |i, c| {
                    form(arabic, c, joins.get(i).copied().unwrap_or(0))
                });
            }
            None => self.push_plain_with(chars, infos, levels, false, |_, c| c),
        }
    }

    /// [`Prepared::push_plain`], `drawn(i, c)` being the form of character `i`, `c`; lam-alef
    /// ligatures are made when `shaping`.
    fn push_plain_with(
        &mut self,
        chars: &[char],
        infos: &[CharInfo],
        levels: &[u8],
        shaping: bool,
        drawn: impl Fn(usize, char) -> char,
    ) {
        let n = chars.len().min(infos.len()).min(levels.len());
        let (chars, infos, levels) = (&chars[..n], &infos[..n], &levels[..n]);
        let mut byte = 0u32;
        // The character before, drawn, and its level: the lam of a lam-alef ligature perhaps.
        let mut before = ('\0', NO_LEVEL);
        for i in 0..n {
            let (c, info, level) = (chars[i], infos[i], levels[i]);
            let len = c.len_utf8() as u32;
            let form = drawn(i, c);
            let lam = before;
            before = (form, level);
            // The alef of a lam-alef ligature: the ligature replaces the lam in its unit.
            if shaping
                && let Some(lig) = ligature(lam.0, lam.1, form, level)
                && let Some(last) = self.units.last_mut()
            {
                self.display.truncate(last.out_start as usize);
                self.display.push(lig);
                last.end += len;
                last.out_end = self.display.len() as u32;
                last.width = info.plain_width();
                last.level = level;
                before = (lig, level);
                byte += len;
                continue;
            }
            let out_start = self.display.len() as u32;
            let class = info.class();
            // Every mirrored character is of class ON.
            let d = if level & 1 == 1 && class == BidiClass::ON {
                mirror(form).unwrap_or(form)
            } else {
                form
            };
            self.display.push(d);
            let width = info.plain_width();
            let out_end = self.display.len() as u32;
            match self.units.last_mut() {
                // A mark extends the unit before it.
                Some(last) if info.is_mark() => {
                    last.end += len;
                    last.out_end = out_end;
                    last.width += width;
                    last.flags &= !(SPACE | L1_SPACE);
                }
                _ => self.units.push(Unit {
                    start: byte,
                    end: byte + len,
                    out_start,
                    out_end,
                    width,
                    level,
                    flags: if class == BidiClass::WS {
                        SPACE | L1_SPACE
                    } else {
                        0
                    },
                }),
            }
            byte += len;
        }
    }

    /// Cuts into units any text, its grapheme clusters starting at the characters `starts`.
    fn push_any(
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

    /// True when the paragraph's base direction is right to left.
    pub fn is_rtl(&self) -> bool {
        self.base_level & 1 == 1
    }

    /// The units, in logical order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// What `unit` draws.
    pub fn drawn(&self, unit: &Unit) -> &str {
        self.display
            .get(unit.out_start as usize..unit.out_end as usize)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::forms::lam_alef;
    use super::super::props::cell_width;
    use super::*;

    /// `push_plain` takes a unit's width from its characters as they are in the text: that of
    /// each plain character is 0 or 1 and stays so when it is shaped or mirrored.
    #[test]
    fn plain_characters_keep_their_width_when_drawn() {
        let arabic = Arabic::get();
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let info = char_info(c);
            if !info.is_plain_or_mark() {
                continue;
            }
            let width = cell_width(c);
            assert!(width <= 1, "{:04X}", c as u32);
            assert_eq!(usize::from(info.plain_width()), width, "{:04X}", c as u32);
            let mut drawn: Vec<char> = (0..4).map(|shape| arabic.form(c, shape)).collect();
            drawn.extend(mirror(c));
            for lam in ['\u{FEDF}', '\u{FEE0}'] {
                drawn.extend(lam_alef(lam, arabic.form(c, 1)));
            }
            for d in drawn {
                assert_eq!(
                    cell_width(d),
                    width,
                    "{:04X} drawn as {:04X}",
                    c as u32,
                    d as u32
                );
            }
        }
    }
}
