//! The reader as readers expect it: one article opens at once over its folder, the paragraph
//! direction (majority per paragraph, a key to cycle it), next, previous and unread articles, and
//! Left and Right paging as the article reads.

use std::sync::Arc;

use crate::common::drive::{open_seed, press, reader};
use crate::{app, settings, temp_dir, write};
use qari::collection::{Collection, Progress};
use qari::text::{Direction, Options};
use qari::tui::App;
use qari::tui::app::Location;

// 15. One article: the reader at once, the library of its folder behind it.
#[test]
fn one_article_opens_in_the_reader_over_its_folder() {
    let dir = temp_dir("one");
    write(&dir, "a.txt", "الأول\n\nنص الأول\n");
    write(&dir, "b.txt", "الثاني\n\nنص الثاني\n");
    let mut app = App::new(settings(), (80, 16));
    app.loading(
        Arc::new(Progress::default()),
        Location {
            path: dir.clone(),
            cache: None,
        },
        None,
        None,
    );
    app.open_file(&dir.join("b.txt"));
    assert_eq!(reader(&app).article.title, "الثاني");
    app.loaded(Collection::load(&dir, None, &Progress::default()).unwrap());
    assert_eq!(reader(&app).article.title, "الثاني", "still reading");
    press(&mut app, "q");
    let library = app.library().unwrap();
    assert_eq!(library.order.len(), 2, "the whole folder");
    let c = app.session.collection.clone().unwrap();
    assert!(
        c.entries[library.current().unwrap()]
            .path
            .ends_with("b.txt")
    );
}

// The paragraph direction readers expect.
#[test]
fn majority_direction_per_paragraph() {
    let article = qari::collection::Article {
        path: "dir.txt".into(),
        title: "عنوان المقال".into(),
        paragraphs: vec![
            "\"Agri\" الكلمة اللاتينية التي تعني الحقل".into(),
            "This paragraph is in English, with one word: سلام.".into(),
            "Agri سلام".into(),
        ],
        meta: qari::collection::Meta::default(),
        encoding: "UTF-8".into(),
    };
    let options = |direction| Options {
        direction,
        shape: true,
    };
    let rtl = |direction| -> Vec<bool> {
        qari::page::ArticleLayout::new(&article, 60, options(direction))
            .blocks
            .iter()
            .map(|b| b.prepared.is_rtl())
            .collect()
    };
    // Unicode's rule: the first strong letter.
    assert_eq!(rtl(Direction::Auto), [true, false, false, false]);
    // The reader's: most letters; a tie (4 and 4) goes to the article's majority (Arabic).
    assert_eq!(rtl(Direction::Majority), [true, true, false, true]);
}

#[test]
fn the_direction_key_cycles_and_is_remembered() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    assert!(reader(&app).layout.blocks[1].prepared.is_rtl());
    press(&mut app, "D");
    assert_eq!(reader(&app).options.direction, Direction::Rtl);
    press(&mut app, "D");
    assert_eq!(reader(&app).options.direction, Direction::Ltr);
    assert!(!reader(&app).layout.blocks[1].prepared.is_rtl());
    press(&mut app, "q");
    open_seed(&mut app);
    assert_eq!(
        reader(&app).options.direction,
        Direction::Ltr,
        "kept with the reading position"
    );
    press(&mut app, "D");
    assert_eq!(reader(&app).options.direction, Direction::Majority);
}

// Navigation: next and previous article, next unread, read marks, Left and Right.
#[test]
fn next_previous_and_unread_articles() {
    let mut app = app(80, 16);
    press(&mut app, "Enter");
    let first = reader(&app).article.path.clone();
    press(&mut app, "J");
    let second = reader(&app).article.path.clone();
    assert_ne!(first, second);
    press(&mut app, "K");
    assert_eq!(reader(&app).article.path, first);
    press(&mut app, "K");
    assert!(app.session.message.as_deref().unwrap().contains("first"));
    // u: the next never opened (the first two were opened).
    press(&mut app, "u");
    let third = reader(&app).article.path.clone();
    assert!(third != first && third != second);
    press(&mut app, "q");
    // m marks the selected article read, then unread again.
    let c = app.session.collection.clone().unwrap();
    let selected = c.entries[app.library().unwrap().current().unwrap()]
        .path
        .clone();
    assert_eq!(selected, third);
    press(&mut app, "m");
    assert_eq!(
        app.session.reading.get(&third),
        Some(&qari::store::ReadState::Read)
    );
    press(&mut app, "m");
    assert_eq!(app.session.reading.get(&third), None);
}

#[test]
fn left_and_right_page_as_the_article_reads() {
    let mut app = app(80, 12);
    open_seed(&mut app);
    assert!(reader(&app).reads_rtl());
    press(&mut app, "Left");
    assert_eq!(reader(&app).page(), 1, "Left is the next page in Arabic");
    press(&mut app, "Right");
    assert_eq!(reader(&app).page(), 0);
    press(&mut app, "D D");
    assert!(!reader(&app).reads_rtl());
    press(&mut app, "Right");
    assert_eq!(
        reader(&app).page(),
        1,
        "Right is the next page left to right"
    );
}
