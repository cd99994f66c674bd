//! The Unicode encodings read leniently (each invalid sequence one U+FFFD, counted), and UTF-16
//! recognised without its byte order mark.

use encoding_rs::{Encoding, UTF_16BE};

use super::Decoded;

/// UTF-16 without a byte order mark: the NUL bytes of its ASCII (spaces, line ends, digits and
/// Latin letters; an Arabic letter's high byte is 0x06) nearly all on one side of each pair, and
/// the text it decodes to nearly free of NUL and other control characters (at most one per
/// thousand) and of unpaired surrogates (one per hundred), as no binary file's is.
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    let sample = bytes.get(..8192).unwrap_or(bytes);
    let sample = &sample[..sample.len() & !1];
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    // Little-endian: the high byte, NUL for ASCII, comes second. A few NULs on the other side
    // are characters such as U+0100 or U+0600.
    let big_endian = if even * 20 < odd {
        false
    } else if odd * 20 < even {
        true
    } else {
        return None;
    };
    let lossy = Lossy::utf16(bytes, big_endian);
    let controls = lossy
        .text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    if controls * 1000 > lossy.intact || lossy.replaced * 100 > lossy.intact || lossy.intact < 2 {
        return None;
    }
    let encoding = if big_endian {
        UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    Some(lossy.decoded(encoding))
}

/// A Unicode encoding read leniently: each invalid sequence became one U+FFFD.
pub(super) struct Lossy {
    pub(super) text: String,
    pub(super) replaced: usize,
    /// Characters decoded from valid sequences.
    pub(super) intact: usize,
    /// Of those, the ones outside ASCII.
    pub(super) non_ascii: usize,
}

impl Lossy {
    fn new(capacity: usize) -> Self {
        Lossy {
            text: String::with_capacity(capacity),
            replaced: 0,
            intact: 0,
            non_ascii: 0,
        }
    }

    fn push_valid(&mut self, s: &str) {
        self.text.push_str(s);
        let chars = s.chars().count();
        self.intact += chars;
        // In valid UTF-8 the ASCII characters are exactly the ASCII bytes.
        self.non_ascii += chars - s.bytes().filter(u8::is_ascii).count();
    }

    fn push_invalid(&mut self) {
        self.text.push(char::REPLACEMENT_CHARACTER);
        self.replaced += 1;
    }

    /// The maximal invalid subparts are what `String::from_utf8_lossy` replaces one by one.
    pub(super) fn utf8(bytes: &[u8]) -> Self {
        let mut lossy = Lossy::new(bytes.len());
        for chunk in bytes.utf8_chunks() {
            lossy.push_valid(chunk.valid());
            if !chunk.invalid().is_empty() {
                lossy.push_invalid();
            }
        }
        lossy
    }

    /// Unpaired surrogates and an odd last byte are the invalid sequences.
    pub(super) fn utf16(bytes: &[u8], big_endian: bool) -> Self {
        let mut lossy = Lossy::new(bytes.len());
        let units = bytes.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let mut buf = [0; 4];
        for unit in char::decode_utf16(units) {
            match unit {
                Ok(c) => lossy.push_valid(c.encode_utf8(&mut buf)),
                Err(_) => lossy.push_invalid(),
            }
        }
        if bytes.len() % 2 == 1 {
            lossy.push_invalid();
        }
        lossy
    }

    pub(super) fn decoded(self, encoding: &'static Encoding) -> Decoded {
        Decoded {
            text: self.text,
            encoding: encoding.name(),
            replaced: self.replaced,
        }
    }
}
