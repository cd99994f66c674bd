//! Bookmarks from the reader: toggling the one on the cursor paragraph and writing its note.
//! Each change goes to the state database at once and the article's marks are reloaded.

use super::action::Action;
use super::app::Session;
use super::keymap::Scope;
use super::reader::ReaderView;
use crate::store::{Place, Store, StoreError};

pub fn toggle_bookmark(r: &mut ReaderView, cx: &mut Session) {
    let note_key = cx.key(Action::EditNote, Scope::Reader);
    at_cursor_paragraph(r, cx, "bookmark", |store, r, at| {
        match r.bookmark_here().map(|b| b.id) {
            Some(id) => store
                .remove_bookmark(id)
                .map(|_| "bookmark removed".to_owned()),
            None => store
                .add_bookmark(&at, "")
                .map(|_| format!("paragraph {} bookmarked ({note_key} adds a note)", r.cursor)),
        }
    });
}

pub fn save_note(r: &mut ReaderView, cx: &mut Session, note: &str) {
    at_cursor_paragraph(r, cx, "note", |store, r, at| {
        match r.bookmark_here().map(|b| b.id) {
            Some(id) => store.set_note(id, note),
            None => store.add_bookmark(&at, note).map(drop),
        }
        .map(|()| format!("note saved on paragraph {}", r.cursor))
    });
}

/// Runs `change` on the store for the reader's cursor paragraph (`at` is where a new bookmark
/// would go), reports its outcome and reloads the article's bookmarks.
fn at_cursor_paragraph(
    r: &mut ReaderView,
    cx: &mut Session,
    what: &str,
    change: impl FnOnce(&mut Store, &ReaderView, Place<'_>) -> Result<String, StoreError>,
) {
    let root = cx.root();
    let Some(store) = &mut cx.store else {
        cx.message = Some("no state database: bookmarks are not available".to_owned());
        return;
    };
    if r.article.paragraphs.is_empty() {
        cx.message = Some(format!("this article has no paragraph for a {what}"));
        return;
    }
    let at = Place {
        article: &r.article,
        root: root.as_deref(),
        paragraph: r.cursor,
    };
    cx.message = Some(change(store, r, at).unwrap_or_else(|e| format!("{what} not saved: {e}")));
    r.bookmarks = store.bookmarks_of(&r.article.path).unwrap_or_default();
}
