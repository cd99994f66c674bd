//! One paragraph made ready for display: bidi levels resolved once for the whole paragraph,
//! Arabic shaped, mirrored glyphs chosen, controls made visible, and the text cut into units.
//!
//! A unit is what the terminal draws as one thing: a grapheme cluster (a letter with its
//! harakat), or a lam-alef ligature made of two. Units are in logical order and each knows the
//! logical byte range it came from, its width in cells and its embedding level. Wrapping cuts
//! between units and reordering moves whole units, so marks stay after their letter (L3) and
//! every drawn cell maps back to logical bytes.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::graphemes::cluster_starts;
use super::props::{FastBidiData, control_picture, mirror};
use super::shape::{NO_LEVEL, Shaped, shape};
use super::{Direction, Options};

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
    /// [`SPACE`], [`L1_SPACE`], [`L1_SEPARATOR`].
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
}

/// Characters that X9 removes: explicit embeddings and BN. Controls are BN too, but they are
/// shown as pictures.
fn is_x9_removed(c: char, class: BidiClass) -> bool {
    is_explicit_or_bn(class) && control_picture(c).is_none()
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
    chars: Vec<char>,
    levels: Vec<u8>,
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
        let default_level = match options.direction {
            Direction::Auto => None,
            Direction::Ltr => Some(Level::ltr()),
            Direction::Rtl => Some(Level::rtl()),
        };
        let info = ParagraphBidiInfo::new_with_data_source(&FastBidiData, text, default_level);
        let base_level = info.paragraph_level.number();

        let shaping = options.shape && !info.is_pure_ltr;
        let Scratch {
            chars,
            levels,
            shaped,
            starts,
        } = scratch;
        chars.clear();
        levels.clear();
        if shaping {
            for (i, c) in text.char_indices() {
                chars.push(c);
                levels.push(if is_explicit_or_bn(info.original_classes[i]) {
                    NO_LEVEL
                } else {
                    info.levels[i].number()
                });
            }
            shape(chars, levels, shaped);
        } else {
            shaped.clear();
        }

        let mut units: Vec<Unit> = Vec::with_capacity(text.len() / 2 + 1);
        let mut display = String::with_capacity(text.len() + 8);
        let mut char_index = 0usize;
        let mut ligature_pending = false;
        let fast = cluster_starts(text, starts);
        starts.push(text.len() as u32);
        for bounds in starts.windows(2) {
            let start = bounds[0] as usize;
            let grapheme = text.get(start..bounds[1] as usize).unwrap_or_default();
            let out_start = display.len();
            let mut level = None;
            let mut all_space = true;
            let mut l1_space = true;
            let mut separator = false;
            let mut ignored = true;
            for (offset, c) in grapheme.char_indices() {
                let at = start + offset;
                let class = info.original_classes[at];
                let drawn = if shaping {
                    shaped[char_index]
                } else {
                    Shaped::As(c)
                };
                char_index += 1;
                if matches!(class, BidiClass::S | BidiClass::B) {
                    separator = true;
                }
                let x9 = is_x9_removed(c, class);
                if !x9
                    && !matches!(
                        class,
                        BidiClass::WS
                            | BidiClass::LRI
                            | BidiClass::RLI
                            | BidiClass::FSI
                            | BidiClass::PDI
                    )
                {
                    l1_space = false;
                }
                if x9 {
                    continue;
                }
                ignored = false;
                let char_level = info.levels[at].number();
                level.get_or_insert(char_level);
                if is_hidden(c, class) {
                    continue;
                }
                if c == '\t' {
                    display.extend(std::iter::repeat_n(' ', TAB_WIDTH));
                    continue;
                }
                if class != BidiClass::WS {
                    all_space = false;
                }
                if let Some(picture) = control_picture(c) {
                    display.push(picture);
                    continue;
                }
                match drawn {
                    Shaped::Ligated => ligature_pending = true,
                    Shaped::As(d) if char_level & 1 == 1 => display.push(mirror(d).unwrap_or(d)),
                    Shaped::As(d) => display.push(d),
                }
            }
            let out = display.get(out_start..).unwrap_or_default();
            let width = if fast {
                out.chars().map(|c| c.width().unwrap_or(0)).sum()
            } else {
                out.width()
            };
            let mut flags = 0;
            if all_space && !out.is_empty() {
                flags |= SPACE;
            }
            if l1_space {
                flags |= L1_SPACE;
            }
            if separator {
                flags |= L1_SEPARATOR;
            }
            if ignored {
                flags |= IGNORED;
            }
            let unit = Unit {
                start: start as u32,
                end: (start + grapheme.len()) as u32,
                out_start: out_start as u32,
                out_end: display.len() as u32,
                width: width as u16,
                level: level.unwrap_or(base_level),
                flags,
            };
            // The unit before was a lam drawn as part of this ligature: they become one unit.
            match units.last_mut() {
                Some(last)
                    if ligature_pending && last.out_start == last.out_end && !out.is_empty() =>
                {
                    last.end = unit.end;
                    last.out_end = unit.out_end;
                    last.width = unit.width;
                    last.level = unit.level;
                    last.flags = 0;
                    ligature_pending = false;
                }
                _ => units.push(unit),
            }
        }
        Prepared {
            units,
            display,
            base_level,
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
