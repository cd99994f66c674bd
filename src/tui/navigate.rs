//! Moving between articles from the reader: the next or previous one of the library, the next
//! one never opened.

use super::app::{App, Go, Screen};
use crate::t;

impl App {
    /// Opens the article `delta` places from the selected one in the library.
    pub(super) fn open_sibling(&mut self, delta: isize) {
        let Some(Screen::Library(l)) = self.screens.first_mut() else {
            return;
        };
        let target = l
            .selected
            .checked_add_signed(delta)
            .filter(|&t| t < l.order.len());
        let Some(target) = target else {
            self.session.message = Some(if delta > 0 {
                t!(self.session.settings.msgs, "last-article")
            } else {
                t!(self.session.settings.msgs, "first-article")
            });
            return;
        };
        l.selected = target;
        self.open_selected();
    }

    /// Opens the next article after the selected one (round to the start) that was never
    /// opened.
    pub(super) fn open_next_unread(&mut self) {
        let (Some(Screen::Library(l)), Some(c)) =
            (self.screens.first_mut(), &self.session.collection)
        else {
            return;
        };
        let n = l.order.len();
        let next = (1..=n).map(|k| (l.selected + k) % n).find(|&row| {
            !self
                .session
                .reading
                .contains_key(&c.entries[l.order[row]].path)
        });
        match next {
            Some(row) => {
                l.selected = row;
                self.open_selected();
            }
            None => self.session.message = Some(t!(self.session.settings.msgs, "all-opened")),
        }
    }

    /// Opens the library's selected article in place of the reader shown.
    pub(super) fn open_selected(&mut self) {
        let Some(Screen::Library(l)) = self.screens.first_mut() else {
            return;
        };
        l.scroll_into_view(self.session.body_height());
        let Some(index) = l.current() else { return };
        match self.session.open_entry(index) {
            Ok(view) => self.go(Go::Read(Box::new(view))),
            Err(e) => self.session.message = Some(e),
        }
    }
}
