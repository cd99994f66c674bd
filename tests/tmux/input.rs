//! Keys in tmux: a search highlights its matches and n moves between them, a long query typed
//! at once is searched without another key, and keys typed before qari starts reach it in order.

use std::process::Command;

use crate::{Tmux, WAIT, sample};

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
