//! Benchmarks of the collection at scale: `qari list` over 100,000 articles made by
//! ../shared/bench/make-collection (330 MB; written once into target/bench-collection), on a
//! second open (the library cache warm), side by side with `find` listing the same files, the
//! floor for anything that must look at every file's size and time.
//!
//! Run with `cargo bench --bench collection`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn target() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target")
}

/// The collection, made on first use, and a cache folder warmed by one `qari list`.
fn collection() -> &'static (PathBuf, PathBuf) {
    static DIRS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    DIRS.get_or_init(|| {
        let dir = target().join("bench-collection");
        let tool =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make-collection");
        if !dir.join("099").is_dir() {
            let ok = Command::new("python3")
                .arg(&tool)
                .arg(&dir)
                .arg("100000")
                .status()
                .expect("python3 is needed");
            assert!(ok.success(), "make-collection failed");
        }
        let home = target().join("bench-home");
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
