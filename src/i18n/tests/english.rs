//! The English messages give the strings the code wrote before there were messages.

use super::*;
use crate::t;

/// The English messages give exactly the strings the code writes today.
#[test]
fn english_is_todays_strings() {
    let m = en();
    let hints = [
        t!(m, "hint-opens", key = "Enter"),
        t!(m, "hint-deletes", key = "d"),
        t!(m, "hint-undoes", key = "u"),
        t!(m, "hint-filters", key = "/"),
        t!(m, "hint-back", key = "q"),
    ]
    .join(" · ");
    let table = [
        (
            t!(
                m,
                "library-status",
                count = 1,
                sort = "date",
                skipped = 0,
                hints = t!(m, "hint-help", key = "?")
            ),
            "1 article · sorted by date · 0 skipped · ? help",
        ),
        (
            t!(
                m,
                "library-status",
                count = 12,
                sort = "file-time",
                skipped = 3,
                hints = "? help"
            ),
            "12 articles · sorted by file time (no article has a date) · 3 skipped · ? help",
        ),
        (
            t!(
                m,
                "library-status",
                count = 0,
                sort = "title",
                skipped = 1,
                hints = "? help"
            ),
            "0 articles · sorted by title · 1 skipped · ? help",
        ),
        (
            t!(m, "skipped-files", count = 1, key = "S"),
            "1 file skipped: S lists it",
        ),
        (
            t!(m, "skipped-files", count = 4, key = "S"),
            "4 files skipped: S lists them",
        ),
        (
            t!(m, "bookmarks-status", count = 2, hints = &hints),
            "2 bookmarks · Enter opens · d deletes · u undoes · / filters · q back",
        ),
        (
            t!(
                m,
                "bookmarks-status-filtered",
                count = 1,
                filter = "غزة",
                hints = "q back"
            ),
            "1 bookmark · filter: غزة · q back",
        ),
        (
            t!(
                m,
                "results-status",
                count = 1,
                query = "سلام",
                hints = [
                    t!(m, "hint-opens", key = "Enter"),
                    t!(m, "hint-searches-again", key = "/"),
                    t!(m, "hint-back", key = "q"),
                ]
                .join(" · ")
            ),
            "1 article matches سلام  ·  Enter opens · / searches again · q back",
        ),
        (
            t!(
                m,
                "results-status",
                count = 7,
                query = "x",
                hints = "q back"
            ),
            "7 articles match x  ·  q back",
        ),
        (
            t!(
                m,
                "reader-position",
                paragraph = 3,
                paragraphs = 10,
                page = 1,
                pages = 2
            ),
            "¶ 3/10  page 1/2",
        ),
        (t!(m, "reader-match", current = 2, total = 26), "match 2/26"),
        (t!(m, "reader-no-match"), "no match"),
        (
            t!(
                m,
                "direction-set",
                direction = direction_choice(crate::text::Direction::Majority)
            ),
            "paragraph direction in this article: automatic (most letters decide)",
        ),
        (
            t!(m, "direction-set", direction = "rtl"),
            "paragraph direction in this article: right to left",
        ),
        (
            t!(m, "bookmark-added", paragraph = 3, key = "m"),
            "paragraph 3 bookmarked (m adds a note)",
        ),
        (
            t!(m, "note-saved", paragraph = 12),
            "note saved on paragraph 12",
        ),
        (
            t!(m, "bookmark-deleted", key = "u"),
            "bookmark deleted (u undoes)",
        ),
        (
            t!(m, "reloaded", added = 2, changed = 0, gone = 1),
            "reloaded from disk: 2 new, 0 changed, 1 gone",
        ),
        (t!(m, "not-found", query = "سلام"), "not found: سلام"),
        (
            t!(m, "searching", done = 5, total = 40, key = "Esc"),
            "Searching… 5 / 40  (Esc cancels)",
        ),
        (
            t!(m, "searching-start", key = "Esc"),
            "Searching…  (Esc cancels)",
        ),
        (
            t!(m, "loading-reading", done = 0, total = 100_000),
            "Reading articles… 0 / 100000",
        ),
        (
            t!(m, "help-title-scroll", key = "?", down = "j", up = "k"),
            "Keys (? closes, j/k scroll)",
        ),
        (
            t!(m, "skipped-title", key = "Esc"),
            "Skipped files (Esc closes)",
        ),
        (
            t!(m, "bookmarks-empty", key = "b"),
            "No bookmark yet. In an article, b bookmarks the paragraph under the cursor.",
        ),
        (
            t!(m, "bookmarks-no-match", filter = "x"),
            "Nothing matches the filter “x”.",
        ),
        (
            t!(m, "bookmark-when-orphaned", when = "2026-11-29"),
            "2026-11-29 · orphaned: the paragraph is gone from the article",
        ),
        (t!(m, "bookmark-label-orphaned", paragraph = 7), "¶7?"),
        (t!(m, "prompt-titles"), "titles:"),
        (
            t!(m, "no-paragraph-for-bookmark"),
            "this article has no paragraph for a bookmark",
        ),
        (
            t!(m, "bookmark-not-saved", error = "locked"),
            "bookmark not saved: locked",
        ),
        (
            t!(m, "note-not-saved", error = "locked"),
            "note not saved: locked",
        ),
        (t!(m, "help-title", key = "?"), "Keys (? closes)"),
        (
            t!(m, "keys-unknown-key", name = "next_page", key = "Hyper-x"),
            "[keys] next_page: unknown key `Hyper-x`",
        ),
        (
            t!(
                m,
                "cli-no-paragraph",
                path = "a.txt",
                paragraph = "9",
                count = 5
            ),
            "a.txt: no paragraph 9 (the article has 5)",
        ),
        (
            t!(m, "cli-too-narrow", n = "12", min = "20"),
            "12 cells is too narrow to read: use 20 or more, or 0 for the terminal's width",
        ),
        (
            t!(
                m,
                "cli-skipped",
                path = "/news/a.txt",
                reason = "empty file"
            ),
            "skipped /news/a.txt: empty file",
        ),
        (
            t!(m, "config-not-a-colour", name = "accent", value = "teal"),
            "[theme] accent = \"teal\" is not a colour (a name such as \"red\" or \"lightblue\", \
             #rrggbb, or 0-255)",
        ),
    ];
    for (got, want) in table {
        assert_eq!(got, want);
    }
}
