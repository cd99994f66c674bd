//! Turning a file's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, and the legacy
//! Arabic encodings (Windows-1256, ISO-8859-6) guessed by chardetng. Binary files are refused.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why a file's bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file (NUL bytes), not text")]
    Binary,
    #[error("not valid text in {0} (the encoding was guessed; convert the file to UTF-8)")]
    Undecodable(&'static str),
}

/// Decoded text and the name of the encoding it was in.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, had_errors) = encoding.decode_without_bom_handling(body);
            if had_errors {
                return Err(DecodeError::Undecodable(encoding.name()));
            }
            return Ok((text.into_owned(), encoding.name()));
        }
        return utf8(body).map(|t| (t, "UTF-8"));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), UTF_8.name()));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || text.contains('\u{FFFD}') {
        return Err(DecodeError::Undecodable(encoding.name()));
    }
    Ok((text.into_owned(), encoding.name()))
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| DecodeError::Undecodable("UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("سلام".as_bytes()).unwrap(),
            ("سلام".to_owned(), "UTF-8")
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend("سلام".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "سلام");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("قارئ".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), ("قارئ".to_owned(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("قارئ".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), ("قارئ".to_owned(), "UTF-16BE"));
    }

    #[test]
    fn windows_1256_is_detected() {
        let text =
            "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض بطاقة استيعابية كبيرة";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let (decoded, name) = decode(&bytes).unwrap();
        assert_eq!(decoded, text);
        assert_eq!(name, "windows-1256");
    }

    #[test]
    fn iso_8859_6_is_detected() {
        let text =
            "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض بطاقة استيعابية كبيرة";
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(text);
        let (decoded, name) = decode(&bytes).unwrap();
        assert_eq!(name, "ISO-8859-6");
        assert_eq!(decoded, text);
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
