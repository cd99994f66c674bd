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

/// The article files (by extension) under `root`, sorted by path, and what was skipped.
/// Folders are listed by as many threads as there are cores: on a large collection the time
/// goes into the kernel's directory lookups.
pub fn article_files(root: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let work = Mutex::new(Work {
        stack: vec![root.to_owned()],
        busy: 0,
        seen: HashSet::new(),
    });
    let ready = Condvar::new();
    // One walker per thread; each takes folders from the shared stack until none are left.
    let walkers = vec![(); crate::parallel::threads()];
    let results: Vec<(Vec<Folder>, Vec<Skipped>)> =
        crate::parallel::map(&walkers, |()| walker(&work, &ready));
    let (mut folders, mut skipped): (Vec<Folder>, Vec<Skipped>) = (Vec::new(), Vec::new());
    for (f, s) in results {
        folders.extend(f);
        skipped.extend(s);
    }
    // By bytes, which is quick and is the order the cache is kept in. Each folder's files are
    // sorted (by the thread that listed it), and the folders are put in the order of their
    // files ("a/" after "a.b/"): unless a folder's files and its subfolders' interleave, that
    // is the whole order already, which the stable sort only checks (a million paths sorted
    // from scratch took 0.4 s).
    folders.sort_by(|a, b| {
        let slash = |f: &Folder| {
            let dir = f.dir.as_os_str().as_encoded_bytes();
            dir.iter().chain(b"/").copied().collect::<Vec<u8>>()
        };
        slash(a).cmp(&slash(b))
    });
    let mut found = Vec::with_capacity(folders.iter().map(|f| f.files.len()).sum());
    for f in folders {
        found.extend(f.files);
    }
    found.sort_by(by_bytes);
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    (found, skipped)
}

/// The article files of one folder, sorted.
struct Folder {
    dir: PathBuf,
    files: Vec<Found>,
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

fn walker(work: &Mutex<Work>, ready: &Condvar) -> (Vec<Folder>, Vec<Skipped>) {
    let mut folders = Vec::new();
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
                    return (folders, skipped);
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
            folders.push(Folder { dir, files });
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
