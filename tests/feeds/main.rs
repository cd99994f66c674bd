//! News in, without the internet: a server on 127.0.0.1 (a thread of the test, hand-written
//! HTTP/1.1) serves feeds and pages written for the tests and made from the shared corpus: RSS
//! with CDATA and entities, Atom, JSON Feed (gzip-compressed), a summary-only feed whose pages
//! need extraction, a Windows-1256 page, broken XML, a slow response, a 404, a 500, a redirect
//! loop, a huge body, and 304 on the second run (ETag, Last-Modified). The real binary saves
//! them; the files, their front matter and paragraphs, deduplication across runs and the
//! failing feeds' reports are checked. The server is in `server`, what it serves in `fixtures`,
//! and the tests in the other modules; the helpers they share to run the binary are here.

#![allow(clippy::unwrap_used, clippy::format_collect)]

#[path = "../common/mod.rs"]
mod common;

mod checks;
mod fixtures;
mod interval;
mod items;
mod library;
mod opml;
mod pages;
mod server;
mod update;

use std::path::{Path, PathBuf};
use std::process::Command;
fn home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-feeds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("config/qari")).unwrap();
    dir
}

fn qari(home: &Path) -> Command {
    let mut cmd = common::qari_command();
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"));
    cmd
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Run {
    let out = qari(home).args(args).output().unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn read(path: &Path) -> qari::collection::Article {
    qari::collection::read_article(path).unwrap()
}
