//! One paragraph made ready for display: bidi levels resolved once for the whole paragraph,
//! Arabic shaped, mirrored glyphs chosen, controls made visible, and the text cut into units.
//!
//! A unit is what the terminal draws as one thing: a grapheme cluster (a letter with its
//! harakat), or a lam-alef ligature made of two. Units are in logical order and each knows the
//! logical byte range it came from, its width in cells and its embedding level. Wrapping cuts
//! between units and reordering moves whole units, so marks stay after their letter (L3) and
//! every drawn cell maps back to logical bytes.
//!
//! Here: the units, the resolving and shaping of the whole paragraph, and the choice of how to
//! cut it; the cutting itself is in `plain` (the fast path) and `clusters` (any text).

mod clusters;
mod plain;

use std::ops::Range;

use unicode_bidi::BidiClass;

use super::bidi::Levels;
use super::graphemes::all_cluster_starts;
use super::options::Options;
use super::props::{CharInfo, char_info};
use super::shape::{NO_LEVEL, Shaped, joins, shape};

/// Spaces to draw a tab, or white space wider than a line, with.
pub(super) const SPACES: &str = "                                ";

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
