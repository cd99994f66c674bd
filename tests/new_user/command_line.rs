//! The binary run: a missing path and no terminal said plainly, the reading column's width,
//! `qari render --dir majority`, and the command line in Arabic when asked.

use std::io::Write;
use std::process::Command;

use crate::common;
use crate::temp_dir;

fn qari() -> Command {
    common::qari_command()
}

// 9. A missing path is named once; no terminal is said plainly.
#[test]
fn a_missing_path_and_no_terminal_are_said_plainly() {
    let out = qari().arg("/no/such/folder").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.matches("/no/such/folder").count(), 1, "{err}");
    assert_eq!(err.matches("os error").count(), 0, "{err}");
    let out = qari()
        .stdout(std::process::Stdio::piped())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("needs a terminal"), "{err}");
}

// 10. A reading column too narrow to read is refused; 0 is the terminal's width.
#[test]
fn text_width_is_zero_or_readable() {
    let out = qari().args(["--text-width", "0"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "0 is accepted: {err}");
    let out = qari().args(["--text-width", "5"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("too narrow"), "{err}");
    let help = qari().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains("or 0 for the terminal's whole width"),
        "{help}"
    );
}

// `qari render --dir majority`: the reader's rule, from the command line.
#[test]
fn render_dir_majority() {
    let run = |dir: &str| {
        let mut child = qari()
            .args(["render", "--no-shape", "--dir", dir])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all("Agri كلمة لاتينية\n".as_bytes())
            .unwrap();
        String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
    };
    // Unicode's rule: left to right, the Latin word first on the left.
    assert_eq!(run("auto"), "Agri ةينيتال ةملك\n");
    // Most letters are Arabic: right to left, the Latin word on the right.
    assert_eq!(run("majority"), "ةينيتال ةملك Agri\n");
}

/// Issue 12: the command line in Arabic (`--lang ar` or an Arabic locale): its help, its usage
/// errors and its own errors; English stays as clap and qari wrote it.
#[test]
fn the_command_line_speaks_arabic_when_asked() {
    let qari = |args: &[&str], lang: &str| {
        let home = temp_dir(&format!("cli-{lang}-{}", args.len()));
        let out = common::qari_command()
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .output()
            .unwrap();
        let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    };
    for args in [
        &["--help"][..],
        &["render", "--help"],
        &["search", "--help"],
        &["bookmarks", "add", "--help"],
        &["list", "--help"],
    ] {
        let (code, help, _) = qari(args, "ar_EG.UTF-8");
        assert_eq!(code, Some(0));
        assert!(help.contains("الاستخدام:"), "{help}");
        assert!(!help.contains("Usage") && !help.contains("cli-"), "{help}");
        assert!(
            !help.contains("Print help") && !help.contains("[default"),
            "{help}"
        );
    }
    let (_, help, _) = qari(&["--help", "--lang", "ar"], "C.UTF-8");
    assert!(help.contains("الخيارات:"), "{help}");
    let (_, help, _) = qari(&["--help"], "C.UTF-8");
    assert!(
        help.starts_with("A terminal reader for Arabic news"),
        "{help}"
    );
    assert!(
        help.contains("Usage: qari [OPTIONS] [PATH] [COMMAND]"),
        "{help}"
    );

    let (code, _, err) = qari(&["--bidi", "sideways"], "ar_EG.UTF-8");
    assert_eq!(code, Some(2));
    assert!(err.starts_with("خطأ: قيمة غير صالحة 'sideways'"), "{err}");
    let (code, _, err) = qari(&["/no/such/folder"], "ar_EG.UTF-8");
    assert_eq!(code, Some(2));
    assert_eq!(err, "qari: /no/such/folder: لا يوجد ملف أو مجلد بهذا الاسم\n");
    let (_, _, err) = qari(&["/no/such/folder"], "C.UTF-8");
    assert_eq!(err, "qari: /no/such/folder: no such file or folder\n");
}

// Issue 19: a QARI_NOW that is not a time is an error in the interface's language.
#[test]
fn a_clock_that_is_not_a_time_is_said_in_the_interface_language() {
    let home = temp_dir("bad-clock");
    let run = |lang: &str| {
        let out = qari()
            .args(["--lang", lang, "bookmarks", "list"])
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("QARI_NOW", "yesterday")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    let en = run("en");
    assert!(en.contains("QARI_NOW=yesterday is not a time"), "{en}");
    let ar = run("ar");
    assert!(ar.contains("ليست وقتًا") && ar.contains("yesterday"), "{ar}");
}

/// A change of the feeds that cannot be made is said in the interface's language: a name no
/// feed has, a name taken, a URL that is not http(s).
#[test]
fn feeds_changes_that_cannot_be_made_are_said_in_the_interface_language() {
    let home = temp_dir("feeds-said");
    let qari = |lang: &str, args: &[&str]| {
        let out = common::qari_command()
            .args(["--lang", lang])
            .args(args)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, err) = qari("ar", &["feeds", "remove", "أخبار"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("لا موجز اسمه «أخبار»"), "{err}");
    let (_, err) = qari("en", &["feeds", "remove", "news"]);
    assert!(err.contains("no feed is named \"news\""), "{err}");
    let add = ["feeds", "add", "--no-check", "--name", "أخبار"];
    let (code, err) = qari("ar", &[&add[..], &["https://example.org/a.xml"]].concat());
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = qari("ar", &[&add[..], &["https://example.org/b.xml"]].concat());
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("يوجد موجز اسمه «أخبار»"), "{err}");
    let (_, err) = qari("en", &[&add[..], &["https://example.org/b.xml"]].concat());
    assert!(
        err.contains("a feed named \"أخبار\" exists already"),
        "{err}"
    );
    let (code, err) = qari("ar", &["feeds", "add", "--no-check", "ftp://example.org/c"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("ليس عنوانًا يبدأ بـ http://"), "{err}");
}
