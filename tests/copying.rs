//! Copy in reading order and the terminal modes (issue 11), driven through the app: what `y`,
//! a selection and a drag put on the clipboard is the article's own text; Ctrl-z asks for a
//! suspension; in terminal mode the status line and the library's columns stay left to right.

#![allow(clippy::unwrap_used, clippy::string_slice)]

mod common;

use common::drive::{open_seed, press, reader, rows, settings, type_text, wait_for_search};
use qari::text::Direction;
use qari::tui::App;

fn app(width: u16, height: u16) -> App {
    let mut app = common::drive::app_with(settings(Direction::Majority), width, height);
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app
}

fn seed_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/articles/000_8278b886b146244e.txt"),
    )
    .unwrap()
}

/// The seed article's paragraphs as the file has them (the title first).
fn seed_blocks() -> Vec<String> {
    seed_text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn y_copies_the_cursor_paragraph_as_written() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "j j y");
    let copied = app.session.clipboard.take().unwrap();
    assert_eq!(copied, seed_blocks()[3]);
    assert!(
        app.session
            .message
            .as_deref()
            .unwrap()
            .starts_with(&format!("copied {} characters", copied.chars().count()))
    );
}

#[test]
fn a_selection_copies_several_paragraphs_with_blank_lines() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "j v j j");
    assert!(reader(&app).selection.is_some());
    // The selected paragraphs are drawn highlighted (reversed with NO_COLOR).
    press(&mut app, "y");
    let blocks = seed_blocks();
    assert_eq!(
        app.session.clipboard.take().unwrap(),
        blocks[2..=4].join("\n\n")
    );
    assert!(
        reader(&app).selection.is_none(),
        "copying ends the selection"
    );
    // Esc cancels a selection without leaving the article.
    press(&mut app, "v Esc");
    assert!(reader(&app).selection.is_none());
    assert!(matches!(app.screen(), qari::tui::Screen::Reader(_)));
}

#[test]
fn a_drag_copies_whole_rows_in_reading_order() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    // From the title's first row (screen row 1: the text starts on the second row) to the first
    // paragraph's row, over the blank row between.
    let to = u16::try_from(reader(&app).layout.blocks[1].first_row).unwrap() + 1;
    app.drag(1, Some(true));
    app.drag(to, Some(false));
    let shown = rows(&app, 80, 16);
    assert!(shown[1].contains('ﺲ'), "the title is on row 1: {shown:?}");
    app.drag(to, None);
    let blocks = seed_blocks();
    assert_eq!(
        app.session.clipboard.take().unwrap(),
        format!("{}\n\n{}", blocks[0], blocks[1])
    );
}

#[test]
fn results_and_bookmarks_copy_their_paragraph() {
    let mut app = app(100, 24);
    press(&mut app, "/");
    type_text(&mut app, "قوات");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    press(&mut app, "y");
    let copied = app.session.clipboard.take().unwrap();
    assert!(
        seed_blocks().contains(&copied),
        "a whole paragraph of the article: {copied}"
    );
    press(&mut app, "q");
    open_seed(&mut app);
    press(&mut app, "j b B y");
    assert_eq!(app.session.clipboard.take().unwrap(), seed_blocks()[2]);
}

#[test]
fn ctrl_z_asks_to_suspend() {
    let mut app = app(80, 16);
    press(&mut app, "Ctrl-z");
    assert!(app.suspend);
    assert!(!app.quit);
}

#[test]
fn terminal_mode_keeps_the_chrome_left_to_right() {
    let mut s = settings(Direction::Majority);
    s.visual = false;
    let mut app = common::drive::app_with(s, 80, 12);
    let buf = screen_cells(&app);
    // The library: each row starts left to right, and so does its date column.
    assert!(buf[(0, 1)].symbol().starts_with('\u{200e}'));
    let marks = (0..80)
        .filter(|&x| buf[(x, 1)].symbol().starts_with('\u{200e}'))
        .count();
    assert_eq!(marks, 2, "the row's start and its date column");
    open_seed(&mut app);
    let buf = screen_cells(&app);
    let status: Vec<u16> = (0..80)
        .filter(|&x| buf[(x, 11)].symbol().starts_with('\u{200e}'))
        .collect();
    assert_eq!(
        status.len(),
        3,
        "the status row's start, its keys (issue 25) and its counters"
    );
    assert_eq!(status[0], 0);
    // In app mode qari lays rows out itself: no marks at all.
    let mut app = app_with_visual();
    open_seed(&mut app);
    let buf = screen_cells(&app);
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.symbol().contains('\u{200e}'))
    );
}

/// Terminal mode (issue 24): the terminal is told each row's direction and an Arabic title's
/// extent, as it lays logical text out itself.
#[test]
fn terminal_mode_marks_each_rows_direction_and_embeds_arabic_titles() {
    let mut s = settings(Direction::Majority);
    s.visual = false;
    let mut app = common::drive::app_with(s, 80, 12);
    let buf = screen_cells(&app);
    // The library's English row holds the Arabic title in an embedding: RLE before its first
    // letter, PDF after its last.
    let row: Vec<&str> = (0..80).map(|x| buf[(x, 1)].symbol()).collect();
    let start = row.iter().position(|s| s.starts_with('\u{202b}'));
    let end = row.iter().position(|s| s.ends_with('\u{202c}'));
    let (Some(start), Some(end)) = (start, end) else {
        panic!("no embedding in {row:?}");
    };
    assert!(start < end, "{row:?}");
    let first = row[start]
        .trim_start_matches('\u{202b}')
        .chars()
        .next()
        .unwrap();
    assert!(('\u{0600}'..='\u{06ff}').contains(&first), "{row:?}");
    // The reader: every row of an Arabic paragraph starts with a right-to-left mark, whatever
    // it begins with, and the cursor mark is not a block element.
    open_seed(&mut app);
    let buf = screen_cells(&app);
    let text_rows: Vec<u16> = (0..11)
        .filter(|&y| (0..80).any(|x| buf[(x, y)].symbol().contains(|c: char| c.is_alphabetic())))
        .collect();
    assert!(text_rows.len() > 3);
    for y in text_rows {
        assert!(buf[(0, y)].symbol().starts_with('\u{200f}'), "row {y}");
    }
    assert!(buf.content().iter().any(|c| c.symbol() == "❙"));
    assert!(buf.content().iter().all(|c| !c.symbol().contains('▌')));
    // The keys' popup: its border is not box drawing either.
    press(&mut app, "?");
    let buf = screen_cells(&app);
    let boxed = |c: &ratatui::buffer::Cell| {
        c.symbol()
            .chars()
            .any(|ch| ('\u{2500}'..='\u{259f}').contains(&ch))
    };
    assert!(buf.content().iter().any(|c| c.symbol() == "|"));
    assert!(!buf.content().iter().any(boxed));
}

/// The cells of `app`'s 80×12 screen.
fn screen_cells(app: &App) -> ratatui::buffer::Buffer {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 12)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().buffer().clone()
}

fn app_with_visual() -> App {
    common::drive::app_with(settings(Direction::Majority), 80, 12)
}
