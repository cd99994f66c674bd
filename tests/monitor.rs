//! The file monitor: what it answers after each kind of change (a file edited in place with its
//! times put back, replaced by rename, added, deleted, touched, a folder added or moved away, a
//! hard-linked or symbolically linked article), that a search of a folder through it stays
//! exactly a scan's, and that it ends when its collection is gone.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use qari::monitor::{Answer, Token};
use qari::search::{Index, Monitoring, Query, find_in_folder};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-monitor-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn exe() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_qari"))
}

/// The changed paths of an answer, as strings; panics on a reset.
fn changed(answer: Option<Answer>) -> (Token, Vec<String>) {
    match answer {
        Some(Answer::Changed { token, paths }) => (
            token,
            paths.iter().map(|p| p.display().to_string()).collect(),
        ),
        other => panic!("expected changes, got {other:?}"),
    }
}

/// Waits until no process runs the monitor of `socket`.
fn ended(socket: &Path) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let out = std::process::Command::new("pgrep")
            .args(["-f", &socket.display().to_string()])
            .output()
            .unwrap();
        if out.stdout.is_empty() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn the_monitor_names_every_kind_of_change() {
    let root = temp_dir("answers");
    let run = temp_dir("answers-run");
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::fs::write(root.join("a/one.txt"), "عنوان\n\nفي مدينة الرياض\n").unwrap();
    std::fs::write(root.join("a/two.txt"), "عنوان\n\nفي سوق الرياض\n").unwrap();
    std::fs::write(root.join("outside.txt"), "عنوان\n\nنص\n").unwrap();
    std::fs::hard_link(root.join("outside.txt"), root.join("a/linked.txt")).unwrap();
    let socket = qari::monitor::socket(&run, &root);

    // A first question: no token of this monitor, so every file must be looked at.
    let first = qari::monitor::start(&exe(), &socket, &root).unwrap();
    let Answer::Reset { token } = first else {
        panic!("a new monitor resets: {first:?}")
    };
    // A token of another epoch is not believed.
    let other = Token {
        epoch: token.epoch ^ 1,
        seq: token.seq,
    };
    assert!(matches!(
        qari::monitor::ask(&socket, &root, Some(other)),
        Some(Answer::Reset { .. })
    ));

    // Nothing changed: only the file with two names, which it can never vouch for.
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert_eq!(paths, ["a/linked.txt", "outside.txt"]);

    // Edited in place, its modification time put back.
    let t = std::fs::metadata(root.join("a/one.txt"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::write(root.join("a/one.txt"), "عنوان\n\nفي قرية الرياض\n").unwrap();
    std::fs::File::options()
        .write(true)
        .open(root.join("a/one.txt"))
        .unwrap()
        .set_modified(t)
        .unwrap();
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert_eq!(paths, ["a/linked.txt", "a/one.txt", "outside.txt"]);

    // Asked again: what was answered is not answered twice.
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert_eq!(paths, ["a/linked.txt", "outside.txt"]);

    // Replaced by rename; added; deleted; touched.
    std::fs::write(root.join("a/two.tmp"), "عنوان\n\nجديد\n").unwrap();
    std::fs::rename(root.join("a/two.tmp"), root.join("a/two.txt")).unwrap();
    std::fs::write(root.join("a/three.txt"), "عنوان\n\nثالث\n").unwrap();
    std::fs::remove_file(root.join("a/one.txt")).unwrap();
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert_eq!(
        paths,
        [
            "a/linked.txt",
            "a/one.txt",
            "a/three.txt",
            "a/two.tmp",
            "a/two.txt",
            "outside.txt"
        ]
    );
    std::fs::File::options()
        .write(true)
        .open(root.join("a/three.txt"))
        .unwrap()
        .set_modified(std::time::SystemTime::now())
        .unwrap();
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert!(paths.contains(&"a/three.txt".to_owned()), "{paths:?}");

    // A folder made with files in it at once, a symbolic link to an article, a folder moved
    // away: the folder is named (its files are walked), the link is never trusted.
    std::fs::create_dir_all(root.join("b/deep")).unwrap();
    std::fs::write(root.join("b/deep/x.txt"), "عنوان\n\nعميق\n").unwrap();
    std::os::unix::fs::symlink(root.join("a/three.txt"), root.join("b/link.txt")).unwrap();
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert!(paths.contains(&"b".to_owned()), "{paths:?}");
    // Changes inside the new folder are seen too: it is watched.
    std::fs::write(root.join("b/deep/x.txt"), "عنوان\n\nأعمق\n").unwrap();
    let (token, paths) = changed(qari::monitor::ask(&socket, &root, Some(token)));
    assert!(paths.contains(&"b/deep/x.txt".to_owned()), "{paths:?}");
    assert!(paths.contains(&"b/link.txt".to_owned()), "{paths:?}");
    // A folder moved: the paths under it changed, so the record starts again and the next
    // search looks at every file.
    std::fs::rename(root.join("b"), run.join("b-moved")).unwrap();
    assert!(matches!(
        qari::monitor::ask(&socket, &root, Some(token)),
        Some(Answer::Reset { .. })
    ));

    // Its collection deleted, the monitor ends.
    std::fs::remove_dir_all(&root).unwrap();
    assert!(ended(&socket), "the monitor still runs");
    std::fs::remove_dir_all(&run).ok();
}

/// The paths under `root` whose text holds `word` (a scan, for comparison).
fn scan(root: &Path, word: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt")
                && std::fs::read_to_string(&p).unwrap().contains(word)
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_search_through_the_monitor_is_exact_after_every_change() {
    let root = temp_dir("search");
    let home = temp_dir("search-home");
    // Large enough to be worth a monitor.
    for i in 0..qari::monitor::MIN_FILES {
        let dir = root.join(format!("{:02}", i % 20));
        std::fs::create_dir_all(&dir).unwrap();
        let word = if i % 7 == 0 { "مدينة" } else { "قرية" };
        std::fs::write(
            dir.join(format!("{i:05}.txt")),
            format!("عنوان {i}\n\nفي {word}\n"),
        )
        .unwrap();
    }
    let index_file = home.join("index.db");
    let monitoring = Monitoring {
        socket: qari::monitor::socket(&home, &root),
        exe: Some(exe()),
    };
    let word = "مدينة";
    let search = |step: &str| {
        let found = find_in_folder(
            &root,
            &Query::parse(word),
            &index_file,
            Some(&monitoring),
            &qari::collection::Progress::default(),
        )
        .unwrap();
        assert_eq!(found.paths, scan(&root, word), "{step}");
        assert!(
            step == "first"
                || Index::open(&index_file)
                    .unwrap()
                    .token()
                    .unwrap()
                    .0
                    .is_some(),
            "{step}: searched through the monitor"
        );
    };
    // The first search builds the index and starts the monitor, the second gets its token.
    search("first");
    search("second");
    assert!(
        Index::open(&index_file)
            .unwrap()
            .token()
            .unwrap()
            .0
            .is_some(),
        "the index keeps the monitor's token"
    );
    let file = |i: usize| root.join(format!("{:02}/{i:05}.txt", i % 20));

    let t = std::fs::metadata(file(1)).unwrap().modified().unwrap();
    std::fs::write(file(1), "عنوان 1\n\nفي مدينة\n").unwrap();
    std::fs::File::options()
        .write(true)
        .open(file(1))
        .unwrap()
        .set_modified(t)
        .unwrap();
    search("edited in place");
    std::fs::write(root.join("tmp"), "عنوان\n\nلا شيء\n").unwrap();
    std::fs::rename(root.join("tmp"), file(0)).unwrap();
    search("replaced by rename");
    std::fs::write(root.join("00/new.txt"), "عنوان\n\nمدينة جديدة\n").unwrap();
    search("added");
    std::fs::remove_file(file(7)).unwrap();
    search("deleted");
    std::fs::File::options()
        .write(true)
        .open(file(14))
        .unwrap()
        .set_modified(std::time::SystemTime::now())
        .unwrap();
    search("touched");
    std::fs::create_dir_all(root.join("new/deeper")).unwrap();
    std::fs::write(root.join("new/deeper/a.txt"), "عنوان\n\nمدينة\n").unwrap();
    search("folder added");
    std::fs::rename(root.join("01"), home.join("01")).unwrap();
    search("folder moved away");
    // A folder moved within the collection, then a file in it edited: under its new path.
    std::fs::create_dir_all(root.join("moved")).unwrap();
    std::fs::rename(root.join("02"), root.join("moved/02")).unwrap();
    search("folder moved within");
    std::fs::write(root.join("moved/02/00002.txt"), "عنوان\n\nمدينة\n").unwrap();
    search("edited in the moved folder");
    // A second name made inside the collection, then the file written through it: the first
    // name must show the change too.
    std::fs::hard_link(file(3), root.join("04/another-name.txt")).unwrap();
    search("hard link made");
    std::fs::write(root.join("04/another-name.txt"), "عنوان\n\nمدينة\n").unwrap();
    search("written through the other name");
    // The library writes the catalog from its own listing: the token no longer holds.
    let collection =
        qari::collection::Collection::load(&root, None, &qari::collection::Progress::default())
            .unwrap();
    let mut index = Index::open(&index_file).unwrap();
    std::fs::write(file(5), "عنوان\n\nمدينة مرة أخرى\n").unwrap();
    index
        .update(&collection, &qari::collection::Progress::default())
        .unwrap();
    assert_eq!(
        index.token().unwrap().0,
        None,
        "another writer drops the token"
    );
    drop(index);
    search("after another writer");

    let socket = monitoring.socket.clone();
    std::fs::remove_dir_all(&root).unwrap();
    assert!(ended(&socket), "the monitor still runs");
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn a_monitor_that_cannot_vouch_stops_and_says_why() {
    let root = temp_dir("refuse");
    let run = temp_dir("refuse-run");
    let outside = temp_dir("refuse-outside");
    std::fs::write(root.join("a.txt"), "عنوان\n\nمدينة\n").unwrap();
    std::fs::write(outside.join("b.txt"), "عنوان\n\nمدينة\n").unwrap();
    // A folder reached through a link: its changes may be outside the watched folders.
    std::os::unix::fs::symlink(&outside, root.join("linked")).unwrap();
    let socket = qari::monitor::socket(&run, &root);
    assert_eq!(qari::monitor::start(&exe(), &socket, &root), None);
    let why = std::fs::read_to_string(qari::monitor::ended_marker(&socket)).unwrap();
    assert!(why.contains("symbolic link to a folder"), "{why}");
    // Searches then look at every file, and start no monitor again for a while.
    let monitoring = Monitoring {
        socket: socket.clone(),
        exe: Some(exe()),
    };
    let found = find_in_folder(
        &root,
        &Query::parse("مدينة"),
        &run.join("index.db"),
        Some(&monitoring),
        &qari::collection::Progress::default(),
    )
    .unwrap();
    assert_eq!(found.paths, [root.join("a.txt"), root.join("linked/b.txt")]);
    assert!(ended(&socket));
    for dir in [root, run, outside] {
        std::fs::remove_dir_all(dir).ok();
    }
}
