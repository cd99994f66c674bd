//! The terminal given back and the process ended as it should: on SIGTERM, on a hang-up, and
//! across Ctrl-Z and fg.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common;
use crate::{NEXT, Tmux, sample};

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

/// Opens the sample article in `home`, goes to page 3, ends qari with `end`, and opens it
/// again: it must open on page 3 (the place saved as the signal ended it).
fn the_place_survives(name: &str, end: impl FnOnce(&mut Tmux, &str)) {
    let (path, _, _) = sample();
    let home = std::env::temp_dir().join(format!("qari-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let Some(mut first) = Tmux::start_in(&home, &path.display().to_string(), 80, 24) else {
        return;
    };
    first.wait_for("page 1/");
    first.keys(&["PageDown"]);
    first.wait_for("page 2/");
    first.keys(&["PageDown"]);
    first.wait_for("page 3/");
    let pid = first.qari_pid();
    end(&mut first, &pid);
    let start = Instant::now();
    while Command::new("kill")
        .args(["-0", &pid])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success()
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "qari {pid} still runs"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // The first session's home is the second's: it is removed when the first is dropped.
    let again = Tmux::start_in(&home, &path.display().to_string(), 80, 24).unwrap();
    let screen = again.wait_for("page ");
    assert!(
        screen.contains("page 3/"),
        "not on page 3 after reopening:\n{screen}"
    );
    drop(again);
    drop(first);
}

#[test]
fn sigterm_saves_the_reading_place() {
    the_place_survives("term-place", |t, pid| {
        assert!(
            Command::new("kill")
                .args(["-TERM", pid])
                .status()
                .unwrap()
                .success()
        );
        let screen = t.wait_for("QARI-EXITED");
        assert!(screen.contains("QARI-EXITED 143"), "{screen}");
    });
}

#[test]
fn a_hang_up_saves_the_reading_place() {
    the_place_survives("hup-place", |t, _| t.hang_up());
}
