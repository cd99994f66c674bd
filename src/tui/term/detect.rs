//! Knowing the terminal: does it do bidi by itself, and can it be told not to? qari asks with
//! DECRQM for ECMA-48 BDSM (`CSI 8 $ p`) followed by a primary device attributes request
//! (`CSI c`), which every terminal answers: a DA1 answer with no DECRPM before it means the
//! terminal does not know the mode; no answer at all within the timeout counts the same. The
//! decision is a plain function of the answer and the environment, tested without a terminal.

use std::io::{self, Read, Write};

pub use super::detect_setup::{
    Choice, KONSOLE_BIDI_OFF, KONSOLE_BIDI_ON, Known, MLTERM_BIDI_OFF, MLTERM_BIDI_ON, choose,
    forced, known,
};
use std::time::{Duration, Instant};

/// What the terminal said about BDSM (DECRPM's Ps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bdsm {
    /// Implicit mode: the terminal reorders (the default of a bidi terminal).
    Set,
    /// Explicit mode: the terminal shows cells as given.
    Reset,
    PermanentlySet,
    PermanentlyReset,
    /// It answered, but does not know the mode.
    NotRecognised,
    /// No answer in time.
    NoAnswer,
}

impl Bdsm {
    /// The terminal knows BDSM: explicit mode will stop it from reordering.
    pub fn known(self) -> bool {
        matches!(
            self,
            Bdsm::Set | Bdsm::Reset | Bdsm::PermanentlySet | Bdsm::PermanentlyReset
        )
    }

    /// The variant of the message `doctor-bdsm` that describes the answer.
    pub fn choice(self) -> &'static str {
        match self {
            Bdsm::Set => "set",
            Bdsm::Reset => "reset",
            Bdsm::PermanentlySet => "permanently-set",
            Bdsm::PermanentlyReset => "permanently-reset",
            Bdsm::NotRecognised => "not-recognised",
            Bdsm::NoAnswer => "no-answer",
        }
    }
}

/// The questions: DECRQM for ANSI mode 8 (BDSM), then DA1.
pub const QUERY: &[u8] = b"\x1b[8$p\x1b[c";

/// A terminal to ask: write, and read what arrived within a time.
pub trait Tty {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Reads what is there, waiting at most `timeout`; 0 bytes on a timeout.
    fn receive(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize>;
}

/// The terminal's answer, and what else came meanwhile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub bdsm: Bdsm,
    /// The bytes that were not the answer: keys typed ahead, in order, for the app (see
    /// [`super::typed`]).
    pub typed: Vec<u8>,
}

/// Asks `tty` about BDSM, waiting at most `timeout` for the answers.
pub fn query(tty: &mut impl Tty, timeout: Duration) -> Answer {
    if tty.send(QUERY).is_err() {
        return Answer {
            bdsm: Bdsm::NoAnswer,
            typed: Vec::new(),
        };
    }
    let start = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 256];
    // Read up to the DA1 answer, which comes last: nothing of the exchange may be left for the
    // event reader to find later.
    while !has_da1(&got) {
        let Some(left) = timeout.checked_sub(start.elapsed()) else {
            break;
        };
        match tty.receive(&mut buf, left) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    Answer {
        bdsm: parse(&got).unwrap_or(Bdsm::NoAnswer),
        typed: without_answers(&got),
    }
}

/// `bytes` without the terminal's answers (DECRPM `CSI 8 ; Ps $ y` and DA1 `CSI ? ... c`):
/// whatever else is there was typed.
pub fn without_answers(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let Some(len) = answer_at(&bytes[i..]) {
            i += len;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The length of the answer that starts `bytes`, if one does.
fn answer_at(bytes: &[u8]) -> Option<usize> {
    let body = bytes.strip_prefix(b"\x1b[")?;
    let end = body.iter().position(|b| (0x40..=0x7e).contains(b))?;
    let (params, last) = (&body[..end], body[end]);
    let answer = (last == b'y' && params.starts_with(b"8;") && params.ends_with(b"$"))
        || (last == b'c' && params.starts_with(b"?"));
    answer.then_some(2 + end + 1)
}

/// The DA1 answer (`CSI ? ... c`) is there.
fn has_da1(bytes: &[u8]) -> bool {
    bytes
        .windows(3)
        .position(|w| w == b"\x1b[?")
        .is_some_and(|at| bytes[at..].contains(&b'c'))
}

/// The answer in what the terminal sent so far, if it is complete: a DECRPM for mode 8
/// (`CSI 8 ; Ps $ y`), or a DA1 answer (`CSI ? ... c`) with none before it.
pub fn parse(bytes: &[u8]) -> Option<Bdsm> {
    let text = String::from_utf8_lossy(bytes);
    let decrpm = text
        .split("\x1b[8;")
        .nth(1)
        .and_then(|rest| rest.split_once("$y"))
        .map(|(ps, _)| match ps.trim() {
            "1" => Bdsm::Set,
            "2" => Bdsm::Reset,
            "3" => Bdsm::PermanentlySet,
            "4" => Bdsm::PermanentlyReset,
            _ => Bdsm::NotRecognised,
        });
    decrpm.or_else(|| has_da1(bytes).then_some(Bdsm::NotRecognised))
}

/// The controlling terminal, read with poll(2).
pub struct DevTty(std::fs::File);

impl DevTty {
    pub fn open() -> io::Result<Self> {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .map(DevTty)
    }
}

impl Tty for DevTty {
    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)?;
        self.0.flush()
    }

    fn receive(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let ready = {
            let mut fds = [PollFd::new(&self.0, PollFlags::IN)];
            let t = Timespec {
                tv_sec: timeout.as_secs() as i64,
                tv_nsec: i64::from(timeout.subsec_nanos()),
            };
            poll(&mut fds, Some(&t)).map_err(io::Error::from)?
        };
        if ready == 0 {
            return Ok(0);
        }
        self.0.read(buf)
    }
}

/// Asks the controlling terminal (in raw mode, so that the answer is neither echoed nor held
/// for a newline), with a short timeout.
pub fn ask_terminal() -> Answer {
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode, is_raw_mode_enabled};
    let none = || Answer {
        bdsm: Bdsm::NoAnswer,
        typed: Vec::new(),
    };
    let Ok(mut tty) = DevTty::open() else {
        return none();
    };
    let was_raw = is_raw_mode_enabled().unwrap_or(false);
    if !was_raw && enable_raw_mode().is_err() {
        return none();
    }
    let answer = query(&mut tty, Duration::from_millis(300));
    if !was_raw {
        let _ = disable_raw_mode();
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal that answers the query with `answer`, in pieces, or never.
    struct Fake {
        answer: Option<&'static [u8]>,
        sent: Vec<u8>,
        at: usize,
    }

    impl Tty for Fake {
        fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
            self.sent.extend_from_slice(bytes);
            Ok(())
        }

        fn receive(&mut self, buf: &mut [u8], _: Duration) -> io::Result<usize> {
            let Some(answer) = self.answer else {
                return Ok(0);
            };
            // Three bytes at a time, as a slow line might deliver them.
            let n = (answer.len() - self.at).min(3).min(buf.len());
            buf[..n].copy_from_slice(&answer[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn ask(answer: Option<&'static [u8]>) -> Bdsm {
        let mut fake = Fake {
            answer,
            sent: Vec::new(),
            at: 0,
        };
        let got = query(&mut fake, Duration::from_millis(50));
        assert_eq!(fake.sent, QUERY);
        assert_eq!(got.typed, b"", "nothing typed");
        got.bdsm
    }

    #[test]
    fn keys_typed_ahead_are_kept_in_order_without_the_answer() {
        let mut fake = Fake {
            answer: Some("j\r\x1b[8;2$y/ك\x1b[A\x1b[?62;22cq".as_bytes()),
            sent: Vec::new(),
            at: 0,
        };
        let got = query(&mut fake, Duration::from_millis(50));
        assert_eq!(got.bdsm, Bdsm::Reset);
        // Up to the DA1 answer: what comes after it is left for the event reader.
        assert_eq!(got.typed, "j\r/ك\x1b[A".as_bytes());
        assert_eq!(without_answers(b"a\x1b[?1;2cb"), b"ab");
        assert_eq!(without_answers(b"\x1b[8;0$y"), b"");
        // A sequence cut short is not an answer.
        assert_eq!(without_answers(b"\x1b[8;2"), b"\x1b[8;2");
    }

    #[test]
    fn each_answer() {
        assert_eq!(ask(Some(b"\x1b[8;1$y\x1b[?62;22c")), Bdsm::Set);
        assert_eq!(ask(Some(b"\x1b[8;2$y\x1b[?62;22c")), Bdsm::Reset);
        assert_eq!(ask(Some(b"\x1b[8;0$y\x1b[?1;2c")), Bdsm::NotRecognised);
        assert_eq!(ask(Some(b"\x1b[?1;2c")), Bdsm::NotRecognised, "DA1 alone");
        assert_eq!(ask(None), Bdsm::NoAnswer);
        assert_eq!(
            ask(Some(b"\x1b[8;2$y")),
            Bdsm::Reset,
            "DECRPM, then silence"
        );
    }
}
