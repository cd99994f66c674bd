//! End to end in a real terminal: the binary in tmux (new-session -x 100 -y 30), driven with
//! send-keys and read with capture-pane. The sample article's title and first paragraph must
//! appear in visual order (as `qari render` lays them out), paging, resize and quitting work,
//! and the terminal is given back. The tests are in the modules; the tmux session they drive
//! is here.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod clipboard;
mod index;
mod input;
mod new_user;
mod reading;
mod terminal;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    session: String,
    home: PathBuf,
    /// The session was killed already (by the test), so dropping it has nothing to kill.
    ended: bool,
}

thread_local! {
    /// A command to run before qari in the next session started on this thread (`sleep 1; `).
    static WAIT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Tmux {
    fn start(args: &str, width: u16, height: u16) -> Option<Self> {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let home = std::env::temp_dir().join(format!("qari-e2e-{}-{n}", std::process::id()));
        Self::start_in(&home, args, width, height)
    }

    /// Starts qari with `home` as its home (and XDG folders under it), in an English locale.
    fn start_in(home: &std::path::Path, args: &str, width: u16, height: u16) -> Option<Self> {
        Self::start_with("LANG=C.UTF-8", home, args, width, height)
    }

    /// Starts qari with `home` as its home and `locale` (`LANG=ar_EG.UTF-8`) in its
    /// environment, LC_ALL and LC_MESSAGES unset so that it decides the interface's language.
    fn start_with(
        locale: &str,
        home: &std::path::Path,
        args: &str,
        width: u16,
        height: u16,
    ) -> Option<Self> {
        // pgrep (procps) finds qari's pid under the pane's shell.
        for tool in ["tmux", "pgrep"] {
            if Command::new(tool).arg("-V").output().is_err() {
                common::skip(&format!("{tool} is not installed"));
                return None;
            }
        }
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!("qari-e2e-{}-{n}-s", std::process::id());
        let home = home.to_owned();
        std::fs::create_dir_all(&home).unwrap();
        let command = format!(
            "{wait}env -u LC_ALL -u LC_MESSAGES -u LC_TIME -u LANGUAGE TZ=UTC QARI_NOW={now} {locale} HOME={h} XDG_CONFIG_HOME={h}/config XDG_CACHE_HOME={h}/cache XDG_DATA_HOME={h}/data {bin} {args}; echo QARI-EXITED $?; sleep 30",
            h = home.display(),
            bin = env!("CARGO_BIN_EXE_qari"),
            wait = WAIT.with(std::cell::RefCell::take),
            now = common::QARI_NOW,
        );
        // The tests share tmux's default server, which exits when its last session ends: a
        // session started just then finds it going and fails. Tried again, it starts a new one.
        let new_session = || {
            Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    &session,
                    "-x",
                    &width.to_string(),
                    "-y",
                    &height.to_string(),
                    &command,
                ])
                .status()
                .unwrap()
                .success()
        };
        let ok = (0..5).any(|_| {
            new_session() || {
                std::thread::sleep(std::time::Duration::from_millis(200));
                false
            }
        });
        assert!(ok, "tmux new-session failed");
        Some(Tmux {
            session,
            home,
            ended: false,
        })
    }

    fn keys(&self, keys: &[&str]) {
        let mut cmd = Command::new("tmux");
        cmd.args(["send-keys", "-t", &self.session]).args(keys);
        assert!(cmd.status().unwrap().success());
    }

    fn capture(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    }

    /// The pid of qari in this session: the child of the pane's shell.
    fn qari_pid(&self) -> String {
        let out = Command::new("tmux")
            .args(["display", "-p", "-t", &self.session, "#{pane_pid}"])
            .output()
            .unwrap();
        let shell = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .expect("qari is not running")
            .trim()
            .to_owned()
    }

    /// Kills the session, as when a terminal window is closed.
    fn hang_up(&mut self) {
        let ok = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux kill-session failed");
        self.ended = true;
    }

    /// Waits until the screen holds `what`; returns the screen.
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if screen.contains(what) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {what:?} on:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // The session lives on (`sleep 30`) after qari exits, so it is still there to kill
        // unless the test killed it.
        if !self.ended {
            let _ = Command::new("tmux")
                .args(["kill-session", "-t", &self.session])
                .status();
        }
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// What `qari render` prints for `text` at `width` cells.
fn rendered(text: &str, width: usize) -> Vec<String> {
    use std::io::Write;
    let mut child = common::qari_command()
        .args(["render", "--width", &width.to_string()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{text}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn sample() -> (PathBuf, String, String) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/articles/000_8278b886b146244e.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap().to_owned();
    let first = lines.next().unwrap().to_owned();
    (path, title, first)
}
