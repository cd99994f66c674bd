//! What the reader does with an action or a mouse drag: most move or search within the
//! article; those that leave it (back, another article, the bookmarks, a prompt) are asked of
//! the app as a [`Go`].

use super::marks;
use super::view::ReaderView;
use crate::t;
use crate::text::Direction;
use crate::tui::action::Action;
use crate::tui::find::ArticleSearch;
use crate::tui::go::Go;
use crate::tui::prompt::{Prompt, PromptFor};
use crate::tui::session::Session;
use crate::tui::term::copy;

/// What the key that cycles directions does next: the reader's rule, then right to left, then
/// left to right.
fn next_direction(d: Direction) -> Direction {
    match d {
        Direction::Majority | Direction::Auto => Direction::Rtl,
        Direction::Rtl => Direction::Ltr,
        Direction::Ltr => Direction::Majority,
    }
}

impl ReaderView {
    /// Applies an action of the reader.
    pub fn update(&mut self, action: Action, cx: &mut Session) -> Go {
        match action {
            // Esc first cancels a selection, then clears a search, then leaves the article.
            Action::Back if self.selection.is_some() || self.drag.is_some() => {
                self.selection = None;
                self.drag = None;
            }
            Action::Back if self.search.as_ref().is_some_and(ArticleSearch::is_active) => {
                if let Some(s) = &mut self.search {
                    s.clear();
                }
            }
            Action::Back => return Go::Back,
            Action::NextPage | Action::PageLeft | Action::PageRight => {
                let forward = match action {
                    Action::PageLeft => self.reads_rtl(),
                    Action::PageRight => !self.reads_rtl(),
                    _ => true,
                };
                if forward {
                    self.next_page();
                } else {
                    self.prev_page();
                }
            }
            Action::PrevPage => self.prev_page(),
            Action::HalfPageDown => self.scroll((self.height / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(-((self.height / 2).max(1) as isize)),
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::OpenInBrowser => {
                cx.message = Some(crate::tui::browser::open_article(
                    self.article.meta.url.as_deref(),
                    &cx.settings.msgs,
                ));
            }
            Action::First => self.go_to_page(0),
            Action::Last => self.go_to_page(self.pages() - 1),
            Action::NextParagraph => self.move_cursor(1),
            Action::PrevParagraph => self.move_cursor(-1),
            Action::Search => return Go::Prompt(Prompt::new(PromptFor::Search, String::new())),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleBookmark => marks::toggle_bookmark(self, cx),
            Action::EditNote => {
                if self.article.paragraphs.is_empty() {
                    cx.message = Some(t!(cx.settings.msgs, "no-paragraph-for-note"));
                    return Go::Stay;
                }
                let note = self
                    .bookmark_here()
                    .map(|b| b.note.clone())
                    .unwrap_or_default();
                return Go::Prompt(Prompt::new(PromptFor::Note, note));
            }
            Action::CycleDirection => {
                let direction = next_direction(self.options.direction);
                self.set_direction(direction);
                self.chosen = Some(direction);
                cx.message = Some(t!(
                    cx.settings.msgs,
                    "direction-set",
                    direction = crate::i18n::direction_choice(direction)
                ));
            }
            Action::NextArticle => return Go::Sibling(1),
            Action::PrevArticle => return Go::Sibling(-1),
            Action::NextUnread => return Go::NextUnread,
            Action::Bookmarks => return Go::Bookmarks,
            Action::Select => {
                self.selection = match self.selection {
                    Some(_) => None,
                    None if self.article.paragraphs.is_empty() => None,
                    None => Some(self.cursor),
                };
            }
            Action::Copy => {
                let (from, to) = self.selected();
                let text = copy::paragraphs(&self.article, from.block()..=to.block());
                if text.is_empty() {
                    cx.message = Some(t!(cx.settings.msgs, "no-paragraph-to-copy"));
                } else {
                    cx.copy(text);
                }
                self.selection = None;
            }
            _ => {}
        }
        Go::Stay
    }

    /// A mouse button went down (`Some(true)`), moved (`Some(false)`) or came up (`None`) on
    /// row `y` of the text (0 the first row shown). A drag selects whole rows; on release they
    /// are copied in reading order.
    pub fn drag(&mut self, y: usize, phase: Option<bool>, cx: &mut Session) {
        let row = (self.top + y).min(self.layout.rows.len().saturating_sub(1));
        match (phase, self.drag) {
            (Some(true), _) => self.drag = Some((row, row)),
            (Some(false), Some((anchor, _))) => self.drag = Some((anchor, row)),
            (None, Some((anchor, end))) => {
                self.drag = None;
                let text = copy::rows(
                    &self.article,
                    &self.layout,
                    anchor.min(end)..=anchor.max(end),
                );
                if !text.is_empty() {
                    cx.copy(text);
                }
            }
            _ => {}
        }
    }
}
