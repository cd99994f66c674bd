//! Helpers shared by the integration tests: where ../shared is, and how to skip without it.

#![allow(dead_code)]

use std::path::PathBuf;

/// The project's shared test material (../shared beside the checkout, or $QARI_SHARED).
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("QARI_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    dir.join("corpus/snn").is_dir().then_some(dir)
}

/// Skips a test whose material is missing, loudly; under CI=true that is a failure.
pub fn skip(reason: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true and this test cannot run: {reason}"
    );
    eprintln!("SKIPPED: {reason}");
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
