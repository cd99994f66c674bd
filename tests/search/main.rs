//! Search: the index gives exactly the results of a brute-force scan (a property test over
//! generated text written in every variant), and ranks them exactly as scoring every article's
//! text would; `qari search` puts a title match above a body match, a whole word above a piece
//! of a longer word and a shorter article above a longer one; a damaged index is rebuilt, and
//! `qari search` finds every written variant of the words with grep-like exit codes.
//! The tests are in the modules; the helpers they share are here.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod changes;
mod cli;
mod exactness;
mod library;
mod ranking;

use std::path::{Path, PathBuf};

use qari::collection::Collection;
use qari::search::Query;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-search-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn brute_force(articles: &[(PathBuf, String)], query: &Query) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = articles
        .iter()
        .filter(|(_, text)| {
            let parsed = qari::collection::parse(text, qari::collection::Format::Text).unwrap();
            let all = qari::search::article_text(&parsed.title, &parsed.paragraphs);
            query.matches(&all)
        })
        .map(|(p, _)| p.clone())
        .collect();
    out.sort();
    out
}

/// The library's search job run to its end.
fn job_results(
    c: &std::sync::Arc<Collection>,
    query: &str,
    index: &Path,
) -> Vec<qari::tui::results::ResultItem> {
    use qari::tui::results::{Fit, SearchJob};
    let fit = Fit::new(60, qari::text::Options::default());
    let job = SearchJob::start(
        std::sync::Arc::clone(c),
        query,
        Some(index.to_owned()),
        None,
        fit,
        3,
    );
    loop {
        if let Some(results) = job.poll() {
            return results.unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

fn qari_search(args: &[&str], home: &Path) -> (i32, String) {
    let out = common::qari_command()
        .arg("search")
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// Writes `text` to `path`, then puts its modification time back to `mtime`: a change that
/// size and modification time alone would miss.
fn write_keeping_mtime(path: &Path, text: &str, mtime: std::time::SystemTime) {
    std::fs::write(path, text).unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(mtime).unwrap();
}
