//! Which digits the interface writes its own numbers in: Arabic-Indic (٠١٢٣٤٥٦٧٨٩, U+0660–0669)
//! or Latin. Only numbers the interface formats (counters, counts, dates) are written so; the
//! text of articles, and what the user typed, are never changed.

use std::borrow::Cow;

use serde::Deserialize;

use super::Lang;

/// The digits of the interface's numbers (`digits = "arabic" | "latin"` in the config).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// ٠١٢٣٤٥٦٧٨٩, with ٫ as the decimal separator.
    Arabic,
    /// 0123456789.
    Latin,
}

impl Digits {
    /// The default for an interface language: Arabic-Indic in Arabic, Latin in English.
    pub fn default_for(lang: Lang) -> Digits {
        match lang {
            Lang::Ar => Digits::Arabic,
            Lang::En => Digits::Latin,
        }
    }

    /// `text` (a number or a date that qari formatted, in ASCII) with its ASCII digits in these
    /// digits; with Arabic digits a `.` between two digits becomes the Arabic decimal separator
    /// ٫ (U+066B).
    pub fn apply(self, text: &str) -> Cow<'_, str> {
        if self == Digits::Latin || !text.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() * 2);
        let mut chars = text.chars().peekable();
        let mut after_digit = false;
        while let Some(c) = chars.next() {
            let next_is_digit = chars.peek().is_some_and(char::is_ascii_digit);
            out.push(match c {
                '0'..='9' => arabic_indic(c),
                '.' if after_digit && next_is_digit => '\u{066B}',
                other => other,
            });
            after_digit = c.is_ascii_digit();
        }
        Cow::Owned(out)
    }

    /// `n` written in these digits.
    pub fn number(self, n: impl std::fmt::Display) -> String {
        self.apply(&n.to_string()).into_owned()
    }
}

/// The Arabic-Indic digit for an ASCII digit.
fn arabic_indic(c: char) -> char {
    char::from_u32(0x0660 + (u32::from(c) - u32::from('0'))).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_digits() {
        let table = [
            ("0", "٠"),
            ("0123456789", "٠١٢٣٤٥٦٧٨٩"),
            ("12/345", "١٢/٣٤٥"),
            ("-7", "-٧"),
            ("3.25", "٣٫٢٥"),
            ("page 3.", "page ٣."),
            ("2024-02-14", "٢٠٢٤-٠٢-١٤"),
            ("no digits", "no digits"),
        ];
        for (latin, arabic) in table {
            assert_eq!(Digits::Arabic.apply(latin), arabic, "{latin}");
            assert_eq!(Digits::Latin.apply(latin), latin);
        }
        assert_eq!(Digits::Arabic.number(1445), "١٤٤٥");
        assert_eq!(Digits::Latin.number(1445), "1445");
        // Already Arabic-Indic: left alone.
        assert_eq!(Digits::Arabic.apply("١٢"), "١٢");
    }

    #[test]
    fn defaults_follow_the_language() {
        assert_eq!(Digits::default_for(Lang::Ar), Digits::Arabic);
        assert_eq!(Digits::default_for(Lang::En), Digits::Latin);
    }
}
