//! Keys typed before the event reader started. qari asks the terminal about bidi as it starts
//! (see `detect`), and what the user (or a script) typed meanwhile arrives mixed with the
//! terminal's answer: the answer is taken out there, and the rest is read here into keys, in
//! order, for the app to handle before any later event. The terminal is in raw mode by then and
//! no keyboard protocol is on, so keys come as a terminal sends them by default: UTF-8 text,
//! control characters, and ESC sequences for the arrows, Home/End, PageUp/PageDown, Insert and
//! Delete, F1–F12 and Shift-Tab. A sequence not known here is dropped whole, never read as
//! letters.

use ratatui::crossterm::event::KeyCode;

use crate::tui::keymap::Key;

/// The keys in `bytes`, in the order typed.
pub fn keys(bytes: &[u8]) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (key, used) = one(&bytes[i..]);
        keys.extend(key);
        i += used.max(1);
    }
    keys
}

fn plain(code: KeyCode) -> Key {
    Key::plain(code)
}

/// The key at the start of `bytes` (None: a sequence not known), and how many bytes it took.
fn one(bytes: &[u8]) -> (Option<Key>, usize) {
    match bytes[0] {
        0x1b => escape(bytes),
        b'\r' | b'\n' => (Some(plain(KeyCode::Enter)), 1),
        b'\t' => (Some(plain(KeyCode::Tab)), 1),
        0x7f | 0x08 => (Some(plain(KeyCode::Backspace)), 1),
        0 => (
            Some(Key {
                code: KeyCode::Char(' '),
                ctrl: true,
                alt: false,
            }),
            1,
        ),
        c @ 1..=0x1a => (
            Some(Key {
                code: KeyCode::Char(char::from(b'a' + c - 1)),
                ctrl: true,
                alt: false,
            }),
            1,
        ),
        0x1c..=0x1f => (None, 1),
        _ => text(bytes),
    }
}

/// One UTF-8 character; a byte that does not start one is dropped.
fn text(bytes: &[u8]) -> (Option<Key>, usize) {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return (None, 1),
    };
    match bytes.get(..len).map(std::str::from_utf8) {
        Some(Ok(s)) => (s.chars().next().map(|c| plain(KeyCode::Char(c))), len),
        _ => (None, 1),
    }
}

/// ESC alone, ESC-[ (CSI) and ESC-O (SS3) sequences; ESC before another key is that key with
/// Alt (never the key itself: Alt-q does not quit).
fn escape(bytes: &[u8]) -> (Option<Key>, usize) {
    match bytes.get(1) {
        None | Some(0x1b) => (Some(plain(KeyCode::Esc)), 1),
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            Some(&f) => (ss3(f), 3),
            None => (Some(plain(KeyCode::Esc)), 1),
        },
        Some(_) => {
            let (key, used) = one(&bytes[1..]);
            (key.map(|k| Key { alt: true, ..k }), used + 1)
        }
    }
}

fn ss3(f: u8) -> Option<Key> {
    match f {
        b'A' => Some(plain(KeyCode::Up)),
        b'B' => Some(plain(KeyCode::Down)),
        b'C' => Some(plain(KeyCode::Right)),
        b'D' => Some(plain(KeyCode::Left)),
        b'H' => Some(plain(KeyCode::Home)),
        b'F' => Some(plain(KeyCode::End)),
        b'P'..=b'S' => Some(plain(KeyCode::F(f - b'P' + 1))),
        _ => None,
    }
}

/// `ESC [ params intermediates final`.
fn csi(bytes: &[u8]) -> (Option<Key>, usize) {
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        // Cut short: nothing more came, so it was Esc and '[' typed.
        return (Some(plain(KeyCode::Esc)), 1);
    };
    let params = std::str::from_utf8(&body[..end]).unwrap_or_default();
    let first: Option<u8> = params.split(';').next().and_then(|p| p.parse().ok());
    let key = match (body[end], first) {
        (b'A' | b'B' | b'C' | b'D' | b'H' | b'F', _) => ss3(body[end]),
        (b'Z', _) => Some(plain(KeyCode::BackTab)),
        (b'~', Some(1 | 7)) => Some(plain(KeyCode::Home)),
        (b'~', Some(2)) => Some(plain(KeyCode::Insert)),
        (b'~', Some(3)) => Some(plain(KeyCode::Delete)),
        (b'~', Some(4 | 8)) => Some(plain(KeyCode::End)),
        (b'~', Some(5)) => Some(plain(KeyCode::PageUp)),
        (b'~', Some(6)) => Some(plain(KeyCode::PageDown)),
        (b'~', Some(n @ 11..=15)) => Some(plain(KeyCode::F(n - 10))),
        (b'~', Some(n @ 17..=21)) => Some(plain(KeyCode::F(n - 11))),
        (b'~', Some(n @ 23..=24)) => Some(plain(KeyCode::F(n - 12))),
        _ => None,
    };
    (key, 2 + end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(bytes: &[u8]) -> Vec<String> {
        keys(bytes).into_iter().map(Key::label).collect()
    }

    #[test]
    fn text_and_control_keys_in_order() {
        assert_eq!(names(b"jj\r"), ["j", "j", "Enter"]);
        assert_eq!(
            names("/كازاخستان\r".as_bytes()),
            ["/", "ك", "ا", "ز", "ا", "خ", "س", "ت", "ا", "ن", "Enter"]
        );
        assert_eq!(names(b"\t\x7f\x03"), ["Tab", "Backspace", "Ctrl-c"]);
    }

    #[test]
    fn escape_sequences_are_keys_or_dropped_whole() {
        assert_eq!(
            names(b"\x1b[A\x1bOB\x1b[6~\x1b[5~\x1b[H\x1b[4~\x1b[Z\x1bOP\x1b[15~"),
            [
                "↑", "↓", "PgDn", "PgUp", "Home", "End", "BackTab", "F1", "F5"
            ]
        );
        // Unknown sequences (a mouse report, a focus event) leave no letters behind.
        assert_eq!(names(b"a\x1b[<0;3;4Mb\x1b[Ic"), ["a", "b", "c"]);
        // Esc alone, Esc at the end, ESC x as Alt-x (not x).
        assert_eq!(names(b"\x1b"), ["Esc"]);
        assert_eq!(names(b"q\x1b\x1b"), ["q", "Esc", "Esc"]);
        assert_eq!(names(b"\x1bx"), ["Alt-x"]);
    }

    #[test]
    fn broken_bytes_are_dropped() {
        assert_eq!(names(b"a\xffb\xd8"), ["a", "b"]);
    }
}
