//! What earlier loads found, kept in one file (in the XDG cache folder) so that a second open of
//! a large collection reads no article: an entry is reused while its file's size and
//! modification time are unchanged. One line per article, tab-separated, escaped. The header
//! names the format's version: a cache written by another version is not read (the next load
//! reads the articles again and replaces it).

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Entry, Meta};

/// Version 2 added the count of replaced sequences.
const HEADER: &str = "qari library cache 2";

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| unescape(s))
}

/// Reads the cache, entries in the order they were written (sorted by path bytes); a missing,
/// old or damaged file is simply an empty cache.
pub fn read(path: &Path) -> Vec<Entry> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Vec::new();
    }
    lines
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [
                size,
                mtime,
                paragraphs,
                replaced,
                encoding,
                title,
                source,
                author,
                date,
                url,
                path,
            ] = f[..]
            else {
                return None;
            };
            Some(Entry {
                path: PathBuf::from(unescape(path)),
                title: unescape(title),
                meta: Meta {
                    source: optional(source),
                    author: optional(author),
                    date: optional(date),
                    url: optional(url),
                },
                paragraphs: paragraphs.parse().ok()?,
                encoding: unescape(encoding),
                replaced: replaced.parse().ok()?,
                size: size.parse().ok()?,
                mtime: mtime.parse().ok()?,
                ctime: 0,
                inode: 0,
            })
        })
        .collect()
}

/// Writes the cache (to a temporary file first, so a crash never leaves half a cache).
pub fn write(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("tmp");
    let mut out = BufWriter::new(std::fs::File::create(&tmp)?);
    writeln!(out, "{HEADER}")?;
    let mut line = String::new();
    for e in entries {
        line.clear();
        let _ = write!(
            line,
            "{}\t{}\t{}\t{}\t",
            e.size, e.mtime, e.paragraphs, e.replaced
        );
        for field in [
            e.encoding.as_str(),
            &e.title,
            e.meta.source.as_deref().unwrap_or_default(),
            e.meta.author.as_deref().unwrap_or_default(),
            e.meta.date.as_deref().unwrap_or_default(),
            e.meta.url.as_deref().unwrap_or_default(),
        ] {
            escape(field, &mut line);
            line.push('\t');
        }
        escape(&e.path.to_string_lossy(), &mut line);
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    drop(out);
    std::fs::rename(tmp, path)
}
