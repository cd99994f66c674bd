//! The monitor process (`qari monitor ROOT SOCKET`, started by a search): one inotify watch
//! per folder of the collection, a record of the paths that changed (each with the sequence
//! number current when it was seen), and a socket that answers one question per connection
//! (see [`super::wire`]). One thread: it waits on the inotify queue and the socket together.
//! It ends after [`IDLE`] without a question, when its root or its socket is gone, or
//! when another monitor already holds the collection's lock. The watches and the record are
//! `watches`; here are the process around them: the lock, the socket and the loop.

mod watches;

use std::io::{BufReader, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::inotify::{self, CreateFlags};

use super::rendezvous::{IDLE, ended_marker};
use super::wire;
use watches::Monitor;

/// How often an idle monitor checks that its root and socket are still there.
const TICK: Duration = Duration::from_secs(2);

/// File systems whose changes all pass through this kernel, so inotify sees them.
const LOCAL: &[i64] = &[
    0xEF53,      // ext2/3/4
    0x5846_5342, // xfs
    0x9123_683E, // btrfs
    0x0102_1994, // tmpfs
    0xF2F5_2010, // f2fs
    0x2FC1_2FC1, // zfs
    0xCA45_1A4E, // bcachefs
    0x794C_7630, // overlayfs
];

/// Why a monitor could not start.
#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: not on a local file system, whose changes inotify would not all see")]
    NotLocal(PathBuf),
    #[error("the monitor ended: {0}")]
    Ended(String),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> MonitorError + '_ {
    move |source| MonitorError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Runs the monitor of `root` (canonical) on `socket` until it is no longer wanted. Returns at
/// once when another monitor holds the collection.
pub fn run(root: &Path, socket: &Path) -> Result<(), MonitorError> {
    let result = watch(root, socket);
    // Why it could not vouch, for the searches (they then start no monitor for a while) and for
    // whoever wonders why searches look at every file.
    if let Err(MonitorError::NotLocal(_) | MonitorError::Ended(_)) = &result
        && let Some(e) = result.as_ref().err()
    {
        let _ = std::fs::write(ended_marker(socket), format!("{e}\n"));
    }
    result
}

fn watch(root: &Path, socket: &Path) -> Result<(), MonitorError> {
    let lock_path = socket.with_extension("lock");
    let lock = std::fs::File::create(&lock_path).map_err(io(&lock_path))?;
    if lock.try_lock().is_err() {
        return Ok(());
    }
    let fs = rustix::fs::statfs(root).map_err(|e| io(root)(e.into()))?;
    #[allow(clippy::useless_conversion, clippy::unnecessary_cast)]
    let kind = i64::from(fs.f_type as i64) & 0xFFFF_FFFF;
    if !LOCAL.contains(&kind) {
        return Err(MonitorError::NotLocal(root.to_owned()));
    }
    let inotify = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)
        .map_err(|e| io(root)(e.into()))?;
    let meta = std::fs::metadata(root).map_err(io(root))?;
    let mut m = Monitor::start(root, (meta.dev(), meta.ino()), inotify);
    if let Some(why) = m.ended() {
        return Err(MonitorError::Ended(why.to_owned()));
    }
    let _ = std::fs::remove_file(socket);
    let listener = UnixListener::bind(socket).map_err(io(socket))?;
    listener.set_nonblocking(true).map_err(io(socket))?;
    let socket_inode = std::fs::metadata(socket).map_err(io(socket))?.ino();
    let mut asked = Instant::now();
    let mut ticked = Instant::now();
    loop {
        let mut fds = [
            PollFd::new(m.queue(), PollFlags::IN),
            PollFd::new(&listener, PollFlags::IN),
        ];
        let timeout = Timespec {
            tv_sec: TICK.as_secs() as i64,
            tv_nsec: 0,
        };
        match poll(&mut fds, Some(&timeout)) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(io(root)(e.into())),
        }
        m.drain();
        while m.ended().is_none()
            && let Ok((stream, _)) = listener.accept()
        {
            asked = Instant::now();
            // A client that misbehaves only loses its answer.
            let _ = answer(&mut m, &stream);
        }
        if m.ended().is_some() {
            break;
        }
        if ticked.elapsed() >= TICK {
            ticked = Instant::now();
            let socket_ours =
                std::fs::metadata(socket).is_ok_and(|meta| meta.ino() == socket_inode);
            if asked.elapsed() >= IDLE || !socket_ours || !root.is_dir() {
                break;
            }
        }
    }
    if std::fs::metadata(socket).is_ok_and(|meta| meta.ino() == socket_inode) {
        let _ = std::fs::remove_file(socket);
    }
    drop(lock);
    match m.ended() {
        Some(why) => Err(MonitorError::Ended(why.to_owned())),
        None => Ok(()),
    }
}

/// Answers one client of `m`.
fn answer(m: &mut Monitor, stream: &UnixStream) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(1)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut line = Vec::new();
    std::io::BufRead::read_until(
        &mut std::io::Read::take(BufReader::new(stream), 256),
        b'\n',
        &mut line,
    )?;
    let Some(wire::Request { since }) = wire::parse_request(&line) else {
        return Ok(());
    };
    let Some(reply) = m.reply(since) else {
        return Ok(());
    };
    let mut out = stream;
    out.write_all(&reply)?;
    out.flush()
}
