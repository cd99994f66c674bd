//! Benchmarks of the collection at scale: `qari list` over 100,000 articles made by
//! ../shared/bench/make-collection (330 MB; written once into target/bench-collection), on a
//! second open (the library cache warm), side by side with `find` listing the same files, the
//! floor for anything that must look at every file's size and time.
//!
//! `library` is the TUI's side in one process: the second open as the TUI does it
//! (`Collection::load` with the cache, then the library view sorted by date), and the library's
//! actions on the loaded collection: sorting by title and filtering titles.
//! `QARI_BENCH_COLLECTION=DIR` runs these over another collection (the million of issue 10:
//! `make-collection DIR 1000000`); its cache is made on first use, which reads every article.
//!
//! Run with `cargo bench --bench collection`.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use qari::collection::{Collection, Progress};
use qari::tui::library::{LibraryView, Sort};
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

/// The collection of the `library` benchmarks, its cache, and the collection loaded once.
fn library() -> &'static (PathBuf, PathBuf, Collection) {
    static LOADED: OnceLock<(PathBuf, PathBuf, Collection)> = OnceLock::new();
    LOADED.get_or_init(|| {
        let dir = std::env::var_os("QARI_BENCH_COLLECTION")
            .map_or_else(common::collection_100k, PathBuf::from);
        let cache = common::target().join("bench-home").join(format!(
            "library-{:016x}",
            qari::hash::fnv1a(dir.as_os_str().as_encoded_bytes())
        ));
        let progress = Progress::default();
        let c = Collection::load(&dir, Some(&cache), &progress).expect("the collection loads");
        eprintln!(
            "{}: {} articles",
            dir.display(),
            progress.total.load(Ordering::Relaxed)
        );
        (dir, cache, c)
    })
}

mod library {
    use super::{Collection, LibraryView, Progress, Sort, library};

    /// The TUI's second open: the load with the cache warm, and the library view made.
    #[divan::bench(sample_count = 5)]
    fn open_warm() -> LibraryView {
        let (dir, cache, _) = library();
        let c = Collection::load(dir, Some(cache), &Progress::default()).expect("loads");
        LibraryView::new(&c)
    }

    #[divan::bench(sample_count = 5)]
    fn sort_by_title(b: divan::Bencher) {
        let (_, _, c) = library();
        let view = LibraryView::new(c);
        b.with_inputs(|| view.clone()).bench_local_values(|mut v| {
            v.sort_by(&c.entries, Sort::Title);
            v
        });
    }

    #[divan::bench(sample_count = 5)]
    fn sort_by_date(b: divan::Bencher) {
        let (_, _, c) = library();
        let mut view = LibraryView::new(c);
        view.sort_by(&c.entries, Sort::Title);
        b.with_inputs(|| view.clone()).bench_local_values(|mut v| {
            v.sort_by(&c.entries, Sort::Date);
            v
        });
    }

    /// The first key typed into the filter: every title is normalised (then kept) and matched.
    #[divan::bench(sample_count = 5)]
    fn filter_first_key(b: divan::Bencher) {
        let (_, _, c) = library();
        b.with_inputs(|| LibraryView::new(c))
            .bench_local_values(|mut v| {
                v.set_filter(&c.entries, "بي");
                v
            });
    }

    /// A key typed into a filter that does not narrow it: every title matched again, the
    /// normalised titles kept from the keys before.
    #[divan::bench(sample_count = 5)]
    fn filter_next_key(b: divan::Bencher) {
        let (_, _, c) = library();
        let mut view = LibraryView::new(c);
        view.set_filter(&c.entries, "ت");
        b.with_inputs(|| view.clone()).bench_local_values(|mut v| {
            v.set_filter(&c.entries, "بي");
            v
        });
    }
}
