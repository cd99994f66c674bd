//! The index kept up to date: it follows added, changed and removed files, stays exact after
//! every kind of change (even one size and modification time would miss), and a damaged posting
//! list is an error, never an article silently lost.

use std::path::{Path, PathBuf};

use qari::collection::{Collection, Progress};
use qari::search::{Index, Query};

use crate::{brute_force, temp_dir, write_keeping_mtime};

#[test]
fn the_index_follows_added_changed_and_removed_files() {
    let dir = temp_dir("update");
    std::fs::write(dir.join("a.txt"), "أ\n\nمدينة الرياض\n").unwrap();
    std::fs::write(dir.join("b.txt"), "ب\n\nمدينة جدة\n").unwrap();
    let db = dir.join("index.db");
    let mut index = Index::open(&db).unwrap();
    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!(u.added, 2);
    assert_eq!(index.search(&Query::parse("مدينه")).unwrap().len(), 2);
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.join("b.txt"), "ب\n\nقرية\n").unwrap();
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    std::fs::write(dir.join("c.txt"), "ج\n\nالمدينة المنورة\n").unwrap();
    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!((u.added, u.changed, u.removed), (1, 1, 1));
    let found = index.search(&Query::parse("مدينة")).unwrap();
    assert_eq!(found, vec![dir.join("c.txt")]);
    drop(index);
    // A damaged file is rebuilt, not trusted.
    std::fs::write(
        &db,
        b"this is not a database at all, just some bytes that look wrong",
    )
    .unwrap();
    let _ = std::fs::remove_file(dir.join("index.db-wal"));
    let mut index = Index::open(&db).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!(u.added, 2);
    assert_eq!(
        index.search(&Query::parse("قرية")).unwrap(),
        vec![dir.join("b.txt")]
    );
    std::fs::remove_dir_all(dir).ok();
}

/// The articles now in `dir`, as (path, text), for [`brute_force`].
fn current(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    out.sort();
    out
}

/// Brings `index` up to date with `dir` and checks it against a scan, for every query.
fn assert_exact(index: &mut Index, dir: &Path, step: &str) -> qari::search::Updated {
    let c = Collection::load(dir, None, &Progress::default()).unwrap();
    let updated = index.update(&c, &Progress::default()).unwrap();
    let articles = current(dir);
    for q in ["مدينة", "قرية", "سوق", "الرياض", "في", "عنوان"] {
        let query = Query::parse(q);
        assert_eq!(
            index.search(&query).unwrap(),
            brute_force(&articles, &query),
            "{step}: {q}"
        );
    }
    updated
}

/// Lets the files' last changes age past the index's racy window, then updates: every file is
/// then recorded as trustworthy, so that the next change must be seen in its size, times or
/// inode (not merely read again for being recent).
fn settle(index: &mut Index, dir: &Path) {
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_exact(index, dir, "settled");
    let c = Collection::load(dir, None, &Progress::default()).unwrap();
    let u = index.update(&c, &Progress::default()).unwrap();
    assert_eq!(
        u.unchanged,
        c.entries.len(),
        "nothing is read again once settled"
    );
}

#[test]
fn the_index_is_exact_after_every_kind_of_change() {
    let dir = temp_dir("fresh");
    // Same length in bytes: مدينة and قريةي are both 10 bytes.
    std::fs::write(dir.join("a.txt"), "عنوان\n\nفي مدينة الرياض\n").unwrap();
    std::fs::write(dir.join("b.txt"), "عنوان\n\nفي سوق الرياض\n").unwrap();
    std::fs::write(dir.join("c.txt"), "عنوان\n\nفي قريةي صغيرة\n").unwrap();
    let db = dir.join("index.db");
    let mut index = Index::open(&db).unwrap();
    assert_exact(&mut index, &dir, "first index");
    let mtime = |p: &str| std::fs::metadata(dir.join(p)).unwrap().modified().unwrap();
    let changed = |u: qari::search::Updated| (u.added, u.changed, u.removed);

    // Edited in place: same size, and the modification time put back.
    settle(&mut index, &dir);
    let t = mtime("a.txt");
    write_keeping_mtime(&dir.join("a.txt"), "عنوان\n\nفي قريةي الرياض\n", t);
    assert_eq!(mtime("a.txt"), t);
    let u = assert_exact(&mut index, &dir, "edited in place");
    assert_eq!(changed(u), (0, 1, 0));

    // Replaced by rename: another file of the same size and time moved over it.
    settle(&mut index, &dir);
    let t = mtime("b.txt");
    write_keeping_mtime(&dir.join("b.tmp"), "عنوان\n\nفي مدينة الرياض\n", t);
    std::fs::rename(dir.join("b.tmp"), dir.join("b.txt")).unwrap();
    let u = assert_exact(&mut index, &dir, "replaced by rename");
    assert_eq!(changed(u), (0, 1, 0));

    // Added, deleted, touched (new times, same content: its text is kept).
    settle(&mut index, &dir);
    std::fs::write(dir.join("d.txt"), "عنوان\n\nسوق المدينة\n").unwrap();
    assert_eq!(changed(assert_exact(&mut index, &dir, "added")), (1, 0, 0));
    std::fs::remove_file(dir.join("c.txt")).unwrap();
    assert_eq!(
        changed(assert_exact(&mut index, &dir, "deleted")),
        (0, 0, 1)
    );
    settle(&mut index, &dir);
    let f = std::fs::File::options()
        .write(true)
        .open(dir.join("d.txt"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now()).unwrap();
    let u = assert_exact(&mut index, &dir, "touched");
    assert_eq!((changed(u.clone()), u.unchanged), ((0, 0, 0), 3));

    // Many small updates: their segments are merged along the way, and stay exact.
    for i in 0..20 {
        let word = ["مدينة", "قريةي", "سوقوق"][i % 3];
        std::fs::write(dir.join("a.txt"), format!("عنوان\n\nفي {word} الرياض\n")).unwrap();
        std::fs::write(
            dir.join(format!("n{i}.txt")),
            format!("عنوان {i}\n\n{word}\n"),
        )
        .unwrap();
        assert_exact(&mut index, &dir, &format!("update {i}"));
    }

    // A new process (the index read back from disk) agrees.
    drop(index);
    let mut index = Index::open(&db).unwrap();
    assert_exact(&mut index, &dir, "reopened");
    std::fs::remove_dir_all(dir).ok();
}

/// A posting list damaged on disk is an error (the index is then made again), never an article
/// silently lost: not when searched, and not when small segments are merged with it.
#[test]
fn a_damaged_list_is_an_error_not_a_lost_article() {
    let dir = temp_dir("damaged-list");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let a = articles.join("a.txt");
    std::fs::write(&a, "عنوان\n\nمدينة الرياض\n").unwrap();
    let db = dir.join("index.db");
    let mut index = Index::open(&db).unwrap();
    let load = || Collection::load(&articles, None, &Progress::default()).unwrap();
    index.update(&load(), &Progress::default()).unwrap();
    let query = Query::parse("مدينة");
    assert_eq!(index.search(&query).unwrap(), vec![a.clone()]);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE postings SET ids = x'ff'", [])
        .unwrap();
    assert!(index.search(&query).is_err());
    // Enough small updates for their segments to be merged with the damaged one.
    let mut failed = false;
    for i in 0..12 {
        std::fs::write(
            articles.join(format!("n{i}.txt")),
            format!("عنوان {i}\n\nقرية\n"),
        )
        .unwrap();
        if index.update(&load(), &Progress::default()).is_err() {
            failed = true;
            break;
        }
    }
    if !failed {
        match index.search(&query) {
            Err(_) => {}
            Ok(found) => assert!(found.contains(&a), "{found:?}"),
        }
    }
    std::fs::remove_dir_all(dir).ok();
}
