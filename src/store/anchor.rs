//! Finding a bookmarked paragraph again after its article changed: by its number when the text
//! there is still the same, else by the same text anywhere (a paragraph inserted above), else by
//! the most similar paragraph when it is clearly the same one (a typo fixed). When nothing is
//! close enough the bookmark is orphaned, never dropped.

use crate::collection::ParagraphNo;
use std::collections::HashSet;

use crate::hash::fnv1a;
use crate::search::normalize;

/// A fingerprint of a paragraph's text: stable across harakat, spacing and letter variants.
pub fn fingerprint(text: &str) -> String {
    format!("{:016x}", fnv1a(normalize(text).as_bytes()))
}

/// A hash of an article's whole text (normalised, so a re-encoding does not count as a change).
pub fn article_hash(title: &str, paragraphs: &[String]) -> String {
    let mut all = String::from(title);
    for p in paragraphs {
        all.push('\n');
        all.push_str(p);
    }
    fingerprint(&all)
}

/// The first words of a paragraph, for display and for finding it when edited.
pub fn excerpt(text: &str) -> String {
    let mut out: String = crate::text::printable(text).chars().take(160).collect();
    if text.chars().count() > 160 {
        out.push('…');
    }
    out
}

fn trigrams(text: &str) -> HashSet<[char; 3]> {
    let chars: Vec<char> = normalize(text).chars().collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// How alike two texts are, from 0 to 1 (shared trigrams over all trigrams).
fn similarity(a: &str, b: &str) -> f64 {
    let (ta, tb) = (trigrams(a), trigrams(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let shared = ta.intersection(&tb).count();
    shared as f64 / (ta.len() + tb.len() - shared) as f64
}

/// Where a bookmark on paragraph `was` is now, or None when orphaned.
pub fn locate(
    paragraphs: &[String],
    was: ParagraphNo,
    fingerprint_was: &str,
    excerpt_was: &str,
) -> Option<ParagraphNo> {
    locate_index(paragraphs, was.index(), fingerprint_was, excerpt_was).map(ParagraphNo::from_index)
}

fn locate_index(
    paragraphs: &[String],
    index: usize,
    fingerprint_was: &str,
    excerpt_was: &str,
) -> Option<usize> {
    if paragraphs
        .get(index)
        .is_some_and(|p| fingerprint(p) == fingerprint_was)
    {
        return Some(index);
    }
    if let Some(i) = paragraphs
        .iter()
        .position(|p| fingerprint(p) == fingerprint_was)
    {
        return Some(i);
    }
    // Compare the excerpt with the start of each paragraph.
    let best = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                i,
                similarity(excerpt_was.trim_end_matches('…'), &excerpt(p)),
            )
        })
        .max_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then(b.0.abs_diff(index).cmp(&a.0.abs_diff(index)))
        })?;
    (best.1 >= 0.8).then_some(best.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// Fingerprints and article hashes are kept in the state database: these are the values
    /// qari has always written, and must go on writing.
    #[test]
    fn stored_values_do_not_change() {
        assert_eq!(fingerprint("أعلنت وزارة الصحة اليوم"), "3380fd055b160b78");
        assert_eq!(
            article_hash("عنوان", &paras(&["فقرة أولى", "second"])),
            "74dc7db01aa57e9e"
        );
    }

    #[test]
    fn same_place_moved_edited_and_gone() {
        let no = |n| ParagraphNo::new(n).unwrap();
        let p = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض بطاقة كبيرة";
        let (f, e) = (fingerprint(p), excerpt(p));
        assert_eq!(locate(&paras(&["أ", p, "ج"]), no(2), &f, &e), Some(no(2)));
        // a paragraph inserted above
        assert_eq!(
            locate(&paras(&["جديد", "أ", p, "ج"]), no(2), &f, &e),
            Some(no(3))
        );
        // a typo fixed
        let fixed = p.replace("الرياض", "الرياض،");
        assert_eq!(
            locate(&paras(&["أ", "ب", &fixed]), no(2), &f, &e),
            Some(no(3))
        );
        // harakat added: the same fingerprint
        let voweled = p.replace("الصحة", "الصِّحَّة");
        assert_eq!(locate(&paras(&[&voweled]), no(1), &f, &e), Some(no(1)));
        // gone
        assert_eq!(
            locate(&paras(&["نص آخر تماما لا علاقة له", "وآخر"]), no(2), &f, &e),
            None
        );
    }
}
