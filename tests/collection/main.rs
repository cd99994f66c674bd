//! The loader against bad input: every kind of bad file is skipped with its reason and never
//! stops the load; a Windows-1256 file's title comes out right; UTF-8 with a few bad bytes is
//! read as UTF-8 and the count kept (in the cache too); `qari list` reports skips and counts.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use qari::collection::{Collection, Progress};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qari-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn bad_collection(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    write(&dir, "good.txt", "عنوان جيد\n\nفقرة أولى\n".as_bytes());
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode("وزارة الصحة تعلن افتتاح مستشفى جديد\r\n\r\nأعلنت الوزارة اليوم عن افتتاح المستشفى في مدينة الرياض.\r\n");
    write(&dir, "legacy.txt", &cp1256);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("# عنوان\n\nنص\n".encode_utf16().flat_map(u16::to_le_bytes));
    write(&dir, "wide.md", &utf16);
    write(&dir, "empty.txt", b"");
    write(&dir, "blank.txt", b"\n  \n\r\n");
    write(&dir, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(&dir, "odd16.txt", &[0xFF, 0xFE, 0x41]);
    write(&dir, "notes.pdf", b"%PDF-1.4");
    write(
        &dir,
        "folder.txt/inside.txt",
        "مقال داخل مجلد\n\nنص\n".as_bytes(),
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    }
    dir
}

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

const RAIN_TITLE: &str = "هطول الأمطار الغزيرة على العاصمة";
const RAIN: [&str; 2] = [
    "شهدت العاصمة اليوم هطول الأمطار الغزيرة التي تسببت في إغلاق عدد من الطرق الرئيسية.",
    "وقالت هيئة الأرصاد إن الأمطار ستستمر حتى نهاية الأسبوع.",
];

/// The rain article in UTF-8 with a bad byte inserted before each given character.
fn rain(bad: &[(usize, u8)]) -> Vec<u8> {
    let text = format!("{RAIN_TITLE}\n\n{}\n\n{}\n", RAIN[0], RAIN[1]);
    let mut bytes = Vec::new();
    for (i, c) in text.chars().enumerate() {
        bytes.extend(bad.iter().filter(|&&(n, _)| n == i).map(|&(_, b)| b));
        let mut buf = [0; 4];
        bytes.extend(c.encode_utf8(&mut buf).as_bytes());
    }
    bytes
}

/// The issue's files. For UTF-8 with bad bytes chardetng guessed windows-1252 (mojibake,
/// `Ù‡Ø·ÙˆÙ„`) or GBK (which does not fit, so the file was skipped as "not valid text in
/// GBK"), depending on the text: here three bad bytes give the first and one the second. The
/// Windows-1256 file is one that chardetng calls GBK.
fn damaged_collection(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    write(
        &dir,
        "three.txt",
        &rain(&[(40, 0xFF), (70, 0x80), (130, 0xFE)]),
    );
    write(&dir, "one.txt", &rain(&[(4, 0xFF)]));
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode("السلام\n\nهل تصدق هذا؟\n");
    write(&dir, "legacy.txt", &cp1256);
    dir
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

#[test]
fn the_replaced_count_is_cached() {
    let dir = damaged_collection("damaged-cache");
    let cache = dir.join("cache/library.tsv");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let second = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(first.entries, second.entries);
    let three = second
        .entries
        .iter()
        .find(|e| e.path.ends_with("three.txt"));
    assert_eq!(three.unwrap().replaced, 3);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_cache_in_the_old_format_is_not_read() {
    let dir = temp_dir("old-cache");
    write(&dir, "a.txt", "الأول\n\nنص\n".as_bytes());
    let path = dir.join("a.txt");
    let meta = std::fs::metadata(&path).unwrap();
    let mtime = meta
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    // Version 1 had no count of replaced sequences; this line is current for the file.
    let old = format!(
        "qari library cache 1\n{}\t{mtime}\t1\tUTF-8\tstale title\t\t\t\t\t{}\n",
        meta.len(),
        path.display()
    );
    write(&dir, "cache/library.tsv", old.as_bytes());
    let cache = dir.join("cache/library.tsv");
    let c = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(c.entries[0].title, "الأول");
    assert!(
        std::fs::read(&cache)
            .unwrap()
            .starts_with(b"qari library cache 3\n")
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_cache_is_used_and_refreshed() {
    let dir = temp_dir("cache");
    write(&dir, "a.txt", "الأول\n\nنص\n".as_bytes());
    let cache = dir.join("cache/library.tsv");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(first.entries[0].title, "الأول");
    assert!(cache.exists());
    let second = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(first.entries, second.entries);
    // A changed file is read again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(&dir, "a.txt", "الثاني\tمع تبويب\n\nنص أطول\n".as_bytes());
    let third = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(third.entries[0].title, "الثاني\tمع تبويب");
    let fourth = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(third.entries, fourth.entries);
    std::fs::remove_dir_all(dir).ok();
}

/// Folders whose files interleave by path bytes ("a.b/" before "a/", a folder's files around
/// its subfolder's), with the front matter that the cache must keep.
fn tangled_collection(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for (i, file) in [
        "z.txt",
        "a.txt",
        "m/x.txt",
        "m/sub/y.md",
        "m/a.txt",
        "a.b/q.txt",
        "a/q.txt",
        "n.txt",
    ]
    .iter()
    .enumerate()
    {
        let text = if Path::new(file).extension().is_some_and(|e| e == "md") {
            format!("---\ntitle: عنوان {i}\ndate: 2024-01-0{i}\nsource: مصدر\n---\n\nنص\n")
        } else {
            format!("عنوان {i}\n\nنص\n")
        };
        write(&dir, file, text.as_bytes());
    }
    dir
}

fn paths(c: &Collection, root: &Path) -> Vec<String> {
    c.entries
        .iter()
        .map(|e| e.path.strip_prefix(root).unwrap().display().to_string())
        .collect()
}

#[test]
fn entries_are_in_path_byte_order_with_or_without_the_cache() {
    let dir = tangled_collection("order");
    let cache = dir.join("cache/library.cache");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let expected = [
        "a.b/q.txt",
        "a.txt",
        "a/q.txt",
        "m/a.txt",
        "m/sub/y.md",
        "m/x.txt",
        "n.txt",
        "z.txt",
    ];
    assert_eq!(paths(&first, &dir), expected);
    let second = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(second.entries, first.entries);
    let md = second.entries.iter().find(|e| e.path.ends_with("y.md"));
    assert_eq!(md.unwrap().meta.source.as_deref(), Some("مصدر"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn changes_are_read_in_their_places_and_the_cache_kept_when_none() {
    let dir = tangled_collection("changes");
    let cache = dir.join("cache/library.cache");
    Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    // Nothing changed: the cache is not written again.
    let written = std::fs::metadata(&cache).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let progress = Progress::default();
    Collection::load(&dir, Some(&cache), &progress).unwrap();
    assert_eq!(
        std::fs::metadata(&cache).unwrap().modified().unwrap(),
        written
    );
    assert_eq!(progress.done.load(std::sync::atomic::Ordering::Relaxed), 8);
    // One file changed, one added between cached ones, one removed, one now unreadable.
    write(&dir, "m/x.txt", "عنوان جديد أطول\n\nنص\n".as_bytes());
    write(&dir, "m/b.txt", "مقال جديد\n\nنص\n".as_bytes());
    std::fs::remove_file(dir.join("a/q.txt")).unwrap();
    write(&dir, "n.txt", b"");
    let changed = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let fresh = Collection::load(&dir, None, &Progress::default()).unwrap();
    assert_eq!(changed.entries, fresh.entries);
    assert_eq!(
        paths(&changed, &dir),
        [
            "a.b/q.txt",
            "a.txt",
            "m/a.txt",
            "m/b.txt",
            "m/sub/y.md",
            "m/x.txt",
            "z.txt"
        ]
    );
    assert_eq!(changed.entries[5].title, "عنوان جديد أطول");
    assert_eq!(changed.skipped.len(), 1);
    assert!(changed.skipped[0].path.ends_with("n.txt"));
    // What was written is what the next load reads.
    let again = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(again.entries, fresh.entries);
    // A file that cannot be read is read again each time, but changes nothing in the cache.
    let written = std::fs::metadata(&cache).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let once_more = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    assert_eq!(once_more.skipped.len(), 1);
    assert_eq!(
        std::fs::metadata(&cache).unwrap().modified().unwrap(),
        written
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_damaged_cache_is_read_again_from_the_files() {
    let dir = tangled_collection("damaged");
    let cache = dir.join("cache/library.cache");
    let first = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
    let bytes = std::fs::read(&cache).unwrap();
    for damaged in [
        bytes[..bytes.len() / 2].to_vec(),
        bytes.iter().map(|b| b ^ 0x55).collect(),
        b"garbage".to_vec(),
    ] {
        std::fs::write(&cache, &damaged).unwrap();
        let again = Collection::load(&dir, Some(&cache), &Progress::default()).unwrap();
        assert_eq!(again.entries, first.entries);
        assert_eq!(
            std::fs::read(&cache).unwrap(),
            bytes,
            "the cache is written anew"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn list_prints_articles_and_reports_skips() {
    let dir = bad_collection("bad-list");
    let home = temp_dir("list-home");
    let out = common::qari_command()
        .args(["list"])
        .arg(&dir)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout.lines().count(), 4);
    assert!(stdout.lines().all(|l| l.split('\t').count() == 2));
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("skipped ") && l.contains("image.txt") && l.contains("binary"))
    );
    let json = common::qari_command()
        .args(["list", "--json"])
        .arg(&dir)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(json.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    for key in ["path", "title", "paragraphs", "encoding", "replaced"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn list_json_says_how_many_bytes_were_replaced() {
    let dir = damaged_collection("damaged-list");
    let home = temp_dir("damaged-list-home");
    let out = common::qari_command()
        .args(["list", "--json"])
        .arg(&dir)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut counts: Vec<(String, String, u64)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let name = Path::new(v["path"].as_str().unwrap()).file_name().unwrap();
            (
                name.to_string_lossy().into_owned(),
                v["encoding"].as_str().unwrap().to_owned(),
                v["replaced"].as_u64().unwrap(),
            )
        })
        .collect();
    counts.sort();
    let expected = [
        ("legacy.txt", "windows-1256", 0),
        ("one.txt", "UTF-8", 1),
        ("three.txt", "UTF-8", 3),
    ]
    .map(|(n, e, r)| (n.to_owned(), e.to_owned(), r));
    assert_eq!(counts, expected);
    std::fs::remove_dir_all(dir).ok();
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn a_broken_config_names_the_file_and_line() {
    let home = temp_dir("config-home");
    write(
        &home,
        "config/qari/config.toml",
        b"text_width = 70\nbidi = \"sideways\"\n",
    );
    let out = common::qari_command()
        .arg("list")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("config.toml:2:"), "{stderr}");
    std::fs::remove_dir_all(home).ok();
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
