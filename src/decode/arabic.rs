//! Whether legacy bytes are Arabic in Windows-1256 or ISO-8859-6, checked before chardetng is
//! asked: on a short article chardetng often guesses GBK, windows-1252 or a Cyrillic encoding,
//! and between the two Arabic encodings it can pick the wrong one.
//!
//! A reading looks Arabic when Arabic letters are at least nine in ten of its non-ASCII
//! letters, at least as many as its ASCII letters, and ا and ل, the commonest letters of Arabic
//! (ا of Persian and Urdu too), are at least an eighth of them. The first two tests turn away
//! Cyrillic, Greek, Hebrew, Thai and Western text, whose letters fall on the French letters
//! Windows-1256 keeps (à, é, î, ...), and mostly-Latin text; the third turns away KOI8-R
//! Russian and CJK text, which do fall on Arabic letters but on the wrong ones (measured:
//! Arabic news 0.18 to 0.5, KOI8-R Russian 0.06, GBK, Big5 and Shift_JIS 0).
//!
//! The two encodings share ء..ض at 0xC1–0xD6 and differ above. ISO-8859-6 leaves 0x80–0x9F to
//! C1 controls and nearly half of 0xA0–0xFF unassigned, bytes Windows-1256 uses for Persian
//! letters, ، and ف ق ك, so an ISO-8859-6 reading must fit every byte. Windows-1256 assigns all of
//! them but puts French letters where ISO-8859-6 has و ي ه, so ISO-8859-6 text read as
//! Windows-1256 fails the first test. A short text can pass both (ISO-8859-6 `السلام` is
//! `انسناه` in Windows-1256); then the likelier reading wins: the one whose letters at 0xD7 and
//! above, where the two differ, are commoner in Arabic.

use encoding_rs::{Encoding, ISO_8859_6, WINDOWS_1256};

/// The bytes' text and encoding when they read as Arabic in Windows-1256 or ISO-8859-6.
pub fn reading(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let (windows, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let windows = Some(windows).filter(|t| Letters::of(t).look_arabic());
    let iso = ISO_8859_6
        .decode_without_bom_handling_and_without_replacement(bytes)
        .filter(|t| !t.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)))
        .filter(|t| Letters::of(t).look_arabic());
    match (windows, iso) {
        (Some(w), Some(i)) if likelihood(bytes, &i) > likelihood(bytes, &w) => {
            Some((i.into_owned(), ISO_8859_6))
        }
        (Some(w), _) => Some((w.into_owned(), WINDOWS_1256)),
        (None, Some(i)) => Some((i.into_owned(), ISO_8859_6)),
        (None, None) => None,
    }
}

/// The log-likelihood of a single-byte reading's characters at bytes 0xD7 and above, where
/// Windows-1256 and ISO-8859-6 differ, under the letters' shares in Arabic text. Both readings
/// have one character per byte, so their sums have as many terms.
fn likelihood(bytes: &[u8], text: &str) -> f64 {
    bytes
        .iter()
        .zip(text.chars())
        .filter(|&(&b, _)| b >= 0xD7)
        .map(|(_, c)| f64::from(per_mille(c)).ln())
        .sum()
}

/// Approximate share, per thousand letters of Arabic news text, of the letters either encoding
/// has at 0xD7 and above (the sample collection's articles give about these); 1 for the rest.
fn per_mille(c: char) -> u16 {
    match c {
        'ل' => 109,
        'م' => 63,
        'ي' => 54,
        'ن' => 49,
        'و' => 48,
        'ع' => 32,
        'ف' | 'ى' => 26,
        'ق' => 23,
        'ه' => 20,
        'ك' => 19,
        'ط' => 11,
        'ظ' => 5,
        'غ' => 3,
        _ => 1,
    }
}

/// Letter counts of a reading.
#[derive(Debug, Default)]
struct Letters {
    /// Letters (and vowel marks) of the Arabic block, U+0600–U+06FF.
    arabic: usize,
    /// Other non-ASCII letters.
    other: usize,
    ascii: usize,
    alef_lam: usize,
}

impl Letters {
    fn of(text: &str) -> Self {
        let mut n = Letters::default();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            match c {
                'a'..='z' | 'A'..='Z' => n.ascii += 1,
                '\u{600}'..='\u{6FF}' => {
                    n.arabic += 1;
                    n.alef_lam += usize::from(c == 'ا' || c == 'ل');
                }
                _ => n.other += 1,
            }
        }
        n
    }

    fn look_arabic(&self) -> bool {
        self.arabic > 0
            && self.arabic >= 9 * self.other
            && self.arabic >= self.ascii
            && 8 * self.alef_lam >= self.arabic
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Decoded, decode};
    use encoding_rs::{
        GBK, ISO_8859_6, KOI8_R, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252, WINDOWS_1255, WINDOWS_1256,
    };

    const NEWS: &str = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض \
        بطاقة استيعابية كبيرة";

    fn decode_in(encoding: &'static encoding_rs::Encoding, text: &str) -> Decoded {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} is not all in {}", encoding.name());
        decode(&bytes).unwrap()
    }

    #[test]
    fn windows_1256_is_detected() {
        let d = decode_in(WINDOWS_1256, NEWS);
        assert_eq!((d.text.as_str(), d.encoding), (NEWS, "windows-1256"));
    }

    #[test]
    fn iso_8859_6_is_detected() {
        let d = decode_in(ISO_8859_6, NEWS);
        assert_eq!((d.text.as_str(), d.encoding), (NEWS, "ISO-8859-6"));
    }

    #[test]
    fn windows_1256_with_many_utf8_like_pairs_is_not_utf8() {
        // A letter before ، ؛ ؟ or » is a valid two-byte UTF-8 sequence in Windows-1256.
        let text = "قال: «نعم»، ثم سأل: «لماذا؟» وأجاب: «لأن الوقت حان»؛ وانتهى الاجتماع؟";
        let d = decode_in(WINDOWS_1256, text);
        assert_eq!(
            (d.text.as_str(), d.encoding, d.replaced),
            (text, "windows-1256", 0)
        );
    }

    #[test]
    fn a_tiny_windows_1256_file_is_not_damaged_utf8() {
        // ل before ا؟ is E1 C7 BF: one invalid UTF-8 sequence, then a valid one.
        let d = decode_in(WINDOWS_1256, "لا؟");
        assert_eq!((d.text.as_str(), d.encoding), ("لا؟", "windows-1256"));
    }

    #[test]
    fn windows_1256_that_chardetng_calls_gbk_is_arabic() {
        let text = "السلام\n\nهل تصدق هذا؟\n";
        let d = decode_in(WINDOWS_1256, text);
        assert_eq!((d.text.as_str(), d.encoding), (text, "windows-1256"));
    }

    #[test]
    fn windows_1256_that_chardetng_calls_windows_1252_is_arabic() {
        let text = "ماذا؟\n\nنعم.\n";
        let d = decode_in(WINDOWS_1256, text);
        assert_eq!((d.text.as_str(), d.encoding), (text, "windows-1256"));
    }

    #[test]
    fn iso_8859_6_that_chardetng_calls_windows_1256_is_iso_8859_6() {
        // Both readings are Arabic letters (`انسناه\n\nشمرا نمه`); the likelier one wins.
        let text = "السلام\n\nشكرا لكم\n";
        let d = decode_in(ISO_8859_6, text);
        assert_eq!((d.text.as_str(), d.encoding), (text, "ISO-8859-6"));
    }

    #[test]
    fn other_legacy_text_is_left_to_chardetng() {
        for (encoding, text) in [
            (
                KOI8_R,
                "Президент России заявил сегодня, что правительство готово к переговорам.",
            ),
            (
                WINDOWS_1251,
                "Президент России заявил сегодня, что правительство готово к переговорам.",
            ),
            (
                WINDOWS_1255,
                "ראש הממשלה הודיע היום על צעדים חדשים בתחום הכלכלה והביטחון במדינה.",
            ),
            (
                WINDOWS_1252,
                "Größere Mädchen äßen gern Äpfel, sagte der Bürgermeister in München.",
            ),
            (
                GBK,
                "国务院总理今天宣布了新的经济措施，以促进就业和稳定市场。",
            ),
            (
                SHIFT_JIS,
                "首相は本日、新しい経済対策を発表し、雇用の安定を図ると述べた。",
            ),
        ] {
            let (bytes, _, _) = encoding.encode(text);
            assert!(super::reading(&bytes).is_none(), "{text} read as Arabic");
        }
    }
}
