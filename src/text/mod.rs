//! The bidi text engine: one paragraph of logical UTF-8 text in, visual lines out.
//!
//! The flow is [`Prepared::new`] (levels resolved once for the paragraph, Arabic shaped,
//! mirroring chosen, controls made visible, text cut into drawable units), then
//! [`Prepared::wrap`] (lines cut in logical order at break opportunities, on shaped widths), then
//! [`Prepared::visual`] for each line shown (L1-L2 on that line alone). Every drawn glyph keeps
//! the logical byte range it came from, so search hits, the paragraph cursor and bookmarks, all
//! byte offsets, land on the right cells. Nothing here knows about terminals.

mod bidi;
mod forms;
mod graphemes;
mod joining;
mod prepare;
mod print;
mod props;
mod reorder;
mod sanitize;
mod shape;
mod tables;
mod wrap;

use std::ops::Range;

pub use bidi::majority;
pub use graphemes::{cluster_starts, is_cluster_start};
pub use prepare::{Prepared, Scratch, TAB_WIDTH, Unit};
pub use print::Output;
pub use props::{control_picture, mirror};
use reorder::LevelRun;
pub use reorder::{apply_l1, visual_order};
pub use sanitize::printable;

/// Paragraph direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// From the first strong character (UAX #9 P2-P3); left to right when there is none.
    #[default]
    Auto,
    /// From most of the strong letters (an Arabic paragraph that starts with a Latin word is
    /// still right to left); on a tie, as `Auto`. Not Unicode's rule: the reader's.
    Majority,
    Ltr,
    Rtl,
}

pub(crate) const SPACES: &str = "                                ";

/// How to lay out a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub direction: Direction,
    /// Use Arabic presentation forms, for terminals that do not shape by themselves.
    pub shape: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            direction: Direction::Auto,
            shape: true,
        }
    }
}

/// One line of a wrapped paragraph: a range of its units, in logical order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub units: Range<usize>,
    /// The width the line was wrapped to (`usize::MAX` when not wrapped). A unit wider than
    /// this on its own is drawn as a stand-in so that no line is ever wider.
    pub limit: usize,
}

/// Working space for reordering lines, reused from one line to the next.
#[derive(Debug, Default)]
pub struct LineScratch {
    kept: Vec<u32>,
    levels: Vec<u8>,
    order: Vec<u32>,
    runs: Vec<LevelRun>,
}

/// One glyph of a visual line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glyph {
    /// What to draw: a range of [`VisualLine::text`].
    pub text: Range<usize>,
    /// The logical byte range of the paragraph it came from.
    pub source: Range<usize>,
    /// Cells it takes.
    pub width: usize,
}

/// A line in visual order, left to right, ready to draw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisualLine {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub width: usize,
}

impl VisualLine {
    /// Records the text pushed since byte `at` as one glyph from `source`, `width` cells wide.
    fn end_glyph(&mut self, at: usize, source: Range<usize>, width: usize) {
        self.glyphs.push(Glyph {
            text: at..self.text.len(),
            source,
            width,
        });
        self.width += width;
    }
}

impl Line {
    /// The logical byte range of the paragraph this line shows.
    pub fn bytes(&self, prepared: &Prepared) -> Range<usize> {
        let units = &prepared.units()[self.units.clone()];
        match (units.first(), units.last()) {
            (Some(first), Some(last)) => first.start as usize..last.end as usize,
            _ => 0..0,
        }
    }
}

impl Prepared {
    /// The units of `line` that take part in reordering, with their levels after L1, as
    /// (index into [`Prepared::units`], level). Units that X9 removes are left out: they are not
    /// drawn and have no level of their own.
    pub fn line_levels(&self, line: &Line) -> Vec<(u32, u8)> {
        let mut scratch = LineScratch::default();
        self.resolve_line(line, &mut scratch);
        scratch
            .kept
            .iter()
            .copied()
            .zip(scratch.levels.iter().copied())
            .collect()
    }

    /// Fills `scratch.kept` and `scratch.levels` for `line` (L1 applied).
    fn resolve_line(&self, line: &Line, scratch: &mut LineScratch) {
        scratch.kept.clear();
        scratch.levels.clear();
        for (i, unit) in self.units[line.units.clone()].iter().enumerate() {
            if unit.flags & prepare::IGNORED == 0 {
                scratch.kept.push((line.units.start + i) as u32);
                scratch.levels.push(unit.level);
            }
        }
        let (units, kept) = (&self.units, &scratch.kept);
        apply_l1(
            &mut scratch.levels,
            self.base_level,
            |k| units[kept[k] as usize].flags & prepare::L1_SPACE != 0,
            |k| units[kept[k] as usize].flags & prepare::L1_SEPARATOR != 0,
        );
    }

    /// The visual order of `line`'s units, as indices into [`Prepared::units`].
    pub fn visual_units<'s>(&self, line: &Line, scratch: &'s mut LineScratch) -> &'s [u32] {
        self.resolve_line(line, scratch);
        visual_order(&scratch.levels, &mut scratch.order);
        for o in &mut scratch.order {
            *o = scratch.kept[*o as usize];
        }
        &scratch.order
    }

    /// What `unit` draws on a line of at most `limit` cells: a unit wider than the whole line
    /// is replaced (white space by as many spaces as fit, anything else by U+FFFD).
    fn drawn_within(&self, unit: &Unit, limit: usize) -> (&str, usize) {
        let width = usize::from(unit.width);
        if width <= limit {
            (self.drawn(unit), width)
        } else if unit.is_space() {
            (
                SPACES.get(..limit.min(SPACES.len())).unwrap_or_default(),
                limit.min(SPACES.len()),
            )
        } else {
            ("\u{FFFD}", 1)
        }
    }

    /// Lays out `line` in visual order.
    pub fn visual(&self, line: &Line) -> VisualLine {
        let mut scratch = LineScratch::default();
        let mut out = VisualLine::default();
        for &i in self.visual_units(line, &mut scratch) {
            let unit = &self.units[i as usize];
            let (drawn, width) = self.drawn_within(unit, line.limit);
            if drawn.is_empty() {
                continue;
            }
            let at = out.text.len();
            out.text.push_str(drawn);
            out.end_glyph(at, unit.source(), width);
        }
        out
    }

    /// `line` in logical order, for a terminal that does bidi and shaping itself: each unit's
    /// own text from `text`, controls still made visible, tabs still expanded.
    pub fn logical(&self, text: &str, line: &Line) -> VisualLine {
        let mut out = VisualLine::default();
        for unit in &self.units[line.units.clone()] {
            let source = text.get(unit.source()).unwrap_or_default();
            let at = out.text.len();
            for c in source.chars() {
                match (c, control_picture(c)) {
                    ('\t', _) => out
                        .text
                        .push_str(SPACES.get(..TAB_WIDTH).unwrap_or_default()),
                    (_, Some(picture)) => out.text.push(picture),
                    (c, None) => out.text.push(c),
                }
            }
            if out.text.len() == at {
                continue;
            }
            out.end_glyph(at, unit.source(), usize::from(unit.width).min(line.limit));
        }
        out
    }

    /// Appends `line` in logical order to `out`: the verbatim piece of `text` it shows.
    pub fn write_logical(&self, text: &str, line: &Line, out: &mut impl Output) {
        out.push_text(text.get(line.bytes(self)).unwrap_or_default());
    }
}
