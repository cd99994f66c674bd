//! A state database that is locked or cannot be read says so, naming the file and what
//! happened, instead of looking like a list with no bookmarks; nothing is written over it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{home, qari};
use crate::common::drive::{app_with, press, settings};
use qari::text::Direction;
use qari::tui::Screen;

/// A home with one bookmark saved in its state database: the database's path.
fn with_a_bookmark(home: &Path) -> PathBuf {
    let article = home.join("a.txt");
    std::fs::write(&article, "عنوان\n\nالفقرة الأولى\n\nالفقرة الثانية\n").unwrap();
    let out = qari(home)
        .args([
            "bookmarks",
            "add",
            article.to_str().unwrap(),
            "--paragraph",
            "1",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    home.join("data/qari/state.db")
}

/// Holds `db` locked (another program in an exclusive transaction) while `f` runs.
fn while_locked<T>(db: &Path, f: impl FnOnce() -> T) -> T {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
        .unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE; SELECT count(*) FROM bookmarks;")
        .unwrap();
    let out = f();
    conn.execute_batch("COMMIT").unwrap();
    out
}

fn bookmarks_list(home: &Path) -> (Option<i32>, String, String) {
    let out = qari(home).args(["bookmarks", "list"]).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_locked_state_database_is_an_error_not_an_empty_list() {
    let home = home("locked-state");
    let db = with_a_bookmark(&home);
    let (code, stdout, stderr) = while_locked(&db, || bookmarks_list(&home));
    assert_eq!(code, Some(2), "stdout {stdout:?}, stderr {stderr:?}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&db.display().to_string()) && stderr.contains("locked"),
        "{stderr}"
    );
    // Nothing was written over it: the bookmark is there once the lock is gone.
    let (code, stdout, _) = bookmarks_list(&home);
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[test]
fn an_unreadable_state_database_is_an_error_not_an_empty_list() {
    let home = home("unreadable-state");
    let db = home.join("data/qari/state.db");
    // A folder where the file should be: it cannot be opened, nor moved aside as damaged.
    std::fs::create_dir_all(&db).unwrap();
    let (code, stdout, stderr) = bookmarks_list(&home);
    assert_eq!(code, Some(2), "stdout {stdout:?}, stderr {stderr:?}");
    assert!(stderr.contains(&db.display().to_string()), "{stderr}");
    assert!(db.is_dir(), "it was replaced");
}

#[test]
fn the_bookmarks_screen_says_the_database_is_locked() {
    let home = home("locked-screen");
    let db = with_a_bookmark(&home);
    let mut app = app_with(settings(Direction::Auto), 80, 16);
    while_locked(&db, || {
        let opened = qari::store::Store::open(&db);
        app.attach_store(opened.store, &opened.warnings);
    });
    press(&mut app, "B");
    // The screen may read the bookmarks in the background: a moment to say what it found.
    for _ in 0..200 {
        app.tick();
        if app.session.message.is_some() && !matches!(app.screen(), Screen::Bookmarks(_)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let message = app.session.message.clone().unwrap_or_default();
    assert!(
        message.contains(&db.display().to_string()) && message.contains("locked"),
        "{message:?}"
    );
    if let Screen::Bookmarks(b) = app.screen() {
        panic!("an empty list of bookmarks shown: {} of them", b.all.len());
    }
}
