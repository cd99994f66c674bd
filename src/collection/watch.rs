//! Noticing that a collection changed on disk while it is open, cheaply enough to ask every few
//! seconds: a stamp of every folder's modification time (adding, removing or renaming a file
//! changes its folder's time) and of the files' sizes and times in folders of a few hundred
//! files at most. A different stamp means: read the collection again (the library cache makes
//! that cost only the files that changed).
//!
//! A [`Watcher`] remembers what each folder held: a folder whose time has not changed is not
//! listed again. Listing a million files every three seconds cost an idle reader a seventh of
//! a core. A folder changed in the last two seconds is always listed again, since a second
//! change within the same tick of a coarse clock would leave its time as it was.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Above this many entries, a folder's files are not looked at one by one (its own time still
/// tells of files added and removed).
const FILES_LOOKED_AT: usize = 500;

/// A folder's time this recent may not show the next change.
const RACY: Duration = Duration::from_secs(2);

/// What the stamps seen so far found in each folder.
#[derive(Debug, Default)]
pub struct Watcher {
    folders: HashMap<PathBuf, Listing>,
}

/// A folder as last listed.
#[derive(Debug)]
struct Listing {
    modified: SystemTime,
    subfolders: Vec<PathBuf>,
    /// Its files, when there are few enough to look at one by one.
    files: Vec<PathBuf>,
}

impl Watcher {
    /// The stamp of the collection at `root` (a folder or a file). Only compared within one
    /// run: it is never stored.
    pub fn stamp(&mut self, root: &Path) -> u64 {
        let mut h = DefaultHasher::new();
        let mut seen = HashSet::new();
        let mut listed = HashSet::new();
        let mut stack = vec![root.to_owned()];
        let now = SystemTime::now();
        while let Some(dir) = stack.pop() {
            let Ok(meta) = std::fs::metadata(&dir) else {
                dir.hash(&mut h);
                continue;
            };
            (dir.as_os_str(), meta.len(), meta.modified().ok()).hash(&mut h);
            if !meta.is_dir() || !seen.insert(std::fs::canonicalize(&dir).unwrap_or(dir.clone())) {
                continue;
            }
            let Ok(modified) = meta.modified() else {
                continue;
            };
            let known = self.folders.get(&dir).is_some_and(|l| {
                l.modified == modified && now.duration_since(modified).is_ok_and(|d| d > RACY)
            });
            if !known {
                let Some(listing) = list(&dir, modified) else {
                    continue;
                };
                self.folders.insert(dir.clone(), listing);
            }
            let Some(listing) = self.folders.get(&dir) else {
                continue;
            };
            listed.insert(dir.clone());
            for file in &listing.files {
                if let Ok(m) = std::fs::symlink_metadata(file) {
                    (file.as_os_str(), m.len(), m.modified().ok()).hash(&mut h);
                }
            }
            stack.extend(listing.subfolders.iter().cloned());
        }
        // Folders gone (or no longer reached) are forgotten.
        self.folders.retain(|dir, _| listed.contains(dir));
        h.finish()
    }
}

/// Lists `dir`: its subfolders, and its files if few.
fn list(dir: &Path, modified: SystemTime) -> Option<Listing> {
    let entries: Vec<_> = std::fs::read_dir(dir).ok()?.flatten().collect();
    let few = entries.len() <= FILES_LOOKED_AT;
    let mut listing = Listing {
        modified,
        subfolders: Vec::new(),
        files: Vec::new(),
    };
    for e in entries {
        let path = e.path();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir())
            || e.file_type().is_ok_and(|t| t.is_symlink()) && path.is_dir();
        if is_dir {
            listing.subfolders.push(path);
        } else if few {
            listing.files.push(path);
        }
    }
    Some(listing)
}

/// The stamp of the collection at `root`, with nothing remembered.
pub fn stamp(root: &Path) -> u64 {
    Watcher::default().stamp(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_noticed() {
        let dir = std::env::temp_dir().join(format!("qari-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "عنوان\nنص").unwrap();
        let first = stamp(&dir);
        assert_eq!(stamp(&dir), first, "nothing changed");
        std::fs::write(dir.join("sub/b.txt"), "عنوان\nنص").unwrap();
        let second = stamp(&dir);
        assert_ne!(second, first, "a new file in a subfolder");
        std::fs::write(dir.join("a.txt"), "عنوان\nنص أطول").unwrap();
        assert_ne!(stamp(&dir), second, "a file grew");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Sets the folders' times an hour back, so that the watcher trusts what it listed.
    fn age(dirs: &[PathBuf]) {
        let past = SystemTime::now() - Duration::from_hours(1);
        for d in dirs {
            std::fs::File::open(d).unwrap().set_modified(past).unwrap();
        }
    }

    #[test]
    fn a_watcher_notices_what_a_fresh_stamp_does() {
        let dir = std::env::temp_dir().join(format!("qari-watcher-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub/deep")).unwrap();
        std::fs::write(dir.join("a.txt"), "عنوان\nنص").unwrap();
        let folders = [dir.clone(), dir.join("sub"), dir.join("sub/deep")];
        age(&folders);
        let mut w = Watcher::default();
        let first = w.stamp(&dir);
        assert_eq!(first, stamp(&dir));
        assert_eq!(w.stamp(&dir), first, "nothing changed, nothing listed");
        // A file changed in place leaves its folder's time alone.
        std::fs::write(dir.join("a.txt"), "عنوان\nنص أطول").unwrap();
        age(&folders);
        let second = w.stamp(&dir);
        assert_ne!(second, first, "a file grew");
        assert_eq!(second, stamp(&dir));
        // A new folder deep down: its parent's time changed (just now).
        std::fs::create_dir(dir.join("sub/deep/new")).unwrap();
        std::fs::write(dir.join("sub/deep/new/b.txt"), "عنوان\nنص").unwrap();
        let third = w.stamp(&dir);
        assert_ne!(third, second, "a new folder with a file");
        assert_eq!(third, stamp(&dir));
        std::fs::remove_dir_all(dir.join("sub")).unwrap();
        assert_eq!(w.stamp(&dir), stamp(&dir), "a folder removed");
        assert_eq!(w.folders.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
