//! Property tests of the engine: for any text, width and direction, no panic, no line wider
//! than the width (measured as ratatui draws: the sum of each grapheme's width), and every
//! grapheme of the input drawn exactly once, except the ones that are never drawn (bidi
//! controls and other X9 characters) and white space at a line break. Plus the hard cases:
//! deep embeddings, lone marks and a 1 MB paragraph.

#![allow(clippy::unwrap_used, clippy::string_slice)]

use proptest::prelude::*;
use qari::text::{Direction, Options, Prepared};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Pieces text is made of: Arabic letters and harakat, Latin, digits, brackets, spaces, tabs,
/// controls, bidi formatting, emoji, CJK, lam-alef.
const ALPHABET: &[&str] = &[
    "ب",
    "ل",
    "ا",
    "أ",
    "م",
    "ة",
    "ى",
    "ي",
    "ه",
    "\u{64e}",
    "\u{651}",
    "\u{640}",
    "لا",
    "a",
    "Z",
    "é",
    "e\u{301}",
    "1",
    "٣",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "<",
    " ",
    " ",
    "  ",
    "\u{a0}",
    "\t",
    ".",
    ",",
    "،",
    "؟",
    "-",
    "/",
    "\u{1b}",
    "\u{7}",
    "\u{9b}",
    "\u{200e}",
    "\u{200f}",
    "\u{61c}",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200d}",
    "\u{200c}",
    "\u{ad}",
    "😀",
    "👍🏽",
    "中",
    "\u{1100}\u{1161}",
    "\u{2029}",
    "\r",
    "\u{feff}",
    "\u{600}",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(ALPHABET), 0..60).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::Auto),
        Just(Direction::Ltr),
        Just(Direction::Rtl)
    ]
}

fn never_drawn_char(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::BN
            && qari::text::control_picture(c).is_none()
}

fn never_drawn(g: &str) -> bool {
    g.chars().all(never_drawn_char)
}

fn check(text: &str, width: usize, direction: Direction, shape: bool) -> Result<(), TestCaseError> {
    let p = Prepared::new(text, Options { direction, shape });
    let lines = p.wrap(text, width);
    prop_assert!(!lines.is_empty());
    let mut drawn = vec![0u32; text.len() + 1];
    let mut last_end = 0;
    for line in &lines {
        let bytes = line.bytes(&p);
        prop_assert!(bytes.start >= last_end, "lines overlap or go backwards");
        last_end = bytes.end;
        let v = p.visual(line);
        let w: usize = v.text.graphemes(true).map(UnicodeWidthStr::width).sum();
        prop_assert_eq!(
            w,
            v.glyphs.iter().map(|g| g.width).sum::<usize>(),
            "glyph widths disagree with the text: {:?}",
            v.text
        );
        if width > 0 {
            prop_assert!(
                w <= width,
                "line of {} cells at width {}: {:?}",
                w,
                width,
                v.text
            );
        }
        for g in &v.glyphs {
            prop_assert!(g.source.start < g.source.end && g.source.end <= text.len());
            for b in g.source.clone() {
                drawn[b] += 1;
            }
        }
    }
    for (start, g) in text.grapheme_indices(true) {
        let times = drawn[start];
        if never_drawn(g) {
            continue;
        }
        let space = g.chars().all(|c| {
            unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::WS
                || c == '\t'
                || never_drawn_char(c)
        });
        if space && width > 0 {
            prop_assert!(
                times <= 1,
                "space {:?} at {} drawn {} times",
                g,
                start,
                times
            );
        } else if width > 1 || g.width() <= 1 {
            prop_assert_eq!(
                times,
                1,
                "grapheme {:?} at {} drawn {} times in {:?}",
                g,
                start,
                times,
                text
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_text_lays_out_within_the_width(text in text(), width in 0usize..50, direction in direction(), shape: bool) {
        check(&text, width, direction, shape)?;
    }
}

#[test]
fn two_hundred_nested_embeddings() {
    let mut text = String::new();
    for i in 0..200 {
        text.push(if i % 2 == 0 { '\u{202B}' } else { '\u{202A}' });
        text.push_str("ب a ");
    }
    for _ in 0..200 {
        text.push('\u{202C}');
    }
    let mut iso = String::new();
    for _ in 0..200 {
        iso.push_str("\u{2067}ب (x) ");
    }
    for width in [0, 1, 7, 80] {
        check(&text, width, Direction::Auto, true).unwrap();
        check(&iso, width, Direction::Rtl, true).unwrap();
    }
}

#[test]
fn lone_combining_marks() {
    for text in [
        "\u{64e}",
        "\u{64e}\u{651}ب",
        " \u{301}",
        "\u{301}abc",
        "ب\u{64e}\u{64e}\u{64e}\u{64e}",
    ] {
        for width in [0, 1, 2, 10] {
            check(text, width, Direction::Auto, true).unwrap();
        }
    }
}

#[test]
fn a_one_megabyte_paragraph() {
    let word = "الإسلام (Islam) 2015 «مدينة» ";
    let text = word.repeat(1_000_000 / word.len() + 1);
    assert!(text.len() >= 1_000_000);
    let p = Prepared::new(&text, Options::default());
    assert!(p.is_rtl());
    let lines = p.wrap(&text, 80);
    assert!(lines.len() > 5_000);
    for line in lines.iter().step_by(97) {
        assert!(p.visual(line).width <= 80);
    }
}
