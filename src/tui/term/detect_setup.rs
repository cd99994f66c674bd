//! What qari does with what it knows of the terminal (see [`super::detect`]): which terminal
//! the environment names, how text is shown there (qari's layout or logical text) and what to
//! send to set the terminal up for it and to give it back. Plain functions of the answer and
//! the environment, tested without a terminal.

use super::detect::Bdsm;

/// A terminal that does something of its own with right-to-left text, known from the
/// environment it gives its programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// mlterm (`MLTERM`): reorders, does not know BDSM, has its own switch (OSC 5379).
    Mlterm,
    /// Konsole (`KONSOLE_VERSION`): reorders each run of a row, does not know BDSM; its
    /// profile's `BidiRenderingEnabled` can be switched for the session (OSC 50).
    Konsole,
    /// kitty (`TERM=xterm-kitty`, or `KITTY_WINDOW_ID` under tmux or screen): draws each
    /// right-to-left run of a row reversed (see [`super::kitty`]).
    Kitty,
    /// None of these.
    Other,
}

/// The terminal, as its environment tells.
pub fn known(env: &dyn Fn(&str) -> Option<String>) -> Known {
    let term = env("TERM").unwrap_or_default();
    let multiplexed = term.starts_with("tmux") || term.starts_with("screen");
    if env("MLTERM").is_some() {
        Known::Mlterm
    } else if env("KONSOLE_VERSION").is_some() {
        Known::Konsole
    } else if term == "xterm-kitty" || (multiplexed && env("KITTY_WINDOW_ID").is_some()) {
        Known::Kitty
    } else {
        Known::Other
    }
}

/// How qari shows text on this terminal, and how the terminal is set up for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// qari lays text out (visual order); false hands the terminal logical text.
    pub visual: bool,
    pub terminal: Known,
}

impl Default for Choice {
    /// qari's layout, in a terminal with nothing of its own.
    fn default() -> Self {
        Choice::app(Known::Other)
    }
}

impl Choice {
    /// qari's layout in `terminal`.
    pub fn app(terminal: Known) -> Self {
        Choice {
            visual: true,
            terminal,
        }
    }

    /// Logical text for `terminal` to lay out.
    pub fn logical(terminal: Known) -> Self {
        Choice {
            visual: false,
            terminal,
        }
    }

    /// What to send when the terminal is taken, besides BDSM or DECSET 2501: mlterm's and
    /// Konsole's own bidi switched off for qari's layout, on for logical text.
    pub fn start(self) -> &'static str {
        match (self.terminal, self.visual) {
            (Known::Mlterm, true) => MLTERM_BIDI_OFF,
            (Known::Mlterm, false) => MLTERM_BIDI_ON,
            (Known::Konsole, true) => KONSOLE_BIDI_OFF,
            (Known::Konsole, false) => KONSOLE_BIDI_ON,
            _ => "",
        }
    }

    /// What to send when the terminal is given back: its own bidi on again.
    pub fn end(self) -> &'static str {
        match (self.terminal, self.visual) {
            (Known::Mlterm, true) => MLTERM_BIDI_ON,
            (Known::Konsole, true) => KONSOLE_BIDI_ON,
            _ => "",
        }
    }

    /// Rows are handed to kitty with their right-to-left runs reversed.
    pub fn kitty(self) -> bool {
        self.visual && self.terminal == Known::Kitty
    }

    /// The variant of the message `doctor-auto` that describes the choice.
    pub fn describe(self, bdsm: Bdsm) -> &'static str {
        match (self.visual, self.terminal) {
            (false, _) => "terminal",
            (true, Known::Mlterm) => "app-mlterm",
            (true, Known::Konsole) => "app-konsole",
            (true, Known::Kitty) => "app-kitty",
            (true, Known::Other) if bdsm.known() => "app-explicit",
            (true, Known::Other) => "app",
        }
    }
}

/// The choice for a forced mode (`--bidi app|terminal`): the terminal is set up for it all the
/// same (mlterm's and Konsole's switches, kitty's runs).
pub fn forced(visual: bool, env: &dyn Fn(&str) -> Option<String>) -> Choice {
    Choice {
        visual,
        terminal: known(env),
    }
}

/// The choice for `--bidi auto`: qari's layout, always, with the terminal set up for it: BDSM
/// explicit mode where it knows BDSM (and is sent anyway), mlterm's and Konsole's own switches
/// where they have one, and kitty's reversal of right-to-left runs undone. Konsole and kitty
/// reverse each run rather than reorder a row; VTE and mlterm lay logical text out right but
/// each in its own way (VTE leaves «لا» unjoined; mlterm's status bar is its own), while qari's
/// layout is the same everywhere (see the README's table).
pub fn choose(bdsm: Bdsm, env: &dyn Fn(&str) -> Option<String>) -> Choice {
    match known(env) {
        // A terminal that knows BDSM is told by it; the others need their own switches.
        Known::Mlterm | Known::Konsole if bdsm.known() => Choice::app(Known::Other),
        other => Choice::app(other),
    }
}

/// mlterm: its bidi off for the session, and on again at exit.
pub const MLTERM_BIDI_OFF: &str = "\x1b]5379;use_ctl=false\x07";
pub const MLTERM_BIDI_ON: &str = "\x1b]5379;use_ctl=true\x07";
/// Konsole: its profile's bidi rendering off for the session (OSC 50 sets profile properties),
/// and on again at exit.
pub const KONSOLE_BIDI_OFF: &str = "\x1b]50;BidiRenderingEnabled=false\x07";
pub const KONSOLE_BIDI_ON: &str = "\x1b]50;BidiRenderingEnabled=true\x07";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice() {
        let none = |_: &str| None;
        let mlterm = |k: &str| (k == "MLTERM").then(|| "3.9.3".to_owned());
        let konsole = |k: &str| (k == "KONSOLE_VERSION").then(|| "221203".to_owned());
        let kitty = |k: &str| (k == "TERM").then(|| "xterm-kitty".to_owned());
        let kitty_tmux = |k: &str| match k {
            "TERM" => Some("tmux-256color".to_owned()),
            "KITTY_WINDOW_ID" => Some("1".to_owned()),
            _ => None,
        };
        assert_eq!(choose(Bdsm::Reset, &konsole), Choice::app(Known::Other));
        assert_eq!(choose(Bdsm::NoAnswer, &none), Choice::app(Known::Other));
        assert_eq!(
            choose(Bdsm::NotRecognised, &mlterm),
            Choice::app(Known::Mlterm)
        );
        assert_eq!(
            choose(Bdsm::NotRecognised, &konsole),
            Choice::app(Known::Konsole)
        );
        assert_eq!(
            choose(Bdsm::NotRecognised, &kitty),
            Choice::app(Known::Kitty)
        );
        assert_eq!(known(&kitty_tmux), Known::Kitty, "kitty around tmux");
        assert!(choose(Bdsm::NotRecognised, &kitty).kitty());
        assert!(!Choice::logical(Known::Kitty).kitty());
    }

    #[test]
    fn every_mode_sets_the_terminal_up_for_itself() {
        // Forcing app mode in mlterm switches its bidi off as auto does; logical text wants it on.
        assert_eq!(Choice::app(Known::Mlterm).start(), MLTERM_BIDI_OFF);
        assert_eq!(Choice::app(Known::Mlterm).end(), MLTERM_BIDI_ON);
        assert_eq!(Choice::logical(Known::Mlterm).start(), MLTERM_BIDI_ON);
        assert_eq!(Choice::app(Known::Konsole).start(), KONSOLE_BIDI_OFF);
        assert_eq!(Choice::app(Known::Konsole).end(), KONSOLE_BIDI_ON);
        assert_eq!(Choice::logical(Known::Konsole).start(), KONSOLE_BIDI_ON);
        assert_eq!(Choice::app(Known::Other).start(), "");
    }
}
