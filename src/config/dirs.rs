//! Where qari keeps its files, from the XDG base directories: `config.toml`, the state
//! database, each collection's search index and library cache, and the file monitor's socket.
//! A collection's files are named by a hash of its root's path that no build changes; the
//! names older builds used are taken over or cleared here.

use std::path::{Path, PathBuf};

/// Where qari keeps its files: config, state and cache, from the XDG base directories.
#[derive(Clone, Debug)]
pub struct Dirs {
    pub config: PathBuf,
    pub data: PathBuf,
    pub cache: PathBuf,
}

impl Dirs {
    /// The XDG folders for qari, if the home folder is known.
    pub fn new() -> Option<Self> {
        let d = directories::ProjectDirs::from("", "", "qari")?;
        Some(Dirs {
            config: d.config_dir().to_owned(),
            data: d.data_dir().to_owned(),
            cache: d.cache_dir().to_owned(),
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    /// The library cache of the collection at `root`. A cache that an older qari kept under
    /// its old name is renamed to this one: its content does not depend on the name.
    pub fn library_cache(&self, root: &Path) -> PathBuf {
        let name = |hash| self.cache.join(format!("library-{hash:016x}.tsv"));
        let file = name(root_hash(root));
        if !file.exists() {
            let _ = std::fs::rename(name(legacy_root_hash(root)), &file);
        }
        file
    }

    /// Where the file monitor of the collection at `root` listens: in the runtime folder (a
    /// socket's path must be short), else in the cache folder.
    pub fn monitor_socket(&self, root: &Path) -> PathBuf {
        let dir = directories::ProjectDirs::from("", "", "qari")
            .and_then(|d| d.runtime_dir().map(Path::to_owned))
            .unwrap_or_else(|| self.cache.clone());
        crate::monitor::socket(&dir, root)
    }

    /// The state database: bookmarks and reading positions.
    pub fn state_file(&self) -> PathBuf {
        self.data.join("state.db")
    }

    /// The search index of the collection at `root`. An index that an older qari kept under
    /// its old name is deleted: its content hashes are of another kind, so it would be rebuilt
    /// in full anyway.
    pub fn index_file(&self, root: &Path) -> PathBuf {
        let name = |hash| self.data.join(format!("index-{hash:016x}.db"));
        let old = name(legacy_root_hash(root)).into_os_string();
        for suffix in ["", "-wal", "-shm"] {
            let mut p = old.clone();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
        name(root_hash(root))
    }
}

/// The part of a file name that says which collection it belongs to: a hash of the root's
/// path that is the same in every run and every qari build ([`crate::hash`]).
fn root_hash(root: &Path) -> u64 {
    crate::hash::fnv1a(root.to_string_lossy().as_bytes())
}

/// The hash older builds named these files with: std's DefaultHasher, which may change with
/// the Rust release. Kept only to find the files they left behind; if it no longer gives their
/// names, those files are not found, as before.
fn legacy_root_hash(root: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    root.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_stable() {
        assert_eq!(root_hash(Path::new("/news")), 0x0feb_7ec9_9741_3041);
    }

    #[test]
    fn files_of_older_builds_are_taken_over() {
        let home = std::env::temp_dir().join(format!("qari-config-legacy-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        let dirs = Dirs {
            config: home.join("config"),
            data: home.join("data"),
            cache: home.join("cache"),
        };
        std::fs::create_dir_all(&dirs.data).unwrap();
        std::fs::create_dir_all(&dirs.cache).unwrap();
        let root = Path::new("/news");
        let old = legacy_root_hash(root);
        let old_cache = dirs.cache.join(format!("library-{old:016x}.tsv"));
        let old_index = dirs.data.join(format!("index-{old:016x}.db"));
        let old_wal = dirs.data.join(format!("index-{old:016x}.db-wal"));
        std::fs::write(&old_cache, "cached").unwrap();
        std::fs::write(&old_index, "index").unwrap();
        std::fs::write(&old_wal, "wal").unwrap();
        let cache = dirs.library_cache(root);
        assert_eq!(std::fs::read_to_string(&cache).unwrap(), "cached");
        assert!(!old_cache.exists());
        let index = dirs.index_file(root);
        assert!(!index.exists() && !old_index.exists() && !old_wal.exists());
        std::fs::remove_dir_all(&home).unwrap();
    }
}
