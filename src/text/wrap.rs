//! Line breaking in logical order, before reordering: greedy filling at UAX #14 break
//! opportunities, measured in cells on the shaped units (a lam-alef ligature is one cell).
//! A word wider than the line is cut between units. White space at a break is dropped.

use super::Line;
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
