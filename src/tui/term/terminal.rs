//! Taking the terminal and always giving it back: raw mode, the alternate screen, mouse
//! reporting and, in app mode, ECMA-48 BDSM explicit mode (`ESC [ 8 l`) so that terminals which
//! do bidi themselves (VTE, Konsole, mlterm) show our cells as given. Restored on quit, on a panic
//! (a hook that runs before any other) and on SIGTERM/SIGHUP/SIGINT: a thread waits for those
//! and tells the event loop ([`signalled`]), which saves the open article's place, quits and
//! restores the terminal; should the loop not get there (after a hang-up crossterm may keep
//! reading the dead terminal), the thread restores the terminal and exits after a grace time.

use std::io::{self, Write};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::detect::Choice;
use super::rows::Rows;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// BDSM explicit: the terminal must not reorder.
const BIDI_EXPLICIT: &str = "\x1b[8l";
/// BDSM implicit: the terminal's default, restored at exit.
const BIDI_IMPLICIT: &str = "\x1b[8h";
/// In terminal mode: let the terminal find each paragraph's direction (VTE's DECSET 2501),
/// and the default again at exit.
const DIRECTION_AUTO: &str = "\x1b[?2501h";
const DIRECTION_DEFAULT: &str = "\x1b[?2501l";

fn restore(choice: Choice) {
    let explicit_bidi = choice.visual;
    let mut out = io::stdout();
    let _ = out.write_all(choice.end().as_bytes());
    let _ = disable_raw_mode();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = out.write_all(
        if explicit_bidi {
            BIDI_IMPLICIT
        } else {
            DIRECTION_DEFAULT
        }
        .as_bytes(),
    );
    let _ = out.flush();
}

/// The signal that asked qari to end (SIGTERM, SIGHUP, SIGINT), 0 while none has.
static SIGNALLED: AtomicI32 = AtomicI32::new(0);

/// How long the event loop has to save and quit after a signal before the signal's thread
/// restores the terminal and ends the process itself.
const GRACE: Duration = Duration::from_secs(3);

/// The signal that asked qari to end, once one has: the event loop saves, quits and exits
/// with 128 + it.
pub fn signalled() -> Option<i32> {
    match SIGNALLED.load(Ordering::SeqCst) {
        0 => None,
        n => Some(n),
    }
}

/// The terminal, set up; dropping it restores everything.
pub struct Guard {
    pub terminal: Terminal<Rows<CrosstermBackend<io::Stdout>>>,
    choice: Choice,
}

impl Guard {
    /// Sets the terminal up for `choice`: when qari reorders (`visual`) the terminal must not
    /// (BDSM explicit, and mlterm's or Konsole's own switch off, on again at exit).
    pub fn new(choice: Choice) -> io::Result<Self> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // The event loop sees it within a tick, saves and quits; only if it does not
                // (stuck on a dead terminal) is the terminal restored and the process ended
                // from here.
                SIGNALLED.store(signal, Ordering::SeqCst);
                std::thread::sleep(GRACE);
                restore(choice);
                std::process::exit(128 + signal);
            }
        });
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(choice);
            previous(info);
        }));
        setup(choice)?;
        // Logical text: the terminal lays each row out as a whole, so rows are written whole.
        let mark_cells = choice.terminal == super::detect::Known::Mlterm;
        let backend = Rows::new(
            CrosstermBackend::new(io::stdout()),
            !choice.visual,
            mark_cells,
        );
        let terminal = Terminal::new(backend)?;
        Ok(Guard { terminal, choice })
    }
}

/// Raw mode, the alternate screen, the mouse, bracketed paste and the bidi mode.
fn setup(choice: Choice) -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    out.write_all(choice.start().as_bytes())?;
    let mode = if choice.visual {
        BIDI_EXPLICIT
    } else {
        DIRECTION_AUTO
    };
    out.write_all(mode.as_bytes())?;
    execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // Terminals keep these modes per paragraph, taken when a paragraph starts or is erased
    // (the terminal-wg bidi recommendation, VTE): set it again on the alternate screen and
    // erase every row with it in force.
    out.write_all(mode.as_bytes())?;
    out.write_all(b"\x1b[H\x1b[2J")?;
    out.flush()
}

impl Guard {
    /// Puts `text` on the system clipboard (OSC 52; inside tmux, tmux takes it when its
    /// `set-clipboard` is on).
    pub fn copy(&mut self, text: &str) -> io::Result<()> {
        let out = self.terminal.backend_mut();
        out.write_all(super::copy::osc52(text).as_bytes())?;
        out.flush()
    }

    /// Ctrl-z: gives the terminal back (BDSM implicit again, the alternate screen left), stops
    /// the process as the shell's job control expects, and takes the terminal again when `fg`
    /// continues it; the next draw repaints everything.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore(self.choice);
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        setup(self.choice)?;
        self.terminal.clear()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore(self.choice);
    }
}
