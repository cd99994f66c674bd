//! `qari render`: a FriBidi-style filter. Each input line is a paragraph; its visual lines are
//! printed one per output line. Also the engine's test harness, so its behaviour is stable.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::Mutex;

use crate::text::{LineScratch, Options, Output, Prepared, Scratch};

/// Order of the printed lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Reordered, mirrored and shaped for display.
    #[default]
    Visual,
    /// The same line breaks, but each line a verbatim piece of the input.
    Logical,
}

/// Settings of one `qari render` run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    pub layout: Options,
    /// Wrap to this many cells; 0 does not wrap.
    pub width: usize,
    pub order: Order,
    /// Right-align the lines of right-to-left paragraphs to `width` cells.
    pub align: bool,
}

/// Why a render stopped.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("line {line}: invalid UTF-8 at byte {column}")]
    InvalidUtf8 { line: usize, column: usize },
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Renders every line of `input` to `output`.
///
/// Lines are read in batches of what the reader has buffered, so a pipe that delivers a line
/// at a time still gets each line back at once, and a file is laid out on every core: each batch
/// is split between threads and written back in order.
pub fn render<R: Read>(
    input: &mut BufReader<R>,
    mut output: impl Write,
    options: &RenderOptions,
) -> Result<(), RenderError> {
    let threads = crate::parallel::threads().min(8);
    let mut batch: Vec<u8> = Vec::new();
    // Output buffers written out, to be filled again: memory already touched, where a new one
    // would take a page fault every 4 KiB.
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let mut line_no = 0;
    loop {
        batch.clear();
        // Whole lines, as many as are buffered (at least one).
        loop {
            if input.read_until(b'\n', &mut batch)? == 0
                || input.buffer().is_empty()
                || batch.len() > 1 << 22
            {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let mut lines: Vec<&[u8]> = Vec::new();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &batch) {
            lines.extend(batch.get(start..=end));
            start = end + 1;
        }
        lines.extend(batch.get(start..).filter(|rest| !rest.is_empty()));
        // Parts of about equal bytes (paragraph lengths vary a lot), a few per thread: a thread
        // that is done takes the next, so neither waits long for the other at the end.
        let parts = crate::parallel::split_by_weight(&lines, threads * 4, 1 << 14, |l| l.len());
        let results = crate::parallel::map(&parts, |part| {
            let out = spare.lock().ok().and_then(|mut spare| spare.pop());
            let out = out.unwrap_or_default();
            render_lines(&lines[part.clone()], line_no + part.start, options, out)
        });
        line_no += lines.len();
        for result in results {
            match result {
                Ok(text) => {
                    output.write_all(&text)?;
                    if let Ok(mut spare) = spare.lock() {
                        spare.push(text);
                    }
                }
                Err((line, column, done)) => {
                    output.write_all(&done)?;
                    output.flush()?;
                    return Err(RenderError::InvalidUtf8 { line, column });
                }
            }
        }
        output.flush()?;
    }
    Ok(())
}

/// Renders whole lines into `out` (emptied first); `first` is the number of lines before them.
/// On invalid UTF-8, returns the line and column with what was rendered before it.
fn render_lines(
    lines: &[&[u8]],
    first: usize,
    options: &RenderOptions,
    mut out: Vec<u8>,
) -> Result<Vec<u8>, (usize, usize, Vec<u8>)> {
    // Shaped Arabic takes three bytes a letter instead of two.
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    out.clear();
    out.reserve(bytes + bytes / 2 + lines.len());
    let mut scratch = Scratch::default();
    let mut order = LineScratch::default();
    for (k, raw) in lines.iter().enumerate() {
        let raw = raw
            .strip_suffix(b"\n")
            .map_or(*raw, |r| r.strip_suffix(b"\r").unwrap_or(r));
        match std::str::from_utf8(raw) {
            Ok(text) => render_paragraph(text, options, &mut scratch, &mut order, &mut out),
            Err(e) => return Err((first + k + 1, e.valid_up_to() + 1, out)),
        }
    }
    Ok(out)
}

/// Appends the lines of one paragraph to `out`.
pub fn render_paragraph(
    text: &str,
    options: &RenderOptions,
    scratch: &mut Scratch,
    order: &mut LineScratch,
    out: &mut impl Output,
) {
    let prepared = Prepared::with_scratch(text, options.layout, scratch);
    for line in prepared.wrap(text, options.width) {
        match options.order {
            Order::Logical => prepared.write_logical(text, &line, out),
            Order::Visual => {
                let at = out.position();
                let width = prepared.write_visual(&line, order, out);
                if options.align && options.width > width && prepared.is_rtl() {
                    out.insert_spaces(at, options.width - width);
                }
            }
        }
        out.push_text("\n");
    }
}
