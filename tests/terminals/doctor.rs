//! `qari doctor` on a terminal (tmux, which does no bidi: the pane holds what qari wrote): every
//! line laid out by the engine, the Arabic report mirrored (its labels at the right edge, shaped,
//! in visual order), and a long value wrapped at words, not cut by the terminal mid-word.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::common;

/// Runs `qari ARGS doctor` in a detached tmux pane `width` cells wide and returns the pane.
fn doctor_in_tmux(args: &[&str], width: u16) -> Option<String> {
    if Command::new("tmux").arg("-V").output().is_err() {
        common::skip("tmux is not installed");
        return None;
    }
    let qari = common::qari_command();
    // Not told it is in tmux: the copying line is then OSC 52's, the longest.
    let mut line = vec!["env".to_owned(), "-u".to_owned(), "TMUX".to_owned()];
    for (k, v) in qari.get_envs() {
        if let Some(v) = v {
            line.push(format!("{}={}", k.to_string_lossy(), v.to_string_lossy()));
        }
    }
    let home = std::env::temp_dir().join(format!("qari-doctor-{}-{width}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    line.push(format!("HOME={}", home.display()));
    line.push(format!("XDG_CONFIG_HOME={}", home.join("config").display()));
    line.push(qari.get_program().to_string_lossy().into_owned());
    line.extend(args.iter().map(|a| (*a).to_owned()));
    line.extend([
        "doctor".to_owned(),
        ";".to_owned(),
        "sleep".to_owned(),
        "30".to_owned(),
    ]);
    let socket = format!("qari-doctor-{}-{width}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null"])
            .args(args)
            .stderr(Stdio::null())
            .output()
            .unwrap()
    };
    let width = width.to_string();
    let shell = line.join(" ");
    tmux(&["new-session", "-d", "-x", &width, "-y", "40", &shell]);
    let start = Instant::now();
    let mut pane = String::new();
    while start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(200));
        pane = String::from_utf8_lossy(&tmux(&["capture-pane", "-p"]).stdout).into_owned();
        if pane.contains("--bidi app") {
            break;
        }
    }
    tmux(&["kill-server"]);
    assert!(
        pane.contains("--bidi app"),
        "doctor did not finish:\n{pane}"
    );
    Some(pane)
}

/// `text` as the engine lays it out (`qari render`, shaped, visual order).
fn visual(text: &str) -> String {
    use std::io::Write;
    let mut render = common::qari_command()
        .arg("render")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    render
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{text}\n").as_bytes())
        .unwrap();
    let out = render.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim_end().to_owned()
}

#[test]
fn the_arabic_report_is_laid_out_and_mirrored() {
    let Some(pane) = doctor_in_tmux(&["--lang", "ar"], 80) else {
        return;
    };
    // Each label at the right edge, in visual order and shaped: the line ends with it.
    for label in ["الألوان", "النسخ"] {
        let drawn = visual(label);
        let line = pane.lines().find(|l| l.contains(&drawn));
        assert!(
            line.is_some_and(|l| l.trim_end().ends_with(&drawn)
                && unicode_width::UnicodeWidthStr::width(l.trim_end()) == 80),
            "{label} ({drawn}) is not at the right edge:\n{pane}"
        );
        assert!(!pane.contains(label), "{label} left logical:\n{pane}");
    }
    // The English labels of the first column stay readable, at the right too.
    let term = pane
        .lines()
        .find(|l| l.contains("TERM ") || l.ends_with("TERM"));
    assert!(
        term.is_some_and(|l| l.trim_end().ends_with("TERM")),
        "TERM is not at the right edge:\n{pane}"
    );
}

#[test]
fn a_long_value_wraps_at_words() {
    let Some(pane) = doctor_in_tmux(&[], 60) else {
        return;
    };
    let words = pane
        .lines()
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>();
    let message = "OSC 52 straight to the terminal: works in most (xterm needs allowWindowOps or \
                   disallowedWindowOps without SetSelection)";
    for word in message.split_whitespace() {
        assert!(words.contains(&word), "{word} was cut:\n{pane}");
    }
}
