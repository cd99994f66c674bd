//! kitty has no bidi, but it shapes each run of cells with HarfBuzz, a run being the cells
//! between two blanks (spaces and empty cells are not drawn with a font), and HarfBuzz guesses
//! the run's direction from its first letter: a run that starts with an Arabic or Hebrew letter
//! is drawn right to left, its glyphs mirrored (its brackets too) within its cells. qari's rows
//! are already in visual order, so kitty would reverse every Arabic word. In app mode qari
//! therefore hands kitty each such run reversed and its mirrored characters swapped, which
//! kitty's own reversal puts back: what shows is what qari laid out. This assumes one font for
//! the run (kitty's default, DejaVu Sans Mono and most monospace fonts with Arabic); a font
//! without Arabic splits the run at the fallback font, which this cannot see.

use ratatui::buffer::Buffer;
use unicode_bidi::BidiClass;

/// Undoes, row by row, the reversal kitty applies to right-to-left runs of `buf`.
pub fn compensate(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            if blank(buf[(x, y)].symbol()) {
                x += 1;
                continue;
            }
            let start = x;
            while x < area.right() && !blank(buf[(x, y)].symbol()) {
                x += 1;
            }
            reverse_run(buf, start, x, y);
        }
    }
}

/// What kitty draws without a font, which ends a run.
fn blank(symbol: &str) -> bool {
    symbol.is_empty() || symbol == " " || symbol == "\t"
}

/// Whether HarfBuzz shapes `run` (the cells' symbols) right to left: its first letter of a
/// script (digits and punctuation are common to all) is right-to-left.
pub fn drawn_rtl<'a>(run: impl IntoIterator<Item = &'a str>) -> bool {
    run.into_iter()
        .flat_map(str::chars)
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            BidiClass::L => Some(false),
            BidiClass::R | BidiClass::AL => Some(true),
            _ => None,
        })
        .unwrap_or(false)
}

/// Reverses the symbols of cells `start..end` of row `y` (each mirrored), if kitty draws them
/// right to left; styles stay where they are, as kitty colours cells, not glyphs. A run with a
/// wide character is left alone (its cells are not one glyph each).
fn reverse_run(buf: &mut Buffer, start: u16, end: u16, y: u16) {
    let symbols: Vec<String> = (start..end)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect();
    let wide = symbols
        .iter()
        .any(|s| unicode_width::UnicodeWidthStr::width(s.as_str()) > 1);
    if wide || !drawn_rtl(symbols.iter().map(String::as_str)) {
        return;
    }
    for (x, symbol) in (start..end).zip(symbols.iter().rev()) {
        buf[(x, y)].set_symbol(&mirrored(symbol));
    }
}

/// `symbol` with its first character mirrored (HarfBuzz mirrors in a right-to-left run).
fn mirrored(symbol: &str) -> String {
    let mut chars = symbol.chars();
    match chars.next().and_then(crate::text::mirror) {
        Some(m) => std::iter::once(m).chain(chars).collect(),
        None => symbol.to_owned(),
    }
}

/// `line` as kitty must be given it to show it as it is (for a line printed outside the TUI,
/// `qari doctor`'s sample).
pub fn compensate_line(line: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = String::with_capacity(line.len());
    for piece in line.split_inclusive(' ') {
        let (word, space) = piece.strip_suffix(' ').map_or((piece, ""), |w| (w, " "));
        let cells: Vec<&str> = word.graphemes(true).collect();
        if drawn_rtl(cells.iter().copied()) {
            out.extend(cells.iter().rev().map(|s| mirrored(s)));
        } else {
            out.push_str(word);
        }
        out.push_str(space);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn row(buf: &Buffer) -> String {
        (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect()
    }

    #[test]
    fn arabic_runs_are_reversed_and_mirrored_latin_and_numbers_are_not() {
        // qari's visual line: "Linux ﻲﻓ 2024 :(ﺮﻤﺗﺆﻤﻟﺍ «ﻻ»"
        let line = "Linux ﻲﻓ 2024 :(ﺮﻤﺗﺆﻤﻟﺍ «ﻻ» (4K)";
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
        buf.set_string(0, 0, line, ratatui::style::Style::default());
        compensate(&mut buf);
        let want = "Linux ﻓﻲ 2024 ﺍﻟﻤﺆﺗﻤﺮ): «ﻻ» (4K)";
        assert_eq!(row(&buf).trim_end(), want);
        assert_eq!(compensate_line(line), want);
        // Reversing twice is the identity: what kitty does to what qari sends.
        assert_eq!(compensate_line(want), line);
    }

    #[test]
    fn a_run_starting_with_digits_takes_the_direction_of_its_first_letter() {
        assert!(drawn_rtl(["2", "0", "ﻲ"]));
        assert!(!drawn_rtl(["2", "K", "ﻲ"]));
        assert!(!drawn_rtl(["(", "1", ")"]));
    }
}
