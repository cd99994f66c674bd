//! The loader against bad input: every kind of bad file is skipped with its reason and never
//! stops the load; a Windows-1256 file's title comes out right; UTF-8 with a few bad bytes is
//! read as UTF-8 and the count kept (in the cache too); `qari list` reports skips and counts.
//! The tests are in the modules; the collections they load are made here.

#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod cache;
mod command_line;

use std::path::{Path, PathBuf};

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
