//! Actions: the vocabulary of the app. Key bindings (built in and from the config), the help
//! screen and the tests all speak it.

use serde::Deserialize;

macro_rules! actions {
    ($($(#[doc = $doc:literal])* $name:ident => $id:literal,)*) => {
        /// Something the user asks for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $($(#[doc = $doc])* $name,)*
        }

        impl Action {
            /// Every action, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$name,)*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$name => $id,)* }
            }

            /// One line for the help screen (the variant's doc comment).
            pub fn describe(self) -> &'static str {
                match self { $(Action::$name => concat!($($doc),*).trim_ascii(),)* }
            }

            /// The action with this config name.
            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($id => Some(Action::$name),)* _ => None }
            }
        }
    };
}

actions! {
    /// Quit qari.
    Quit => "quit",
    /// Go back to the previous screen.
    Back => "back",
    /// Show or hide this help.
    Help => "help",
    /// Move up one row.
    Up => "up",
    /// Move down one row.
    Down => "down",
    /// Move up one screen of rows.
    PageUp => "page_up",
    /// Move down one screen of rows.
    PageDown => "page_down",
    /// Go to the first article, or the first page.
    First => "first",
    /// Go to the last article, or the last page.
    Last => "last",
    /// Open the selected item.
    Open => "open",
    /// Sort the library by date, then by title.
    ToggleSort => "toggle_sort",
    /// Filter the titles as you type (Esc clears).
    Filter => "filter",
    /// Mark the selected article read, or unread again.
    ToggleRead => "toggle_read",
    /// Read the collection again from disk.
    Reload => "reload",
    /// Fetch the feeds and save their new articles into the collection.
    UpdateFeeds => "update_feeds",
    /// List the files that were skipped, and why.
    ShowSkipped => "show_skipped",
    /// Next page.
    NextPage => "next_page",
    /// Previous page.
    PrevPage => "prev_page",
    /// Page left: the next page of right-to-left text.
    PageLeft => "page_left",
    /// Page right: the next page of left-to-right text.
    PageRight => "page_right",
    /// The next article of the library.
    NextArticle => "next_article",
    /// The previous article of the library.
    PrevArticle => "prev_article",
    /// The next unread article of the library.
    NextUnread => "next_unread",
    /// Paragraph direction here: auto, right to left, left to right.
    CycleDirection => "cycle_direction",
    /// Move the cursor to the next paragraph.
    NextParagraph => "next_paragraph",
    /// Move the cursor to the previous paragraph.
    PrevParagraph => "prev_paragraph",
    /// Search (prompt: ←/→ Home End Ctrl-U Ctrl-W, ↑/↓ history).
    Search => "search",
    /// Go to the next match (Esc clears the search).
    NextMatch => "next_match",
    /// Go to the previous match.
    PrevMatch => "prev_match",
    /// Bookmark the cursor's paragraph (again: remove it).
    ToggleBookmark => "toggle_bookmark",
    /// Add or edit the note of the paragraph's bookmark.
    EditNote => "edit_note",
    /// Show every bookmark.
    Bookmarks => "bookmarks",
    /// Copy the paragraph (or the selection) in reading order.
    Copy => "copy",
    /// Select paragraphs: the paragraph keys extend, copy copies, Esc cancels.
    Select => "select",
    /// Suspend qari (fg brings it back).
    Suspend => "suspend",
    /// Delete the selected bookmark.
    Delete => "delete",
    /// Undo the last deletion.
    Undo => "undo",
    /// Scroll down half a page (the selection in a list).
    HalfPageDown => "half_page_down",
    /// Scroll up half a page (the selection in a list).
    HalfPageUp => "half_page_up",
    /// Scroll the text down one line.
    ScrollDown => "scroll_down",
    /// Scroll the text up one line.
    ScrollUp => "scroll_up",
    /// Open the article's web page (its `url`) in the browser ($BROWSER, else xdg-open).
    OpenInBrowser => "open_in_browser",
    /// The feeds, with their unread articles (Enter: the library of one feed).
    Feeds => "feeds",
}
