//! Rows written whole, for a terminal that lays logical text out itself (terminal mode).
//!
//! ratatui writes only the cells that changed, each where it sits in the row. A terminal that
//! reorders each row for bidi (mlterm, VTE) shows a row as a whole: a cell changed in the middle
//! of a right-to-left row moves what is drawn around it, and mlterm then leaves glyphs of the
//! old order on the screen (stray letters, marks in both margins, a letter twice in a title
//! after a search). In terminal mode every row that changed is therefore erased and written
//! again from its first cell to its last, so the terminal lays it out afresh each time. In app
//! mode the cells go through as ratatui gives them.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};

/// A backend that writes each changed row whole when `whole` is set.
pub struct Rows<B> {
    inner: B,
    whole: bool,
    /// The terminal gives each direction mark and embedding a cell of its own (mlterm): see
    /// [`marks_in_cells`].
    mark_cells: bool,
    /// What the terminal shows, as far as qari has written it (rows are written from here).
    screen: Buffer,
    /// For each row written with mark cells, the terminal's column of each of qari's columns
    /// (where the cursor goes); rows without one keep qari's columns.
    columns: Vec<Vec<u16>>,
}

impl<B: Backend> Rows<B> {
    pub fn new(inner: B, whole: bool, mark_cells: bool) -> Self {
        Rows {
            inner,
            whole,
            mark_cells,
            screen: Buffer::empty(Rect::default()),
            columns: Vec::new(),
        }
    }

    /// The screen as it is now: blank, and as large as the terminal.
    fn forget(&mut self) {
        let size = self.inner.size().unwrap_or_default();
        self.screen = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        self.columns = vec![Vec::new(); usize::from(size.height)];
    }

    /// Writes rows `ys` of the screen (sorted), each erased first and then cell by cell.
    fn write_rows(&mut self, ys: &[u16]) -> Result<(), B::Error> {
        for &y in ys {
            self.inner.set_cursor_position(Position::new(0, y))?;
            self.inner.clear_region(ClearType::CurrentLine)?;
            let mut row: Vec<Cell> = (0..self.screen.area.width)
                .map(|x| self.screen[(x, y)].clone())
                .collect();
            if self.mark_cells {
                let columns;
                (row, columns) = marks_in_cells(row);
                if let Some(c) = self.columns.get_mut(usize::from(y)) {
                    *c = columns;
                }
            } else {
                first_mark_after_neutral(&mut row);
            }
            let cells = shown(&row);
            self.inner.draw(cells.iter().map(|&(x, c)| (x, y, c)))?;
        }
        Ok(())
    }
}

/// The cells of a row as a terminal is given them, with their columns: a wide character's
/// second cell (and any cell ratatui marks to skip) left out.
fn shown(row: &[Cell]) -> Vec<(u16, &Cell)> {
    let mut out = Vec::new();
    let mut covered = 0;
    for (x, cell) in row.iter().enumerate() {
        if covered > 0 {
            covered -= 1;
            continue;
        }
        if cell.diff_option == CellDiffOption::Skip {
            continue;
        }
        covered = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        out.push((x as u16, cell));
    }
    out
}

/// Direction marks and embeddings, as the widgets put them: before a cell's character (LRM,
/// RLM, LRE, RLE), or after it (PDF).
const MARKS: [char; 5] = ['\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}'];

/// A terminal that takes marks as part of the cell before them (VTE) has no cell before the
/// row's first: a mark there, before a blank or another character of no direction (the
/// bookmark's star, the library's bullet), goes after that character instead (still before
/// the row's first letter).
fn first_mark_after_neutral(row: &mut [Cell]) {
    let Some(cell) = row.first_mut() else { return };
    let symbol = cell.symbol();
    let core = symbol.trim_start_matches(MARKS);
    let neutral = core.chars().next().is_some_and(|c| {
        !matches!(
            unicode_bidi::bidi_class(c),
            unicode_bidi::BidiClass::L | unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
        )
    });
    if neutral && core.len() < symbol.len() {
        let marks: String = symbol.chars().take_while(|c| MARKS.contains(c)).collect();
        let moved = format!("{core}{marks}");
        cell.set_symbol(&moved);
    }
}

/// `row` as mlterm must be given it. mlterm gives each direction mark and embedding a cell of
/// its own and leaves that cell out when it shows the row, the rest of the row closing up
/// (towards the left in a left-to-right row, towards the right in a right-to-left one). So
/// each gets its own cell, before the cell it was put in (after it, for an embedding's end),
/// and as many blank cells go from the row's end (the padding, shown at the far side of the
/// row's direction): every other cell then shows where qari put it. A row without blanks
/// enough at its end gives up the blank just before a mark (what follows moves by a cell), and
/// only then a mark: a row wider than the screen would wrap and scroll it.
fn marks_in_cells(row: Vec<Cell>) -> (Vec<Cell>, Vec<u16>) {
    let width = row.len();
    let mut out: Vec<Cell> = Vec::with_capacity(width + 2);
    // Where each of qari's cells went in `out`.
    let mut at: Vec<usize> = Vec::with_capacity(width);
    for mut cell in row {
        let symbol = cell.symbol().to_owned();
        if !symbol.contains(MARKS) {
            at.push(out.len());
            out.push(cell);
            continue;
        }
        let core = symbol.trim_matches(MARKS);
        let before = symbol.chars().take_while(|c| MARKS.contains(c));
        let after = symbol.chars().rev().take_while(|c| MARKS.contains(c));
        let own = |mark: char| {
            let mut c = cell.clone();
            c.set_symbol(&mark.to_string());
            c
        };
        let after: Vec<Cell> = if core.is_empty() {
            Vec::new()
        } else {
            let mut a: Vec<Cell> = after.map(own).collect();
            a.reverse();
            a
        };
        out.extend(before.map(own));
        cell.set_symbol(if core.is_empty() { " " } else { core });
        at.push(out.len());
        out.push(cell);
        out.extend(after);
    }
    let is_mark =
        |c: &Cell| !c.symbol().is_empty() && c.symbol().chars().all(|ch| MARKS.contains(&ch));
    let mut remove = |out: &mut Vec<Cell>, i: usize| {
        out.remove(i);
        for a in at.iter_mut().filter(|a| **a > i) {
            *a -= 1;
        }
    };
    while out.len() > width {
        if out.last().is_some_and(|c| c.symbol() == " ") {
            out.pop();
        } else if let Some(i) =
            (1..out.len()).rfind(|&i| is_mark(&out[i]) && out[i - 1].symbol() == " ")
        {
            remove(&mut out, i - 1);
        } else if let Some(i) = out.iter().rposition(is_mark) {
            remove(&mut out, i);
        } else {
            break;
        }
    }
    let last = width.saturating_sub(1);
    let columns = at.iter().map(|&a| a.min(last) as u16).collect();
    (out, columns)
}

impl<B: Backend> Backend for Rows<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if !self.whole {
            return self.inner.draw(content);
        }
        let size = self.inner.size()?;
        if self.screen.area != Rect::new(0, 0, size.width, size.height) {
            self.forget();
        }
        let mut ys = Vec::new();
        for (x, y, cell) in content {
            if let Some(c) = self.screen.cell_mut(Position::new(x, y)) {
                *c = cell.clone();
                ys.push(y);
            }
            // The cells a wide character covers are blank in ratatui's buffer, and it sends
            // them no more: blank here too.
            let wide = unicode_width::UnicodeWidthStr::width(cell.symbol());
            for covered in 1..wide as u16 {
                if let Some(c) = self.screen.cell_mut(Position::new(x + covered, y)) {
                    c.reset();
                }
            }
        }
        ys.sort_unstable();
        ys.dedup();
        self.write_rows(&ys)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let mut p = position.into();
        if let Some(&x) = self
            .columns
            .get(usize::from(p.y))
            .and_then(|c| c.get(usize::from(p.x)))
        {
            p.x = x;
        }
        self.inner.set_cursor_position(p)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.forget();
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All {
            self.forget();
        }
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// Bytes written outside the frame (OSC 52 for copying) go straight to the terminal.
impl<B: Backend + Write> Write for Rows<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::convert::Infallible;

    /// What a backend was asked to do: rows erased and cells written, in order.
    #[derive(Debug, PartialEq)]
    enum Done {
        Erased(u16),
        Wrote(u16, u16, String),
    }

    struct Recorder {
        size: TestBackend,
        done: Vec<Done>,
        cursor: Position,
    }

    impl Backend for Recorder {
        type Error = Infallible;
        fn draw<'a, I>(&mut self, content: I) -> Result<(), Infallible>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            for (x, y, c) in content {
                self.done.push(Done::Wrote(x, y, c.symbol().to_owned()));
            }
            Ok(())
        }
        fn hide_cursor(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
        fn show_cursor(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
            Ok(self.cursor)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Infallible> {
            self.cursor = p.into();
            Ok(())
        }
        fn clear(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
        fn clear_region(&mut self, t: ClearType) -> Result<(), Infallible> {
            if t == ClearType::CurrentLine {
                self.done.push(Done::Erased(self.cursor.y));
            }
            Ok(())
        }
        fn size(&self) -> Result<Size, Infallible> {
            self.size.size()
        }
        fn window_size(&mut self) -> Result<WindowSize, Infallible> {
            self.size.window_size()
        }
        fn flush(&mut self) -> Result<(), Infallible> {
            Ok(())
        }
    }

    fn recorder(width: u16, height: u16) -> Recorder {
        Recorder {
            size: TestBackend::new(width, height),
            done: Vec::new(),
            cursor: Position::default(),
        }
    }

    fn terminal(whole: bool) -> Terminal<Rows<Recorder>> {
        Terminal::new(Rows::new(recorder(6, 3), whole, false)).unwrap()
    }

    /// Draws `rows` and returns what the backend was asked to do for it.
    fn draw(t: &mut Terminal<Rows<Recorder>>, rows: &[&str]) -> Vec<Done> {
        t.draw(|f| {
            for (y, r) in rows.iter().enumerate() {
                f.buffer_mut()
                    .set_string(0, y as u16, r, ratatui::style::Style::default());
            }
        })
        .unwrap();
        std::mem::take(&mut t.backend_mut().inner.done)
    }

    fn wrote(y: u16, row: &str) -> Vec<Done> {
        let mut v = vec![Done::Erased(y)];
        v.extend(
            row.chars()
                .enumerate()
                .map(|(x, c)| Done::Wrote(x as u16, y, c.to_string())),
        );
        v
    }

    #[test]
    fn in_terminal_mode_a_changed_row_is_erased_and_written_whole() {
        let mut t = terminal(true);
        draw(&mut t, &["abcdef", "ghijkl", "mnopqr"]);
        // One cell changed in the middle row: that row alone, all of it.
        assert_eq!(
            draw(&mut t, &["abcdef", "ghXjkl", "mnopqr"]),
            wrote(1, "ghXjkl")
        );
        assert_eq!(draw(&mut t, &["abcdef", "ghXjkl", "mnopqr"]), vec![]);
        // Two rows changed: both, in order, each whole.
        let mut want = wrote(0, "Abcdef");
        want.extend(wrote(2, "mnopqZ"));
        assert_eq!(draw(&mut t, &["Abcdef", "ghXjkl", "mnopqZ"]), want);
    }

    #[test]
    fn a_wide_character_covers_the_cell_after_it() {
        let mut t = terminal(true);
        draw(&mut t, &["ab", "", ""]);
        let done = draw(&mut t, &["a界b", "", ""]);
        let symbols: Vec<&Done> = done
            .iter()
            .filter(|d| matches!(d, Done::Wrote(..)))
            .collect();
        assert_eq!(symbols.len(), 5, "{done:?}");
        assert_eq!(done[2], Done::Wrote(1, 0, "界".into()));
        assert_eq!(done[3], Done::Wrote(3, 0, "b".into()));
    }

    fn symbols(row: &[Cell]) -> Vec<&str> {
        row.iter().map(Cell::symbol).collect()
    }

    fn cells(symbols: &[&str]) -> Vec<Cell> {
        symbols
            .iter()
            .map(|s| {
                let mut c = Cell::EMPTY;
                c.set_symbol(s);
                c
            })
            .collect()
    }

    #[test]
    fn for_mlterm_each_mark_gets_a_cell_and_the_padding_gives_it() {
        // A right-to-left row: its mark before the margin, a mark before a column.
        let row = cells(&["\u{200f} ", " ", "❙", " ", "ب", " ", "\u{200e}1", " ", " "]);
        assert_eq!(
            symbols(&marks_in_cells(row).0),
            ["\u{200f}", " ", " ", "❙", " ", "ب", " ", "\u{200e}", "1"]
        );
        // No padding at the end: the blank before the mark goes, then the mark itself.
        let row = cells(&["a", " ", "\u{200e}b", "c"]);
        assert_eq!(symbols(&marks_in_cells(row).0), ["a", "\u{200e}", "b", "c"]);
        let row = cells(&["\u{200e}a", "b"]);
        assert_eq!(symbols(&marks_in_cells(row).0), ["a", "b"]);
        // An embedding: its start before the first cell, its end after the last.
        let row = cells(&["\u{202b}ب", "\u{200e}ت\u{202c}", " ", " ", " "]);
        assert_eq!(
            symbols(&marks_in_cells(row).0),
            ["\u{202b}", "ب", "\u{200e}", "ت", "\u{202c}"]
        );
        // No mark: the row as it is.
        let row = cells(&["a", " ", "b"]);
        assert_eq!(symbols(&marks_in_cells(row).0), ["a", " ", "b"]);
    }

    #[test]
    fn elsewhere_a_mark_at_the_rows_start_goes_after_its_blank() {
        let mut row = cells(&["\u{200e} ", "a"]);
        first_mark_after_neutral(&mut row);
        assert_eq!(symbols(&row), [" \u{200e}", "a"]);
        let mut row = cells(&["\u{200f}★", "a"]);
        first_mark_after_neutral(&mut row);
        assert_eq!(symbols(&row), ["★\u{200f}", "a"]);
        // Before a letter, it stays.
        let mut row = cells(&["\u{200f}ب", "a"]);
        first_mark_after_neutral(&mut row);
        assert_eq!(symbols(&row), ["\u{200f}ب", "a"]);
    }

    #[test]
    fn the_cells_a_wide_character_covered_are_blank_when_it_goes() {
        let mut t = terminal(true);
        draw(&mut t, &["ab", "", ""]);
        draw(&mut t, &["界", "", ""]);
        // ratatui sends only the cell that changed (`a`); the one `界` covered is blank.
        let done = draw(&mut t, &["a", "", ""]);
        assert_eq!(done[1], Done::Wrote(0, 0, "a".into()));
        assert_eq!(done[2], Done::Wrote(1, 0, " ".into()), "{done:?}");
    }

    #[test]
    fn for_mlterm_the_cursor_goes_where_its_cell_went() {
        let row = cells(&["\u{200f} ", "a", "b", " ", " "]);
        let (out, columns) = marks_in_cells(row);
        assert_eq!(symbols(&out), ["\u{200f}", " ", "a", "b", " "]);
        assert_eq!(columns, [1, 2, 3, 4, 4]);
        let mut rows = Rows::new(recorder(5, 1), true, true);
        rows.forget();
        let mut c = Cell::EMPTY;
        c.set_symbol("\u{200f} ");
        rows.draw([(0, 0, &c)].into_iter()).unwrap();
        rows.set_cursor_position(Position::new(2, 0)).unwrap();
        assert_eq!(rows.inner.cursor, Position::new(3, 0));
    }

    #[test]
    fn in_app_mode_only_the_changed_cells_go_through() {
        let mut t = terminal(false);
        draw(&mut t, &["abcdef", "ghijkl", "mnopqr"]);
        assert_eq!(
            draw(&mut t, &["abcdef", "ghXjkl", "mnopqr"]),
            vec![Done::Wrote(2, 1, "X".into())]
        );
    }
}
