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
use qari::t;
use qari::text::printable;

/// The config, which must name a collection to save into.
fn config_with_collection() -> anyhow::Result<qari::config::Config> {
    let config = super::config()?;
    if config.collection.is_none() {
        anyhow::bail!(t!(
            super::msgs(),
            "feeds-cli-no-collection",
            file = config_file()?.display().to_string()
        ));
    }
    Ok(config)
}

fn config_file() -> anyhow::Result<std::path::PathBuf> {
    Ok(Dirs::new()
        .ok_or_else(|| anyhow::anyhow!(t!(super::msgs(), "cli-no-home")))?
        .config_file())
}

pub fn run(cmd: &FeedsCommand) -> anyhow::Result<bool> {
    let path = config_file()?;
    match cmd {
        FeedsCommand::Add {
            url,
            name,
            folder,
            no_check,
        } => {
            let msgs = super::msgs();
            // The same URL again: said before anything is fetched.
            if let Some(f) = super::config()?.feeds.iter().find(|f| f.url == *url) {
                anyhow::bail!(t!(
                    msgs,
                    "feeds-cli-already",
                    url = printable(url).into_owned(),
                    name = printable(&f.name).into_owned()
                ));
            }
            let (url, title) = if *no_check {
                (url.clone(), None)
            } else {
                checked_feed(url)?
            };
            let host = || {
                url::Url::parse(&url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned))
                    .unwrap_or_else(|| url.clone())
            };
            let name = match name {
                Some(n) => n.trim().to_owned(),
                None => title.filter(|t| !t.trim().is_empty()).unwrap_or_else(host),
            };
            anyhow::ensure!(!name.is_empty(), t!(super::msgs(), "feeds-cli-name-empty"));
            let feed = FeedConfig {
                url,
                name,
                folder: folder.clone(),
            };
            subscriptions::add(&path, &feed).map_err(said)?;
            println!(
                "{}",
                t!(
                    super::msgs(),
                    "feeds-cli-added",
                    name = printable(&feed.name).into_owned(),
                    url = printable(&feed.url).into_owned(),
                    folder = feeds::feed_folder(&feed).display().to_string()
                )
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
        FeedsCommand::Import { file } => return import_opml(&path, file),
        FeedsCommand::Export => {
            let config = super::config()?;
            let opml = feeds::opml::write(&config.feeds);
            print(|out| out.write_all(opml.as_bytes()))?;
        }
        FeedsCommand::Remove { name } => {
            let removed = subscriptions::remove(&path, name).map_err(said)?;
            println!(
                "{}",
                t!(
                    super::msgs(),
                    "feeds-cli-removed",
                    name = printable(&removed.name).into_owned(),
                    url = printable(&removed.url).into_owned()
                )
            );
        }
    }
    Ok(true)
}

/// `qari feeds import FILE.opml`: each feed of the file added to the config at `config` (no
/// fetching: a list of a hundred feeds would take minutes), a name given twice made unique; a
/// URL subscribed already is left as it is. Says how many of each.
fn import_opml(config: &Path, file: &Path) -> anyhow::Result<bool> {
    let msgs = super::msgs();
    let text = std::fs::read(file).map_err(|e| {
        anyhow::anyhow!(t!(
            msgs,
            "path-error",
            path = file.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let found = feeds::opml::parse(&String::from_utf8_lossy(&text));
    if found.is_empty() {
        anyhow::bail!(t!(
            msgs,
            "feeds-cli-opml-none",
            path = file.display().to_string()
        ));
    }
    let mut existing = super::config()?.feeds;
    let (mut added, mut known) = (0, 0);
    for mut feed in found {
        if existing.iter().any(|f| f.url == feed.url) {
            known += 1;
            continue;
        }
        if feed.name.is_empty() {
            feed.name = url::Url::parse(&feed.url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_else(|| feed.url.clone());
        }
        let base = feed.name.clone();
        let mut n = 2;
        while existing.iter().any(|f| f.name == feed.name) {
            feed.name = format!("{base} ({n})");
            n += 1;
        }
        subscriptions::add(config, &feed).map_err(said)?;
        existing.push(feed);
        added += 1;
    }
    println!(
        "{}",
        t!(
            msgs,
            "feeds-cli-opml-imported",
            added = added,
            known = known
        )
    );
    Ok(true)
}

/// A change of the config's feeds that could not be made, said in the interface's language
/// (names and URLs through [`printable`]).
fn said(e: subscriptions::SubscriptionError) -> anyhow::Error {
    use subscriptions::SubscriptionError as E;
    let msgs = super::msgs();
    let shown = |s: &str| printable(s).into_owned();
    anyhow::anyhow!(match e {
        E::NameTaken(name) => t!(msgs, "feeds-cli-name-taken", name = shown(&name)),
        E::UrlTaken { url, name } => t!(
            msgs,
            "feeds-cli-already",
            url = shown(&url),
            name = shown(&name)
        ),
        E::NoSuchFeed(name) => t!(msgs, "feeds-cli-no-such-feed", name = shown(&name)),
        E::BadUrl(url) => t!(msgs, "feeds-cli-bad-url", url = shown(&url)),
        E::Io { path, source } => t!(
            msgs,
            "path-error",
            path = path.display().to_string(),
            error = source.to_string()
        ),
        e @ E::Config { .. } => e.to_string(),
    })
}

/// What `feeds add URL` subscribes to: the feed at `url` (and its title), or the feed a web
/// page there links (said on stderr); an error saying what `url` is otherwise.
fn checked_feed(url: &str) -> anyhow::Result<(String, Option<String>)> {
    use qari::feeds::probe::{Probe, probe};
    let msgs = super::msgs();
    match probe(url, &FetchOptions::default()) {
        Ok(Probe::Feed { title, .. }) => Ok((url.to_owned(), title)),
        Ok(Probe::Linked { feed, title }) => {
            eprintln!(
                "qari: {}",
                t!(
                    msgs,
                    "feeds-cli-feed-found",
                    url = printable(url).into_owned(),
                    feed = printable(&feed).into_owned()
                )
            );
            Ok((feed, title))
        }
        Ok(Probe::NotAFeed { why }) => anyhow::bail!(t!(
            msgs,
            "feeds-cli-not-a-feed",
            url = printable(url).into_owned(),
            why = printable(&why).into_owned()
        )),
        Err(qari::feeds::probe::ProbeError::Fetch { source, .. }) => anyhow::bail!(t!(
            msgs,
            "feeds-cli-unreachable",
            url = printable(url).into_owned(),
            why = printable(&source.to_string()).into_owned()
        )),
    }
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
            "\r\x1b[2K[{}{}] {}",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled),
            t!(
                super::msgs(),
                "feeds-cli-progress",
                done = self.done,
                total = self.total
            )
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
    let msgs = super::msgs();
    let name = printable(&r.name).into_owned();
    if let Some(e) = &r.error {
        let error = printable(e).into_owned();
        return t!(msgs, "feeds-cli-failed-one", name = name, error = error);
    }
    if r.not_modified {
        return t!(msgs, "feeds-cli-not-modified", name = name);
    }
    let mut s = t!(
        msgs,
        "feeds-cli-new",
        name = name.clone(),
        count = r.new.len()
    );
    for w in &r.warnings {
        let warning = printable(w).into_owned();
        let _ = write!(
            s,
            "\n{}",
            t!(
                msgs,
                "feeds-cli-warning",
                name = name.clone(),
                warning = warning
            )
        );
    }
    s
}

pub fn update() -> anyhow::Result<bool> {
    let config = config_with_collection()?;
    if config.feeds.is_empty() {
        anyhow::bail!(t!(super::msgs(), "feeds-none"));
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
        println!(
            "{}",
            t!(
                super::msgs(),
                "feeds-cli-new-in",
                count = new,
                folder = root.display().to_string()
            )
        );
    }
    if !failed.is_empty() {
        anyhow::bail!(t!(
            super::msgs(),
            "feeds-cli-some-failed",
            failed = failed.len(),
            total = report.feeds.len(),
            names = failed.join(", ")
        ));
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
