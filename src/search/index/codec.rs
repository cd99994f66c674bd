//! How the index keeps each article's normalised text: compressed with zstd, with a dictionary
//! trained on the collection's first articles when the index is first built (short news texts
//! compress far better with one). The text is kept only to check candidates exactly and count
//! matches; it is never shown. A frame carries its text's length but not the dictionary's id
//! (the index has one dictionary), 8 bytes an article less than a length prefix and the id.

use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};
use zstd::zstd_safe::CParameter;

/// zstd's level: fast to write, and small enough. Levels 4 to 6 compress news no better here,
/// and 7 and above (lazy matching) several times slower.
const LEVEL: i32 = 3;
/// The dictionary's size in bytes. Measured on 100,000 articles at level 3, 112 KB, 256 KB and
/// 512 KB gave 30.4, 29.1 and 28.4 % of the text, at the same speed.
const DICT_SIZE: usize = 512 * 1024;
/// The largest text a frame may claim, to refuse a damaged length before reserving memory.
const MAX_TEXT: u64 = 1 << 30;
/// The fewest texts worth training a dictionary on.
pub const DICT_MIN_SAMPLES: usize = 500;

/// Compresses and decompresses texts, with the index's dictionary if it has one.
pub struct Codec {
    dict: Vec<u8>,
    /// Made on first use: a search only decompresses.
    encoder: std::sync::OnceLock<EncoderDictionary<'static>>,
    decoder: DecoderDictionary<'static>,
}

impl Codec {
    /// A codec with `dict` (empty: none).
    pub fn new(dict: &[u8]) -> Self {
        Codec {
            dict: dict.to_owned(),
            encoder: std::sync::OnceLock::new(),
            decoder: DecoderDictionary::copy(dict),
        }
    }

    /// Whether this codec uses `dict`.
    pub fn uses(&self, dict: &[u8]) -> bool {
        self.dict == dict
    }

    /// A dictionary trained on `samples`; None when they are too few or too alike to train on.
    pub fn train(samples: &[&str]) -> Option<Vec<u8>> {
        if samples.len() < DICT_MIN_SAMPLES {
            return None;
        }
        let samples: Vec<&[u8]> = samples.iter().map(|s| s.as_bytes()).collect();
        zstd::dict::from_samples(&samples, DICT_SIZE).ok()
    }

    /// A compressor to reuse for many texts (one a thread); None only when zstd cannot get
    /// memory.
    pub fn compressor(&self) -> Option<Compressor<'_>> {
        let encoder = self
            .encoder
            .get_or_init(|| EncoderDictionary::copy(&self.dict, LEVEL));
        let mut c = Compressor::with_prepared_dictionary(encoder).ok()?;
        c.set_parameter(CParameter::DictIdFlag(false)).ok()?;
        Some(c)
    }

    /// A decompressor to reuse for many texts.
    pub fn decompressor(&self) -> Option<Decompressor<'_>> {
        Decompressor::with_prepared_dictionary(&self.decoder).ok()
    }
}

/// `text` compressed with `c` (made by [`Codec::compressor`]), using `buffer` as scratch space;
/// None only when zstd cannot get memory.
pub fn compress(c: &mut Compressor<'_>, text: &str, buffer: &mut Vec<u8>) -> Option<Vec<u8>> {
    buffer.clear();
    buffer.reserve(zstd::zstd_safe::compress_bound(text.len()));
    c.compress_to_buffer(text.as_bytes(), buffer).ok()?;
    Some(buffer.as_slice().to_owned())
}

/// Decompresses a text made by [`compress`] into `out`; false when it is damaged.
pub fn decompress(d: &mut Decompressor<'_>, stored: &[u8], out: &mut Vec<u8>) -> bool {
    let Ok(Some(len)) = zstd::zstd_safe::get_frame_content_size(stored) else {
        return false;
    };
    if len > MAX_TEXT {
        return false;
    }
    out.clear();
    out.reserve(len as usize);
    matches!(d.decompress_to_buffer(stored, out), Ok(n) if n as u64 == len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip_with_and_without_a_dictionary() {
        let samples: Vec<String> = (0..DICT_MIN_SAMPLES * 2)
            .map(|i| {
                format!(
                    "مدينة {i} قال الوزير في المدينة المنورة {} اليوم",
                    i * 7919 % 1000
                )
            })
            .collect();
        let refs: Vec<&str> = samples.iter().map(String::as_str).collect();
        let dict = Codec::train(&refs).unwrap_or_default();
        for codec in [Codec::new(&[]), Codec::new(&dict)] {
            let mut c = codec.compressor().unwrap();
            let mut d = codec.decompressor().unwrap();
            let (mut buffer, mut out) = (Vec::new(), Vec::new());
            for text in ["", "a", samples[3].as_str(), &"نص طويل ".repeat(10_000)] {
                let stored = compress(&mut c, text, &mut buffer).unwrap();
                assert!(decompress(&mut d, &stored, &mut out));
                assert_eq!(out, text.as_bytes());
            }
            let stored = compress(&mut c, &samples[5], &mut buffer).unwrap();
            assert!(!decompress(&mut d, &stored[..stored.len() - 1], &mut out));
            assert!(!decompress(&mut d, &[], &mut out));
            assert!(!decompress(&mut d, b"not zstd", &mut out));
        }
    }
}
