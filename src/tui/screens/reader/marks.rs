//! Bookmarks from the reader: toggling the one on the cursor paragraph and writing its note.
//! Each change goes to the state database at once and the article's marks are reloaded.

use super::view::ReaderView;
use crate::store::{Place, Store, StoreError};
use crate::t;
use crate::tui::action::Action;
use crate::tui::keymap::Scope;
use crate::tui::session::Session;

pub fn toggle_bookmark(r: &mut ReaderView, cx: &mut Session) {
    at_cursor_paragraph(r, cx, Kind::Bookmark, |store, r, at| {
        match r.bookmark_here().map(|b| b.id) {
            Some(id) => store.remove_bookmark(id).map(|_| Done::Removed),
            None => store.add_bookmark(&at, "").map(|_| Done::Added),
        }
    });
}

pub fn save_note(r: &mut ReaderView, cx: &mut Session, note: &str) {
    at_cursor_paragraph(r, cx, Kind::Note, |store, r, at| {
        match r.bookmark_here().map(|b| b.id) {
            Some(id) => store.set_note(id, note),
            None => store.add_bookmark(&at, note).map(drop),
        }
        .map(|()| Done::NoteSaved)
    });
}

/// What is being saved: its messages differ.
#[derive(Clone, Copy)]
enum Kind {
    Bookmark,
    Note,
}

/// What a change did, to say so.
enum Done {
    Removed,
    Added,
    NoteSaved,
}

/// Runs `change` on the store for the reader's cursor paragraph (`at` is where a new bookmark
/// would go), reports its outcome and reloads the article's bookmarks.
fn at_cursor_paragraph(
    r: &mut ReaderView,
    cx: &mut Session,
    what: Kind,
    change: impl FnOnce(&mut Store, &ReaderView, Place<'_>) -> Result<Done, StoreError>,
) {
    let root = cx.root();
    let note_key = cx.key(Action::EditNote, Scope::Reader);
    let Some(store) = &mut cx.store else {
        cx.message = Some(t!(cx.settings.msgs, "no-state-database"));
        return;
    };
    let msgs = &cx.settings.msgs;
    if r.article.paragraphs.is_empty() {
        cx.message = Some(match what {
            Kind::Bookmark => t!(msgs, "no-paragraph-for-bookmark"),
            Kind::Note => t!(msgs, "no-paragraph-for-note"),
        });
        return;
    }
    let at = Place {
        article: &r.article,
        root: root.as_deref(),
        paragraph: r.cursor,
    };
    let paragraph = r.cursor;
    cx.message = Some(match change(store, r, at) {
        Ok(Done::Removed) => t!(msgs, "bookmark-removed"),
        Ok(Done::Added) => t!(
            msgs,
            "bookmark-added",
            paragraph = paragraph,
            key = &note_key
        ),
        Ok(Done::NoteSaved) => t!(msgs, "note-saved", paragraph = paragraph),
        Err(e) => match what {
            Kind::Bookmark => t!(msgs, "bookmark-not-saved", error = e.to_string()),
            Kind::Note => t!(msgs, "note-not-saved", error = e.to_string()),
        },
    });
    r.bookmarks = store.bookmarks_of(&r.article.path).unwrap_or_default();
}
