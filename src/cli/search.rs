//! `qari search`: the collection's matching paragraphs (or files, or counts, or JSON) on
//! standard output, through the same pipeline as the library's search.

use std::io::Write;
use std::path::Path;

use super::output::print;
use qari::collection::{Collection, Entry, Found, Origin, Progress, Skipped};
use qari::config::Dirs;
use qari::search::{Monitoring, Query, scan_entries};
use qari::t;
use qari::text::printable;
use qari::tui::Source;

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
pub fn run(query: &str, path: Option<&Path>, mode: Output) -> anyhow::Result<bool> {
    let query = Query::parse(query);
    anyhow::ensure!(!query.is_empty(), t!(super::msgs(), "cli-no-term"));
    let config = super::config()?;
    let (collection, found) = match super::source(path, &config)? {
        Source::Path {
            path: root,
            index: Some(index),
            ..
        } if root.is_dir() => folder(&root, &index, &query, config.monitor)?,
        _ => whole(path, &query)?,
    };
    let entries: Vec<&Entry> = collection.entries.iter().collect();
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
) -> anyhow::Result<(Collection, bool)> {
    let monitoring = Dirs::new().filter(|_| monitor).map(|d| Monitoring {
        socket: d.monitor_socket(root),
        exe: std::env::current_exe().ok(),
    });
    let found = qari::search::find_in_folder(
        root,
        query,
        index,
        monitoring.as_ref(),
        &Progress::default(),
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

/// The candidates of a collection loaded whole (the built-in one, or a single file), as
/// before; true when the index checked them all.
fn whole(path: Option<&Path>, query: &Query) -> anyhow::Result<(Collection, bool)> {
    let collection = super::collection(path)?;
    let index = match (&collection.origin, Dirs::new()) {
        (Origin::Path(root), Some(d)) => Some(d.index_file(root)),
        _ => None,
    };
    let found = qari::search::find(&collection, query, index.as_deref(), &Progress::default())?;
    if let Some(e) = &found.rebuilt {
        rebuilt(e);
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

fn rebuilt(e: &qari::search::IndexError) {
    eprintln!(
        "qari: {}",
        t!(super::msgs(), "cli-index-rebuilt", error = e.to_string())
    );
}
