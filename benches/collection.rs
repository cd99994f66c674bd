//! Benchmarks of the collection at scale: `qari list` over 100,000 articles made by
//! ../shared/bench/make-collection (330 MB; written once into target/bench-collection), on a
//! second open (the library cache warm), side by side with `find` listing the same files, the
//! floor for anything that must look at every file's size and time.
//!
//! Run with `cargo bench --bench collection`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

mod common;

fn main() {
    divan::main();
}

/// The collection, and a cache folder warmed by one `qari list`.
fn collection() -> &'static (PathBuf, PathBuf) {
    static DIRS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    DIRS.get_or_init(|| {
        let dir = common::collection_100k();
        let home = common::target().join("bench-home");
        list(&dir, &home);
        (dir, home)
    })
}

fn list(dir: &Path, home: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_qari"))
        .arg("list")
        .arg(dir)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::null())
        .status()
        .expect("qari did not start");
    assert!(status.success());
}

#[divan::bench(sample_count = 10)]
fn qari_list_100k_warm() {
    let (dir, home) = collection();
    list(dir, home);
}

#[divan::bench(sample_count = 10)]
fn find_100k() {
    let (dir, _) = collection();
    let status = Command::new("find")
        .arg(dir)
        .args(["-name", "*.txt", "-printf", "%s %T@ %p\n"])
        .stdout(Stdio::null())
        .status()
        .expect("find did not start");
    assert!(status.success());
}
