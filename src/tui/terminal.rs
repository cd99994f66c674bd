//! Taking the terminal and always giving it back: raw mode, the alternate screen, mouse
//! reporting and, in app mode, ECMA-48 BDSM explicit mode (`ESC [ 8 l`) so that terminals which
//! do bidi themselves (VTE, Konsole, mlterm) show our cells as given. Restored on quit, on a panic
//! (a hook that runs before any other) and on SIGTERM/SIGHUP/SIGINT (a flag the loop checks).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// BDSM explicit: the terminal must not reorder.
const BIDI_EXPLICIT: &str = "\x1b[8l";
/// BDSM implicit: the terminal's default, restored at exit.
const BIDI_IMPLICIT: &str = "\x1b[8h";

fn restore(explicit_bidi: bool) {
    let mut out = io::stdout();
    let _ = disable_raw_mode();
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    if explicit_bidi {
        let _ = out.write_all(BIDI_IMPLICIT.as_bytes());
    }
    let _ = out.flush();
}

/// The terminal, set up; dropping it restores everything.
pub struct Guard {
    pub terminal: Terminal<CrosstermBackend<io::Stdout>>,
    explicit_bidi: bool,
    /// Set when a signal asks qari to stop.
    pub stop: Arc<AtomicBool>,
}

impl Guard {
    /// Sets the terminal up. `explicit_bidi`: qari reorders, so the terminal must not.
    pub fn new(explicit_bidi: bool) -> io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(explicit_bidi);
            previous(info);
        }));
        enable_raw_mode()?;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, EnableMouseCapture)?;
        if explicit_bidi {
            out.write_all(BIDI_EXPLICIT.as_bytes())?;
            out.flush()?;
        }
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(Guard {
            terminal,
            explicit_bidi,
            stop,
        })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore(self.explicit_bidi);
    }
}
