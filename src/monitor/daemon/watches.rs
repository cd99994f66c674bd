//! What the monitor process knows: one inotify watch per folder of the collection, and the
//! record of the paths that changed (each with the sequence number current when it was seen),
//! the files inotify cannot vouch for, and why the monitor can no longer vouch at all. The
//! process around it (the lock, the socket, the loop) is `daemon`.

use std::collections::{HashMap, HashSet};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};

use super::super::wire::{self, Answer, Token};

/// More changed paths than this and the record starts again (a new epoch): searches then look
/// at every file once, which is about as quick as reading such a record.
const MAX_CHANGED: usize = 200_000;

pub struct Monitor {
    root: PathBuf,
    /// The root's device and inode: another folder put at its path ends the monitor.
    root_id: (u64, u64),
    inotify: OwnedFd,
    /// Each watched folder, by watch descriptor, as a path relative to the root.
    folders: HashMap<i32, PathBuf>,
    /// Changed paths (relative) and when they were seen.
    changed: HashMap<PathBuf, u64>,
    /// Files inotify cannot vouch for: symbolic links and files with several hard links.
    untrusted: HashSet<PathBuf>,
    epoch: u64,
    seq: u64,
    /// Something happened that the record cannot describe path by path (a folder moved or
    /// deleted, a hard link made, events lost): every folder is watched anew and the record
    /// starts again, so that the next search looks at every file.
    rebuild: bool,
    /// Every folder is being watched anew (on a new inotify queue).
    rewatching: bool,
    /// The monitor can no longer vouch for anything (its root is gone or replaced, a folder
    /// could not be watched for lack of watches, a symbolic link to a folder, another file
    /// system): it ends without answering.
    ended: Option<String>,
}

/// A number no earlier monitor of this collection is likely to have drawn.
fn new_epoch() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut bytes = nanos.to_le_bytes().to_vec();
    bytes.extend_from_slice(&std::process::id().to_le_bytes());
    crate::hash::fnv1a(&bytes) >> 1
}

fn watch_flags() -> WatchFlags {
    WatchFlags::MODIFY
        | WatchFlags::ATTRIB
        | WatchFlags::CLOSE_WRITE
        | WatchFlags::CREATE
        | WatchFlags::DELETE
        | WatchFlags::MOVED_FROM
        | WatchFlags::MOVED_TO
        | WatchFlags::DELETE_SELF
        | WatchFlags::MOVE_SELF
        | WatchFlags::ONLYDIR
        | WatchFlags::EXCL_UNLINK
}

impl Monitor {
    /// Starts watching the collection at `root` (its device and inode `root_id`) on the
    /// inotify queue `inotify`: every folder is watched before this returns.
    pub fn start(root: &Path, root_id: (u64, u64), inotify: OwnedFd) -> Self {
        let mut m = Monitor {
            root: root.to_owned(),
            root_id,
            inotify,
            folders: HashMap::new(),
            changed: HashMap::new(),
            untrusted: HashSet::new(),
            epoch: new_epoch(),
            seq: 1,
            rebuild: false,
            rewatching: true,
            ended: None,
        };
        m.watch_tree(Path::new(""));
        m.rewatching = false;
        m
    }

    /// The inotify queue, for waiting on it.
    pub fn queue(&self) -> &OwnedFd {
        &self.inotify
    }

    /// Why the monitor can no longer vouch for anything, once it cannot.
    pub fn ended(&self) -> Option<&str> {
        self.ended.as_deref()
    }

    /// The answer to a client that asked what changed `since`, as it goes on the wire; every
    /// event queued before it asked is read first. None when the monitor can no longer vouch.
    pub fn reply(&mut self, since: Option<Token>) -> Option<Vec<u8>> {
        self.drain();
        if self.ended.is_some() {
            return None;
        }
        let token = Token {
            epoch: self.epoch,
            seq: self.seq,
        };
        let answer = match since {
            Some(t) if t.epoch == self.epoch && t.seq <= self.seq => {
                let mut paths: Vec<PathBuf> = self
                    .changed
                    .iter()
                    .filter(|&(_, &seq)| seq > t.seq)
                    .map(|(p, _)| p.clone())
                    .chain(self.untrusted.iter().cloned())
                    .collect();
                paths.sort();
                paths.dedup();
                Answer::Changed { token, paths }
            }
            _ => Answer::Reset { token },
        };
        self.seq += 1;
        Some(wire::answer(&self.root, &answer))
    }

    /// Watches the folder at `rel` and every folder under it (following symbolic links, as
    /// the collection's walk does, each real folder once), noting the files it cannot vouch
    /// for. A folder that cannot be watched for lack of watches is an error: the record would
    /// miss its changes.
    fn watch_tree(&mut self, rel: &Path) {
        let mut stack = vec![rel.to_owned()];
        while let Some(rel) = stack.pop() {
            let folder = self.root.join(&rel);
            match std::fs::symlink_metadata(&folder) {
                Ok(m) if m.dev() != self.root_id.0 => {
                    self.end("a folder on another file system");
                    return;
                }
                Ok(m) if !m.is_dir() => continue,
                Ok(_) => {}
                // Gone since it was listed: its parent's event says so.
                Err(_) => continue,
            }
            let wd = match inotify::add_watch(&self.inotify, &folder, watch_flags()) {
                Ok(wd) => wd,
                Err(rustix::io::Errno::NOSPC) => {
                    self.end("out of inotify watches (fs.inotify.max_user_watches)");
                    return;
                }
                Err(rustix::io::Errno::NOENT) => continue,
                // Not watchable (no permission): looked at by every search.
                Err(_) => {
                    self.untrusted.insert(rel);
                    continue;
                }
            };
            if self.folders.contains_key(&wd) {
                if self.rewatching {
                    self.end("a folder reached by two paths");
                    return;
                }
                // A folder already watched, moved under this new one: paths changed, watch
                // every folder anew (where a second path would show as such).
                self.rebuild = true;
                continue;
            }
            self.folders.insert(wd, rel.clone());
            let Ok(entries) = std::fs::read_dir(&folder) else {
                self.untrusted.insert(rel);
                continue;
            };
            for entry in entries.flatten() {
                let child = rel.join(entry.file_name());
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                if kind.is_dir() {
                    stack.push(child);
                } else if kind.is_symlink() {
                    if std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()) {
                        // Its target's changes may be outside, or be this collection again.
                        self.end("a symbolic link to a folder");
                        return;
                    }
                    self.untrusted.insert(child);
                } else if entry.metadata().is_ok_and(|m| m.nlink() > 1) {
                    self.untrusted.insert(child);
                }
            }
        }
    }

    /// Stops vouching: the monitor ends and searches look at every file.
    fn end(&mut self, why: &str) {
        self.ended.get_or_insert_with(|| why.to_owned());
    }

    /// Watches every folder anew and starts the record again.
    fn rewatch(&mut self) {
        self.rebuild = false;
        let Ok(fd) = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK) else {
            self.end("inotify could not start again");
            return;
        };
        self.inotify = fd;
        self.folders.clear();
        self.untrusted.clear();
        self.restart();
        self.rewatching = true;
        self.watch_tree(Path::new(""));
        self.rewatching = false;
    }

    /// Notes whether the file at `rel` can be trusted, after it was created or changed.
    fn check_trust(&mut self, rel: &Path) {
        match std::fs::symlink_metadata(self.root.join(rel)) {
            Ok(m) if m.file_type().is_symlink() => {
                if std::fs::metadata(self.root.join(rel)).is_ok_and(|t| t.is_dir()) {
                    self.end("a symbolic link to a folder");
                }
                self.untrusted.insert(rel.to_owned());
            }
            // Another name of a file here: the first name must not be trusted either, and
            // only a new look at every file finds it.
            Ok(m) if m.is_file() && m.nlink() > 1 => {
                if self.untrusted.insert(rel.to_owned()) {
                    self.rebuild = true;
                }
            }
            _ => {
                self.untrusted.remove(rel);
            }
        }
    }

    fn record(&mut self, rel: PathBuf) {
        self.changed.insert(rel, self.seq);
        if self.changed.len() > MAX_CHANGED {
            self.restart();
        }
    }

    /// Starts the record again: every search looks at every file once.
    fn restart(&mut self) {
        self.epoch = new_epoch();
        self.changed.clear();
    }

    /// Reads every queued event into the record (until the queue is empty), then watches every
    /// folder anew if an event asked for it, and checks that the root is still the folder it
    /// watches.
    pub fn drain(&mut self) {
        let mut buf = vec![MaybeUninit::<u8>::uninit(); 64 * 1024];
        let mut events: Vec<(i32, ReadFlags, Option<PathBuf>)> = Vec::new();
        {
            let mut reader = inotify::Reader::new(self.inotify.as_fd(), &mut buf);
            loop {
                match reader.next() {
                    Ok(e) => {
                        let name = e.file_name().map(|n| {
                            use std::os::unix::ffi::OsStrExt;
                            PathBuf::from(std::ffi::OsStr::from_bytes(n.to_bytes()))
                        });
                        events.push((e.wd(), e.events(), name));
                    }
                    Err(rustix::io::Errno::AGAIN) => break,
                    Err(rustix::io::Errno::INTR) => {}
                    Err(_) => {
                        self.end("the inotify queue could not be read");
                        return;
                    }
                }
            }
        }
        for (wd, flags, name) in events {
            if flags.contains(ReadFlags::QUEUE_OVERFLOW) {
                self.rebuild = true;
                continue;
            }
            let Some(folder) = self.folders.get(&wd).cloned() else {
                continue;
            };
            if folder.as_os_str().is_empty()
                && flags.intersects(ReadFlags::DELETE_SELF | ReadFlags::MOVE_SELF)
            {
                self.end("the collection's folder was moved or deleted");
                return;
            }
            if flags.contains(ReadFlags::IGNORED) {
                // A folder deleted: its watch is gone, others may have moved with it.
                self.rebuild = true;
                continue;
            }
            let Some(name) = name else {
                self.record(folder);
                continue;
            };
            let rel = folder.join(name);
            if flags.contains(ReadFlags::ISDIR) {
                if flags.intersects(ReadFlags::MOVED_FROM | ReadFlags::MOVED_TO | ReadFlags::DELETE)
                {
                    // Paths of the folders under it changed: no path-by-path record.
                    self.rebuild = true;
                } else if flags.contains(ReadFlags::CREATE) {
                    self.watch_tree(&rel);
                } else if self.untrusted.contains(&rel) {
                    // Perhaps watchable now (its permissions changed).
                    self.rebuild = true;
                }
            } else if flags.intersects(
                ReadFlags::CREATE | ReadFlags::MOVED_TO | ReadFlags::ATTRIB | ReadFlags::DELETE,
            ) || flags.contains(ReadFlags::MOVED_FROM)
            {
                self.check_trust(&rel);
            }
            self.record(rel);
        }
        let same_root =
            std::fs::metadata(&self.root).is_ok_and(|m| (m.dev(), m.ino()) == self.root_id);
        if !same_root {
            self.end("the collection's folder was replaced");
        }
        if self.rebuild && self.ended.is_none() {
            self.rewatch();
        }
    }
}
