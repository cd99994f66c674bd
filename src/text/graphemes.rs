//! Grapheme cluster boundaries, fast for the text qari reads most: Arabic and Latin letters,
//! digits, punctuation and their combining marks. Those characters break by the default rule
//! (GB999) except that marks extend the cluster before them (GB9), so a cluster is one such
//! character and the marks after it. Any other character sends the whole paragraph through
//! unicode-segmentation, which implements every rule of UAX #29.

use unicode_segmentation::UnicodeSegmentation;

/// Characters that are not Control, CR, LF, Extend, ZWJ, SpacingMark, Prepend,
/// Regional_Indicator or Hangul, and so break on both sides by GB999.
pub(super) fn is_plain(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E | 0xA0..=0xAC | 0xAE..=0x2FF
        | 0x0606..=0x060F | 0x061B | 0x061D..=0x064A | 0x0660..=0x066F | 0x0671..=0x06D5
        | 0x06DE | 0x06E5..=0x06E6 | 0x06E9 | 0x06EE..=0x06FF
        | 0x2000..=0x200A | 0x2010..=0x2027 | 0x202F..=0x205F
        | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC)
}

/// Nonspacing marks (Grapheme_Cluster_Break=Extend) of the Latin and Arabic blocks.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED)
}

/// On the fast path, whether a cluster starts at `c` (a mark extends the one before).
pub fn is_cluster_start(c: char) -> bool {
    !is_mark(c)
}

/// When `chars` (the characters of `text`) are all plain or marks, returns true: clusters then
/// start at each character for which [`is_cluster_start`] holds, and at the first. Otherwise
/// fills `starts` with the index in `chars` where each grapheme cluster starts.
pub fn cluster_starts(text: &str, chars: &[char], starts: &mut Vec<u32>) -> bool {
    starts.clear();
    if chars.iter().all(|&c| is_plain(c) || is_mark(c)) {
        return true;
    }
    all_cluster_starts(text, chars, starts);
    false
}

/// Fills `starts` with the index in `chars` (the characters of `text`) where each grapheme
/// cluster starts, by every rule of UAX #29.
pub fn all_cluster_starts(text: &str, chars: &[char], starts: &mut Vec<u32>) {
    starts.clear();
    let mut bounds = text.grapheme_indices(true).map(|(b, _)| b).peekable();
    let mut byte = 0;
    for (i, c) in chars.iter().enumerate() {
        if bounds.next_if_eq(&byte).is_some() {
            starts.push(i as u32);
        }
        byte += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(text: &str) -> Vec<u32> {
        let bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
        text.char_indices()
            .enumerate()
            .filter(|(_, (b, _))| bounds.contains(b))
            .map(|(i, _)| i as u32)
            .collect()
    }

    fn fast(text: &str, starts: &mut Vec<u32>) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let fast = cluster_starts(text, &chars, starts);
        if fast {
            starts.extend(
                chars
                    .iter()
                    .enumerate()
                    .filter(|&(i, &c)| i == 0 || is_cluster_start(c))
                    .map(|(i, _)| i as u32),
            );
        }
        fast
    }

    #[test]
    fn fast_path_agrees_with_uax29_on_every_plain_and_mark_pair() {
        let chars: Vec<char> = (0..0x1_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain(c) || is_mark(c))
            .collect();
        // Each character after a letter, after a mark, and at the start.
        for &c in &chars {
            for text in [format!("b{c}"), format!("ب\u{64e}{c}"), format!("{c}x")] {
                let mut starts = Vec::new();
                assert!(fast(&text, &mut starts));
                assert_eq!(starts, slow(&text), "{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn other_text_takes_the_full_rules() {
        let text = "a\u{1F468}\u{200D}\u{1F469} \r\n\u{0600}١";
        let mut starts = Vec::new();
        assert!(!fast(text, &mut starts));
        assert_eq!(starts, slow(text));
    }

    #[test]
    fn lone_marks_make_a_cluster() {
        let mut starts = Vec::new();
        assert!(fast("\u{64e}\u{650}ب", &mut starts));
        assert_eq!(starts, vec![0, 2]);
    }
}
