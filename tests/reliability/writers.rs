//! The index with other connections at once. A write that must wait (another connection is in
//! a transaction) waits: the index is never deleted under it. Two writers at once, in two
//! processes or two threads of one (the reader's abandoned first build and a new search), each
//! give the exact answer, `rg -l -F`'s, and leave an index that gives it too.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::{articles, home, qari};

pub const WORD: &str = "الوزارة";

/// The index file of the only collection searched under `home`.
pub fn index_file(home: &Path) -> PathBuf {
    std::fs::read_dir(home.join("data/qari"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "db")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("index-"))
        })
        .unwrap()
}

/// The files holding `word`, by `rg -l -F`, sorted.
pub fn rg(root: &Path, word: &str) -> Vec<String> {
    let out = Command::new("rg")
        .args(["-l", "-F", "--sort", "path", word])
        .arg(root)
        .output()
        .expect("rg (ripgrep) is needed");
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

/// `qari search -l --sort path`'s paths, sorted, after checking it said nothing on stderr.
pub fn paths(out: &Output) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(0) && stderr.is_empty(),
        "status {:?}, stderr {stderr}",
        out.status
    );
    let mut lines: Vec<String> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

/// Asserts that `got` is `expected`, saying how they differ (not the thousands of paths).
pub fn same(got: &[String], expected: &[String], what: &str) {
    if got != expected {
        let missing: Vec<&String> = expected
            .iter()
            .filter(|p| !got.contains(p))
            .take(3)
            .collect();
        let extra: Vec<&String> = got
            .iter()
            .filter(|p| !expected.contains(p))
            .take(3)
            .collect();
        panic!(
            "{what}: {} paths, not {}; missing {missing:?}, extra {extra:?}",
            got.len(),
            expected.len()
        );
    }
}

pub fn search(home: &Path, root: &Path) -> Command {
    let mut cmd = qari(home);
    cmd.args(["search", "-l", "--sort", "path", WORD])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
}

#[test]
fn a_busy_index_is_waited_for_never_deleted() {
    let home = home("busy");
    let root = articles(&home, 40);
    same(
        &paths(&search(&home, &root).output().unwrap()),
        &rg(&root, WORD),
        "first",
    );
    let file = index_file(&home);
    let before = inode(&file);
    // A new article: the next search must write.
    std::fs::write(root.join("new.txt"), format!("جديد\n\n{WORD} تعلن\n")).unwrap();
    // Another connection writes for longer than SQLite's wait (10 s) before it commits.
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute_batch(
        "BEGIN IMMEDIATE; INSERT OR REPLACE INTO meta(key, value) VALUES ('probe', 'kept')",
    )
    .unwrap();
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(11));
        conn.execute_batch("COMMIT").unwrap();
    });
    let out = search(&home, &root).output().unwrap();
    holder.join().unwrap();
    same(&paths(&out), &rg(&root, WORD), "while busy");
    assert_eq!(inode(&file), before, "the index was replaced");
    let probe: String = rusqlite::Connection::open(&file)
        .unwrap()
        .query_row("SELECT value FROM meta WHERE key = 'probe'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(probe, "kept", "the other connection's commit was lost");
}

#[test]
fn two_processes_writing_at_once_both_answer_exactly() {
    let home = home("two-processes");
    let root = articles(&home, 3000);
    for round in 0..2 {
        let a = search(&home, &root).spawn().unwrap();
        let b = search(&home, &root).spawn().unwrap();
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let expected = rg(&root, WORD);
        same(&paths(&a), &expected, &format!("round {round}, first"));
        same(&paths(&b), &expected, &format!("round {round}, second"));
        let after = paths(&search(&home, &root).output().unwrap());
        same(&after, &expected, &format!("round {round}, after both"));
        // Edits for the second round: some articles lose the word, some gain it.
        for i in (0..3000).step_by(7) {
            std::fs::write(
                root.join(format!("{i:04}.txt")),
                format!("تعديل {i}\n\nلا شيء هنا\n"),
            )
            .unwrap();
        }
        std::fs::write(root.join("added.txt"), format!("مضاف\n\n{WORD}\n")).unwrap();
    }
    // The monitor the searches started ends once its socket (under the home) is gone.
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn two_threads_writing_at_once_both_answer_exactly() {
    let home = home("two-threads");
    let root = std::fs::canonicalize(articles(&home, 3000)).unwrap();
    let index = home.join("index.db");
    let query = qari::search::Query::parse(WORD);
    let expected = rg(&root, WORD);
    let search = |progress: &qari::collection::Progress| {
        let found = qari::search::find_in_folder(&root, &query, &index, None, progress).unwrap();
        assert!(found.rebuilt.is_none(), "rebuilt: {:?}", found.rebuilt);
        let mut paths: Vec<String> = found
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        paths.sort();
        paths
    };
    let first = qari::collection::Progress::default();
    std::thread::scope(|s| {
        let a = s.spawn(|| search(&first));
        // The second starts once the first is building (as a new search after Esc does).
        while first.done.load(std::sync::atomic::Ordering::Relaxed) < 300 && !a.is_finished() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let b = s.spawn(|| search(&qari::collection::Progress::default()));
        same(&a.join().unwrap(), &expected, "first");
        same(&b.join().unwrap(), &expected, "second");
    });
    same(
        &search(&qari::collection::Progress::default()),
        &expected,
        "after both",
    );
}
