//! `qari doctor`: what qari finds out about the terminal, for a user wondering why Arabic looks
//! wrong: TERM and friends, the terminal's answer about BDSM and what `--bidi auto` makes of
//! it, colours, whether copying (OSC 52) can work here, and one line of Arabic drawn both ways.

use std::io::{IsTerminal, Write};

use super::output::print;
use qari::t;
use qari::text::{Direction, Options, Prepared, printable};
use qari::tui::detect::{self, Bdsm, Choice};

/// The line drawn both ways: joined letters, brackets, a number and a Latin word.
const SAMPLE: &str = "قال المدير (في المؤتمر): «لا» للقرار رقم 2024 في Linux";

pub fn run() -> anyhow::Result<bool> {
    let msgs = super::msgs();
    let env = |k: &str| std::env::var(k).ok();
    let show =
        |k: &str| printable(&env(k).unwrap_or_else(|| t!(msgs, "doctor-not-set"))).into_owned();
    // A label padded to the second column (16 characters).
    let label = |id: &str| format!("{:<16}", msgs.get(id, &[]));
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
    let clipboard = if env("TMUX").is_some() {
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
            let what = t!(msgs, "doctor-not-a-terminal");
            writeln!(out, "{}{what}", label("doctor-label-terminal"))?;
        }
        let state = t!(msgs, "doctor-bdsm", state = bdsm.choice());
        writeln!(out, "BDSM (DECRQM)   {state}")?;
        let choice = match choice {
            Choice::App if bdsm.known() => "app-explicit",
            Choice::App => "app",
            Choice::AppMlterm => "app-mlterm",
            Choice::Terminal => "terminal",
        };
        writeln!(
            out,
            "--bidi auto     {}",
            t!(msgs, "doctor-auto", choice = choice)
        )?;
        writeln!(out, "{}{colours}", label("doctor-label-colours"))?;
        writeln!(out, "{}{clipboard}", label("doctor-label-copying"))?;
        writeln!(out)?;
        writeln!(out, "{}", t!(msgs, "doctor-which"))?;
        writeln!(out, "  --bidi app       {visual}")?;
        writeln!(out, "  --bidi terminal  {SAMPLE}")?;
        Ok(())
    })?;
    Ok(true)
}
