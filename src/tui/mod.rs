//! The terminal user interface: one synchronous Elm-style loop. Draw, read one event, turn it
//! into an [`Action`] with the keymap, `app.update(action)`. The collection loads in a thread
//! meanwhile, its progress on screen. Only this module and `main.rs` touch the terminal.

// The vocabulary and what the screens share, below them; the widgets they draw with.
pub mod action;
pub mod browser;
pub mod feeds;
pub mod go;
pub mod jobs;
pub mod keymap;
pub mod prompt;
pub mod session;
mod widgets;

// The screens; the library, the results and the in-article search stay flat for now.
pub mod find;
pub mod library;
pub mod results;
pub mod screens;

// The app on top of them, drawn by `view`; the terminal beside it all.
pub mod app;
pub mod term;
mod view;

// The paths of before the folders, which the tests and the command line use.
pub use screens::{bookmarks, reader};
pub use term::{copy, detect, typed};
pub use widgets::theme;
// The library and the results, left where they are for now, draw through these paths.
use widgets::{draw, snippet};

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

pub use action::Action;
pub use app::{App, Screen};
pub use keymap::{Key, Keymap};
pub use session::{Location, Session, Settings};
pub use widgets::draw::Ctx;

use crate::collection::{Collection, CollectionError};
use jobs::{Job, Poll};

/// What to open.
#[derive(Clone, Debug)]
pub enum Source {
    Builtin,
    /// A folder or file, with the library cache and search index files to use, and an article
    /// to open at once (the library loads meanwhile).
    Path {
        path: PathBuf,
        cache: Option<PathBuf>,
        index: Option<PathBuf>,
        open: Option<PathBuf>,
    },
}

/// Runs the reader until the user quits or a signal arrives.
/// Where state lives and what to do with it.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// The state database (bookmarks, reading positions); None runs without.
    pub file: Option<PathBuf>,
    /// Open the article read last, where it was left.
    pub resume: bool,
    /// How the terminal is set up: qari's layout or logical text, and the terminal's own
    /// switches (mlterm, Konsole) or quirks (kitty) that come with it.
    pub terminal: detect::Choice,
    /// What `U` needs to fetch the feeds.
    pub feeds: Option<feeds::FeedSetup>,
    /// Keep a file monitor for a large folder searched (the config's `monitor`).
    pub monitor: bool,
    /// What was typed while the terminal was asked about bidi: handled first, in order.
    pub typed: Vec<u8>,
}

pub fn run(source: Source, settings: Settings, state: &State) -> anyhow::Result<()> {
    // Before the terminal is taken: a damaged database is moved aside, and the user told.
    let opened = state.file.as_deref().map(crate::store::Store::open);
    let mut guard = term::terminal::Guard::new(state.terminal)?;
    let kitty = state.terminal.kitty();
    let size = guard.terminal.size()?;
    let mut app = App::new(settings, (size.width, size.height));
    app.resume = state.resume;
    app.session.feeds.clone_from(&state.feeds);
    if let Some(opened) = opened {
        app.attach_store(opened.store, &opened.warnings);
    }
    let mut load: Option<Job<Result<Collection, CollectionError>>> = None;
    match source {
        Source::Builtin => app.loaded(Collection::builtin()),
        Source::Path {
            path,
            cache,
            index,
            open,
        } => {
            let location = Location {
                path: path.clone(),
                cache: cache.clone(),
            };
            // A search makes the index agree with the folder on disk, not with the library as
            // last loaded: through the folder's monitor when it has one (see find.rs).
            let monitoring = crate::config::Dirs::new()
                .filter(|_| state.monitor)
                .map(|d| crate::search::Monitoring {
                    socket: d.monitor_socket(&path),
                    exe: std::env::current_exe().ok(),
                });
            let job = Job::start(move |p| Collection::load(&path, cache.as_deref(), p));
            app.loading(Arc::clone(&job.progress), location, index, monitoring);
            load = Some(job);
            if let Some(file) = open {
                app.open_file(&file);
            }
        }
    }
    for key in typed::keys(&state.typed) {
        app.handle_key(key);
    }
    let outcome = event_loop(&mut app, &mut guard, load, kitty);
    // A signal (SIGTERM, a hang-up) ends qari as quitting does, the open article's place saved,
    // whatever the loop was doing, even failing on a terminal that is gone.
    if let Some(signal) = term::terminal::signalled() {
        if !app.quit {
            app.update(Action::Quit);
        }
        drop(app);
        drop(guard);
        std::process::exit(128 + signal);
    }
    outcome
}

/// Draws and handles events until the app quits, a signal asks it to, or the terminal fails.
fn event_loop(
    app: &mut App,
    guard: &mut term::terminal::Guard,
    mut load: Option<Job<Result<Collection, CollectionError>>>,
    kitty: bool,
) -> anyhow::Result<()> {
    // Draw after events, and while something runs in the background (loading, a search)
    // whose progress is on screen, and once more when it ends; an idle reader costs nothing.
    let mut redraw = true;
    loop {
        if term::terminal::signalled().is_some() {
            return Ok(());
        }
        let busy = app.busy();
        // Polled under a reader too (`qari FILE`): its J/K need the folder's library.
        if let Some(job) = &load {
            match job.poll() {
                Poll::Done(Ok(c)) => {
                    load = None;
                    app.loaded(c);
                    app.watch(Duration::from_secs(3));
                }
                Poll::Done(Err(e)) if matches!(app.screen(), Screen::Loading(_)) => {
                    return Err(e.into());
                }
                Poll::Done(Err(e)) => {
                    // The article is open: it stays, and the folder's error is said.
                    load = None;
                    app.library_failed(&e);
                }
                Poll::Running | Poll::Lost => {}
            }
        }
        app.tick();
        if redraw || busy {
            guard.terminal.draw(|f| {
                app.draw(f);
                if kitty {
                    term::kitty::compensate(f.buffer_mut());
                }
            })?;
        }
        if app.quit {
            break;
        }
        redraw = event::poll(Duration::from_millis(100))?;
        // Every event already waiting is handled before the next draw: a long paste arrives
        // as many events, and none may wait for a key that comes later.
        while redraw && !app.quit {
            handle(app, event::read()?);
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if let Some(text) = app.session.clipboard.take() {
            guard.copy(&text)?;
        }
        if std::mem::take(&mut app.suspend) {
            guard.suspend()?;
            redraw = true;
        }
    }
    Ok(())
}

/// One terminal event.
fn handle(app: &mut App, event: Event) {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.handle_key(Key::from_event(k)),
        Event::Paste(text) => app.paste(&text),
        Event::Mouse(m) => {
            let reading = matches!(app.screen(), Screen::Reader(_));
            match (m.kind, reading) {
                (MouseEventKind::Down(MouseButton::Left), true) => app.drag(m.row, Some(true)),
                (MouseEventKind::Drag(MouseButton::Left), true) => app.drag(m.row, Some(false)),
                (MouseEventKind::Up(MouseButton::Left), true) => app.drag(m.row, None),
                (MouseEventKind::ScrollDown, true) => app.update(Action::NextParagraph),
                (MouseEventKind::ScrollUp, true) => app.update(Action::PrevParagraph),
                (MouseEventKind::ScrollDown, false) => app.update(Action::Down),
                (MouseEventKind::ScrollUp, false) => app.update(Action::Up),
                _ => {}
            }
        }
        Event::Resize(w, h) => app.resize(w, h),
        _ => {}
    }
}
