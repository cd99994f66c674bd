//! What comes of a feed's items: corpus articles through RSS keep their title and paragraphs, and
//! an item without GUID or link (or a link with a tracking parameter) is saved once.

use std::time::Duration;

use crate::common;
use crate::fixtures::escape;
use crate::server::Server;
use crate::{home, read};

/// Corpus articles through an RSS feed come back with the same title and paragraphs.
#[test]
fn corpus_articles_round_trip() {
    let Some(shared) = common::shared() else {
        return;
    };
    let plain = |s: &str| {
        !s.contains(['*', '`', '_', '[', '#', '<', '>', '&']) && !s.chars().any(char::is_control)
    };
    let articles: Vec<(String, Vec<String>)> = common::corpus_files(&shared)
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let mut lines = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "));
            let title = lines.next().unwrap();
            (title, lines.collect::<Vec<_>>())
        })
        .filter(|(t, p)| plain(t) && !p.is_empty() && p.iter().all(|p| plain(p)))
        .take(30)
        .collect();
    let items: String = articles
        .iter()
        .enumerate()
        .map(|(i, (title, paras))| {
            let html: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!(
                "<item><title>{}</title><link>http://127.0.0.1/c/{i}</link><guid>c-{i}</guid><content:encoded><![CDATA[{html}]]></content:encoded></item>",
                escape(title)
            )
        })
        .collect();
    let server = Server::start();
    server.xml(
        "/corpus.xml",
        &format!("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>corpus</title>{items}</channel></rss>"),
        None,
    );
    let dir = home("corpus");
    let news = dir.join("news");
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"corpus\"\n",
        news.to_str().unwrap(),
        server.url("/corpus.xml")
    ))
    .unwrap();
    let mut store = qari::store::Store::in_memory().unwrap();
    let report = qari::feeds::update_with(
        &config,
        &mut store,
        &qari::feeds::FetchOptions::default(),
        &qari::collection::Progress::default(),
        &mut |_| {},
    )
    .unwrap();
    let new = &report.feeds[0].new;
    assert_eq!(new.len(), articles.len(), "{:?}", report.feeds[0]);
    for (path, (title, paras)) in new.iter().zip(&articles) {
        let a = read(path);
        assert_eq!(&a.title, title);
        assert_eq!(&a.paragraphs, paras, "{}", path.display());
    }
    std::fs::remove_dir_all(dir).ok();
}

/// An item with neither GUID nor link is saved once, not on every update; a page's URL with a
/// tracking parameter is the same page.
#[test]
fn items_without_guid_or_link_are_saved_once() {
    let server = Server::start();
    server.xml(
        "/bare.xml",
        "<rss version=\"2.0\"><channel><title>عار</title>\
         <item><title>خبر بلا رابط</title><description>نص الخبر كاملا.</description></item>\
         <item><title>خبر برابط</title><link>http://127.0.0.1:1/x?utm_source=rss</link><guid>g</guid><description>نص.</description></item>\
         </channel></rss>",
        None,
    );
    let dir = home("bare");
    let config = qari::config::Config::parse(&format!(
        "collection = {:?}\n[[feeds]]\nurl = {:?}\nname = \"bare\"\n",
        dir.join("news").to_str().unwrap(),
        server.url("/bare.xml")
    ))
    .unwrap();
    let mut store = qari::store::Store::in_memory().unwrap();
    let options = qari::feeds::FetchOptions {
        timeout: Duration::from_secs(2),
        ..Default::default()
    };
    let mut update = || {
        qari::feeds::update_with(
            &config,
            &mut store,
            &options,
            &qari::collection::Progress::default(),
            &mut |_| {},
        )
        .unwrap()
    };
    let first = update();
    assert_eq!(first.feeds[0].new.len(), 2, "{:?}", first.feeds[0]);
    let second = update();
    assert_eq!(second.feeds[0].new.len(), 0, "{:?}", second.feeds[0]);
    assert!(
        store
            .saved_path("", "", "http://127.0.0.1:1/x")
            .unwrap()
            .is_some()
    );
    std::fs::remove_dir_all(dir).ok();
}
