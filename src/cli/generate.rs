//! `qari man` and `qari completions SHELL`: the manual page and the shell completions, made
//! from the command line's clap definitions (so they never disagree with `--help`), in English
//! as clap writes it.

use std::io::Write;

use clap::CommandFactory;

use super::Cli;

/// The clap definition as the page and the completions describe it: the binary's name.
fn command() -> clap::Command {
    Cli::command().name("qari").bin_name("qari")
}

pub fn man() -> anyhow::Result<bool> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command()).render(&mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(true)
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<bool> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "qari", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(true)
}
