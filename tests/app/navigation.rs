//! Moving about: the library's list, the reader's pages and cursor, resizing, the help overlay,
//! and keys typed while the collection loads.

use crate::common;
use crate::common::drive::{open_seed, press, reader, type_text, wait_for_search};
use crate::{app, screen};
use qari::collection::Collection;
use qari::text::Direction;
use qari::tui::{App, Screen};

#[test]
fn library_moves_and_opens() {
    let mut app = app(100, 30);
    assert_eq!(app.library().unwrap().selected, 0);
    press(&mut app, "j j k");
    assert_eq!(app.library().unwrap().selected, 1);
    press(&mut app, "G");
    assert_eq!(app.library().unwrap().selected, 3);
    press(&mut app, "j");
    assert_eq!(app.library().unwrap().selected, 3, "stays on the last");
    open_seed(&mut app);
    assert!(reader(&app).article.title.starts_with("رئيس كازاخستان"));
    assert!(
        app.session
            .reading
            .keys()
            .any(|p| p.ends_with("000_8278b886b146244e.txt"))
    );
    press(&mut app, "q");
    assert!(matches!(app.screen(), Screen::Library(_)));
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn reader_pages_and_cursor() {
    let mut app = app(80, 12);
    open_seed(&mut app);
    let pages = reader(&app).pages();
    assert!(pages > 3, "{pages} pages");
    press(&mut app, "Space");
    assert_eq!(reader(&app).page(), 1);
    let cursor = reader(&app).cursor.index();
    assert!(cursor > 0, "the cursor follows the page");
    press(&mut app, "Backspace");
    assert_eq!(reader(&app).page(), 0);
    press(&mut app, "G");
    assert_eq!(reader(&app).page(), pages - 1);
    press(&mut app, "Space");
    assert_eq!(reader(&app).page(), pages - 1, "no page after the last");
    press(&mut app, "g");
    assert_eq!((reader(&app).page(), reader(&app).cursor.index()), (0, 0));
    // j walks the paragraphs; the page follows the cursor.
    for _ in 0..8 {
        press(&mut app, "j");
    }
    let r = reader(&app);
    assert_eq!(r.cursor.index(), 8);
    // The cursor's paragraph is shown whole (it fits on a page).
    let b = &r.layout.blocks[9];
    assert!(b.lines.len() <= r.height);
    assert!(r.top <= b.first_row && b.first_row + b.lines.len() <= r.top + r.height);
    press(&mut app, "k");
    assert_eq!(reader(&app).cursor.index(), 7);
}

#[test]
fn resize_keeps_the_cursor_paragraph_on_screen() {
    let mut app = app(100, 30);
    open_seed(&mut app);
    for _ in 0..10 {
        press(&mut app, "j");
    }
    app.resize(50, 12);
    let r = reader(&app);
    assert_eq!(r.cursor.index(), 10);
    let first = r.layout.blocks[11].first_row;
    assert!((r.page() * r.height..(r.page() + 1) * r.height).contains(&first));
    // The screen less three cells on each side, for the cursor and a bookmark's star.
    assert_eq!(r.layout.width, 44);
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut app = app(100, 30);
    press(&mut app, "?");
    assert!(app.overlay.is_some());
    press(&mut app, "j");
    assert_eq!(
        app.library().unwrap().selected,
        0,
        "keys do not reach the screen under the help"
    );
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
}

/// Issue 19: keys typed while the collection loads wait for the library, in order; leaving
/// does not wait.
#[test]
fn keys_typed_while_loading_reach_the_library_in_order() {
    let settings = common::drive::settings(Direction::Auto);
    let mut app = App::new(settings, (80, 16));
    press(&mut app, "/");
    assert!(app.prompt.is_none(), "no prompt before there is a library");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Loading(_)));
    app.loaded(Collection::builtin());
    wait_for_search(&mut app);
    // The search ran on the collection, with the query typed ahead.
    assert!(
        matches!(app.screen(), Screen::Results(_)),
        "{}",
        screen(&app, 80, 16)
    );

    let mut app = App::new(common::drive::settings(Direction::Auto), (80, 16));
    press(&mut app, "q");
    assert!(app.quit, "q quits at once while loading");
}
