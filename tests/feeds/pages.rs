//! `qari save` and `qari import`: a page's article saved into the collection (once), and a page
//! saved from a browser in Windows-1256 imported.

use std::path::{Path, PathBuf};

use crate::fixtures::{PAGE_A, PAGE_B, fixtures, page};
use crate::{home, read, run};

#[test]
fn save_and_import_pages() {
    let server = fixtures();
    let home = home("save");
    let news = home.join("news");
    // Without a collection, the error says what to set.
    let r = run(&home, &["save", &server.url("/pages/a.html")]);
    assert!(
        !r.ok && r.stderr.contains("set `collection") && r.stderr.contains("config.toml"),
        "{}",
        r.stderr
    );
    std::fs::write(
        home.join("config/qari/config.toml"),
        format!("collection = {:?}\n", news.to_str().unwrap()),
    )
    .unwrap();
    let r = run(&home, &["save", &server.url("/pages/a.html")]);
    assert!(r.ok, "{}", r.stderr);
    let saved = PathBuf::from(r.stdout.trim());
    assert!(saved.starts_with(news.join("saved")), "{}", saved.display());
    let a = read(&saved);
    assert_eq!(a.title, "مشروع القطار يربط المدن");
    assert_eq!(a.paragraphs, PAGE_A);
    assert_eq!(a.meta.source.as_deref(), Some("موقع الأخبار"));
    let again = run(&home, &["save", &server.url("/pages/a.html")]);
    assert!(
        !again.ok && again.stderr.contains("already saved"),
        "{}",
        again.stderr
    );

    // A page saved from a browser, in Windows-1256.
    let file = home.join("page.html");
    std::fs::write(
        &file,
        encoding_rs::WINDOWS_1256
            .encode(&page(
                "النادي يستعد للموسم",
                &PAGE_B,
                "<meta charset=\"windows-1256\">",
            ))
            .0,
    )
    .unwrap();
    let r = run(&home, &["import", file.to_str().unwrap()]);
    assert!(r.ok, "{}", r.stderr);
    let b = read(Path::new(r.stdout.trim()));
    assert_eq!(b.paragraphs, PAGE_B);
    assert_eq!(b.title, "النادي يستعد للموسم");
    std::fs::remove_dir_all(home).ok();
}
