//! How the index keeps each article's normalised text: compressed with zstd, with a dictionary
//! trained on the collection's first articles when the index is first built (short news texts
//! compress far better with one). The text is kept only to check candidates exactly and count
//! matches; it is never shown.

use zstd::bulk::{Compressor, Decompressor};
use zstd::dict::{DecoderDictionary, EncoderDictionary};

/// zstd's level: fast to write, and small enough.
const LEVEL: i32 = 3;
/// The dictionary's size in bytes.
const DICT_SIZE: usize = 112 * 1024;
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

    /// A dictionary trained on `samples`; None when they are too few or too alike to train on.
    pub fn train(samples: &[&str]) -> Option<Vec<u8>> {
        if samples.len() < DICT_MIN_SAMPLES {
            return None;
        }
        let samples: Vec<&[u8]> = samples.iter().map(|s| s.as_bytes()).collect();
        zstd::dict::from_samples(&samples, DICT_SIZE).ok()
    }

    /// `text` compressed: its length (4 bytes, little-endian), then a zstd frame. None only
    /// when zstd cannot get memory.
    pub fn compress(&self, text: &str) -> Option<Vec<u8>> {
        let encoder = self
            .encoder
            .get_or_init(|| EncoderDictionary::copy(&self.dict, LEVEL));
        let frame = Compressor::with_prepared_dictionary(encoder)
            .and_then(|mut c| c.compress(text.as_bytes()))
            .ok()?;
        let mut out = Vec::with_capacity(4 + frame.len());
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(&frame);
        Some(out)
    }

    /// A decompressor to reuse for many texts.
    pub fn decompressor(&self) -> Option<Decompressor<'_>> {
        Decompressor::with_prepared_dictionary(&self.decoder).ok()
    }
}

/// Decompresses a text made by [`Codec::compress`] into `out`; false when it is damaged.
pub fn decompress(d: &mut Decompressor<'_>, stored: &[u8], out: &mut Vec<u8>) -> bool {
    let Some((len, frame)) = stored.split_first_chunk::<4>() else {
        return false;
    };
    let len = u32::from_le_bytes(*len) as usize;
    out.clear();
    out.reserve(len);
    matches!(d.decompress_to_buffer(frame, out), Ok(n) if n == len)
}
