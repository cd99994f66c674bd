//! The command line: `qari list` prints the articles and reports skips, `--json` says how many
//! bytes were replaced, and a broken config names its file and line.

use std::path::Path;

use crate::common;
use crate::{bad_collection, damaged_collection, temp_dir, write};

#[test]
fn list_prints_articles_and_reports_skips() {
    let dir = bad_collection("bad-list");
    let home = temp_dir("list-home");
    let out = common::qari_command()
        .args(["list"])
        .arg(&dir)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout.lines().count(), 4);
    assert!(stdout.lines().all(|l| l.split('\t').count() == 2));
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("skipped ") && l.contains("image.txt") && l.contains("binary"))
    );
    let json = common::qari_command()
        .args(["list", "--json"])
        .arg(&dir)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(json.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    for key in ["path", "title", "paragraphs", "encoding", "replaced"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn list_json_says_how_many_bytes_were_replaced() {
    let dir = damaged_collection("damaged-list");
    let home = temp_dir("damaged-list-home");
    let out = common::qari_command()
        .args(["list", "--json"])
        .arg(&dir)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut counts: Vec<(String, String, u64)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let name = Path::new(v["path"].as_str().unwrap()).file_name().unwrap();
            (
                name.to_string_lossy().into_owned(),
                v["encoding"].as_str().unwrap().to_owned(),
                v["replaced"].as_u64().unwrap(),
            )
        })
        .collect();
    counts.sort();
    let expected = [
        ("legacy.txt", "windows-1256", 0),
        ("one.txt", "UTF-8", 1),
        ("three.txt", "UTF-8", 3),
    ]
    .map(|(n, e, r)| (n.to_owned(), e.to_owned(), r));
    assert_eq!(counts, expected);
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn a_broken_config_names_the_file_and_line() {
    let home = temp_dir("config-home");
    write(
        &home,
        "config/qari/config.toml",
        b"text_width = 70\nbidi = \"sideways\"\n",
    );
    let out = common::qari_command()
        .arg("list")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("config.toml:2:"), "{stderr}");
    std::fs::remove_dir_all(home).ok();
}
