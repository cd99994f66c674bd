//! Finding article files under a folder: recursively, following symbolic links but never round
//! a loop, skipping what cannot be listed with its reason.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::UNIX_EPOCH;

use super::{SkipReason, Skipped, format_of};

/// An article file found, with what its metadata says.
#[derive(Clone, Debug)]
pub struct Found {
    pub path: PathBuf,
    pub size: u64,
    pub mtime: i64,
    /// Status-change time (nanoseconds since the epoch; 0 when unknown) and inode number (0
    /// when unknown): a file's content cannot change without a new change time, and a file
    /// put in its place by a rename has another inode.
    pub ctime: i64,
    pub inode: u64,
}

impl Found {
    pub fn new(path: PathBuf, meta: &Metadata) -> Self {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i64);
        #[cfg(unix)]
        let (ctime, inode) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ctime() * 1_000_000_000 + meta.ctime_nsec(), meta.ino())
        };
        #[cfg(not(unix))]
        let (ctime, inode) = (0, 0);
        Found {
            path,
            size: meta.len(),
            mtime,
            ctime,
            inode,
        }
    }
}

/// The article files (by extension) under `root` in runs which, one after the other, are sorted
/// by path bytes, and what was skipped. Folders are listed by as many threads as there are
/// cores: on a large collection the time goes into the kernel's directory lookups.
pub fn article_files(root: &Path) -> (Vec<Vec<Found>>, Vec<Skipped>) {
    let work = Mutex::new(Work {
        stack: vec![root.to_owned()],
        busy: 0,
        seen: HashSet::new(),
    });
    let ready = Condvar::new();
    // One walker per thread; each takes folders from the shared stack until none are left.
    let walkers = vec![(); crate::parallel::threads()];
    let results: Vec<(Vec<Vec<Found>>, Vec<Skipped>)> =
        crate::parallel::map(&walkers, |()| walker(&work, &ready));
    let (mut runs, mut skipped): (Vec<Vec<Found>>, Vec<Skipped>) = (Vec::new(), Vec::new());
    for (r, s) in results {
        runs.extend(r);
        skipped.extend(s);
    }
    // By bytes, which is quick and is the order the cache is kept in. Each folder's files are
    // sorted (by the thread that listed it); put in the order of their first files, the
    // folders are in order as a whole unless a folder's files and its subfolders' interleave.
    // Only then is everything sorted again (a million paths sorted from scratch took 0.4 s,
    // and copying them into one list would cost memory for nothing).
    runs.sort_by(|a, b| key(a.first()).cmp(&key(b.first())));
    let in_order = runs
        .windows(2)
        .all(|pair| key(pair[0].last()) < key(pair[1].first()));
    if !in_order {
        let mut all: Vec<Found> = runs.into_iter().flatten().collect();
        // Stable: merges the sorted runs.
        all.sort_by(by_bytes);
        runs = vec![all];
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    (runs, skipped)
}

fn key(file: Option<&Found>) -> Option<&[u8]> {
    file.map(|f| f.path.as_os_str().as_encoded_bytes())
}

fn by_bytes(a: &Found, b: &Found) -> std::cmp::Ordering {
    a.path
        .as_os_str()
        .as_encoded_bytes()
        .cmp(b.path.as_os_str().as_encoded_bytes())
}

struct Work {
    stack: Vec<PathBuf>,
    /// Threads listing a folder (which may add more).
    busy: usize,
    /// Real paths of the folders listed, so that a link loop is listed once.
    seen: HashSet<PathBuf>,
}

fn walker(work: &Mutex<Work>, ready: &Condvar) -> (Vec<Vec<Found>>, Vec<Skipped>) {
    let mut runs = Vec::new();
    let mut skipped = Vec::new();
    loop {
        let dir = {
            let mut w = work
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            loop {
                if let Some(dir) = w.stack.pop() {
                    w.busy += 1;
                    break dir;
                }
                if w.busy == 0 {
                    ready.notify_all();
                    return (runs, skipped);
                }
                w = ready
                    .wait(w)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            }
        };
        let mut files = Vec::new();
        let subdirs = list(&dir, work, &mut files, &mut skipped);
        if !files.is_empty() {
            files.sort_unstable_by(by_bytes);
            runs.push(files);
        }
        let mut w = work
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        w.stack.extend(subdirs);
        w.busy -= 1;
        ready.notify_all();
    }
}

/// Lists one folder: its article files into `found`, its subfolders returned.
fn list(
    dir: &Path,
    work: &Mutex<Work>,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
) -> Vec<PathBuf> {
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            let mut w = work
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !w.seen.insert(real) {
                skipped.push(Skipped::new(dir.to_owned(), SkipReason::LinkLoop));
                return Vec::new();
            }
        }
        Err(e) => {
            skipped.push(Skipped::new(dir.to_owned(), SkipReason::io(&e)));
            return Vec::new();
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped::new(dir.to_owned(), SkipReason::cannot_list(&e)));
            return Vec::new();
        }
    };
    let mut subdirs = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let is_article = format_of(&path).is_some();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if !kind.is_dir() && !kind.is_symlink() && !is_article {
            continue;
        }
        // Follow symbolic links; a dangling one is skipped if it looks like an article.
        let meta = if kind.is_symlink() {
            std::fs::metadata(&path)
        } else {
            entry.metadata()
        };
        match meta {
            Ok(meta) if meta.is_dir() => subdirs.push(path),
            Ok(meta) if is_article => {
                if meta.is_file() {
                    found.push(Found::new(path, &meta));
                } else {
                    skipped.push(Skipped::new(path, SkipReason::NotRegularFile));
                }
            }
            Ok(_) => {}
            Err(e) => {
                if is_article {
                    skipped.push(Skipped::new(path, SkipReason::io(&e)));
                }
            }
        }
    }
    subdirs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|&n| n.to_owned()).collect()
    }

    fn names(root: &Path, runs: Vec<Vec<Found>>) -> (usize, Vec<String>) {
        let count = runs.len();
        let names = runs
            .into_iter()
            .flatten()
            .map(|f| f.path.strip_prefix(root).unwrap().display().to_string())
            .collect();
        (count, names)
    }

    #[test]
    fn runs_in_path_byte_order_whether_folders_interleave_or_not() {
        let root = std::env::temp_dir().join(format!("qari-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for name in [
            "b/2.txt",
            "b/10.txt",
            "a/x.md",
            "a.b/y.txt",
            "c/d/e.txt",
            "b/notes.pdf",
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "عنوان").unwrap();
        }
        // Each folder a run, in order as they are.
        let (runs, skipped) = article_files(&root);
        assert!(skipped.is_empty());
        let each = ["a.b/y.txt", "a/x.md", "b/10.txt", "b/2.txt", "c/d/e.txt"];
        assert_eq!(names(&root, runs), (4, strings(&each)));
        // The files beside the folders fall around them: one run, sorted again.
        for name in ["0.txt", "z.txt"] {
            std::fs::write(root.join(name), "عنوان").unwrap();
        }
        let all = [
            "0.txt",
            "a.b/y.txt",
            "a/x.md",
            "b/10.txt",
            "b/2.txt",
            "c/d/e.txt",
            "z.txt",
        ];
        assert_eq!(names(&root, article_files(&root).0), (1, strings(&all)));
        let _ = std::fs::remove_dir_all(&root);
    }
}
