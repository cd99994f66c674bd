//! Helpers shared by the integration tests: where ../shared is, and how to skip without it.

#![allow(dead_code)]

use std::io::Write;
pub mod drive;

use std::path::PathBuf;

/// Where the project's shared test material is: $QARI_SHARED, or ../shared beside the checkout.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("QARI_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    )
}

/// The shared material, or a [`skip`] saying where it was looked for.
pub fn shared() -> Option<PathBuf> {
    let dir = shared_dir();
    if dir.join("corpus/snn").is_dir() {
        return Some(dir);
    }
    skip(&format!(
        "{} is not there (set QARI_SHARED to the shared material)",
        dir.join("corpus/snn").display()
    ));
    None
}

/// Skips a test whose material or tools are missing, loudly; under CI=true that is a failure.
///
/// The reason is written to the process's stderr itself, not with `eprintln!`: libtest
/// captures only the print macros, so a skip would show only under `--nocapture` and the
/// skipped test would look passed. The test's name is its thread's name.
pub fn skip(reason: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true and {test} cannot run: {reason}"
    );
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// The corpus articles, in file-name order.
pub fn corpus_files(shared: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/snn"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// All corpus articles concatenated, each ending with a newline.
pub fn corpus_text(shared: &std::path::Path) -> String {
    let mut all = String::new();
    for f in corpus_files(shared) {
        let text = std::fs::read_to_string(&f).unwrap();
        all.push_str(&text);
        if !text.ends_with('\n') {
            all.push('\n');
        }
    }
    all
}

/// The instant the binary's clock is pinned to in the tests (`QARI_NOW`): 2026-03-01 22:30 UTC,
/// in UTC+3, where it is already 2 March.
pub const QARI_NOW: &str = "2026-03-02T01:30:00+03:00";

/// The qari binary in the environment every test runs it in, whatever the machine's: the
/// interface in English (`LANG=C.UTF-8`, no `LC_*`), UTC, and its clock pinned to [`QARI_NOW`].
/// A test that wants another language or zone sets it after.
pub fn qari_command() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_qari"));
    c.env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .env("QARI_NOW", QARI_NOW);
    for var in ["LC_ALL", "LC_MESSAGES", "LC_TIME", "LANGUAGE"] {
        c.env_remove(var);
    }
    c
}

/// Points insta at tests/snapshots/ until the guard is dropped. insta looks for a snapshot beside
/// the file that asserts it, and the tests that take snapshots are in tests/X/main.rs (which
/// would be tests/X/snapshots/); the snapshots' names are unchanged (`X__name.snap`).
pub fn snapshots_in_tests() -> impl Drop {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"));
    settings.bind_to_scope()
}
