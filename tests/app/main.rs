//! The app driven by keystroke scripts (keys in, state out), and whole screens snapshot-tested on
//! ratatui's TestBackend. The snapshot tests are here, at the crate root, where their snapshots'
//! names (`app__name.snap`) come from; the modules check the rest, and share the helpers below.

#![allow(clippy::unwrap_used, clippy::string_slice)]

#[path = "../common/mod.rs"]
mod common;

mod bookmarks;
mod indexed;
mod navigation;
mod search;
mod snippets;

use common::drive::{open_seed, press, type_text, wait_for_search};
use qari::collection::Collection;
use qari::text::Direction;
use qari::tui::{App, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    common::drive::app_with(common::drive::settings(Direction::Auto), width, height)
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut out = String::new();
    for row in common::drive::rows(app, width, height) {
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn library_screen() {
    let _snapshots = common::snapshots_in_tests();
    let app = app(100, 8);
    insta::assert_snapshot!(screen(&app, 100, 8));
}

#[test]
fn reader_screen() {
    let _snapshots = common::snapshots_in_tests();
    let mut app = app(80, 16);
    open_seed(&mut app);
    insta::assert_snapshot!(screen(&app, 80, 16));
}

#[test]
fn help_screen() {
    let _snapshots = common::snapshots_in_tests();
    let mut app = app(80, 20);
    open_seed(&mut app);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app, 80, 20));
}

/// An app on a collection of `articles` (file name, text) written to a temp folder.
fn app_on(name: &str, articles: &[(&str, &str)], width: u16, height: u16) -> App {
    let dir = std::env::temp_dir().join(format!("qari-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in articles {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let collection = Collection::load(&dir, None, &qari::collection::Progress::default()).unwrap();
    let mut app = app(width, height);
    app.loaded(collection);
    app
}

/// Searches the collection for `query` and waits for the results screen.
fn search_collection<'a>(app: &'a mut App, query: &str) -> &'a qari::tui::results::ResultsView {
    press(app, "/");
    type_text(app, query);
    press(app, "Enter");
    wait_for_search(app);
    let Screen::Results(r) = app.screen() else {
        panic!("no results: {:?}", app.session.message)
    };
    r
}

/// Row `y` of `app` drawn at `width` x `height`, cell by cell.
fn row_cells(app: &App, width: u16, height: u16, y: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..width)
        .map(|x| buffer[(x, y)].symbol().to_owned())
        .collect()
}

/// An app over `collection` with the interface in Arabic, and a state database.
fn app_ar_over(collection: Collection, width: u16, height: u16) -> App {
    let msgs = qari::i18n::Messages::new(qari::i18n::Lang::Ar);
    let settings = common::drive::settings_in(Direction::Auto, msgs);
    let mut app = App::new(settings, (width, height));
    app.loaded(collection);
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app
}

fn app_ar(width: u16, height: u16) -> App {
    app_ar_over(Collection::builtin(), width, height)
}

/// Issue 12: every screen with the interface in Arabic, at 100×30 and 60×20: the chrome
/// mirrored (status lines from the right, marks and counts at the right, dates at the left),
/// Arabic-Indic digits in counters and dates, no English word but file and key names.
#[test]
fn arabic_screens() {
    let _snapshots = common::snapshots_in_tests();
    for (w, h) in [(100, 30), (60, 20)] {
        let name = |screen: &str| format!("ar_{screen}_{w}x{h}");
        let mut app = app_ar(w, h);
        insta::assert_snapshot!(name("library"), screen(&app, w, h));
        press(&mut app, "/");
        type_text(&mut app, "كازاخستان");
        press(&mut app, "Enter");
        wait_for_search(&mut app);
        insta::assert_snapshot!(name("results"), screen(&app, w, h));
        press(&mut app, "Enter");
        // The reader at the first match, the next paragraph bookmarked.
        press(&mut app, "j b");
        insta::assert_snapshot!(name("reader"), screen(&app, w, h));
        press(&mut app, "?");
        insta::assert_snapshot!(name("help"), screen(&app, w, h));
        press(&mut app, "Esc B");
        insta::assert_snapshot!(name("bookmarks"), screen(&app, w, h));

        let dir = std::env::temp_dir().join(format!("qari-app-ar-{w}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("مقال.txt"), "عنوان\n\nنص\n").unwrap();
        std::fs::write(dir.join("empty.txt"), b"").unwrap();
        std::fs::write(dir.join("binary.txt"), b"\0\0\0abc").unwrap();
        let progress = qari::collection::Progress::default();
        let collection = Collection::load(&dir, None, &progress).unwrap();
        let mut app = app_ar_over(collection, w, h);
        let shown = screen(&app, w, h).replace(&dir.display().to_string(), "TMP");
        insta::assert_snapshot!(name("skipped_message"), shown);
        press(&mut app, "S");
        let shown = screen(&app, w, h).replace(&dir.display().to_string(), "TMP");
        insta::assert_snapshot!(name("skipped"), shown);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The library's dates in the Hijri calendar, and counters in Latin digits when asked
/// (`calendar = "hijri"`, `digits = "latin"`); the articles' own digits never change.
#[test]
fn arabic_dates_can_be_hijri_and_digits_latin() {
    use qari::i18n::{Calendar, Digits, Lang, Messages};
    use qari::text::{Options, Prepared};
    let visual = |text: &str| {
        let p = Prepared::new(text, Options::default());
        let lines = p.wrap(text, usize::MAX);
        p.visual(&lines[0]).text
    };
    let msgs = Messages::new(Lang::Ar).with_calendar(Calendar::Hijri);
    let settings = common::drive::settings_in(Direction::Auto, msgs);
    let app = common::drive::app_with(settings, 100, 8);
    let shown = screen(&app, 100, 8);
    // 2024-02-14 is 4 Sha'ban 1445.
    assert!(shown.contains(&visual("٤ شعبان ١٤٤٥")), "{shown}");
    assert!(
        shown.contains("%3.5"),
        "the title's digits changed:\n{shown}"
    );

    let msgs = Messages::new(Lang::Ar).with_digits(Digits::Latin);
    let settings = common::drive::settings_in(Direction::Auto, msgs);
    let mut app = common::drive::app_with(settings, 100, 8);
    open_seed(&mut app);
    let status = common::drive::rows(&app, 100, 8).pop().unwrap();
    assert!(status.contains("1/16"), "{status}");
    assert!(!status.contains('١'), "{status}");
}
