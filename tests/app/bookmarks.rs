//! Bookmarks and reading positions: toggling, notes, the bookmarks screen (delete, undo, filter,
//! jump), an article with nothing to bookmark, and the screen's date on every day of a year.

use crate::common;
use crate::common::drive::{open_seed, press, reader, type_text};
use crate::{app, screen};
use qari::collection::Collection;
use qari::text::Direction;
use qari::tui::{App, Screen};

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
