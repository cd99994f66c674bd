//! Turning a file's bytes into text.
//!
//! A byte order mark settles the encoding (UTF-8, UTF-16LE, UTF-16BE). Without one, NUL bytes
//! in the first 8 KiB mean binary, unless they fall at every other place and the text read as
//! UTF-16 is text (UTF-16 without a mark). Otherwise:
//! 1. text that is mostly valid UTF-8 is UTF-8;
//! 2. else text that reads as Arabic in Windows-1256 or ISO-8859-6 is in that one ([`arabic`]);
//! 3. else text with as many valid non-ASCII UTF-8 characters as invalid sequences is damaged
//!    UTF-8 and refused, since any legacy reading of it would be mojibake;
//! 4. else it is in chardetng's guess, which must fit every byte.
//!
//! The few invalid sequences of mostly valid UTF-8 (or of UTF-16) are replaced with U+FFFD and
//! counted, so that a damaged file is read, and says so, instead of being skipped or shown as
//! mojibake. Binary files are refused.
//!
//! "Mostly valid" means at least two valid non-ASCII characters per invalid sequence. ASCII is
//! no evidence either way, but a legacy encoding's non-ASCII bytes rarely line up as UTF-8:
//! Arabic in Windows-1256 has its letters at 0xC1–0xFF, so two letters in a row are a lead byte
//! followed by a byte that cannot continue it. Measured on news sentences in Windows-1256,
//! ISO-8859-6, GBK, Big5, Shift_JIS, EUC-JP, EUC-KR and Windows-874, the valid sequences were at
//! most about one per three invalid ones (Thai, 12 per 33; Arabic, 3 per 66 at most), and one
//! per two in a two-character GBK text; a UTF-8 article with a few bad bytes has hundreds of
//! valid characters per invalid sequence. Damaged UTF-8 never reads as Arabic in step 2: its
//! Arabic letters become ط or ظ followed by a symbol, never ا or ل.

mod arabic;
mod unicode;

use unicode::{Lossy, utf16_without_bom};

use encoding_rs::{Encoding, UTF_8, UTF_16BE};

/// Why a file's bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file (NUL bytes), not text")]
    Binary,
    /// Too little of the text is valid in its encoding: the one a byte order mark names, or
    /// UTF-8 (see the module documentation).
    #[error("damaged {encoding} text (invalid sequences: {invalid}, intact characters: {intact})")]
    Damaged {
        encoding: &'static str,
        invalid: usize,
        intact: usize,
    },
    /// Not UTF-8, and the likeliest legacy encoding does not fit the bytes either.
    #[error(
        "neither UTF-8 (invalid sequences: {invalid_utf8}) nor {guess}, the likeliest legacy \
         encoding; convert the file to UTF-8"
    )]
    Undecodable {
        guess: &'static str,
        invalid_utf8: usize,
    },
}

/// A file's text, the encoding it was read in, and how much was damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name: `UTF-8`, `UTF-16LE`, `windows-1256`, `ISO-8859-6`, ...
    pub encoding: &'static str,
    /// Invalid sequences replaced with U+FFFD, one for each (as `String::from_utf8_lossy`
    /// and browsers do); 0 for intact text and always for legacy encodings, which are read only
    /// when every byte fits.
    pub replaced: usize,
}

/// Decodes a file's bytes; see the module documentation for how the encoding is chosen.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        let lossy = if encoding == UTF_8 {
            Lossy::utf8(body)
        } else {
            Lossy::utf16(body, encoding == UTF_16BE)
        };
        // The mark settles the encoding, so every character is evidence of intact text.
        if lossy.intact < 2 * lossy.replaced {
            return Err(DecodeError::Damaged {
                encoding: encoding.name(),
                invalid: lossy.replaced,
                intact: lossy.intact,
            });
        }
        return Ok(lossy.decoded(encoding));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        // NUL bytes at every other place are UTF-16 without a mark (Notepad's "Unicode" of
        // old, some exports): read it, if it is text once read.
        return utf16_without_bom(bytes).ok_or(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            replaced: 0,
        });
    }
    let utf8 = Lossy::utf8(bytes);
    if utf8.non_ascii >= 2 * utf8.replaced {
        return Ok(utf8.decoded(UTF_8));
    }
    if let Some((text, encoding)) = arabic::reading(bytes) {
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            replaced: 0,
        });
    }
    if utf8.non_ascii >= utf8.replaced {
        return Err(DecodeError::Damaged {
            encoding: UTF_8.name(),
            invalid: utf8.replaced,
            intact: utf8.intact,
        });
    }
    guessed(bytes, utf8.replaced)
}

/// Text in chardetng's guess, which must fit every byte.
fn guessed(bytes: &[u8], invalid_utf8: usize) -> Result<Decoded, DecodeError> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    match guess.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: guess.name(),
            replaced: 0,
        }),
        None => Err(DecodeError::Undecodable {
            guess: guess.name(),
            invalid_utf8,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short article whose last line ends in an Arabic letter, so that cutting the file one
    /// byte short splits a character.
    const ARTICLE: &str = "هطول الأمطار الغزيرة على العاصمة\n\nشهدت العاصمة اليوم هطول \
        الأمطار الغزيرة التي تسببت في إغلاق عدد من الطرق الرئيسية.\n\nوقالت هيئة الأرصاد إن \
        الأمطار ستستمر حتى نهاية الأسبوع";

    fn decoded(text: &str, encoding: &'static str, replaced: usize) -> Decoded {
        Decoded {
            text: text.to_owned(),
            encoding,
            replaced,
        }
    }

    /// `ARTICLE` with a bad byte inserted before each given character (counted in chars), and
    /// the text expected from it.
    fn damaged(at: &[(usize, u8)]) -> (Vec<u8>, String) {
        let (mut bytes, mut text) = (Vec::new(), String::new());
        for (i, c) in ARTICLE.chars().enumerate() {
            if let Some(&(_, bad)) = at.iter().find(|&&(n, _)| n == i) {
                bytes.push(bad);
                text.push(char::REPLACEMENT_CHARACTER);
            }
            let mut buf = [0; 4];
            bytes.extend(c.encode_utf8(&mut buf).as_bytes());
            text.push(c);
        }
        (bytes, text)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("سلام".as_bytes()).unwrap(),
            decoded("سلام", "UTF-8", 0)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend("سلام".as_bytes());
        assert_eq!(decode(&bom).unwrap(), decoded("سلام", "UTF-8", 0));
    }

    #[test]
    fn utf16_without_a_mark_is_read_by_where_its_nul_bytes_are() {
        let le: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), decoded(ARTICLE, "UTF-16LE", 0));
        let be: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap(), decoded(ARTICLE, "UTF-16BE", 0));
        let latin = "Oil prices\n\nBrent rose 3% on Monday.\n";
        let le: Vec<u8> = latin.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), decoded(latin, "UTF-16LE", 0));
        // Binary data with NULs is still binary: runs of NULs, a NUL on both sides, controls.
        assert_eq!(decode(b"\0\0\0abc"), Err(DecodeError::Binary));
        let mut blob = vec![0u8; 64];
        blob.extend((0..=255u8).cycle().take(4096));
        assert_eq!(decode(&blob), Err(DecodeError::Binary));
        let controls: Vec<u8> = "a\u{1}b\u{2}c\u{3}d"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&controls), Err(DecodeError::Binary));
    }

    #[test]
    fn pure_ascii_is_utf8() {
        assert_eq!(
            decode(b"Oil prices\n\nBrent rose.\n").unwrap(),
            decoded("Oil prices\n\nBrent rose.\n", "UTF-8", 0)
        );
    }

    #[test]
    fn utf8_with_three_stray_bytes_is_utf8_with_three_replaced() {
        // chardetng guesses windows-1252 for this one: `Ù‡Ø·ÙˆÙ„`.
        let (bytes, text) = damaged(&[(10, 0xFF), (50, 0x80), (100, 0xFE)]);
        assert_eq!(decode(&bytes).unwrap(), decoded(&text, "UTF-8", 3));
    }

    #[test]
    fn utf8_with_one_stray_byte_is_not_mojibake() {
        // chardetng guesses GBK for this one, which does not fit: the file was skipped.
        let (bytes, text) = damaged(&[(4, 0xFF)]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d, decoded(&text, "UTF-8", 1));
        assert!(d.text.starts_with("هطول\u{FFFD} الأمطار"), "{}", d.text);
    }

    #[test]
    fn utf8_truncated_mid_character_loses_only_that_character() {
        let bytes = ARTICLE.as_bytes();
        let cut = bytes.get(..bytes.len() - 1).unwrap();
        let text = format!("{}\u{FFFD}", ARTICLE.strip_suffix('ع').unwrap());
        assert_eq!(decode(cut).unwrap(), decoded(&text, "UTF-8", 1));
    }

    #[test]
    fn utf8_damaged_beyond_mostly_is_refused_not_mojibake() {
        // A bad byte after every Arabic letter: one valid character per invalid sequence.
        let mut bytes = Vec::new();
        for c in "سلام عليكم".chars() {
            let mut buf = [0; 4];
            bytes.extend(c.encode_utf8(&mut buf).as_bytes());
            if !c.is_ascii() {
                bytes.push(0xFF);
            }
        }
        let err = decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Damaged {
                encoding: "UTF-8",
                invalid: 9,
                intact: 10
            }
        );
        assert_eq!(
            err.to_string(),
            "damaged UTF-8 text (invalid sequences: 9, intact characters: 10)"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panicking(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
        ) {
            if let Ok(d) = decode(&bytes) {
                let marks = d.text.matches(char::REPLACEMENT_CHARACTER).count();
                proptest::prop_assert!(marks >= d.replaced, "{:?}", d);
            }
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("قارئ".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), decoded("قارئ", "UTF-16LE", 0));
        let mut be = vec![0xFE, 0xFF];
        be.extend("قارئ".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), decoded("قارئ", "UTF-16BE", 0));
    }

    #[test]
    fn utf16_truncated_or_with_a_lone_surrogate_is_read_with_replacements() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("قارئ".encode_utf16().flat_map(u16::to_le_bytes));
        le.push(0x41);
        assert_eq!(decode(&le).unwrap(), decoded("قارئ\u{FFFD}", "UTF-16LE", 1));
        let mut be = vec![0xFE, 0xFF];
        be.extend("قا".encode_utf16().flat_map(u16::to_be_bytes));
        be.extend([0xD8, 0x00]);
        be.extend("رئ".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), decoded("قا\u{FFFD}رئ", "UTF-16BE", 1));
    }

    #[test]
    fn a_mark_before_nothing_valid_is_damaged() {
        let err = decode(&[0xFF, 0xFE, 0x41]).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Damaged {
                encoding: "UTF-16LE",
                invalid: 1,
                intact: 0
            }
        );
        assert!(
            err.to_string().starts_with("damaged UTF-16LE text"),
            "{err}"
        );
    }

    #[test]
    fn an_undecodable_file_names_both_failures() {
        let err = DecodeError::Undecodable {
            guess: "GBK",
            invalid_utf8: 7,
        };
        assert_eq!(
            err.to_string(),
            "neither UTF-8 (invalid sequences: 7) nor GBK, the likeliest legacy encoding; \
             convert the file to UTF-8"
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
    }
}
