//! The bidi text engine: one paragraph of logical UTF-8 text in, visual lines out.
//!
//! The flow is [`Prepared::new`] (levels resolved once for the paragraph, Arabic shaped,
//! mirroring chosen, controls made visible, text cut into drawable units), then
//! [`Prepared::wrap`] (lines cut in logical order at break opportunities, on shaped widths), then
//! [`Prepared::visual`] for each line shown (L1-L2 on that line alone). Every drawn glyph keeps
//! the logical byte range it came from, so search hits, the paragraph cursor and bookmarks, all
//! byte offsets, land on the right cells. Nothing here knows about terminals.

mod bidi;
mod graphemes;
mod prepare;
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
pub use props::{control_picture, mirror};
use reorder::{LevelRun, reorder_runs};
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

/// Where printed lines go: a `String`, or bytes bound for a file or a pipe (where reversing a
/// run costs least).
pub trait Output {
    fn push_text(&mut self, text: &str);

    /// Appends the text of `units`, consecutive units of a paragraph whose drawn text is
    /// `display`, in reverse order (each unit's own text as it is).
    fn push_reversed(&mut self, display: &str, units: &[Unit]);

    /// How many bytes were written so far.
    fn position(&self) -> usize;

    /// Inserts `n` spaces at byte `at`, a position returned by [`Output::position`].
    fn insert_spaces(&mut self, at: usize, n: usize);
}

impl Output for String {
    fn push_text(&mut self, text: &str) {
        self.push_str(text);
    }

    fn push_reversed(&mut self, display: &str, units: &[Unit]) {
        for unit in units.iter().rev() {
            let text = display
                .get(unit.out_start as usize..unit.out_end as usize)
                .unwrap_or_default();
            self.push_str(text);
        }
    }

    fn position(&self) -> usize {
        self.len()
    }

    fn insert_spaces(&mut self, at: usize, n: usize) {
        self.insert_str(at, &" ".repeat(n));
    }
}

impl Output for Vec<u8> {
    fn push_text(&mut self, text: &str) {
        self.extend_from_slice(text.as_bytes());
    }

    /// Each unit's bytes copied to their place, from the end of the space the run takes.
    fn push_reversed(&mut self, display: &str, units: &[Unit]) {
        let (Some(first), Some(last)) = (units.first(), units.last()) else {
            return;
        };
        let text = display
            .as_bytes()
            .get(first.out_start as usize..last.out_end as usize)
            .unwrap_or_default();
        let at = self.len();
        self.resize(at + text.len(), 0);
        let out = &mut self[at..];
        let (mut from, mut to) = (0, text.len());
        for unit in units {
            let len = (unit.out_end - unit.out_start) as usize;
            let (Some(source), Some(target)) =
                (text.get(from..from + len), out.get_mut(to - len..to))
            else {
                break;
            };
            // Most units are a letter of two or three bytes or a space: copied without a call.
            match (source, &mut *target) {
                (&[a], [x]) => *x = a,
                (&[a, b], [x, y]) => (*x, *y) = (a, b),
                (&[a, b, c], [x, y, z]) => (*x, *y, *z) = (a, b, c),
                _ => target.copy_from_slice(source),
            }
            from += len;
            to -= len;
        }
    }

    fn position(&self) -> usize {
        self.len()
    }

    fn insert_spaces(&mut self, at: usize, n: usize) {
        self.splice(at..at, std::iter::repeat_n(b' ', n));
    }
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

    /// The runs of one level of `line` after L1, in logical order, and the line's width and
    /// its widest unit. Units that X9 removes draw nothing and have no level: each goes into
    /// the run beside it, so it splits none.
    fn line_runs(&self, line: &Line, runs: &mut Vec<LevelRun>) -> (usize, u16) {
        /// The level of a run that has none yet (only removed units so far).
        const NONE: u8 = u8::MAX;
        if self.plain {
            return self.plain_line_runs(line, runs);
        }
        runs.clear();
        let base = self.base_level;
        let (mut width, mut widest) = (0, 0);
        let mut trailing = true;
        // The run being built, from its end backwards.
        let first = line.units.start;
        let mut end = line.units.end;
        let mut current = NONE;
        let units = self.units.get(line.units.clone()).unwrap_or_default();
        for (k, unit) in units.iter().enumerate().rev() {
            width += usize::from(unit.width);
            widest = widest.max(unit.width);
            if unit.flags & prepare::IGNORED != 0 {
                continue;
            }
            let level = if unit.flags & prepare::L1_SEPARATOR != 0 {
                trailing = true;
                base
            } else if trailing && unit.flags & prepare::L1_SPACE != 0 {
                base
            } else {
                trailing = false;
                unit.level
            };
            if level != current {
                if current != NONE {
                    let start = first + k + 1;
                    runs.push(LevelRun {
                        start: start as u32,
                        end: end as u32,
                        level: current,
                    });
                    end = start;
                }
                current = level;
            }
        }
        if current != NONE {
            runs.push(LevelRun {
                start: first as u32,
                end: end as u32,
                level: current,
            });
        }
        runs.reverse();
        (width, widest)
    }

    /// [`Prepared::line_runs`] for a paragraph of plain characters: only white space at the
    /// end of the line goes to the paragraph level.
    fn plain_line_runs(&self, line: &Line, runs: &mut Vec<LevelRun>) -> (usize, u16) {
        runs.clear();
        let units = self.units.get(line.units.clone()).unwrap_or_default();
        let first = line.units.start;
        let tail = units
            .iter()
            .rposition(|u| u.flags & prepare::L1_SPACE == 0)
            .map_or(0, |k| k + 1);
        let (mut width, mut widest) = (0, 0);
        let (mut start, mut level) = (0, self.base_level);
        for (k, unit) in units.iter().enumerate() {
            width += usize::from(unit.width);
            widest = widest.max(unit.width);
            let unit_level = if k < tail {
                unit.level
            } else {
                self.base_level
            };
            if unit_level != level {
                if k > start {
                    runs.push(LevelRun {
                        start: (first + start) as u32,
                        end: (first + k) as u32,
                        level,
                    });
                }
                (start, level) = (k, unit_level);
            }
        }
        if units.len() > start {
            runs.push(LevelRun {
                start: (first + start) as u32,
                end: (first + units.len()) as u32,
                level,
            });
        }
        (width, widest)
    }

    /// Appends `line` in visual order to `out`, and returns its width in cells. The fast path
    /// for printing: L2 moves whole runs, and a run is drawn forwards or backwards by its
    /// level; a run drawn forwards is one piece of [`Prepared::display`].
    pub fn write_visual(
        &self,
        line: &Line,
        scratch: &mut LineScratch,
        out: &mut impl Output,
    ) -> usize {
        let (width, widest) = self.line_runs(line, &mut scratch.runs);
        reorder_runs(&mut scratch.runs);
        let runs = scratch.runs.iter().map(|run| {
            (
                run.level & 1 == 0,
                &self.units[run.start as usize..run.end as usize],
            )
        });
        if usize::from(widest) <= line.limit {
            // Nothing to stand in for: each run's text as it is, or its units reversed.
            for (forwards, units) in runs {
                if let (true, Some(first), Some(last)) = (forwards, units.first(), units.last()) {
                    let text = self
                        .display
                        .get(first.out_start as usize..last.out_end as usize);
                    out.push_text(text.unwrap_or_default());
                } else {
                    out.push_reversed(&self.display, units);
                }
            }
            return width;
        }
        let mut total = 0;
        let mut draw = |unit| {
            let (drawn, width) = self.drawn_within(unit, line.limit);
            out.push_text(drawn);
            total += width;
        };
        for (forwards, units) in runs {
            if forwards {
                units.iter().for_each(&mut draw);
            } else {
                units.iter().rev().for_each(&mut draw);
            }
        }
        total
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
