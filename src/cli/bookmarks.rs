//! `qari bookmarks`: list, add, remove and export the paragraph bookmarks of the state
//! database, re-attached to their paragraphs first.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::output::print;
use super::{BookmarksCommand, ExportFormat};
use qari::collection::ParagraphNo;
use qari::config::Dirs;
use qari::store::{Bookmark, Place, Store, export};
use qari::t;
use qari::text::printable;

/// Opens the state database, telling the user on stderr about anything wrong with it.
pub(super) fn open_store() -> anyhow::Result<Store> {
    let dirs = Dirs::new().ok_or_else(|| anyhow::anyhow!(t!(super::msgs(), "cli-no-home")))?;
    let clock = super::clock()?;
    let mut opened = Store::open(&dirs.state_file());
    for w in &opened.warnings {
        eprintln!("qari: {}", super::msgs().store_warning(w));
    }
    opened.store.set_clock(clock);
    Ok(opened.store)
}

pub fn run(cmd: &BookmarksCommand) -> anyhow::Result<bool> {
    let mut store = open_store()?;
    // The configured collection: where moved articles are looked for, and the root that new
    // bookmarks' relative paths start from.
    let collection = super::config()?
        .collection
        .and_then(|c| std::fs::canonicalize(c).ok());
    let roots: Vec<PathBuf> = collection.iter().cloned().collect();
    let all = |store: &mut Store| -> anyhow::Result<Vec<Bookmark>> {
        let listed = store.bookmarks()?;
        Ok(qari::store::refresh(store, listed, &roots)?)
    };
    match cmd {
        BookmarksCommand::List { json } => {
            let all = all(&mut store)?;
            print(|out| {
                for b in &all {
                    if *json {
                        writeln!(out, "{}", serde_json::to_string(b)?)?;
                    } else {
                        let mark = if b.orphaned {
                            format!(" {}", t!(super::msgs(), "cli-orphaned"))
                        } else {
                            String::new()
                        };
                        writeln!(
                            out,
                            "{}\t{}\t{}{mark}\t{}",
                            b.id,
                            b.path.display(),
                            b.paragraph,
                            printable(&b.excerpt)
                        )?;
                    }
                }
                Ok(())
            })?;
        }
        BookmarksCommand::Add {
            file,
            paragraph,
            note,
        } => {
            let path = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
            let article = qari::store::article_at(&path).ok_or_else(|| {
                let path = file.display().to_string();
                anyhow::anyhow!(t!(super::msgs(), "cli-cannot-read-article", path = path))
            })?;
            let paragraph = ParagraphNo::new(*paragraph)
                .filter(|&p| article.paragraph(p).is_some())
                .ok_or_else(|| {
                    anyhow::anyhow!(t!(
                        super::msgs(),
                        "cli-no-paragraph",
                        path = file.display().to_string(),
                        paragraph = paragraph.to_string(),
                        count = article.paragraphs.len()
                    ))
                })?;
            // The collection root: the config's collection when the file is in it, else its folder.
            let root = collection
                .filter(|c| path.starts_with(c))
                .or_else(|| path.parent().map(Path::to_owned));
            let at = Place {
                article: &article,
                root: root.as_deref(),
                paragraph,
            };
            let id = store.add_bookmark(&at, note)?;
            print(|out| writeln!(out, "{id}"))?;
        }
        BookmarksCommand::Remove { id } => {
            if store.remove_bookmark(*id)?.is_none() {
                anyhow::bail!(t!(super::msgs(), "cli-no-bookmark", id = id.to_string()));
            }
        }
        BookmarksCommand::Export { format } => {
            let all = all(&mut store)?;
            print(|out| match format {
                ExportFormat::Json => export::json(&all, out),
                ExportFormat::Md => export::markdown(&all, out),
            })?;
        }
    }
    Ok(true)
}
