//! Copying in tmux: OSC 52 copies reach tmux's paste buffers in reading order, byte for byte.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Tmux;

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
