//! Driving the app as a user would in the tests: keys in, state and screens out.

use qari::clock::Clock;
use qari::collection::Collection;
use qari::config::Theme;
use qari::i18n::Messages;
use qari::text::{Direction, Options};
use qari::tui::theme::Styles;
use qari::tui::{App, Key, Keymap, Screen, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The settings of the test apps: app-mode bidi, shaping, a 60-cell column, no colours, the
/// default keys, paragraphs in `direction`, the interface in English.
pub fn settings(direction: Direction) -> Settings {
    settings_in(direction, Messages::default())
}

/// The same settings with the interface's messages `msgs` (`Messages::new(Lang::Ar)`: Arabic).
pub fn settings_in(direction: Direction, msgs: Messages) -> Settings {
    Settings {
        options: Options {
            direction,
            shape: true,
        },
        visual: true,
        text_width: 60,
        styles: Styles::new(&Theme::default(), true),
        keymap: Keymap::default(),
        msgs,
        clock: CLOCK,
    }
}

/// The tests' clock: 2026-03-01 22:30 UTC, in UTC+3 (already 2 March there), so no screen
/// depends on the day, the zone or the machine a test runs on.
pub const CLOCK_AT: i64 = 1_772_404_200;
pub const CLOCK: Clock = Clock::pinned(CLOCK_AT, 3 * 3600);

/// An app of `width` by `height` over the built-in sample collection.
pub fn app_with(settings: Settings, width: u16, height: u16) -> App {
    let mut app = App::new(settings, (width, height));
    app.loaded(Collection::builtin());
    app
}

/// Types `keys` (space-separated key names) into the app.
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        app.handle_key(Key::parse(k).unwrap());
    }
}

/// Types `text` into the app, character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::plain(ratatui::crossterm::event::KeyCode::Char(c)));
    }
}

/// Opens the built-in sample article (the one from the seed) from the library.
pub fn open_seed(app: &mut App) {
    let c = app.session.collection.clone().unwrap();
    let seed = c
        .entries
        .iter()
        .position(|e| e.path.ends_with("000_8278b886b146244e.txt"))
        .unwrap();
    let row = app
        .library()
        .unwrap()
        .order
        .iter()
        .position(|&i| i == seed)
        .unwrap();
    press(app, "g");
    for _ in 0..row {
        press(app, "j");
    }
    press(app, "Enter");
}

/// The reader on screen.
pub fn reader(app: &App) -> &qari::tui::reader::ReaderView {
    match app.screen() {
        Screen::Reader(r) => r,
        other => panic!("not reading: {other:?}"),
    }
}

/// The screen drawn at `width` by `height`, a string per row (trailing blanks kept).
pub fn rows(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect()
}

/// Waits for a search of the collection to end.
pub fn wait_for_search(app: &mut App) {
    let start = std::time::Instant::now();
    while app.job.is_some() {
        assert!(start.elapsed().as_secs() < 20, "the search never finished");
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.tick();
    }
}
