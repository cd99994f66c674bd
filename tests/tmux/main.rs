//! End to end in a real terminal: the binary in tmux (new-session -x 100 -y 30), driven with
//! send-keys and read with capture-pane. The sample article's title and first paragraph must
//! appear in visual order (as `qari render` lays them out), paging, resize and quitting work,
//! and the terminal is given back.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

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
        let ok = Command::new("tmux")
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
            .success();
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

#[test]
fn reads_the_sample_article_in_tmux() {
    let (path, title, first) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    // One article: the reader opens at once.
    let title_lines = rendered(&title, 80);
    let screen = t.wait_for("page 1/");
    for line in &title_lines {
        assert!(
            screen.contains(line.trim()),
            "title line {line:?} not on:\n{screen}"
        );
    }
    for line in rendered(&first, 80) {
        assert!(
            screen.contains(line.trim()),
            "first paragraph line {line:?} not on:\n{screen}"
        );
    }
    // The title's first line is right-aligned at the column's right edge (80 cells in 100).
    let row = screen
        .lines()
        .find(|l| l.contains(title_lines[0].trim()))
        .unwrap();
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(row.trim_end()),
        90,
        "{row:?}"
    );

    // Paging.
    let pages: usize = screen
        .split("page 1/")
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 2);
    t.keys(&["PageDown"]);
    t.wait_for("page 2/");
    t.keys(&["BSpace"]);
    t.wait_for("page 1/");

    // Resize: the text re-flows to the narrower column, the cursor paragraph stays on screen.
    t.keys(&["j", "j", "j"]);
    t.wait_for("¶ 4/");
    Command::new("tmux")
        .args(["resize-window", "-t", &t.session, "-x", "50", "-y", "20"])
        .status()
        .unwrap();
    let screen = t.wait_for("¶ 4/");
    assert!(
        screen
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 50)
    );
    let cursor_rows = screen.lines().filter(|l| l.contains('▌')).count();
    assert!(
        cursor_rows > 0,
        "the cursor paragraph is not on screen:\n{screen}"
    );

    // q: the library of the article's folder, its title laid out right to left.
    t.keys(&["q"]);
    let screen = t.wait_for("articles ·");
    let title_line = rendered(&title, 0)[0].clone();
    let title_words: Vec<&str> = title_line.split_whitespace().collect();
    assert!(
        screen.contains(&title_words[title_words.len() - 3..].join(" ")),
        "{screen}"
    );
    // Quitting gives the terminal back.
    t.keys(&["q"]);
    let screen = t.wait_for("QARI-EXITED 0");
    assert!(
        !screen.contains("page 1/"),
        "the alternate screen was not left:\n{screen}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let (path, _, _) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 80, 24) else {
        return;
    };
    t.wait_for("page 1/");
    let pid = t.qari_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let screen = t.wait_for("QARI-EXITED");
    assert!(!screen.contains("page 1/"), "{screen}");
    // Raw mode is off again: the shell echoes what is typed.
    t.keys(&["-l", "echoed-text"]);
    t.wait_for("echoed-text");
}

#[test]
fn a_hang_up_ends_qari() {
    let (path, _, _) = sample();
    let Some(mut t) = Tmux::start(&path.display().to_string(), 80, 24) else {
        return;
    };
    t.wait_for("page 1/");
    let pid = t.qari_pid();
    t.hang_up();
    let start = Instant::now();
    // `kill -0` only asks whether the process is there; its "No such process" is the answer
    // we wait for, not an error to show.
    while Command::new("kill")
        .args(["-0", &pid])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success()
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "qari {pid} still runs after its terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn search_highlights_and_n_moves_in_tmux() {
    let (path, _, _) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    // One article: the reader at once.
    t.wait_for("page 1/");
    t.keys(&["/"]);
    t.keys(&["-l", "فى"]);
    t.keys(&["Enter"]);
    let screen = t.wait_for("match 1/");
    let total: usize = screen
        .split("match 1/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(total > 5, "{total} matches");
    // The highlight is really drawn: the pane's escape codes carry the yellow background.
    let out = Command::new("tmux")
        .args(["capture-pane", "-p", "-e", "-t", &t.session])
        .output()
        .unwrap();
    let styled = String::from_utf8(out.stdout).unwrap();
    let yellow_bg = ["\u{1b}[43m", "[48;5;3m", ";43m"];
    assert!(
        yellow_bg.iter().any(|code| styled.contains(code)),
        "no highlight in:\n{styled}"
    );
    t.keys(&["n"]);
    t.wait_for("match 2/");
    t.keys(&["N", "N"]);
    t.wait_for(&format!("match {total}/{total}"));
}

#[test]
fn a_bookmark_survives_quitting_and_shows_again() {
    let (path, _, _) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    // One article: the reader at once.
    t.wait_for("page 1/");
    t.keys(&["j", "j"]);
    t.wait_for("¶ 3/");
    t.keys(&["b"]);
    t.wait_for("bookmarked");
    let screen = t.capture();
    assert!(screen.contains('★'), "no marker:\n{screen}");
    t.keys(&["q"]);
    t.wait_for("articles ·");
    t.keys(&["q"]);
    t.wait_for("QARI-EXITED 0");
    // The CLI sees it, with the same state folder.
    let out = common::qari_command()
        .args(["bookmarks", "list", "--json"])
        .env("HOME", &t.home)
        .env("XDG_DATA_HOME", t.home.join("data"))
        .env("XDG_CONFIG_HOME", t.home.join("config"))
        .env("XDG_CACHE_HOME", t.home.join("cache"))
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(listed.lines().next().expect("no bookmark listed")).unwrap();
    assert_eq!(b["paragraph"], 3);
    assert_eq!(b["orphaned"], false);
    // Reopened, the article is back at paragraph 3 with its marker.
    let Some(t2) = Tmux::start_in(&t.home, &path.display().to_string(), 100, 30) else {
        return;
    };

    let screen = t2.wait_for("¶ 3/");
    assert!(screen.contains('★'), "no marker after reopening:\n{screen}");
}

#[test]
fn a_long_query_typed_at_once_is_searched_without_another_key() {
    let (path, _, _) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    t.wait_for("page 1/");
    // More than 2 KB arriving at once, as when a terminal without bracketed paste pastes: every
    // byte must be read before qari waits for more, or Enter waits for the next key.
    let query = "الحكومة ".repeat(150) + "كازاخستان";
    t.keys(&["/"]);
    t.keys(&["-l", &query]);
    t.keys(&["Enter"]);
    t.wait_for("no match");
    // A bracketed paste is text: its newline does not submit.
    Command::new("tmux")
        .args(["set-buffer", "كازاخستان\nالدستورى"])
        .status()
        .unwrap();
    t.keys(&["/"]);
    Command::new("tmux")
        .args(["paste-buffer", "-p", "-t", &t.session])
        .status()
        .unwrap();
    let screen = t.wait_for("search:");
    assert!(!screen.contains("match 1/"), "{screen}");
}

/// Every tmux paste buffer's content (OSC 52 copies land in them with `set-clipboard on`).
fn tmux_buffers() -> Vec<String> {
    let out = Command::new("tmux")
        .args(["list-buffers", "-F", "#{buffer_name}"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|name| {
            let out = Command::new("tmux")
                .args(["show-buffer", "-b", name])
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()
        })
        .collect()
}

#[test]
fn copies_reach_tmux_in_reading_order_byte_for_byte() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/articles/003_reading_arabic.txt");
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    assert!(
        Command::new("tmux")
            .args(["set-option", "-g", "set-clipboard", "on"])
            .status()
            .unwrap()
            .success()
    );
    t.wait_for("page 1/");
    let text = std::fs::read_to_string(&path).unwrap();
    let paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip(1)
        .collect();
    // y: the paragraph under the cursor (the second: brackets, a Latin name, «quotes»).
    t.keys(&["j", "y"]);
    t.wait_for("copied");
    let wanted = paragraphs[1].to_owned();
    let start = Instant::now();
    while !tmux_buffers().contains(&wanted) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "not in tmux's buffers: {wanted}\n{:?}",
            tmux_buffers()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // v, extend, y: two paragraphs, a blank line between.
    t.keys(&["k", "v", "j", "y"]);
    let wanted = format!("{}\n\n{}", paragraphs[0], paragraphs[1]);
    let start = Instant::now();
    while !tmux_buffers().contains(&wanted) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the selection is not in tmux's buffers"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn ctrl_z_suspends_and_fg_brings_it_back() {
    if Command::new("tmux").arg("-V").output().is_err() {
        common::skip("tmux is not installed");
        return;
    }
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let home = std::env::temp_dir().join(format!("qari-e2e-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let session = format!("qari-e2e-{}-{n}-z", std::process::id());
    // An interactive shell, for its job control.
    assert!(
        Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "90", "-y", "20"])
            .args(["env", "PS1=READY$ ", "bash", "--norc", "-i"])
            .status()
            .unwrap()
            .success()
    );
    let t = Tmux {
        session,
        home: home.clone(),
        ended: false,
    };
    let (path, _, _) = sample();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES -u LC_TIME -u LANGUAGE LANG=C.UTF-8 TZ=UTC QARI_NOW={now} HOME={h} XDG_DATA_HOME={h}/data XDG_CACHE_HOME={h}/cache {bin} {p}",
        h = home.display(),
        bin = env!("CARGO_BIN_EXE_qari"),
        now = common::QARI_NOW,
        p = path.display()
    );
    t.wait_for("READY$");
    t.keys(&["-l", &command]);
    t.keys(&["Enter"]);
    t.wait_for("page 1/");
    t.keys(&["C-z"]);
    let screen = t.wait_for("Stopped");
    assert!(
        !screen.contains("page 1/"),
        "the terminal was given back:\n{screen}"
    );
    t.keys(&["-l", "fg"]);
    t.keys(&["Enter"]);
    t.wait_for("page 1/");
    t.keys(&["j"]);
    t.wait_for("¶ 2/");
    t.keys(&["q", "q"]);
    // The shell's third prompt: qari has exited and given the terminal back.
    let start = Instant::now();
    loop {
        let screen = t.capture();
        if screen.matches("READY$").count() >= 3 {
            assert!(!screen.contains("page 1/"), "{screen}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "qari did not exit:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Issue 12: with an Arabic locale the interface is Arabic and mirrored. The reader's status
/// line, as tmux shows it, is the one the engine lays out for the same app drawn in-process
/// (the title at the right, the paragraph and page counters at the left, Arabic-Indic digits).
#[test]
fn an_arabic_locale_gives_a_mirrored_arabic_interface() {
    let (path, _, _) = sample();
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let home = std::env::temp_dir().join(format!("qari-e2e-{}-{n}", std::process::id()));
    let Some(t) = Tmux::start_with(
        "LANG=ar_EG.UTF-8",
        &home,
        &format!("--bidi app {}", path.display()),
        100,
        30,
    ) else {
        return;
    };
    // The same article in-process: Arabic messages, the reader's defaults (80 cells, the
    // majority rule), 100×30.
    let msgs = qari::i18n::Messages::new(qari::i18n::Lang::Ar);
    let mut settings = common::drive::settings_in(qari::text::Direction::Majority, msgs);
    settings.text_width = 80;
    let mut app = common::drive::app_with(settings, 100, 30);
    common::drive::open_seed(&mut app);
    let expected = common::drive::rows(&app, 100, 30).pop().unwrap();
    let expected = expected.trim_end();
    assert!(
        expected.contains('١'),
        "not Arabic-Indic digits: {expected:?}"
    );
    let start = Instant::now();
    let screen = loop {
        let screen = t.capture();
        if screen.lines().any(|l| l.trim_end() == expected) {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "never saw the status line\n{expected:?}\non:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    // The counters at the left end: the row starts with the last page's number.
    let status = screen.lines().find(|l| l.trim_end() == expected).unwrap();
    assert!(status.starts_with(" ١"), "{status:?}");
    assert!(!status.contains("page"), "{status:?}");
    // The help, in Arabic: its title at the right of the popup's border.
    t.keys(&["?"]);
    let title = common::drive::rows(
        &{
            common::drive::press(&mut app, "?");
            app
        },
        100,
        30,
    )
    .into_iter()
    .find(|r| r.contains('┌'))
    .unwrap();
    t.wait_for(title.trim());
}

/// Issue 19: keys typed before qari is up (while it asks the terminal about bidi, and while the
/// folder loads) are not lost: they reach the app in order. The keys are sent while the pane
/// still sleeps before starting qari, so they are waiting in the terminal when qari starts.
#[test]
fn keys_typed_before_qari_starts_reach_it_in_order() {
    let dir = std::env::temp_dir().join(format!("qari-typeahead-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.md"), "# First article\n\nThe first text.\n").unwrap();
    std::fs::write(
        dir.join("b.md"),
        "# Second article\n\nThe second text, typed ahead.\n",
    )
    .unwrap();
    WAIT.with(|w| *w.borrow_mut() = "sleep 1; ".to_owned());
    let Some(t) = Tmux::start(&dir.display().to_string(), 100, 30) else {
        return;
    };
    // Down to the second article, and open it: before qari runs.
    t.keys(&["j", "Enter"]);
    let screen = t.wait_for("typed ahead");
    assert!(screen.contains("page 1/"), "{screen}");
    t.keys(&["q", "q"]);
    t.wait_for("QARI-EXITED 0");
    let _ = std::fs::remove_dir_all(&dir);
}
