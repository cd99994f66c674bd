//! `qari search`: the collection's matching paragraphs (or files, or counts, or JSON) on
//! standard output, through the same pipeline as the library's search.

use std::io::Write;
use std::path::Path;

use super::output::print;
use qari::collection::{Entry, Origin, Progress};
use qari::config::Dirs;
use qari::search::{Query, scan_entries};
use qari::t;
use qari::text::printable;

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
    let collection = super::collection(path)?;
    let index = match (&collection.origin, Dirs::new()) {
        (Origin::Path(root), Some(d)) => Some(d.index_file(root)),
        _ => None,
    };
    let found = qari::search::find(&collection, &query, index.as_deref(), &Progress::default())?;
    if let Some(e) = &found.rebuilt {
        eprintln!(
            "qari: {}",
            t!(super::msgs(), "cli-index-rebuilt", error = e.to_string())
        );
    }
    let entries: Vec<&Entry> = found
        .entries
        .iter()
        .map(|&i| &collection.entries[i])
        .collect();
    let results = if mode == Output::Files && found.exact {
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
