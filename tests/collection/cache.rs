//! The library's cache: the replaced-bytes count kept in it, an old format not read, used and
//! refreshed, the entries in path byte order with or without it, changes read in their places,
//! and a damaged cache read again from the files.

use std::path::{Path, PathBuf};

use qari::collection::{Collection, Progress};

use crate::{damaged_collection, temp_dir, write};

#[test]
fn the_replaced_count_is_cached() {
    let dir = damaged_collection("damaged-cache");
    let cache = dir.join("cache/library.tsv");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let second = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(first.entries, second.entries);
    let three = second
        .entries
        .iter()
        .find(|e| e.path.ends_with("three.txt"));
    assert_eq!(three.unwrap().replaced, 3);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_cache_in_the_old_format_is_not_read() {
    let dir = temp_dir("old-cache");
    write(&dir, "a.txt", "الأول\n\nنص\n".as_bytes());
    let path = dir.join("a.txt");
    let meta = std::fs::metadata(&path).unwrap();
    let mtime = meta
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    // Version 1 had no count of replaced sequences; this line is current for the file.
    let old = format!(
        "qari library cache 1\n{}\t{mtime}\t1\tUTF-8\tstale title\t\t\t\t\t{}\n",
        meta.len(),
        path.display()
    );
    write(&dir, "cache/library.tsv", old.as_bytes());
    let cache = dir.join("cache/library.tsv");
    let c = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(c.entries[0].title, "الأول");
    assert!(
        std::fs::read(&cache)
            .unwrap()
            .starts_with(b"qari library cache 3\n")
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_cache_is_used_and_refreshed() {
    let dir = temp_dir("cache");
    write(&dir, "a.txt", "الأول\n\nنص\n".as_bytes());
    let cache = dir.join("cache/library.tsv");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(first.entries[0].title, "الأول");
    assert!(cache.exists());
    let second = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(first.entries, second.entries);
    // A changed file is read again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(&dir, "a.txt", "الثاني\tمع تبويب\n\nنص أطول\n".as_bytes());
    let third = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(third.entries[0].title, "الثاني\tمع تبويب");
    let fourth = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(third.entries, fourth.entries);
    std::fs::remove_dir_all(dir).ok();
}

/// Folders whose files interleave by path bytes ("a.b/" before "a/", a folder's files around
/// its subfolder's), with the front matter that the cache must keep.
fn tangled_collection(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for (i, file) in [
        "z.txt",
        "a.txt",
        "m/x.txt",
        "m/sub/y.md",
        "m/a.txt",
        "a.b/q.txt",
        "a/q.txt",
        "n.txt",
    ]
    .iter()
    .enumerate()
    {
        let text = if Path::new(file).extension().is_some_and(|e| e == "md") {
            format!("---\ntitle: عنوان {i}\ndate: 2024-01-0{i}\nsource: مصدر\n---\n\nنص\n")
        } else {
            format!("عنوان {i}\n\nنص\n")
        };
        write(&dir, file, text.as_bytes());
    }
    dir
}

fn paths(c: &Collection, root: &Path) -> Vec<String> {
    c.entries
        .iter()
        .map(|e| e.path.strip_prefix(root).unwrap().display().to_string())
        .collect()
}

#[test]
fn entries_are_in_path_byte_order_with_or_without_the_cache() {
    let dir = tangled_collection("order");
    let cache = dir.join("cache/library.cache");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let expected = [
        "a.b/q.txt",
        "a.txt",
        "a/q.txt",
        "m/a.txt",
        "m/sub/y.md",
        "m/x.txt",
        "n.txt",
        "z.txt",
    ];
    assert_eq!(paths(&first, &dir), expected);
    let second = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(second.entries, first.entries);
    let md = second.entries.iter().find(|e| e.path.ends_with("y.md"));
    assert_eq!(md.unwrap().meta.source.as_deref(), Some("مصدر"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn changes_are_read_in_their_places_and_the_cache_kept_when_none() {
    let dir = tangled_collection("changes");
    let cache = dir.join("cache/library.cache");
    Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    // Nothing changed: the cache is not written again.
    let written = std::fs::metadata(&cache).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let progress = Progress::default();
    Collection::load(&dir, Some(&cache), &progress).unwrap();
    assert_eq!(
        std::fs::metadata(&cache).unwrap().modified().unwrap(),
        written
    );
    assert_eq!(progress.done.load(std::sync::atomic::Ordering::Relaxed), 8);
    // One file changed, one added between cached ones, one removed, one now unreadable.
    write(&dir, "m/x.txt", "عنوان جديد أطول\n\nنص\n".as_bytes());
    write(&dir, "m/b.txt", "مقال جديد\n\nنص\n".as_bytes());
    std::fs::remove_file(dir.join("a/q.txt")).unwrap();
    write(&dir, "n.txt", b"");
    let changed = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let fresh = Collection::load(&dir, None, &Progress::default()).unwrap();
    assert_eq!(changed.entries, fresh.entries);
    assert_eq!(
        paths(&changed, &dir),
        [
            "a.b/q.txt",
            "a.txt",
            "m/a.txt",
            "m/b.txt",
            "m/sub/y.md",
            "m/x.txt",
            "z.txt"
        ]
    );
    assert_eq!(changed.entries[5].title, "عنوان جديد أطول");
    assert_eq!(changed.skipped.len(), 1);
    assert!(changed.skipped[0].path.ends_with("n.txt"));
    // What was written is what the next load reads.
    let again = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(again.entries, fresh.entries);
    // A file that cannot be read is read again each time, but changes nothing in the cache.
    let written = std::fs::metadata(&cache).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let once_more = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(once_more.skipped.len(), 1);
    assert_eq!(
        std::fs::metadata(&cache).unwrap().modified().unwrap(),
        written
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_damaged_cache_is_read_again_from_the_files() {
    let dir = tangled_collection("damaged");
    let cache = dir.join("cache/library.cache");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let bytes = std::fs::read(&cache).unwrap();
    for damaged in [
        bytes[..bytes.len() / 2].to_vec(),
        bytes.iter().map(|b| b ^ 0x55).collect(),
        b"garbage".to_vec(),
    ] {
        std::fs::write(&cache, &damaged).unwrap();
        let again = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
        assert_eq!(again.entries, first.entries);
        assert_eq!(
            std::fs::read(&cache).unwrap(),
            bytes,
            "the cache is written anew"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}
