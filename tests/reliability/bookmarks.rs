//! The bookmarks screen opens at once, with its list, however long reading the bookmarked
//! articles takes: they are read (to re-attach each bookmark to its paragraph) in the
//! background. The article here is a named pipe that gives its text only once the screen is
//! shown, so a screen that read it first would never open (the writer gives up after 30 s).

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use super::home;
use crate::common::drive::{app_with, press, settings};
use qari::collection::{Article, ParagraphNo};
use qari::store::{Place, Store};
use qari::text::Direction;
use qari::tui::Screen;

#[test]
fn the_bookmarks_screen_shows_its_list_before_the_articles_are_read() {
    let home = home("bookmarks-background");
    let fifo = home.join("slow.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // As the pipe gives it: its two paragraphs swapped since they were bookmarked.
    let text = "عنوان\n\nفقرة ثانية\n\nفقرة أولى\n";
    let article = Article {
        path: fifo.clone(),
        title: "عنوان".into(),
        paragraphs: vec!["فقرة أولى".into(), "فقرة ثانية".into()],
        meta: qari::collection::Meta::default(),
        encoding: "UTF-8".into(),
    };
    let mut store = Store::in_memory().unwrap();
    for p in [1, 2] {
        store
            .add_bookmark(
                &Place {
                    article: &article,
                    root: None,
                    paragraph: ParagraphNo::new(p).unwrap(),
                },
                "",
            )
            .unwrap();
    }
    let (shown, told) = mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        let _ = told.recv_timeout(Duration::from_secs(30));
        let mut f = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
        f.write_all(text.as_bytes()).unwrap();
    });
    let mut app = app_with(settings(Direction::Auto), 80, 16);
    app.attach_store(store, &[]);
    press(&mut app, "B");
    let places = |app: &qari::tui::App| -> Vec<(String, usize)> {
        let Screen::Bookmarks(b) = app.screen() else {
            return Vec::new();
        };
        b.all
            .iter()
            .map(|b| (b.excerpt.clone(), b.paragraph.get()))
            .collect()
    };
    // At once: the list as saved (a screen that read the article first shows it re-attached,
    // after the writer gave up).
    let at_once = places(&app);
    let _ = shown.send(());
    assert_eq!(
        at_once,
        [("فقرة أولى".to_owned(), 1), ("فقرة ثانية".to_owned(), 2)],
        "the bookmarks screen did not open at once with its list"
    );
    writer.join().unwrap();
    // Once read, each bookmark is re-attached to where its paragraph is now.
    for _ in 0..500 {
        app.tick();
        if !app.reattaching() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(
        places(&app),
        [("فقرة ثانية".to_owned(), 1), ("فقرة أولى".to_owned(), 2)],
        "not re-attached"
    );
}
