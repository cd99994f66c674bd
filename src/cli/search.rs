//! `qari search`: the collection's matching paragraphs (or files, or counts, or JSON) on
//! standard output, the best-matching articles first (or by path, or by date: `--sort`),
//! through the same pipeline and in the same order as the library's search.

use std::io::Write;
use std::path::Path;

use super::output::print;
use qari::collection::{Collection, Entry, Found, Origin, Progress, Skipped};
use qari::config::Dirs;
use qari::search::{Ask, Monitoring, Query, article_text, best_first, rank_texts, scan_entries};
use qari::t;
use qari::text::printable;
use qari::tui::Source;

/// The order `qari search` prints the articles in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// Best first (see docs/ranking.md); equal ones newer first, then by path.
    Rank,
    /// By path, the folder's order.
    Path,
    /// Newest first by the article's date (undated ones last), equal ones best first.
    Date,
}

/// What `qari search` prints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Paragraphs,
    Files,
    Count,
    Json,
}

/// Searches; true when something matched (in paragraph mode: a paragraph holding every term
/// was printed).
pub fn run(query: &str, path: Option<&Path>, mode: Output, sort: Sort) -> anyhow::Result<bool> {
    let query = Query::parse(query);
    anyhow::ensure!(!query.is_empty(), t!(super::msgs(), "cli-no-term"));
    let config = super::config()?;
    let rank = sort != Sort::Path;
    let (collection, found) = match super::source(path, &config)? {
        Source::Path {
            path: root,
            index: Some(index),
            ..
        } if root.is_dir() => folder(&root, &index, &query, config.monitor, rank)?,
        _ => whole(path, &query, rank)?,
    };
    let mut entries: Vec<&Entry> = collection.entries.iter().collect();
    if sort == Sort::Date {
        by_date(&collection, &mut entries);
    }
    let results = if mode == Output::Files && found {
        entries.into_iter().map(|e| (e, Vec::new())).collect()
    } else {
        scan_entries(&collection, &entries, &query)
    };
    let mut any = false;
    print(|out| {
        for (entry, hits) in &results {
            any |= mode != Output::Paragraphs || hits.iter().any(|p| p.all_terms);
            let path = entry.path.display();
            match mode {
                Output::Files => writeln!(out, "{path}")?,
                Output::Count => writeln!(
                    out,
                    "{path}\t{}",
                    hits.iter().map(|p| p.hits.len()).sum::<usize>()
                )?,
                Output::Paragraphs => {
                    for p in hits.iter().filter(|p| p.all_terms) {
                        writeln!(out, "{path}\t{}\t{}", p.block, printable(&p.text))?;
                    }
                }
                Output::Json => {
                    for p in hits {
                        for h in &p.hits {
                            let obj = serde_json::json!({
                                "path": entry.path,
                                "paragraph": p.block,
                                "start": h.range.start,
                                "end": h.range.end,
                                "match": p.text.get(h.range.clone()).unwrap_or_default(),
                            });
                            writeln!(out, "{obj}")?;
                        }
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(any)
}

/// The matching articles of a folder, found through its index without loading the collection
/// (see [`qari::search::find_in_folder`]), as a collection of those articles only; true: they
/// all match.
fn folder(
    root: &Path,
    index: &Path,
    query: &Query,
    monitor: bool,
    rank: bool,
) -> anyhow::Result<(Collection, bool)> {
    let monitoring = Dirs::new().filter(|_| monitor).map(|d| Monitoring {
        socket: d.monitor_socket(root),
        exe: std::env::current_exe().ok(),
    });
    let found = qari::search::search_folder(
        root,
        query,
        index,
        monitoring.as_ref(),
        &Progress::default(),
        &Ask { rank, cancel: None },
    )?;
    if let Some(e) = &found.rebuilt {
        rebuilt(e);
    }
    let mut skipped = found.skipped;
    // Why each unreadable file is so, as loading the collection would say.
    skipped.extend(found.unreadable.into_iter().filter_map(|path| {
        qari::collection::load_article(&path)
            .err()
            .map(|cause| Skipped::new(path, cause))
    }));
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    super::report_skipped(&skipped);
    let entries = found
        .paths
        .into_iter()
        .map(|path| {
            Entry::stamped(Found {
                path,
                size: 0,
                mtime: 0,
                ctime: 0,
                inode: 0,
            })
        })
        .collect();
    let collection = Collection::new(Origin::Path(root.to_owned()), entries, Vec::new());
    Ok((collection, true))
}

/// The candidates of a collection loaded whole (the built-in one, or a single file), best
/// first when `rank`; true when the index checked them all.
fn whole(path: Option<&Path>, query: &Query, rank: bool) -> anyhow::Result<(Collection, bool)> {
    let collection = super::collection(path)?;
    let index = match (&collection.origin, Dirs::new()) {
        (Origin::Path(root), Some(d)) => Some(d.index_file(root)),
        _ => None,
    };
    let ask = Ask { rank, cancel: None };
    let mut found = qari::search::find_with(
        &collection,
        query,
        index.as_deref(),
        None,
        &Progress::default(),
        &ask,
    )?;
    if let Some(e) = &found.rebuilt {
        rebuilt(e);
    }
    if rank && !found.exact {
        // No index: every candidate read, and ranked among them.
        let texts: Vec<String> = found
            .entries
            .iter()
            .map(|&i| {
                collection
                    .open(&collection.entries[i])
                    .map(|a| article_text(&a.title, &a.paragraphs))
                    .unwrap_or_default()
            })
            .collect();
        let bytes: Vec<&[u8]> = texts.iter().map(String::as_bytes).collect();
        let scores = rank_texts(query, &bytes);
        let mut ranked: Vec<(f32, usize)> = found
            .entries
            .iter()
            .zip(scores)
            .filter_map(|(&i, s)| Some((s?.rank, i)))
            .collect();
        let time = |i: usize| collection.entries[i].mtime;
        ranked.sort_by(|a, b| best_first(&(a.0, time(a.1), a.1), &(b.0, time(b.1), b.1)));
        found.entries = ranked.into_iter().map(|(_, i)| i).collect();
    }
    let origin = collection.origin.clone();
    let mut entries: Vec<Option<Entry>> = collection.entries.into_iter().map(Some).collect();
    let kept = found
        .entries
        .iter()
        .filter_map(|&i| entries.get_mut(i).and_then(Option::take))
        .collect();
    Ok((Collection::new(origin, kept, Vec::new()), found.exact))
}

/// Sorts `entries` newest first by their articles' dates (read from the files: a folder's
/// matches come from the index with their paths only), undated ones last, equal ones kept in
/// their order.
fn by_date(collection: &Collection, entries: &mut [&Entry]) {
    let date = |e: &Entry| -> Option<String> {
        match e.meta.date.clone() {
            Some(d) => Some(d),
            None => collection.open(e).ok().and_then(|a| a.meta.date),
        }
    };
    let mut keyed: Vec<(Option<String>, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (date(e), i))
        .collect();
    keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let sorted: Vec<&Entry> = keyed.iter().map(|&(_, i)| entries[i]).collect();
    entries.copy_from_slice(&sorted);
}

fn rebuilt(e: &qari::search::IndexError) {
    eprintln!(
        "qari: {}",
        t!(super::msgs(), "cli-index-rebuilt", error = e.to_string())
    );
}
