//! Issue 19: what installing qari needs besides the binary: its manual page and the shell
//! completions, written by the binary itself from its command-line definitions.

#![allow(clippy::unwrap_used)]

use std::process::Command;

fn qari(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_manual_page_describes_every_command() {
    let page = qari(&["man"]);
    assert!(page.contains(".TH qari 1"), "{page}");
    for command in [
        "search",
        "list",
        "bookmarks",
        "render",
        "import",
        "completions",
    ] {
        assert!(page.contains(command), "{command} is not in the page");
    }
    assert!(!page.contains("monitor"), "the hidden command stays hidden");
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let bash = qari(&["completions", "bash"]);
    assert!(bash.contains("complete -F _qari"), "{bash}");
    assert!(bash.contains("--files-with-matches"));
    let zsh = qari(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef qari"), "{zsh}");
    let fish = qari(&["completions", "fish"]);
    assert!(fish.contains("complete -c qari"), "{fish}");
    assert!(fish.contains("search"));
}
