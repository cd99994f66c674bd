//! Line breaking in logical order, before reordering: greedy filling at UAX #14 break
//! opportunities, measured in cells on the shaped units (a lam-alef ligature is one cell).
//! A word wider than the line is cut between units. White space at a break is dropped.

use super::line::Line;
use super::prepare::Prepared;

impl Prepared {
    /// Cuts the paragraph into lines at most `width` cells wide (0: one line, no wrapping).
    /// `text` must be the text the paragraph was prepared from.
    pub fn wrap(&self, text: &str, width: usize) -> Vec<Line> {
        let units = &self.units;
        let n = units.len();
        if width == 0 || n == 0 {
            return vec![Line {
                units: 0..n,
                limit: usize::MAX,
            }];
        }
        let mut can_break = vec![false; n];
        let mut u = 0;
        for (pos, _) in unicode_linebreak::linebreaks(text) {
            while u < n && (units[u].start as usize) < pos {
                u += 1;
            }
            if u < n && units[u].start as usize == pos {
                can_break[u] = true;
            }
        }

        let mut lines = Vec::new();
        let push = |lines: &mut Vec<Line>, start: usize, mut end: usize| {
            while end > start && units[end - 1].is_space() {
                end -= 1;
            }
            if end > start {
                lines.push(Line {
                    units: start..end,
                    limit: width,
                });
            }
        };
        let mut start = 0;
        let mut i = 0;
        let mut used = 0usize;
        let mut last_break = None;
        while i < n {
            let unit = &units[i];
            if unit.is_space() {
                used += usize::from(unit.width);
                i += 1;
                continue;
            }
            if can_break[i] && i > start {
                last_break = Some(i);
            }
            if used + usize::from(unit.width) <= width {
                used += usize::from(unit.width);
                i += 1;
                continue;
            }
            // The unit does not fit: end the line at the last break, or cut the word here.
            let end = match last_break {
                Some(b) => b,
                None if i > start => i,
                None => i + 1,
            };
            push(&mut lines, start, end);
            start = end;
            while start < n && units[start].is_space() {
                start += 1;
            }
            i = start;
            used = 0;
            last_break = None;
        }
        // The last line keeps its trailing white space only as far as it fits.
        let mut end = n;
        let mut total: usize = units[start..n].iter().map(|u| usize::from(u.width)).sum();
        while end > start && total > width && units[end - 1].is_space() {
            end -= 1;
            total -= usize::from(units[end].width);
        }
        if end > start {
            lines.push(Line {
                units: start..end,
                limit: width,
            });
        }
        if lines.is_empty() {
            lines.push(Line {
                units: 0..0,
                limit: width,
            });
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    //! Golden strings, as helix's soft-wrap tests: a paragraph, a width, and the exact lines a
    //! terminal shows, joined by '\n'. The expected lines are in visual order, left to right as
    //! drawn, so an editor (which applies bidi again) shows their Arabic backwards. Each was
    //! worked out by hand and checked line by line against GNU FriBidi
    //! (../shared/tools/fribidi_oracle.py with --breaks), which differs by design only in keeping
    //! a tab as a tab and in dropping controls that qari draws as pictures.

    use crate::text::{Direction, LineScratch, Options, Prepared};

    struct Case {
        name: &'static str,
        text: &'static str,
        width: usize,
        direction: Direction,
        shape: bool,
        lines: &'static str,
    }

    const CASES: &[Case] = &[
        // Greedy filling at spaces: 3+1+5 cells fit in 10, one more word would not. Each line is
        // reversed as a whole.
        Case {
            name: "arabic_at_word_boundaries",
            text: "كتب الولد درسه في البيت",
            width: 10,
            direction: Direction::Auto,
            shape: false,
            lines: "دلولا بتك\nيف هسرد\nتيبلا",
        },
        // The English run and both numbers (European and Arabic-Indic digits) keep their
        // left-to-right order inside the right-to-left line.
        Case {
            name: "mixed_with_english_and_numbers",
            text: "يستخدم GNU FriBidi منذ 2004 وعام ٢٠٢٤",
            width: 20,
            direction: Direction::Auto,
            shape: false,
            lines: "GNU FriBidi مدختسي\n٢٠٢٤ ماعو 2004 ذنم",
        },
        // In a right-to-left run each bracket is drawn as its mirror, so the pair still opens on
        // the right. Brackets around English after an Arabic letter take the paragraph's
        // direction (N0), so they are mirrored too.
        Case {
            name: "brackets_mirrored_in_rtl",
            text: "قال (مرحبا) ثم [ذهب] و(GNU)",
            width: 12,
            direction: Direction::Auto,
            shape: false,
            lines: "(ابحرم) لاق\n[بهذ] مث\n(GNU)و",
        },
        // The long word first moves to its own line, then is cut every 5 units.
        Case {
            name: "word_wider_than_the_line_is_cut",
            text: "في الاستقلالية",
            width: 5,
            direction: Direction::Auto,
            shape: false,
            lines: "يف\nتسالا\nيلالق\nة",
        },
        // The two spaces inside the first line stay; the four at the break go.
        Case {
            name: "white_space_at_a_break_is_dropped",
            text: "أب  جد    هو",
            width: 6,
            direction: Direction::Auto,
            shape: false,
            lines: "دج  بأ\nوه",
        },
        // A letter and its haraka are one unit of one cell: in visual order each mark still follows
        // its letter (L3), and a cut never separates them.
        Case {
            name: "harakat_stay_with_their_letter",
            text: "كَتَبَ الوَلَدُ",
            width: 4,
            direction: Direction::Auto,
            shape: false,
            lines: "بَتَكَ\nلَوَلا\nدُ",
        },
        // The same, shaped: forms are chosen on the whole paragraph, so the lam that ends the
        // second line keeps its initial form, joined to the dal on the next.
        Case {
            name: "harakat_shaped",
            text: "كَتَبَ الوَلَدُ",
            width: 4,
            direction: Direction::Auto,
            shape: true,
            lines: "ﺐَﺘَﻛَ\nﻟَﻮَﻟﺍ\nﺪُ",
        },
        // Shaped, lam-alef is one cell (U+FEFC), so the 12 letters and the space fit in 11 cells.
        Case {
            name: "lam_alef_ligature_shaped",
            text: "السلام عليكم",
            width: 11,
            direction: Direction::Auto,
            shape: true,
            lines: "ﻢﻜﻴﻠﻋ ﻡﻼﺴﻟﺍ",
        },
        // Unshaped, the same text takes 12 cells and wraps.
        Case {
            name: "lam_alef_unshaped",
            text: "السلام عليكم",
            width: 11,
            direction: Direction::Auto,
            shape: false,
            lines: "مالسلا\nمكيلع",
        },
        // A left-to-right paragraph: the Arabic word is reversed in place, its brackets are not
        // mirrored.
        Case {
            name: "ltr_paragraph",
            text: "The word (كتاب) means book in Arabic",
            width: 16,
            direction: Direction::Auto,
            shape: false,
            lines: "The word (باتك)\nmeans book in\nArabic",
        },
        // Forced right to left: the final '!' goes to the paragraph's direction, to the left.
        Case {
            name: "ltr_text_in_rtl_paragraph",
            text: "Hello, world!",
            width: 8,
            direction: Direction::Rtl,
            shape: false,
            lines: "Hello,\n!world",
        },
        // A tab is 4 spaces, in place.
        Case {
            name: "tab",
            text: "الاسم:\tعلي",
            width: 20,
            direction: Direction::Auto,
            shape: false,
            lines: "يلع    :مسالا",
        },
        // 2 + 4 + 5 cells do not fit in 8: the tab is white space at the break.
        Case {
            name: "tab_at_a_break_is_dropped",
            text: "في\tالبيت",
            width: 8,
            direction: Direction::Auto,
            shape: false,
            lines: "يف\nتيبلا",
        },
        // ESC is drawn as ␛ (one cell) where it stands, never sent raw to the terminal.
        Case {
            name: "control_shown_as_picture",
            text: "نص\u{1b}أحمر ثم عادي",
            width: 7,
            direction: Direction::Auto,
            shape: false,
            lines: "رمحأ␛صن\nيداع مث",
        },
        // BEL as ␇, in a left-to-right paragraph.
        Case {
            name: "control_in_ltr",
            text: "a\u{7}b c",
            width: 3,
            direction: Direction::Auto,
            shape: false,
            lines: "a␇b\nc",
        },
    ];

    /// The visual lines of `case`, joined by '\n'; also checks that the printing path
    /// (`write_visual`, as `qari render` uses) draws the same and that no line is too wide.
    fn layout(case: &Case) -> String {
        let options = Options {
            direction: case.direction,
            shape: case.shape,
        };
        let prepared = Prepared::new(case.text, options);
        let mut scratch = LineScratch::default();
        let mut lines = Vec::new();
        for line in prepared.wrap(case.text, case.width) {
            let visual = prepared.visual(&line);
            let mut printed = String::new();
            let width = prepared.write_visual(&line, &mut scratch, &mut printed);
            assert_eq!(
                (&printed, width),
                (&visual.text, visual.width),
                "{}",
                case.name
            );
            assert!(
                case.width == 0 || visual.width <= case.width,
                "{}: {visual:?}",
                case.name
            );
            lines.push(visual.text);
        }
        lines.join("\n")
    }

    #[test]
    fn wrapped_lines_are_the_golden_strings() {
        let mut failed = Vec::new();
        for case in CASES {
            let got = layout(case);
            if got != case.lines {
                failed.push(format!(
                    "{} (width {}):\n  want {:?}\n  got  {:?}\n{got}",
                    case.name, case.width, case.lines, got
                ));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }
}
