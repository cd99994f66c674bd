//! Noticing that a collection changed on disk while it is open, cheaply enough to ask every few
//! seconds: a stamp of every folder's modification time (adding, removing or renaming a file
//! changes its folder's time) and of the files' sizes and times in folders of a few hundred
//! files at most. A different stamp means: read the collection again (the library cache makes
//! that cost only the files that changed).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

/// Above this many entries, a folder's files are not looked at one by one (its own time still
/// tells of files added and removed).
const FILES_LOOKED_AT: usize = 500;

/// The stamp of the collection at `root` (a folder or a file). Only compared within one run:
/// it is never stored.
pub fn stamp(root: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&dir) else {
            dir.hash(&mut h);
            continue;
        };
        (dir.as_os_str(), meta.len(), meta.modified().ok()).hash(&mut h);
        if !meta.is_dir() || !seen.insert(std::fs::canonicalize(&dir).unwrap_or(dir.clone())) {
            continue;
        }
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        let entries: Vec<_> = list.flatten().collect();
        let few = entries.len() <= FILES_LOOKED_AT;
        for e in entries {
            let path = e.path();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir())
                || e.file_type().is_ok_and(|t| t.is_symlink()) && path.is_dir();
            if is_dir {
                stack.push(path);
            } else if few && let Ok(m) = e.metadata() {
                (path.as_os_str(), m.len(), m.modified().ok()).hash(&mut h);
            }
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::stamp;

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
}
