//! What the chrome says (issue 9): pastes and prompts, q going back, Arabic in messages laid out,
//! messages that last, hints from the key table, empty queries and filters, cut text, counts, the
//! search history and the help.

use crate::common::drive::{open_seed, press, reader, type_text, wait_for_search};
use crate::{app, app_over, screen, settings, status, temp_dir, visual, write};
use qari::collection::Collection;
use qari::tui::app::Screen;
use qari::tui::{App, Key, Keymap};

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
