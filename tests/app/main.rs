//! The app driven by keystroke scripts (keys in, state out), and whole screens snapshot-tested on
//! ratatui's TestBackend.

#![allow(clippy::unwrap_used, clippy::string_slice)]

#[path = "../common/mod.rs"]
mod common;

use common::drive::{open_seed, press, reader, type_text, wait_for_search};
use qari::collection::Collection;
use qari::text::Direction;
use qari::tui::{App, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    common::drive::app_with(common::drive::settings(Direction::Auto), width, height)
}

#[test]
fn library_moves_and_opens() {
    let mut app = app(100, 30);
    assert_eq!(app.library().unwrap().selected, 0);
    press(&mut app, "j j k");
    assert_eq!(app.library().unwrap().selected, 1);
    press(&mut app, "G");
    assert_eq!(app.library().unwrap().selected, 3);
    press(&mut app, "j");
    assert_eq!(app.library().unwrap().selected, 3, "stays on the last");
    open_seed(&mut app);
    assert!(reader(&app).article.title.starts_with("رئيس كازاخستان"));
    assert!(
        app.session
            .reading
            .keys()
            .any(|p| p.ends_with("000_8278b886b146244e.txt"))
    );
    press(&mut app, "q");
    assert!(matches!(app.screen(), Screen::Library(_)));
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn reader_pages_and_cursor() {
    let mut app = app(80, 12);
    open_seed(&mut app);
    let pages = reader(&app).pages();
    assert!(pages > 3, "{pages} pages");
    press(&mut app, "Space");
    assert_eq!(reader(&app).page(), 1);
    let cursor = reader(&app).cursor.index();
    assert!(cursor > 0, "the cursor follows the page");
    press(&mut app, "Backspace");
    assert_eq!(reader(&app).page(), 0);
    press(&mut app, "G");
    assert_eq!(reader(&app).page(), pages - 1);
    press(&mut app, "Space");
    assert_eq!(reader(&app).page(), pages - 1, "no page after the last");
    press(&mut app, "g");
    assert_eq!((reader(&app).page(), reader(&app).cursor.index()), (0, 0));
    // j walks the paragraphs; the page follows the cursor.
    for _ in 0..8 {
        press(&mut app, "j");
    }
    let r = reader(&app);
    assert_eq!(r.cursor.index(), 8);
    // The cursor's paragraph is shown whole (it fits on a page).
    let b = &r.layout.blocks[9];
    assert!(b.lines.len() <= r.height);
    assert!(r.top <= b.first_row && b.first_row + b.lines.len() <= r.top + r.height);
    press(&mut app, "k");
    assert_eq!(reader(&app).cursor.index(), 7);
}

#[test]
fn resize_keeps_the_cursor_paragraph_on_screen() {
    let mut app = app(100, 30);
    open_seed(&mut app);
    for _ in 0..10 {
        press(&mut app, "j");
    }
    app.resize(50, 12);
    let r = reader(&app);
    assert_eq!(r.cursor.index(), 10);
    let first = r.layout.blocks[11].first_row;
    assert!((r.page() * r.height..(r.page() + 1) * r.height).contains(&first));
    assert_eq!(r.layout.width, 46);
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut app = app(100, 30);
    press(&mut app, "?");
    assert!(app.overlay.is_some());
    press(&mut app, "j");
    assert_eq!(
        app.library().unwrap().selected,
        0,
        "keys do not reach the screen under the help"
    );
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut out = String::new();
    for row in common::drive::rows(app, width, height) {
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn library_screen() {
    let _snapshots = common::snapshots_in_tests();
    let app = app(100, 8);
    insta::assert_snapshot!(screen(&app, 100, 8));
}

#[test]
fn reader_screen() {
    let _snapshots = common::snapshots_in_tests();
    let mut app = app(80, 16);
    open_seed(&mut app);
    insta::assert_snapshot!(screen(&app, 80, 16));
}

#[test]
fn help_screen() {
    let _snapshots = common::snapshots_in_tests();
    let mut app = app(80, 20);
    open_seed(&mut app);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app, 80, 20));
}

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

fn app_with_store(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app
}

#[test]
fn bookmarks_toggle_note_list_delete_undo() {
    let mut app = app_with_store(80, 16);
    open_seed(&mut app);
    press(&mut app, "j j");
    press(&mut app, "b");
    assert_eq!(reader(&app).bookmarks.len(), 1);
    assert_eq!(reader(&app).bookmarks[0].paragraph.get(), 3);
    // a note, typed into the prompt
    press(&mut app, "m");
    type_text(&mut app, "للاقتباس");
    press(&mut app, "Enter");
    assert_eq!(reader(&app).bookmark_here().unwrap().note, "للاقتباس");
    // the star is drawn beside the paragraph
    let screen = screen(&app, 80, 16);
    assert!(screen.contains('★'), "{screen}");
    // b again removes it, b once more puts it back
    press(&mut app, "b");
    assert!(reader(&app).bookmarks.is_empty());
    press(&mut app, "b j b");
    assert_eq!(reader(&app).bookmarks.len(), 2);
    // the bookmarks screen: both, grouped under the title
    press(&mut app, "B");
    let Screen::Bookmarks(b) = app.screen() else {
        panic!("not on bookmarks")
    };
    assert_eq!(b.shown.len(), 2);
    press(&mut app, "d");
    let Screen::Bookmarks(b) = app.screen() else {
        panic!()
    };
    assert_eq!(b.shown.len(), 1);
    assert_eq!(
        app.session
            .store
            .as_ref()
            .unwrap()
            .bookmarks()
            .unwrap()
            .len(),
        1
    );
    press(&mut app, "u");
    assert_eq!(
        app.session
            .store
            .as_ref()
            .unwrap()
            .bookmarks()
            .unwrap()
            .len(),
        2
    );
    // / filters by the paragraph's text
    press(&mut app, "/");
    type_text(&mut app, "عواصم");
    press(&mut app, "Enter");
    let Screen::Bookmarks(b) = app.screen() else {
        panic!()
    };
    assert_eq!(b.shown.len(), 1);
    // Enter jumps to the paragraph
    press(&mut app, "Enter");
    assert_eq!(reader(&app).cursor.index(), 2);
}

#[test]
fn reading_positions_are_remembered() {
    let mut app = app_with_store(80, 16);
    open_seed(&mut app);
    for _ in 0..6 {
        press(&mut app, "j");
    }
    press(&mut app, "q");
    let seed = app
        .session
        .reading
        .iter()
        .find(|(p, _)| p.ends_with("000_8278b886b146244e.txt"))
        .unwrap();
    assert_eq!(*seed.1, qari::store::ReadState::InProgress);
    open_seed(&mut app);
    assert_eq!(reader(&app).cursor.index(), 6, "back where it was left");
    press(&mut app, "G q");
    let seed = app
        .session
        .reading
        .iter()
        .find(|(p, _)| p.ends_with("000_8278b886b146244e.txt"))
        .unwrap();
    assert_eq!(*seed.1, qari::store::ReadState::Read);
}

#[test]
fn an_article_without_paragraphs_cannot_be_bookmarked() {
    let mut app = app_with_store(80, 12);
    let article = qari::collection::Article {
        path: "only-title.txt".into(),
        title: "عنوان فقط".into(),
        paragraphs: Vec::new(),
        meta: qari::collection::Meta::default(),
        encoding: "UTF-8".into(),
    };
    let view = qari::tui::reader::ReaderView::new(article, 60, 10, qari::text::Options::default());
    app.push(Screen::Reader(Box::new(view)));
    press(&mut app, "j b");
    assert!(
        app.session
            .store
            .as_ref()
            .unwrap()
            .bookmarks()
            .unwrap()
            .is_empty()
    );
    assert!(
        app.session
            .message
            .as_deref()
            .unwrap_or_default()
            .contains("no paragraph")
    );
    assert!(screen(&app, 80, 12).contains("¶ 0/0"));
}

/// An app on a collection of `articles` (file name, text) written to a temp folder.
fn app_on(name: &str, articles: &[(&str, &str)], width: u16, height: u16) -> App {
    let dir = std::env::temp_dir().join(format!("qari-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in articles {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let collection = Collection::load(&dir, None, &qari::collection::Progress::default()).unwrap();
    let mut app = app(width, height);
    app.loaded(collection);
    app
}

/// [`app_on`] with a search index for the collection, in a folder of its own.
fn app_indexed(name: &str, articles: &[(&str, &str)], width: u16, height: u16) -> App {
    let mut app = app_on(name, articles, width, height);
    let dir = std::env::temp_dir().join(format!("qari-app-{name}-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    app.session.index_file = Some(dir.join("index.db"));
    app
}

/// Twelve articles that all hold "كلمة", the twelfth most often; the first also in its title.
fn many_articles() -> Vec<(String, String)> {
    (1..=12)
        .map(|i| {
            let title = if i == 1 {
                "كلمة أولى".to_owned()
            } else {
                format!("عنوان {i}")
            };
            let words = vec!["كلمةٌ"; i].join(" و");
            (
                format!("{i:02}.txt"),
                format!("{title}\n\nفي هذا النص {words} أخيرا.\n"),
            )
        })
        .collect()
}

#[test]
fn indexed_results_read_only_the_snippets_in_view() {
    let articles = many_articles();
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    // Six rows of results: three results on screen.
    let mut app = app_indexed("lazy", &articles, 60, 8);
    let r = search_collection(&mut app, "كلمه").clone();
    let entries = &app.session.collection.as_ref().unwrap().entries;
    let titles: Vec<&str> = r
        .items
        .iter()
        .map(|i| entries[i.entry].title.as_str())
        .collect();
    // The title match first, then more matches first.
    assert_eq!(titles[..3], ["كلمة أولى", "عنوان 12", "عنوان 11"]);
    assert_eq!(r.items[1].hits, 12);
    let read = |r: &qari::tui::results::ResultsView| -> Vec<bool> {
        r.items.iter().map(|i| i.excerpt_text().is_some()).collect()
    };
    assert_eq!(read(&r), [[true; 3].as_slice(), &[false; 9]].concat());
    assert!(
        r.items[1].snippet.contains("كلمةٌ"),
        "{}",
        r.items[1].snippet
    );
    // Moving down brings the next one into view, and only it is read.
    press(&mut app, "j j j");
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert_eq!(read(r), [[true; 4].as_slice(), &[false; 8]].concat());
    // The last screenful, at once.
    press(&mut app, "G");
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert!(read(r)[9..].iter().all(|&b| b));
    assert!(!r.items[11].marks.is_empty());
    // Taller: the rows that come into view are read.
    press(&mut app, "g");
    app.resize(60, 14);
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert!(read(r)[..6].iter().all(|&b| b));
}

#[test]
fn an_indexed_result_whose_file_is_gone_stays_and_says_why() {
    let articles = many_articles();
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let mut app = app_indexed("gone", &articles, 60, 8);
    let r = search_collection(&mut app, "كلمه").clone();
    let c = app.session.collection.clone().unwrap();
    // The last result (one match, not on screen yet) is deleted after the search.
    let last = r.items.last().unwrap().entry;
    std::fs::remove_file(&c.entries[last].path).unwrap();
    press(&mut app, "G");
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    assert_eq!(r.items.len(), 12, "still listed");
    let item = r.items.last().unwrap();
    assert!(matches!(
        item.excerpt,
        qari::tui::results::Excerpt::Unreadable(_)
    ));
    assert!(item.snippet.is_empty() && item.marks.is_empty());
    // Its row says why instead of a snippet; opening it says so and stays.
    let row: String = row_cells(&app, 60, 8, 6).concat();
    assert!(row.contains("os error 2"), "{row}");
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Results(_)));
    let message = app.session.message.clone().unwrap_or_default();
    assert!(message.contains("os error 2"), "{message}");
    // A new search no longer finds it.
    let r = search_collection(&mut app, "كلمه");
    assert_eq!(r.items.len(), 11);
}

#[test]
fn an_indexed_search_shows_its_progress_and_esc_cancels_it() {
    let articles = many_articles();
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let mut app = app_indexed("cancel", &articles, 60, 8);
    press(&mut app, "/");
    type_text(&mut app, "كلمه");
    press(&mut app, "Enter");
    assert!(app.job.is_some());
    let status: String = row_cells(&app, 60, 8, 7).concat();
    assert!(status.contains("Searching"), "{status}");
    press(&mut app, "Esc");
    assert!(app.job.is_none());
    assert!(matches!(app.screen(), Screen::Library(_)));
    assert_eq!(app.session.message.as_deref(), Some("search cancelled"));
}

/// Searches the collection for `query` and waits for the results screen.
fn search_collection<'a>(app: &'a mut App, query: &str) -> &'a qari::tui::results::ResultsView {
    press(app, "/");
    type_text(app, query);
    press(app, "Enter");
    wait_for_search(app);
    let Screen::Results(r) = app.screen() else {
        panic!("no results: {:?}", app.session.message)
    };
    r
}

/// The result of the article titled `title`.
fn result<'a>(
    app: &'a App,
    r: &'a qari::tui::results::ResultsView,
    title: &str,
) -> &'a qari::tui::results::ResultItem {
    let entries = &app.session.collection.as_ref().unwrap().entries;
    r.items
        .iter()
        .find(|i| entries[i.entry].title == title)
        .unwrap_or_else(|| panic!("no result for {title}"))
}

/// Row `y` of `app` drawn at `width` x `height`, cell by cell.
fn row_cells(app: &App, width: u16, height: u16, y: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..width)
        .map(|x| buffer[(x, y)].symbol().to_owned())
        .collect()
}

const WEATHER: &str = "الطقس في البلاد\n\n\
قال المسؤولون في الوزارة إن العمل مستمر منذ الصباح الباكر في جميع المناطق الشمالية \
والجنوبية من البلاد رغم الأمطار الغزيرة التي هطلت طوال الليل وأدت إلى إغلاق عدد من الطرق \
الرئيسية والفرعية أمام حركة السير وتأخر وصول الموظفين إلى مكاتبهم، حيث أعلنت الشركة عَودة \
خدمةِ الكهرباء إلى الأحياء المتضررة بعد انقطاع دام ساعات طويلة وسط ترحيب واسع من السكان \
الذين عانوا كثيرا من البرد القارس في تلك الليلة الطويلة.\n";

const QUAKE: &str = "زلزال بقوة خمس درجات يضرب الساحل الشمالي\n\n\
أفادت هيئة المساحة الجيولوجية بأن الهزة وقعت فجر اليوم على عمق عشرة كيلومترات تحت سطح \
البحر، وشعر بها سكان المدن الساحلية القريبة دون أن تسجل أضرار تذكر في المباني.\n\
لم ترد أنباء عن إصابات.\n";

const ENERGY: &str = "سوق الطاقة هذا الأسبوع\n\n\
ارتفع النفط يوم الاثنين، ثم تراجع النفط يوم الثلاثاء، وعاد النفط إلى الارتفاع يوم الأربعاء.\n\
وفي المقابل بقي الغاز مستقرا، كما بقي النفط الخام عند مستواه في الأسواق الآسيوية.\n";

/// The articles for the snippet tests.
fn snippet_articles() -> Vec<(&'static str, &'static str)> {
    vec![
        ("weather.txt", WEATHER),
        ("quake.txt", QUAKE),
        ("energy.txt", ENERGY),
    ]
}

#[test]
fn a_snippet_starts_at_a_word_with_an_ellipsis_and_shows_the_whole_hit() {
    let mut app = app_on("snippet-far", &snippet_articles(), 80, 12);
    let r = search_collection(&mut app, "خدمة").clone();
    let item = result(&app, &r, "الطقس في البلاد");
    let paragraph = WEATHER.lines().nth(2).unwrap();
    let s = &item.snippet;
    // Cut at both ends, each cut marked, each at a word boundary of the paragraph.
    let body = s
        .strip_prefix('…')
        .unwrap_or_else(|| panic!("no … at the start: {s}"));
    let body = body
        .strip_suffix('…')
        .unwrap_or_else(|| panic!("no … at the end: {s}"));
    let at = paragraph
        .find(body)
        .unwrap_or_else(|| panic!("not a piece of it: {s}"));
    assert!(
        at > 0 && paragraph[..at].ends_with(' '),
        "starts mid-word: {s}"
    );
    let end = &paragraph[at + body.len()..];
    assert!(
        !end.is_empty() && end.starts_with(' '),
        "ends mid-word: {s}"
    );
    // The whole word of the hit, with its kasra.
    assert!(body.split(' ').any(|w| w == "خدمةِ"), "{s}");
    // The marks point at the matched characters, past the "…".
    let term = qari::search::normalize("خدمة");
    assert!(!item.marks.is_empty());
    for m in &item.marks {
        assert_eq!(qari::search::normalize(&s[m.clone()]), term, "{s} {m:?}");
    }
    // It fits the width it is drawn in: drawn whole, nothing more cut (read right to left).
    let cells = row_cells(&app, 80, 12, 2);
    let drawn: String = cells.iter().rev().map(String::as_str).collect();
    assert_eq!(
        qari::search::normalize(drawn.trim()),
        qari::search::normalize(s),
        "{drawn}"
    );
    // A narrower terminal: cut again to fit, the hit still whole.
    app.resize(50, 12);
    let Screen::Results(r) = app.screen() else {
        panic!("not on the results")
    };
    let s = &r.items[0].snippet;
    assert!(s.split(['…', ' ']).any(|w| w == "خدمةِ"), "{s}");
    let cells = row_cells(&app, 50, 12, 2);
    let drawn: String = cells.iter().rev().map(String::as_str).collect();
    assert_eq!(
        qari::search::normalize(drawn.trim()),
        qari::search::normalize(s),
        "{drawn}"
    );
}

#[test]
fn a_hit_in_the_title_alone_does_not_repeat_the_title() {
    let mut app = app_on("snippet-title", &snippet_articles(), 80, 12);
    let r = search_collection(&mut app, "زلزال").clone();
    let item = result(&app, &r, "زلزال بقوة خمس درجات يضرب الساحل الشمالي");
    let s = &item.snippet;
    assert!(!s.contains("زلزال"), "the title again: {s}");
    // The article's first paragraph instead, from its start, cut at a word with "…".
    let first = QUAKE.lines().nth(2).unwrap();
    let body = s
        .strip_suffix('…')
        .unwrap_or_else(|| panic!("no … at the end: {s}"));
    assert!(
        first.starts_with(body) && first[body.len()..].starts_with(' '),
        "{s}"
    );
    assert!(item.marks.is_empty());
}

#[test]
fn a_paragraph_with_every_term_beats_one_with_more_hits_of_one() {
    let mut app = app_on("snippet-terms", &snippet_articles(), 80, 12);
    let r = search_collection(&mut app, "النفط الغاز").clone();
    let item = result(&app, &r, "سوق الطاقة هذا الأسبوع");
    let s = &item.snippet;
    assert!(s.contains("الغاز") && s.contains("النفط"), "{s}");
    let found: Vec<String> = item
        .marks
        .iter()
        .map(|m| qari::search::normalize(&s[m.clone()]))
        .collect();
    assert_eq!(found, vec!["الغاز", "النفط"], "{s}");
}

const WAGES: &str = "الحكومة تعلن زيادة الأجور في القطاع العام بنسبة عشرة بالمئة اعتبارا من بداية \
العام المقبل وسط ترحيب النقابات\n\nقالت الحكومة إن الزيادة تشمل جميع الموظفين.\n";

#[test]
fn a_long_title_keeps_a_gap_after_the_count_and_ends_with_an_ellipsis() {
    let mut app = app_on("long-title", &[("wages.txt", WAGES)], 80, 12);
    search_collection(&mut app, "الأجور");
    let cells = row_cells(&app, 80, 12, 1);
    assert_eq!(cells[0..2].concat(), " 1", "{cells:?}");
    assert_eq!(
        cells[2],
        " ",
        "the title touches the count: {}",
        cells.concat()
    );
    // Right to left, the title ends at its left: with "…".
    let first = cells[2..].iter().find(|c| *c != " ").unwrap();
    assert_eq!(first, "…", "{}", cells.concat());
}

/// An app over `collection` with the interface in Arabic, and a state database.
fn app_ar_over(collection: Collection, width: u16, height: u16) -> App {
    let msgs = qari::i18n::Messages::new(qari::i18n::Lang::Ar);
    let settings = common::drive::settings_in(Direction::Auto, msgs);
    let mut app = App::new(settings, (width, height));
    app.loaded(collection);
    app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
    app
}

fn app_ar(width: u16, height: u16) -> App {
    app_ar_over(Collection::builtin(), width, height)
}

/// Issue 12: every screen with the interface in Arabic, at 100×30 and 60×20: the chrome
/// mirrored (status lines from the right, marks and counts at the right, dates at the left),
/// Arabic-Indic digits in counters and dates, no English word but file and key names.
#[test]
fn arabic_screens() {
    let _snapshots = common::snapshots_in_tests();
    for (w, h) in [(100, 30), (60, 20)] {
        let name = |screen: &str| format!("ar_{screen}_{w}x{h}");
        let mut app = app_ar(w, h);
        insta::assert_snapshot!(name("library"), screen(&app, w, h));
        press(&mut app, "/");
        type_text(&mut app, "كازاخستان");
        press(&mut app, "Enter");
        wait_for_search(&mut app);
        insta::assert_snapshot!(name("results"), screen(&app, w, h));
        press(&mut app, "Enter");
        // The reader at the first match, the next paragraph bookmarked.
        press(&mut app, "j b");
        insta::assert_snapshot!(name("reader"), screen(&app, w, h));
        press(&mut app, "?");
        insta::assert_snapshot!(name("help"), screen(&app, w, h));
        press(&mut app, "Esc B");
        insta::assert_snapshot!(name("bookmarks"), screen(&app, w, h));

        let dir = std::env::temp_dir().join(format!("qari-app-ar-{w}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("مقال.txt"), "عنوان\n\nنص\n").unwrap();
        std::fs::write(dir.join("empty.txt"), b"").unwrap();
        std::fs::write(dir.join("binary.txt"), b"\0\0\0abc").unwrap();
        let progress = qari::collection::Progress::default();
        let collection = Collection::load(&dir, None, &progress).unwrap();
        let mut app = app_ar_over(collection, w, h);
        let shown = screen(&app, w, h).replace(&dir.display().to_string(), "TMP");
        insta::assert_snapshot!(name("skipped_message"), shown);
        press(&mut app, "S");
        let shown = screen(&app, w, h).replace(&dir.display().to_string(), "TMP");
        insta::assert_snapshot!(name("skipped"), shown);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The library's dates in the Hijri calendar, and counters in Latin digits when asked
/// (`calendar = "hijri"`, `digits = "latin"`); the articles' own digits never change.
#[test]
fn arabic_dates_can_be_hijri_and_digits_latin() {
    use qari::i18n::{Calendar, Digits, Lang, Messages};
    use qari::text::{Options, Prepared};
    let visual = |text: &str| {
        let p = Prepared::new(text, Options::default());
        let lines = p.wrap(text, usize::MAX);
        p.visual(&lines[0]).text
    };
    let msgs = Messages::new(Lang::Ar).with_calendar(Calendar::Hijri);
    let settings = common::drive::settings_in(Direction::Auto, msgs);
    let app = common::drive::app_with(settings, 100, 8);
    let shown = screen(&app, 100, 8);
    // 2024-02-14 is 4 Sha'ban 1445.
    assert!(shown.contains(&visual("٤ شعبان ١٤٤٥")), "{shown}");
    assert!(
        shown.contains("%3.5"),
        "the title's digits changed:\n{shown}"
    );

    let msgs = Messages::new(Lang::Ar).with_digits(Digits::Latin);
    let settings = common::drive::settings_in(Direction::Auto, msgs);
    let mut app = common::drive::app_with(settings, 100, 8);
    open_seed(&mut app);
    let status = common::drive::rows(&app, 100, 8).pop().unwrap();
    assert!(status.contains("1/16"), "{status}");
    assert!(!status.contains('١'), "{status}");
}

/// Issue 19: the bookmarks screen is the same every day but for the date itself. The clock is
/// walked over a year (every day of 2027, in three time zones, in both calendars): the date shown
/// is the clock's local day, and it sits flush at the chrome's edge whatever its width (day and
/// month names differ in length from day to day).
#[test]
fn the_bookmarks_screen_holds_on_every_day_of_a_year() {
    use qari::clock::Clock;
    use qari::i18n::{Calendar, Lang, Messages, Ymd};
    use qari::text::{Options, Prepared};
    use unicode_width::UnicodeWidthStr;
    let visual = |text: &str| {
        let p = Prepared::new(text, Options::default());
        let lines = p.wrap(text, usize::MAX);
        p.visual(&lines[0]).text
    };
    let (w, h) = (60, 8);
    let mut ends = None;
    let start = 1_798_761_600; // 2027-01-01 00:00 UTC
    for calendar in [Calendar::Gregorian, Calendar::Hijri] {
        for offset in [-5 * 3600, 0, 5 * 3600 + 1800] {
            for day in 0..365 {
                // 20:00 UTC: already the next day in UTC+5:30, the same day in UTC and UTC-5.
                let at = start + day * 86_400 + 20 * 3600;
                let clock = Clock::pinned(at, offset);
                let msgs = Messages::new(Lang::Ar).with_calendar(calendar);
                let mut settings = common::drive::settings_in(Direction::Auto, msgs.clone());
                settings.clock = clock;
                let mut app = App::new(settings, (w, h));
                app.loaded(Collection::builtin());
                app.attach_store(qari::store::Store::in_memory().unwrap(), &[]);
                press(&mut app, "Enter b B");
                let rows = common::drive::rows(&app, w, h);
                let local = Ymd::from_unix(at + i64::from(offset));
                assert_eq!(clock.today(), local);
                let date = visual(&msgs.day(local));
                let row = rows
                    .iter()
                    .find(|l| l.contains(&date))
                    .unwrap_or_else(|| panic!("{date} not on the screen:\n{}", rows.join("\n")));
                // Right to left: the date ends at the chrome's right edge, the same column every
                // day, whatever its width.
                let end = row.trim_end().width();
                assert!(end > usize::from(w) / 2 + date.width(), "{row:?}");
                assert_eq!(
                    *ends.get_or_insert(end),
                    end,
                    "day {day}, offset {offset}: {row:?}"
                );
            }
        }
    }
}

/// Issue 19: keys typed while the collection loads wait for the library, in order; leaving
/// does not wait.
#[test]
fn keys_typed_while_loading_reach_the_library_in_order() {
    let settings = common::drive::settings(Direction::Auto);
    let mut app = App::new(settings, (80, 16));
    press(&mut app, "/");
    assert!(app.prompt.is_none(), "no prompt before there is a library");
    type_text(&mut app, "كازاخستان");
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Loading(_)));
    app.loaded(Collection::builtin());
    wait_for_search(&mut app);
    // The search ran on the collection, with the query typed ahead.
    assert!(
        matches!(app.screen(), Screen::Results(_)),
        "{}",
        screen(&app, 80, 16)
    );

    let mut app = App::new(common::drive::settings(Direction::Auto), (80, 16));
    press(&mut app, "q");
    assert!(app.quit, "q quits at once while loading");
}
