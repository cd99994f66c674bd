//! Benchmarks of search.
//!
//! - `article_1mb`: searching a 1 MB article and collecting the highlights of a page, once the
//!   article's normalised text is made (`warm`), and making it (`prepare`, done on open).
//! - `collection_100k`: `qari search --files-with-matches` over the 100,000-article collection
//!   of `../shared/bench/make-collection` (in target/bench-collection, made on first use), the
//!   index warm, side by side with `rg -l` (Debian's ripgrep) for the same literal word.
//!
//! - `tui_job_100k`: the library's search job (`SearchJob::start`, polled until done) over the
//!   same collection loaded in memory, the index warm: from Enter to the results screen, its
//!   first screen's snippets made.
//!
//! Run with `cargo bench --bench search`. `benches/search-speed.sh` measures the CLI figures
//! of issue 10 (warm search, first index, index size) side by side with `rg` in one run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use qari::collection::{Article, Meta};
use qari::tui::find::ArticleSearch;

mod common;

fn main() {
    divan::main();
}

fn article_1mb() -> Article {
    let paragraph =
        "أكد الرئيس في مدينة الرياض أن الإسلام دين السلام، وقال فى كلمته عام ٢٠١٥ إن المدينة ";
    let mut paragraphs = Vec::new();
    let mut size = 0;
    while size < 1_000_000 {
        let p = paragraph.repeat(8);
        size += p.len();
        paragraphs.push(p);
    }
    Article {
        path: "big.txt".into(),
        title: "عنوان".into(),
        paragraphs,
        meta: Meta::default(),
        encoding: "UTF-8".into(),
    }
}

mod article {
    use super::{ArticleSearch, article_1mb};

    #[divan::bench]
    fn warm(b: divan::Bencher) {
        let a = article_1mb();
        let mut s = ArticleSearch::prepare(&a);
        b.bench_local(|| {
            s.run(&a, "الاسلام مدينة");
            // the highlights of one page (40 paragraphs from the middle)
            (500..540)
                .map(|block| s.in_block(qari::collection::BlockIndex(block)).count())
                .sum::<usize>()
        });
    }

    /// Normalising the article, done once when it opens.
    #[divan::bench(sample_count = 10)]
    fn prepare(b: divan::Bencher) {
        let a = article_1mb();
        b.bench_local(|| ArticleSearch::prepare(&a));
    }
}

/// The collection and a home whose index is warm.
fn collection() -> &'static (PathBuf, PathBuf) {
    static DIRS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    DIRS.get_or_init(|| {
        let dir = common::collection_100k();
        let home = common::target().join("bench-home");
        qari_search(&dir, &home);
        (dir, home)
    })
}

fn qari_search(dir: &Path, home: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_qari"))
        .args(["search", "--files-with-matches", "الإسلام"])
        .arg(dir)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdout(Stdio::null())
        .status()
        .expect("qari did not start");
    assert!(status.success());
}

mod collection_100k {
    use super::{Command, Stdio, collection, qari_search};

    #[divan::bench(sample_count = 10)]
    fn qari_search_l_warm() {
        let (dir, home) = collection();
        qari_search(dir, home);
    }

    #[divan::bench(sample_count = 10)]
    fn rg_l() {
        let (dir, _) = collection();
        let status = Command::new("rg")
            .args(["-l", "الإسلام"])
            .arg(dir)
            .stdout(Stdio::null())
            .status()
            .expect("rg did not start");
        assert!(status.success());
    }
}

mod tui_job_100k {
    use std::path::PathBuf;
    use std::sync::Arc;
    use std::time::Duration;

    use qari::collection::{Collection, Progress};
    use qari::config::Dirs;
    use qari::search::Monitoring;
    use qari::text::Options;
    use qari::tui::results::{Fit, ResultsView, SearchJob};

    use super::collection;

    /// The rows of results on a terminal 50 rows tall.
    const ROWS: usize = 48;

    /// Enter on a query in the library: the job started and polled until its results are in.
    #[divan::bench(sample_count = 10)]
    fn search_job(b: divan::Bencher) {
        let (dir, home) = collection();
        // The files the app would use for this collection (named after its path, so a copy of
        // target/ elsewhere does not pick up another checkout's index).
        let dirs = Dirs {
            config: home.join("config/qari"),
            data: home.join("data/qari"),
            cache: home.join("cache/qari"),
        };
        let c = Arc::new(
            Collection::load(dir, Some(&dirs.library_cache(dir)), &Progress::default())
                .expect("collection"),
        );
        let index = Some(dirs.index_file(dir));
        // As the app does: the folder's monitor says what changed since the last search (the
        // first search starts it; it ends on its own after an hour unused).
        let monitoring = Monitoring {
            socket: dirs.monitor_socket(dir),
            exe: Some(PathBuf::from(env!("CARGO_BIN_EXE_qari"))),
        };
        b.bench_local(|| {
            let job = SearchJob::start(
                Arc::clone(&c),
                "الإسلامية",
                index.clone(),
                Some(monitoring.clone()),
                Fit::new(100, Options::default()),
                ResultsView::shown(ROWS),
            );
            let items = loop {
                if let Some(results) = job.poll() {
                    break results.expect("results");
                }
                std::thread::sleep(Duration::from_millis(1));
            };
            // The results screen as the app makes it: nothing is left to read for its first
            // screen.
            let mut view = ResultsView::new(job.query.clone(), items, job.fit);
            view.show(&c, ROWS);
            view.items.len()
        });
    }
}
