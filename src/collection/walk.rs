//! Finding article files under a folder: recursively, following symbolic links but never round
//! a loop, skipping what cannot be listed with its reason.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::{Skipped, format_of};

/// An article file found, with what its metadata says.
#[derive(Clone, Debug)]
pub struct Found {
    pub path: PathBuf,
    pub size: u64,
    pub mtime: i64,
}

impl Found {
    pub fn new(path: PathBuf, meta: &Metadata) -> Self {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i64);
        Found {
            path,
            size: meta.len(),
            mtime,
        }
    }
}

/// The article files (by extension) under `root`, sorted by path, and what was skipped.
pub fn article_files(root: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        match std::fs::canonicalize(&dir) {
            Ok(real) => {
                if !seen.insert(real) {
                    skipped.push(Skipped {
                        path: dir,
                        reason: "symbolic link loop (folder already visited)".to_owned(),
                    });
                    continue;
                }
            }
            Err(e) => {
                skipped.push(Skipped {
                    path: dir,
                    reason: e.to_string(),
                });
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                skipped.push(Skipped {
                    path: dir,
                    reason: format!("cannot list the folder: {e}"),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // Follow symbolic links; a dangling one is skipped if it looks like an article.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => stack.push(path),
                Ok(meta) if format_of(&path).is_some() => {
                    if meta.is_file() {
                        found.push(Found::new(path, &meta));
                    } else {
                        skipped.push(Skipped {
                            path,
                            reason: "not a regular file".to_owned(),
                        });
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    if format_of(&path).is_some() {
                        skipped.push(Skipped {
                            path,
                            reason: e.to_string(),
                        });
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    (found, skipped)
}
