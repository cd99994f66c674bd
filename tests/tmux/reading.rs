//! Reading in tmux: the sample article's title and first paragraph in visual order (as `qari
//! render` lays them out), paging and resize; a bookmark that survives quitting; and an Arabic
//! locale's mirrored Arabic interface, as the engine lays it out in-process.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common;
use crate::{NEXT, Tmux, rendered, sample};

#[test]
fn reads_the_sample_article_in_tmux() {
    let (path, title, first) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    // One article: the reader opens at once.
    let title_lines = rendered(&title, 80);
    let screen = t.wait_for("page 1/");
    for line in &title_lines {
        assert!(
            screen.contains(line.trim()),
            "title line {line:?} not on:\n{screen}"
        );
    }
    for line in rendered(&first, 80) {
        assert!(
            screen.contains(line.trim()),
            "first paragraph line {line:?} not on:\n{screen}"
        );
    }
    // The title's first line is right-aligned at the column's right edge (80 cells in 100).
    let row = screen
        .lines()
        .find(|l| l.contains(title_lines[0].trim()))
        .unwrap();
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(row.trim_end()),
        90,
        "{row:?}"
    );

    // Paging.
    let pages: usize = screen
        .split("page 1/")
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 2);
    t.keys(&["PageDown"]);
    t.wait_for("page 2/");
    t.keys(&["BSpace"]);
    t.wait_for("page 1/");

    // Resize: the text re-flows to the narrower column, the cursor paragraph stays on screen.
    t.keys(&["j", "j", "j"]);
    t.wait_for("¶ 4/");
    Command::new("tmux")
        .args(["resize-window", "-t", &t.session, "-x", "50", "-y", "20"])
        .status()
        .unwrap();
    let screen = t.wait_for("¶ 4/");
    assert!(
        screen
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 50)
    );
    let cursor_rows = screen.lines().filter(|l| l.contains('❙')).count();
    assert!(
        cursor_rows > 0,
        "the cursor paragraph is not on screen:\n{screen}"
    );

    // q: the library of the article's folder, its title laid out right to left.
    t.keys(&["q"]);
    let screen = t.wait_for("articles ·");
    let title_line = rendered(&title, 0)[0].clone();
    let title_words: Vec<&str> = title_line.split_whitespace().collect();
    assert!(
        screen.contains(&title_words[title_words.len() - 3..].join(" ")),
        "{screen}"
    );
    // Quitting gives the terminal back.
    t.keys(&["q"]);
    let screen = t.wait_for("QARI-EXITED 0");
    assert!(
        !screen.contains("page 1/"),
        "the alternate screen was not left:\n{screen}"
    );
}

#[test]
fn a_bookmark_survives_quitting_and_shows_again() {
    let (path, _, _) = sample();
    let Some(t) = Tmux::start(&path.display().to_string(), 100, 30) else {
        return;
    };
    // One article: the reader at once.
    t.wait_for("page 1/");
    t.keys(&["j", "j"]);
    t.wait_for("¶ 3/");
    t.keys(&["b"]);
    t.wait_for("bookmarked");
    let screen = t.capture();
    assert!(screen.contains('★'), "no marker:\n{screen}");
    t.keys(&["q"]);
    t.wait_for("articles ·");
    t.keys(&["q"]);
    t.wait_for("QARI-EXITED 0");
    // The CLI sees it, with the same state folder.
    let out = common::qari_command()
        .args(["bookmarks", "list", "--json"])
        .env("HOME", &t.home)
        .env("XDG_DATA_HOME", t.home.join("data"))
        .env("XDG_CONFIG_HOME", t.home.join("config"))
        .env("XDG_CACHE_HOME", t.home.join("cache"))
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(listed.lines().next().expect("no bookmark listed")).unwrap();
    assert_eq!(b["paragraph"], 3);
    assert_eq!(b["orphaned"], false);
    // Reopened, the article is back at paragraph 3 with its marker.
    let Some(t2) = Tmux::start_in(&t.home, &path.display().to_string(), 100, 30) else {
        return;
    };

    let screen = t2.wait_for("¶ 3/");
    assert!(screen.contains('★'), "no marker after reopening:\n{screen}");
}

/// Issue 12: with an Arabic locale the interface is Arabic and mirrored. The reader's status
/// line, as tmux shows it, is the one the engine lays out for the same app drawn in-process
/// (the title at the right, the paragraph and page counters at the left, Arabic-Indic digits).
#[test]
fn an_arabic_locale_gives_a_mirrored_arabic_interface() {
    let (path, _, _) = sample();
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let home = std::env::temp_dir().join(format!("qari-e2e-{}-{n}", std::process::id()));
    let Some(t) = Tmux::start_with(
        "LANG=ar_EG.UTF-8",
        &home,
        &format!("--bidi app {}", path.display()),
        100,
        30,
    ) else {
        return;
    };
    // The same article in-process: Arabic messages, the reader's defaults (80 cells, the
    // majority rule), 100×30.
    let msgs = qari::i18n::Messages::new(qari::i18n::Lang::Ar);
    let mut settings = common::drive::settings_in(qari::text::Direction::Majority, msgs);
    settings.text_width = 80;
    let mut app = common::drive::app_with(settings, 100, 30);
    common::drive::open_seed(&mut app);
    let expected = common::drive::rows(&app, 100, 30).pop().unwrap();
    let expected = expected.trim_end();
    assert!(
        expected.contains('١'),
        "not Arabic-Indic digits: {expected:?}"
    );
    let start = Instant::now();
    let screen = loop {
        let screen = t.capture();
        if screen.lines().any(|l| l.trim_end() == expected) {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "never saw the status line\n{expected:?}\non:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    // The counters at the left end: the row starts with the last page's number.
    let status = screen.lines().find(|l| l.trim_end() == expected).unwrap();
    assert!(status.starts_with(" ١"), "{status:?}");
    assert!(!status.contains("page"), "{status:?}");
    // The help, in Arabic: its title at the right of the popup's border.
    t.keys(&["?"]);
    let title = common::drive::rows(
        &{
            common::drive::press(&mut app, "?");
            app
        },
        100,
        30,
    )
    .into_iter()
    .find(|r| r.contains('┌'))
    .unwrap();
    t.wait_for(title.trim());
}
