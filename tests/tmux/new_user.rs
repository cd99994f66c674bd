//! Issue 25 at 80×24, as a new user meets it in tmux: a bookmark's star inside the screen, `J`
//! and `K` after `qari FILE`, the library's folder, date and source each laid out on its own
//! and the least useful dropped when narrow, and the keys shown in the status bars.

use std::path::Path;

use crate::{NEXT, Tmux, rendered};

/// A home with `news/مدونة-الأخبار/` holding two dated Arabic articles (one with its time),
/// and `news/atom/` one with a source.
fn home_with_news() -> (std::path::PathBuf, std::path::PathBuf) {
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let home = std::env::temp_dir().join(format!("qari-e2e-{}-{n}", std::process::id()));
    let blog = home.join("news/مدونة-الأخبار");
    std::fs::create_dir_all(&blog).unwrap();
    std::fs::create_dir_all(home.join("news/atom")).unwrap();
    let body = "يستقبل المحافظ المهنئين بعيد الفطر المبارك في مقر المحافظة صباح اليوم الأول.";
    write(
        &blog.join("a.md"),
        "date: 2024-12-07 19:00",
        "الخبر الأول عن المدينة",
        body,
    );
    write(
        &blog.join("b.md"),
        "date: 2024-12-06",
        "الخبر الثاني عن القرية",
        body,
    );
    write(
        &home.join("news/atom/c.md"),
        "date: 2024-12-05\nsource: وكالة الأنباء",
        "الخبر الثالث عن الطقس",
        body,
    );
    (home.clone(), home.join("news"))
}

fn write(path: &Path, front: &str, title: &str, body: &str) {
    let text = format!("---\n{front}\n---\n# {title}\n\n{body}\n\n{body}\n");
    std::fs::write(path, text).unwrap();
}

/// The laid-out form of `text` on one line, trimmed: what the screen shows for it.
fn shown(text: &str) -> String {
    rendered(text, 0)[0].trim().to_owned()
}

#[test]
fn a_bookmark_shows_its_star_at_80_columns_and_j_k_work_after_qari_file() {
    let (home, news) = home_with_news();
    let file = news.join("مدونة-الأخبار/a.md");
    let Some(t) = Tmux::start_in(&home, &file.display().to_string(), 80, 24) else {
        return;
    };
    t.wait_for("page 1/");
    t.keys(&["b"]);
    t.wait_for("bookmarked");
    let screen = t.capture();
    let row = screen.lines().find(|l| l.contains('❙')).expect("no cursor");
    assert!(row.contains('★'), "no star beside the cursor:\n{screen}");
    // J: the next article of the folder's library (newest first: b after a), then K back.
    let second = shown("الخبر الثاني عن القرية");
    let first = shown("الخبر الأول عن المدينة");
    let start = std::time::Instant::now();
    loop {
        t.keys(&["J"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        let screen = t.capture();
        if screen.contains(&second) {
            break;
        }
        // Until the library is read, J says so.
        assert!(
            screen.contains("still being read") || screen.contains(&first),
            "J said nothing:\n{screen}"
        );
        assert!(start.elapsed().as_secs() < 10, "J never moved:\n{screen}");
    }
    t.keys(&["K"]);
    t.wait_for(&first);
}

#[test]
fn the_library_lays_out_folder_date_and_source_each_on_its_own_at_80_by_24() {
    let (home, news) = home_with_news();
    let Some(t) = Tmux::start_in(&home, &news.display().to_string(), 80, 24) else {
        return;
    };
    let screen = t.wait_for("articles ·");
    // The date whole, its day before its time; the folder, which does not fit beside it, gone
    // rather than split around it.
    assert!(screen.contains("2024-12-07 19:00"), "{screen}");
    assert!(!screen.contains("19:00 2024"), "{screen}");
    let folder = shown("مدونة-الأخبار");
    let row = screen.lines().find(|l| l.contains("19:00")).unwrap();
    assert!(
        !row.contains(&folder) && !row.contains("ﺭﺎﺒﺧﻷﺍ"),
        "the folder is kept, cut:\n{screen}"
    );
    // The source with its date.
    let source = shown("وكالة الأنباء");
    assert!(
        screen.contains(&format!("2024-12-05 · {source}")),
        "{screen}"
    );
    // The keys that fit: more than help alone at 80 columns.
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("? help · Enter opens · / search"),
        "{status:?}"
    );
    // Wider, the folder comes back whole, before the date.
    std::process::Command::new("tmux")
        .args(["resize-window", "-t", &t.session, "-x", "120", "-y", "35"])
        .status()
        .unwrap();
    let screen = t.wait_for(&format!("{folder} · 2024-12-07 19:00"));
    assert!(
        screen.contains(&format!("atom · 2024-12-05 · {source}")),
        "{screen}"
    );
}

#[test]
fn the_arabic_library_keeps_the_whole_day_and_the_reader_shows_keys_at_80_by_24() {
    let (home, news) = home_with_news();
    let Some(t) = Tmux::start_with(
        "LANG=ar_EG.UTF-8",
        &home,
        &format!("--bidi app {}", news.display()),
        80,
        24,
    ) else {
        return;
    };
    // The day whole (not "…٥"), laid out right to left on its own.
    let day = shown("٧ ديسمبر ٢٠٢٤");
    let screen = t.wait_for(&day);
    assert!(screen.contains(&shown("٥ ديسمبر ٢٠٢٤")), "{screen}");
    // The status bar's keys, in Arabic.
    assert!(
        screen.lines().last().unwrap().contains(&shown("? مساعدة")),
        "{screen}"
    );
    t.keys(&["Enter"]);
    let screen = t.wait_for(&shown("? مساعدة · q رجوع"));
    assert!(screen.lines().last().unwrap().contains('¶'), "{screen}");
}

#[test]
fn the_reader_status_bar_names_its_keys_at_80_by_24() {
    let (home, news) = home_with_news();
    let file = news.join("atom/c.md");
    let Some(t) = Tmux::start_in(&home, &file.display().to_string(), 80, 24) else {
        return;
    };
    let screen = t.wait_for("page 1/");
    let status = screen.lines().last().unwrap();
    assert!(status.contains("? help · q back"), "{status:?}");
    assert!(status.contains(&shown("الخبر الثالث")), "{status:?}");
}

/// `o` opens the article's URL through `$BROWSER`, a script here that records its arguments:
/// one argument, the URL, whatever it holds; an article without a URL says so.
#[test]
fn o_opens_the_article_s_url_through_browser_as_one_argument() {
    let (home, news) = home_with_news();
    let out = home.join("browser-args");
    let script = home.join("browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > {}\n",
            out.display()
        ),
    )
    .unwrap();
    std::process::Command::new("chmod")
        .args(["+x", script.to_str().unwrap()])
        .status()
        .unwrap();
    let file = news.join("atom/c.md");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "---\n",
        "---\nurl: https://example.com/خبر?id=1&x=$(touch x) y\n",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let Some(t) = Tmux::start_with(
        &format!("LANG=C.UTF-8 BROWSER={}", script.display()),
        &home,
        &file.display().to_string(),
        80,
        24,
    ) else {
        return;
    };
    t.wait_for("page 1/");
    t.keys(&["o"]);
    t.wait_for("opening https://example.com/");
    let start = std::time::Instant::now();
    while !out.exists() {
        assert!(start.elapsed().as_secs() < 10, "the browser never ran");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let args = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        args,
        "1\nhttps://example.com/%D8%AE%D8%A8%D8%B1?id=1&x=$(touch%20x)%20y\n"
    );
}
