//! qari under conditions a quick try does not show: output into a pipe that closed, the index
//! with other writers and readers at once or killed in the middle, signals, a state database
//! that cannot be read. Each test drives the real binary (or the library, where the binary
//! would only add time).

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;
#[path = "../feeds/server.rs"]
#[allow(dead_code)]
mod server;

mod bookmarks;
mod kills;
mod pipes;
mod state;
mod writers;
mod zombies;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh home for one test: config, data and cache folders under it.
fn home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-rel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("config/qari")).unwrap();
    dir
}

/// qari with `home` as its home.
fn qari(home: &Path) -> Command {
    let mut cmd = common::qari_command();
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"));
    cmd
}

/// A folder of `n` small Arabic articles under `home`, each naming its number.
fn articles(home: &Path, n: usize) -> PathBuf {
    let dir = home.join("news");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("{i:04}.txt")),
            format!("خبر رقم {i}\n\nقالت الوزارة اليوم إن المدينة {i} هادئة.\n\nسطر آخر\n"),
        )
        .unwrap();
    }
    dir
}
