//! Fuzzes the bidi engine: any bytes as text, any width, direction and shaping. It must never
//! panic, never draw a line wider than the width, and never let a control character through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qari::text::{Direction, Options, Prepared};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|data: &[u8]| {
    let [settings, dir, rest @ ..] = data else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let width = usize::from(settings & 0x3f);
    let direction = match dir % 3 {
        0 => Direction::Auto,
        1 => Direction::Ltr,
        _ => Direction::Rtl,
    };
    let p = Prepared::new(text, Options { direction, shape: settings & 0x40 == 0 });
    for line in p.wrap(text, width) {
        let v = p.visual(&line);
        let w: usize = v.text.graphemes(true).map(UnicodeWidthStr::width).sum();
        assert!(width == 0 || w <= width, "{w} cells at width {width}");
        assert!(!v.text.chars().any(|c| c.is_control()), "a control reached the output");
    }
});
