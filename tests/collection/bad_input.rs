//! Bad input: every kind of bad file is skipped with its reason and never stops the load; UTF-8
//! with a few bad bytes is read as UTF-8 and the count kept; UTF-16 without a byte order mark
//! and saved web pages are articles.

use qari::collection::{Collection, Progress};

use crate::common;
use crate::{RAIN, RAIN_TITLE, bad_collection, damaged_collection, temp_dir, write};

#[test]
fn bad_files_are_skipped_with_their_reason() {
    let dir = bad_collection("bad-load");
    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    let titles: Vec<&str> = c.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(titles.contains(&"عنوان جيد"));
    assert!(titles.contains(&"وزارة الصحة تعلن افتتاح مستشفى جديد"));
    assert!(titles.contains(&"عنوان"));
    assert!(titles.contains(&"مقال داخل مجلد"));
    let legacy = c
        .entries
        .iter()
        .find(|e| e.path.ends_with("legacy.txt"))
        .unwrap();
    assert_eq!(legacy.encoding, "windows-1256");

    let reason = |name: &str| {
        c.skipped
            .iter()
            .find(|s| s.path.file_name().is_some_and(|f| f == name))
            .map_or_else(
                || panic!("{name} not skipped: {:?}", c.skipped),
                |s| s.reason.clone(),
            )
    };
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("blank.txt").contains("no text"));
    assert!(reason("image.txt").contains("binary"));
    assert!(reason("odd16.txt").contains("UTF-16"));
    assert!(reason("dangling.txt").contains("No such file"));
    assert!(reason("loop").contains("loop"));
    assert!(
        !c.skipped.iter().any(|s| s.path.ends_with("notes.pdf")),
        "other files are not articles"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn utf8_with_a_few_bad_bytes_is_read_as_utf8_and_counted() {
    let dir = damaged_collection("damaged-load");
    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    assert!(c.skipped.is_empty(), "{:?}", c.skipped);
    let entry = |name: &str| c.entries.iter().find(|e| e.path.ends_with(name)).unwrap();
    for (name, replaced) in [("three.txt", 3), ("one.txt", 1)] {
        let e = entry(name);
        assert_eq!(
            (
                e.title.replace('\u{FFFD}', ""),
                e.encoding.as_str(),
                e.replaced
            ),
            (RAIN_TITLE.to_owned(), "UTF-8", replaced),
            "{name}"
        );
        let article = c.open(e).unwrap();
        let repaired: Vec<String> = article
            .paragraphs
            .iter()
            .map(|p| p.replace('\u{FFFD}', ""))
            .collect();
        assert_eq!(repaired, RAIN, "{name}");
    }
    assert_eq!(
        entry("one.txt").title,
        "هطول\u{FFFD} الأمطار الغزيرة على العاصمة"
    );
    let legacy = entry("legacy.txt");
    assert_eq!(
        (
            legacy.title.as_str(),
            legacy.encoding.as_str(),
            legacy.replaced
        ),
        ("السلام", "windows-1256", 0)
    );
    assert_eq!(c.open(legacy).unwrap().paragraphs, ["هل تصدق هذا؟"]);
    std::fs::remove_dir_all(dir).ok();
}

/// Issue 19: the files a user has in a news folder. UTF-16 without a byte order mark (as
/// Notepad and some exports write it) is read, in either byte order; a web page saved from a
/// browser is its article (title, date and site from the page, the body without its menus),
/// in the charset the page declares; a page with no article is skipped with that reason.
#[test]
fn utf16_without_a_mark_and_saved_web_pages_are_articles() {
    let dir = temp_dir("news-folder-kinds");
    let le: Vec<u8> = "تقرير الطقس\r\n\r\nأمطار غزيرة على العاصمة.\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(&dir, "weather.txt", &le);
    let be: Vec<u8> = "# Oil prices\n\nBrent rose on Monday.\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    write(&dir, "oil.md", &be);
    let page = r#"<html dir="rtl" lang="ar"><head><meta charset="windows-1256">
        <title>وزارة الصحة تفتتح مستشفى جديدا - أخبار</title>
        <meta property="og:site_name" content="أخبار اليوم">
        <meta property="article:published_time" content="2024-02-14T09:30:00+03:00"></head>
        <body><ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/s">رياضة</a></li></ul>
        <article><h1>وزارة الصحة تفتتح مستشفى جديدا</h1>
        <p>افتتحت وزارة الصحة اليوم مستشفى جديدا في مدينة الرياض يتسع لخمسمئة سرير، في إطار خطة لتوسيع الخدمات الصحية في المملكة.</p>
        <p>وقال الوزير في كلمة خلال الافتتاح إن المستشفى سيخدم أكثر من مليون نسمة في الأحياء الشمالية من المدينة.</p>
        </article></body></html>"#;
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(page);
    write(&dir, "saved/hospital.html", &cp1256);
    write(
        &dir,
        "saved/menu.htm",
        b"<html><body><nav><a href='/'>home</a></nav></body></html>",
    );

    let c = Collection::load(&dir, None, &Progress::default()).unwrap();
    let titles: Vec<&str> = c.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(c.entries.len(), 3, "{titles:?} {:?}", c.skipped);
    let entry = |name: &str| {
        c.entries
            .iter()
            .find(|e| e.path.ends_with(name))
            .unwrap_or_else(|| panic!("{name} not read: {:?}", c.skipped))
    };
    assert_eq!(entry("weather.txt").title, "تقرير الطقس");
    assert_eq!(entry("weather.txt").encoding, "UTF-16LE");
    assert_eq!(entry("oil.md").title, "Oil prices");
    assert_eq!(entry("oil.md").encoding, "UTF-16BE");
    let page = entry("hospital.html");
    assert_eq!(page.title, "وزارة الصحة تفتتح مستشفى جديدا");
    assert_eq!(page.meta.source.as_deref(), Some("أخبار اليوم"));
    assert!(
        page.meta
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with("2024-02-14")),
        "{:?}",
        page.meta.date
    );
    let article = c.open(page).unwrap();
    assert_eq!(article.paragraphs.len(), 2, "{:?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("افتتحت وزارة الصحة اليوم"));
    assert!(!article.paragraphs.iter().any(|p| p.contains("الرئيسية")));
    assert_eq!(c.skipped.len(), 1, "{:?}", c.skipped);
    assert!(c.skipped[0].path.ends_with("menu.htm"));
    assert!(
        c.skipped[0].reason.contains("no article"),
        "{}",
        c.skipped[0].reason
    );

    // The search finds the page's article by its text, not its markup.
    let home = temp_dir("news-folder-kinds-home");
    let search = |query: &str| {
        let out = common::qari_command()
            .args(["search", "-l", query])
            .arg(&dir)
            .env("HOME", &home)
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (found, first) = search("الأحياء الشمالية");
    assert!(found.contains("hospital.html"), "{found}");
    assert!(
        first.contains("menu.htm"),
        "the first time, the list: {first}"
    );
    let (none, again) = search("charset");
    assert_eq!(none, "", "markup is not text");
    assert_eq!(again.lines().count(), 1, "{again}");
    assert!(
        !again.contains("menu.htm") && again.contains('1'),
        "then a count: {again}"
    );
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}
