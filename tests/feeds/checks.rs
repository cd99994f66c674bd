//! Issue 25, item 6: what `import`, `save` and `feeds add` are given is checked, and what it
//! is said. A binary file is not imported; a page imported twice is saved once; `save` of a
//! feed says it is one; `feeds add` of a web page adds the feed the page links, or refuses a page
//! that links none (so that `update` does not fail on it ever after); a 404 or the same URL
//! twice is said as such, not as a clash of names.

use std::path::Path;

use crate::fixtures::{PAGE_A, fixtures, page, rss_full};
use crate::server::Reply;
use crate::{home, run};

/// A home whose config names a collection, `news/` in it.
fn home_with_collection(name: &str) -> std::path::PathBuf {
    let home = home(name);
    std::fs::write(
        home.join("config/qari/config.toml"),
        format!("collection = {:?}\n", home.join("news").to_str().unwrap()),
    )
    .unwrap();
    home
}

fn saved_files(home: &Path) -> usize {
    std::fs::read_dir(home.join("news/saved")).map_or(0, |d| d.flatten().count())
}

#[test]
fn import_refuses_a_binary_file_and_saves_a_page_once() {
    let home = home_with_collection("checks-import");
    let bin = home.join("photo.html");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1, 2, 0].repeat(100)).unwrap();
    let r = run(&home, &["import", bin.to_str().unwrap()]);
    assert!(!r.ok, "{}", r.stdout);
    assert!(
        r.stderr.contains("photo.html") && r.stderr.contains("binary"),
        "{}",
        r.stderr
    );
    assert_eq!(saved_files(&home), 0);

    // A page naming no URL of its own, imported twice (from two copies): saved once.
    let html = page(
        "مشروع القطار يربط المدن",
        &PAGE_A,
        "<meta charset=\"utf-8\">",
    );
    let (one, two) = (home.join("one.html"), home.join("two.html"));
    std::fs::write(&one, &html).unwrap();
    std::fs::write(&two, &html).unwrap();
    let first = run(&home, &["import", one.to_str().unwrap()]);
    assert!(first.ok, "{}", first.stderr);
    let again = run(&home, &["import", two.to_str().unwrap()]);
    assert!(
        !again.ok && again.stderr.contains("already saved"),
        "{}",
        again.stderr
    );
    assert_eq!(saved_files(&home), 1);
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn save_of_a_feed_says_it_is_one_and_saves_nothing() {
    let server = fixtures();
    let home = home_with_collection("checks-save");
    let url = server.url("/feed.xml");
    let r = run(&home, &["save", &url]);
    assert!(!r.ok, "{}", r.stdout);
    assert!(
        r.stderr.contains("is a feed") && r.stderr.contains(&format!("qari feeds add {url}")),
        "{}",
        r.stderr
    );
    assert_eq!(saved_files(&home), 0);
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn feeds_add_takes_the_feed_a_page_links_and_refuses_what_is_no_feed() {
    let server = fixtures();
    server.xml("/linked.xml", &rss_full(""), None);
    let linking = page("الصفحة الرئيسية", &PAGE_A, "<meta charset=\"utf-8\">").replace(
        "<head>",
        "<head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/linked.xml\">",
    );
    for (path, body) in [
        ("/home.html", linking),
        (
            "/plain.html",
            page("صفحة", &PAGE_A, "<meta charset=\"utf-8\">"),
        ),
    ] {
        server.route(
            path,
            Reply::Ok {
                content_type: "text/html; charset=utf-8",
                body: body.into_bytes(),
                etag: None,
            },
        );
    }
    let home = home_with_collection("checks-add");
    // A page that links its feed: the feed is added, and said.
    let r = run(&home, &["feeds", "add", &server.url("/home.html")]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stderr.contains(&server.url("/linked.xml")),
        "{}",
        r.stderr
    );
    let list = run(&home, &["feeds", "list"]);
    assert!(
        list.stdout.contains(&server.url("/linked.xml")),
        "{}",
        list.stdout
    );
    assert!(!list.stdout.contains("home.html"), "{}", list.stdout);
    let update = run(&home, &["update"]);
    assert!(update.ok, "{}\n{}", update.stdout, update.stderr);
    // A page that links none is not added: `update` would fail on it ever after.
    let r = run(&home, &["feeds", "add", &server.url("/plain.html")]);
    assert!(!r.ok);
    assert!(
        r.stderr.contains("is not a feed") && r.stderr.contains("qari save"),
        "{}",
        r.stderr
    );
    // A 404: said, not a clash of names.
    for _ in 0..2 {
        let r = run(&home, &["feeds", "add", &server.url("/nothing.xml")]);
        assert!(!r.ok);
        assert!(
            r.stderr.contains("HTTP 404") && !r.stderr.contains("--name"),
            "{}",
            r.stderr
        );
    }
    // The same URL twice: said, whatever name it is given.
    let r = run(&home, &["feeds", "add", &server.url("/linked.xml")]);
    assert!(!r.ok);
    assert!(
        r.stderr.contains("already subscribed") && !r.stderr.contains("--name"),
        "{}",
        r.stderr
    );
    assert_eq!(run(&home, &["feeds", "list"]).stdout.lines().count(), 1);
    let update = run(&home, &["update"]);
    assert!(update.ok, "{}\n{}", update.stdout, update.stderr);
    std::fs::remove_dir_all(home).ok();
}
