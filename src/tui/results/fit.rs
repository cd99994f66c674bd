//! What a result's snippets are fitted to: the width they are drawn in and the layout options.

use ratatui::layout::Rect;

use crate::text::Options;

/// What the snippets are fitted to: the width they are drawn in and the layout options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fit {
    pub width: usize,
    pub options: Options,
}

impl Fit {
    /// The snippets' fit on a screen `screen_width` cells wide.
    pub fn new(screen_width: u16, options: Options) -> Self {
        let (_, width) = text_column(Rect::new(0, 0, screen_width, 1));
        Fit {
            width: usize::from(width),
            options,
        }
    }
}

/// The column of the titles and snippets in `area`: its x and width. The hit count takes the
/// first two cells and the third stays blank, so that a title that fills its row (a right-aligned
/// Arabic one) never touches the count; two cells stay free on the right.
pub(super) fn text_column(area: Rect) -> (u16, u16) {
    (area.x + 3, area.width.saturating_sub(5))
}
