//! Parity with GNU FriBidi (libfribidi through ../shared/tools/fribidi_oracle.py) on the 3,000
//! real articles of ../shared/corpus/snn: every title and paragraph, unwrapped, shaped and
//! unshaped; and wrapped at several widths, every line identical to FriBidi's reordering of the
//! same logical line (levels from the whole paragraph, L1-L2 per line).
//!
//! Two differences are by design and accounted for here, each counted in the output:
//! - FriBidi keeps the marks LRM, RLM, ALM and the isolate controls LRI, RLI, FSI, PDI in its
//!   output (as zero-width characters); qari removes them as the engine's spec says. They are
//!   stripped from FriBidi's lines before comparing.
//! - FriBidi removes C0/C1 controls (bidi class BN, such as the U+001A in some articles);
//!   qari shows them as visible pictures (␚) so that no control reaches the terminal raw. The
//!   pictures are stripped from qari's lines before comparing, on paragraphs that hold controls.

#![allow(clippy::unwrap_used, clippy::string_slice)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use qari::render::{Order, RenderOptions, render_paragraph};
use qari::text::{Direction, LineScratch, Options, Scratch, control_picture};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn render_all(text: &str, options: &RenderOptions) -> String {
    let mut out = String::new();
    let mut scratch = Scratch::default();
    let mut order = LineScratch::default();
    for line in text.lines() {
        render_paragraph(line, options, &mut scratch, &mut order, &mut out);
    }
    out
}

fn options(width: usize, shape: bool, order: Order) -> RenderOptions {
    RenderOptions {
        layout: Options {
            direction: Direction::Auto,
            shape,
        },
        width,
        order,
        align: false,
    }
}

/// Starts the oracle on `input`, with the logical lines in `breaks` if given, writing to `output`
/// (a file, not a pipe, so that all the oracles run at once).
fn oracle(
    shared: &Path,
    input: &Path,
    breaks: Option<&Path>,
    shape: bool,
    output: &Path,
) -> std::process::Child {
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("tools/fribidi_oracle.py"));
    if let Some(b) = breaks {
        cmd.arg("--breaks").arg(b);
    }
    if !shape {
        cmd.arg("--no-shape");
    }
    cmd.arg(input)
        .stdout(std::fs::File::create(output).unwrap())
        .stderr(Stdio::piped());
    cmd.spawn().unwrap()
}

fn has_control(s: &str) -> bool {
    s.chars().any(|c| control_picture(c).is_some())
}

fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}'
    )
}

struct Tally {
    lines: usize,
    hidden: usize,
    controls: usize,
    failures: Vec<String>,
}

/// Compares our lines with FriBidi's; `sources[i]` is the paragraph of line i.
fn compare(ours: &str, theirs: &str, sources: &[&str], what: &str, width: usize) -> Tally {
    let ours: Vec<&str> = ours.lines().collect();
    let theirs: Vec<&str> = theirs.lines().collect();
    let mut t = Tally {
        lines: ours.len(),
        hidden: 0,
        controls: 0,
        failures: Vec::new(),
    };
    assert_eq!(ours.len(), theirs.len(), "{what}: line counts differ");
    assert_eq!(
        ours.len(),
        sources.len(),
        "{what}: line counts differ from the paragraphs'"
    );
    for (i, ((a, b), src)) in ours.iter().zip(&theirs).zip(sources).enumerate() {
        if width > 0 {
            let w: usize = a.graphemes(true).map(UnicodeWidthStr::width).sum();
            if w > width {
                t.failures
                    .push(format!("{what} line {i}: {w} cells wide: {a:?}"));
            }
        }
        let b_clean: String = b.chars().filter(|&c| !is_hidden(c)).collect();
        if b_clean.len() != b.len() {
            t.hidden += 1;
        }
        let a_clean: String = if has_control(src) {
            t.controls += 1;
            a.chars()
                .filter(|&c| !matches!(c, '\u{2400}'..='\u{2421}' | '\u{FFFD}'))
                .collect()
        } else {
            (*a).to_string()
        };
        if a_clean != b_clean {
            t.failures.push(format!(
                "{what} line {i}:\n  qari    {a_clean:?}\n  fribidi {b_clean:?}"
            ));
        }
    }
    t
}

#[test]
fn corpus_matches_fribidi() {
    let Some(shared) = common::shared() else {
        return;
    };
    let probe = Command::new("python3")
        .arg(shared.join("tools/fribidi_oracle.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all("abc\n".as_bytes())?;
            c.wait_with_output()
        });
    if !probe.is_ok_and(|o| o.status.success() && o.stdout == b"abc\n") {
        common::skip("python3 with libfribidi0 is not available for the FriBidi oracle");
        return;
    }

    let full = common::corpus_text(&shared);
    // Every fifth article, for the narrowest width: the oracle re-copies a paragraph's levels
    // for each of its lines, so many short lines of long paragraphs cost it minutes.
    let fifth: String = common::corpus_files(&shared)
        .iter()
        .step_by(5)
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let dir = std::env::temp_dir().join(format!("qari-parity-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // (width, shape, whole corpus or a fifth); width 0 is unwrapped.
    let runs = [
        (0, true, true),
        (0, false, true),
        (80, true, true),
        (30, true, false),
        (45, false, false),
        (14, true, false),
    ];
    let mut children = Vec::new();
    let mut ours_all = Vec::new();
    for &(width, shape, whole) in &runs {
        let corpus = if whole { &full } else { &fifth };
        let paragraphs: Vec<&str> = corpus.lines().collect();
        let input = dir.join(format!("corpus-{whole}.txt"));
        std::fs::write(&input, corpus).unwrap();
        let ours = render_all(corpus, &options(width, shape, Order::Visual));
        let mut sources = Vec::new();
        let breaks = if width > 0 {
            let logical = render_all(corpus, &options(width, shape, Order::Logical));
            // Which paragraph each logical line came from.
            let mut scratch = Scratch::default();
            let mut order = LineScratch::default();
            for p in &paragraphs {
                let mut one = String::new();
                render_paragraph(
                    p,
                    &options(width, shape, Order::Logical),
                    &mut scratch,
                    &mut order,
                    &mut one,
                );
                sources.extend(std::iter::repeat_n(*p, one.lines().count()));
            }
            let path = dir.join(format!("logical-{width}-{shape}.txt"));
            std::fs::write(&path, logical).unwrap();
            Some(path)
        } else {
            sources.clone_from(&paragraphs);
            None
        };
        let output = dir.join(format!("fribidi-{width}-{shape}.txt"));
        children.push((
            oracle(&shared, &input, breaks.as_deref(), shape, &output),
            output,
        ));
        ours_all.push((
            ours,
            sources.into_iter().map(str::to_string).collect::<Vec<_>>(),
        ));
    }

    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (((child, output), (ours, sources)), &(width, shape, _)) in
        children.into_iter().zip(ours_all).zip(&runs)
    {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "oracle failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let theirs = std::fs::read_to_string(output).unwrap();
        let what = format!("width {width}, shape {shape}");
        let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
        let t = compare(&ours, &theirs, &sources, &what, width);
        report.push(format!(
            "{what}: {} lines, {} with marks/isolates FriBidi keeps, {} with controls qari shows, {} differ",
            t.lines,
            t.hidden,
            t.controls,
            t.failures.len()
        ));
        failures.extend(t.failures);
    }
    std::fs::remove_dir_all(&dir).ok();
    eprintln!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "{} lines differ from FriBidi:\n{}",
        failures.len(),
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
