//! `qari render`: a FriBidi-style filter. Each input line is a paragraph; its visual lines are
//! printed one per output line. Also the engine's test harness, so its behaviour is stable.

use std::io::{self, BufRead, Write};

use crate::text::{Options, Prepared, Scratch};

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
pub fn render(mut input: impl BufRead, mut output: impl Write, options: &RenderOptions) -> Result<(), RenderError> {
    let mut raw = Vec::new();
    let mut out = String::with_capacity(1 << 16);
    let mut scratch = Scratch::default();
    let mut order = Vec::new();
    let mut line_no = 0;
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        line_no += 1;
        if raw.last() == Some(&b'\n') {
            raw.pop();
            if raw.last() == Some(&b'\r') {
                raw.pop();
            }
        }
        let text = match std::str::from_utf8(&raw) {
            Ok(text) => text,
            Err(e) => {
                output.write_all(out.as_bytes())?;
                output.flush()?;
                return Err(RenderError::InvalidUtf8 {
                    line: line_no,
                    column: e.valid_up_to() + 1,
                });
            }
        };
        render_paragraph(text, options, &mut scratch, &mut order, &mut out);
        if out.len() > 1 << 16 {
            output.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    output.write_all(out.as_bytes())?;
    output.flush()?;
    Ok(())
}

/// Appends the lines of one paragraph to `out`.
pub fn render_paragraph(text: &str, options: &RenderOptions, scratch: &mut Scratch, order: &mut Vec<u32>, out: &mut String) {
    let prepared = Prepared::with_scratch(text, options.layout, scratch);
    for line in prepared.wrap(text, options.width) {
        match options.order {
            Order::Logical => prepared.write_logical(text, &line, out),
            Order::Visual => {
                let at = out.len();
                let width = prepared.write_visual(&line, order, out);
                if options.align && options.width > width && prepared.is_rtl() {
                    let pad = " ".repeat(options.width - width);
                    out.insert_str(at, &pad);
                }
            }
        }
        out.push('\n');
    }
}
