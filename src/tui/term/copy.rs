//! Copying in reading order. What the cells hold is reordered and shaped; what is copied is the
//! article's own text: logical order, the original letters (no presentation forms, no mirrored
//! brackets), harakat kept, paragraphs separated by a blank line. It reaches the system
//! clipboard through OSC 52, which works over ssh and through tmux (`set-clipboard on`).

use std::ops::RangeInclusive;

use crate::collection::{Article, BlockIndex};
use crate::page::{ArticleLayout, Row};

/// The text of paragraphs `range` of `article`, a blank line between them.
pub fn paragraphs(article: &Article, range: RangeInclusive<BlockIndex>) -> String {
    (range.start().0..=range.end().0)
        .filter_map(|b| article.block(BlockIndex(b)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The text of layout rows `rows` (as drawn, top to bottom) in logical order: whole lines, the
/// lines of one block joined as they are in the text (so a word cut at a line end is whole
/// again), blocks separated by a blank line. Blank rows between blocks add nothing.
pub fn rows(article: &Article, layout: &ArticleLayout, rows: RangeInclusive<usize>) -> String {
    let mut pieces: Vec<(BlockIndex, std::ops::Range<usize>)> = Vec::new();
    for row in rows {
        let Some(Row::Line { block, line }) = layout.rows.get(row) else {
            continue;
        };
        let Some(b) = layout.block(*block) else {
            continue;
        };
        let Some(bytes) = b.lines.get(*line).map(|l| l.bytes(&b.prepared)) else {
            continue;
        };
        match pieces.last_mut() {
            Some((last, range)) if last == block => range.end = bytes.end,
            _ => pieces.push((*block, bytes)),
        }
    }
    pieces
        .into_iter()
        .filter_map(|(block, range)| article.block(block)?.get(range))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The escape sequence that puts `text` on the system clipboard (OSC 52).
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Direction, Options};

    #[test]
    fn base64_as_in_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("سلام"), "\x1b]52;c;2LPZhNin2YU=\x07");
    }

    fn article() -> Article {
        Article {
            path: "a.txt".into(),
            title: "لا تنسَ (القوس)".into(),
            paragraphs: vec![
                "قال: «لا» (مرة) ثم ذهب إلى المدينة البعيدة في الصباح الباكر".into(),
                "English (bracket) text".into(),
            ],
            meta: crate::collection::Meta::default(),
            encoding: "UTF-8".into(),
        }
    }

    #[test]
    fn a_drag_over_rows_gives_the_logical_text() {
        let a = article();
        let layout = ArticleLayout::new(
            &a,
            20,
            Options {
                direction: Direction::Majority,
                shape: true,
            },
        );
        // Drawn, the title holds a lam-alef ligature and mirrored brackets; copied, the letters
        // and brackets are the original ones, in logical order.
        let title_rows = layout.blocks[0].lines.len();
        assert_eq!(rows(&a, &layout, 0..=title_rows - 1), a.title);
        // From the title's last row to the first paragraph's last: two blocks, a blank line
        // between, the paragraph whole (its words joined across line ends).
        let p = &layout.blocks[1];
        let last = p.first_row + p.lines.len() - 1;
        assert!(p.lines.len() > 1, "the paragraph wraps");
        let copied = rows(&a, &layout, title_rows - 1..=last);
        assert!(
            copied.ends_with(&format!("\n\n{}", a.paragraphs[0])),
            "{copied}"
        );
        // The blank row alone copies nothing.
        assert_eq!(rows(&a, &layout, title_rows..=title_rows), "");
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        let a = article();
        assert_eq!(
            paragraphs(&a, BlockIndex(1)..=BlockIndex(2)),
            format!("{}\n\n{}", a.paragraphs[0], a.paragraphs[1])
        );
    }
}
