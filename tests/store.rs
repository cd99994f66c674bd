//! The state database under stress, through the real binary: two processes adding bookmarks
//! at once lose nothing, a kill -9 in the middle of a stream of adds loses nothing that was
//! confirmed, a damaged database is moved aside (never overwritten) and a fresh one used.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
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

fn article(home: &Path) -> PathBuf {
    let path = home.join("article.txt");
    std::fs::write(
        &path,
        "عنوان\n\nالفقرة الأولى\n\nالفقرة الثانية\n\nالفقرة الثالثة\n",
    )
    .unwrap();
    path
}

fn list(home: &Path) -> Vec<serde_json::Value> {
    let out = qari(home)
        .args(["bookmarks", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A shell loop adding `n` bookmarks, one process each, printing each confirmed id.
fn adder(home: &Path, file: &Path, n: usize, tag: &str) -> std::process::Child {
    let script = format!(
        "for i in $(seq 1 {n}); do \"$QARI\" bookmarks add \"$FILE\" --paragraph $(( i % 3 + 1 )) --note \"{tag}-$i\" || exit 1; done"
    );
    let mut cmd = Command::new("sh");
    cmd.args(["-c", &script])
        .env("QARI", env!("CARGO_BIN_EXE_qari"))
        .env("FILE", file);
    for (k, v) in qari(home).get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    cmd.stdout(Stdio::piped()).spawn().unwrap()
}

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    let home = home("concurrent");
    let file = article(&home);
    let a = adder(&home, &file, 200, "a");
    let b = adder(&home, &file, 200, "b");
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    let all = list(&home);
    assert_eq!(all.len(), 400);
    for tag in ["a", "b"] {
        for i in 1..=200 {
            let note = format!("{tag}-{i}");
            assert!(
                all.iter().any(|b| b["note"] == note.as_str()),
                "{note} lost"
            );
        }
    }
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn kill_9_loses_no_confirmed_bookmark() {
    let home = home("kill");
    let file = article(&home);
    let mut child = adder(&home, &file, 1000, "k");
    let mut confirmed = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while confirmed.len() < 40 {
        confirmed.push(lines.next().unwrap().unwrap());
    }
    // Kill the shell and the qari it is running, mid-stream.
    let _ = Command::new("pkill")
        .args(["-9", "-P", &child.id().to_string()])
        .status();
    child.kill().unwrap();
    child.wait().unwrap();
    let all = list(&home);
    for id in &confirmed {
        assert!(
            all.iter()
                .any(|b| b["id"].as_i64() == id.parse::<i64>().ok()),
            "confirmed bookmark {id} lost"
        );
    }
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn a_damaged_database_is_moved_aside() {
    let home = home("corrupt");
    let file = article(&home);
    let data = home.join("data/qari");
    std::fs::create_dir_all(&data).unwrap();
    let garbage =
        b"SQLite format 3\0 but then nothing a database would hold, only these words".repeat(200);
    std::fs::write(data.join("state.db"), &garbage).unwrap();
    let out = qari(&home)
        .args(["bookmarks", "add"])
        .arg(&file)
        .args(["--paragraph", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("state.db") && stderr.contains("moved to"),
        "{stderr}"
    );
    let aside: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("state.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept");
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        garbage,
        "and never overwritten"
    );
    assert_eq!(list(&home).len(), 1);
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn bookmarks_follow_their_paragraph_and_orphans_stay() {
    let home = home("anchor");
    let file = article(&home);
    let add = |p: &str| {
        let out = qari(&home)
            .args(["bookmarks", "add"])
            .arg(&file)
            .args(["--paragraph", p])
            .output()
            .unwrap();
        assert!(out.status.success());
    };
    add("2");
    add("3");
    // A paragraph inserted above, and the third one deleted.
    std::fs::write(
        &file,
        "عنوان\n\nفقرة جديدة في الأعلى\n\nالفقرة الأولى\n\nالفقرة الثانية\n",
    )
    .unwrap();
    let all = list(&home);
    assert_eq!(all.len(), 2, "nothing dropped");
    let second = all
        .iter()
        .find(|b| b["excerpt"] == "الفقرة الثانية")
        .unwrap();
    assert_eq!(second["paragraph"], 3);
    assert_eq!(second["orphaned"], false);
    let third = all
        .iter()
        .find(|b| b["excerpt"] == "الفقرة الثالثة")
        .unwrap();
    assert_eq!(third["orphaned"], true);
    let md = qari(&home)
        .args(["bookmarks", "export", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("## عنوان") && md.contains("> الفقرة الثانية") && md.contains("orphaned"),
        "{md}"
    );
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn an_unwritable_data_folder_gives_a_read_only_session() {
    let home = home("readonly");
    let file = article(&home);
    // XDG_DATA_HOME under a regular file: the folder can never be created (even as root).
    std::fs::write(home.join("blocker"), b"not a folder").unwrap();
    let run = |args: &[&str]| {
        let mut cmd = qari(&home);
        cmd.env("XDG_DATA_HOME", home.join("blocker/data"));
        cmd.args(args).output().unwrap()
    };
    let out = run(&["bookmarks", "list"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("will not be saved"), "{stderr}");
    let out = run(&[
        "bookmarks",
        "add",
        file.to_str().unwrap(),
        "--paragraph",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("read-only"));
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn bookmarks_follow_a_collection_that_moved() {
    let home = home("moved");
    let old = home.join("news");
    std::fs::create_dir_all(old.join("2015")).unwrap();
    let file = old.join("2015/a.txt");
    std::fs::write(&file, "عنوان\n\nالفقرة الأولى\n\nالفقرة الثانية\n").unwrap();
    let config = home.join("config/qari/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!("collection = {:?}\n", old.display().to_string()),
    )
    .unwrap();
    let out = qari(&home)
        .args(["bookmarks", "add"])
        .arg(&file)
        .args(["--paragraph", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The whole collection moves, and the config follows it.
    let new = home.join("archive");
    std::fs::rename(&old, &new).unwrap();
    std::fs::write(
        &config,
        format!("collection = {:?}\n", new.display().to_string()),
    )
    .unwrap();
    let all = list(&home);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["orphaned"], false);
    assert_eq!(all[0]["paragraph"], 2);
    assert!(
        all[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("archive/2015/a.txt"),
        "{}",
        all[0]["path"]
    );
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn a_version_1_database_is_migrated_without_losing_a_bookmark() {
    let home = home("migrate");
    let db = home.join("state.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE bookmarks(id INTEGER PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL,
                 paragraph INTEGER NOT NULL, fingerprint TEXT NOT NULL, excerpt TEXT NOT NULL,
                 note TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, orphaned INTEGER NOT NULL DEFAULT 0);
             CREATE INDEX bookmarks_path ON bookmarks(path);
             CREATE TABLE positions(path TEXT PRIMARY KEY, paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
                 state INTEGER NOT NULL, updated INTEGER NOT NULL);
             INSERT INTO bookmarks(path, title, paragraph, fingerprint, excerpt, note, created)
                 VALUES ('/x.txt', 'عنوان', 2, 'ff', 'نص', 'ملاحظة', 1700000000);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let opened = qari::store::Store::open(&db);
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    let all = opened.store.bookmarks().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (
            all[0].note.as_str(),
            all[0].paragraph.get(),
            all[0].rel_path.as_str()
        ),
        ("ملاحظة", 2, "")
    );
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 5, "every migration ran");
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn a_locked_database_is_waited_for_not_moved_aside() {
    let home = home("locked");
    let dir = home.join("data");
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("state.db");
    drop(qari::store::Store::open(&db));
    // Another process holds the database for a moment: opening it must wait, not call it
    // damaged.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        holder.execute_batch("COMMIT;").unwrap();
    });
    let opened = qari::store::Store::open(&db);
    release.join().unwrap();
    assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
    assert!(!opened.store.is_read_only());
    let moved: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .collect();
    assert!(moved.is_empty(), "a healthy database was moved aside");
    std::fs::remove_dir_all(home).ok();
}
