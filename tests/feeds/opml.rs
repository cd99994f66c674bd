//! Issue 25, item 7: OPML out of `qari feeds export` and into `qari feeds import`, as other
//! readers write it (folders of outlines); a feed subscribed already is left alone.

use crate::{home, run};

#[test]
fn feeds_go_out_as_opml_and_come_back_in() {
    let from = home("opml-from");
    for (url, name) in [
        ("https://example.com/rss?a=1&b=2", "صحيفة \"الوئام\""),
        ("https://x.org/atom.xml", "X & Y"),
    ] {
        let r = run(&from, &["feeds", "add", url, "--name", name, "--no-check"]);
        assert!(r.ok, "{}", r.stderr);
    }
    let export = run(&from, &["feeds", "export"]);
    assert!(export.ok, "{}", export.stderr);
    assert!(export.stdout.starts_with("<?xml"), "{}", export.stdout);
    assert!(
        export
            .stdout
            .contains("xmlUrl=\"https://example.com/rss?a=1&amp;b=2\""),
        "{}",
        export.stdout
    );
    let to = home("opml-to");
    let file = to.join("feeds.opml");
    std::fs::write(&file, &export.stdout).unwrap();
    let r = run(&to, &["feeds", "import", file.to_str().unwrap()]);
    assert!(r.ok, "{}", r.stderr);
    assert!(
        r.stdout.contains("2 feeds added, 0 subscribed already"),
        "{}",
        r.stdout
    );
    assert_eq!(
        run(&to, &["feeds", "list"]).stdout,
        run(&from, &["feeds", "list"]).stdout
    );
    // Again: nothing added twice.
    let r = run(&to, &["feeds", "import", file.to_str().unwrap()]);
    assert!(
        r.stdout.contains("0 feeds added, 2 subscribed already"),
        "{}",
        r.stdout
    );

    // Another reader's export: feeds in folders, one without a name, one whose name is taken.
    let other = to.join("newsboat.opml");
    std::fs::write(
        &other,
        r#"<?xml version="1.0"?><opml version="1.0"><head/><body>
<outline text="عربي"><outline type="rss" text="X &amp; Y" xmlUrl="https://bbc.example/arabic.xml"/></outline>
<outline text="folder without feeds"/>
<outline type="rss" xmlUrl="https://nameless.example/feed"/>
</body></opml>"#,
    )
    .unwrap();
    let r = run(&to, &["feeds", "import", other.to_str().unwrap()]);
    assert!(r.stdout.contains("2 feeds added"), "{}", r.stdout);
    let list = run(&to, &["feeds", "list"]).stdout;
    assert!(
        list.contains("X & Y (2)\thttps://bbc.example/arabic.xml"),
        "{list}"
    );
    assert!(
        list.contains("nameless.example\thttps://nameless.example/feed"),
        "{list}"
    );
    // A file with no feed in it is an error that names it.
    let r = run(
        &to,
        &[
            "feeds",
            "import",
            file.with_extension("txt").to_str().unwrap(),
        ],
    );
    assert!(!r.ok && r.stderr.contains("feeds.txt"), "{}", r.stderr);
    std::fs::write(to.join("empty.opml"), "<opml><body/></opml>").unwrap();
    let r = run(
        &to,
        &["feeds", "import", to.join("empty.opml").to_str().unwrap()],
    );
    assert!(!r.ok && r.stderr.contains("no feed in it"), "{}", r.stderr);
    std::fs::remove_dir_all(from).ok();
    std::fs::remove_dir_all(to).ok();
}
