//! Search highlights on ratatui's TestBackend: the highlighted cells are exactly the cells of
//! the matched original characters, on right-to-left, left-to-right and mixed lines, across a
//! line break, and over a shaped lam-alef ligature.

#![allow(clippy::unwrap_used, clippy::string_slice)]

use qari::collection::{Article, Meta};
use qari::config::Theme;
use qari::text::{Direction, Options};
use qari::tui::Ctx;
use qari::tui::reader::ReaderView;
use qari::tui::theme::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn article(paragraphs: &[&str]) -> Article {
    Article {
        path: "t.txt".into(),
        title: "T".into(),
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        meta: Meta::default(),
        encoding: "UTF-8".into(),
    }
}

/// Draws the article (column `width`) after searching `query`; returns the rows and, per row,
/// the highlighted cells' text read left to right.
fn highlighted(paragraphs: &[&str], width: u16, query: &str) -> (Vec<String>, Vec<String>) {
    let options = Options {
        direction: Direction::Auto,
        shape: true,
    };
    let mut r = ReaderView::new(article(paragraphs), usize::from(width), 20, options);
    r.find(query);
    let styles = Styles::new(&Theme::default(), true);
    let keymap = qari::tui::Keymap::default();
    let msgs = qari::i18n::Messages::default();
    let ctx = Ctx {
        styles: &styles,
        options,
        visual: true,
        keymap: &keymap,
        msgs: &msgs,
        clock: qari::clock::Clock::pinned(0, 0),
    };
    let area = Rect::new(0, 0, width + 4, 20);
    let mut buf = Buffer::empty(area);
    r.draw(&mut buf, area, &ctx);
    let mut rows = Vec::new();
    let mut marked = Vec::new();
    for y in 0..area.height {
        let mut row = String::new();
        let mut mark = String::new();
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            row.push_str(cell.symbol());
            if cell
                .modifier
                .intersects(Modifier::UNDERLINED | Modifier::REVERSED)
            {
                mark.push_str(cell.symbol());
            }
        }
        rows.push(row.trim_end().to_owned());
        marked.push(mark);
    }
    (rows, marked)
}

fn marked_text(marked: &[String]) -> Vec<&str> {
    marked
        .iter()
        .map(String::as_str)
        .filter(|m| !m.is_empty())
        .collect()
}

#[test]
fn ltr_line() {
    let (_, marked) = highlighted(
        &["The quick brown fox jumps over the lazy dog"],
        60,
        "BROWN",
    );
    assert_eq!(marked_text(&marked), vec!["brown"]);
}

#[test]
fn rtl_line_with_harakat() {
    let (_, marked) = highlighted(&["قال إن الإِسْلَامَ دين"], 60, "الاسلام");
    let m = marked_text(&marked);
    assert_eq!(m.len(), 1);
    // Read right to left, the highlighted cells are the word with its harakat.
    let logical: String = m[0].chars().rev().collect::<String>();
    assert_eq!(qari::search::normalize(&logical), "الاسلام");
    assert!(
        m[0].contains('\u{64E}') || m[0].contains('\u{652}'),
        "harakat highlighted too: {:?}",
        m[0]
    );
}

#[test]
fn mixed_line() {
    let (rows, marked) = highlighted(&["أطلق Linux الإصدار 6.6 اليوم"], 60, "linux 6.6");
    let m = marked_text(&marked);
    assert_eq!(m.len(), 1, "{rows:?}");
    // Both terms on one row; in visual order "6.6" sits left of "Linux" in this RTL line,
    // with Arabic between them: two separate runs of highlighted cells.
    let row = rows.iter().position(|r| r.contains("Linux")).unwrap();
    assert!(
        marked[row].contains("Linux") && marked[row].contains("6.6"),
        "{:?}",
        marked[row]
    );
    assert_eq!(marked[row].chars().count(), "Linux".len() + "6.6".len());
}

#[test]
fn across_a_line_break() {
    // A phrase that the 20-cell column breaks in two: both halves are highlighted.
    let (rows, marked) = highlighted(
        &["كلمة كلمة كلمة مدينة الرياض كلمة كلمة"],
        20,
        "\"مدينة الرياض\"",
    );
    let m = marked_text(&marked);
    assert_eq!(m.len(), 2, "the phrase spans two rows: {rows:?}");
    let cells: usize = m.iter().map(|s| s.chars().count()).sum();
    assert_eq!(
        cells,
        "مدينة".chars().count() + "الرياض".chars().count(),
        "{m:?}"
    );
}

#[test]
fn shaped_lam_alef() {
    // سلام: the lam-alef is one cell; searching "لا" highlights that one cell.
    let (_, marked) = highlighted(&["قال سلام عليكم"], 60, "لا");
    let m = marked_text(&marked);
    assert_eq!(m, vec!["\u{FEFC}"], "{m:?}");
    // and the whole word: 3 cells (seen, lam-alef, meem)
    let (_, marked) = highlighted(&["قال سلام عليكم"], 60, "سلام");
    assert_eq!(
        marked_text(&marked)
            .iter()
            .map(|s| s.chars().count())
            .sum::<usize>(),
        3
    );
}

#[test]
fn a_long_paragraph_reopens_on_the_page_it_was_left() {
    let long = "كلمة طويلة في فقرة طويلة جدا ".repeat(80);
    let options = Options {
        direction: Direction::Auto,
        shape: true,
    };
    let mut r = ReaderView::new(article(&["قصيرة", &long, "أخرى"]), 40, 8, options);
    r.go_to_page(3);
    assert_eq!(r.cursor.get(), 2, "page 4 is inside the long paragraph");
    let offset = r.offset_at_top();
    assert!(offset > 0);
    let mut again = ReaderView::new(article(&["قصيرة", &long, "أخرى"]), 40, 8, options);
    again.restore(r.cursor, offset);
    assert_eq!((again.cursor.get(), again.page()), (2, 3));
    // At another width the same text is found on whatever page it now is.
    let mut narrow = ReaderView::new(article(&["قصيرة", &long, "أخرى"]), 25, 8, options);
    narrow.restore(r.cursor, offset);
    let top = narrow.layout.rows[narrow.page() * 8];
    assert!(matches!(
        top,
        qari::page::Row::Line {
            block: qari::collection::BlockIndex(2),
            ..
        } | qari::page::Row::Blank
    ));
}
