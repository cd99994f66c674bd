//! Issue 25, item 7: `update_interval` in the config fetches the feeds by themselves while the
//! reader runs, in a thread (the screen keeps answering), the first time once the library is
//! there; not again before the interval is over. Off by default.

use std::sync::Arc;
use std::time::Duration;

use crate::common;
use crate::fixtures::rss_full;
use crate::home;
use crate::server::Server;

fn app_with(
    config: qari::config::Config,
    news: &std::path::Path,
    state: std::path::PathBuf,
) -> qari::tui::App {
    let mut app = qari::tui::App::new(
        common::drive::settings(qari::text::Direction::Majority),
        (100, 20),
    );
    app.loading(
        Arc::new(qari::collection::Progress::default()),
        qari::tui::Location {
            path: news.to_owned(),
            cache: None,
        },
        None,
        None,
    );
    app.loaded(
        qari::collection::Collection::load(news, None, &qari::collection::Progress::default())
            .unwrap(),
    );
    app.session.feeds = Some(qari::tui::feeds::FeedSetup { config, state });
    app
}

#[test]
fn update_interval_fetches_the_feeds_by_themselves_and_is_off_by_default() {
    let server = Server::start();
    server.xml("/full.xml", &rss_full(""), None);
    let dir = home("tui-interval");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(news.join("old.txt"), "مقال قديم\n\nنص\n").unwrap();
    let text = format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"full\"\n",
        news.to_str().unwrap(),
        server.url("/full.xml")
    );
    // Off by default: ticking fetches nothing.
    let config = qari::config::Config::parse(&text).unwrap();
    assert_eq!(config.update_interval, 0);
    let mut app = app_with(config, &news, dir.join("state.db"));
    app.tick();
    assert!(app.feeding.is_none());
    assert!(server.requests("/full.xml").is_empty());

    let config = qari::config::Config::parse(&format!("update_interval = 30\n{text}")).unwrap();
    let mut app = app_with(config, &news, dir.join("state.db"));
    app.tick();
    assert!(app.feeding.is_some(), "{:?}", app.session.message);
    // The fetch runs off the UI thread: the app answers keys meanwhile.
    common::drive::press(&mut app, "j");
    let start = std::time::Instant::now();
    while app.feeding.is_some() || app.reloading.is_some() {
        assert!(start.elapsed() < Duration::from_secs(20), "never finished");
        std::thread::sleep(Duration::from_millis(10));
        app.tick();
    }
    let entries = &app.session.collection.as_ref().unwrap().entries;
    assert_eq!(entries.len(), 4, "the old article and three new ones");
    // Not again before 30 minutes are over.
    app.tick();
    assert!(app.feeding.is_none());
    assert_eq!(server.requests("/full.xml").len(), 1);
    std::fs::remove_dir_all(dir).ok();
}
