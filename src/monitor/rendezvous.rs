//! Where a search and a collection's monitor meet, beside the protocol of `wire`: the socket's
//! path, the file a monitor that had to stop leaves beside it to say why, how long a monitor
//! waits unasked and how long searches leave alone one that stopped. Below both the monitor's
//! process (`daemon`) and the searches' side (`ask`, `start`), so that neither imports the
//! other.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a monitor stays without being asked before it ends.
pub const IDLE: Duration = Duration::from_hours(1);

/// Where the monitor of the collection at `root` (canonical) listens, under `dir` (a folder of
/// the user's own: the runtime folder, else the cache).
pub fn socket(dir: &Path, root: &Path) -> PathBuf {
    let hash = crate::hash::fnv1a(root.as_os_str().as_encoded_bytes());
    dir.join(format!("monitor-{hash:016x}.sock"))
}

/// Where a monitor that had to stop says why: no monitor is started for that collection again
/// for [`GIVE_UP`].
pub fn ended_marker(socket: &Path) -> PathBuf {
    socket.with_extension("ended")
}

/// How long searches start no monitor after one had to stop (a symbolic link to a folder,
/// another file system, too few watches): it would stop again.
pub const GIVE_UP: Duration = Duration::from_hours(24);
