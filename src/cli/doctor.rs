//! `qari doctor`: what qari finds out about the terminal, for a user wondering why Arabic looks
//! wrong: TERM and friends, the terminal's answer about BDSM and what `--bidi auto` makes of
//! it, colours, whether copying (OSC 52) can work here, and one line of Arabic drawn both ways.
//!
//! Every line goes through the bidi engine as the reader's chrome does: on a terminal, laid out
//! in visual order (right-aligned in Arabic), wrapped at words to the terminal's width, with the
//! terminal set up as `--bidi auto` sets it up for the reader (BDSM explicit, mlterm's and
//! Konsole's own bidi off, kitty's runs reversed). Into a pipe the lines stay logical text.

use std::io::{IsTerminal, Write};

use super::output::print;
use qari::i18n::Lang;
use qari::t;
use qari::text::{Direction, Options, Prepared, printable};
use qari::tui::detect::{self, Bdsm, Choice, Known};

/// The line drawn both ways: joined letters, brackets, a number and a Latin word.
const SAMPLE: &str = "قال المدير (في المؤتمر): «لا» للقرار رقم 2024 في Linux";

/// BDSM explicit while the report is written, implicit again after (VTE keeps the mode of each
/// line as it was when the line was written).
const EXPLICIT: &str = "\x1b[8l";
const IMPLICIT: &str = "\x1b[8h";

/// How the report's lines reach the screen.
#[derive(Clone, Copy)]
struct Page {
    /// None into a pipe: logical text, unwrapped.
    width: Option<usize>,
    rtl: bool,
    choice: Choice,
}

impl Page {
    /// `text` (one logical line) as the lines to print.
    fn lines(&self, text: &str) -> Vec<String> {
        let Some(width) = self.width else {
            return vec![text.to_owned()];
        };
        self.visual(text, width, self.rtl)
    }

    fn visual(&self, text: &str, width: usize, rtl: bool) -> Vec<String> {
        let options = Options {
            direction: if rtl { Direction::Rtl } else { Direction::Auto },
            shape: true,
        };
        let p = Prepared::new(text, options);
        p.wrap(text, width)
            .iter()
            .map(|l| {
                let v = p.visual(l);
                let line = if self.choice.kitty() {
                    qari::tui::term::kitty::compensate_line(&v.text)
                } else {
                    v.text
                };
                // Right-aligned in a width, not on the unbounded line of the sample.
                let pad = if p.is_rtl() && width != usize::MAX {
                    width.saturating_sub(v.width)
                } else {
                    0
                };
                format!("{}{}", " ".repeat(pad), line.trim_end())
            })
            .collect()
    }
}

pub fn run() -> anyhow::Result<bool> {
    let msgs = super::msgs();
    let env = |k: &str| std::env::var(k).ok();
    let show =
        |k: &str| printable(&env(k).unwrap_or_else(|| t!(msgs, "doctor-not-set"))).into_owned();
    let label = |id: &str| msgs.get(id, &[]);
    let terminal = std::io::stdout().is_terminal();
    let bdsm = if terminal {
        detect::ask_terminal().bdsm
    } else {
        Bdsm::NoAnswer
    };
    let choice = detect::choose(bdsm, &|k| env(k));
    let colours = match (env("COLORTERM").as_deref(), env("TERM")) {
        (Some("truecolor" | "24bit"), _) => "truecolor",
        (_, Some(t)) if t.contains("256color") => "256",
        _ => "basic",
    };
    let colours = t!(msgs, "doctor-colours", colours = colours);
    let clipboard = clipboard(msgs, &env);
    let width = terminal
        .then(|| ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).max(20)));
    let page = Page {
        width,
        rtl: msgs.lang() == Lang::Ar,
        choice,
    };
    // Label and value, each isolated where lines are laid out, so that in Arabic the label
    // reads at the right and its value at its left whatever their letters.
    let row = |label: &str, value: &str| {
        if page.width.is_some() {
            let pad = " ".repeat(16usize.saturating_sub(label.chars().count()).max(1));
            format!("\u{2068}{label}\u{2069}{pad}\u{2068}{value}\u{2069}")
        } else {
            format!("{label:<16}{value}")
        }
    };
    let mut report = vec![
        row("TERM", &show("TERM")),
        row("COLORTERM", &show("COLORTERM")),
        row("TERM_PROGRAM", &show("TERM_PROGRAM")),
    ];
    if !terminal {
        let what = t!(msgs, "doctor-not-a-terminal");
        report.push(row(&label("doctor-label-terminal"), &what));
    }
    let state = t!(msgs, "doctor-bdsm", state = bdsm.choice());
    report.push(row("BDSM (DECRQM)", &state));
    let auto = t!(msgs, "doctor-auto", choice = choice.describe(bdsm));
    report.push(row("--bidi auto", &auto));
    report.push(row(&label("doctor-label-colours"), &colours));
    report.push(row(&label("doctor-label-copying"), &clipboard));
    report.push(String::new());
    // The sample as the reader draws it in each mode: qari's layout set up as for the reader,
    // and logical text. Where the terminal's own bidi is one switch for the whole window
    // (mlterm, Konsole) or missing (kitty), the logical line cannot be shown as the reader
    // would show it: there the verdict of the README's table is said instead.
    // Into a pipe: both lines, qari's layout as for a terminal that does nothing of its own.
    let plain = Page {
        choice: Choice::default(),
        ..page
    };
    let app = if terminal { &page } else { &plain };
    let app = app.visual(SAMPLE, usize::MAX, false).concat();
    let both = !terminal || choice.terminal == Known::Other;
    let mut samples = Vec::new();
    if both {
        report.push(t!(msgs, "doctor-which"));
        samples.push(format!("  --bidi app       {app}"));
        // VTE takes a line's modes when the line starts or is erased: set, then erase.
        let modes = if terminal {
            format!("{IMPLICIT}\x1b[?2501h\x1b[2K")
        } else {
            String::new()
        };
        samples.push(format!("{modes}  --bidi terminal  {SAMPLE}"));
    } else {
        report.push(t!(msgs, "doctor-app-only"));
        samples.push(format!("  --bidi app       {app}"));
    }
    print(|out| {
        if terminal {
            write!(out, "{}{EXPLICIT}", choice.start())?;
        }
        for text in &report {
            // A message written on several lines in its file is one paragraph.
            for line in page.lines(&text.replace('\n', " ")) {
                writeln!(out, "{line}")?;
            }
        }
        for line in &samples {
            // The sample lines are left to right whatever the interface's language: the mode
            // names come first.
            writeln!(out, "{line}")?;
            if terminal && both {
                write!(out, "\x1b[?2501l{EXPLICIT}")?;
            }
        }
        if terminal && choice.terminal != Known::Other {
            let which = match choice.terminal {
                Known::Mlterm => "mlterm",
                Known::Konsole => "konsole",
                _ => "kitty",
            };
            let verdict = t!(msgs, "doctor-terminal-verdict", choice = which);
            for line in page.lines(&verdict) {
                writeln!(out, "{line}")?;
            }
        }
        if terminal {
            // mlterm and Konsole draw the whole window again when their bidi is switched back
            // on, this report too: it stays off (the reader switches it on at exit).
            write!(out, "{IMPLICIT}")?;
        }
        Ok(())
    })?;
    Ok(true)
}

/// Whether copying (OSC 52) reaches the clipboard from here.
fn clipboard(msgs: &qari::i18n::Messages, env: &dyn Fn(&str) -> Option<String>) -> String {
    if env("TMUX").is_some() {
        let setting = std::process::Command::new("tmux")
            .args(["show-options", "-gv", "set-clipboard"])
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default();
        match setting.as_str() {
            "on" => t!(msgs, "doctor-tmux-on"),
            "external" => t!(msgs, "doctor-tmux-external"),
            other => t!(msgs, "doctor-tmux-other", setting = format!("{other:?}")),
        }
    } else if env("STY").is_some() {
        t!(msgs, "doctor-screen")
    } else {
        t!(msgs, "doctor-osc52")
    }
}
