//! Untrusted text made safe for a terminal outside the engine's own drawing: every control
//! character (C0, DEL, C1: escape sequences start with them) becomes a space, so a title, an
//! excerpt or a message printed as it is can never drive the terminal. Text laid out by the
//! engine needs none of this: it draws controls as pictures.

use std::borrow::Cow;

/// `text` with each control character replaced by a space (borrowed when there is none).
pub fn printable(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(
            text.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn controls_become_spaces() {
        assert_eq!(printable("a\x1b[2Jb\tc\u{9b}d\r\n"), "a [2Jb c d  ");
        assert!(matches!(printable("سلام"), std::borrow::Cow::Borrowed(_)));
    }
}
