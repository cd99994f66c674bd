//! The results' snippets and titles: cut at words with an ellipsis around the whole hit, not the
//! title again, the paragraph with every term, and a long title clear of the count.

use crate::{app_on, row_cells, search_collection};
use qari::tui::{App, Screen};

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
