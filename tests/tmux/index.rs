//! The reader and `qari search` writing one index at once: a first index started by a search
//! in the reader, abandoned with Esc, a new search, and a `qari search` from a script meanwhile.
//! Both answer exactly (`rg -l -F`), and so does a search after both.

use std::path::Path;
use std::process::Command;

use crate::Tmux;
use crate::common;

const WORD: &str = "الوزارة";

fn rg(root: &Path) -> Vec<String> {
    let out = Command::new("rg")
        .args(["-l", "-F", WORD])
        .arg(root)
        .output()
        .expect("rg (ripgrep) is needed");
    let mut v: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

fn search(home: &Path, root: &Path) -> std::process::Child {
    common::qari_command()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .args(["search", "-l", "--sort", "path", WORD])
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn paths(child: std::process::Child) -> Vec<String> {
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{:?}: {stderr}",
        out.status
    );
    let mut v: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    v.sort();
    v
}

#[test]
fn the_reader_and_a_script_index_at_once_and_both_are_exact() {
    let home = std::env::temp_dir().join(format!("qari-e2e-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let root = home.join("news");
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..3000 {
        let word = if i % 3 == 0 { WORD } else { "المدينة" };
        std::fs::write(
            root.join(format!("{i:04}.txt")),
            format!("خبر {i}\n\nقالت {word} اليوم إن الطقس معتدل {i}.\n"),
        )
        .unwrap();
    }
    let Some(t) = Tmux::start_in(&home, &root.display().to_string(), 100, 30) else {
        return;
    };
    t.wait_for("3000");
    // A first index started, abandoned, and a new search while a script searches too.
    t.keys(&["/"]);
    t.keys(&["-l", WORD]);
    t.keys(&["Enter"]);
    t.keys(&["Escape"]);
    let script = search(&home, &root);
    t.keys(&["/"]);
    t.keys(&["-l", WORD]);
    t.keys(&["Enter"]);
    let expected = rg(&root);
    assert_eq!(expected.len(), 1000);
    assert!(
        paths(script) == expected,
        "the script's search is not exact"
    );
    let screen = t.wait_for("1000 articles match");
    assert!(!screen.contains("failed"), "{screen}");
    assert!(
        paths(search(&home, &root)) == expected,
        "not exact after both"
    );
}
