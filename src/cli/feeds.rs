//! `qari feeds add|list|remove`, `qari update`, `qari save URL` and `qari import FILE`: thin
//! runners over [`qari::feeds`]. `update` shows a progress bar on stderr when it is a terminal
//! and one line per feed on stdout in any case; every name, path and reason from a feed or a
//! page goes through [`printable`].

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;

use super::FeedsCommand;
use super::bookmarks::open_store;
use super::output::print;
use qari::collection::Progress;
use qari::config::{Dirs, FeedConfig};
use qari::feeds::{self, FeedReport, FetchOptions, subscriptions};
use qari::text::printable;

/// The config, which must name a collection to save into.
fn config_with_collection() -> anyhow::Result<qari::config::Config> {
    let config = super::config()?;
    if config.collection.is_none() {
        anyhow::bail!(
            "no collection to save articles into: set `collection = \"/path/to/news\"` in {}",
            config_file()?.display()
        );
    }
    Ok(config)
}

fn config_file() -> anyhow::Result<std::path::PathBuf> {
    Ok(Dirs::new()
        .ok_or_else(|| anyhow::anyhow!("no home folder: cannot find config.toml"))?
        .config_file())
}

pub fn run(cmd: &FeedsCommand) -> anyhow::Result<bool> {
    let path = config_file()?;
    match cmd {
        FeedsCommand::Add { url, name, folder } => {
            let name = match name {
                Some(n) => n.trim().to_owned(),
                None => match feeds::suggest_name(url, &FetchOptions::default()) {
                    Ok(title) => title,
                    Err((host, why)) => {
                        eprintln!(
                            "qari: warning: {}: {}; named \"{}\" for now",
                            printable(url),
                            printable(&why),
                            printable(&host)
                        );
                        host
                    }
                },
            };
            anyhow::ensure!(!name.is_empty(), "the name is empty: give one with --name");
            let feed = FeedConfig {
                url: url.clone(),
                name,
                folder: folder.clone(),
            };
            subscriptions::add(&path, &feed)?;
            println!(
                "added \"{}\" ({}), saved into {}",
                printable(&feed.name),
                printable(&feed.url),
                feeds::feed_folder(&feed).display()
            );
        }
        FeedsCommand::List => {
            let config = super::config()?;
            print(|out| {
                for f in &config.feeds {
                    writeln!(
                        out,
                        "{}\t{}\t{}",
                        printable(&f.name),
                        printable(&f.url),
                        printable(&feeds::feed_folder(f).display().to_string())
                    )?;
                }
                Ok(())
            })?;
        }
        FeedsCommand::Remove { name } => {
            let removed = subscriptions::remove(&path, name)?;
            println!(
                "removed \"{}\" ({}); its saved articles stay",
                printable(&removed.name),
                printable(&removed.url)
            );
        }
    }
    Ok(true)
}

/// The progress bar's width, in cells.
const WIDTH: usize = 30;

/// A progress bar on stderr, when it is a terminal.
struct Bar {
    on: bool,
    total: usize,
    done: usize,
}

impl Bar {
    fn draw(&self) {
        if !self.on {
            return;
        }
        let filled = (self.done * WIDTH).checked_div(self.total).unwrap_or(WIDTH);
        eprint!(
            "\r\x1b[2K[{}{}] {}/{} feeds",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            self.done,
            self.total
        );
        let _ = std::io::stderr().flush();
    }

    fn clear(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
            let _ = std::io::stderr().flush();
        }
    }
}

/// One line for a feed's outcome.
fn line(r: &FeedReport) -> String {
    let name = printable(&r.name);
    if let Some(e) = &r.error {
        return format!("{name}: failed: {}", printable(e));
    }
    if r.not_modified {
        return format!("{name}: not modified");
    }
    let mut s = format!("{name}: {} new", r.new.len());
    for w in &r.warnings {
        let _ = write!(s, "\n{name}: warning: {}", printable(w));
    }
    s
}

pub fn update() -> anyhow::Result<bool> {
    let config = config_with_collection()?;
    if config.feeds.is_empty() {
        anyhow::bail!("no feeds to update: add one with `qari feeds add URL`");
    }
    let mut store = open_store()?;
    let progress = Progress::default();
    let mut bar = Bar {
        on: std::io::stderr().is_terminal(),
        total: config.feeds.len(),
        done: 0,
    };
    bar.draw();
    let report = feeds::update_with(
        &config,
        &mut store,
        &FetchOptions::default(),
        &progress,
        &mut |r| {
            bar.clear();
            println!("{}", line(r));
            let _ = std::io::stdout().flush();
            bar.done += 1;
            bar.draw();
        },
    );
    bar.clear();
    let report = report?;
    let new = report.new_files().count();
    let failed: Vec<String> = report
        .failed()
        .map(|f| printable(&f.name).into_owned())
        .collect();
    if let Some(root) = &config.collection {
        println!("{new} new articles in {}", root.display());
    }
    if !failed.is_empty() {
        anyhow::bail!(
            "{} of {} feeds failed: {}",
            failed.len(),
            report.feeds.len(),
            failed.join(", ")
        );
    }
    Ok(true)
}

pub fn save(url: &str) -> anyhow::Result<bool> {
    let config = config_with_collection()?;
    let mut store = open_store()?;
    let path = feeds::save_url(&config, &mut store, &FetchOptions::default(), url)?;
    println!("{}", path.display());
    Ok(true)
}

pub fn import(file: &Path) -> anyhow::Result<bool> {
    let config = config_with_collection()?;
    let mut store = open_store()?;
    let path = feeds::import_file(&config, &mut store, file)?;
    println!("{}", path.display());
    Ok(true)
}
