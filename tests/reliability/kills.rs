//! The index when a writer dies, or is of another version. A `qari search` killed (-9) at any
//! point of a first index leaves an index that the next search completes without rebuilding,
//! exactly; an index of another version is replaced by renaming a new one into its place, while
//! another connection still has the old one open, and the old file is never written.

use std::path::Path;
use std::time::Duration;

use super::writers::{WORD, index_file, paths, rg, same, search};
use super::{articles, home};

fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
}

#[test]
fn a_writer_killed_anywhere_leaves_an_index_the_next_search_completes() {
    let home = home("kill");
    let root = articles(&home, 3000);
    let mut first: Option<u64> = None;
    for (round, ms) in [40u64, 150, 400, 800, 1500].into_iter().enumerate() {
        // Some files change between rounds, so each round has something to write.
        std::fs::write(
            root.join(format!("k{round}.txt")),
            format!("جولة {round}\n\n{WORD} تعلن\n"),
        )
        .unwrap();
        let mut child = search(&home, &root).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
        let out = search(&home, &root).output().unwrap();
        same(
            &paths(&out),
            &rg(&root, WORD),
            &format!("after a kill at {ms} ms"),
        );
        // Once made, the index is the same file: never deleted and made again.
        let now = inode(&index_file(&home));
        assert_eq!(*first.get_or_insert(now), now, "the index was made again");
    }
    // The monitor the searches started ends once its socket (under the home) is gone.
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn an_index_of_another_version_is_replaced_by_a_renamed_new_one() {
    let home = home("version");
    let root = articles(&home, 40);
    same(
        &paths(&search(&home, &root).output().unwrap()),
        &rg(&root, WORD),
        "first",
    );
    let file = index_file(&home);
    let old = rusqlite::Connection::open(&file).unwrap();
    old.execute("UPDATE meta SET value = '1' WHERE key = 'version'", [])
        .unwrap();
    let before = inode(&file);
    // Another connection reads the old file throughout.
    old.execute_batch("BEGIN").unwrap();
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM texts", [], |r| r.get(0))
            .unwrap()
    };
    let texts = count(&old);
    let out = search(&home, &root).output().unwrap();
    same(&paths(&out), &rg(&root, WORD), "rebuilt");
    assert_ne!(inode(&file), before, "made in place, not renamed into it");
    assert_eq!(count(&old), texts, "the old file changed under its reader");
    old.execute_batch("COMMIT").unwrap();
    drop(old);
    let left: Vec<String> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".new"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    same(
        &paths(&search(&home, &root).output().unwrap()),
        &rg(&root, WORD),
        "after",
    );
}
