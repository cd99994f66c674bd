//! The loader against bad input: every kind of bad file is skipped with its reason and never
//! stops the load; a Windows-1256 file's title comes out right; UTF-8 with a few bad bytes is
//! read as UTF-8 and the count kept (in the cache too); `qari list` reports skips and counts.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// The files. For UTF-8 with bad bytes chardetng guessed windows-1252 (mojibake,
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
        std::fs::read_to_string(&cache)
            .unwrap()
            .starts_with("qari library cache 2\n")
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

#[test]
fn list_prints_articles_and_reports_skips() {
    let dir = bad_collection("bad-list");
    let home = temp_dir("list-home");
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
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
    let json = Command::new(env!("CARGO_BIN_EXE_qari"))
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
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
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
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
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
