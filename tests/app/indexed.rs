//! Results from the search index: only the snippets in view are read, a result whose file is
//! gone stays listed and says why, and a search in progress shows it and Esc cancels it.

use crate::common::drive::{press, type_text};
use crate::{app_on, row_cells, search_collection};
use qari::tui::{App, Screen};

/// [`app_on`] with a search index for the collection, in a folder of its own.
fn app_indexed(name: &str, articles: &[(&str, &str)], width: u16, height: u16) -> App {
    let mut app = app_on(name, articles, width, height);
    let dir = std::env::temp_dir().join(format!("qari-app-{name}-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    app.session.index_file = Some(dir.join("index.db"));
    app
}

/// Twelve articles that all hold "كلمة", the twelfth most often; the first also in its title.
fn many_articles() -> Vec<(String, String)> {
    (1..=12)
        .map(|i| {
            let title = if i == 1 {
                "كلمة أولى".to_owned()
            } else {
                format!("عنوان {i}")
            };
            let words = vec!["كلمةٌ"; i].join(" و");
            (
                format!("{i:02}.txt"),
                format!("{title}\n\nفي هذا النص {words} أخيرا.\n"),
            )
        })
        .collect()
}

#[test]
fn indexed_results_read_only_the_snippets_in_view() {
    let articles = many_articles();
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    // Six rows of results: three results on screen.
    let mut app = app_indexed("lazy", &articles, 60, 8);
    let r = search_collection(&mut app, "كلمه").clone();
    let entries = &app.session.collection.as_ref().unwrap().entries;
    let titles: Vec<&str> = r
        .items
        .iter()
        .map(|i| entries[i.entry].title.as_str())
        .collect();
    // More matches in one paragraph first (the word is in every article: its one match in
    // the first one's title does not outweigh twelve in a paragraph).
    assert_eq!(titles[..3], ["عنوان 12", "عنوان 11", "عنوان 10"]);
    assert_eq!(r.items[0].hits, 12);
    let read = |r: &qari::tui::results::ResultsView| -> Vec<bool> {
        r.items.iter().map(|i| i.excerpt_text().is_some()).collect()
    };
    assert_eq!(read(&r), [[true; 3].as_slice(), &[false; 9]].concat());
    assert!(
        r.items[0].snippet.contains("كلمةٌ"),
        "{}",
        r.items[0].snippet
    );
    // Moving down brings the next one into view, and only it is read.
    press(&mut app, "j j j");
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert_eq!(read(r), [[true; 4].as_slice(), &[false; 8]].concat());
    // The last screenful, at once.
    press(&mut app, "G");
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert!(read(r)[9..].iter().all(|&b| b));
    assert!(!r.items[11].marks.is_empty());
    // Taller: the rows that come into view are read.
    press(&mut app, "g");
    app.resize(60, 14);
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert!(read(r)[..6].iter().all(|&b| b));
}

#[test]
fn an_indexed_result_whose_file_is_gone_stays_and_says_why() {
    let articles = many_articles();
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let mut app = app_indexed("gone", &articles, 60, 8);
    let r = search_collection(&mut app, "كلمه").clone();
    let c = app.session.collection.clone().unwrap();
    // The last result (one match, not on screen yet) is deleted after the search.
    let last = r.items.last().unwrap().entry;
    std::fs::remove_file(&c.entries[last].path).unwrap();
    press(&mut app, "G");
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert_eq!(r.items.len(), 12, "still listed");
    let item = r.items.last().unwrap();
    assert!(matches!(
        item.excerpt,
        qari::tui::results::Excerpt::Unreadable(_)
    ));
    assert!(item.snippet.is_empty() && item.marks.is_empty());
    // Its row says why instead of a snippet; opening it says so and stays.
    let row: String = row_cells(&app, 60, 8, 6).concat();
    assert!(row.contains("os error 2"), "{row}");
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Results(_)));
    let message = app.session.message.clone().unwrap_or_default();
    assert!(message.contains("os error 2"), "{message}");
    // A new search no longer finds it.
    let r = search_collection(&mut app, "كلمه");
    assert_eq!(r.items.len(), 11);
}

#[test]
fn an_indexed_search_shows_its_progress_and_esc_cancels_it() {
    let articles = many_articles();
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let mut app = app_indexed("cancel", &articles, 60, 8);
    press(&mut app, "/");
    type_text(&mut app, "كلمه");
    press(&mut app, "Enter");
    assert!(app.job.is_some());
    let status: String = row_cells(&app, 60, 8, 7).concat();
    assert!(status.contains("Searching"), "{status}");
    press(&mut app, "Esc");
    assert!(app.job.is_none());
    assert!(matches!(app.screen(), Screen::Library(_)));
    assert_eq!(app.session.message.as_deref(), Some("search cancelled"));
}
