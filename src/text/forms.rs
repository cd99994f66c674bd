//! The Arabic presentation forms a terminal that does not shape is given: each letter's
//! isolated, final, initial and medial form, and the lam-alef ligatures. Below `shape`, which
//! picks the forms, and `prepare`, which draws them.

use std::sync::OnceLock;

use super::tables::FORMS;

/// The first and last code points of the Arabic block, where the form table is a flat array.
const ARABIC: (u32, u32) = (0x0600, 0x06FF);

struct ArabicTables {
    forms: Vec<[char; 4]>,
}

/// The presentation forms, looked up quickly for the Arabic block. Take it once for a loop over
/// many characters.
#[derive(Clone, Copy)]
pub struct Arabic(&'static ArabicTables);

impl Arabic {
    pub fn get() -> Self {
        static TABLES: OnceLock<ArabicTables> = OnceLock::new();
        Arabic(TABLES.get_or_init(|| {
            let chars = (ARABIC.0..=ARABIC.1).filter_map(char::from_u32);
            ArabicTables {
                forms: chars
                    .map(|c| std::array::from_fn(|shape| form_slow(c, shape)))
                    .collect(),
            }
        }))
    }

    /// The presentation form of `c` for a join shape (0 isolated, 1 final, 2 initial,
    /// 3 medial), or `c` itself when it has none.
    pub fn form(self, c: char, shape: usize) -> char {
        match self.0.forms.get((c as u32).wrapping_sub(ARABIC.0) as usize) {
            Some(forms) => forms[shape & 3],
            None => form_slow(c, shape),
        }
    }
}

/// The presentation form of `c` for a join shape (0 isolated, 1 final, 2 initial, 3 medial),
/// or `c` itself when it has none.
#[cfg(test)]
fn form(c: char, shape: usize) -> char {
    Arabic::get().form(c, shape)
}

fn form_slow(c: char, shape: usize) -> char {
    FORMS
        .binary_search_by_key(&c, |&(base, _)| base)
        .map_or(c, |i| FORMS[i].1[shape])
}

/// The lam-alef ligature for a shaped lam (initial or medial form) followed by a final alef,
/// the only ligatures a terminal needs (GNU FriBidi's mandatory ligatures).
pub fn lam_alef(lam: char, alef: char) -> Option<char> {
    let medial = match lam {
        '\u{FEDF}' => false,
        '\u{FEE0}' => true,
        _ => return None,
    };
    let isolated = match alef {
        '\u{FE82}' => '\u{FEF5}',
        '\u{FE84}' => '\u{FEF7}',
        '\u{FE88}' => '\u{FEF9}',
        '\u{FE8E}' => '\u{FEFB}',
        _ => return None,
    };
    // Each ligature's final form follows its isolated form.
    Some(if medial {
        char::from_u32(isolated as u32 + 1).unwrap_or(isolated)
    } else {
        isolated
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_forms_agree_with_the_slow_lookup() {
        for u in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            for shape in 0..4 {
                assert_eq!(form(c, shape), form_slow(c, shape), "{u:04X}");
            }
        }
    }

    #[test]
    fn forms_and_ligatures() {
        assert_eq!(form('ب', 0), '\u{FE8F}');
        assert_eq!(form('ب', 3), '\u{FE92}');
        assert_eq!(form('a', 2), 'a');
        assert_eq!(lam_alef('\u{FEDF}', '\u{FE8E}'), Some('\u{FEFB}'));
        assert_eq!(lam_alef('\u{FEE0}', '\u{FE82}'), Some('\u{FEF6}'));
        assert_eq!(lam_alef('\u{FEE0}', '\u{FE8D}'), None);
    }
}
