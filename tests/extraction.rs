//! Arabic news pages of our own (tests/data/extraction): right-to-left markup, a page in
//! Windows-1256 laid out with tables and `<br>`s, a blog whose body is loose sibling
//! paragraphs beside a small "post-content" teaser. Each must extract exactly as its
//! `.expected` file says: the title, date, author and site, then every block (`p:`, `h:`,
//! `li:`), with no navigation, share bar, caption, advertisement, related list or comment.

#![allow(clippy::unwrap_used)]

use std::fmt::Write;
use std::path::Path;

use qari::feeds::html::{self, Block};

fn extracted(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction");
    let bytes = std::fs::read(dir.join(format!("{name}.html"))).unwrap();
    let page = html::extract(&html::decode(&bytes, None));
    let mut out = format!("title: {}\n", page.title);
    for (key, value) in [
        ("date", &page.date),
        ("author", &page.author),
        ("site", &page.site),
    ] {
        if let Some(v) = value {
            writeln!(out, "{key}: {v}").unwrap();
        }
    }
    for b in &page.blocks {
        let kind = match b {
            Block::Heading(_) => "h",
            Block::Paragraph(_) => "p",
            Block::Item(_) => "li",
        };
        writeln!(out, "{kind}: {}", b.text()).unwrap();
    }
    out
}

fn expected(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction");
    std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap()
}

#[test]
fn a_modern_rtl_news_page() {
    assert_eq!(extracted("ar-news-rtl"), expected("ar-news-rtl"));
}

#[test]
fn an_old_windows_1256_page_of_tables_and_line_breaks() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extraction/ar-news-1256.html"),
    )
    .unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    assert_eq!(extracted("ar-news-1256"), expected("ar-news-1256"));
}

#[test]
fn a_blog_body_of_sibling_paragraphs_beside_a_teaser() {
    assert_eq!(extracted("ar-blog-teaser"), expected("ar-blog-teaser"));
}
