//! The library's search: over the folder on disk (edits made after the library loaded), and as
//! the query is typed.

use qari::collection::{Collection, Progress};

use crate::common;
use crate::{job_results, temp_dir, write_keeping_mtime};

/// The library's search looks at the folder on disk, not at the collection as the library last
/// loaded it: an article edited in place since (the library's watcher does not look at each
/// file of a large folder) is found by its new words and no longer by its old ones.
#[test]
fn the_library_search_sees_edits_made_after_the_library_loaded() {
    let dir = temp_dir("library-stale");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for i in 0..30 {
        std::fs::write(
            articles.join(format!("{i:02}.txt")),
            format!("عنوان {i}\n\nنص قديم\n"),
        )
        .unwrap();
    }
    // Older than the index's racy window when first indexed, so that they are trusted as
    // recorded from then on (a recent file is read again anyway).
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let db = dir.join("index.db");
    let c = std::sync::Arc::new(Collection::load(&articles, None, &Progress::default()).unwrap());
    assert_eq!(job_results(&c, "قديم", &db).len(), 30);
    // Edited in place, size and modification time kept: only its change time tells.
    let edited = articles.join("07.txt");
    let mtime = std::fs::metadata(&edited).unwrap().modified().unwrap();
    write_keeping_mtime(&edited, "عنوان 7\n\nنص جديد\n", mtime);
    let new = job_results(&c, "جديد", &db);
    assert_eq!(new.len(), 1);
    assert_eq!(c.entries[new[0].entry].path, edited);
    assert_eq!(job_results(&c, "قديم", &db).len(), 29);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_library_searches_as_the_query_is_typed() {
    use common::drive::{app_with, press, settings, type_text, wait_for_search};
    use qari::tui::Screen;
    let dir = temp_dir("typed");
    for (file, text) in [
        ("a.txt", "مدينة الرياض\n\nخبر عن الرياض اليوم\n"),
        ("b.txt", "جدة\n\nخبر عن جدة اليوم\n"),
        ("c.txt", "خبر\n\nمن الرياض إلى جدة\n"),
    ] {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let mut app = app_with(settings(qari::text::Direction::Auto), 80, 24);
    app.loaded(Collection::load(&dir, None, &Progress::default()).unwrap());
    app.session.index_file = Some(temp_dir("typed-index").join("index.db"));
    let shown = |app: &qari::tui::App| -> Vec<String> {
        let Screen::Results(r) = app.screen() else {
            panic!("no results: {:?}", app.session.message)
        };
        let entries = &app.session.collection.as_ref().unwrap().entries;
        r.items
            .iter()
            .map(|i| {
                entries[i.entry]
                    .path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    press(&mut app, "/");
    type_text(&mut app, "الرياض");
    // Searching without Enter, the prompt still open for more.
    assert!(app.job.is_some() && app.prompt.is_some());
    wait_for_search(&mut app);
    assert!(app.prompt.is_some());
    // The title match first.
    assert_eq!(shown(&app), ["a.txt", "c.txt"]);
    // Each key a new search, the one before it cancelled: the results refine.
    type_text(&mut app, " جدة");
    wait_for_search(&mut app);
    assert_eq!(shown(&app), ["c.txt"]);
    // Enter keeps what was found as typed; Esc closes the results.
    press(&mut app, "Enter");
    assert!(app.prompt.is_none() && app.job.is_none());
    assert_eq!(shown(&app), ["c.txt"]);
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Library(_)));
    std::fs::remove_dir_all(dir).ok();
}
