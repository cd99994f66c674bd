//! The fast path of [`Prepared::new`]: cutting into units text whose characters are all plain
//! or marks (see `graphemes`), most paragraphs of real text. Nothing there is removed by X9,
//! hidden or a separator, and a cluster is a character and the marks after it, so units are
//! made directly, shaped from the join bits and mirrored as they go.

use unicode_bidi::BidiClass;

use super::super::forms::Arabic;
use super::super::props::{CharInfo, mirror};
use super::super::shape::{NO_LEVEL, form, ligature};
use super::{L1_SPACE, Prepared, SPACE, Unit};

impl Prepared {
    /// Cuts into units text whose characters are all plain or marks: each is drawn, none is
    /// white space other than WS, a control, a separator or removed by X9, and a cluster is a
    /// character and the marks after it. The common case, so without `UnitBuilder`, and
    /// shaped here from the join bits `joins` when it is to be shaped.
    pub(super) fn push_plain(
        &mut self,
        chars: &[char],
        infos: &[CharInfo],
        levels: &[u8],
        joins: Option<&[u8]>,
    ) {
        match joins {
            Some(joins) => {
                let arabic = Arabic::get();
                self.push_plain_with(chars, infos, levels, true, |i, c| {
                    form(arabic, c, joins.get(i).copied().unwrap_or(0))
                });
            }
            None => self.push_plain_with(chars, infos, levels, false, |_, c| c),
        }
    }

    /// [`Prepared::push_plain`], `drawn(i, c)` being the form of character `i`, `c`; lam-alef
    /// ligatures are made when `shaping`.
    fn push_plain_with(
        &mut self,
        chars: &[char],
        infos: &[CharInfo],
        levels: &[u8],
        shaping: bool,
        drawn: impl Fn(usize, char) -> char,
    ) {
        let n = chars.len().min(infos.len()).min(levels.len());
        let (chars, infos, levels) = (&chars[..n], &infos[..n], &levels[..n]);
        let mut byte = 0u32;
        // The character before, drawn, and its level: the lam of a lam-alef ligature perhaps.
        let mut before = ('\0', NO_LEVEL);
        for i in 0..n {
            let (c, info, level) = (chars[i], infos[i], levels[i]);
            let len = c.len_utf8() as u32;
            let form = drawn(i, c);
            let lam = before;
            before = (form, level);
            // The alef of a lam-alef ligature: the ligature replaces the lam in its unit.
            if shaping
                && let Some(lig) = ligature(lam.0, lam.1, form, level)
                && let Some(last) = self.units.last_mut()
            {
                self.display.truncate(last.out_start as usize);
                self.display.push(lig);
                last.end += len;
                last.out_end = self.display.len() as u32;
                last.width = info.plain_width();
                last.level = level;
                before = (lig, level);
                byte += len;
                continue;
            }
            let out_start = self.display.len() as u32;
            let class = info.class();
            // Every mirrored character is of class ON.
            let d = if level & 1 == 1 && class == BidiClass::ON {
                mirror(form).unwrap_or(form)
            } else {
                form
            };
            self.display.push(d);
            let width = info.plain_width();
            let out_end = self.display.len() as u32;
            match self.units.last_mut() {
                // A mark extends the unit before it.
                Some(last) if info.is_mark() => {
                    last.end += len;
                    last.out_end = out_end;
                    last.width += width;
                    last.flags &= !(SPACE | L1_SPACE);
                }
                _ => self.units.push(Unit {
                    start: byte,
                    end: byte + len,
                    out_start,
                    out_end,
                    width,
                    level,
                    flags: if class == BidiClass::WS {
                        SPACE | L1_SPACE
                    } else {
                        0
                    },
                }),
            }
            byte += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::forms::lam_alef;
    use super::super::super::props::{cell_width, char_info, mirror};
    use super::*;

    /// `push_plain` takes a unit's width from its characters as they are in the text: that of
    /// each plain character is 0 or 1 and stays so when it is shaped or mirrored.
    #[test]
    fn plain_characters_keep_their_width_when_drawn() {
        let arabic = Arabic::get();
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            let info = char_info(c);
            if !info.is_plain_or_mark() {
                continue;
            }
            let width = cell_width(c);
            assert!(width <= 1, "{:04X}", c as u32);
            assert_eq!(usize::from(info.plain_width()), width, "{:04X}", c as u32);
            let mut drawn: Vec<char> = (0..4).map(|shape| arabic.form(c, shape)).collect();
            drawn.extend(mirror(c));
            for lam in ['\u{FEDF}', '\u{FEE0}'] {
                drawn.extend(lam_alef(lam, arabic.form(c, 1)));
            }
            for d in drawn {
                assert_eq!(
                    cell_width(d),
                    width,
                    "{:04X} drawn as {:04X}",
                    c as u32,
                    d as u32
                );
            }
        }
    }
}
