//! A wrapped line and how it is drawn: its units in visual order (L1 on the line, then L2),
//! each unit's drawn text with the logical byte range it came from ([`Glyph`]), or the line in
//! logical order for a terminal that does bidi itself.

use std::ops::Range;

use super::prepare::{self, Prepared, SPACES, TAB_WIDTH, Unit};
use super::props::control_picture;
use super::reorder::{LevelRun, apply_l1, visual_order};

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
    pub(super) runs: Vec<LevelRun>,
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
    pub(super) fn drawn_within(&self, unit: &Unit, limit: usize) -> (&str, usize) {
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
}
