//! `qari doctor`: what qari finds out about the terminal, for a user wondering why Arabic looks
//! wrong: TERM and friends, the terminal's answer about BDSM and what `--bidi auto` makes of
//! it, colours, whether copying (OSC 52) can work here, and one line of Arabic drawn both ways.

use std::io::{IsTerminal, Write};

use super::output::print;
use qari::text::{Direction, Options, Prepared, printable};
use qari::tui::detect::{self, Bdsm, Choice};

/// The line drawn both ways: joined letters, brackets, a number and a Latin word.
const SAMPLE: &str = "قال المدير (في المؤتمر): «لا» للقرار رقم 2024 في Linux";

pub fn run() -> anyhow::Result<bool> {
    let env = |k: &str| std::env::var(k).ok();
    let show = |k: &str| printable(&env(k).unwrap_or_else(|| "(not set)".to_owned())).into_owned();
    let terminal = std::io::stdout().is_terminal();
    let bdsm = if terminal {
        detect::ask_terminal()
    } else {
        Bdsm::NoAnswer
    };
    let choice = detect::choose(bdsm, &|k| env(k));
    let colours = match (env("COLORTERM").as_deref(), env("TERM")) {
        (Some("truecolor" | "24bit"), _) => "24-bit (COLORTERM)",
        (_, Some(t)) if t.contains("256color") => "256 (TERM)",
        _ => "8 or 16",
    };
    let clipboard = if env("TMUX").is_some() {
        let setting = std::process::Command::new("tmux")
            .args(["show-options", "-gv", "set-clipboard"])
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default();
        match setting.as_str() {
            "on" => "inside tmux with set-clipboard on: copying works".to_owned(),
            "external" => "inside tmux with set-clipboard external: copies reach the outer terminal, not tmux's buffers".to_owned(),
            other => format!("inside tmux with set-clipboard {other:?}: add `set -g set-clipboard on` to ~/.tmux.conf"),
        }
    } else if env("STY").is_some() {
        "inside GNU screen: it does not pass OSC 52 on; copying will not reach the clipboard"
            .to_owned()
    } else {
        "OSC 52 straight to the terminal: works in most (xterm needs allowWindowOps or disallowedWindowOps without SetSelection)".to_owned()
    };
    let options = Options {
        direction: Direction::Auto,
        shape: true,
    };
    let p = Prepared::new(SAMPLE, options);
    let line = p.wrap(SAMPLE, usize::MAX);
    let visual = line.first().map(|l| p.visual(l).text).unwrap_or_default();
    print(|out| {
        writeln!(out, "TERM            {}", show("TERM"))?;
        writeln!(out, "COLORTERM       {}", show("COLORTERM"))?;
        writeln!(out, "TERM_PROGRAM    {}", show("TERM_PROGRAM"))?;
        if !terminal {
            writeln!(
                out,
                "terminal        standard output is not a terminal: nothing asked"
            )?;
        }
        writeln!(out, "BDSM (DECRQM)   {}", bdsm.describe())?;
        writeln!(
            out,
            "--bidi auto     {}",
            match choice {
                Choice::App if bdsm.known() =>
                    "qari lays text out; the terminal is told not to reorder (BDSM explicit)",
                Choice::App => "qari lays text out (the terminal is not known to reorder)",
                Choice::AppMlterm =>
                    "qari lays text out, mlterm's own bidi switched off (OSC 5379 use_ctl=false)",
                Choice::Terminal => "the terminal does bidi: qari hands it logical text",
            }
        )?;
        writeln!(out, "colours         {colours}")?;
        writeln!(out, "copying         {clipboard}")?;
        writeln!(out)?;
        writeln!(
            out,
            "Which line reads right (right to left, letters joined, brackets facing"
        )?;
        writeln!(out, "the text)? That one is the mode for this terminal:")?;
        writeln!(out, "  --bidi app       {visual}")?;
        writeln!(out, "  --bidi terminal  {SAMPLE}")?;
        Ok(())
    })?;
    Ok(true)
}
