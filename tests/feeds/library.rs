//! `U` in the library: the feeds fetched in the background, the new articles in the library
//! without a restart, unread.

use std::sync::Arc;
use std::time::Duration;

use crate::common;
use crate::fixtures::rss_full;
use crate::home;
use crate::server::Server;

/// `U` in the library: the feeds fetched in the background, the new articles in the library
/// without a restart, unread.
#[test]
fn u_in_the_library_brings_the_new_articles_in() {
    let server = Server::start();
    server.xml("/full.xml", &rss_full(""), None);
    let dir = home("tui-update");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(news.join("old.txt"), "مقال قديم\n\nنص\n").unwrap();
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"full\"\n",
        news.to_str().unwrap(),
        server.url("/full.xml")
    ))
    .unwrap();
    let mut app = qari::tui::App::new(
        common::drive::settings(qari::text::Direction::Majority),
        (100, 20),
    );
    app.loading(
        Arc::new(qari::collection::Progress::default()),
        qari::tui::Location {
            path: news.clone(),
            cache: None,
        },
        None,
        None,
    );
    app.loaded(
        qari::collection::Collection::load(&news, None, &qari::collection::Progress::default())
            .unwrap(),
    );
    app.session.feeds = Some(qari::tui::feeds::FeedSetup {
        config,
        state: dir.join("state.db"),
    });
    common::drive::press(&mut app, "U");
    assert!(app.feeding.is_some(), "{:?}", app.session.message);
    let start = std::time::Instant::now();
    while app.feeding.is_some() || app.reloading.is_some() {
        assert!(start.elapsed() < Duration::from_secs(20), "never finished");
        std::thread::sleep(Duration::from_millis(10));
        app.tick();
    }
    let entries = &app.session.collection.as_ref().unwrap().entries;
    assert_eq!(entries.len(), 4, "the old article and three new ones");
    assert!(
        entries
            .iter()
            .any(|e| e.title.starts_with("افتتاح مستشفى «جديد»"))
    );
    assert!(
        entries
            .iter()
            .all(|e| !app.session.reading.contains_key(&e.path)),
        "new articles are unread"
    );
    std::fs::remove_dir_all(dir).ok();
}
