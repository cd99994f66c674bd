//! What the scale benchmarks share: the 100,000-article collection of
//! `../shared/bench/make-collection`, written once into target/bench-collection.

use std::path::PathBuf;
use std::process::Command;

/// The project's target folder.
pub fn target() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target")
}

/// The collection folder, made on first use (330 MB, about 20 s).
pub fn collection_100k() -> PathBuf {
    let dir = target().join("bench-collection");
    let tool = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make-collection");
    if !dir.join("099").is_dir() {
        let ok = Command::new("python3")
            .arg(&tool)
            .arg(&dir)
            .arg("100000")
            .status()
            .expect("python3 is needed");
        assert!(ok.success(), "make-collection failed");
    }
    dir
}
