//! The file monitor: a background process per collection that watches its folders (inotify)
//! and tells a search which paths changed since the index last looked, so that a search of
//! 100,000 articles need not look at every file (a `stat` costs about 1.5 µs here: 150 ms of
//! the 100,000, more than the whole search).
//!
//! The rule that keeps results exact. A monitor answers with a [`Token`]: its epoch (a number
//! drawn when it starts, or anew when it loses events) and a sequence number. Every change it
//! sees after it began watching is recorded with the sequence number current when it was seen;
//! before answering, the monitor reads every event the kernel has queued, and the kernel
//! queues an event before the write that caused it returns. So a change that happened before
//! a search asked is always in the answer, and one that happens after is in the next answer.
//! A search whose index was brought up to date with token T (of this epoch) only has to look
//! at the paths changed since T; with no token, another epoch, or no monitor, it looks at every
//! file, as before, and records the token it got before it began looking.
//!
//! What inotify cannot see is never trusted: an article that is a symbolic link (its target
//! may change outside the watched folders) or has several hard links (it may be written under
//! another name) is reported as changed in every answer. Files on a network file system
//! change without events: the monitor only watches a collection on a local file system.
//! Writes through a shared memory mapping send no event (editors and feeds write files).

#[cfg(target_os = "linux")]
mod daemon;
mod rendezvous;
mod wire;

use std::io::{BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
pub use daemon::run;
pub use rendezvous::{GIVE_UP, IDLE, ended_marker, socket};
pub use wire::{Answer, Token};

/// Collections with fewer files than this are not worth a monitor: looking at every file of
/// them takes less than a couple of milliseconds.
pub const MIN_FILES: usize = 2000;

/// How long a search waits for a monitor's answer before it looks at every file itself.
const PATIENCE: Duration = Duration::from_secs(2);

/// Asks the monitor listening at `socket` what changed under `root` since `since`. None when
/// no monitor answers (none runs, or it is busy or broken): then every file must be looked at.
pub fn ask(socket: &Path, root: &Path, since: Option<Token>) -> Option<Answer> {
    // Connecting blocks while the monitor's queue of connections is full: in a thread, so that
    // a stuck monitor costs the search at most PATIENCE (the thread then ends with the process).
    let (send, receive) = std::sync::mpsc::channel();
    let path = socket.to_owned();
    std::thread::spawn(move || {
        let _ = send.send(UnixStream::connect(path));
    });
    let stream = receive.recv_timeout(PATIENCE).ok()?.ok()?;
    stream.set_read_timeout(Some(PATIENCE)).ok()?;
    stream.set_write_timeout(Some(PATIENCE)).ok()?;
    let mut out = &stream;
    out.write_all(&wire::request(since)).ok()?;
    out.flush().ok()?;
    wire::read_answer(&mut BufReader::new(&stream), root)
}

/// Starts a monitor for `root` listening at `socket`, running `exe` (qari itself) with
/// `monitor ROOT SOCKET`, and waits until it answers (at most [`PATIENCE`]). None when it does
/// not: the search goes on without it.
pub fn start(exe: &Path, socket: &Path, root: &Path) -> Option<Answer> {
    let mut child = launch(exe, socket, root)?;
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(answer) = ask(socket, root, None) {
            // It runs on as the monitor, and may end before this process does.
            reap(child);
            return Some(answer);
        }
        // It ended: another monitor holds the lock (and will answer), or it could not watch.
        if let Ok(Some(_)) = child.try_wait() {
            return ask(socket, root, None);
        }
        if Instant::now() >= deadline {
            reap(child);
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Starts a monitor for the next search, without waiting for it.
pub fn spawn(exe: &Path, socket: &Path, root: &Path) {
    if let Some(child) = launch(exe, socket, root) {
        reap(child);
    }
}

/// Waits for a monitor to end, on a thread of its own, so that one ending while this process
/// runs on (the reader, for hours) does not stay a zombie. When this process ends first, init
/// reaps it instead.
fn reap(mut child: std::process::Child) {
    std::thread::spawn(move || {
        let _ = child.wait();
    });
}

/// The monitor's process, started; None where there is no monitor (not Linux), one stopped
/// lately for a reason that still holds, or it could not start.
fn launch(exe: &Path, socket: &Path, root: &Path) -> Option<std::process::Child> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let lately = std::fs::metadata(ended_marker(socket))
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age < GIVE_UP));
    if lately {
        return None;
    }
    if let Some(dir) = socket.parent() {
        std::fs::create_dir_all(dir).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    let mut command = std::process::Command::new(exe);
    command
        .arg("monitor")
        .arg(root)
        .arg(socket)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group: a Ctrl-C meant for the search does not end it.
        command.process_group(0);
    }
    command.spawn().ok()
}
