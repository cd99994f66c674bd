//! What a new user met (issue 9): each defect as a keystroke script on the app, its screen
//! drawn on ratatui's TestBackend, or the binary run; and the navigation readers expect. The
//! snapshot test is here, at the crate root, where its snapshots' names (`new_user__name.snap`)
//! come from; the modules check the rest, with the helpers below.

#![allow(clippy::unwrap_used, clippy::string_slice)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

#[path = "../common/mod.rs"]
mod common;

mod chrome;
mod command_line;
mod feeds_screen;
mod library;
mod reading;
mod scrolling;
mod skipped;

use common::drive::{open_seed, press, type_text, wait_for_search};
use qari::collection::{Collection, Progress};
use qari::text::{Direction, Options, Prepared};
use qari::tui::app::Location;
use qari::tui::{App, Settings};

fn settings() -> Settings {
    common::drive::settings(Direction::Majority)
}

fn app(width: u16, height: u16) -> App {
    let mut app = common::drive::app_with(settings(), width, height);
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app
}

fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.session.size;
    common::drive::rows(app, w, h)
}

fn status(app: &App) -> String {
    screen(app).last().unwrap().trim().to_owned()
}

/// `text` as the engine lays it out on one line: what the screen must show for it.
fn visual(text: &str) -> String {
    let options = Options {
        direction: Direction::Auto,
        shape: true,
    };
    let p = Prepared::new(text, options);
    let lines = p.wrap(text, usize::MAX);
    p.visual(&lines[0]).text
}

fn temp_dir(name: &str) -> PathBuf {
    // The id padded to five digits: the snapshots show the path, redacted, and its width.
    let dir = std::env::temp_dir().join(format!("qari-newuser-{name}-{:05}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// An app over a collection in a folder.
fn app_over(dir: &Path, width: u16, height: u16) -> App {
    let mut app = App::new(settings(), (width, height));
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app.loading(
        Arc::new(Progress::default()),
        Location {
            path: dir.to_owned(),
            cache: None,
        },
        None,
        None,
    );
    app.loaded(Collection::load(dir, None, &Progress::default()).unwrap());
    app
}

// 3, as whole screens: Arabic in a message, a prompt, a filter label and a skipped file's name.
#[test]
fn arabic_in_the_chrome_snapshots() {
    let _snapshots = common::snapshots_in_tests();
    let mut app = app(70, 8);
    press(&mut app, "/");
    type_text(&mut app, "غيرموجودةكلمة");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    insta::assert_snapshot!("message", screen(&app).join("\n"));
    press(&mut app, "/");
    type_text(&mut app, "الحكومة التونسية");
    insta::assert_snapshot!("prompt", screen(&app).join("\n"));
    press(&mut app, "Esc");
    open_seed(&mut app);
    press(&mut app, "b B /");
    type_text(&mut app, "الدستوري");
    press(&mut app, "Enter");
    // The bookmark's date is the pinned clock's local day (2 March in UTC+3).
    let shown = screen(&app).join("\n");
    assert!(shown.contains("2026-03-02"), "{shown}");
    insta::assert_snapshot!("filter", shown);

    let dir = temp_dir("skipped");
    write(&dir, "مقال.txt", "عنوان\n\nنص\n");
    std::fs::write(dir.join("أخبار فارغة.txt"), b"").unwrap();
    let mut app = app_over(&dir, 70, 8);
    press(&mut app, "S");
    let shown = screen(&app).join("\n");
    // The path is laid out by the engine (the Arabic name shaped, right to left), not typed order.
    assert!(!shown.contains("أخبار فارغة"), "{shown}");
    let redacted = shown.replace(&visual(&dir.display().to_string()), "TMP");
    insta::assert_snapshot!("skipped", redacted);
}
