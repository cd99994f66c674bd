#![allow(clippy::unwrap_used, clippy::string_slice)]
//! Unicode's bidi conformance file, BidiCharacterTest.txt (Unicode 15, vendored in tests/data),
//! through the engine: paragraph level, resolved levels after L1, visual order and the drawn
//! text of every case.
//!
//! The file reorders single characters; the engine reorders whole grapheme clusters so that
//! marks stay after their letter (L3), and mirrors at odd levels (L4). So the expected order is
//! regrouped into the engine's units (each unit where its characters stand), and the expected
//! text is built from it with mirroring, hidden controls left out and tabs expanded.

use qari::text::{Direction, LineScratch, Options, Prepared, TAB_WIDTH, mirror};

struct Case {
    line: usize,
    text: String,
    direction: Direction,
    rtl: bool,
    levels: Vec<Option<u8>>,
    order: Vec<usize>,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/BidiCharacterTest.txt");
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(';').collect();
        assert_eq!(f.len(), 5, "line {}", n + 1);
        let text: String = f[0]
            .split_whitespace()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        let direction = match f[1] {
            "0" => Direction::Ltr,
            "1" => Direction::Rtl,
            _ => Direction::Auto,
        };
        let levels = f[3]
            .split_whitespace()
            .map(|l| {
                if l == "x" {
                    None
                } else {
                    Some(l.parse().unwrap())
                }
            })
            .collect();
        let order = f[4]
            .split_whitespace()
            .map(|i| i.parse().unwrap())
            .collect();
        out.push(Case {
            line: n + 1,
            text,
            direction,
            rtl: f[2] == "1",
            levels,
            order,
        });
    }
    out
}

fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}'
    )
}

/// Checks one case; returns a description of the first mismatch.
fn check(case: &Case) -> Result<(), String> {
    let text = &case.text;
    let p = Prepared::new(
        text,
        Options {
            direction: case.direction,
            shape: false,
        },
    );
    if p.is_rtl() != case.rtl {
        return Err(format!(
            "paragraph level: rtl={} expected {}",
            p.is_rtl(),
            case.rtl
        ));
    }
    let char_at: Vec<usize> = {
        let mut v = vec![usize::MAX; text.len() + 1];
        for (ci, (b, _)) in text.char_indices().enumerate() {
            v[b] = ci;
        }
        v
    };
    let chars: Vec<char> = text.chars().collect();
    let lines = p.wrap(text, 0);
    assert_eq!(lines.len(), 1);
    let line = &lines[0];

    // Levels after L1, unit by unit.
    let kept = p.line_levels(line);
    let mut unit_of = vec![usize::MAX; chars.len()];
    let mut level_of = vec![None; chars.len()];
    for &(u, level) in &kept {
        let unit = p.units()[u as usize];
        for (b, _) in text[unit.source()].char_indices() {
            let ci = char_at[unit.start as usize + b];
            unit_of[ci] = u as usize;
            level_of[ci] = Some(level);
        }
    }
    for (ci, expected) in case.levels.iter().enumerate() {
        if let Some(e) = expected
            && level_of[ci] != Some(*e)
        {
            return Err(format!(
                "level of char {ci}: {:?}, expected {e}",
                level_of[ci]
            ));
        }
    }

    // Visual order, regrouped into units.
    let mut expected_units: Vec<usize> = Vec::new();
    for &ci in &case.order {
        let u = unit_of[ci];
        if expected_units.last() != Some(&u) {
            if expected_units.contains(&u) {
                return Err(format!("unit {u} is split in the expected order"));
            }
            expected_units.push(u);
        }
    }
    let mut scratch = LineScratch::default();
    let ours: Vec<usize> = p
        .visual_units(line, &mut scratch)
        .iter()
        .map(|&u| u as usize)
        .collect();
    if ours != expected_units {
        return Err(format!("order {ours:?}, expected {expected_units:?}"));
    }

    // The drawn text.
    let mut expected_text = String::new();
    for &u in &expected_units {
        let unit = p.units()[u];
        for (b, c) in text[unit.source()].char_indices() {
            let ci = char_at[unit.start as usize + b];
            let Some(level) = case.levels[ci] else {
                continue;
            };
            if is_hidden(c) {
                continue;
            }
            if c == '\t' {
                expected_text.extend(std::iter::repeat_n(' ', TAB_WIDTH));
            } else if level % 2 == 1 {
                expected_text.push(mirror(c).unwrap_or(c));
            } else {
                expected_text.push(c);
            }
        }
    }
    let mut drawn = String::new();
    p.write_visual(line, &mut scratch, &mut drawn);
    if drawn != expected_text {
        return Err(format!("drawn {drawn:?}, expected {expected_text:?}"));
    }
    Ok(())
}

#[test]
fn bidi_character_test_passes_every_case() {
    let cases = cases();
    assert!(cases.len() > 90_000, "the file was not read whole");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| check(c).err().map(|e| format!("line {}: {e}", c.line)))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail, the first:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
