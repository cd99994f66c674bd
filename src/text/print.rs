//! Printing a line: the fast path of `qari render`. L1 and the runs of one level are found in
//! one pass over the line's units, L2 reorders the runs (see `reorder`), and each run is
//! written forwards, as one piece of the paragraph's drawn text, or backwards, unit by unit.
//! Lines go to any [`Output`]: a `String`, or bytes for a file or a pipe.

use super::line::{Line, LineScratch};
use super::prepare::{self, Prepared, Unit};
use super::reorder::{LevelRun, reorder_runs};

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
                (&[b0], [t0]) => *t0 = b0,
                (&[b0, b1], [t0, t1]) => (*t0, *t1) = (b0, b1),
                (&[b0, b1, b2], [t0, t1, t2]) => (*t0, *t1, *t2) = (b0, b1, b2),
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

impl Prepared {
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

    /// Appends `line` in logical order to `out`: the verbatim piece of `text` it shows.
    pub fn write_logical(&self, text: &str, line: &Line, out: &mut impl Output) {
        out.push_text(text.get(line.bytes(self)).unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{Direction, LineScratch, Options, Prepared};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// Runs written as bytes, runs written as a `String` and the units reordered one by one
        /// (`visual`, as the reader draws) give the same line, on plain text and on any text.
        #[test]
        fn printing_paths_agree(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "ب", "ا", "ل", "لا", "سلام", "a", "Z", "1", "٣", " ", "  ", "(", ")", "«", "»",
                ",", ".", "%", "\u{64e}", "\u{651}", "\t", "\u{1b}", "\u{ad}", "\u{200f}",
                "\u{202b}", "\u{202c}", "\u{2067}", "\u{2069}", "\u{2029}", "👨\u{200d}👩", "中",
                "\u{600}",
            ][..]), 0..40),
            width in 0..16usize,
            direction in 0..4u8,
            shape: bool,
        ) {
            let text = pieces.concat();
            let direction = [Direction::Auto, Direction::Majority, Direction::Ltr, Direction::Rtl]
                [usize::from(direction)];
            let p = Prepared::new(&text, Options { direction, shape });
            let mut scratch = LineScratch::default();
            for line in p.wrap(&text, width) {
                let visual = p.visual(&line);
                let mut string = String::new();
                let width = p.write_visual(&line, &mut scratch, &mut string);
                let mut bytes = Vec::new();
                p.write_visual(&line, &mut scratch, &mut bytes);
                proptest::prop_assert_eq!((&string, width), (&visual.text, visual.width), "{:?}", text);
                proptest::prop_assert_eq!(bytes, string.into_bytes());
            }
        }
    }
}
