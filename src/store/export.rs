//! Bookmarks written out for the user to keep: Markdown (the article titles as headings, each
//! paragraph quoted in full as it reads now, its note under it) or JSON. Untrusted text is made
//! printable first.

use std::io::{self, Write};
use std::path::Path;

use super::Bookmark;
use super::refresh::article_at;
use crate::text::printable;

/// Every bookmark as Markdown, grouped by article in the order given.
pub fn markdown(all: &[Bookmark], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# Bookmarks\n")?;
    let mut last: Option<&Path> = None;
    for b in all {
        if last != Some(b.path.as_path()) {
            writeln!(
                out,
                "## {}\n\n`{}`\n",
                printable(&b.title),
                printable(&b.path.display().to_string())
            )?;
            last = Some(&b.path);
        }
        let text = article_at(&b.path)
            .and_then(|a| a.paragraph(b.paragraph).map(str::to_owned))
            .filter(|_| !b.orphaned)
            .unwrap_or_else(|| b.excerpt.clone());
        let label = if b.orphaned {
            " (orphaned: the paragraph is gone; excerpt)"
        } else {
            ""
        };
        writeln!(
            out,
            "Paragraph {}{label}:\n\n> {}\n",
            b.paragraph,
            printable(&text)
        )?;
        if !b.note.is_empty() {
            writeln!(out, "{}\n", printable(&b.note))?;
        }
    }
    Ok(())
}

/// Every bookmark as a pretty-printed JSON array.
pub fn json(all: &[Bookmark], out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, all)?;
    writeln!(out)
}
