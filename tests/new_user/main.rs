//! What a new user met (issue 9): each defect as a keystroke script on the app, its screen
//! drawn on ratatui's TestBackend, or the binary run; and the navigation readers expect.

#![allow(clippy::unwrap_used, clippy::string_slice)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

#[path = "../common/mod.rs"]
mod common;

use common::drive::{open_seed, press, reader, type_text, wait_for_search};
use qari::collection::{Collection, Progress};
use qari::text::{Direction, Options, Prepared};
use qari::tui::app::{Location, Screen};
use qari::tui::{App, Key, Keymap, Settings};

fn settings() -> Settings {
    common::drive::settings(Direction::Majority)
}

fn app(width: u16, height: u16) -> App {
    let mut app = common::drive::app_with(settings(), width, height);
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app
}

fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.session.size;
    common::drive::rows(app, w, h)
}

fn status(app: &App) -> String {
    screen(app).last().unwrap().trim().to_owned()
}

/// `text` as the engine lays it out on one line: what the screen must show for it.
fn visual(text: &str) -> String {
    let options = Options {
        direction: Direction::Auto,
        shape: true,
    };
    let p = Prepared::new(text, options);
    let lines = p.wrap(text, usize::MAX);
    p.visual(&lines[0]).text
}

fn temp_dir(name: &str) -> PathBuf {
    // The id padded to five digits: the snapshots show the path, redacted, and its width.
    let dir = std::env::temp_dir().join(format!("qari-newuser-{name}-{:05}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// An app over a collection in a folder.
fn app_over(dir: &Path, width: u16, height: u16) -> App {
    let mut app = App::new(settings(), (width, height));
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app.loading(
        Arc::new(Progress::default()),
        Location {
            path: dir.to_owned(),
            cache: None,
        },
        None,
        None,
    );
    app.loaded(Collection::load(dir, None, &Progress::default()).unwrap());
    app
}

// 1. A long pasted query is taken whole, and a pasted newline does not submit.
#[test]
fn a_long_paste_is_one_query_and_its_newline_does_not_submit() {
    let mut app = app(100, 24);
    open_seed(&mut app);
    press(&mut app, "/");
    let long = "الحكومة ".repeat(150);
    app.paste(&long);
    app.paste("كازاخستان\n");
    let prompt = app.prompt.as_ref().expect("the prompt is still open");
    assert!(prompt.text.len() > 2_000);
    assert!(
        prompt.text.ends_with("كازاخستان "),
        "the newline became a space"
    );
    press(&mut app, "Enter");
    assert!(app.prompt.is_none());
    assert_eq!(
        reader(&app).search.as_ref().unwrap().query.trim(),
        long.trim().to_owned() + " كازاخستان"
    );
}

// 2. q goes back from the results and the bookmarks; only the library's q quits.
#[test]
fn q_goes_back_from_results_and_bookmarks() {
    let mut app = app(100, 24);
    press(&mut app, "/");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    assert!(matches!(app.screen(), Screen::Results(_)));
    press(&mut app, "q");
    assert!(!app.quit);
    assert!(matches!(app.screen(), Screen::Library(_)));
    press(&mut app, "B");
    assert!(matches!(app.screen(), Screen::Bookmarks(_)));
    press(&mut app, "q");
    assert!(!app.quit);
    assert!(matches!(app.screen(), Screen::Library(_)));
    press(&mut app, "q");
    assert!(app.quit);
}

// 3. Arabic in messages and labels goes through the engine.
#[test]
fn arabic_in_status_messages_is_laid_out() {
    let mut app = app(100, 24);
    press(&mut app, "/");
    type_text(&mut app, "غيرموجودةكلمة");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    let line = status(&app);
    assert!(
        line.contains(&visual("غيرموجودةكلمة")),
        "shaped and right to left: {line}"
    );
    assert!(
        !line.contains("غيرموجودةكلمة"),
        "not in typing order: {line}"
    );
    // The results count with an Arabic query, too.
    press(&mut app, "/");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    let line = status(&app);
    assert!(line.starts_with("1 article matches "), "{line}");
    assert!(line.contains(&visual("كازاخستان")), "{line}");
}

// 4. Each prompt says what it is for.
#[test]
fn prompts_say_what_they_are_for() {
    let mut app = app(100, 24);
    open_seed(&mut app);
    press(&mut app, "/");
    assert!(status(&app).starts_with("search:"), "{}", status(&app));
    press(&mut app, "Esc m");
    assert!(status(&app).starts_with("note:"), "{}", status(&app));
    press(&mut app, "Esc B /");
    assert!(status(&app).starts_with("filter:"), "{}", status(&app));
}

// 8. A message lasts until the next action.
#[test]
fn messages_last_until_the_next_action() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "b");
    assert!(status(&app).contains("bookmarked"), "{}", status(&app));
    press(&mut app, "Space");
    assert!(!status(&app).contains("bookmarked"), "{}", status(&app));
    press(&mut app, "q B d u");
    assert!(status(&app).contains("restored"));
    press(&mut app, "j");
    assert!(!status(&app).contains("restored"));
}

// Hints name the keys in force, from the key table.
#[test]
fn hints_follow_the_key_table() {
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("edit_note".to_owned(), vec!["F2".to_owned()]);
    keys.insert("undo".to_owned(), vec!["z".to_owned()]);
    let mut s = settings();
    s.keymap = Keymap::with_config(&keys).unwrap();
    let mut app = App::new(s, (100, 24));
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app.loaded(Collection::builtin());
    open_seed(&mut app);
    press(&mut app, "b");
    assert!(
        status(&app).contains("(F2 adds a note)"),
        "{}",
        status(&app)
    );
    press(&mut app, "B");
    assert!(status(&app).contains("z undoes"), "{}", status(&app));
    press(&mut app, "d");
    assert!(status(&app).contains("(z undoes)"), "{}", status(&app));
    // d and u mean nothing in the library.
    press(&mut app, "Esc Esc");
    assert!(matches!(app.screen(), Screen::Library(_)));
    assert_eq!(app.resolve(Key::parse("d").unwrap()), None);
}

// 11. An empty query, or one of harakat only, says so.
#[test]
fn an_empty_query_says_so() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "/");
    type_text(&mut app, "\u{64e}\u{650}");
    press(&mut app, "Enter");
    assert!(
        app.session
            .message
            .as_deref()
            .unwrap()
            .starts_with("nothing to search for"),
        "{:?}",
        app.session.message
    );
}

// 12. The bookmarks filter starts empty, and an empty result says nothing matches.
#[test]
fn the_bookmarks_filter_starts_empty_and_says_nothing_matches() {
    let mut app = app(100, 24);
    open_seed(&mut app);
    press(&mut app, "b B /");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter /");
    assert_eq!(app.prompt.as_ref().unwrap().text, "", "not the old filter");
    type_text(&mut app, "لايوجدابدا");
    press(&mut app, "Enter");
    let shown = screen(&app).join("\n");
    assert!(shown.contains("Nothing matches"), "{shown}");
    assert!(!shown.contains("No bookmark"), "{shown}");
    assert!(status(&app).starts_with("0 bookmarks"), "{}", status(&app));
}

// 13. Text cut to fit ends with "…", also when the cut line fills the width exactly.
#[test]
fn cut_titles_end_with_an_ellipsis() {
    for width in 30..50 {
        let app = app(width, 10);
        let rows = screen(&app);
        for row in &rows[1..5] {
            let text = row.trim();
            if text.is_empty() {
                continue;
            }
            // Every title of the sample is longer than these widths allow.
            assert!(text.contains('…'), "width {width}: {row:?}");
        }
    }
}

// 14. Counts in the singular; the sort says what it sorts by.
#[test]
fn singular_counts_and_an_honest_sort() {
    let mut app = app(100, 24);
    open_seed(&mut app);
    press(&mut app, "b B");
    assert!(status(&app).starts_with("1 bookmark ·"), "{}", status(&app));
    let dir = temp_dir("nodates");
    write(&dir, "10.txt", "10 أخبار\n\nنص\n");
    write(&dir, "2.txt", "2 أخبار\n\nنص\n");
    write(&dir, "1.txt", "1 أخبار\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    assert!(
        status(&app).contains("sorted by file time"),
        "{}",
        status(&app)
    );
    press(&mut app, "s");
    let c = app.session.collection.clone().unwrap();
    let titles: Vec<&str> = app
        .library()
        .unwrap()
        .order
        .iter()
        .map(|&i| c.entries[i].title.as_str())
        .collect();
    assert_eq!(titles, ["1 أخبار", "2 أخبار", "10 أخبار"]);
}

// 15. One article: the reader at once, the library of its folder behind it.
#[test]
fn one_article_opens_in_the_reader_over_its_folder() {
    let dir = temp_dir("one");
    write(&dir, "a.txt", "الأول\n\nنص الأول\n");
    write(&dir, "b.txt", "الثاني\n\nنص الثاني\n");
    let mut app = App::new(settings(), (80, 16));
    app.loading(
        Arc::new(Progress::default()),
        Location {
            path: dir.clone(),
            cache: None,
        },
        None,
        None,
    );
    app.open_file(&dir.join("b.txt"));
    assert_eq!(reader(&app).article.title, "الثاني");
    app.loaded(Collection::load(&dir, None, &Progress::default()).unwrap());
    assert_eq!(reader(&app).article.title, "الثاني", "still reading");
    press(&mut app, "q");
    let library = app.library().unwrap();
    assert_eq!(library.order.len(), 2, "the whole folder");
    let c = app.session.collection.clone().unwrap();
    assert!(
        c.entries[library.current().unwrap()]
            .path
            .ends_with("b.txt")
    );
}

// The paragraph direction readers expect.
#[test]
fn majority_direction_per_paragraph() {
    let article = qari::collection::Article {
        path: "dir.txt".into(),
        title: "عنوان المقال".into(),
        paragraphs: vec![
            "\"Agri\" الكلمة اللاتينية التي تعني الحقل".into(),
            "This paragraph is in English, with one word: سلام.".into(),
            "Agri سلام".into(),
        ],
        meta: qari::collection::Meta::default(),
        encoding: "UTF-8".into(),
    };
    let options = |direction| Options {
        direction,
        shape: true,
    };
    let rtl = |direction| -> Vec<bool> {
        qari::page::ArticleLayout::new(&article, 60, options(direction))
            .blocks
            .iter()
            .map(|b| b.prepared.is_rtl())
            .collect()
    };
    // Unicode's rule: the first strong letter.
    assert_eq!(rtl(Direction::Auto), [true, false, false, false]);
    // The reader's: most letters; a tie (4 and 4) goes to the article's majority (Arabic).
    assert_eq!(rtl(Direction::Majority), [true, true, false, true]);
}

#[test]
fn the_direction_key_cycles_and_is_remembered() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    assert!(reader(&app).layout.blocks[1].prepared.is_rtl());
    press(&mut app, "D");
    assert_eq!(reader(&app).options.direction, Direction::Rtl);
    press(&mut app, "D");
    assert_eq!(reader(&app).options.direction, Direction::Ltr);
    assert!(!reader(&app).layout.blocks[1].prepared.is_rtl());
    press(&mut app, "q");
    open_seed(&mut app);
    assert_eq!(
        reader(&app).options.direction,
        Direction::Ltr,
        "kept with the reading position"
    );
    press(&mut app, "D");
    assert_eq!(reader(&app).options.direction, Direction::Majority);
}

// Navigation: next and previous article, next unread, read marks, Left and Right.
#[test]
fn next_previous_and_unread_articles() {
    let mut app = app(80, 16);
    press(&mut app, "Enter");
    let first = reader(&app).article.path.clone();
    press(&mut app, "J");
    let second = reader(&app).article.path.clone();
    assert_ne!(first, second);
    press(&mut app, "K");
    assert_eq!(reader(&app).article.path, first);
    press(&mut app, "K");
    assert!(app.session.message.as_deref().unwrap().contains("first"));
    // u: the next never opened (the first two were opened).
    press(&mut app, "u");
    let third = reader(&app).article.path.clone();
    assert!(third != first && third != second);
    press(&mut app, "q");
    // m marks the selected article read, then unread again.
    let c = app.session.collection.clone().unwrap();
    let selected = c.entries[app.library().unwrap().current().unwrap()]
        .path
        .clone();
    assert_eq!(selected, third);
    press(&mut app, "m");
    assert_eq!(
        app.session.reading.get(&third),
        Some(&qari::store::ReadState::Read)
    );
    press(&mut app, "m");
    assert_eq!(app.session.reading.get(&third), None);
}

#[test]
fn left_and_right_page_as_the_article_reads() {
    let mut app = app(80, 12);
    open_seed(&mut app);
    assert!(reader(&app).reads_rtl());
    press(&mut app, "Left");
    assert_eq!(reader(&app).page(), 1, "Left is the next page in Arabic");
    press(&mut app, "Right");
    assert_eq!(reader(&app).page(), 0);
    press(&mut app, "D D");
    assert!(!reader(&app).reads_rtl());
    press(&mut app, "Right");
    assert_eq!(
        reader(&app).page(),
        1,
        "Right is the next page left to right"
    );
}

// The library: f filters titles as they are typed; folders are shown; r reloads.
#[test]
fn the_library_filters_titles_as_they_are_typed() {
    let mut app = app(100, 24);
    press(&mut app, "f");
    type_text(&mut app, "النفط");
    assert_eq!(
        app.library().unwrap().order.len(),
        1,
        "filtered while typing"
    );
    press(&mut app, "Enter");
    assert_eq!(app.library().unwrap().order.len(), 1);
    press(&mut app, "Esc");
    assert_eq!(
        app.library().unwrap().order.len(),
        4,
        "Esc clears the filter"
    );
}

#[test]
fn folders_are_shown_and_reload_finds_changes() {
    let dir = temp_dir("reload");
    write(&dir, "politics/a.txt", "الأول\n\nنص\n");
    write(&dir, "sport/b.txt", "الثاني\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    let shown = screen(&app).join("\n");
    assert!(
        shown.contains("politics") && shown.contains("sport"),
        "{shown}"
    );
    write(&dir, "sport/c.txt", "الثالث\n\nنص\n");
    std::fs::remove_file(dir.join("politics/a.txt")).unwrap();
    press(&mut app, "r");
    let start = std::time::Instant::now();
    while app.reloading.is_some() {
        assert!(start.elapsed().as_secs() < 10);
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.tick();
    }
    assert_eq!(app.session.collection.as_ref().unwrap().entries.len(), 2);
    assert!(
        status(&app).contains("1 new, 0 changed, 1 gone"),
        "{}",
        status(&app)
    );
}

#[test]
fn changes_on_disk_reload_by_themselves() {
    let dir = temp_dir("watch");
    write(&dir, "a.txt", "الأول\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    app.watch(std::time::Duration::from_millis(50));
    std::thread::sleep(std::time::Duration::from_millis(120));
    write(&dir, "b.txt", "الثاني\n\nنص\n");
    let start = std::time::Instant::now();
    while app.session.collection.as_ref().unwrap().entries.len() < 2 {
        assert!(start.elapsed().as_secs() < 10, "never reloaded");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
}

#[test]
fn a_reload_by_itself_does_not_hide_the_answer_to_a_search() {
    let dir = temp_dir("watch-message");
    write(&dir, "a.txt", "الأول\n\nنص\n");
    let mut app = app_over(&dir, 100, 10);
    app.watch(std::time::Duration::from_millis(50));
    std::thread::sleep(std::time::Duration::from_millis(120));
    press(&mut app, "/");
    type_text(&mut app, "zebra");
    press(&mut app, "Enter");
    let start = std::time::Instant::now();
    while app.job.is_some() {
        assert!(start.elapsed().as_secs() < 10, "never searched");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
    assert!(status(&app).contains("zebra"), "{}", status(&app));
    write(&dir, "b.txt", "الثاني\n\nنص\n");
    while app.session.collection.as_ref().unwrap().entries.len() < 2 {
        assert!(start.elapsed().as_secs() < 10, "never reloaded");
        std::thread::sleep(std::time::Duration::from_millis(10));
        app.tick();
    }
    assert!(status(&app).contains("zebra"), "{}", status(&app));
}

// Prompts recall earlier searches with Up, across sessions (kept in the state database).
#[test]
fn up_recalls_earlier_searches() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "/");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter /");
    type_text(&mut app, "الدستوري");
    press(&mut app, "Enter / Up Up");
    assert_eq!(app.prompt.as_ref().unwrap().text, "كازاخستان");
}

// Help lists what a screen does, the mouse wheel too.
#[test]
fn help_lists_the_mouse_wheel_and_scrolls() {
    let mut app = app(100, 16);
    open_seed(&mut app);
    press(&mut app, "?");
    // Everything the help says, scrolled through.
    let mut seen = screen(&app).join("\n");
    for _ in 0..40 {
        press(&mut app, "j");
        seen.push_str(&screen(&app).join("\n"));
    }
    assert!(seen.contains("mouse wheel"), "{seen}");
    assert!(seen.contains("Paragraph direction"), "{seen}");
    assert!(seen.contains("Copy the paragraph"), "{seen}");
}

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

// 3, as whole screens: Arabic in a message, a prompt, a filter label and a skipped file's name.
#[test]
fn arabic_in_the_chrome_snapshots() {
    let _snapshots = common::snapshots_in_tests();
    let mut app = app(70, 8);
    press(&mut app, "/");
    type_text(&mut app, "غيرموجودةكلمة");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    insta::assert_snapshot!("message", screen(&app).join("\n"));
    press(&mut app, "/");
    type_text(&mut app, "الحكومة التونسية");
    insta::assert_snapshot!("prompt", screen(&app).join("\n"));
    press(&mut app, "Esc");
    open_seed(&mut app);
    press(&mut app, "b B /");
    type_text(&mut app, "الدستوري");
    press(&mut app, "Enter");
    // The bookmark's date is the pinned clock's local day (2 March in UTC+3).
    let shown = screen(&app).join("\n");
    assert!(shown.contains("2026-03-02"), "{shown}");
    insta::assert_snapshot!("filter", shown);

    let dir = temp_dir("skipped");
    write(&dir, "مقال.txt", "عنوان\n\nنص\n");
    std::fs::write(dir.join("أخبار فارغة.txt"), b"").unwrap();
    let mut app = app_over(&dir, 70, 8);
    press(&mut app, "S");
    let shown = screen(&app).join("\n");
    // The path is laid out by the engine (the Arabic name shaped, right to left), not typed order.
    assert!(!shown.contains("أخبار فارغة"), "{shown}");
    let redacted = shown.replace(&visual(&dir.display().to_string()), "TMP");
    insta::assert_snapshot!("skipped", redacted);
}

// A query longer than the prompt shows its end, where the cursor is.
#[test]
fn a_long_prompt_shows_where_the_cursor_is() {
    let mut app = app(60, 10);
    press(&mut app, "/");
    type_text(&mut app, &("الحكومة ".repeat(30) + "نهاية"));
    let line = status(&app);
    assert!(line.contains(&visual("نهاية")), "{line}");
    press(&mut app, "Home");
    let line = status(&app);
    assert!(!line.contains(&visual("نهاية")), "{line}");
    assert!(line.contains('…'), "{line}");
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
