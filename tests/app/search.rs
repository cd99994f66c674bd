//! Searching: in the article (every written variant, n and N across pages, the highlight on
//! exactly the matched cells) and in the collection (the results, opening one at its match).

use crate::app;
use crate::common::drive::{open_seed, press, reader, type_text, wait_for_search};
use qari::tui::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn search_in_the_article_finds_every_variant() {
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "/");
    assert!(app.prompt.is_some());
    type_text(&mut app, "في");
    press(&mut app, "Enter");
    assert!(app.prompt.is_none());
    let r = reader(&app);
    let s = r.search.as_ref().unwrap();
    let article = &r.article;
    let texts: Vec<&str> = std::iter::once(article.title.as_str())
        .chain(article.paragraphs.iter().map(String::as_str))
        .collect();
    let found: Vec<&str> = s
        .all()
        .iter()
        .map(|f| &texts[f.block.0][f.range.clone()])
        .collect();
    // The article writes it both ways: في and فى.
    assert!(found.contains(&"في") && found.contains(&"فى"), "{found:?}");
    assert!(found.iter().all(|f| *f == "في" || *f == "فى"), "{found:?}");
    let total = s.len();
    // n walks the matches and turns the pages; N walks back.
    let mut pages = std::collections::HashSet::new();
    for _ in 0..total {
        press(&mut app, "n");
        pages.insert(reader(&app).page());
    }
    assert!(pages.len() > 1, "the matches are on several pages");
    assert_eq!(
        reader(&app).search.as_ref().unwrap().current,
        0,
        "n wraps around"
    );
    press(&mut app, "N");
    assert_eq!(reader(&app).search.as_ref().unwrap().current, total - 1);
    // Esc clears the search, a second Esc leaves the article.
    press(&mut app, "Esc");
    assert!(!reader(&app).search.as_ref().unwrap().is_active());
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Library(_)));
}

#[test]
fn highlights_cover_exactly_the_matched_cells() {
    use ratatui::style::Modifier;
    let mut app = app(80, 16);
    open_seed(&mut app);
    press(&mut app, "/");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter");
    let mut terminal = Terminal::new(TestBackend::new(80, 16)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    // Row 4 holds "الأحداث في كازاخستان" right-aligned; the highlighted cells, read left to
    // right, must be the shaped word (9 cells), nothing else.
    let mut highlighted = Vec::new();
    for y in 0..14 {
        let mut run = String::new();
        for x in 0..80 {
            let cell = &buffer[(x, y)];
            // The test app runs with NO_COLOR: matches are underlined, the current one reversed.
            if cell
                .modifier
                .intersects(Modifier::UNDERLINED | Modifier::REVERSED)
            {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                highlighted.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            highlighted.push(run);
        }
    }
    // Every highlighted run, read right to left and un-shaped, is the word itself: the
    // highlight covers the matched letters (in whatever contextual form), nothing more.
    assert!(!highlighted.is_empty());
    for h in &highlighted {
        let logical: String = h.chars().rev().collect();
        assert_eq!(
            qari::search::normalize(&logical),
            "كازاخستان",
            "highlighted {h:?}"
        );
    }
}

#[test]
fn collection_search_lists_results_and_opens_at_the_match() {
    let mut app = app(100, 24);
    press(&mut app, "/");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter");
    wait_for_search(&mut app);
    let Screen::Results(r) = app.screen() else {
        panic!("no results: {:?}", app.session.message)
    };
    assert_eq!(r.items.len(), 1);
    assert!(r.items[0].title_match);
    assert!(r.snippet_has_the_match());
    press(&mut app, "Enter");
    let reader = reader(&app);
    let s = reader.search.as_ref().unwrap();
    assert_eq!(s.query, "كازاخستان");
    assert!(!s.is_empty());
    press(&mut app, "Esc");
    press(&mut app, "Esc");
    assert!(
        matches!(app.screen(), Screen::Results(_)),
        "back to the results"
    );
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Library(_)));
}

trait Snippet {
    fn snippet_has_the_match(&self) -> bool;
}

impl Snippet for qari::tui::results::ResultsView {
    fn snippet_has_the_match(&self) -> bool {
        let item = &self.items[0];
        !item.marks.is_empty()
            && item
                .marks
                .iter()
                .all(|m| qari::search::normalize(&item.snippet[m.clone()]) == "كازاخستان")
    }
}
